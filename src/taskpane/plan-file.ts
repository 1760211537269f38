/**
 * A plan file the user picked, read by the core exactly as `ktxh` reads it (`core/plan-json.ts`:
 * JSON or CSV). Whatever the file holds, the answer is a plan or Vietnamese lines saying what is
 * wrong where (line and column for broken JSON); nothing here throws on user data.
 */
import { planFileLine } from "../core/messages";
import type { Plan } from "../core/plan";
import { parsePlanBytes } from "../core/plan-json";

export type PlanFileReading = { ok: true; plan: Plan; warnings: string[] } | { ok: false; problems: string[] };

export function readPlanFile(name: string, bytes: Uint8Array): PlanFileReading {
  const r = parsePlanBytes(bytes, name);
  // One sentence per fault, said once (the pane names the file above them).
  const lines = [...new Set(r.problems.map(planFileLine))];
  return r.ok ? { ok: true, plan: r.value, warnings: lines } : { ok: false, problems: lines };
}
