/**
 * Builds the report model from a plan and its actuals for one period. At year end the table is
 * 783/BC's (KH · Ước TH · So với chỉ tiêu giao with the status words); before year end it is the
 * mid-year table (percent of the year plan, percent of the same period last year).
 */
import { type Actuals, type Evaluation, type PlanEvaluation, STATUS_LABELS, evaluatePlan, rowKey, withLastYear } from "../evaluate";
import { type Plan, type TargetRow, mainTargets } from "../plan";
import type { Problem } from "../problems";
import { summarySentence } from "../summary";
import { deriveTrafficCriteria, hasTrafficCounts } from "../traffic";
import { readActual } from "../evaluate/actual";
import { figureCell, formatDecimals, percentCell } from "./cells";
import { type DocDate, documentNumber, issuerLines, placeDate, placeOf, signerLines } from "./heading";
import type { ReportColumn, ReportModel, ReportRow } from "./model";
import { outlookOf } from "./outlook";
import { outlookSentence } from "../messages/labels";
import { type ReportPeriod, isYearEnd, periodLabel } from "./period";
import { type GivenTaskCounts, type TaskStatusInput, count2, givenTaskSummary, summarizeTasks } from "./tasks";

export interface ReportInput {
  plan: Plan;
  actuals: Actuals;
  period?: ReportPeriod;
  /** Whether the figures are still estimates ("Ước TH", the default) or official ("TH"). */
  figures?: "estimate" | "official";
  /** The same period's figures of the previous year, by target number, for "So với cùng kỳ". */
  samePeriodLastYear?: Readonly<Record<string, string | number | null>>;
  /** Last year's year figures, by target number (a mid-year projection's share of the year where the plan has no *TH năm trước*). */
  lastYearTotal?: Readonly<Record<string, string | number | null>>;
  /** Task statuses by task code; null or absent: no task section. */
  tasks?: readonly TaskStatusInput[] | null;
  number?: string | null;
  date?: DocDate | null;
  subject?: string | null;
  /** Addressee ("Hội đồng nhân dân huyện"). */
  to?: string | null;
  /** Who signs and the title above the name; absent, the plan's (`signer`, `signerTitle`). */
  signer?: string | null;
  signerTitle?: string | null;
  /**
   * Task counts given as they are (783/BC's 118 / 109 / 09 come from the committee's work programme,
   * not from the task matrix): they win over the statuses of `tasks`.
   */
  taskCounts?: GivenTaskCounts | null;
  note?: string | null;
  /**
   * Targets whose figure for the period changed since the last report of it (`revisedSince` of the
   * book's history), and when that report was made (ISO time): marked "(*)" with a footnote.
   */
  revised?: { since: string; targets: readonly string[] } | null;
}

/** "08:00 ngày 15/07/2024", in Vietnam's time (UTC+7, no daylight saving): the same on every machine. */
export function vietnamTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ngày ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function revision(input: ReportInput, rows: readonly ReportRow[]): ReportModel["revision"] {
  const r = input.revised;
  if (!r) return null;
  const marked = rows.filter((x) => x.revised).map((x) => x.no);
  if (!marked.length) return null;
  return { since: r.since, targets: marked, footnote: `(*) Số liệu đã điều chỉnh so với báo cáo lập lúc ${vietnamTime(r.since)}: chỉ tiêu ${marked.join(", ")}.` };
}

const capitalize = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase("vi-VN") + s.slice(1) : s);

/** "năm 2023", "6 tháng đầu năm 2024", "quý I năm 2024", "tháng 3 năm 2024". */
export function periodPhrase(period: ReportPeriod, year: number): string {
  if (period === "year") return `năm ${year}`;
  if (period === "6m" || period === "9m") return `${periodLabel(period)} đầu năm ${year}`;
  return `${periodLabel(period)} năm ${year}`;
}

