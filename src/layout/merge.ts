/**
 * Reload and plan change: lay the new plan out again without losing anything the user typed.
 * Figures, estimate/official marks, notes, task statuses and result notes follow their row's identity
 * and their column's key; rows and columns the user inserted are kept where they were; filled rows
 * the new plan no longer has are reported (`dropped`) so the host can ask, and kept at the bottom
 * unless the host says otherwise. Pure decision data: the host applies `model` as it is.
 */
import type { TypingCulture } from "../core/culture";
import type { Plan } from "../core/plan";
import { isMarker, periodOfKey, taskResultKey, taskResultPeriodOf, taskStatusKey, taskStatusPeriodOf } from "../core/row-id";
import { type PeriodId, isPeriodId, latestPeriod, listPeriods } from "../core/periods";
import { preservedOf, type ReadSheet } from "./read";
import { type PreservedSheet, type SheetModel, buildTargetsModel, buildTasksModel, emptyPreserved } from "./sheet-model";
import { targetsBody, targetsLayout } from "./sheets/targets";
import { LEGACY_RESULT_KEY, LEGACY_STATUS_KEY, taskPeriods, tasksBody, tasksLayout } from "./sheets/tasks";
import type { BodyRow, CellValue, SheetLayout } from "./sheets/types";

export interface DroppedRow {
  /** The row's identity ("t:21", "n:2.19"). */
  key: string;
  values: Record<string, CellValue>;
}

export interface MergeResult {
  model: SheetModel;
  /** Filled rows the new plan does not have. Kept in `model` unless `keepDropped` was false. */
  dropped: DroppedRow[];
}

export interface TargetsMergeResult extends MergeResult {
  /** The periods laid out: those asked for plus those the workbook already has figures for. */
  periods: PeriodId[];
}

export interface MergeOptions {
  /** Keep dropped rows under the "no longer in the plan" heading (default true). */
  keepDropped?: boolean;
}

const filled = (v: CellValue | undefined): boolean => v != null && !(typeof v === "string" && v.trim() === "");

/** Keys whose values make a row worth keeping: the user's inputs and the user's own columns. */
function userKeys(layout: SheetLayout, preserved: PreservedSheet): string[] {
  const keys = layout.columns.filter((c) => c.role === "input").map((c) => c.key);
  return [...keys, ...preserved.userColumns.map((c) => c.key)];
}

/** Decides what happens to rows of the old sheet the new plan does not have. */
function reconcile(preserved: PreservedSheet, planRows: BodyRow[], keys: string[], keepDropped: boolean): MergeResult["dropped"] {
  const planIds = new Set(planRows.map((r) => r.id).filter((id): id is string => id != null));
  const dropped: DroppedRow[] = [];
  const formulas = (preserved.formulas ??= {});
  for (const [id, values] of Object.entries(preserved.inputs)) {
    if (planIds.has(id) || isMarker(id)) continue;
    const typed = formulas[id];
    delete preserved.inputs[id];
    delete formulas[id];
    if (!keys.some((k) => filled(values[k]) || typed?.[k])) continue;
    dropped.push({ key: id, values });
    if (keepDropped) preserved.kept.push({ id, values, ...(typed ? { formulas: typed } : {}) });
  }
  // A kept row whose item is back in the plan takes its place again.
  preserved.kept = preserved.kept.filter((k) => {
    if (!planIds.has(k.id) || preserved.inputs[k.id]) return true;
    preserved.inputs[k.id] = k.values;
    if (k.formulas) formulas[k.id] = k.formulas;
    return false;
  });
  return dropped;
}

/** Periods with a figure anywhere in the old sheet: never closed behind the user's back. */
function periodsWithData(sheet: ReadSheet): PeriodId[] {
  const out: PeriodId[] = [];
  for (const c of sheet.columns) {
    const id = periodOfKey(c.key);
    if (id == null || !isPeriodId(id)) continue;
    if (sheet.rows.some((r) => filled(r.values[c.index]))) out.push(id);
  }
  return out;
}

export function mergeTargets(
  plan: Plan,
  current: ReadSheet | null,
  opts: { periods: readonly PeriodId[]; statusPeriod?: PeriodId | null; culture?: TypingCulture | null } & MergeOptions,
): TargetsMergeResult {
  const preserved = current ? preservedOf(current) : emptyPreserved();
  const wanted = current ? [...opts.periods, ...periodsWithData(current)] : [...opts.periods];
  const periods = listPeriods(plan.year, wanted).map((p) => p.id);
  const layout = targetsLayout(plan, { periods, statusPeriod: opts.statusPeriod });
  const dropped = reconcile(preserved, targetsBody(plan, periods), userKeys(layout, preserved), opts.keepDropped ?? true);
  const model = buildTargetsModel(plan, { periods, statusPeriod: opts.statusPeriod, culture: opts.culture ?? null }, preserved);
  return { model, dropped, periods };
}

