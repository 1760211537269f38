/**
 * A unit's plan for a year: its main targets (chỉ tiêu) and its task matrix (nhiệm vụ), as data.
 * Every plan, the built-in ones in seeds/ and any file a user picks, goes through `parsePlan`.
 * Strings are kept as written (NFC); numbers inside targets are read later by the target parser.
 */
import { z } from "zod";
import { type Problem, type Result, fail, ok, problem } from "./problems";

export const Direction = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof Direction>;

const text = z.string().transform((s) => s.normalize("NFC").trim());
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s == null ? null : s.normalize("NFC").trim() || null));

/** How an indicator is judged when the default rule does not fit it (see evaluate.ts). */
export const RuleSettings = z
  .object({
    /** Tolerance, in the target's unit, within which an actual counts as equal to a point target. */
    tolerance: z.number().nonnegative().optional(),
    /** How a strict bound (`>48`) is read: "next-step" plans the next value at the written precision. */
    strictBound: z.enum(["next-step", "exclusive"]).optional(),
    /** Whether exceeding the plan is reported as "vượt" (default) or just "đạt". */
    exceed: z.enum(["vuot", "dat"]).optional(),
  })
  .strict();
export type RuleSettings = z.infer<typeof RuleSettings>;

export const TargetRow = z
  .object({
    /** "1".."20" for main targets, "1.1" for a sub-row of target 1. */
    no: z.string().regex(/^\d+(\.\d+)*$/, "số thứ tự dạng 1 hoặc 1.2"),
    /** The main target a sub-row belongs to. */
    parent: z.string().regex(/^\d+(\.\d+)*$/).nullable().optional(),
    name: text.pipe(z.string().min(1, "tên chỉ tiêu không được để trống")),
    /** Đơn vị tính as written ("tỷ đồng", "%", "người"); "" where the source gives none. */
    unit: text,
    /** The target as written in the source: "khoảng 25.224", ">80", "7-8", "Giảm 3 tiêu chí". */
    target: text.pipe(z.string().min(1, "chỉ tiêu kế hoạch không được để trống")),
    /** Whether more is better. Set where the indicator implies it (poverty, malnutrition: lower). */
    direction: Direction.optional(),
    /** The previous year's figure as written, where the plan has one. */
    previous: optionalText,
    /** On a total: whether its sub-rows add up to it (sector values do; growth rates do not). */
    additive: z.boolean().optional(),
    /** Marks the indicator judged from criteria counts (traffic accidents). */
    criteria: z.enum(["traffic-accidents"]).optional(),
    rule: RuleSettings.optional(),
  })
  .strict();
export type TargetRow = z.infer<typeof TargetRow>;

export const TaskRow = z
  .object({
    /** "1", "2.14". */
    code: z.string().regex(/^\d+(\.\d+)*$/, "mã nhiệm vụ dạng 2 hoặc 2.14"),
    /** The group heading the task stands under ("Về phát triển kinh tế"), null where none. */
    group: optionalText,
    text: text.pipe(z.string().min(1, "nội dung nhiệm vụ không được để trống")),
    /** Chỉ đạo thực hiện. */
    directs: optionalText,
    /** Cơ quan chủ trì (tham mưu). */
    lead: optionalText,
    /** Cơ quan phối hợp. */
    partners: optionalText,
    /** Tiến độ thực hiện. */
    timing: optionalText,
  })
  .strict();
export type TaskRow = z.infer<typeof TaskRow>;

export const Correction = z
  .object({
    /** Where in the source: "nhiệm vụ 3.2". */
    where: z.string(),
    /** What the source says and what the plan holds instead. */
    what: z.string(),
  })
  .strict();

export const PlanSchema = z
  .object({
    /** Stable identity kept in the workbook: "binh-son-2024". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "mã kế hoạch chỉ gồm chữ thường không dấu, số và dấu -"),
    /** The issuing body: "UBND huyện Bình Sơn". */
    unit: text.pipe(z.string().min(1)),
    /** Place name used in dates of reports: "Bình Sơn". */
    place: optionalText,
    /** Higher level: "tỉnh Quảng Ngãi". */
    parentUnit: optionalText,
    year: z.number().int().min(2000).max(2100),
    source: z
      .object({
        document: text,
        file: optionalText,
        date: optionalText,
      })
      .strict(),
    targets: z.array(TargetRow).min(1, "kế hoạch phải có ít nhất một chỉ tiêu"),
    tasks: z.array(TaskRow).default([]),
    corrections: z.array(Correction).default([]),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.targets.forEach((t, i) => {
      if (seen.has(t.no)) ctx.addIssue({ code: "custom", path: ["targets", i, "no"], message: `số thứ tự ${t.no} bị trùng` });
      seen.add(t.no);
      if (t.parent != null && !plan.targets.some((p) => p.no === t.parent && p.parent == null)) {
        ctx.addIssue({ code: "custom", path: ["targets", i, "parent"], message: `không có chỉ tiêu ${t.parent} để làm chỉ tiêu cha` });
      }
    });
    const codes = new Set<string>();
    plan.tasks.forEach((t, i) => {
      if (codes.has(t.code)) ctx.addIssue({ code: "custom", path: ["tasks", i, "code"], message: `mã nhiệm vụ ${t.code} bị trùng` });
      codes.add(t.code);
    });
  });

export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;

/**
 * `plan.invalid`: the data breaks the schema (the path names the place). The others concern a plan
 * file before its data is read: missing, unreadable, or not JSON (the path gives line and column).
 */
export type PlanProblemCode = "plan.invalid" | "plan.not-found" | "plan.unreadable" | "plan.json-syntax";

const viErrors = z.locales.vi().localeError;

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + String(p))).join("");
}

/** Checks untrusted data (a parsed JSON file) against the schema; every problem names its place. */
export function parsePlan(data: unknown, file?: string): Result<Plan, PlanProblemCode> {
  // Users read these messages: zod's own wording comes in Vietnamese, our custom ones already are.
  const r = PlanSchema.safeParse(data, { error: viErrors });
  if (r.success) return ok(r.data);
  const problems: Problem<PlanProblemCode>[] = r.error.issues.map((issue) =>
    problem("plan.invalid", "error", { file, path: pathText(issue.path) || "(gốc)" }, { detail: issue.message }),
  );
  return fail(problems);
}

/** Main targets (no parent), in plan order. */
export function mainTargets(plan: Plan): TargetRow[] {
  return plan.targets.filter((t) => t.parent == null);
}

/** Sub-rows of a main target, in plan order. */
export function subRows(plan: Plan, no: string): TargetRow[] {
  return plan.targets.filter((t) => t.parent === no);
}
