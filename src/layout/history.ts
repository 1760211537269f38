/**
 * The history's entries from two readings of the targets sheet (pure): which input cells of which
 * rows changed, by row identity and column key (so a sorted sheet or a moved column is no change),
 * each with its target, period, the period's estimate/official mark and where the cell is now. The
 * hosts call it with the sheet as it was and as it will be once their batch is written, and append
 * the entries in that same batch.
 */
import { type HistoryAction, type HistoryEntry, type HistoryValue, historySet, newHistoryId, sameHistoryValue } from "../core/history";
import { FIGURE_MARKS, type FigureMark } from "../core/periods";
import type { Plan } from "../core/plan";
import { periodOfKey, targetId, targetNoOf, trafficOf } from "../core/row-id";
import { columnLetter } from "../core/address";
import { trafficLabel } from "../core/traffic-block";
import type { KeyedGrid } from "./computed";
import { isInputKey } from "./fingerprint";
import { OVERRIDE_KEY, OVERRIDE_REASON_KEY, trafficTarget } from "./sheets/targets";
import type { CellValue } from "./sheets/types";

export interface CellChange {
  /** Row identity ("t:7", "tn:deaths:cur"). */
  row: string;
  key: string;
  /** Where the cell is in the sheet as it is after the change (0-based). */
  at: { row: number; col: number };
  old: HistoryValue;
  new: HistoryValue;
}

const value = (v: CellValue | undefined): HistoryValue => (v == null || (typeof v === "string" && v.trim() === "") ? null : v);

/** The cell of each (row id, key) of a grid: the first row of an id wins. */
function cellsOf(grid: KeyedGrid, keys: (key: string) => boolean): Map<string, { row: number; col: number; value: HistoryValue }> {
  const cols = grid.columns.map((c, i) => ({ key: c.key, i })).filter((c) => c.key && keys(c.key));
  const out = new Map<string, { row: number; col: number; value: HistoryValue }>();
  grid.rows.forEach((r, i) => {
    if (!r.id) return;
    for (const c of cols) {
      const k = `${r.id}\u0001${c.key}`;
      if (!out.has(k)) out.set(k, { row: i, col: c.i, value: value(r.values[c.i]) });
    }
  });
  return out;
}

/**
 * The input cells (figures, override and its reason; `keys` to choose others) whose value differs
 * between `before` and `after`, matched by row identity and column key; `rows` limits it to some
 * identities (the rows an edit touched). A row or column only one side has is no change.
 */
export function cellChanges(
  before: KeyedGrid,
  after: KeyedGrid,
  opts: { keys?: (key: string) => boolean; rows?: ReadonlySet<string> } = {},
): CellChange[] {
  const keys = opts.keys ?? isInputKey;
  const was = cellsOf(before, keys);
  const out: CellChange[] = [];
  for (const [k, now] of cellsOf(after, keys)) {
    const [row, key] = k.split("\u0001");
    if (opts.rows && !opts.rows.has(row)) continue;
    const old = was.get(k);
    if (!old || sameHistoryValue(old.value, now.value)) continue;
    out.push({ row, key, at: { row: now.row, col: now.col }, old: old.value, new: now.value });
  }
  return out.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
}

/** The estimate/official mark of a period's column: the mark text in a row of no target above the body. */
export function markOf(grid: KeyedGrid, col: number): FigureMark | null {
  let found: FigureMark | null = null;
  for (const r of grid.rows) {
    if (r.id && (targetNoOf(r.id) != null || trafficOf(r.id))) break;
    const v = r.values[col];
    const t = typeof v === "string" ? v.normalize("NFC").trim() : "";
    if ((FIGURE_MARKS as readonly string[]).includes(t)) found = t as FigureMark;
  }
  return found;
}

export interface EntryContext {
  plan: Plan;
  /** The targets sheet's name. */
  sheet: string;
  /** The sheet as it is after the change (for the marks and the override's reason). */
  after: KeyedGrid;
  at: string;
  batch: string;
  /** The action of a change; by default `typed` for figures and `override` for the override columns. */
  action?: (c: CellChange) => HistoryAction;
  /** The source of a change (a returned book's sender); by default the override's reason, else "". */
  source?: (c: CellChange) => string;
  random?: () => number;
}

/** The action live judgement logs for an edit of a cell: an override (or its reason) or a typed figure. */
export function typedAction(c: CellChange): HistoryAction {
  return c.key === OVERRIDE_KEY || c.key === OVERRIDE_REASON_KEY ? "override" : "typed";
}

/** The history entries of the changes. */
export function changeEntries(changes: readonly CellChange[], x: EntryContext): HistoryEntry[] {
  const traffic = trafficTarget(x.plan);
  const reasonCol = x.after.columns.findIndex((c) => c.key === OVERRIDE_REASON_KEY);
  const random = x.random ?? Math.random;
  return changes.map((c) => {
    const no = targetNoOf(c.row);
    const t = trafficOf(c.row);
    const target = no ?? (t && traffic ? traffic.no : null);
    const name = no != null ? (x.plan.targets.find((p) => targetId(p.no) === c.row)?.name ?? "") : t ? trafficLabel(t.criterion, t.side) : "";
    const period = periodOfKey(c.key);
    const action = x.action ? x.action(c) : typedAction(c);
    const reason = action === "override" && reasonCol >= 0 ? value(x.after.rows[c.at.row]?.values[reasonCol]) : null;
    return {
      id: newHistoryId(random),
      at: x.at,
      action,
      batch: x.batch,
      period,
      target,
      name,
      key: c.key,
      row: c.row,
      sheet: x.sheet,
      cell: `${columnLetter(c.at.col)}${c.at.row + 1}`,
      old: c.old,
      new: c.new,
      mark: period ? markOf(x.after, c.at.col) : null,
      source: x.source ? x.source(c) : reason != null ? String(reason) : "",
    };
  });
}

/**
 * Edits made while no pane was watching ("sửa ngoài add-in"): each input cell the history knows whose
 * value now differs from the last value the history gave it, as an entry `outside` (old: that last
 * value). Cells the history never saw are not guessed at; the row fingerprints of the book's record
 * (issue 16) say which rows changed at all, and `rows` limits the comparison to those when given.
 */
export function outsideChanges(grid: KeyedGrid, entries: readonly HistoryEntry[], rows?: ReadonlySet<string>): CellChange[] {
  const last = new Map<string, HistoryEntry>();
  for (const e of historySet(entries)) if (e.row && e.key) last.set(`${e.row}\u0001${e.key}`, e);
  const keys = new Set([...last.values()].map((e) => e.key));
  const now = cellsOf(grid, (k) => keys.has(k));
  const out: CellChange[] = [];
  for (const [k, e] of last) {
    if (rows && e.row && !rows.has(e.row)) continue;
    const cell = now.get(k);
    if (!cell || sameHistoryValue(cell.value, e.new)) continue;
    out.push({ row: e.row as string, key: e.key as string, at: { row: cell.row, col: cell.col }, old: e.new, new: cell.value });
  }
  return out.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
}
