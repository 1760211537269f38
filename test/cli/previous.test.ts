/**
 * Issue 18's done-when through the CLI: a 2023 book and a 2024 book of the default plans give a
 * 6-month report with "So với cùng kỳ" from the 2023 book, once `ktxh previous` has written the 2023
 * figures into the 2024 book's *Cùng kỳ năm trước* column (no `--previous` then); the officer's
 * corrections are kept in the book's record, and a figure typed in that column is never overwritten.
 */
import { mkdtempSync, readFileSync, rmSync, renameSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { ReportModel } from "../../src/core/report/model";
import { builtInPlan } from "../../src/seeds";
import { findLayoutSheets, initWorkbook, readRecordSheet } from "../../src/hosts/xlsx/workbook-init";
import { recordPrevious } from "../../src/layout/sheets/record";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";

/** A sheet's values as the readers take them (row-major from A1). */
function gridOf(ws: ExcelJS.Worksheet | undefined): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, r) => {
    const line: (string | number | null)[] = [];
    for (let c = 1; c <= 15; c++) {
      const v = row.getCell(c).value;
      line.push(typeof v === "number" || typeof v === "string" ? v : v == null ? null : String(v));
    }
    out[r - 1] = line;
  });
  return Array.from(out, (x) => x ?? []);
}

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ktxh-cli-previous-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A book of a built-in plan as `ktxh init` makes it, 6-month figures typed (and, optionally, same-period ones). */
async function book(planId: string, file: string, figures: Record<string, number>, samePeriod: Record<string, number> = {}): Promise<void> {
  const plan = builtInPlan(planId);
  if (!plan) throw new Error(planId);
  const { workbook } = initWorkbook(plan, { periods: ["6m", "9m", "year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = (key: string): number => {
    const c = t.sheet.columns.find((x) => x.key === key);
    if (!c) throw new Error(key);
    return c.index + 1;
  };
  for (const row of t.sheet.rows) {
    const no = (row.id ?? "").startsWith("t:") ? (row.id ?? "").slice(2) : null;
    if (no && figures[no] !== undefined) t.worksheet.getCell(row.index + 1, col("p:6m")).value = figures[no];
    if (no && samePeriod[no] !== undefined) t.worksheet.getCell(row.index + 1, col("prev:6m")).value = samePeriod[no];
  }
  await workbook.xlsx.writeFile(join(dir, file));
}

async function report(file: string): Promise<ReportModel> {
  const io = capture(dir);
  await main(["report", file, "--period", "6m", "--json"], io);
  return JSON.parse(io.stdout()) as ReportModel;
}

const pp = (m: ReportModel, no: string): string | undefined => m.rows.find((r) => r.no === no)?.percentPrevious?.text;

describe("ktxh previous", () => {
  test("the 2023 book's 6-month figures go into the 2024 book's column; its report has So với cùng kỳ without --previous", async () => {
    await book("binh-son-2023", "2023.xlsx", { "3": 300, "8": 800, "20": 1000 });
    await book("binh-son-2024", "2024.xlsx", { "3": 400.5, "8": 900, "20": 1100 });
    const io = capture(dir);
    expect(await main(["previous", "2024.xlsx", "2023.xlsx", "-o", "2024-ck.xlsx"], io)).toBe(0);
    expect(io.stdout()).toContain("theo số và tên");
    // The book given is not changed; without the column's figures its report has no same-period column.
    expect((await report("2024.xlsx")).columns.some((c) => c.key === "percentPrevious")).toBe(false);
    const m = await report("2024-ck.xlsx");
    expect(m.columns.find((c) => c.key === "percentPrevious")?.header).toBe("So với cùng kỳ (%)");
    // Each figure written is a row of the copy's history: lấy số liệu năm trước, old → new, the file.
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync(join(dir, "2024-ck.xlsx")) as unknown as ArrayBuffer);
    const h = readHistory(gridOf(copy.getWorksheet(HISTORY_SHEET))) ?? [];
    expect(h.filter((e) => e.period === "6m").map((e) => [e.action, e.target, e.key, e.old, e.new, e.source])).toEqual([
      ["previous", "3", "prev:6m", null, 300, "2023.xlsx"],
      ["previous", "8", "prev:6m", null, 800, "2023.xlsx"],
      ["previous", "20", "prev:6m", null, 1000, "2023.xlsx"],
    ]);
    expect([pp(m, "3"), pp(m, "8"), pp(m, "20")]).toEqual(["133,5", "112,5", "110,0"]);
    // The same percent as `--previous` on the book without the column: one core.
    const io2 = capture(dir);
    await main(["report", "2024.xlsx", "--period", "6m", "--previous", "2023.xlsx", "--json"], io2);
    const viaFlag = JSON.parse(io2.stdout()) as ReportModel;
    expect([pp(viaFlag, "3"), pp(viaFlag, "8"), pp(viaFlag, "20")]).toEqual(["133,5", "112,5", "110,0"]);
  });

  test("a correction is kept in the book's record and holds next time; a figure typed in the column is kept", async () => {
    await book("binh-son-2023", "2023.xlsx", { "3": 300, "8": 800, "20": 1000 });
    await book("binh-son-2024", "2024.xlsx", { "3": 400.5, "8": 900, "20": 1100 }, { "20": 1050 });
    const io = capture(dir);
    // Officer: this year's 8 is last year's 3; this year's 3 has no counterpart.
    expect(await main(["previous", "2024.xlsx", "2023.xlsx", "--match", "8=3,3=-", "-o", "a.xlsx", "--json"], io)).toBe(1);
    const out = JSON.parse(io.stdout()) as { lines: { no: string; lastNo: string | null; how: string }[]; kept: { target: string; current: number; wanted: number }[] };
    expect(out.lines.find((l) => l.no === "8")).toMatchObject({ lastNo: "3", how: "officer" });
    expect(out.lines.find((l) => l.no === "3")).toMatchObject({ lastNo: null, how: "officer" });
    // 20 holds the officer's 1050: kept, and said with last year's 1000.
    expect(out.kept).toEqual([expect.objectContaining({ target: "20", current: 1050, wanted: 1000 })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "a.xlsx")) as unknown as ArrayBuffer);
    expect(recordPrevious(readRecordSheet(wb)).corrections).toEqual({ "8": "3", "3": null });
    let m = await report("a.xlsx");
    expect([pp(m, "3"), pp(m, "8"), pp(m, "20")]).toEqual([undefined, "300,0", "104,8"]);
    // Next time, from the copy, no --match: the corrections hold. Undoing one (8=8) replaces the figure written before.
    renameSync(join(dir, "a.xlsx"), join(dir, "b.xlsx"));
    expect(await main(["previous", "b.xlsx", "2023.xlsx", "--match", "8=8", "-o", "c.xlsx"], capture(dir))).toBe(1);
    m = await report("c.xlsx");
    expect([pp(m, "3"), pp(m, "8")]).toEqual([undefined, "112,5"]);
  });

  test("an actuals file of last year (numbers only) for the period given; bad usage exits 2", async () => {
    await book("binh-son-2024", "2024.xlsx", { "3": 400.5 });
    const { writeFileSync } = await import("fs");
    writeFileSync(join(dir, "2023.csv"), "no,actual\n3,300\n");
    expect(await main(["previous", "2024.xlsx", "2023.csv", "--period", "6m", "-o", "x.xlsx"], capture(dir))).toBe(0);
    expect(pp(await report("x.xlsx"), "3")).toBe("133,5");
    expect(await main(["previous", "2024.xlsx", "2023.csv", "-o", "2024.xlsx"], capture(dir))).toBe(2);
    expect(await main(["previous", "2024.xlsx", "2023.csv", "--match", "3", "-o", "y.xlsx"], capture(dir))).toBe(2);
    expect(await main(["previous", "2024.xlsx", "-o", "y.xlsx"], capture(dir))).toBe(2);
  });
});
