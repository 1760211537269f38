/**
 * Evaluating plans of indicator rows with varied wordings (points, approximations, bounds, ranges,
 * lower-is-better levels, criteria):
 *   evaluate.100k.vs-10k        100,000 rows against 10,000, alternated (alternate.ts), each plan
 *                               evaluated again as live judgment does on every edit: 10 is linear
 *   evaluate.10000rows.ms       median time for 10,000 rows, evaluated again (absolute, for history)
 *   evaluate.10000rows.cold.ms  the same plan seen for the first time: every target wording read too
 */
import { evaluatePlan } from "../src/core/evaluate";
import type { Plan } from "../src/core/plan";
import { compare, median, timed } from "./alternate";
import type { Bench } from "./run";

const WORDINGS: [(i: number) => string, (i: number) => string][] = [
  [(i) => `khoảng ${(1000 + i).toLocaleString("de-DE")}`, (i) => `${(1000 + i + (i % 7) - 3).toLocaleString("de-DE")}`],
  [(i) => `${i % 100},${String(i % 97).padStart(2, "0")}`, (i) => `${i % 100},${String((i * 7) % 97).padStart(2, "0")}`],
  [(i) => `>${40 + (i % 50)}`, (i) => `${40 + ((i * 3) % 60)}`],
  [(i) => `${i % 10}-${(i % 10) + 1}`, (i) => `${i % 12},${i % 10}`],
  [(i) => `giảm còn khoảng ${i % 5},${i % 10}%`, (i) => `${(i + 2) % 6},${i % 9}`],
  [() => "Giảm 3 tiêu chí", (i) => `giảm 0${i % 4} tiêu chí`],
  [(i) => `ít nhất ${i % 90}%`, (i) => `${(i * 11) % 100}`],
  [(i) => `không quá ${i % 20}`, (i) => `${(i * 13) % 25}`],
  [(i) => `${(i % 3) + 1} trường`, (i) => `${i % 4}`],
  [() => "100% theo chỉ tiêu cấp trên giao", () => "100"],
];

export function bigPlan(n: number): { plan: Plan; rows: { no: string; actual: string }[] } {
  const targets: Plan["targets"] = [];
  const rows: { no: string; actual: string }[] = [];
  for (let i = 0; i < n; i++) {
    const [target, actual] = WORDINGS[i % WORDINGS.length];
    const no = String(i + 1);
    targets.push({ no, name: `Chỉ tiêu ${no}`, unit: "%", target: target(i), parent: null, previous: null });
    rows.push({ no, actual: actual(i) });
  }
  const plan: Plan = {
    id: "bench", unit: "UBND thử", place: null, parentUnit: null, year: 2024,
    source: { document: "bench", file: null, date: null }, targets, tasks: [], corrections: [],
  };
  return { plan, rows };
}

export const benches: Bench[] = [
  {
    name: "evaluate.100k.vs-10k",
    run: () => {
      const big = bigPlan(100000);
      const small = bigPlan(10000);
      return compare(
        timed(() => evaluatePlan(big.plan, { rows: big.rows })),
        timed(() => evaluatePlan(small.plan, { rows: small.rows })),
        { note: (a, b) => `${median(a).toFixed(0)} vs ${median(b).toFixed(0)} ms` },
      );
    },
  },
  {
    // The same plan evaluated again, as live judgment does on every edit (target wordings read once).
    name: "evaluate.10000rows.ms",
    run: () => {
      const { plan, rows } = bigPlan(10000);
      evaluatePlan(plan, { rows });
      const times: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t0 = performance.now();
        evaluatePlan(plan, { rows });
        times.push(performance.now() - t0);
      }
      return median(times);
    },
  },
  {
    // A plan seen for the first time: every target wording read too.
    name: "evaluate.10000rows.cold.ms",
    run: () => {
      const times: number[] = [];
      for (let k = 0; k < 7; k++) {
        const { plan, rows } = bigPlan(10000);
        const t0 = performance.now();
        evaluatePlan(plan, { rows });
        times.push(performance.now() - t0);
      }
      return median(times);
    },
  },
];