function columns(input: ReportInput, period: ReportPeriod, withPrevious: boolean, withOutlook = false): ReportColumn[] {
  const year = input.plan.year;
  const th = input.figures === "official" ? "TH" : "Ước TH";
  const cols: ReportColumn[] = [
    { key: "no", header: "TT" },
    { key: "name", header: "Chỉ tiêu chủ yếu" },
    { key: "unit", header: "Đơn vị tính" },
  ];
  if (isYearEnd(period)) {
    cols.push(
      { key: "plan", header: `KH ${year}` },
      { key: "actual", header: `${th} năm ${year}` },
      { key: "status", header: "So với chỉ tiêu giao (%)" },
    );
    // Last year's figures given (`--previous`, the book's Cùng kỳ năm trước): the year-end table compares too.
    if (withPrevious) cols.push({ key: "percentPrevious", header: "So với cùng kỳ (%)" });
    return cols;
  }
  cols.push(
    { key: "plan", header: `KH năm ${year}` },
    { key: "actual", header: `${th} ${periodLabel(period)} năm ${year}` },
    { key: "percentPlan", header: "So với KH năm (%)" },
  );
  if (withPrevious) cols.push({ key: "percentPrevious", header: "So với cùng kỳ (%)" });
  if (withOutlook) cols.push({ key: "outlook", header: "Dự kiến cả năm" });
  return cols;
}

/** The criteria count the traffic figures give, in 783/BC's words ("giảm 01 tiêu chí"). */
function derivedCriteria(actuals: Actuals, row: TargetRow): string | null {
  if (row.criteria !== "traffic-accidents" || !hasTrafficCounts(actuals.traffic)) return null;
  const d = deriveTrafficCriteria(actuals.traffic, row.no);
  if (d.unknown > 0) return null;
  return d.fell > 0 ? `giảm ${count2(d.fell)} tiêu chí` : "không giảm tiêu chí nào";
}

/**
 * The percent of last year's figure: the judgement's value of the figure (`Evaluation.value`, none for a
 * figure to review) over last year's, read as every figure is read.
 */
function previousPercent(e: Evaluation | undefined, previous: string | number | null | undefined): number | null {
  if (previous == null || e?.value == null) return null;
  const last = readActual(previous);
  return last.kind === "value" && last.value !== 0 ? (e.value / last.value) * 100 : null;
}

function buildRow(input: ReportInput, row: TargetRow, e: Evaluation | undefined, period: ReportPeriod): ReportRow {
  const key = rowKey(row.no);
  const entry = input.actuals.rows.find((r) => rowKey(r.no) === key);
  // A figure is printed at the precision it was typed or its cell shows, never padded to the target's.
  const decimals = formatDecimals(entry?.format) ?? entry?.shownDecimals ?? 0;
  const plan = figureCell(row.target);
  const actual = figureCell(derivedCriteria(input.actuals, row) ?? entry?.actual ?? null, decimals);
  const yearEnd = isYearEnd(period);
  const status = yearEnd && e && e.printStatus ? e.status : null;
  const previous = Object.entries(input.samePeriodLastYear ?? {}).find(([no]) => rowKey(no) === key)?.[1];
  return {
    no: row.no,
    kind: row.parent == null ? "main" : "sub",
    label: row.parent == null ? row.no : "-",
    name: row.name,
    unit: capitalize(row.unit),
    plan,
    actual,
    status,
    statusText: status ? STATUS_LABELS[status] : "",
    // The judgement's percent (the sheet's % KH, `ktxh evaluate`'s): none where it gives none.
    percentPlan: percentCell(e?.percent ?? null),
    percentPrevious: percentCell(previousPercent(e, previous)),
    outlook: outlookOf(period, e),
    reason: e?.reason ?? "",
    overridden: e?.overridden ?? false,
    ...(input.revised?.targets.some((no) => rowKey(no) === key) ? { revised: true as const } : {}),
  };
}

