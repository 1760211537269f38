/**
 * `npm run bench`: every figure on a line of its own as `name: value`, a ratio against its anchor as
 * `name: median (min–max, N pairs)` (alternate.ts). Each *.bench.ts file beside this one exports
 * `benches`: named functions that return a number or a Ratio. `npm run bench -- pane check` runs
 * only the figures whose names start so.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Ratio, ratioLine } from "./alternate";

export type Bench = { name: string; run: () => number | Ratio | Promise<number | Ratio> };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { benches: Bench[] };
    for (const b of mod.benches) {
      if (only.length && !only.some((o) => b.name.startsWith(o))) continue;
      const value = await b.run();
      if (typeof value === "number") process.stdout.write(`${b.name}: ${Number.isInteger(value) ? String(value) : value.toFixed(2)}\n`);
      else process.stdout.write(`${ratioLine(b.name, value)}\n`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
