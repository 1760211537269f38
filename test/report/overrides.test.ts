/**
 * Staff overrides read back for the report: from the targets sheet of a workbook made by `initWorkbook`,
 * by both readers (the file one behind `ktxh report BOOK.xlsx`, the grid one behind the report sheet in
 * Excel), into `Actuals.rows[].override`, and from there into the report's status.
 */
import { Workbook } from "exceljs";
import { buildReport } from "../../src/core/report/build";
import { rowCells } from "../../src/core/report/model";
import { readSheetActuals } from "../../src/layout/actuals";
import { judgedPeriodOf } from "../../src/layout/computed";
import { mergeTargets } from "../../src/layout/merge";
import { type ReadSheet, readSheet } from "../../src/layout/read";
import type { CellValue } from "../../src/layout/sheets/types";
import { readWorkbookActuals } from "../../src/hosts/xlsx/read-actuals";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { fixturePlan } from "../layout/fixture";

const plan = fixturePlan();

/** A workbook as `ktxh init` makes it, with figures and overrides typed into the targets sheet. */
function filled(
  figures: Record<string, CellValue>,
  overrides: Record<string, [CellValue, CellValue]>,
  statusPeriod: "6m" | "year" = "year",
): { workbook: Workbook; sheet: () => ReadSheet } {
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"], statusPeriod });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const colOf = (key: string): number => {
    const c = t.sheet.columns.find((x) => x.key === key);
    if (!c) throw new Error(`no column ${key}`);
    return c.index + 1;
  };
  for (const row of t.sheet.rows) {
    const no = (row.id ?? "").slice(2);
    if (!row.id?.startsWith("t:")) continue;
    if (figures[no] !== undefined) t.worksheet.getCell(row.index + 1, colOf("p:year")).value = figures[no];
    const o = overrides[no];
    if (o) {
      t.worksheet.getCell(row.index + 1, colOf("override")).value = o[0];
      t.worksheet.getCell(row.index + 1, colOf("override-reason")).value = o[1];
    }
  }
  return { workbook, sheet: () => findLayoutSheets(workbook).targets!.sheet };
}

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const REASON = "Số liệu của Chi cục Thống kê chưa chốt";

test("both readers take the override and its reason; the report prints the override", async () => {
  const { workbook, sheet } = filled({ "4": 2000, "3": 2.0 }, { "4": ["Đạt", REASON], "3": [null, "lý do không kèm điều chỉnh"] });
  const file = await readWorkbookActuals(await bytesOf(workbook), "year");
  if (!file.ok) throw new Error(JSON.stringify(file.problems));
  const live = readSheetActuals(sheet(), "year");
  if (!live) throw new Error("no period column");
  for (const actuals of [file.value.actuals, live.actuals]) {
    expect(actuals.rows.find((r) => r.no === "4")?.override).toEqual({ status: "dat", reason: REASON });
    expect(actuals.rows.find((r) => r.no === "3")?.override).toBeUndefined();
    expect(actuals.rows.filter((r) => r.override)).toHaveLength(1);
  }
  const model = buildReport({ plan, actuals: live.actuals, period: "year", figures: "estimate", tasks: null });
  const row = model.rows.find((r) => r.no === "4")!;
  // 2.000 of 1.600 is "Đạt (vượt)" by the rule; staff said "Đạt".
  expect(rowCells(model, row).pop()).toBe("Đạt");
  expect(row.overridden).toBe(true);
  expect(row.reason).toContain(REASON);
  expect(rowCells(model, model.rows.find((r) => r.no === "3")!).pop()).toBe("Đạt (vượt)");
});

test("the override survives a sort of the sheet: it follows the row's identity", async () => {
  const { workbook } = filled({ "4": 2000 }, { "4": ["Không đạt", REASON] });
  const ws = findLayoutSheets(workbook).targets!.worksheet;
  const s = findLayoutSheets(workbook).targets!.sheet;
  const a = s.rows.find((r) => r.id === "t:1")!.index + 1;
  const b = s.rows.find((r) => r.id === "t:4")!.index + 1;
  const va = ws.getRow(a).values;
  ws.getRow(a).values = ws.getRow(b).values;
  ws.getRow(b).values = va;
  const r = await readWorkbookActuals(await bytesOf(workbook), "year");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(r.value.actuals.rows.find((x) => x.no === "4")?.override).toEqual({ status: "khong-dat", reason: REASON });
  expect(r.value.actuals.rows.find((x) => x.no === "1")?.override).toBeUndefined();
});

