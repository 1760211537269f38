/**
 * A unit's plan for a year: its main targets (chỉ tiêu) and its task matrix (nhiệm vụ), as data.
 * Every plan, the built-in ones in seeds/ and any file a user picks, goes through `parsePlan`.
 * Strings are kept as written (NFC); numbers inside targets are read later by the target parser.
 */
import * as z from "zod/mini";
import { type Problem, type Result, fail, ok, problem } from "./problems";

// zod/mini: the same schemas as zod's classic API, written as functions so that the pane's bundle
// carries only the checks it uses.

export const Direction = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof Direction>;

const ROW_NO = /^\d+(\.\d+)*$/;
const nfcTrim = (s: string): string => s.normalize("NFC").trim();
const text = z.pipe(z.string(), z.transform(nfcTrim));
/** Text that must not be empty once trimmed. */
const filled = (message?: string) => z.pipe(text, z.string().check(z.minLength(1, message)));
const optionalText = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((s: string | null | undefined) => (s == null ? null : nfcTrim(s) || null)),
);

/** How an indicator is judged when the default rule does not fit it (see evaluate.ts). */
export const RuleSettings = z.strictObject({
  /** Tolerance, in the target's unit, within which an actual counts as equal to a point target. */
  tolerance: z.optional(z.number().check(z.nonnegative())),
  /** How a strict bound (`>48`) is read: "next-step" plans the next value at the written precision. */
  strictBound: z.optional(z.enum(["next-step", "exclusive"])),
  /** Whether exceeding the plan is reported as "vượt" (default) or just "đạt". */
  exceed: z.optional(z.enum(["vuot", "dat"])),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

export const TargetRow = z.strictObject({
  /** "1".."20" for main targets, "1.1" for a sub-row of target 1. */
  no: z.string().check(z.regex(ROW_NO, "số thứ tự dạng 1 hoặc 1.2")),
  /** The main target a sub-row belongs to. */
  parent: z.optional(z.nullable(z.string().check(z.regex(ROW_NO)))),
  name: filled("tên chỉ tiêu không được để trống"),
  /** Đơn vị tính as written ("tỷ đồng", "%", "người"); "" where the source gives none. */
  unit: text,
  /** The target as written in the source: "khoảng 25.224", ">80", "7-8", "Giảm 3 tiêu chí". */
  target: filled("chỉ tiêu kế hoạch không được để trống"),
  /** Whether more is better. Set where the indicator implies it (poverty, malnutrition: lower). */
  direction: z.optional(Direction),
  /** The previous year's figure as written, where the plan has one. */
  previous: optionalText,
  /** On a total: whether its sub-rows add up to it (sector values do; growth rates do not). */
  additive: z.optional(z.boolean()),
  /**
   * A growth rate ("Tốc độ tăng trưởng kinh tế"): its "tăng 7,5%" is the rate to reach, not a rise of
   * last year's figure. Absent, a row whose unit is % and whose name says "tốc độ" or "tăng trưởng" is one.
   */
  rate: z.optional(z.boolean()),
  /**
   * How the actual of a change target ("giảm 1-1,5%") is typed: "change" (the fall or rise itself,
   * 1,2) or "level" (the new figure, judged with last year's). Absent: a worded figure ("giảm 1,2%")
   * is the change, a bare number the level.
   */
  actualIs: z.optional(z.enum(["change", "level"])),
  /** Marks the indicator judged from criteria counts (traffic accidents). */
  criteria: z.optional(z.enum(["traffic-accidents"])),
  rule: z.optional(RuleSettings),
  /** The office that reports this target's figures in the collection cycle (src/core/recipients.ts). */
  reportedBy: z.optional(text),
  /** Whether the figure is collected from every commune (the plan's `communes`). */
  fromCommunes: z.optional(z.boolean()),
  /** How the communes' figures make the unit's: "sum" adds them up, "none" keeps them apart. */
  rollup: z.optional(z.enum(["sum", "none"])),
  /**
   * Whether the figure is a sum over the year (output, revenue, jobs, certificates: a mid-year figure
   * is a share of the year plan) or a level (a rate, a ratio, a count at a date: compared with the
   * target itself). Absent: the default from the unit and the name (./cumulative.ts).
   */
  cumulative: z.optional(z.boolean()),
  /** Known only at year end (the poverty rate): not assessable before, never judged off target mid-year. */
  annual: z.optional(z.boolean()),
});
export type TargetRow = z.infer<typeof TargetRow>;

export const TaskRow = z.strictObject({
  /** "1", "2.14". */
  code: z.string().check(z.regex(ROW_NO, "mã nhiệm vụ dạng 2 hoặc 2.14")),
  /** The group heading the task stands under ("Về phát triển kinh tế"), null where none. */
  group: optionalText,
  text: filled("nội dung nhiệm vụ không được để trống"),
  /** Chỉ đạo thực hiện. */
  directs: optionalText,
  /** Cơ quan chủ trì (tham mưu). */
  lead: optionalText,
  /** Cơ quan phối hợp. */
  partners: optionalText,
  /** Tiến độ thực hiện. */
  timing: optionalText,
});
export type TaskRow = z.infer<typeof TaskRow>;

export const Correction = z.strictObject({
  /** Where in the source: "nhiệm vụ 3.2". */
  where: z.string(),
  /** What the source says and what the plan holds instead. */
  what: z.string(),
});

export const PlanSchema = z
  .strictObject({
    /** Stable identity kept in the workbook: "binh-son-2024". */
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "mã kế hoạch chỉ gồm chữ thường không dấu, số và dấu -")),
    /** The issuing body: "UBND huyện Bình Sơn". */
    unit: filled(),
    /** Place name used in dates of reports: "Bình Sơn". */
    place: optionalText,
    /** Higher level: "tỉnh Quảng Ngãi". */
    parentUnit: optionalText,
    /** Who signs the unit's reports ("Nguyễn Văn A"), and the title above the name ("CHỦ TỊCH"). */
    signer: z.optional(optionalText),
    signerTitle: z.optional(optionalText),
    year: z.int().check(z.gte(2000), z.lte(2100)),
    source: z.strictObject({
      document: text,
      file: optionalText,
      date: optionalText,
    }),
    targets: z.array(TargetRow).check(z.minLength(1, "kế hoạch phải có ít nhất một chỉ tiêu")),
    tasks: z._default(z.array(TaskRow), () => []),
    corrections: z._default(z.array(Correction), () => []),
    /** The unit's communes (xã, thị trấn), asked for figures in the collection cycle; none: no commune is asked. */
    communes: z.optional(z.array(filled())),
  })
  .check(
    z.superRefine((plan, ctx) => {
      const seen = new Set<string>();
      plan.targets.forEach((t, i) => {
        if (seen.has(t.no)) ctx.addIssue({ code: "custom", path: ["targets", i, "no"], message: `số thứ tự ${t.no} bị trùng`, input: t.no });
        seen.add(t.no);
        if (t.parent != null && !plan.targets.some((p) => p.no === t.parent && p.parent == null)) {
          ctx.addIssue({ code: "custom", path: ["targets", i, "parent"], message: `không có chỉ tiêu ${t.parent} để làm chỉ tiêu cha`, input: t.parent });
        }
      });
      const codes = new Set<string>();
      plan.tasks.forEach((t, i) => {
        if (codes.has(t.code)) ctx.addIssue({ code: "custom", path: ["tasks", i, "code"], message: `mã nhiệm vụ ${t.code} bị trùng`, input: t.code });
        codes.add(t.code);
      });
    }),
  );

