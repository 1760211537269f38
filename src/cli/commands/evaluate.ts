/**
 * `ktxh evaluate PLAN ACTUALS`: the status of every target, with its percent of plan and the reason,
 * and the summary over main targets. PLAN is a plan file (.json, or .csv typed as a table) or the id
 * of a built-in plan; ACTUALS a CSV `no,actual` or the JSON form (see src/core/actuals.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseActuals } from "../../core/actuals";
import { type Actuals, evaluatePlan, statusLabel } from "../../core/evaluate";
import { isPeriodId } from "../../core/periods";
import { OUTLOOK_REASONS } from "../../core/messages/labels";
import { outlookOf } from "../../core/report/outlook";
import { isReportPeriod } from "../../core/report/period";
import { formatProblem } from "../../core/messages";
import { formatNumber } from "../../core/numbers";
import type { Plan } from "../../core/plan";
import type { Problem, Result } from "../../core/problems";
import { type SummaryStyle, summarySentence } from "../../core/summary";
import { builtInPlans } from "../../seeds";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";
import { PLAN_OPTIONS, PLAN_USAGE, loadPlanFile, planOptions } from "../load-plan";
import type { PlanFileOptions } from "../../core/plan-json";

const USAGE = [
  "ktxh evaluate KẾ_HOẠCH SỐ_LIỆU [--period KỲ] [--json] [--style 783|dat-trong-do-vuot]",
  "ktxh evaluate SỔ.xlsx [KẾ_HOẠCH] [--period KỲ] [--json] [--style ...]",
  "",
  "Đánh giá từng chỉ tiêu: Đạt (vượt), Đạt, Không đạt, Cần xem lại (số liệu có vẻ gõ nhầm) hoặc Chưa có số liệu, kèm tỷ lệ so với kế hoạch và lý do.",
  "Trước cuối năm: chỉ tiêu cộng dồn được đánh giá theo số dự kiến cả năm (Dự kiến đạt, Dự kiến không đạt), chỉ tiêu chỉ có số cả năm là Chưa đánh giá được.",
  "  KẾ_HOẠCH  tệp kế hoạch .json hoặc .csv (cột như mẫu: ktxh plan --template), hoặc mã kế hoạch có sẵn (binh-son-2023)",
  "  SỐ_LIỆU   tệp .csv (cột no,actual) hoặc .json {\"rows\":[{\"no\",\"actual\"}],\"traffic\":{...}}",
  "  SỔ.xlsx   sổ Excel (do `ktxh init` tạo, hoặc bảng của đơn vị khác): kế hoạch ghi trong sổ, nếu không chỉ rõ",
  "  --period  kỳ của số liệu: kỳ đọc trong sổ, hoặc kỳ của tệp số liệu (6m, 9m, q1, m3…; mặc định: year)",
  "  --json    in JSON",
  "  --style   kiểu câu tổng hợp (mặc định 783)",
  ...PLAN_USAGE,
].join("\n");

function readBytes(file: string): Uint8Array | string {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function loadPlan(spec: string, io: CliIO, opts: PlanFileOptions): Promise<Result<Plan>> {
  const builtIn = builtInPlans().find((p) => p.id === spec);
  if (builtIn) return { ok: true, value: builtIn, problems: [] };
  // Judging needs no year: a CSV plan without one is lent this year's.
  return loadPlanFile(path.resolve(io.cwd, spec), spec, { ...opts, defaultYear: new Date().getFullYear() });
}

function printProblems(problems: Problem[], io: CliIO): void {
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
}

const pad = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + "…" : s.padEnd(n));

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "đánh giá kết quả thực hiện các chỉ tiêu so với kế hoạch",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = readArgs(args, { json: { type: "boolean" }, style: { type: "string" }, period: { type: "string" }, ...PLAN_OPTIONS });
    const planOpts = typeof parsed === "string" ? parsed : planOptions(parsed.values);
    if (typeof parsed === "string" || typeof planOpts === "string") {
      io.err(`ktxh evaluate: ${typeof parsed === "string" ? parsed : planOpts}.\n\n${USAGE}\n`);
      return EXIT.UNREADABLE;
    }
    const json = parsed.values.json === true;
    const period = parsed.values.period ?? "year";
    const v = parsed.values.style ?? "783";
    if (v !== "783" && v !== "dat-trong-do-vuot") {
      io.err(`ktxh evaluate: --style phải là 783 hoặc dat-trong-do-vuot.\n`);
      return EXIT.UNREADABLE;
    }
    const style: SummaryStyle = v;
    const positional = parsed.positionals;
    const book = positional.find((x) => /\.(xlsx|xlsm)$/i.test(x)) ?? null;
    if (positional.length !== 2 && !(book && positional.length === 1)) {
      io.err(`ktxh evaluate: cần KẾ_HOẠCH và SỐ_LIỆU (hoặc SỔ.xlsx).\n\n${USAGE}\n`);
      return EXIT.UNREADABLE;
    }
    const planSpec = positional.find((x) => x !== book) ?? null;
    const actualsFile = book ?? positional[1];
    let plan: Result<Plan> | null = planSpec === null ? null : await loadPlan(planSpec, io, planOpts);
    if (plan && !plan.ok) {
      printProblems(plan.problems, io);
      return EXIT.UNREADABLE;
    }
    const bytes = readBytes(path.resolve(io.cwd, actualsFile));
    if (typeof bytes === "string") {
      io.err(`Không đọc được tệp số liệu ${actualsFile}: ${bytes}\n`);
      return EXIT.UNREADABLE;
    }
    let actuals: Result<Actuals>;
    if (book) {
      // The one reading of a workbook: the plan it records (or the one named), its figures for the period.
      // ExcelJS is loaded only for a workbook (src/cli/commands/index.ts keeps the CLI's start light).
      const { readWorkbookActuals } = await import("../../hosts/xlsx/read-actuals");
      const r = await readWorkbookActuals(bytes, period, book, plan?.ok ? plan.value : null);
      if (!r.ok) {
        printProblems(r.problems, io);
        return EXIT.UNREADABLE;
      }
      plan = { ok: true, value: r.value.plan, problems: plan?.problems ?? [] };
      actuals = { ok: true, value: r.value.actuals, problems: r.problems };
    } else {
      actuals = parseActuals(bytes, actualsFile);
      // A file of figures is the year's unless --period says which period's (the mid-year rule then judges them).
      if (actuals.ok && parsed.values.period != null && isPeriodId(period)) actuals.value.period = period;
    }
    if (!plan?.ok) return EXIT.UNREADABLE;
    if (!actuals.ok) {
      printProblems(actuals.problems, io);
      return EXIT.UNREADABLE;
    }
    const result = evaluatePlan(plan.value, actuals.value);
    // At 6 and 9 months each cumulative or annual target's year-end outlook (the report's Dự kiến cả năm cell).
    const outlook = (e: (typeof result.rows)[number]) => (isReportPeriod(period) ? outlookOf(period, e) : null);
    const problems = [...plan.problems, ...actuals.problems, ...result.problems];
    const sentence = summarySentence(plan.value, result, style);
    if (json) {
      const out = {
        plan: plan.value.id,
        rows: result.rows.map((r) => ({
          no: r.no, status: r.status, label: statusLabel(r), percent: r.percent, reason: r.reason,
          ...(r.projection ? { projection: r.projection } : {}),
          ...(outlook(r) ? { outlook: outlook(r)?.text } : {}),
          ...(r.parent ? { parent: r.parent } : {}), printStatus: r.printStatus, overridden: r.overridden,
          ...(r.review ? { review: r.review } : {}),
        })),
        summary: result.summary,
        sentence,
        problems: problems.map((p) => ({ code: p.code, severity: p.severity, location: p.location, message: formatProblem(p) })),
      };
      io.out(JSON.stringify(out, null, 2) + "\n");
    } else {
      const byNo = new Map(plan.value.targets.map((t) => [t.no, t]));
      const lines = [`${pad("TT", 5)} ${pad("Chỉ tiêu", 40)} ${pad("Kế hoạch", 18)} ${pad("Thực hiện", 14)} ${pad("% KH", 8)} Đánh giá`];
      const actualByNo = new Map(actuals.value.rows.map((r) => [r.no, r.actual]));
      for (const r of result.rows) {
        const row = byNo.get(r.no);
        const actual = actualByNo.get(r.no);
        const status = r.printStatus ? statusLabel(r) + (r.overridden ? " *" : "") : "";
        lines.push(
          `${pad(r.parent ? `  ${r.no}` : r.no, 5)} ${pad(row?.name ?? "", 40)} ${pad(r.target?.canonical ?? row?.target ?? "", 18)} ` +
            `${pad(actual == null ? "" : typeof actual === "number" ? formatNumber(actual) : actual, 14)} ` +
            `${pad(r.percent === null ? "" : formatNumber(r.percent, 2), 8)} ${status}`,
        );
        lines.push(`      ${r.reason}`);
        const o = r.printStatus ? outlook(r) : null;
        if (o) lines.push(`      ${OUTLOOK_REASONS.line(o.text)}`);
      }
      lines.push("", sentence);
      io.out(lines.join("\n") + "\n");
      printProblems(problems, io);
    }
    return problems.some((p) => p.severity === "error" || p.severity === "warning") ? EXIT.PROBLEMS : EXIT.OK;
  },
};