function midYearSentence(input: ReportInput, period: ReportPeriod, rows: ReportRow[]): string {
  const main = rows.filter((r) => r.kind === "main");
  const given = main.filter((r) => r.actual.text !== "").length;
  const what = input.figures === "official" ? "số liệu thực hiện" : "số liệu ước thực hiện";
  const head = `Trong ${count2(main.length)} chỉ tiêu kinh tế - xã hội chủ yếu năm ${input.plan.year}`;
  const when = `${periodLabel(period)}${period === "6m" || period === "9m" ? " đầu năm" : ""}`;
  const figures = given === main.length
    ? `${head}, đã có ${what} ${when} của cả ${count2(given)} chỉ tiêu.`
    : `${head}, đã có ${what} ${when} của ${count2(given)} chỉ tiêu; ${count2(main.length - given)} chỉ tiêu chưa có số liệu.`;
  // The outlook column's verdicts, counted (the same evaluation as the sheet's status and the pane's counts).
  const n = (s: string): number => main.filter((r) => r.outlook?.status === s).length;
  const c = { dat: n("du-kien-dat"), khongDat: n("du-kien-khong-dat"), chuaDanhGia: n("chua-danh-gia") };
  const outlook = outlookSentence({ dat: count2(c.dat), khongDat: count2(c.khongDat), chuaDanhGia: count2(c.chuaDanhGia) }, { dat: c.dat > 0, khongDat: c.khongDat > 0, chuaDanhGia: c.chuaDanhGia > 0 });
  return outlook ? `${figures} ${outlook}` : figures;
}

export function buildReport(input: ReportInput): ReportModel {
  const { plan } = input;
  const period = input.period ?? "year";
  // The figures are the period's: before year end the mid-year rule judges them, with last year's
  // same-period figure where given (the share of the year it stands for).
  const actuals: Actuals = { ...input.actuals, period, rows: withLastYear(input.actuals.rows, input.samePeriodLastYear, input.lastYearTotal) };
  const evaluation: PlanEvaluation = evaluatePlan(plan, actuals);
  const byNo = new Map(evaluation.rows.map((e) => [e.no, e]));
  const withPrevious = Object.values(input.samePeriodLastYear ?? {}).some((v) => v != null && v !== "");
  const rows = plan.targets.map((t) => buildRow(input, t, byNo.get(t.no), period));
  const yearEnd = isYearEnd(period);
  const problems: Problem[] = [...evaluation.problems];
  let tasks = null;
  if (input.taskCounts) tasks = givenTaskSummary(input.taskCounts);
  else if (input.tasks) {
    const t = summarizeTasks(plan, input.tasks, period);
    tasks = t.summary;
    problems.push(...t.problems);
  }
  const phrase = periodPhrase(period, plan.year);
  const s = evaluation.summary;
  return {
    planId: plan.id,
    unit: plan.unit,
    year: plan.year,
    period,
    yearEnd,
    figures: input.figures ?? "estimate",
    heading: {
      issuer: issuerLines(plan.unit),
      number: documentNumber(plan.unit, input.number),
      placeDate: placeDate(placeOf(plan.unit, plan.place), input.date ?? null),
      title: "BÁO CÁO",
      subject: input.subject?.trim() || `${yearEnd ? "Kết quả" : "Tình hình"} thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ${phrase}`,
      signer: signerLines(plan.unit, input.signerTitle?.trim() || plan.signerTitle),
      signerName: input.signer?.normalize("NFC").trim() || plan.signer || null,
      to: input.to?.trim() || null,
      recipients: input.to?.trim() ? ["Như trên;", "Lưu: VT."] : ["Lưu: VT."],
    },
    tableTitle: `Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ${phrase}`,
    tasksTitle: `Tình hình thực hiện nhiệm vụ, giải pháp ${phrase}`,
    columns: columns(input, period, withPrevious, rows.some((r) => r.outlook != null)),
    rows,
    counts: { ...s, main: mainTargets(plan).length },
    sentence: yearEnd ? summarySentence(plan, evaluation, "783") : midYearSentence(input, period, rows),
    tasks,
    note: input.note?.trim() || null,
    revision: revision(input, rows),
    problems,
  };
}
