/**
 * A plan file the user picked: JSON goes through `parsePlan`, CSV through `parsePlanCsv`, both in the
 * core. Whatever the file holds, the answer is a plan or Vietnamese lines saying what is wrong where;
 * nothing here throws on user data.
 */
import { formatProblem } from "../core/messages";
import type { Plan } from "../core/plan";
import { parsePlan } from "../core/plan";
import { parsePlanCsv } from "../core/plan-csv";
import { STRINGS } from "./strings";

export type PlanFileReading = { ok: true; plan: Plan; warnings: string[] } | { ok: false; problems: string[] };

/** CSV by extension, or by content when the name says nothing: a JSON plan starts with `{`. */
function looksLikeJson(name: string, bytes: Uint8Array): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return true;
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return false;
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b;
  }
  return false;
}

export function readPlanFile(name: string, bytes: Uint8Array): PlanFileReading {
  if (!looksLikeJson(name, bytes)) {
    const r = parsePlanCsv(bytes, name);
    const lines = r.problems.map(formatProblem);
    return r.ok ? { ok: true, plan: r.value, warnings: lines } : { ok: false, problems: lines };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
  } catch (err) {
    return { ok: false, problems: [STRINGS.fileNotJson(err instanceof Error ? err.message : String(err))] };
  }
  const r = parsePlan(data, name);
  const lines = r.problems.map(formatProblem);
  return r.ok ? { ok: true, plan: r.value, warnings: lines } : { ok: false, problems: lines };
}
