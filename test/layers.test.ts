// The layers' direction (README, "What each folder holds") is held by eslint.config.mjs. These tests
// lint small snippets placed in each layer: a wrong-way import must fail, the right way must pass.
// ESLint's flat config is an ES module, which jest's CommonJS runtime cannot import: one child process
// lints every snippet through ESLint's API and prints the layer-rule messages as JSON.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

const LINT_SNIPPETS = `
import { ESLint } from "eslint";
import * as path from "node:path";
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of cases) {
  const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
  out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

function lintAll(cases: [string, string][]): string[][] {
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", LINT_SNIPPETS, JSON.stringify(cases)], { cwd: root, encoding: "utf8" });
  return JSON.parse(stdout) as string[][];
}

const wrongWay: [string, string][] = [
  ["src/core/zz.ts", `import { x } from "../layout/sheets/types"; export const y = x;`],
  ["src/core/zz.ts", `import { x } from "../contract/operations"; export const y = x;`],
  ["src/core/zz.ts", `import * as fs from "node:fs"; export const y = fs;`],
  ["src/core/zz.ts", `export const y = Excel;`],
  ["src/contract/zz.ts", `import { x } from "../hosts/excel/host"; export const y = x;`],
  ["src/layout/zz.ts", `import { x } from "../hosts/xlsx/annotate"; export const y = x;`],
  ["src/layout/sheets/zz.ts", `import { x } from "../judge"; export const y = x;`],
  ["src/hosts/excel/zz.ts", `import { x } from "../../taskpane/App"; export const y = x;`],
  ["src/hosts/excel/zz.ts", `import { x } from "../xlsx/annotate"; export const y = x;`],
  ["src/hosts/xlsx/zz.ts", `import { x } from "../excel/host"; export const y = x;`],
  ["src/cli/zz.ts", `import { x } from "../taskpane/App"; export const y = x;`],
  ["src/taskpane/zz.ts", `import { x } from "../hosts/excel/host"; export const y = x;`],
  ["src/taskpane/zz.ts", `export const y = Excel.run;`],
];

const rightWay: [string, string][] = [
  ["src/layout/zz.ts", `import { x } from "../core/plan"; export const y = x;`],
  ["src/hosts/excel/zz.ts", `import { x } from "../../layout/judge"; export const y = x;`],
  ["src/taskpane/zz.ts", `import type { PaneOperations } from "../contract/operations"; export type Y = PaneOperations;`],
  ["src/taskpane/index.tsx", `import { whenOfficeReady } from "../hosts/excel"; export const y = whenOfficeReady;`],
];

describe("the layers' direction", () => {
  const results = lintAll([...wrongWay, ...rightWay]);
  it.each(wrongWay.map((c, i) => [...c, i] as const))("refuses, in %s: %s", (_file, _code, i) => {
    expect(results[i].length).toBeGreaterThan(0);
  });
  it.each(rightWay.map((c, i) => [...c, wrongWay.length + i] as const))("allows, in %s: %s", (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
