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
import { isInputKey, rowFingerprint, rowsChangedSince } from "./fingerprint";
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

/** Subsets of a row's unknown cells tried against its recorded fingerprint: 2^10, bounded whatever the row. */
const MAX_UNKNOWN = 10;

/**
 * Edits made while no pane was watching ("sửa ngoài add-in"), found by the row fingerprints of the
 * book's record (layout/fingerprint.ts: `judged`, the rows' inputs as last judged). Only rows whose
 * fingerprint changed are looked at; in each, an input cell the history knows whose value now differs
 * from the history's last value for it is an edit (old: that last value); a cell the history never
 * saw that holds a figure now is an edit from empty when the row's inputs with it empty (and the
 * history's cells at their last values) give the recorded fingerprint — the fingerprint confirms it,
 * nothing is guessed. A cell the history never saw whose old value was itself a figure cannot be told
 * from a fingerprint: not logged. Without fingerprints (`judged` null: a book that never kept them)
 * every row is compared with the history alone. Pure: the hosts append what it returns.
 */
export function outsideChanges(grid: KeyedGrid, entries: readonly HistoryEntry[], judged: Readonly<Record<string, string>> | null = null): CellChange[] {
  const last = new Map<string, HistoryEntry>();
  for (const e of historySet(entries)) if (e.row && e.key) last.set(`${e.row}\u0001${e.key}`, e);
  const changed = judged ? new Set(rowsChangedSince(judged, grid).changed) : null;
  const inputCols = grid.columns.map((c, i) => ({ key: c.key, i })).filter((c) => c.key && isInputKey(c.key));
  const out: CellChange[] = [];
  const seen = new Set<string>();
  grid.rows.forEach((r, row) => {
    if (!r.id || seen.has(r.id) || (targetNoOf(r.id) == null && !trafficOf(r.id))) return;
    seen.add(r.id);
    if (changed && !changed.has(r.id)) return;
    const id = r.id;
    const inputs: Record<string, CellValue> = {};
    const unknown: { key: string; col: number; now: HistoryValue }[] = [];
    for (const c of inputCols) {
      const now = value(r.values[c.i]);
      const e = last.get(`${id}\u0001${c.key}`);
      if (e) {
        inputs[c.key] = e.new;
        if (!sameHistoryValue(now, e.new)) out.push({ row: id, key: c.key, at: { row, col: c.i }, old: e.new, new: now });
      } else {
        inputs[c.key] = now;
        if (now != null) unknown.push({ key: c.key, col: c.i, now });
      }
    }
    const recorded = judged?.[id];
    if (recorded == null || !unknown.length || unknown.length > MAX_UNKNOWN) return;
    // The fewest cells emptied first: the first subset whose row gives the recorded fingerprint.
    const subsets = Array.from({ length: (1 << unknown.length) - 1 }, (_, k) => k + 1).sort((a, b) => bits(a) - bits(b) || a - b);
    for (const mask of subsets) {
      const tried = { ...inputs };
      unknown.forEach((u, k) => {
        if (mask & (1 << k)) tried[u.key] = null;
      });
      if (rowFingerprint(tried) !== recorded) continue;
      unknown.forEach((u, k) => {
        if (mask & (1 << k)) out.push({ row: id, key: u.key, at: { row, col: u.col }, old: null, new: u.now });
      });
      break;
    }
  });
  return out.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
}

function bits(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/** The history entries of `outsideChanges`: one batch, action `outside`. */
export function outsideEntries(
  grid: KeyedGrid, entries: readonly HistoryEntry[], judged: Readonly<Record<string, string>> | null,
  x: { plan: Plan; sheet: string; at: string; random?: () => number },
): HistoryEntry[] {
  const changes = outsideChanges(grid, entries, judged);
  if (!changes.length) return [];
  const random = x.random ?? Math.random;
  return changeEntries(changes, { plan: x.plan, sheet: x.sheet, after: grid, at: x.at, batch: newHistoryId(random), action: () => "outside", random });
}


/**
 * `grid` with the changes' cells set to their new values (matched by row identity and column key):
 * what the add-in has now seen, once the changes are logged, so a later edit of the row does not log
 * them again. Rows and columns `grid` lacks are left alone.
 */
export function withChanges(grid: KeyedGrid, changes: readonly { row: string | null; key: string | null; new: HistoryValue }[]): KeyedGrid {
  if (!changes.length) return grid;
  const col = new Map(grid.columns.map((c, i) => [c.key, i]));
  const rows = grid.rows.map((r) => ({ ...r, values: [...r.values] }));
  for (const c of changes) {
    const j = c.key == null ? undefined : col.get(c.key);
    const r = c.row == null ? undefined : rows.find((x) => x.id === c.row);
    if (j != null && r) r.values[j] = c.new;
  }
  return { ...grid, rows };
}
