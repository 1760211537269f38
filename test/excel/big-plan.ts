/**
 * A large plan for sync counts and payload tests: the Bình Sơn 2024 targets and tasks repeated into
 * `targets` target rows and `tasks` tasks (a province's plan with every commune's rows is this big).
 */
import { type Plan, type PlanInput, parsePlan } from "../../src/core/plan";
import { defaultPlan } from "../../src/seeds";

export function bigPlan(targets = 500, tasks = 1000): Plan {
  const seed = defaultPlan();
  const input: PlanInput = {
    id: `lon-${targets}-${tasks}`,
    unit: "UBND tỉnh Thử Nghiệm",
    year: seed.year,
    source: { document: "Kế hoạch thử nghiệm cỡ lớn" },
    targets: Array.from({ length: targets }, (_, i) => {
      const t = seed.targets[i % seed.targets.length];
      // Only the first copy of the traffic target is judged from the six counts.
      const { criteria, parent: _p, additive: _a, ...rest } = t;
      return { ...rest, no: String(i + 1), name: `${t.name} (${i + 1})`, ...(criteria && i < seed.targets.length ? { criteria } : {}) };
    }),
    tasks: Array.from({ length: tasks }, (_, i) => {
      const t = seed.tasks[i % seed.tasks.length];
      const group = Math.floor(i / 100) + 1;
      return { ...t, code: `${group}.${(i % 100) + 1}`, group: `Nhóm nhiệm vụ ${group}` };
    }),
  };
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
