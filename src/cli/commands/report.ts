/**
 * `ktxh report`: the report tables in 783/BC's format, as .xlsx (and .docx), from a filled workbook
 * made by `ktxh init`, or from a plan and an actuals file (the format of `ktxh evaluate`).
 * Never writes over an input file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseActuals } from "../../core/actuals";
import { problemLine } from "../../core/messages";
import { PREVIOUS_HOW_LABELS } from "../../core/messages/labels";
import type { Plan } from "../../core/plan";
import { type Problem, problem } from "../../core/problems";
import { type ReportInput, buildReport } from "../../core/report/build";
import { type ReportExtras, readReportExtras } from "../../core/report/extras";
import { type DocDate, parseDocDate } from "../../core/report/heading";
import { type PreviousCorrections, type PreviousYear, matchPreviousYear } from "../../core/report/previous-year";
import { type ReportModel, rowCells } from "../../core/report/model";
import { REPORT_PERIODS, type ReportPeriod, isReportPeriod } from "../../core/report/period";
import { builtInPlans } from "../../seeds";
import { readLastYearFile, readWorkbookActuals } from "../../hosts/xlsx/read-actuals";
import { reportXlsx } from "../../hosts/xlsx/report-xlsx";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";
import { PLAN_OPTIONS, PLAN_USAGE, loadPlanFile, planOptions } from "../load-plan";
import type { PlanFileOptions } from "../../core/plan-json";
import { type GivenTaskCounts, parseTaskCounts } from "../../core/report/tasks";
import { type ReportFields, readReportFields } from "../../core/report/fields";

const USAGE = [
  "ktxh report SỔ.xlsx [--period KỲ] -o BÁO_CÁO.xlsx [--docx BÁO_CÁO.docx] [--json]",
  "ktxh report --plan KẾ_HOẠCH --actuals SỐ_LIỆU [--period KỲ] -o BÁO_CÁO.xlsx [--docx BÁO_CÁO.docx] [--json]",
  "",
  "Lập bảng báo cáo các chỉ tiêu chủ yếu theo mẫu Báo cáo 783/BC-UBND (TT · Chỉ tiêu · Đơn vị tính ·",
  "KH · Ước TH · So với chỉ tiêu giao), câu tổng hợp và tình hình thực hiện nhiệm vụ theo cơ quan chủ trì.",
  "  SỔ.xlsx     sổ do `ktxh init` tạo và đã nhập số liệu",
  "  --plan      tệp kế hoạch .json/.csv hoặc mã kế hoạch có sẵn (với SỔ.xlsx: mặc định là kế hoạch ghi trong sổ)",
  "  --actuals   tệp số liệu .json hoặc .csv (như `ktxh evaluate`)",
  `  --period    kỳ báo cáo: ${REPORT_PERIODS.join(", ")} (mặc định: year)`,
  "  -o          tệp .xlsx sẽ ghi",
  "  --docx      tệp .docx sẽ ghi (thể thức Nghị định 30/2020/NĐ-CP)",
  "  --number    số văn bản (783 hoặc 783/BC-UBND); bỏ trống để văn thư ghi",
  "  --date      ngày ban hành (2023-12-05 hoặc 05/12/2023; mặc định: hôm nay)",
  "  --subject   trích yếu (mặc định: Kết quả thực hiện các chỉ tiêu ... năm ...)",
  "  --to        nơi gửi, in sau \"Kính gửi:\"",
  "  --signer    họ tên người ký (mặc định: dòng \"Người ký:\" của kế hoạch; trống để ký tay)",
  "  --signer-title  chức vụ người ký (Chủ tịch, Phó Chủ tịch; mặc định: Chủ tịch)",
  "  --tasks     số nhiệm vụ: tổng số, đã hoàn thành, đang thực hiện (118,109,9), thay cho trang Nhiệm vụ",
  "  (số, ngày, nơi gửi, người ký, số nhiệm vụ không ghi ở đây thì lấy từ Thông tin văn bản đã lưu trong sổ)",
  ...PLAN_USAGE,
  "  --previous  sổ .xlsx hoặc tệp số liệu của năm trước: cột \"So với cùng kỳ (%)\" (chỉ tiêu ghép theo số và tên)",
  "  --json      in mô hình báo cáo dạng JSON",
].join("\n");

interface Args {
  workbook: string | null;
  plan: string | null;
  actuals: string | null;
  period: string | null;
  output: string | null;
  docx: string | null;
  json: boolean;
  number: string | null;
  date: string | null;
  subject: string | null;
  to: string | null;
  signer: string | null;
  signerTitle: string | null;
  tasks: string | null;
  planOpts: PlanFileOptions;
  previous: string | null;
}

function parseArgs(args: string[]): Args | string {
  const text = { type: "string" } as const;
  const r = readArgs(args, {
    plan: text, actuals: text, period: text, output: { type: "string", short: "o" }, docx: text,
    number: text, date: text, subject: text, to: text, json: { type: "boolean" },
    signer: text, "signer-title": text, tasks: text, previous: text, ...PLAN_OPTIONS,
  });
  if (typeof r === "string") return r;
  if (r.positionals.length > 1) return `thừa tham số "${r.positionals[1]}"`;
  const v = r.values;
  const planOpts = planOptions(v);
  if (typeof planOpts === "string") return planOpts;
  const out: Args = {
    workbook: r.positionals[0] ?? null, plan: v.plan ?? null, actuals: v.actuals ?? null, period: v.period ?? null,
    output: v.output ?? null, docx: v.docx ?? null, json: v.json === true,
    number: v.number ?? null, date: v.date ?? null, subject: v.subject ?? null, to: v.to ?? null,
    signer: v.signer ?? null, signerTitle: v["signer-title"] ?? null, tasks: v.tasks ?? null, planOpts,
    previous: v.previous ?? null,
  };
  if (out.workbook && out.actuals) return "dùng SỔ.xlsx hoặc --actuals, không dùng cả hai";
  if (!out.workbook && !(out.plan && out.actuals)) return "cần SỔ.xlsx, hoặc --plan và --actuals";
  if (!out.output && !out.docx && !out.json) return "cần -o BÁO_CÁO.xlsx (hoặc --docx, --json)";
  return out;
}

function printProblems(problems: Problem[], io: CliIO): void {
  for (const p of problems) io.err(`${problemLine(p)}\n`);
}

async function pickPlan(spec: string, io: CliIO, opts: PlanFileOptions): Promise<{ plan: Plan | null; problems: Problem[] }> {
  const builtIn = builtInPlans().find((p) => p.id === spec);
  if (builtIn) return { plan: builtIn, problems: [] };
  const r = await loadPlanFile(path.resolve(io.cwd, spec), spec, opts);
  return { plan: r.ok ? r.value : null, problems: r.problems };
}

function readBytes(file: string): Uint8Array | string {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const pad = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + "…" : s.padEnd(n));

/** The report as terminal text: the table, the sentences. Long names are cut; the files hold them whole. */
export function reportText(model: ReportModel): string {
  const table = [model.columns.map((c) => c.header), ...model.rows.map((r) => rowCells(model, r))];
  const widths = model.columns.map((c, i) => Math.min(c.key === "name" ? 46 : 18, Math.max(...table.map((row) => row[i].length))));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd();
  const out = [model.heading.subject.toLocaleUpperCase("vi-VN"), ""];
  if (model.note) out.push(`(${model.note})`, "");
  out.push(...table.map(line));
  out.push("", model.sentence);
  if (model.tasks) out.push(model.tasks.sentence);
  return out.join("\n") + "\n";
}

