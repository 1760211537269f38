/**
 * `ktxh plan [FILE] [--json]`: shows a plan (the built-in Bình Sơn 2024 by default), its targets as
 * written and the number each one holds, and its task matrix. `--json` is a stable form for scripts
 * and tests; the table is for reading in a terminal, figures as the plan writes them (vi-VN).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { formatProblem } from "../../core/messages";
import { directionLabel } from "../../core/messages/labels";
import { formatNumber } from "../../core/numbers";
import { type Plan, type TargetRow } from "../../core/plan";
import type { Problem } from "../../core/problems";
import { isCumulative } from "../../core/cumulative";
import { taskDue } from "../../core/task-due";
import { type TargetSpec, hintsOf, parseTarget } from "../../core/target";
import { builtInPlan, builtInPlans, defaultPlan } from "../../seeds";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";
import { PLAN_OPTIONS, PLAN_USAGE, loadPlanFile, planOptions } from "../load-plan";
import type { PlanFileOptions } from "../../core/plan-json";
import { planTemplateCsv } from "../../core/plan-template";
import { compositeTargets } from "../../core/composite";

const USAGE = [
  "ktxh plan [TỆP|MÃ] [--json] [--year NĂM] [--issuer CƠ_QUAN]",
  "ktxh plan --template [-o ke-hoach.csv] [--year NĂM] [--issuer CƠ_QUAN]",
  "",
  "In kế hoạch: các chỉ tiêu chủ yếu (cách ghi và con số đọc được) và các nhiệm vụ, giải pháp",
  "(chỉ đạo, chủ trì, phối hợp, tiến độ).",
  "  TỆP|MÃ   tệp kế hoạch .json/.csv hoặc mã kế hoạch có sẵn (mặc định: Bình Sơn 2024)",
  "  --json   in JSON (dạng ổn định, dùng cho công cụ khác)",
  "  --template  in (hoặc ghi ra -o TỆP) mẫu kế hoạch CSV: dòng Đơn vị, Năm, Người ký, tiêu đề cột và hai dòng ví dụ",
  ...PLAN_USAGE,
].join("\n");

/** The number a target is judged against: the bound that matters for its kind, none for a range. */
export function targetValue(spec: TargetSpec): number | null {
  switch (spec.kind) {
    case "range":
      return null;
    case "at-most":
    case "less-than":
      return spec.max;
    default:
      return spec.min;
  }
}

type TargetView = { row: TargetRow; spec: TargetSpec | null };

function readTargets(plan: Plan): { views: TargetView[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // A line listing the figures its sub-rows carry is judged from them (core/composite.ts): no fault.
  const composite = compositeTargets(plan);
  const views = plan.targets.map((row) => {
    const r = parseTarget(row.target, hintsOf(row));
    if (!composite.has(row.no)) problems.push(...r.problems.filter((p) => p.severity !== "info"));
    return { row, spec: r.ok ? r.value : null };
  });
  return { views, problems };
}

/** The `--json` form. Keys and their order are part of the contract (tests pin them). */
export function planJson(plan: Plan, views: TargetView[]): unknown {
  return {
    id: plan.id,
    unit: plan.unit,
    year: plan.year,
    source: { document: plan.source.document, date: plan.source.date ?? null, file: plan.source.file ?? null },
    targets: views.map(({ row, spec }) => ({
      no: row.no,
      parent: row.parent ?? null,
      name: row.name,
      unit: row.unit,
      text: row.target,
      value: spec ? targetValue(spec) : null,
      kind: spec?.kind ?? null,
      direction: spec?.direction ?? row.direction ?? null,
      cumulative: isCumulative(row),
      annual: row.annual ?? false,
    })),
    tasks: plan.tasks.map((t) => ({
      code: t.code,
      group: t.group ?? null,
      text: t.text,
      directs: t.directs ?? null,
      lead: t.lead ?? null,
      partners: t.partners ?? null,
      timing: t.timing ?? null,
      due: taskDue(t.timing, plan.year),
    })),
    corrections: plan.corrections.map((c) => ({ where: c.where, what: c.what })),
  };
}

const WIDTH = 100;
const chars = (s: string): number => [...s].length;
const pad = (s: string, n: number): string => s + " ".repeat(Math.max(0, n - chars(s)));

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && chars(line) + 1 + chars(word) > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** Rows of cells, each cell wrapped to its column width; columns separated by two spaces. */
function table(header: string[], rows: string[][], widths: number[]): string[] {
  const lines: string[] = [];
  const emit = (cells: string[]): void => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) lines.push(wrapped.map((w, i) => pad(w[k] ?? "", widths[i])).join("  ").trimEnd());
  };
  emit(header);
  lines.push(widths.map((w) => "─".repeat(w)).join("  "));
  rows.forEach(emit);
  return lines;
}

/** The figure read from a wording, as numbers: "≥ 85", "1,0–1,5", "giảm 3 tiêu chí". */
function readFigure(spec: TargetSpec): string {
  const n = (v: number): string => formatNumber(v, spec.decimals);
  const { min, max } = spec;
  const body = min != null && max != null && min !== max ? `${n(min)}–${n(max)}` : min != null ? n(min) : max != null ? n(max) : "";
  if (!body) return "";
  if (spec.kind === "reduce-criteria") return `giảm ${body}`;
  if (spec.change) return `${spec.change === "decrease" ? "giảm" : "tăng"} ${body}`;
  const sign: Partial<Record<TargetSpec["kind"], string>> = { "at-least": "≥ ", "more-than": "> ", "at-most": "≤ ", "less-than": "< " };
  return `${sign[spec.kind] ?? ""}${body}`;
}

