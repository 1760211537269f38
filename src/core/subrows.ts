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

/**
 * Checks every additive total of a plan against its sub-rows, for the targets and for the actuals.
 * A figure that is missing or not a plain number (a range, a bound) skips the check it belongs to.
 */
export function checkSubRows(
  plan: Plan,
  targets: ReadonlyMap<string, Figure | null>,
  actuals: ReadonlyMap<string, Figure | null>,
): Problem<SubRowProblemCode>[] {
  const problems: Problem<SubRowProblemCode>[] = [];
  const children = new Map<string, string[]>();
  for (const t of plan.targets) {
    if (t.parent == null) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t.no);
    children.set(t.parent, list);
  }
  for (const row of plan.targets) {
    if (row.parent != null || !row.additive) continue;
    const subs = children.get(row.no);
    if (!subs || subs.length === 0) continue;
    for (const [figures, code] of [[targets, "subrows.plan-sum"], [actuals, "subrows.actual-sum"]] as const) {
      const total = figures.get(row.no);
      const parts = subs.map((no) => figures.get(no) ?? null);
      if (!total || parts.some((p) => p === null)) continue;
      const check = checkSum(total, parts as Figure[]);
      if (check.ok) continue;
      const decimals = Math.max(total.decimals, ...parts.map((p) => (p as Figure).decimals));
      problems.push(
        problem(code, "warning", { target: row.no }, {
          total: formatNumber(total.value, total.decimals),
          sum: formatNumber(check.sum, decimals),
          rows: subs.join(", "),
        }),
      );
    }
  }
  return problems;
}