interface Loaded {
  plan: Plan;
  /** The report fields the book's record keeps from the pane: what the options leave unsaid. */
  saved?: ReportFields | null;
  /** The officer's corrections of last year's matching, kept in the book's record ("Lấy số liệu năm trước"). */
  corrections?: PreviousCorrections;
  input: Omit<ReportInput, "plan" | "period">;
  period: ReportPeriod | null;
  inputs: string[];
  problems: Problem[];
}

async function fromWorkbook(a: Args, period: string, io: CliIO): Promise<Loaded | null> {
  const file = path.resolve(io.cwd, a.workbook ?? "");
  const bytes = readBytes(file);
  if (typeof bytes === "string") {
    io.err(`ktxh report: không đọc được sổ ${a.workbook}: ${bytes}\n`);
    return null;
  }
  // The plan the user named is the one judged against; without one, the plan the book records (or matches).
  let chosen: Plan | null = null;
  const planProblems: Problem[] = [];
  if (a.plan) {
    const p = await pickPlan(a.plan, io, a.planOpts);
    planProblems.push(...p.problems);
    if (!p.plan) {
      printProblems(p.problems, io);
      io.err(`ktxh report: không có kế hoạch "${a.plan}"; chỉ rõ tệp kế hoạch bằng --plan TỆP.\n`);
      return null;
    }
    chosen = p.plan;
  }
  const r = await readWorkbookActuals(bytes, period, a.workbook ?? undefined, chosen);
  if (!r.ok) {
    printProblems(r.problems, io);
    return null;
  }
  const p = { plan: r.value.plan, problems: planProblems };
  const inputs = [file, ...(a.plan ? [path.resolve(io.cwd, a.plan)] : [])];
  return {
    plan: p.plan,
    saved: r.value.reportFields,
    corrections: r.value.previous.corrections,
    // "So với cùng kỳ" from the book's own *Cùng kỳ năm trước* column; `--previous` wins where it gives a figure.
    input: { actuals: r.value.actuals, figures: r.value.figures ?? "estimate", tasks: r.value.tasks, revised: r.value.revised, samePeriodLastYear: r.value.samePeriod },
    period: null,
    inputs,
    problems: [...p.problems, ...r.problems],
  };
}

