/**
 * The book's history of figures (issue 18): one entry per change of a cell the add-in cares about —
 * a period's figure, a staff override and its reason, a plan value a reload rewrote, a cell a fix
 * wrote — with the period, the target, old → new, whether the period's figures were estimates or
 * official, when, and by which action or source. Entries are only ever appended: each carries its own
 * time and a random id, so two co-authors appending lose nothing, and readers take the rows as a set
 * (by id), never by position. An action that changes many cells (one "Sửa tất cả", one reload) gives
 * all its entries one `batch` id: "Hoàn tác" undoes a batch, and is itself a batch of `undo` entries
 * whose `source` names the batch undone.
 *
 * Pure: what a history row says and what undoing a batch would write. The sheet that holds it is
 * data in src/layout/sheets/history.ts; the hosts append rows.
 */
import type { FigureMark } from "./periods";
import { numberValue } from "./numbers";
import { periodOfKey } from "./row-id";
import { nfc } from "./text";

/**
 * How a value changed: typed in the targets sheet (seen by live judgement), a check's fix, figures
 * collected from a returned book, a reload of the plan, a staff override of a status (or its reason),
 * a value merged from several books (the communes' roll-up), an undo, an edit made while the pane
 * was closed (found by the row fingerprints), or last year's figure written to a *Cùng kỳ năm trước*
 * column ("Lấy số liệu năm trước", `ktxh previous`).
 */
export const HISTORY_ACTIONS = ["typed", "fix", "collect", "reload", "override", "merge", "undo", "outside", "previous"] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The actions "Hoàn tác" offers to undo (issue 15 point 4): the add-in's own writes to the user's cells. */
export const UNDOABLE: ReadonlySet<HistoryAction> = new Set(["fix", "reload"]);

export type HistoryValue = string | number | null;

export interface HistoryEntry {
  /** Random, unique: the row's identity whatever its position. */
  id: string;
  /** ISO time of the change. */
  at: string;
  action: HistoryAction;
  /** The id shared by every entry of one user action. */
  batch: string;
  /** The period whose column changed ("6m"), null for a column of no period (plan value, override). */
  period: string | null;
  /** The target's plan number and name, when the cell belongs to a target ("" name when unknown). */
  target: string | null;
  name: string;
  /** The cell's column key on the targets sheet ("p:6m", "override", "plan"), null on another sheet. */
  key: string | null;
  /** The row's identity on the targets sheet ("t:7"), null on another sheet. */
  row: string | null;
  /** Sheet and A1 address as they were at the change (rows may move since; `row`/`key` find it again). */
  sheet: string;
  cell: string;
  old: HistoryValue;
  new: HistoryValue;
  /** Whether the period's figures were estimates or official at the change; null for no period. */
  mark: FigureMark | null;
  /** The source or the reason: a returned book's sender and file, an override's reason, the batch an undo undoes. */
  source: string;
}

/** A fresh id: 12 base-36 characters from the given random source (Math.random by default). */
export function newHistoryId(random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < 12; i++) s += Math.floor(random() * 36).toString(36);
  return s;
}

/** Two cell values the same for the history: numbers by value (vi-VN text read as one), text NFC-trimmed, empty as null. */
export function sameHistoryValue(a: HistoryValue | undefined, b: HistoryValue | undefined): boolean {
  const norm = (v: HistoryValue | undefined): HistoryValue => {
    if (v == null) return null;
    if (typeof v === "number") return v;
    const t = nfc(v).trim();
    return t === "" ? null : t;
  };
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y;
  if (typeof x === "number" || typeof y === "number") {
    const nx = typeof x === "number" ? x : numberValue(x);
    const ny = typeof y === "number" ? y : numberValue(y);
    return nx !== null && ny !== null && nx === ny;
  }
  return x === y;
}

/** The entries as a set: the first row of an id wins (a row copied twice by a merge counts once), in time order. */
export function historySet(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  // Stable: entries of one time keep their written order.
  return out.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map((x) => x.e);
}

export interface UndoStep {
  batch: string;
  action: HistoryAction;
  at: string;
  entries: HistoryEntry[];
}

/**
 * The batch "Hoàn tác" would undo now: the latest batch of an undoable action not undone yet, one
 * step at a time (after undoing the last fix, the next undo takes the action before it). Null when
 * there is none.
 */