/** Periods with a task status or result anywhere in the old tasks sheet: their columns stay. */
export function taskPeriodsWithData(sheet: ReadSheet): PeriodId[] {
  const out: PeriodId[] = [];
  for (const c of sheet.columns) {
    const id = taskStatusPeriodOf(c.key) ?? taskResultPeriodOf(c.key);
    if (id == null || !isPeriodId(id) || out.includes(id)) continue;
    if (sheet.rows.some((r) => filled(r.values[c.index]))) out.push(id);
  }
  return out;
}

/** Whether a tasks sheet is of layout version 1: one status column (key "status") for the whole year. */
export function hasLegacyTaskStatus(sheet: ReadSheet): boolean {
  return sheet.columns.some((c) => c.key === LEGACY_STATUS_KEY || c.key === LEGACY_RESULT_KEY);
}

/**
 * A version-1 sheet's single status and result, moved to the period they were reported for (the one
 * the book judged): under the new keys, in plan rows, rows the user inserted and kept rows, values and
 * formulas alike; the user's columns that followed them follow the new columns. A period that already
 * has a value keeps it (never overwritten).
 */
function migrateLegacy(preserved: PreservedSheet, to: PeriodId): void {
  const moves: [string, string][] = [[LEGACY_STATUS_KEY, taskStatusKey(to)], [LEGACY_RESULT_KEY, taskResultKey(to)]];
  const move = (values: Record<string, unknown> | undefined): void => {
    if (!values) return;
    for (const [from, into] of moves) {
      if (!(from in values)) continue;
      if (!(into in values)) values[into] = values[from];
      delete values[from];
    }
  };
  for (const v of Object.values(preserved.inputs)) move(v);
  for (const v of Object.values(preserved.formulas ?? {})) move(v);
  for (const u of preserved.userRows) { move(u.values); move(u.formulas); }
  for (const k of preserved.kept) { move(k.values); move(k.formulas); }
  for (const c of preserved.userColumns) for (const [from, into] of moves) if (c.after === from) c.after = into;
}

/**
 * The period a version-1 tasks sheet's single status was reported for: the latest period the targets
 * sheet has figures for (the statuses were typed with them), else the period the book judged, else the
 * latest of the book's periods.
 */
export function legacyTaskPeriod(year: number, targets: ReadSheet | null, judged: PeriodId | null, periods: readonly PeriodId[]): PeriodId {
  const withFigures = targets ? periodsWithData(targets) : [];
  return latestPeriod(year, withFigures) ?? judged ?? latestPeriod(year, periods) ?? "year";
}

export interface TasksMergeOptions extends MergeOptions {
  /** The book's periods (the targets sheet's); periods the old sheet has statuses for are added. */
  periods: readonly PeriodId[];
  /** Where a version-1 sheet's single status goes: the period the book judged (default: the latest). */
  legacyPeriod?: PeriodId | null;
}

export interface TasksMergeResult extends MergeResult {
  periods: PeriodId[];
  /** The period a one-status sheet's statuses were moved to; null when the sheet had none to move. */
  migrated: PeriodId | null;
}

export function mergeTasks(plan: Plan, current: ReadSheet | null, opts: TasksMergeOptions): TasksMergeResult {
  const preserved = current ? preservedOf(current) : emptyPreserved();
  const wanted = [...opts.periods, ...(current ? taskPeriodsWithData(current) : [])];
  let migrated: PeriodId | null = null;
  if (current && hasLegacyTaskStatus(current)) {
    migrated = opts.legacyPeriod ?? latestPeriod(plan.year, wanted.length ? wanted : ["year"]) ?? "year";
    migrateLegacy(preserved, migrated);
    wanted.push(migrated);
  }
  const periods = taskPeriods(plan, { periods: wanted }).map((p) => p.id);
  const dropped = reconcile(preserved, tasksBody(plan), userKeys(tasksLayout(plan, { periods }), preserved), opts.keepDropped ?? true);
  return { model: buildTasksModel(plan, { periods }, preserved), dropped, periods, migrated };
}