async function fromFiles(a: Args, io: CliIO): Promise<Loaded | null> {
  const p = await pickPlan(a.plan ?? "", io, a.planOpts);
  if (!p.plan) {
    printProblems(p.problems, io);
    return null;
  }
  const file = path.resolve(io.cwd, a.actuals ?? "");
  const bytes = readBytes(file);
  if (typeof bytes === "string") {
    io.err(`ktxh report: không đọc được tệp số liệu ${a.actuals}: ${bytes}\n`);
    return null;
  }
  const r = parseActuals(bytes, a.actuals ?? undefined);
  if (!r.ok) {
    printProblems(r.problems, io);
    return null;
  }
  let extras: ReportExtras | null = null;
  const problems: Problem[] = [...p.problems, ...r.problems];
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  if (text.trimStart().startsWith("{")) {
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // parseActuals read it already; a file it accepted that JSON.parse refuses has no extras to give.
    }
    const x = readReportExtras(data, a.actuals ?? undefined);
    extras = x.extras;
    problems.push(...x.problems);
  }
  return {
    plan: p.plan,
    input: {
      actuals: r.value,
      figures: extras?.figures ?? "estimate",
      samePeriodLastYear: extras?.samePeriodLastYear,
      tasks: extras?.tasks ?? null,
      note: extras?.note ?? null,
    },
    period: extras?.period ?? null,
    inputs: [file, path.resolve(io.cwd, a.plan ?? "")],
    problems,
  };
}

/**
 * Last year's figures of the same period, from last year's book (read against the plan it records)
 * or an actuals file, matched to this year's targets (layout/previous.ts, as the pane's "Lấy số liệu
 * năm trước"), the officer's corrections kept in this year's book's record first.
 */
async function fromPrevious(file: string, plan: Plan, period: string, corrections: PreviousCorrections, io: CliIO): Promise<{ previous: PreviousYear; year: PreviousYear | null; problems: Problem[] } | null> {
  const bytes = readBytes(path.resolve(io.cwd, file));
  if (typeof bytes === "string") {
    io.err(`ktxh report: không đọc được tệp năm trước ${file}: ${bytes}\n`);
    return null;
  }
  // The year's figures too, where last year's book has them: a mid-year projection's share of the year.
  const r = await readLastYearFile(bytes, file, period === "year" ? [period] : [period, "year"], period);
  if (!r.ok) {
    printProblems(r.problems, io);
    return null;
  }
  if (!r.value.rows[period]) {
    printProblems([problem("report.period-missing", { file }, { period, available: "" })], io);
    return null;
  }
  const yearRows = period === "year" ? null : r.value.rows.year;
  return {
    previous: matchPreviousYear(plan, r.value.plan, r.value.rows[period], corrections),
    year: yearRows ? matchPreviousYear(plan, r.value.plan, yearRows, corrections) : null,
    problems: r.problems,
  };
}

function today(): DocDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** How last year's targets were matched, where it was not by the same number and a like name. */
function previousText(p: PreviousYear): string {
  const lines = p.matches
    .filter((m) => m.how !== "number-and-name")
    .map((m) => `  chỉ tiêu ${m.no} ← chỉ tiêu ${m.lastNo} năm trước${m.lastName ? ` "${m.lastName}"` : ""} (${PREVIOUS_HOW_LABELS[m.how]})\n`);
  return lines.length ? `Cùng kỳ năm trước, ghép chỉ tiêu:\n${lines.join("")}` : "";
}