function planText(plan: Plan, views: TargetView[]): string {
  const out: string[] = [];
  out.push(`KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM ${plan.year}`);
  out.push(...wrap(`${plan.unit}${plan.parentUnit ? `, ${plan.parentUnit}` : ""}`, WIDTH));
  out.push(...wrap(`Nguồn: ${plan.source.document}${plan.source.date ? `, ${plan.source.date}` : ""}`, WIDTH));
  out.push("");
  const main = views.filter((v) => v.row.parent == null).length;
  out.push(`I. CÁC CHỈ TIÊU CHỦ YẾU (${main} chỉ tiêu${views.length > main ? `, ${views.length - main} dòng chi tiết` : ""})`);
  out.push("");
  const rows = views.map(({ row, spec }) => [
    row.no,
    row.parent ? `- ${row.name}` : row.name,
    row.unit,
    row.target + (spec == null ? (compositeTargets(plan).has(row.no) ? " (theo các dòng chi tiết)" : " (không đọc được)") : ""),
    spec ? readFigure(spec) : "",
    spec && (spec.direction === "lower" || spec.change || spec.kind === "reduce-criteria") ? directionLabel(spec) : "",
  ]);
  out.push(...table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Đọc là", "Chiều"], rows, [4, 33, 11, 18, 10, 14]));
  out.push("");
  out.push(`II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU (${plan.tasks.length} nhiệm vụ)`);
  let group: string | null = null;
  for (const t of plan.tasks) {
    if (t.group && t.group !== group) out.push("", t.group.toUpperCase());
    group = t.group ?? null;
    out.push("");
    const [first, ...rest] = wrap(t.text, WIDTH - 7);
    out.push(`${pad(t.code, 5)}  ${first}`, ...rest.map((l) => `       ${l}`));
    const fields: [string, string | null | undefined][] = [
      ["Chỉ đạo", t.directs], ["Chủ trì", t.lead], ["Phối hợp", t.partners], ["Tiến độ", t.timing],
    ];
    for (const [label, value] of fields) {
      if (!value) continue;
      const [f, ...more] = wrap(value, WIDTH - 19);
      out.push(`       ${pad(label + ":", 10)}  ${f}`, ...more.map((l) => `${" ".repeat(19)}${l}`));
    }
  }
  if (plan.corrections.length) {
    out.push("", `Đã sửa so với văn bản nguồn (${plan.corrections.length}):`);
    for (const c of plan.corrections) {
      const [f, ...more] = wrap(`${c.where}: ${c.what}`, WIDTH - 4);
      out.push(`  - ${f}`, ...more.map((l) => `    ${l}`));
    }
  }
  return out.join("\n") + "\n";
}

async function pickPlan(spec: string | null, io: CliIO, opts: PlanFileOptions): Promise<Plan | null> {
  if (spec == null) return defaultPlan();
  const file = path.resolve(io.cwd, spec);
  const builtIn = builtInPlan(spec);
  if (builtIn && !fs.existsSync(file)) return builtIn;
  const r = await loadPlanFile(file, spec, opts);
  for (const p of r.problems) io.err(`ktxh plan: ${formatProblem(p)}\n`);
  if (!r.ok && r.problems.some((p) => p.code === "plan.not-found")) {
    io.err(`Kế hoạch có sẵn: ${builtInPlans().map((p) => p.id).join(", ")}.\n`);
  }
  return r.ok ? r.value : null;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = readArgs(args, { json: { type: "boolean" }, template: { type: "boolean" }, output: { type: "string", short: "o" }, ...PLAN_OPTIONS });
  const opts = typeof parsed === "string" ? parsed : planOptions(parsed.values);
  const wrong =
    typeof parsed === "string" ? parsed
    : typeof opts === "string" ? opts
    : parsed.positionals.length > (parsed.values.template ? 0 : 1) ? `thừa tham số "${parsed.positionals[parsed.values.template ? 0 : 1]}"`
    : parsed.values.output && !parsed.values.template ? "-o chỉ dùng với --template"
    : null;
  if (typeof parsed === "string" || typeof opts === "string" || wrong) {
    io.err(`ktxh plan: ${wrong}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  }
  if (parsed.values.template) {
    const text = planTemplateCsv({ year: opts.year, unit: opts.unit });
    if (!parsed.values.output) {
      io.out(text.replace(/^\uFEFF/, ""));
      return EXIT.OK;
    }
    const out = path.resolve(io.cwd, parsed.values.output);
    if (fs.existsSync(out)) {
      io.err(`ktxh plan: tệp ${parsed.values.output} đã có; chọn tên khác.\n`);
      return EXIT.UNREADABLE;
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, new TextEncoder().encode(text));
    io.out(`Đã ghi mẫu kế hoạch ${parsed.values.output}: ghi tên đơn vị, năm, người ký, rồi các chỉ tiêu dưới dòng tiêu đề.\n`);
    return EXIT.OK;
  }
  const json = parsed.values.json === true;
  const spec = parsed.positionals[0] ?? null;
  const plan = await pickPlan(spec, io, opts);
  if (!plan) return EXIT.UNREADABLE;
  const { views, problems } = readTargets(plan);
  io.out(json ? JSON.stringify(planJson(plan, views), null, 2) + "\n" : planText(plan, views));
  for (const p of problems) io.err(`ktxh plan: ${formatProblem(p)}\n`);
  return problems.some((p) => p.severity === "error") ? EXIT.PROBLEMS : EXIT.OK;
}

export const planCommand: Command = { name: "plan", summary: "in kế hoạch: chỉ tiêu chủ yếu và nhiệm vụ, giải pháp", usage: USAGE, run };
