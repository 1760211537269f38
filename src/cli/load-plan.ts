/**
 * Reads a plan file a user names on the command line. What the bytes hold is read by the core
 * (`core/plan-json.ts`: JSON or CSV, problems with line and column), as in the pane.
 */
import { promises as fs } from "node:fs";
import type { Plan } from "../core/plan";
import { type PlanFileOptions, parsePlanBytes } from "../core/plan-json";
import { type Problem, type Result, fail, problem } from "../core/problems";

/**
 * Loads and checks a plan. `display` is the name used in messages (what the user typed);
 * it defaults to `file`.
 */
export async function loadPlanFile(file: string, display: string = file, opts: PlanFileOptions = {}): Promise<Result<Plan>> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    return fail([readProblem(e, display)]);
  }
  return parsePlanBytes(bytes, display, opts);
}

function readProblem(e: unknown, display: string): Problem {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return problem("plan.not-found", { file: display }, {});
  const reason =
    code === "EISDIR" ? "đây là một thư mục, không phải tệp"
    : code === "EACCES" || code === "EPERM" ? "không có quyền đọc tệp"
    : `lỗi hệ thống ${code ?? String(e)}`;
  return problem("plan.unreadable", { file: display }, { reason });
}

/** `--year` and `--issuer`, as every command that reads a plan file takes them. */
export const PLAN_OPTIONS = { year: { type: "string" }, issuer: { type: "string" } } as const;
export const PLAN_USAGE = [
  "  --year    năm kế hoạch, khi tệp kế hoạch không ghi (hoặc ghi khác)",
  "  --issuer  tên cơ quan ban hành (UBND xã Tân Phước), thay cho dòng \"Đơn vị: …\" của tệp",
];

/** The plan options as typed, or a sentence saying what is wrong with them. */
export function planOptions(values: { year?: string | boolean; issuer?: string | boolean }): PlanFileOptions | string {
  const out: PlanFileOptions = {};
  if (typeof values.year === "string") {
    const y = Number(values.year.trim());
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return `--year "${values.year}" không phải năm (ví dụ --year 2026)`;
    out.year = y;
  }
  if (typeof values.issuer === "string" && values.issuer.trim()) out.unit = values.issuer.normalize("NFC").trim();
  return out;
}
