/**
 * A period's figures, its estimate/official mark and the task statuses, read back from the targets
 * and tasks sheets the add-in laid out (pure: sheets as read in, data out; both hosts use it, the
 * Office.js one on a live workbook, the ExcelJS one on a file): targets by the hidden identity column
 * (`t:1.2`), the period's column by the hidden key row (`p:6m`), the traffic counts (`tn:deaths:cur`),
 * the staff's overrides with their reasons (when the sheet judges this period). Whatever the user
 * moved, sorted or renamed. The traffic counts are read by ./traffic.ts, as the live judgement and
 * the check read them: a count that is not a whole number is a problem at its cell, never an exception.
 */
import type { ActualRow, Actuals } from "../core/evaluate";
import type { Problem } from "../core/problems";
import type { TypingCulture } from "../core/culture";
import type { TaskStatusInput } from "../core/report/tasks";
import { applySheetOverrides, sheetOverrides } from "./computed";
import { markKey, periodKey, periodsOfKeys, targetNoOf, taskCodeOf } from "../core/row-id";
import { sheetTraffic } from "./traffic";
import { type ReadSheet, preservedOf } from "./read";
import type { CellValue } from "./sheets/types";

export interface SheetActuals {
  actuals: Actuals;
  figures: "estimate" | "official" | null;
  problems: Problem[];
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
  const actuals: Actuals = traffic.counts ? { rows, traffic: traffic.counts, cells: true } : { rows, cells: true };
  if (culture) actuals.culture = culture;
  const mark = preservedOf(sheet).headerValues[markKey(period)];
  const figures = mark === "Chính thức" ? "official" : mark === "Ước" ? "estimate" : null;
  return { actuals, figures, problems };
}

/** Each task's status as written in the tasks sheet's status column (empty: null). */
export function readSheetTasks(sheet: ReadSheet): TaskStatusInput[] {
  const col = columnOf(sheet, "status");
  if (col == null) return [];
  const out: TaskStatusInput[] = [];
  for (const r of sheet.rows) {
    const code = taskCodeOf(r.id);
    if (code == null) continue;
    const v = cellText(r.values[col]);
    out.push({ code, status: v == null ? null : String(v) });
  }
  return out;
}
