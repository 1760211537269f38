/**
 * "Lấy số liệu năm trước" (the pane) and `ktxh previous` (the CLI): last year's book (or an actuals
 * file) read, its targets matched to this year's (core/report/previous-year.ts, the officer's
 * corrections first), and last year's figures of each opened period written to the targets sheet's
 * *Cùng kỳ năm trước* columns (layout/sheets/targets.ts), from which every report takes "So với cùng
 * kỳ". Pure: grids or bytes in, the matching, the cells to write and the record's new entry out; the
 * hosts only read the files and move the cells.
 *
 * Nothing typed is lost: a same-period cell is written only when empty or still holding the figure
 * this action wrote there last (the record's `written`); a figure the officer typed is kept and said.
 */
import { parseActuals } from "../core/actuals";
import type { ActualRow } from "../core/evaluate";
import type { Plan } from "../core/plan";
import { type Problem, type Result, fail, ok } from "../core/problems";
import { type PreviousCorrections, type PreviousMatch, matchPreviousYear, previousValues } from "../core/report/previous-year";
import type { Grid } from "../core/read-table/grid";
import { a1 } from "../core/address";
import { samePeriodKey, targetId, targetNoOf } from "../core/row-id";
import { type HistoryEntry, newHistoryId } from "../core/history";
import { nfc } from "../core/text";
import { bookActuals, bookPeriods, readBook } from "./book";
import type { ReadSheet } from "./read";
import type { PreviousRecord } from "./sheets/record";
import type { CellValue } from "./sheets/types";

/** Last year's figures as read: its plan where the file has one (a book), and the rows of each period. */
export interface LastYear {
  file: string;
  /** Last year's plan (a book's recorded or matched plan); null for an actuals file (numbers only). */
  plan: Plan | null;
  /** Last year's rows by period id. */
  rows: Record<string, ActualRow[]>;
  problems: Problem[];
}

/** Whether a file is read as a workbook (else as an actuals CSV or JSON file, as `ktxh evaluate` takes them). */
export const isBookFile = (name: string): boolean => /\.xlsx$/i.test(name);

/**
 * Last year's book read: each period of `periods` its columns name (an add-in book, a colleague's table
 * with period headers), or, when its columns name no period, its figures for `period` alone.
 */
export function lastYearOfGrids(grids: readonly Grid[], file: string, periods: readonly string[], period: string, plans: readonly Plan[]): LastYear {
  const book = readBook(grids, { plans });
  const named = bookPeriods(book);
  const wanted = named.length ? periods.filter((p) => named.includes(p)) : [period];
  const rows: Record<string, ActualRow[]> = {};
  const problems: Problem[] = [];
  for (const p of wanted) {
    const a = bookActuals(book, p);
    // A period whose column holds no figure at all (not yet reported last year) gives nothing to write.
    if (!a || !a.actuals.rows.some((r) => r.actual != null && r.actual !== "")) continue;
    rows[p] = a.actuals.rows;
    problems.push(...a.problems.filter((x) => x.severity === "error").map((x) => ({ ...x, location: { file, ...x.location } })));
  }
  return { file, plan: book.plan, rows, problems };
}

/** An actuals file (CSV `no,actual` or JSON) read as last year's figures of `period`. */
export function lastYearOfActuals(bytes: Uint8Array, file: string, period: string): Result<LastYear> {
  const r = parseActuals(bytes, file);
  if (!r.ok) return fail(r.problems);
  return ok({ file, plan: null, rows: { [period]: r.value.rows }, problems: [] }, r.problems);
}

/** One of this year's targets and what it was matched to (null: nothing, by the officer's word or for want of a match). */
export interface MatchLine {
  no: string;
  name: string;
  lastNo: string | null;
  lastName: string | null;
  how: PreviousMatch["how"] | "none";
}

export interface PreviousPlan {
  lines: MatchLine[];
  /** Last year's targets the officer may choose from. */
  candidates: { no: string; name: string | null }[];
  /** The periods last year's file gives figures for, among those asked. */
  periods: string[];
  /** Last year's figure by period and this year's target. */
  values: Record<string, Record<string, string | number | null>>;
}

