/**
 * The one reading of a workbook (layout/book.ts) on the add-in's own books after the key row or the
 * identity column was deleted: every row keeps its figure, sub-rows included, even where the plan's
 * sub-rows differ only by a number in their names ("ngành 1", "ngành 2").
 */
import { type Plan, parsePlan } from "../../src/core/plan";
import { bookActuals, readBook } from "../../src/layout/book";
import { worksheetGrid } from "../../src/hosts/xlsx/read-workbook";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";

function plan(): Plan {
  const r = parsePlan({
    id: "thu-subrows-2024",
    unit: "UBND xã Thử",
    place: "Thử",
    parentUnit: null,
    year: 2024,
    source: { document: "Kế hoạch thử" },
    targets: [
      { no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 3.000", additive: true },
      { no: "1.1", parent: "1", name: "Tổng giá trị sản xuất ngành 1", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "1.2", parent: "1", name: "Tổng giá trị sản xuất ngành 2", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "1.3", parent: "1", name: "Tổng giá trị sản xuất ngành 3", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "2", name: "Tổng thu ngân sách", unit: "tỷ đồng", target: "478,62" },
    ],
    tasks: [],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const FIGURES: Record<string, number> = { "1": 3100, "1.1": 1010, "1.2": 1020, "1.3": 1030, "2": 500 };

function figures(damage: "none" | "key-row" | "identity-column" | "both"): Record<string, unknown> {
  const p = plan();
  const { workbook } = initWorkbook(p, { periods: ["year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = t.sheet.columns.find((c) => c.key === "p:year");
  if (!col) throw new Error("no year column");
  for (const row of t.sheet.rows) {
    const v = FIGURES[(row.id ?? "").replace(/^t:/, "")];
    if (v !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = v;
  }
  if (damage === "identity-column" || damage === "both") t.worksheet.spliceColumns(t.sheet.idCol + 1, 1);
  if (damage === "key-row" || damage === "both") t.worksheet.spliceRows(t.sheet.keyRow + 1, 1);
  const book = readBook(workbook.worksheets.map(worksheetGrid), { plans: [p], chosenPlan: p });
  const a = bookActuals(book, "year");
  return Object.fromEntries((a?.actuals.rows ?? []).map((r) => [r.no, r.actual]));
}

describe("sub-rows of a damaged own book keep their figures", () => {
  test.each(["none", "key-row", "identity-column", "both"] as const)("with the %s deleted", (damage) => {
    expect(figures(damage)).toEqual(FIGURES);
  });
});
