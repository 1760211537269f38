/**
 * The CLI's start against its anchor, `node -e 0` (Node starting and doing nothing), alternated in
 * the same run as child processes: `cli.start.vs-node` is `ktxh plan` (the built-in plan printed,
 * a one-line answer that needs no ExcelJS and no docx); `cli.help.vs-node` is `ktxh --help`.
 * The CLI is the bundle in `lib/` that `bin/ktxh.js` runs (`npm run build:cli`, done by `npm ci` and
 * `npm test`); the bench builds it when it is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Ratio, compare, median } from "./alternate";
import type { Bench } from "./run";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "ktxh.js");

function ensureBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, "lib", "ktxh.js"))) execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], { cwd: ROOT, stdio: "inherit" });
}

/** Wall-clock milliseconds of one child process, which must succeed. */
function run(args: string[]): () => number {
  return () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
    return ms;
  };
}

async function startVsNode(args: string[]): Promise<Ratio> {
  ensureBuilt();
  return compare(run([BIN, ...args]), run(["-e", "0"]), {
    pairs: 9,
    warmup: 2,
    note: (a, b) => `${median(a).toFixed(0)} vs ${median(b).toFixed(0)} ms`,
  });
}

export const benches: Bench[] = [
  { name: "cli.start.vs-node", run: () => startVsNode(["plan"]) },
  { name: "cli.help.vs-node", run: () => startVsNode(["--help"]) },
];