export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;

/**
 * `plan.invalid`: the data breaks the schema (the path names the place). The others concern a plan
 * file before its data is read: missing, unreadable, or not JSON (the path gives line and column).
 */
export type PlanProblemCode = "plan.invalid" | "plan.not-found" | "plan.unreadable" | "plan.json-syntax";

const viErrors = z.locales.vi().localeError;

/** What a blank or missing field of a plan file is called. */
export const BLANK = "còn trống";

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + String(p))).join("");
}

/** Checks untrusted data (a parsed JSON file) against the schema; every problem names its place. */
export function parsePlan(data: unknown, file?: string): Result<Plan, PlanProblemCode> {
  // Users read these messages: zod's own wording comes in Vietnamese, our custom ones already are.
  const r = PlanSchema.safeParse(data, { error: viErrors });
  if (r.success) return ok(r.data);
  // A field left out or left blank is said so plainly, not as "mong đợi string, nhận được undefined".
  const problems: Problem<PlanProblemCode>[] = r.error.issues.map((issue) =>
    problem("plan.invalid", { file, ...(issue.path.length ? { path: pathText(issue.path) } : {}) }, {
      detail: issue.code === "invalid_type" && isBlank(valueAt(data, issue.path)) ? BLANK : issue.message,
    }),
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
