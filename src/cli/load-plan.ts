/**
 * Reads a plan file a user names on the command line. What the bytes hold is read by the core
 * (`core/plan-json.ts`: JSON or CSV, problems with line and column), as in the pane.
 */
import { promises as fs } from "node:fs";
import type { Plan } from "../core/plan";
import { parsePlanBytes } from "../core/plan-json";
import { type Problem, type Result, fail, problem } from "../core/problems";

/**
 * Loads and checks a plan. `display` is the name used in messages (what the user typed);
 * it defaults to `file`.
 */
export async function loadPlanFile(file: string, display: string = file): Promise<Result<Plan>> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    return fail([readProblem(e, display)]);
  }
  return parsePlanBytes(bytes, display);
}

function readProblem(e: unknown, display: string): Problem {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return problem("plan.not-found", "error", { file: display }, {});
  const reason =
    code === "EISDIR" ? "đây là một thư mục, không phải tệp"
    : code === "EACCES" || code === "EPERM" ? "không có quyền đọc tệp"
    : `lỗi hệ thống ${code ?? String(e)}`;
  return problem("plan.unreadable", "error", { file: display }, { reason });
}
