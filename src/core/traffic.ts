/**
 * The traffic-accident criterion (target 18): three counts, each compared with the same period of
 * the previous year. "Giảm 3 tiêu chí" is met only when all three fall. Counts entered by staff
 * decide; a hand-typed "giảm 01 tiêu chí" that disagrees with them is flagged (783/BC typed 01
 * while its own text says accidents and deaths fell).
 */
import { formatNumber } from "./numbers";
import { type Problem, problem } from "./problems";

export type CountPair = [number | null, number | null];

/** Each pair is [previous period, this period]. */
export type TrafficCounts = { accidents: CountPair; deaths: CountPair; injuries: CountPair };

export type TrafficProblemCode = "traffic.bad-count";

export const CRITERIA_NAMES: Record<keyof TrafficCounts, string> = {
  accidents: "số vụ",
  deaths: "số người chết",
  injuries: "số người bị thương",
};
const KEYS: (keyof TrafficCounts)[] = ["accidents", "deaths", "injuries"];

export type TrafficDerivation = {
  /** Criteria known to have fallen. */
  fell: number;
  /** Criteria whose counts are missing. */
  unknown: number;
  total: number;
  /** "số vụ 120 → 100, ..." for the reason sentence. */
  detail: string;
  problems: Problem<TrafficProblemCode>[];
};

function validCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

/** How many of the three criteria fell; a count that is not a whole number ≥ 0 is unknown and a problem. */
export function deriveTrafficCriteria(counts: TrafficCounts, target?: string): TrafficDerivation {
  let fell = 0;
  let unknown = 0;
  const parts: string[] = [];
  const problems: Problem<TrafficProblemCode>[] = [];
  for (const key of KEYS) {
    const pair = counts[key];
    const [prev, cur] = Array.isArray(pair) ? pair : [null, null];
    for (const v of [prev, cur]) {
      if (v != null && !validCount(v)) {
        problems.push(problem("traffic.bad-count", target ? { target } : {}, { criterion: CRITERIA_NAMES[key], value: String(v) }));
      }
    }
    if (validCount(prev) && validCount(cur)) {
      if (cur < prev) fell++;
      parts.push(`${CRITERIA_NAMES[key]} ${formatNumber(prev)} → ${formatNumber(cur)}`);
    } else {
      unknown++;
      parts.push(`${CRITERIA_NAMES[key]} chưa đủ số liệu`);
    }
  }
  return { fell, unknown, total: KEYS.length, detail: parts.join(", "), problems };
}

/** Whether any count was given at all (an all-null block is the same as no block). */
export function hasTrafficCounts(counts: TrafficCounts | undefined | null): counts is TrafficCounts {
  if (!counts) return false;
  return KEYS.some((k) => Array.isArray(counts[k]) && counts[k].some((v) => v != null));
}
