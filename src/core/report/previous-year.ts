/**
 * The same period last year: last year's figures matched to this year's targets. Numbers and names
 * change between years (a target is renumbered, "Số xã đạt chuẩn nông thôn mới" loses a word), so a
 * target is matched by its number when last year's target of that number has a similar name, else by a
 * confident name match among last year's targets, else by the number alone when last year's names are
 * unknown (an actuals file). A grade of a standard ("nâng cao", "kiểu mẫu") makes another target: the
 * communes of the advanced rural standard are not those of the basic one, however alike the names, so
 * a match needs the same grades on both sides (`gradesOf`). Every match says how it was
 * made, for the officer to see; the officer's corrections (another of last year's targets, or none),
 * kept in the book's record (layout/sheets/record.ts), come first and say "officer".
 */
import { type ActualRow, rowKey } from "../evaluate";
import type { Plan } from "../plan";
import { MATCH, bestMatch, confident, nameScore } from "../read-table/match";
import { foldKey } from "../text";

/** Words that grade a standard: a target with one counts other things than the same name without it. */
const GRADES = ["nang cao", "kieu mau"] as const;

/** The grades a target's name carries ("Số xã đạt chuẩn nông thôn mới nâng cao" → "nang cao"). */
export function gradesOf(name: string): string {
  const f = ` ${foldKey(name)} `;
  return GRADES.filter((g) => f.includes(` ${g} `)).join("|");
}

export interface PreviousMatch {
  /** This year's target number. */
  no: string;
  /** Last year's target it was matched to. */
  lastNo: string;
  lastName: string | null;
  how: "number-and-name" | "name" | "number" | "officer";
}

/** The officer's corrections: this year's target number → last year's target number, or null for none. */
export type PreviousCorrections = Readonly<Record<string, string | null>>;

export interface PreviousYear {
  /** Last year's figure by this year's target number, for "So với cùng kỳ". */
  values: Record<string, string | number | null>;
  matches: PreviousMatch[];
  /** This year's targets the officer said have no counterpart last year. */
  cleared: string[];
}

/** Last year's figures by this year's target number, through the matches made. */
export function previousValues(matches: readonly PreviousMatch[], lastRows: readonly ActualRow[]): Record<string, string | number | null> {
  const figure = new Map(lastRows.map((r) => [rowKey(r.no), r.actual]));
  const values: Record<string, string | number | null> = {};
  for (const m of matches) {
    const v = figure.get(rowKey(m.lastNo));
    if (v != null && v !== "") values[m.no] = v;
  }
  return values;
}

export function matchPreviousYear(plan: Plan, lastPlan: Plan | null, lastRows: readonly ActualRow[], corrections: PreviousCorrections = {}): PreviousYear {
  const figure = new Map(lastRows.map((r) => [rowKey(r.no), r.actual]));
  const matches: PreviousMatch[] = [];
  const cleared: string[] = [];
  const taken = new Set<string>();
  const done = new Set<string>();
  const put = (no: string, lastNo: string, lastName: string | null, how: PreviousMatch["how"]): void => {
    taken.add(lastNo);
    done.add(no);
    matches.push({ no, lastNo, lastName, how });
  };
  // The officer's word first, where last year still has the target named (a correction made against another book may not).
  for (const t of plan.targets) {
    if (!(t.no in corrections)) continue;
    const lastNo = corrections[t.no];
    if (lastNo === null) {
      cleared.push(t.no);
      done.add(t.no);
      continue;
    }
    const last = lastPlan ? lastPlan.targets.find((x) => x.no === lastNo) : figure.has(rowKey(lastNo)) ? { name: null } : undefined;
    if (last && !taken.has(lastNo)) put(t.no, lastNo, last.name, "officer");
  }
  for (const t of plan.targets) {
    if (done.has(t.no)) continue;
    if (!lastPlan) {
      if (figure.has(rowKey(t.no))) put(t.no, t.no, null, "number");
      continue;
    }
    const grades = gradesOf(t.name);
    const same = lastPlan.targets.find((x) => x.no === t.no && !taken.has(x.no));
    if (same && gradesOf(same.name) === grades && nameScore(t.name, same.name) >= MATCH.numberAgrees) {
      put(t.no, same.no, same.name, "number-and-name");
      continue;
    }
    // Among last year's targets of the same level (main or sub-row), not yet matched.
    const candidates = lastPlan.targets
      .filter((x) => !taken.has(x.no) && (x.parent == null) === (t.parent == null) && gradesOf(x.name) === grades)
      .map((x) => ({ ref: x.no, name: x.name }));
    const m = bestMatch(t.name, candidates);
    if (confident(m)) put(t.no, m.ref, lastPlan.targets.find((x) => x.no === m.ref)?.name ?? null, "name");
  }
  const order = new Map(plan.targets.map((t, i) => [t.no, i]));
  matches.sort((a, b) => (order.get(a.no) ?? 0) - (order.get(b.no) ?? 0));
  return { values: previousValues(matches, lastRows), matches, cleared };
}
