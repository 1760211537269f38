/**
 * A period's figures, its estimate/official mark and the task statuses, read back from the targets
 * and tasks sheets the add-in laid out (pure: sheets as read in, data out; both hosts use it, the
 * Office.js one on a live workbook, the ExcelJS one on a file): targets by the hidden identity column
 * (`t:1.2`), the period's column by the hidden key row (`p:6m`), the traffic counts (`tn:deaths:cur`),
 * the staff's overrides with their reasons (when the sheet judges this period). Whatever the user
 * moved, sorted or renamed. The traffic counts are read by ./traffic.ts, as the live judgement and
 * the check read them: a count that is not a whole number is a problem at its cell, never an exception.
 */
import { type ActualRow, type Actuals, withLastYear } from "../core/evaluate";
import type { Problem } from "../core/problems";
import type { TypingCulture } from "../core/culture";
import { ANY_PERIOD, type TaskStatusInput, taskStatusAt } from "../core/report/tasks";
import { LEGACY_STATUS_KEY } from "./sheets/tasks";
import { applySheetOverrides, sheetOverrides } from "./computed";
import { markKey, periodKey, periodsOfKeys, samePeriodKey, targetNoOf, taskCodeOf, taskStatusPeriodOf } from "../core/row-id";
import { sheetTraffic } from "./traffic";
import { type ReadSheet, preservedOf } from "./read";
import type { CellValue } from "./sheets/types";

export interface SheetActuals {
  actuals: Actuals;
  figures: "estimate" | "official" | null;
  /** Last year's figure of the same period by target number, from the *Cùng kỳ năm trước* column (empty without one). */
  samePeriod: Record<string, string | number>;
  problems: Problem[];
}

/**
 * Last year's figures of the same period written in the targets sheet's *Cùng kỳ năm trước* column of
 * `period` (layout version 3), by target number; empty cells, and sheets without the column, give none.
 * Every report path takes "So với cùng kỳ" from here (the report itself computes the percent).
 */
export function sheetSamePeriod(sheet: ReadSheet, period: string): Record<string, string | number> {
  const col = columnOf(sheet, samePeriodKey(period));
  const out: Record<string, string | number> = {};
  if (col == null) return out;
  for (const r of sheet.rows) {
    const no = targetNoOf(r.id);
    const v = cellText(r.values[col]);
    if (no != null && v != null && !(no in out)) out[no] = v;
  }
  return out;
}

const columnOf = (sheet: ReadSheet, key: string): number | null => sheet.columns.find((c) => c.key === key)?.index ?? null;

function cellText(v: CellValue | undefined): string | number | null {
  if (v == null) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v.normalize("NFC").trim();
  return v;
}

/** The periods the sheet has a figure column for. */
export function sheetPeriods(sheet: ReadSheet): string[] {
  return periodsOfKeys(sheet.columns);
}

/**
 * Null when the sheet has no column for the period (the pane offers to reload the plan with it).
 * `formats`: number formats in the sheet's coordinates where the host read them (a % cell holds the fraction).
 */
export function readSheetActuals(
  sheet: ReadSheet,
  period: string,
  formats?: readonly (readonly (string | null)[] | undefined)[],
  culture: TypingCulture | null = null,
): SheetActuals | null {
  const col = columnOf(sheet, periodKey(period));
  if (col == null) return null;
  const problems: Problem[] = [];
  const rows: ActualRow[] = [];
  for (const r of sheet.rows) {
    if (!r.id) continue;
    const no = targetNoOf(r.id);
    if (no != null) {
      const format = formats?.[r.index]?.[col];
      rows.push({ no, actual: cellText(r.values[col]), ...(format ? { format } : {}) });
    }
  }
  applySheetOverrides(rows, sheetOverrides(sheet, period), sheet.name, problems);
  const name = columnOf(sheet, "name") ?? -1;
  const traffic = sheetTraffic(sheet.rows, { figure: col, name }, { sheet: sheet.name, target: null });
  problems.push(...traffic.problems);
  // Last year's same-period figure rides on each row: the projection of a cumulative target takes it.
  const samePeriod = sheetSamePeriod(sheet, period);
  const lastYear = withLastYear(rows, samePeriod, period === "year" ? undefined : sheetSamePeriod(sheet, "year"));
  const actuals: Actuals = traffic.counts ? { rows: lastYear, traffic: traffic.counts, cells: true } : { rows: lastYear, cells: true };
  if (culture) actuals.culture = culture;
  const mark = preservedOf(sheet).headerValues[markKey(period)];
  const figures = mark === "Chính thức" ? "official" : mark === "Ước" ? "estimate" : null;
  return { actuals, figures, samePeriod, problems };
}

/**
 * Each task's status for a period as written in the tasks sheet (empty: null): the period's status
 * column, else the single one of a version-1 sheet, with the other periods' statuses beside it.
 */
export function readSheetTasks(sheet: ReadSheet, period: string): TaskStatusInput[] {
  const cols: { period: string; index: number }[] = [];
  for (const c of sheet.columns) {
    const p = taskStatusPeriodOf(c.key);
    if (p != null) cols.push({ period: p, index: c.index });
    else if (c.key === LEGACY_STATUS_KEY) cols.push({ period: ANY_PERIOD, index: c.index });
  }
  if (!cols.length) return [];
  const out: TaskStatusInput[] = [];
  for (const r of sheet.rows) {
    const code = taskCodeOf(r.id);
    if (code == null) continue;
    const written: Record<string, string | null> = {};
    for (const c of cols) {
      const v = cellText(r.values[c.index]);
      written[c.period] = v == null ? null : String(v);
    }
    out.push(taskStatusAt(code, written, period));
  }
  return out;
}
