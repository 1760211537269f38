/**
 * The 100,000-row sheet of check.vs-open.100000rows, and the child process each side of that
 * comparison runs in. A colleague's table (title, two-line header, the plan's rows) followed by
 * rows that are no target of the plan (households, fields …): every one of them is a `row.unplaced`.
 *
 *   node -r ./scripts/ts-register.js bench/big-sheet.ts check|open FILE
 * prints `{"ms": …, "rss": …}`: the milliseconds of the work itself (module loading left out: it is
 * the same for every file and is measured as the CLI's start) and the process's peak RSS in bytes.
 * `check` runs `ktxh check FILE` as the CLI does (text output, dropped); `open` merely loads the
 * file with ExcelJS.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { commands } from "../src/cli/commands";
import { builtInPlans } from "../src/seeds";
import { type ForeignRow, foreignSheet, goodRows } from "../test/validate/corpus";

const WORDS = ["xã", "thôn", "hộ", "diện tích", "sản lượng", "lúa", "ngô", "trâu", "bò", "đường", "trường", "học sinh"];

export async function writeBigSheet(file: string, rows: number): Promise<void> {
  const plan = builtInPlans()[0];
  const body: ForeignRow[] = goodRows(plan);
  for (let i = body.length; i < rows; i++) {
    body.push({ no: i + 1, name: `Hộ ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} số ${i}`, unit: "hộ", plan: i % 100, actual: (i * 3) % 1000 });
  }
  const wb = new ExcelJS.Workbook();
  foreignSheet(wb, "Tổng hợp", plan.year, body);
  await wb.xlsx.writeFile(file);
}

async function child(what: string, file: string): Promise<void> {
  // The check command's modules are loaded before the clock starts, as ExcelJS is for the open: each
  // command is loaded on first use (src/cli/commands/index.ts), and here, from the TypeScript
  // sources, that loading (transpiling) took a second of its own, not check's work on the file.
  if (what !== "open") await commands.find((c) => c.name === "check")?.load();
  const t0 = performance.now();
  if (what === "open") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    if (!wb.worksheets.length) throw new Error("bench file unreadable");
  } else {
    const code = await main(["check", file], { cwd: process.cwd(), out: () => undefined, err: () => undefined });
    if (code === 2) throw new Error("bench file unreadable");
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS * 1024 }) + "\n");
}

if (require.main === module) {
  const [what, file] = process.argv.slice(2);
  child(what, file).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
