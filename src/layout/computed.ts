/**
 * The judgement columns (Trạng thái, % KH, Lý do) of the targets sheet, computed from the figures of
 * one period. Works on any grid with keyed columns and identified rows: the model being built, or a
 * sheet read back from a workbook, so live judgement can recompute only the rows the user changed.
 */
import { STATUS_LABELS, type Actuals, type TrafficCounts, evaluatePlan } from "../domain/evaluate";
import type { Plan } from "../domain/plan";
import { foldKey } from "../domain/text";
import { TRAFFIC_CRITERIA, periodKey, targetId, trafficId } from "./identity";
import type { PeriodId } from "./periods";
import type { CellValue } from "./types";

/** The part of a sheet the computation reads: keys of columns and identities of rows, in place. */
export interface KeyedGrid {
  columns: readonly { key: string }[];
  rows: readonly { id: string | null; values: readonly CellValue[] }[];
}

export interface CellUpdate {
  /** Index into `grid.rows` and `grid.columns`. */
  row: number;
  col: number;
  value: CellValue;
}

const asActual = (v: CellValue | undefined): string | number | null =>
  v == null || (typeof v === "string" && v.trim() === "") ? null : v;

function countOf(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}

/**
 * Status, percent and reason for every target row of `grid` (or only those whose identity is in
 * `only`), judged on the figures of `period`. Rows of the grid that are not targets are left alone.
 */
export function computedCells(plan: Plan, grid: KeyedGrid, period: PeriodId, only?: ReadonlySet<string>): CellUpdate[] {
  const col = (key: string): number => grid.columns.findIndex((c) => c.key === key);
  const figure = col(periodKey(period));
  const status = col("status");
  const percent = col("percent");
  const reason = col("reason");
  if (status < 0 && percent < 0 && reason < 0) return [];
  const rowOf = new Map<string, number>();
  grid.rows.forEach((r, i) => {
    if (r.id) rowOf.set(r.id, i);
  });
  const valueAt = (id: string): CellValue => {
    const r = rowOf.get(id);
    return r == null || figure < 0 ? null : (grid.rows[r].values[figure] ?? null);
  };

  const actuals: Actuals = {
    rows: plan.targets.map((t) => ({ no: t.no, actual: asActual(valueAt(targetId(t.no))) })),
  };
  if (TRAFFIC_CRITERIA.some((c) => rowOf.has(trafficId(c, "cur")))) {
    const pair = (c: (typeof TRAFFIC_CRITERIA)[number]): [number | null, number | null] => [
      countOf(valueAt(trafficId(c, "prev"))),
      countOf(valueAt(trafficId(c, "cur"))),
    ];
    const traffic: TrafficCounts = { accidents: pair("accidents"), deaths: pair("deaths"), injuries: pair("injuries") };
    actuals.traffic = traffic;
  }

  const evaluation = evaluatePlan(plan, actuals);
  const updates: CellUpdate[] = [];
  for (const e of evaluation.rows) {
    const id = targetId(e.no);
    if (only && !only.has(id)) continue;
    const row = rowOf.get(id);
    if (row == null) continue;
    // Sub-rows that do not add up (growth rates by sector) get no judgement, as in 783/BC.
    const judged = e.printStatus;
    if (status >= 0) updates.push({ row, col: status, value: judged ? STATUS_LABELS[e.status] : null });
    if (percent >= 0) updates.push({ row, col: percent, value: judged ? e.percent : null });
    // "Chưa có số liệu" beside an empty figure says it all; a reason would only repeat it.
    const said = foldKey(e.reason) === foldKey(STATUS_LABELS[e.status]);
    if (reason >= 0) updates.push({ row, col: reason, value: judged && !said ? e.reason || null : null });
  }
  return updates;
}
