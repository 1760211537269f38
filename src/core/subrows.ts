/**
 * Sub-rows of a total (sector rows of target 1) must add up to it when they are additive
 * (2.907,66 + 7.983,83 + 11.402,00 = 22.293,49). Each written figure is exact only to half a step
 * at its own precision, so the sum may differ from the total by the sum of those half steps and no more.
 * Growth rates (target 2's sectors) do not add up and are not checked.
 */
import type { Plan } from "./plan";
import { formatNumber, stepAt } from "./numbers";
import { type Problem, problem } from "./problems";

export type SubRowProblemCode = "subrows.plan-sum" | "subrows.actual-sum";

/** A figure as written: its value and its decimals. */
export type Figure = { value: number; decimals: number };

export type SumCheck = { sum: number; difference: number; tolerance: number; ok: boolean };

/** Whether parts add up to a total within the precision they were written at. */
export function checkSum(total: Figure, parts: Figure[]): SumCheck {
  let sum = 0;
  let tolerance = stepAt(total.decimals) / 2;
  let decimals = total.decimals;
  for (const p of parts) {
    sum += p.value;
    tolerance += stepAt(p.decimals) / 2;
    decimals = Math.max(decimals, p.decimals);
  }
  const difference = sum - total.value;
  // Binary fractions: 0,1 + 0,2 is not 0,3 in a double; allow a hair beyond the written precision.
  const ok = Math.abs(difference) <= tolerance + 1e-9 * Math.max(1, Math.abs(total.value));
  return { sum: Number(sum.toFixed(Math.min(20, decimals))), difference, tolerance, ok };
}

/** An additive main target and the numbers of its sub-rows: the sums `checkSubRows` checks. */
export type SumGroup = { total: string; subs: string[] };

// Plans are immutable data, judged again on every edit: their sums found once per plan object
// (its targets array and length checked, so a plan whose rows were replaced is read again).
const groupsOf = new WeakMap<Plan, { targets: Plan["targets"]; length: number; groups: SumGroup[]; rows: Set<string> }>();

function sums(plan: Plan): { groups: SumGroup[]; rows: Set<string> } {
  const known = groupsOf.get(plan);
  if (known && known.targets === plan.targets && known.length === plan.targets.length) return known;
  const children = new Map<string, string[]>();
  for (const t of plan.targets) {
    if (t.parent == null) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t.no);
    children.set(t.parent, list);
  }
  const groups: SumGroup[] = [];
  const rows = new Set<string>();
  for (const row of plan.targets) {
    if (row.parent != null || !row.additive) continue;
    const subs = children.get(row.no);
    if (!subs || subs.length === 0) continue;
    groups.push({ total: row.no, subs });
    rows.add(row.no);
    for (const no of subs) rows.add(no);
  }
  const entry = { targets: plan.targets, length: plan.targets.length, groups, rows };
  groupsOf.set(plan, entry);
  return entry;
}

/** The numbers of the rows whose figures `checkSubRows` reads (the additive totals and their sub-rows). */
export function summedRows(plan: Plan): ReadonlySet<string> {
  return sums(plan).rows;
}

/**
 * Checks every additive total of a plan against its sub-rows, for the targets and for the actuals.
 * A figure that is missing or not a plain number (a range, a bound) skips the check it belongs to.
 * The maps need hold only the rows of `summedRows`.
 */
export function checkSubRows(
  plan: Plan,
  targets: ReadonlyMap<string, Figure | null>,
  actuals: ReadonlyMap<string, Figure | null>,
): Problem<SubRowProblemCode>[] {
  const problems: Problem<SubRowProblemCode>[] = [];
  for (const { total: no, subs } of sums(plan).groups) {
    for (const [figures, code] of [[targets, "subrows.plan-sum"], [actuals, "subrows.actual-sum"]] as const) {
      const total = figures.get(no);
      const parts = subs.map((n) => figures.get(n) ?? null);
      if (!total || parts.some((p) => p === null)) continue;
      const check = checkSum(total, parts as Figure[]);
      if (check.ok) continue;
      const decimals = Math.max(total.decimals, ...parts.map((p) => (p as Figure).decimals));
      problems.push(
        problem(code, { target: no }, {
          total: formatNumber(total.value, total.decimals),
          sum: formatNumber(check.sum, decimals),
          rows: subs.join(", "),
        }),
      );
    }
  }
  return problems;
}
