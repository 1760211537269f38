/**
 * Judgement over a targets sheet as read from the workbook (pure): which status, percent and reason
 * cells differ from what the figures say, and the pane's summary. Only cells that change are written,
 * so a recheck of an up-to-date sheet writes nothing and raises no change event of its own.
 */
import { explainRule } from "../core/evaluate/explain";
import { type PlanEvaluation, STATUS_LABELS, type Status, emptySummary, statusCounts, statusLabel } from "../core/evaluate";
import { mainTargets, type Plan } from "../core/plan";
import { type CellUpdate, type KeyedGrid, computedJudgement } from "./computed";
import { columnLetter } from "../core/address";
import { periodKey, targetId, targetNoOf, trafficOf } from "../core/row-id";
import type { PeriodId } from "../core/periods";
import type { ReadSheet } from "./read";
import type { CellValue } from "./sheets/types";
import type { TypingCulture } from "../core/culture";
import type { CheckSummary, IndicatorItem } from "../contract/operations";

/**
 * The sheet as `computedCells` reads it, in the sheet's own coordinates (row i of the grid is row i);
 * `formats`, when the host read them, are the cells' number formats (a cell formatted as % holds the fraction).
 */
export function keyedGrid(
  sheet: ReadSheet,
  grid: CellValue[][],
  formats?: readonly (readonly (string | null)[] | undefined)[],
  culture: TypingCulture | null = null,
): KeyedGrid {
  // A loop, not Math.max(...): a 100,000-row sheet is more arguments than a call may take.
  let width = 0;
  for (const r of grid) if (r && r.length > width) width = r.length;
  const keys = new Array<string>(width).fill("");
  for (const c of sheet.columns) if (c.keyed) keys[c.index] = c.key;
  // The rows' identities as the sheet was read (the identity column, or the rows a damaged sheet's reading placed).
  const ids = new Map<number, string>();
  for (const r of sheet.rows) if (r.id) ids.set(r.index, r.id);
  return {
    culture,
    columns: keys.map((key) => ({ key })),
    rows: grid.map((values, i) => {
      const id = ids.get(i) ?? null;
      const f = formats?.[i];
      return f ? { id, values, formats: f } : { id, values };
    }),
  };
}

/** A contiguous run of cells of one row to write: [row, col] and the values left to right. */
export interface RowWrite {
  row: number;
  col: number;
  values: CellValue[];
}

/** Updates that change a cell, grouped into runs along each row (status, percent, reason sit together). */
export function changedRuns(grid: KeyedGrid, updates: readonly CellUpdate[]): RowWrite[] {
  const changed = updates
    .filter((u) => (grid.rows[u.row]?.values[u.col] ?? null) !== u.value)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: RowWrite[] = [];
  for (const u of changed) {
    const last = runs[runs.length - 1];
    if (last && last.row === u.row && last.col + last.values.length === u.col) last.values.push(u.value);
    else runs.push({ row: u.row, col: u.col, values: [u.value] });
  }
  return runs;
}

/**
 * The pane's summary from the judgement of every row: the counts are `statusCounts` of the same
 * evaluation the report counts (main targets), the rows to look at are those not judged đạt and not
 * waiting for the year end (*Chưa đánh giá được* is no problem: an annual target before December).
 */
export function summaryOf(
  plan: Plan,
  grid: KeyedGrid,
  all: readonly CellUpdate[],
  evaluation: PlanEvaluation | null,
  period: PeriodId,
  sheetName: string,
): CheckSummary {
  const key = (c: number): string => grid.columns[c]?.key ?? "";
  const figureCol = grid.columns.findIndex((c) => c.key === periodKey(period));
  const reasons = new Map<number, CellValue>();
  for (const u of all) if (key(u.col) === "reason") reasons.set(u.row, u.value);
  const rowOf = new Map<string, number>();
  grid.rows.forEach((r, i) => r.id && !rowOf.has(r.id) && rowOf.set(r.id, i));
  const judged = new Map((evaluation?.rows ?? []).map((e) => [e.no, e]));
  const counts = evaluation ? statusCounts(evaluation.rows) : { ...emptySummary(), thieuSoLieu: mainTargets(plan).length };
  const items: IndicatorItem[] = [];
  for (const t of mainTargets(plan)) {
    const row = rowOf.get(targetId(t.no));
    const e = judged.get(t.no);
    const status: Status = e?.status ?? "thieu-so-lieu";
    if (status === "vuot" || status === "dat" || status === "chua-danh-gia") continue;
    const reason = row == null ? undefined : reasons.get(row);
    const label = e ? statusLabel(e) : STATUS_LABELS[status];
    items.push({
      key: targetId(t.no),
      no: t.no,
      name: t.name,
      status,
      ...(label !== STATUS_LABELS[status] ? { label } : {}),
      reason: typeof reason === "string" && reason ? reason : label,
      percent: e?.percent ?? null,
      ...(e?.target ? { rule: explainRule(e.target, t.rule ?? {}) } : {}),
      ...(e?.review ? { proposed: e.review.proposed } : {}),
      sheet: sheetName,
      cell: row == null || figureCol < 0 ? "A1" : `${columnLetter(figureCol)}${row + 1}`,
    });
  }
  return { period, counts, items };
}

/** Identities whose judgement an edit of these rows can change: the rows, their totals, traffic → its target. */
export function affectedIds(plan: Plan, grid: KeyedGrid, rows: Iterable<number>): Set<string> {
  const ids = new Set<string>();
  const traffic = plan.targets.find((t) => t.criteria === "traffic-accidents");
  for (const r of rows) {
    const id = grid.rows[r]?.id;
    if (!id) continue;
    if (trafficOf(id) && traffic) ids.add(targetId(traffic.no));
    if (targetNoOf(id) == null) continue;
    ids.add(id);
    const t = plan.targets.find((x) => targetId(x.no) === id);
    if (t?.parent) ids.add(targetId(t.parent));
  }
  return ids;
}

/** Judges every target row on the period's figures: the writes needed and the summary. */
export function judgeSheet(
  plan: Plan,
  grid: KeyedGrid,
  period: PeriodId,
  sheetName: string,
  only?: ReadonlySet<string>,
): { writes: RowWrite[]; summary: CheckSummary } {
  const { updates: all, evaluation } = computedJudgement(plan, grid, period);
  const onlyRows = only ? new Set([...only].map((id) => grid.rows.findIndex((r) => r.id === id))) : null;
  const wanted = onlyRows ? all.filter((u) => onlyRows.has(u.row)) : all;
  return { writes: changedRuns(grid, wanted), summary: summaryOf(plan, grid, all, evaluation, period, sheetName) };
}