async function run(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args);
  if (typeof a === "string") {
    io.err(`ktxh report: ${a}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  }
  if (a.period != null && !isReportPeriod(a.period)) {
    io.err(`ktxh report: kỳ "${a.period}" không hợp lệ; dùng ${REPORT_PERIODS.join(", ")}.\n`);
    return EXIT.UNREADABLE;
  }
  let date: DocDate | null = null;
  if (a.date != null) {
    const d = parseDocDate(a.date);
    if (!d.date) {
      printProblems(d.problems, io);
      return EXIT.UNREADABLE;
    }
    date = d.date;
  }
  let taskCounts: GivenTaskCounts | null = null;
  if (a.tasks != null) {
    const t = parseTaskCounts(a.tasks);
    if (!t.counts) {
      printProblems(t.problems, io);
      return EXIT.UNREADABLE;
    }
    taskCounts = t.counts;
  }
  const loaded = a.workbook ? await fromWorkbook(a, a.period ?? "year", io) : await fromFiles(a, io);
  if (!loaded) return EXIT.UNREADABLE;
  // --issuer and --year name the unit and year of a book's recorded plan too.
  const { unit, year } = a.planOpts;
  if (unit || year) loaded.plan = { ...loaded.plan, ...(unit ? { unit } : {}), ...(year ? { year } : {}) };
  if (a.previous) loaded.inputs.push(path.resolve(io.cwd, a.previous));
  const outputs = [a.output, a.docx].filter((o): o is string => o != null).map((o) => path.resolve(io.cwd, o));
  const clash = outputs.find((o) => loaded.inputs.includes(o));
  if (clash) {
    io.err(`ktxh report: tệp kết quả ${path.relative(io.cwd, clash)} trùng với tệp đầu vào; chọn tên khác.\n`);
    return EXIT.UNREADABLE;
  }
  const period = (a.period as ReportPeriod | null) ?? loaded.period ?? "year";
  let previous: PreviousYear | null = null;
  if (a.previous) {
    const p = await fromPrevious(a.previous, loaded.plan, period, loaded.corrections ?? {}, io);
    if (!p) return EXIT.UNREADABLE;
    previous = p.previous;
    loaded.input.samePeriodLastYear = { ...loaded.input.samePeriodLastYear, ...p.previous.values };
    if (p.year) loaded.input.lastYearTotal = { ...loaded.input.lastYearTotal, ...p.year.values };
    loaded.problems.push(...p.problems);
  }
  // What the options leave unsaid comes from the fields the pane kept in the book's record.
  const kept = loaded.saved ? readReportFields(loaded.saved) : null;
  if (kept) for (const p of kept.problems) loaded.problems.push(p.problem);
  const k = kept?.input;
  taskCounts ??= k?.taskCounts ?? null;
  const model = buildReport({
    plan: loaded.plan, period, ...loaded.input, number: a.number ?? k?.number, date: date ?? k?.date ?? today(), subject: a.subject,
    to: a.to ?? k?.to, signer: a.signer ?? k?.signer, signerTitle: a.signerTitle ?? k?.signerTitle, ...(taskCounts ? { taskCounts } : {}),
  });
  model.problems.unshift(...loaded.problems);
  if (a.output) {
    const out = path.resolve(io.cwd, a.output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, await reportXlsx(model));
  }
  if (a.docx) {
    const out = path.resolve(io.cwd, a.docx);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // docx is loaded only when a .docx is asked for.
    const { reportDocx } = await import("../../hosts/docx/report-docx");
    fs.writeFileSync(out, await reportDocx(model));
  }
  if (a.json) io.out(JSON.stringify(model, null, 2) + "\n");
  else {
    io.out(reportText(model));
    if (previous) io.out(previousText(previous));
    for (const o of [a.output, a.docx]) if (o) io.out(`Đã ghi ${o}.\n`);
  }
  printProblems(model.problems, io);
  return model.problems.some((p) => p.severity !== "info") ? EXIT.PROBLEMS : EXIT.OK;
}

export const reportCommand: Command = {
  name: "report",
  summary: "lập bảng báo cáo chỉ tiêu theo mẫu 783/BC (.xlsx, .docx)",
  usage: USAGE,
  run,
};
