/**
 * `ktxh collect` on a folder of 100 returned submission books against `ktxh check` on the same folder,
 * alternated in one run (alternate.ts): collect.100files.vs-check. The books are the cycle plan's
 * (test/cycle/fill.ts), filled by a script, copied until there are 100.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { compare, timed } from "./alternate";
import type { Bench } from "./run";
import { main } from "../src/cli/main";
import { cyclePlan, fillBook } from "../test/cycle/fill";

const COUNT = 100;

async function generate(): Promise<{ dir: string; plan: string; books: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bench-collect-"));
  const quiet = { cwd: dir, out: () => undefined, err: () => undefined };
  fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(cyclePlan()));
  if ((await main(["init", "--plan", "plan.json", "-o", "plan.xlsx"], quiet)) !== 0) throw new Error("init");
  if ((await main(["submissions", "plan.xlsx", "--period", "6m", "--out", "phieu"], quiet)) !== 0) throw new Error("submissions");
  const books = path.join(dir, "nhan");
  fs.mkdirSync(books);
  const sent = fs.readdirSync(path.join(dir, "phieu")).sort();
  for (let i = 0; i < COUNT; i++) {
    const file = sent[i % sent.length];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "phieu", file));
    fillBook(wb, file, (no) => (no ? 1000 + Number(no) : undefined));
    await wb.xlsx.writeFile(path.join(books, `${String(i).padStart(3, "0")}-${file}`));
  }
  return { dir, plan: path.join(dir, "plan.xlsx"), books };
}

async function collectVsCheck() {
  const c = await generate();
  const io = { cwd: c.dir, out: () => undefined, err: () => undefined };
  const r = await compare(
    timed(() => main(["collect", c.plan, c.books, "--period", "6m", "-o", path.join(c.dir, "tong-hop.xlsx"), "--json"], io)),
    timed(() => main(["check", c.books, "--json"], io)),
    { pairs: 7, note: (a, b) => `${Math.round(a.reduce((x, y) => x + y) / a.length)} vs ${Math.round(b.reduce((x, y) => x + y) / b.length)} ms` },
  );
  fs.rmSync(c.dir, { recursive: true, force: true });
  return r;
}

export const benches: Bench[] = [{ name: "collect.100files.vs-check", run: collectVsCheck }];