export function lastUndoable(entries: readonly HistoryEntry[]): UndoStep | null {
  const all = historySet(entries);
  const undone = new Set(all.filter((e) => e.action === "undo").map((e) => e.source));
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i];
    if (!UNDOABLE.has(e.action) || undone.has(e.batch)) continue;
    return { batch: e.batch, action: e.action, at: e.at, entries: all.filter((x) => x.batch === e.batch) };
  }
  return null;
}

/** Where an entry's cell is now, and what it holds: given by the host from its read of the workbook. */
export interface CurrentCell {
  sheet: string;
  cell: string;
  value: HistoryValue;
  /** The cell may not be written (a protected sheet, a formula the user put there since). */
  locked?: boolean;
}

export interface UndoWrite {
  entry: HistoryEntry;
  sheet: string;
  cell: string;
  value: HistoryValue;
}

export type UndoSkipReason = "changed" | "missing" | "plan" | "locked";

export interface UndoPlan {
  step: UndoStep;
  writes: UndoWrite[];
  skipped: { entry: HistoryEntry; reason: UndoSkipReason; now: HistoryValue }[];
}

/**
 * What undoing a step writes: each cell back to its old value, only where it still holds what the
 * step wrote (a value typed since is never overwritten: skipped as "changed"); a cell no longer found
 * is "missing"; a plan value a reload rewrote is the loaded plan's ("plan": reloading the old plan
 * brings it back, not an undo that would leave the sheet saying another plan than the book records).
 */
export function planUndo(step: UndoStep, locate: (e: HistoryEntry) => CurrentCell | null): UndoPlan {
  const out: UndoPlan = { step, writes: [], skipped: [] };
  // The latest entry of a cell first: a cell written twice in one step goes back to its first old value.
  const done = new Set<string>();
  for (const e of [...step.entries].reverse()) {
    if (step.action === "reload" && e.key === "plan") {
      out.skipped.push({ entry: e, reason: "plan", now: null });
      continue;
    }
    const at = locate(e);
    if (!at) {
      out.skipped.push({ entry: e, reason: "missing", now: null });
      continue;
    }
    const k = `${at.sheet}!${at.cell}`;
    if (done.has(k)) continue;
    done.add(k);
    if (!sameHistoryValue(at.value, e.new)) {
      out.skipped.push({ entry: e, reason: "changed", now: at.value });
      continue;
    }
    if (at.locked) {
      out.skipped.push({ entry: e, reason: "locked", now: at.value });
      continue;
    }
    out.writes.push({ entry: e, sheet: at.sheet, cell: at.cell, value: e.old });
  }
  out.writes.reverse();
  return out;
}

/** The undo entries of a plan's writes, one batch, each naming the step undone in `source`. */
export function undoEntries(p: UndoPlan, at: string, random: () => number = Math.random): HistoryEntry[] {
  const batch = newHistoryId(random);
  return p.writes.map((w) => ({
    ...w.entry,
    id: newHistoryId(random),
    at,
    action: "undo" as const,
    batch,
    sheet: w.sheet,
    cell: w.cell,
    old: w.entry.new,
    new: w.entry.old,
    source: p.step.batch,
  }));
}

/** The entries of a row (by plan number), latest first, at most `limit`: the pane's "last changes" under "Vì sao?". */
export function rowHistory(entries: readonly HistoryEntry[], targetNo: string, limit = 3): HistoryEntry[] {
  return historySet(entries).filter((e) => e.target === targetNo).reverse().slice(0, limit);
}

/**
 * Targets whose figure for the period changed after `since` (an ISO time; every change when null):
 * the figures a report marks "revised since the last report".
 */
export function revisedSince(entries: readonly HistoryEntry[], period: string, since: string | null): Set<string> {
  const out = new Set<string>();
  for (const e of historySet(entries)) {
    if (e.period !== period || e.target == null || e.key == null || periodOfKey(e.key) !== period) continue;
    if (since != null && !(e.at > since)) continue;
    // A first figure is not a revision: the last report had none to revise.
    if (e.old == null || e.old === "" || sameHistoryValue(e.old, e.new)) continue;
    out.add(e.target);
  }
  return out;
}