/** The matching and last year's figures per period, the officer's corrections applied. */
export function planPrevious(plan: Plan, last: LastYear, corrections: PreviousCorrections): PreviousPlan {
  const periods = Object.keys(last.rows);
  const all = periods.flatMap((p) => last.rows[p]);
  // One matching for every period: by the plan's names, or (numbers only) by the numbers any period gives.
  const m = matchPreviousYear(plan, last.plan, all, corrections);
  const byNo = new Map(m.matches.map((x) => [x.no, x]));
  const lines: MatchLine[] = plan.targets.map((t) => {
    const x = byNo.get(t.no);
    return { no: t.no, name: t.name, lastNo: x?.lastNo ?? null, lastName: x?.lastName ?? null, how: x?.how ?? (m.cleared.includes(t.no) ? "officer" : "none") };
  });
  const candidates = last.plan
    ? last.plan.targets.map((t) => ({ no: t.no, name: t.name }))
    : [...new Set(all.map((r) => r.no))].map((no) => ({ no, name: null }));
  const values: PreviousPlan["values"] = {};
  for (const p of periods) values[p] = previousValues(m.matches, last.rows[p]);
  return { lines, candidates, periods, values };
}

const same = (a: CellValue | undefined, b: string | number | null | undefined): boolean => {
  const norm = (v: CellValue | undefined): string => (v == null ? "" : typeof v === "number" ? `n${v}` : `s${nfc(String(v)).trim()}`);
  return norm(a ?? null) === norm(b ?? null) || (typeof a === "string" && typeof b === "number" && Number(a) === b && a.trim() !== "");
};
const blank = (v: CellValue | undefined): boolean => v == null || (typeof v === "string" && v.trim() === "");

export interface SamePeriodWrite {
  row: number;
  col: number;
  /** A1 address on the targets sheet. */
  cell: string;
  target: string;
  period: string;
  /** null: the cell is emptied (a figure this action wrote before, for a match since corrected to none). */
  value: string | number | null;
  /** What the cell held before (null: empty). */
  old: string | number | null;
}

export interface SamePeriodKept {
  cell: string;
  target: string;
  period: string;
  current: string | number;
  wanted: string | number | null;
}

export interface SamePeriodWrites {
  writes: SamePeriodWrite[];
  kept: SamePeriodKept[];
  /** Periods asked whose *Cùng kỳ năm trước* column the sheet lacks (a book laid out before layout 3: reload the plan). */
  missing: string[];
  /** The record's new entry. */
  record: PreviousRecord;
}

/**
 * The cells to write on this year's targets sheet for `periods`: each target's figure where the cell
 * is empty or still holds what was written last time; a figure typed there is kept and listed.
 */
export function samePeriodWrites(sheet: ReadSheet, prev: PreviousPlan, periods: readonly string[], prior: PreviousRecord, corrections: PreviousCorrections, file: string, at: string): SamePeriodWrites {
  const writes: SamePeriodWrite[] = [];
  const kept: SamePeriodKept[] = [];
  const missing: string[] = [];
  const written: PreviousRecord["written"] = { ...prior.written };
  for (const p of periods) {
    const col = sheet.columns.find((c) => c.key === samePeriodKey(p))?.index;
    if (col == null) {
      missing.push(p);
      continue;
    }
    const values = prev.values[p] ?? {};
    const before = prior.written[p] ?? {};
    const now: Record<string, string | number> = {};
    const seen = new Set<string>();
    for (const r of sheet.rows) {
      const no = targetNoOf(r.id);
      if (no == null || seen.has(no)) continue;
      seen.add(no);
      const current = r.values[col];
      const wanted = values[no] ?? null;
      const cell = a1(r.index, col);
      const ours = blank(current) || (no in before && same(current, before[no]));
      if (same(current, wanted) && !blank(current)) {
        if (wanted != null) now[no] = wanted;
        continue;
      }
      if (!ours) {
        if (wanted != null || no in before) kept.push({ cell, target: no, period: p, current: current as string | number, wanted });
        continue;
      }
      if (wanted == null && blank(current)) continue;
      writes.push({ row: r.index, col, cell, target: no, period: p, value: wanted, old: blank(current) ? null : (current as string | number) });
      if (wanted != null) now[no] = wanted;
    }
    written[p] = now;
  }
  return { writes, kept, missing, record: { corrections: { ...corrections }, written, file, at } };
}

/**
 * The history rows of the writes (the book's *Lịch sử số liệu*, core/history.ts): one per cell, one
 * batch, action `previous`, the file as source; the period is the column's, its key the same-period
 * key (`prev:6m`), so no report counts it as a revision of this year's figure.
 */
export function previousEntries(plan: Pick<Plan, "targets"> | null, sheet: string, writes: readonly SamePeriodWrite[], file: string, at: string, random: () => number = Math.random): HistoryEntry[] {
  const batch = newHistoryId(random);
  const names = new Map((plan?.targets ?? []).map((t) => [t.no, t.name]));
  return writes.map((w) => ({
    id: newHistoryId(random), at, action: "previous" as const, batch, period: w.period, target: w.target, name: names.get(w.target) ?? "",
    key: samePeriodKey(w.period), row: targetId(w.target), sheet, cell: w.cell, old: w.old, new: w.value, mark: null, source: file,
  }));
}
