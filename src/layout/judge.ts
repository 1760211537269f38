/**
 * Judgement over a targets sheet as read from the workbook (pure): which status, percent and reason
 * cells differ from what the figures say, and the pane's summary. Only cells that change are written,
 * so a recheck of an up-to-date sheet writes nothing and raises no change event of its own.
 */
import { STATUS_LABELS, type Status } from "../core/evaluate";
import { mainTargets, type Plan } from "../core/plan";
import { type CellUpdate, type KeyedGrid, computedCells } from "./computed";
import { columnLetter } from "../core/address";
import { periodKey, targetId, targetNoOf, trafficOf } from "../core/row-id";
import type { PeriodId } from "../core/periods";
import type { ReadSheet } from "./read";
import type { CellValue } from "./sheets/types";
import type { CheckSummary, IndicatorItem } from "../contract/operations";

/** The sheet as `computedCells` reads it, in the sheet's own coordinates (row i of the grid is row i). */
export function keyedGrid(sheet: ReadSheet, grid: CellValue[][]): KeyedGrid {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const keys = new Array<string>(width).fill("");
  for (const c of sheet.columns) if (c.keyed) keys[c.index] = c.key;
  const bodyFrom = sheet.rows.length ? sheet.rows[0].index : grid.length;
  return {
    columns: keys.map((key) => ({ key })),
    rows: grid.map((values, i) => {
      const id = i >= bodyFrom ? values[sheet.idCol] : null;
      return { id: typeof id === "string" && id.trim() ? id.trim() : null, values };
    }),
  };
}

const STATUS_OF = new Map<CellValue, Status>(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as Status]));

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

/** The pane's summary from the judgement of every row: counts and the rows to look at, main targets. */
export function summaryOf(plan: Plan, grid: KeyedGrid, all: readonly CellUpdate[], period: PeriodId, sheetName: string): CheckSummary {
  const key = (c: number): string => grid.columns[c]?.key ?? "";
  const figureCol = grid.columns.findIndex((c) => c.key === periodKey(period));
  const byRow = new Map<number, { status?: CellValue; percent?: CellValue; reason?: CellValue }>();
  for (const u of all) {
    const entry = byRow.get(u.row) ?? {};
    const k = key(u.col);
    if (k === "status" || k === "percent" || k === "reason") entry[k] = u.value;
    byRow.set(u.row, entry);
  }
  const rowOf = new Map<string, number>();
  grid.rows.forEach((r, i) => r.id && !rowOf.has(r.id) && rowOf.set(r.id, i));
  const counts = { vuot: 0, dat: 0, khongDat: 0, thieuSoLieu: 0 };
  const items: IndicatorItem[] = [];
  for (const t of mainTargets(plan)) {
    const row = rowOf.get(targetId(t.no));
    const judged = row == null ? undefined : byRow.get(row);
    const status = STATUS_OF.get(judged?.status ?? null) ?? "thieu-so-lieu";
    if (status === "vuot") counts.vuot++;
    else if (status === "dat") counts.dat++;
    else if (status === "khong-dat") counts.khongDat++;
    else counts.thieuSoLieu++;
    if (status !== "khong-dat" && status !== "thieu-so-lieu") continue;
    const percent = judged?.percent;
    items.push({
      key: targetId(t.no),
      no: t.no,
      name: t.name,
      status,
      reason: typeof judged?.reason === "string" ? judged.reason : STATUS_LABELS[status],
      percent: typeof percent === "number" ? percent : null,
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
  const all = computedCells(plan, grid, period);
  const onlyRows = only ? new Set([...only].map((id) => grid.rows.findIndex((r) => r.id === id))) : null;
  const wanted = onlyRows ? all.filter((u) => onlyRows.has(u.row)) : all;
  return { writes: changedRuns(grid, wanted), summary: summaryOf(plan, grid, all, period, sheetName) };
}
