/**
 * `ktxh check` on one generated 100,000-row sheet (big-sheet.ts) against merely opening the same file
 * with ExcelJS, each in a child process of its own, alternated (alternate.ts: a warm-up pair, then
 * check, open, check, open …): check.vs-open.100000rows is the median of the pairs' time ratios,
 * check.mem.vs-open.100000rows that of their peak RSS. Both ≤ 1.5 when check is linear in the rows.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Ratio, alternate, median, ratioOf } from "./alternate";
import { writeBigSheet } from "./big-sheet";
import type { Bench } from "./run";

const ROWS = 100000;
type Run = { ms: number; rss: number };
let runs: { check: Run[]; open: Run[] } | null = null;

function inChild(what: "check" | "open", file: string): Run {
  const root = path.join(__dirname, "..");
  const out = execFileSync(process.execPath, ["-r", path.join(root, "scripts/ts-register.js"), path.join(__dirname, "big-sheet.ts"), what, file], {
    cwd: root, encoding: "utf8", maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "") as Run;
}

async function measure(): Promise<{ check: Run[]; open: Run[] }> {
  if (runs) return runs;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bench-big-"));
  const file = path.join(dir, "100000-dong.xlsx");
  try {
    await writeBigSheet(file, ROWS);
    const m = await alternate(() => inChild("check", file), () => inChild("open", file), { pairs: 7 });
    runs = { check: m.a, open: m.b };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

const mb = (b: number): string => `${(b / (1024 * 1024)).toFixed(0)} MB`;

export const benches: Bench[] = [
  {
    name: "check.vs-open.100000rows",
    run: async (): Promise<Ratio> => {
      const { check, open } = await measure();
      const a = check.map((x) => x.ms);
      const b = open.map((x) => x.ms);
      return ratioOf(a, b, `${median(a).toFixed(0)} vs ${median(b).toFixed(0)} ms`);
    },
  },
  {
    name: "check.mem.vs-open.100000rows",
    run: async (): Promise<Ratio> => {
      const { check, open } = await measure();
      const a = check.map((x) => x.rss);
      const b = open.map((x) => x.rss);
      return ratioOf(a, b, `${mb(median(a))} vs ${mb(median(b))} peak RSS`);
    },
  },
];
