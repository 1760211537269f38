/**
 * One reading of the traffic counts: a count typed "3 vụ" (or 2,5, or text) is the same problem,
 * `traffic.bad-count` at the same visible cell, in the live judgement, the report and the check;
 * the block is found by its row ids, and by its labels when the ids are gone.
 */
import { Buffer } from "node:buffer";
import { Workbook } from "exceljs";
import type { Problem } from "../../src/core/problems";
import { trafficId } from "../../src/core/row-id";
import { validateGrid } from "../../src/core/validate";
import { readWorkbookActuals } from "../../src/hosts/xlsx/read-actuals";
import { readWorkbook } from "../../src/hosts/xlsx/read-workbook";
import { readWorksheetGrid } from "../../src/hosts/xlsx/apply-layout";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { computedCells, gridTraffic } from "../../src/layout/computed";
import { keyedGrid } from "../../src/layout/judge";
import type { CellValue } from "../../src/layout/sheets/types";
import { fixturePlan } from "./fixture";

const plan = fixturePlan();
const TRAFFIC_TARGET = "5";

/** A book as `ktxh init` makes it, the six counts of the year typed as given; `dropIds` clears the identity column. */
function book(counts: Partial<Record<string, CellValue>>, dropIds = false): { workbook: Workbook; cellOf: (id: string) => string } {
  const { workbook } = initWorkbook(plan, { periods: ["year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = t.sheet.columns.find((c) => c.key === "p:year");
  if (!col) throw new Error("no year column");
  const cells = new Map<string, string>();
  for (const row of t.sheet.rows) {
    if (!row.id) continue;
    const cell = t.worksheet.getCell(row.index + 1, col.index + 1);
    cells.set(row.id, cell.address);
    if (counts[row.id] !== undefined) cell.value = counts[row.id] as string | number;
    if (dropIds && row.id.startsWith("tn:")) t.worksheet.getCell(row.index + 1, t.sheet.idCol + 1).value = null;
  }
  return { workbook, cellOf: (id) => cells.get(id) ?? "?" };
}

const brief = (ps: readonly Problem[]) => ps.filter((p) => p.code.startsWith("traffic.bad")).map((p) => `${p.code} ${p.location.sheet} ${p.location.cell}`).sort();

/** The traffic count problems each path gives for the same book. */
async function everyPath(workbook: Workbook) {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const grid = keyedGrid(t.sheet, readWorksheetGrid(t.worksheet));
  const live = gridTraffic(plan, grid, "year", t.sheet.name);
  const report = await readWorkbookActuals(bytes, "year");
  const read = await readWorkbook(Buffer.from(bytes), "book.xlsx");
  if (!read.ok) throw new Error("unreadable");
  const check = validateGrid(plan, read.grids);
  return { live, grid, report: report.problems, check, reportCounts: report.ok ? report.value.actuals.traffic : null };
}

describe("the traffic counts, one reading", () => {
  test('"3 vụ", 2,5 and text: the same traffic.bad-count at the same cell in the live judgement, the report and the check', async () => {
    const typed = { [trafficId("accidents", "prev")]: 120, [trafficId("accidents", "cur")]: "3 vụ", [trafficId("deaths", "prev")]: 2.5, [trafficId("injuries", "cur")]: "không rõ" };
    const { workbook, cellOf } = book(typed);
    const want = [trafficId("accidents", "cur"), trafficId("deaths", "prev"), trafficId("injuries", "cur")].map((id) => `traffic.bad-count Chỉ tiêu ${cellOf(id)}`).sort();
    const r = await everyPath(workbook);
    expect(brief(r.live.problems)).toEqual(want);
    expect(brief(r.report)).toEqual(want);
    expect(brief(r.check)).toEqual(want);
    // Never silently blank: the live judgement says it in the traffic target's reason, at the cell.
    const reasonCol = r.grid.columns.findIndex((c) => c.key === "reason");
    const targetRow = r.grid.rows.findIndex((x) => x.id === `t:${TRAFFIC_TARGET}`);
    const reason = computedCells(plan, r.grid, "year").find((u) => u.row === targetRow && u.col === reasonCol)?.value;
    expect(String(reason)).toContain(cellOf(trafficId("accidents", "cur")));
    // The counts that were read are the same.
    expect(r.live.counts).toEqual(r.reportCounts);
    expect(r.live.counts?.accidents).toEqual([120, null]);
  });

  test("whole counts typed as vi-VN text are read the same by every path; only the check adds its text-number warning", async () => {
    const { workbook } = book({ [trafficId("accidents", "prev")]: "1.200", [trafficId("accidents", "cur")]: 1100 });
    const r = await everyPath(workbook);
    expect(r.live.problems).toEqual([]);
    expect(brief(r.report)).toEqual([]);
    expect(brief(r.check)).toEqual([]);
    expect(r.live.counts?.accidents).toEqual([1200, 1100]);
    expect(r.reportCounts?.accidents).toEqual([1200, 1100]);
  });

  test("the block is found by its labels when its ids are gone", async () => {
    const { workbook, cellOf } = book({ [trafficId("deaths", "cur")]: "3 vụ", [trafficId("deaths", "prev")]: 7 }, true);
    const r = await everyPath(workbook);
    const want = [`traffic.bad-count Chỉ tiêu ${cellOf(trafficId("deaths", "cur"))}`];
    expect(brief(r.live.problems)).toEqual(want);
    expect(brief(r.report)).toEqual(want);
    expect(brief(r.check)).toEqual(want);
    expect(r.live.counts?.deaths).toEqual([7, null]);
  });
});
