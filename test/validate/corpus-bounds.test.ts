/**
 * Issue 12's bounds, measured on child processes: no file of the test corpus (the corpus of ./cases.ts,
 * the add-in's own books with their key row, identity column or both deleted, a book split one sheet
 * per office, an .ods, an encrypted book, a zip bomb) makes `ktxh check`, `ktxh evaluate` or
 * `ktxh report` exceed 1 GB of memory or run past a minute; the zip bomb is refused in under a second.
 * The commands run one after another in one child process (./run-commands.ts), not in jest's: each is
 * timed alone, and the child's peak RSS after it bounds its memory (the whole run's peak is under 1 GB,
 * so each command's is). A first command loads check's modules before any is timed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parsePlan, type Plan } from "../../src/core/plan";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { builtInPlans, defaultPlan } from "../../src/seeds";
import { zipBomb } from "../xlsx/bomb";
import { encryptedXlsx } from "../xlsx/cfb";
import { buildCases } from "./cases";
import { type ForeignRow, foreignSheet, goodRows } from "./corpus";

const GB = 1024 ** 3;
const root = path.join(__dirname, "../..");

type Result = { argv: string[]; code: number; ms: number; rss: number };

function children(dir: string, commands: string[][]): Result[] {
  const list = path.join(dir, "commands.json");
  fs.writeFileSync(list, JSON.stringify(commands));
  const r = spawnSync(process.execPath, ["-r", path.join(root, "scripts/ts-register.js"), path.join(__dirname, "run-commands.ts"), dir, list], {
    encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status ?? r.signal}): ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout) as Result[];
}

async function ownDamaged(dir: string, damage: "key-row" | "identity-column" | "both"): Promise<string> {
  const { workbook } = initWorkbook(defaultPlan(), { periods: ["6m", "year"] });
  for (const s of [findLayoutSheets(workbook).targets, findLayoutSheets(workbook).tasks]) {
    if (!s) throw new Error("no layout sheet");
    if (damage !== "key-row") s.worksheet.spliceColumns(s.sheet.idCol + 1, 1);
    if (damage !== "identity-column") s.worksheet.spliceRows(s.sheet.keyRow + 1, 1);
  }
  const file = `own-no-${damage}.xlsx`;
  await workbook.xlsx.writeFile(path.join(dir, file));
  return file;
}

async function splitBook(dir: string, plan: Plan): Promise<string> {
  const sheets: ForeignRow[][] = [[], [], []];
  let k = -1;
  for (const r of goodRows(plan)) {
    if (r.no !== "-") k = (k + 1) % sheets.length;
    sheets[k].push(r);
  }
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => foreignSheet(wb, `Phòng ${i + 1}`, 2024, rows));
  await wb.xlsx.writeFile(path.join(dir, "one-sheet-per-office.xlsx"));
  return "one-sheet-per-office.xlsx";
}

describe("no file of the corpus makes a command exceed 1 GB or a minute", () => {
  let dir: string;
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test("check, evaluate and report on every file, in a child process", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bounds-"));
    const plan2024 = builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;
    const pledge = parsePlan(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/pledge-2024.json"), "utf8")));
    if (!pledge.ok) throw new Error("pledge fixture does not parse");
    const files = (await buildCases(dir, plan2024, pledge.value)).map((c) => c.file);
    for (const d of ["key-row", "identity-column", "both"] as const) files.push(await ownDamaged(dir, d));
    files.push(await splitBook(dir, plan2024));
    fs.writeFileSync(path.join(dir, "encrypted.xlsx"), encryptedXlsx());
    fs.writeFileSync(path.join(dir, "bomb.xlsx"), await zipBomb(500));
    files.push("encrypted.xlsx", "bomb.xlsx");
    fs.mkdirSync(path.join(dir, "out"));
    // The first command loads the modules every later one uses: it is not one of those measured.
    const warm = ["check", files[0], "--json"];
    const commands = files.flatMap((f, i) => [
      ["check", f, "--json"],
      ["evaluate", f, "--json"],
      ["report", f, "-o", path.join("out", `bao-cao-${i}.xlsx`), "--json"],
    ]);
    const results = children(dir, [warm, ...commands]).slice(1);
    expect(results).toHaveLength(commands.length);
    const over = results.filter((r) => r.ms >= 60_000 || r.rss >= GB).map((r) => `${r.argv.join(" ")}: ${Math.round(r.ms)} ms, ${Math.round(r.rss / 1024 ** 2)} MB`);
    expect(over).toEqual([]);
    // Every command ended with an exit code of the CLI (0, 1, 2), none by a crash (3).
    expect(results.filter((r) => ![0, 1, 2].includes(r.code)).map((r) => r.argv.join(" "))).toEqual([]);
    // The zip bomb (~500 MB of shared strings in a few hundred KB) is refused in under a second by each command.
    const bomb = results.filter((r) => r.argv[1] === "bomb.xlsx");
    expect(bomb.map((r) => r.code)).toEqual([2, 2, 2]);
    for (const r of bomb) expect({ argv: r.argv.join(" "), fast: r.ms < 1000 }).toEqual({ argv: r.argv.join(" "), fast: true });
    const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
    process.stdout.write(`corpus bounds: ${results.length} commands, slowest ${worst.argv.join(" ")} ${Math.round(worst.ms)} ms, peak RSS ${Math.round(Math.max(...results.map((r) => r.rss)) / 1024 ** 2)} MB\n`);
  }, 900_000);
});
