/**
 * Issue 18's done-when through the Office.js host on the strict in-memory Excel: a 2024 book of the
 * default plan loaded as the pane loads it, "Lấy số liệu năm trước" with a 2023 book made by `ktxh init`
 * (read by the file host's reader, as the pane reads it), the matching shown and corrected, the 2023
 * figures written to the *Cùng kỳ năm trước* columns in constant syncs, the correction kept in the
 * book's record, a figure typed there never overwritten, and the 6-month report with "So với cùng kỳ".
 */
import { builtInPlan } from "../../src/seeds";
import type { CycleFileIn, PreviousYearOutcome, PreviousYearPreview } from "../../src/contract/operations";
import { cycleFiles } from "../../src/hosts/xlsx/cycle-files";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { decodeRecord, recordPrevious } from "../../src/layout/sheets/record";
import { buildReportSheet } from "../../src/hosts/excel/report-sheet";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { cellOf, setup, syncsOf } from "./support";

jest.setTimeout(120_000);

const yes = async (): Promise<boolean> => true;
const SHEET = "Chỉ tiêu";

/** Last year's book as `ktxh init` makes it, with its 6-month figures typed. */
async function book2023(figures: Record<string, number>): Promise<CycleFileIn> {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("plan");
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = t.sheet.columns.find((c) => c.key === "p:6m");
  if (!col) throw new Error("no 6m column");
  for (const row of t.sheet.rows) {
    const no = (row.id ?? "").slice(2);
    if ((row.id ?? "").startsWith("t:") && figures[no] !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = figures[no];
  }
  return { name: "binh-son-2023.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), received: null };
}

describe("Lấy số liệu năm trước in Excel", () => {
  test("a 2023 book gives the 2024 book's Cùng kỳ column and the 6-month report's So với cùng kỳ, a correction kept", async () => {
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("plan");
    const { wb, ops, run } = setup({}, { cycleFiles: async () => cycleFiles });
    await ops.loadPlan(plan, ["6m", "9m", "year"], yes);
    for (const [no, v] of Object.entries({ "3": "400.5", "8": "900", "20": "1100" })) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, "p:6m"), v);
    // The officer typed last year's 20 before: kept whatever the file says.
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:20", "prev:6m"), "1050");
    const file = await book2023({ "3": 300, "8": 800, "20": 1000, "14": 7 });

    let preview: PreviousYearPreview | null = null;
    expect(await syncsOf(wb, async () => void (preview = await ops.previewPreviousYear(file, "6m")))).toBe(2);
    const p = preview as unknown as PreviousYearPreview;
    expect(p.periods).toEqual(["6m"]);
    expect(p.missingColumns).toEqual([]);
    expect(p.lines.find((l) => l.no === "3")).toMatchObject({ lastNo: "3", how: "number-and-name" });
    expect(p.candidates.length).toBe(builtInPlan("binh-son-2023")?.targets.length);
    // Previewing writes nothing.
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "prev:6m")).value).toBe("");

    // The officer corrects: this year's 14 has no counterpart last year.
    let out: PreviousYearOutcome | null = null;
    expect(await syncsOf(wb, async () => void (out = await ops.writePreviousYear(file, "6m", { "14": null })))).toBe(3);
    const o = out as unknown as PreviousYearOutcome;
    expect(o.lines.find((l) => l.no === "14")).toMatchObject({ lastNo: null, how: "officer" });
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "prev:6m")).value).toBe(300);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:8", "prev:6m")).value).toBe(800);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:14", "prev:6m")).value).toBe("");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:20", "prev:6m")).value).toBe(1050);
    expect(o.kept).toEqual([expect.objectContaining({ target: "20", current: 1050, wanted: 1000 })]);
    const record = decodeRecord(wb.user.grid("_ktxh", "A1:E40"));
    expect(recordPrevious(record).corrections).toEqual({ "14": null });
    // Each figure written is a row of the book's history, in the same 3 syncs; the officer's 1050 (kept) is none.
    const h = readHistory(wb.user.grid(HISTORY_SHEET, "A1:O100")) ?? [];
    const written = h.filter((e) => e.action === "previous" && e.period === "6m");
    expect(written.map((e) => [e.target, e.key, e.old, e.new, e.source]).filter(([t]) => ["3", "8", "20"].includes(String(t)))).toEqual([
      ["3", "prev:6m", null, 300, "binh-son-2023.xlsx"],
      ["8", "prev:6m", null, 800, "binh-son-2023.xlsx"],
    ]);
    expect(written.every((e) => e.cell === cellOf(wb, SHEET, `t:${e.target ?? ""}`, "prev:6m"))).toBe(true);
    expect(new Set(written.map((e) => e.batch)).size).toBe(1);
    expect(new Set(written.map((e) => e.id)).size).toBe(written.length);
    expect(written.some((e) => e.target === "14" || e.target === "20")).toBe(false);

    // The next time, the correction holds without being given again.
    const again = await ops.previewPreviousYear(file, "6m");
    expect(again.lines.find((l) => l.no === "14")).toMatchObject({ lastNo: null, how: "officer" });

    // The 6-month report takes So với cùng kỳ from the column: 400,5 / 300, 900 / 800, 1100 / 1050.
    const report = await buildReportSheet(run, { period: "6m", keepPrevious: false, isSetSupported: () => true });
    expect(report.sheet).toBe("Báo cáo");
    const grid = wb.user.grid("Báo cáo", "A1:L60");
    const header = grid.find((r) => r.includes("So với cùng kỳ (%)")) ?? [];
    const col = header.indexOf("So với cùng kỳ (%)");
    expect(col).toBeGreaterThan(0);
    const at = (no: string): unknown => grid.find((r) => r[0] === no)?.[col];
    expect([at("3"), at("8"), at("20")].map(String)).toEqual(["133.5", "112.5", "104.8"]);
  });

  test("a book laid out before the column: said, nothing written", async () => {
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("plan");
    const { wb, ops } = setup({}, { cycleFiles: async () => cycleFiles });
    await ops.loadPlan(plan, ["6m", "year"], yes);
    // The column's key wiped, as an older layout has no such column.
    const key = cellOf(wb, SHEET, "t:3", "prev:6m").replace(/\d+$/, "1");
    wb.user.type(SHEET, key, "");
    const file = await book2023({ "3": 300 });
    const p = await ops.previewPreviousYear(file, "6m");
    expect(p.missingColumns).toEqual(["6m"]);
    await expect(ops.writePreviousYear(file, "6m", {})).rejects.toThrow("Cùng kỳ năm trước");
  });
});

describe("a book laid out before the Cùng kỳ năm trước columns (targets layout 2)", () => {
  test("reloading the plan adds the columns and keeps every figure typed; a figure typed in them survives the next reload", async () => {
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("plan");
    const { wb, ops } = setup({}, { cycleFiles: async () => cycleFiles });
    await ops.loadPlan(plan, ["6m", "year"], yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:6m"), "400.5");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:8", "p:year"), "1720");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "note"), "Số của Chi cục Thuế");
    // The layout-2 sheet: no same-period columns.
    for (const key of ["prev:year", "prev:6m"]) wb.user.deleteColumns(SHEET, cellOf(wb, SHEET, "t:3", key).replace(/\d+$/, ""));
    expect(() => cellOf(wb, SHEET, "t:3", "prev:6m")).toThrow();

    await ops.loadPlan(plan, ["6m", "year"], yes);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "p:6m")).value).toBe(400.5);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:8", "p:year")).value).toBe(1720);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "note")).value).toBe("Số của Chi cục Thuế");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "prev:6m")).value).toBe("");

    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "prev:6m"), "300");
    await ops.loadPlan(plan, ["6m", "9m", "year"], yes);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "prev:6m")).value).toBe(300);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "p:6m")).value).toBe(400.5);
  });
});