test("a status without a reason reaches the evaluation unapplied, which warns; a non-word is a problem at its cell", async () => {
  const { sheet } = filled({ "4": 2000 }, { "4": ["Không đạt", "  "], "1": ["tạm đạt", REASON] });
  const live = readSheetActuals(sheet(), "year")!;
  expect(live.actuals.rows.find((r) => r.no === "4")?.override).toEqual({ status: "khong-dat", reason: "" });
  expect(live.actuals.rows.find((r) => r.no === "1")?.override).toBeUndefined();
  const bad = live.problems.find((p) => p.code === "actuals.bad-status");
  const col = sheet().columns.find((c) => c.key === "override")!.index;
  const row = sheet().rows.find((r) => r.id === "t:1")!.index;
  expect(bad?.location).toMatchObject({ sheet: "Chỉ tiêu", target: "1", cell: `${String.fromCharCode(65 + col)}${row + 1}` });
  const model = buildReport({ plan, actuals: live.actuals, period: "year", figures: "estimate", tasks: null });
  expect(rowCells(model, model.rows.find((r) => r.no === "4")!).pop()).toBe("Đạt (vượt)");
  expect(model.problems.map((p) => p.code)).toContain("evaluate.override-invalid");
});

test("overrides apply only to a report of the period the sheet judges", () => {
  const six = filled({ "4": 2000 }, { "4": ["Đạt", REASON] }, "6m");
  expect(judgedPeriodOf(six.sheet())).toBe("6m");
  expect(readSheetActuals(six.sheet(), "year")!.actuals.rows.some((r) => r.override)).toBe(false);
  expect(readSheetActuals(six.sheet(), "6m")!.actuals.rows.find((r) => r.no === "4")?.override?.status).toBe("dat");
  const year = filled({}, {}, "year");
  expect(judgedPeriodOf(year.sheet())).toBe("year");
});

test("a sheet laid out before the override columns existed reads as before", () => {
  const { models } = initWorkbook(plan, { periods: ["6m", "year"] });
  const m = models.targets;
  const keep = m.columns.map((c, i) => (c.key.startsWith("override") ? -1 : i)).filter((i) => i >= 0);
  const grid = m.rows.map((r) => keep.map((i) => r.values[i]));
  const year = m.columns.findIndex((c) => c.key === "p:year");
  grid[m.rows.findIndex((r) => r.id === "t:4")][keep.indexOf(year)] = 2000;
  expect(grid[0]).not.toContain("override");
  const r = readSheetActuals(readSheet(grid, "Chỉ tiêu")!, "year")!;
  expect(r.actuals.rows.find((x) => x.no === "4")).toEqual({ no: "4", actual: 2000 });
  expect(r.problems).toEqual([]);
});

test("a saved workbook reloaded keeps the override and its reason, and gains no rows", async () => {
  const { workbook } = filled({ "4": 2000 }, { "4": ["Đạt", REASON] });
  const back = new Workbook();
  await back.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const r = mergeTargets(plan, findLayoutSheets(back).targets!.sheet, { periods: ["6m", "year"] });
  const value = (id: string, key: string): CellValue => r.model.rows.find((x) => x.id === id)!.values[r.model.columns.findIndex((c) => c.key === key)];
  expect(value("t:4", "override")).toBe("Đạt");
  expect(value("t:4", "override-reason")).toBe(REASON);
  expect(value("t:4", "status")).toBe("Đạt");
  // Every header row keeps its mark in the identity column, so none comes back as a row of the user's.
  expect(r.model.rows.filter((x) => x.kind === "user")).toEqual([]);
  expect(r.model.rows.length).toBe(initWorkbook(plan, { periods: ["6m", "year"] }).models.targets.rows.length);
});
