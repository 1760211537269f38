/**
 * Reload and plan change: lay the new plan out again without losing anything the user typed.
 * Figures, estimate/official marks, notes, task statuses and result notes follow their row's identity
 * and their column's key; rows and columns the user inserted are kept where they were; filled rows
 * the new plan no longer has are reported (`dropped`) so the host can ask, and kept at the bottom
 * unless the host says otherwise. Pure decision data: the host applies `model` as it is.
 */
import type { TypingCulture } from "../core/culture";
import type { Plan } from "../core/plan";
import { isMarker, periodOfKey } from "../core/row-id";
import { type PeriodId, isPeriodId, listPeriods } from "../core/periods";
import { preservedOf, type ReadSheet } from "./read";
import { type PreservedSheet, type SheetModel, buildTargetsModel, buildTasksModel, emptyPreserved } from "./sheet-model";
import { targetsBody, targetsLayout } from "./sheets/targets";
import { tasksBody, tasksLayout } from "./sheets/tasks";
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

export function mergeTasks(plan: Plan, current: ReadSheet | null, opts: MergeOptions = {}): MergeResult {
  const preserved = current ? preservedOf(current) : emptyPreserved();
  const dropped = reconcile(preserved, tasksBody(plan), userKeys(tasksLayout(plan), preserved), opts.keepDropped ?? true);
  return { model: buildTasksModel(plan, preserved), dropped };
}
