/**
 * The same period last year: last year's figures matched to this year's targets. Numbers and names
 * change between years (a target is renumbered, "Số xã đạt nông thôn mới" becomes "Số xã đạt chuẩn
 * nông thôn mới nâng cao"), so a target is matched by its number when last year's target of that
 * number has a similar name, else by a confident name match among last year's targets, else by the
 * number alone when last year's names are unknown (an actuals file). Every match says how it was
 * made, for the officer to see.
 */
import { type ActualRow, rowKey } from "../evaluate";
import type { Plan } from "../plan";
import { MATCH, bestMatch, confident, nameScore } from "../read-table/match";

export interface PreviousMatch {
  /** This year's target number. */
  no: string;
  /** Last year's target it was matched to. */
  lastNo: string;
  lastName: string | null;
  how: "number-and-name" | "name" | "number";
}

export interface PreviousYear {
  /** Last year's figure by this year's target number, for "So với cùng kỳ". */
  values: Record<string, string | number | null>;
  matches: PreviousMatch[];
}

export function matchPreviousYear(plan: Plan, lastPlan: Plan | null, lastRows: readonly ActualRow[]): PreviousYear {
  const figure = new Map(lastRows.map((r) => [rowKey(r.no), r.actual]));
  const values: Record<string, string | number | null> = {};
  const matches: PreviousMatch[] = [];
  const taken = new Set<string>();
  const put = (no: string, lastNo: string, lastName: string | null, how: PreviousMatch["how"]): void => {
    const v = figure.get(rowKey(lastNo));
    taken.add(lastNo);
    matches.push({ no, lastNo, lastName, how });
    if (v != null && v !== "") values[no] = v;
  };
  for (const t of plan.targets) {
    if (!lastPlan) {
      if (figure.has(rowKey(t.no))) put(t.no, t.no, null, "number");
      continue;
    }
    const same = lastPlan.targets.find((x) => x.no === t.no && !taken.has(x.no));
    if (same && nameScore(t.name, same.name) >= MATCH.numberAgrees) {
      put(t.no, same.no, same.name, "number-and-name");
      continue;
    }
    // Among last year's targets of the same level (main or sub-row), not yet matched.
    const candidates = lastPlan.targets
      .filter((x) => !taken.has(x.no) && (x.parent == null) === (t.parent == null))
      .map((x) => ({ ref: x.no, name: x.name }));
    const m = bestMatch(t.name, candidates);
    if (confident(m)) put(t.no, m.ref, lastPlan.targets.find((x) => x.no === m.ref)?.name ?? null, "name");
  }
  return { values, matches };
}
