/**
 * Evaluation of a plan against its actuals: a status, a percent of plan and a one-sentence reason for
 * every row. The rule itself, documented in one comment block, is in `evaluate/rule.ts`; this module
 * reads the inputs, applies the traffic criterion and staff overrides, and counts main targets.
 */
import { type Plan, type TargetRow } from "./plan";
import { type Problem, problem } from "./problems";
import type { ParamsFor } from "./messages/params";
import { type TargetSpec, hintsOf, parseTarget } from "./target";
import { type ActualReading, readActual } from "./evaluate/actual";
import { type Judgement, judge, judgeCriteria } from "./evaluate/rule";
import { type Projection, isBeforeYearEnd, midYearJudgement } from "./evaluate/midyear";
import type { PeriodId } from "./periods";
import { type Status, STATUS_WORDS, isStatus } from "./evaluate/status";
import { type Figure, checkSubRows, summedRows } from "./subrows";
import { compositeTargets } from "./composite";
import { type TrafficCounts, deriveTrafficCriteria, hasTrafficCounts } from "./traffic";
import { formatNumber } from "./numbers";
import type { TypingCulture } from "./culture";
import { message } from "./messages";
import { OUTLOOK_REASONS, PROJECTED_LABELS, STATUS_LABELS } from "./messages/labels";
import { readFigure, slipOf } from "./validate/figures";
import type { Issue } from "./validate/issue";
import { targetInfo } from "./validate/targets";

export { STATUS_LABELS, STATUS_WORDS, STATUSES, isStatus } from "./evaluate/status";
export type { Status, EvaluateProblemCode } from "./evaluate/status";
export type { Projection } from "./evaluate/midyear";
export type { TrafficCounts } from "./traffic";

/** A status set by staff; the reason is required and is kept in the report. */
export type Override = { status: Status; reason: string };

export type Evaluation = {
  no: string;
  parent: string | null;
  status: Status;
  percent: number | null;
  reason: string;
  overridden: boolean;
  problems: Problem[];
  /** False for sub-rows of a non-additive total (growth rates): 783/BC prints no status for them. */
  printStatus: boolean;
  /** The status the rule gives, before any override. */
  ruleStatus: Status;
  /** The target as read, null when it could not be read. */
  target: TargetSpec | null;
  /** Status "xem-lai": the check's issue on the figure and the value it proposes (null: none to propose). */
  review: { code: Issue["code"]; proposed: string | number | null } | null;
  /**
   * Before year end, a cumulative target's projected year figure: its status is that figure's
   * (./evaluate/midyear.ts), said "Dự kiến …" (`statusLabel`). Null otherwise.
   */
  projection: Projection | null;
  /**
   * The figure's value as the judgement read it (the check's reading of the cell: the plan decides an
   * ambiguous `1.600`, a % cell holds the fraction, "khoảng 600" is 600); null when there is no single
   * value to use: no figure, a bound or range, or one to review ("xem-lai"). The report's comparisons
   * take it from here, never from a second reading of the cell.
   */
  value: number | null;
};

/** `format`: the cell's number format when known (a cell formatted as % holds the fraction). */
export type ActualRow = {
  no: string; actual: string | number | null; override?: Override; format?: string | null;
  /** Decimals the figure's cell shows (its number format), for printing only: the report prints it so. */
  shownDecimals?: number;
  /**
   * The header of the column the figure came from when that column says it holds the change ("Mức
   * giảm so với năm trước"): for a fall or rise target the figure is the change, whatever the plan's `actualIs`.
   */
  changeColumn?: string;
  /** Last year's figure of the same period (Cùng kỳ năm trước), when known: the share of the year it stands for. */
  lastYear?: string | number | null;
  /**
   * Last year's figure of the whole year, where the sheet's *Cùng kỳ năm trước* column of the year
   * gives it: the share's other half when the plan has no *TH năm trước* (`TargetRow.previous`).
   */
  lastYearTotal?: string | number | null;
};
/**
 * `cells`: the figures are a workbook's cells (not a text file), where a number is stored as a number: a
 * text that reads as a number there is the check's `value.text-number` slip (Cần xem lại, with the number
 * proposed). In a CSV or a JSON file a figure written as text ("1.720,5") is simply how it was written.
 */
/**
 * `period`: the period the figures are for (cumulative from 1 January); before the year end the
 * mid-year rule judges them (./evaluate/midyear.ts). Absent: the year's figures.
 */
export type Actuals = { rows: ActualRow[]; traffic?: TrafficCounts; cells?: boolean; culture?: TypingCulture | null; period?: PeriodId };

export type Summary = { vuot: number; dat: number; khongDat: number; xemLai: number; thieuSoLieu: number; chuaDanhGia: number };

/** Counts of nothing yet: the one place a summary starts. */
export const emptySummary = (): Summary => ({ vuot: 0, dat: 0, khongDat: 0, xemLai: 0, thieuSoLieu: 0, chuaDanhGia: 0 });
export type PlanEvaluation = { rows: Evaluation[]; summary: Summary; problems: Problem[] };

export type EvaluateOptions = {
  previous?: string | number | null;
  /** The figure's column says it holds the change: its header (`ActualRow.changeColumn`). */
  changeColumn?: string;
  traffic?: TrafficCounts;
  override?: Override;
  /** The period of the figure: before year end the mid-year rule (./evaluate/midyear.ts). Absent: the year. */
  period?: PeriodId;
  /** Last year's same-period figure (`ActualRow.lastYear`). */
  lastYear?: string | number | null;
  /** Last year's year figure (`ActualRow.lastYearTotal`), for the share where the plan has no `previous`. */
  lastYearTotal?: string | number | null;
};

export type ActualsMatchProblemCode = "actuals.duplicate-row" | "actuals.unknown-row";

function valueOf(r: ActualReading): number | null {
  return r.kind === "value" ? r.value : null;
}

/** Evaluates one row. Never throws on user input: unreadable input gives thieu-so-lieu and a problem. */
export function evaluateTarget(row: TargetRow, actual: string | number | null, opts: EvaluateOptions = {}): Evaluation {
  return evaluateReading(row, readActual(actual), opts);
}

// Live judgment evaluates the same plan again on every edit: a row's target wording is read once per
// row object (plans are immutable data), and read again only if the row's fields were changed.
type ParsedTarget = ReturnType<typeof parseTarget>;
type TargetFields = Pick<TargetRow, "target" | "direction" | "unit" | "name" | "no" | "rate">;
const parsedTargets = new WeakMap<TargetRow, { fields: TargetFields; result: ParsedTarget }>();

// The fields the reading depends on, compared one by one: a key string built per row on every
// evaluation cost more than the lookup it guarded.
function sameFields(a: TargetFields, row: TargetRow): boolean {
  return a.target === row.target && a.direction === row.direction && a.unit === row.unit && a.name === row.name && a.no === row.no && a.rate === row.rate;
}

function targetOf(row: TargetRow): ParsedTarget {
  const hit = parsedTargets.get(row);
  if (hit && sameFields(hit.fields, row)) return hit.result;
  const result = parseTarget(row.target, hintsOf(row));
  const fields: TargetFields = { target: row.target, direction: row.direction, unit: row.unit, name: row.name, no: row.no, rate: row.rate };
  parsedTargets.set(row, { fields, result });
  return result;
}

/**
 * Last year's figure of the year, the one a change ("tăng 5%") and a lower-is-better level's percent
 * (the fall achieved against the fall planned) are reckoned from: the plan's *TH năm trước*, else the
 * book's own last-year figure of the whole year — at the year end the *Cùng kỳ năm trước* of the
 * period judged (`lastYear`, the year's), before it the year's column (`lastYearTotal`, the figure a
 * cumulative target's share of the year takes too). Every path lays those on the rows through
 * `withLastYear` / the sheet's columns, so the sheet, `ktxh evaluate` and the report take it alike,
 * at mid-year as at the year end.
 */
function previousFigure(row: TargetRow, opts: EvaluateOptions): number | null {
  if (opts.previous !== undefined) return valueOf(readActual(opts.previous));
  const planned = valueOf(readActual(row.previous ?? null));
  if (planned !== null) return planned;
  const book = isBeforeYearEnd(opts.period) ? opts.lastYearTotal : (opts.lastYear ?? opts.lastYearTotal);
  return valueOf(readActual(book ?? null));
}

function evaluateReading(row: TargetRow, reading: ActualReading, opts: EvaluateOptions): Evaluation {
  const loc = { target: row.no };
  const t = targetOf(row);
  // Evaluations are built by one function with every field in one order (object spreads cost a
  // few µs a row at 10,000 rows).
  const make = (status: Status, percent: number | null, reason: string, problems: Problem[], target: TargetSpec | null): Evaluation => ({
    no: row.no, parent: row.parent ?? null, status, percent, reason, overridden: false, problems, printStatus: true, ruleStatus: status, target, review: null, projection: null,
    value: reading.kind === "value" ? reading.value : null,
  });
  if (!t.ok) {
    const reason = `không đọc được chỉ tiêu kế hoạch "${row.target}": chưa đánh giá được`;
    const problems: Problem[] = [...t.problems, problem("evaluate.target-unreadable", loc, { text: row.target })];
    const annual = row.annual && isBeforeYearEnd(opts.period);
    return withOverride(make(annual ? "chua-danh-gia" : "thieu-so-lieu", null, annual ? OUTLOOK_REASONS.annual() : reason, problems, null), opts.override);
  }
  const spec = t.value;
  const settings = row.rule ?? {};
  const previous = previousFigure(row, opts);

  let j: Judgement;
  const extra: Problem[] = [];
  if (spec.kind === "reduce-criteria") {
    j = judgeCriteriaRow(spec, reading, opts.traffic, row, extra);
  } else {
    const actualIs = opts.changeColumn ? "change" : row.actualIs;
    const changeColumn = opts.changeColumn;
    j = judge({ spec, actual: reading, previous, settings, rowUnit: row.unit, actualIs, changeColumn });
    if (reading.kind === "value" && reading.alternatives.length > 0) {
      const plan = spec.min ?? spec.max;
      // A reading a thousand times off the plan is not a plausible one: warn only when the other
      // reading is at least as close to the plan and would change the status.
      const distance = (v: number): number => (plan && v ? Math.abs(Math.log10(Math.abs(v / plan))) : 0);
      for (const alt of reading.alternatives) {
        if (distance(alt) > distance(reading.value)) continue;
        const other = judge({ spec, actual: { ...reading, value: alt, alternatives: [] }, previous, settings, rowUnit: row.unit, actualIs, changeColumn });
        if (other.status !== j.status) {
          extra.push(problem("evaluate.ambiguous-actual", loc, {
            text: reading.text, value: formatNumber(reading.value), alternative: formatNumber(alt),
            status: STATUS_WORDS[j.status], otherStatus: STATUS_WORDS[other.status],
          }));
        }
      }
    }
  }
  let projection: Projection | null = null;
  if (isBeforeYearEnd(opts.period)) {
    const actualIs = opts.changeColumn ? "change" : row.actualIs;
    const m = midYearJudgement({
      row, spec, period: opts.period, judged: j, value: reading.kind === "value" ? reading.value : null,
      lastYear: { samePeriod: valueOf(readActual(opts.lastYear ?? null)), year: previous },
      rejudge: (v) => judge({ spec, actual: readActual(v), previous, settings, rowUnit: row.unit, actualIs, changeColumn: opts.changeColumn }),
    });
    j = m.judged;
    projection = m.projection;
  }
  const problems: Problem[] = [];
  for (const p of t.problems) if (p.severity !== "info") problems.push(p);
  for (const p of j.problems) problems.push(problem(p.code, loc, p.params as ParamsFor<typeof p.code>));
  for (const p of extra) problems.push(p);
  const e = make(j.status, j.percent, j.reason, problems, spec);
  e.projection = projection;
  return withOverride(e, opts.override);
}

/** Where a figure sits, for the location of the check's issue (a file of actuals has none). */
export type FigureWhere = { sheet?: string; cell?: string };

/**
 * THE judgement of one figure: the figure is read as the workbook check reads it (`readFigure`, with
 * the plan's value and last year's as yardsticks); a figure the check calls a slip (`SLIP_CODES`) gets
 * "xem-lai" with the check's message as its reason and its proposed value, never a status from a wrong
 * number; any other figure is judged on the value the check read. `cells`: the figure is a workbook's
 * cell, so a number stored as text is a slip too (`value.text-number`); from a text file it is not. Live judgement, `ktxh evaluate`
 * and the report all come here through `evaluatePlan`, so none can say otherwise.
 */
export function judgeFigure(
  row: TargetRow,
  actual: string | number | null,
  opts: EvaluateOptions & { format?: string | null; where?: FigureWhere; cells?: boolean; culture?: TypingCulture | null } = {},
): Evaluation {
  let reading = readActual(actual);
  if (reading.kind !== "missing" && actual !== null && row.criteria !== "traffic-accidents") {
    const info = targetInfo(row);
    const cell = opts.where?.cell ?? "";
    const r = readFigure(opts.format ? { value: actual, numFmt: opts.format } : { value: actual }, {
      sheet: opts.where?.sheet ?? "", cell, target: row.no, unit: info.unit, name: row.name, refs: info.refs, textOnly: opts.cells !== true, culture: opts.culture ?? null,
    });
    const slip = slipOf(r.issues);
    if (slip) return withOverride(reviewOf(row, slip, opts.where), opts.override);
    // The value the check read, at the precision of that reading: the plan decides an ambiguous
    // `1.600`, a % cell holds the fraction. The reason says this value, never another reading's.
    if (r.figure.kind === "number" && reading.kind === "value") {
      reading = { ...reading, value: r.figure.value, decimals: r.figure.decimals, alternatives: r.figure.value === reading.value ? reading.alternatives : [] };
    }
    // A figure no reader can read is the check's problem, under the check's code and severity.
    const unreadable = r.figure.kind === "bad" ? r.issues.find((i) => i.code === "value.unreadable") : undefined;
    if (unreadable) {
      const e = evaluateReading(row, reading, opts);
      const location = { ...(opts.where?.sheet ? { sheet: opts.where.sheet } : {}), ...(opts.where?.cell ? { cell: opts.where.cell } : {}), target: row.no };
      e.problems = e.problems.map((p) => (p.code === "evaluate.actual-invalid" ? { ...unreadable, location } : p));
      return e;
    }
  }
  return evaluateReading(row, reading, opts);
}

function reviewOf(row: TargetRow, slip: Issue, where: FigureWhere | undefined): Evaluation {
  const t = targetOf(row);
  const location = { ...(where?.sheet ? { sheet: where.sheet } : {}), ...(where?.cell ? { cell: where.cell } : {}), target: row.no };
  const p: Issue = { ...slip, location };
  return {
    no: row.no, parent: row.parent ?? null, status: "xem-lai", percent: null, reason: message(p), overridden: false, problems: [p],
    printStatus: true, ruleStatus: "xem-lai", target: t.ok ? t.value : null, review: { code: slip.code, proposed: slip.fix?.value ?? proposedOf(slip) }, projection: null,
    value: null,
  };
}

/** The value a slip without a fix of its own (no cell to write) still proposes. */
function proposedOf(slip: Issue): string | number | null {
  const fixed = slip.params.fixed;
  return typeof fixed === "number" || typeof fixed === "string" ? fixed : null;
}

export type OverrideProblemCode = "evaluate.override-invalid";

function withOverride(e: Evaluation, override: Override | undefined): Evaluation {
  if (!override) return e;
  const reason = typeof override.reason === "string" ? override.reason.normalize("NFC").trim() : "";
  if (!isStatus(override.status) || reason === "") {
    const p = problem("evaluate.override-invalid", { target: e.no }, { status: String(override.status) });
    return { ...e, problems: [...e.problems, p] };
  }
  return {
    ...e,
    status: override.status,
    overridden: true,
    percent: override.status === "thieu-so-lieu" ? null : e.percent,
    reason: `${STATUS_WORDS[override.status]} do cán bộ điều chỉnh: ${reason} (theo quy tắc: ${e.reason})`,
  };
}

function judgeCriteriaRow(spec: TargetSpec, reading: ActualReading, traffic: TrafficCounts | undefined, row: TargetRow, out: Problem[]): Judgement {
  const settings = row.rule ?? {};
  const loc = { target: row.no };
  let typed: number | null = null;
  if (reading.kind === "criteria") typed = reading.count;
  else if (reading.kind === "value" && Number.isInteger(reading.value) && reading.value >= 0) typed = reading.value;
  else if (reading.kind !== "missing") {
    out.push(problem("evaluate.actual-invalid", loc, { text: "text" in reading ? reading.text : "" }));
  }

  if (hasTrafficCounts(traffic)) {
    const d = deriveTrafficCriteria(traffic, row.no);
    out.push(...d.problems);
    const planned = spec.min ?? 0;
    const decided = d.unknown === 0 || d.fell >= planned || d.fell + d.unknown < planned;
    if (decided) {
      if (d.unknown === 0 && typed !== null && typed !== d.fell) {
        // The check's problem on the same cell, under its code and severity (one problem, one word on it).
        out.push(problem("traffic.inconsistent", loc, { typed, derived: d.fell, detail: d.detail }));
      }
      const j = judgeCriteria(spec, d.fell, settings, d.detail);
      // With unknown counts a decided "fell ≥ planned" is still only a lower bound: never claim vượt from it.
      return d.unknown > 0 && j.status === "vuot" ? { ...j, status: "dat" } : j;
    }
    if (typed === null) {
      return { status: "thieu-so-lieu", percent: null, reason: `chưa đủ số liệu tai nạn giao thông (${d.detail})`, problems: [] };
    }
    const j = judgeCriteria(spec, typed, settings);
    return { ...j, reason: `${j.reason} (theo số đã ghi; số liệu chưa đủ: ${d.detail})` };
  }
  if (typed === null) return { status: "thieu-so-lieu", percent: null, reason: "chưa có số liệu", problems: [] };
  return judgeCriteria(spec, typed, settings);
}

/** Row numbers compared without leading zeros or stray spaces: "01" and "1", "1.02" and "1.2". */
const CLEAN_NO = /^[1-9]\d*(?:\.[1-9]\d*)*$/;

export function rowKey(no: string | number): string {
  if (typeof no === "string" && CLEAN_NO.test(no)) return no;
  return String(no)
    .normalize("NFC")
    .trim()
    .replace(/\.$/, "")
    .split(".")
    .map((p) => p.trim().replace(/^0+(?=\d)/, ""))
    .join(".");
}

/**
 * The rows with last year's figures laid on, by target number: `samePeriod` the same period's
 * (`ActualRow.lastYear`), `year` the whole year's (`ActualRow.lastYearTotal`). Where one gives a
 * figure it wins over one the row already has (`--previous` over the sheet's *Cùng kỳ năm trước*
 * column); a blank one changes nothing. Every path that judges a period — the sheet's live judgement,
 * `ktxh evaluate`, the report — takes a cumulative target's share of the year from here, so they
 * give one answer.
 */
type ByNo = Readonly<Record<string, string | number | null>> | ReadonlyMap<string, string | number | null> | undefined;
export function withLastYear(rows: readonly ActualRow[], samePeriod: ByNo, year?: ByNo): ActualRow[] {
  const keyed = (m: ByNo): Map<string, string | number> => {
    const out = new Map<string, string | number>();
    if (!m) return out;
    const entries = m instanceof Map ? [...m.entries()] : Object.entries(m as Record<string, string | number | null>);
    for (const [no, v] of entries) if (v != null && !(typeof v === "string" && v.trim() === "")) out.set(rowKey(no), v);
    return out;
  };
  const same = keyed(samePeriod);
  const total = keyed(year);
  if (!same.size && !total.size) return [...rows];
  return rows.map((r) => {
    const a = same.get(rowKey(r.no));
    const b = total.get(rowKey(r.no));
    if (a == null && b == null) return r;
    return { ...r, ...(a != null ? { lastYear: a } : {}), ...(b != null ? { lastYearTotal: b } : {}) };
  });
}

/**
 * The words of a judgement as every path prints them (the sheet's status cell, the pane's list, `ktxh`):
 * the status's label, or "Dự kiến …" when the status is that of a projected year figure (a cumulative
 * target before year end, ./evaluate/midyear.ts) and no officer has overridden it.
 */
export function statusLabel(e: Pick<Evaluation, "status" | "projection" | "overridden">): string {
  if (e.projection && !e.overridden && (e.status === "vuot" || e.status === "dat" || e.status === "khong-dat")) return PROJECTED_LABELS[e.status];
  return STATUS_LABELS[e.status];
}

/** Adds one status to a count: the one place a status becomes a count (pane, report, CLI alike). */
export function countStatus(counts: Summary, status: Status): void {
  if (status === "vuot") counts.vuot++;
  else if (status === "dat") counts.dat++;
  else if (status === "khong-dat") counts.khongDat++;
  else if (status === "xem-lai") counts.xemLai++;
  else if (status === "chua-danh-gia") counts.chuaDanhGia++;
  else counts.thieuSoLieu++;
}

/** The counts of a plan's evaluation: main targets only, as the pane shows them and the report prints them. */
export function statusCounts(rows: readonly Evaluation[]): Summary {
  const counts = emptySummary();
  for (const e of rows) if (e.parent == null) countStatus(counts, e.status);
  return counts;
}

// What evaluatePlan asks of a plan on every evaluation, found once per plan object (plans are
// immutable data; its targets array and length checked, so a plan whose rows were replaced is read
// again): rebuilding these sets over 100,000 rows on every edit cost more than judging the rows.
type PlanIndex = { targets: Plan["targets"]; length: number; keys: Set<string>; additive: Map<string, boolean> };
const indexes = new WeakMap<Plan, PlanIndex>();

function indexOf(plan: Plan): PlanIndex {
  const known = indexes.get(plan);
  if (known && known.targets === plan.targets && known.length === plan.targets.length) return known;
  const keys = new Set<string>();
  const additive = new Map<string, boolean>();
  for (const t of plan.targets) {
    keys.add(rowKey(t.no));
    if (t.parent == null) additive.set(t.no, t.additive === true);
  }
  const index = { targets: plan.targets, length: plan.targets.length, keys, additive };
  indexes.set(plan, index);
  return index;
}

/** Evaluates every row of a plan; the summary counts main targets only. */
export function evaluatePlan(plan: Plan, actuals: Actuals): PlanEvaluation {
  const problems: Problem[] = [];
  const byNo = new Map<string, ActualRow>();
  const { keys: known, additive } = indexOf(plan);
  for (const r of actuals.rows ?? []) {
    const key = rowKey(r.no);
    if (byNo.has(key)) {
      problems.push(problem("actuals.duplicate-row", { target: key }, { no: String(r.no) }));
      continue;
    }
    byNo.set(key, r);
    if (!known.has(key)) problems.push(problem("actuals.unknown-row", { target: key }, { no: String(r.no) }));
  }
  const composites = compositeTargets(plan);
  // Only the totals and sub-rows a sum is checked on need their figures kept.
  const summed = summedRows(plan);

  const rows: Evaluation[] = [];
  const targetFigures = new Map<string, Figure | null>();
  const actualFigures = new Map<string, Figure | null>();
  const summary = emptySummary();
  for (const row of plan.targets) {
    const entry = byNo.get(rowKey(row.no));
    const e = judgeFigure(row, entry?.actual ?? null, {
      traffic: row.criteria === "traffic-accidents" ? actuals.traffic : undefined,
      override: entry?.override,
      format: entry?.format,
      ...(entry?.changeColumn ? { changeColumn: entry.changeColumn } : {}),
      cells: actuals.cells === true,
      culture: actuals.culture ?? null,
      ...(actuals.period ? { period: actuals.period } : {}),
      ...(entry?.lastYear != null ? { lastYear: entry.lastYear } : {}),
      ...(entry?.lastYearTotal != null ? { lastYearTotal: entry.lastYearTotal } : {}),
    });
    e.printStatus = row.parent == null || additive.get(row.parent) === true || composites.has(row.parent);
    rows.push(e);
    if (!summed.has(row.no)) continue;
    const spec = e.target;
    const a = readActual(entry?.actual ?? null);
    targetFigures.set(row.no, spec && spec.kind === "point" && !spec.change ? { value: spec.min ?? 0, decimals: spec.decimals } : null);
    actualFigures.set(row.no, a.kind === "value" && e.ruleStatus !== "xem-lai" ? { value: a.value, decimals: a.decimals } : null);
  }
  // A composite total is judged from its sub-rows, once they are all judged (each row found by an
  // index: searching the rows for every composite was quadratic in a large plan).
  if (composites.size > 0) {
    const at = new Map<string, number>();
    rows.forEach((e, i) => { if (!at.has(e.no)) at.set(e.no, i); });
    for (const [no, parts] of composites) {
      const i = at.get(no) ?? -1;
      const subs = parts.map((p) => rows[at.get(p.no) ?? -1]).filter((e): e is Evaluation => e !== undefined);
      rows[i] = withOverride(judgeComposite(rows[i], subs, parts), byNo.get(rowKey(no))?.override);
    }
  }
  for (const e of rows) {
    for (const p of e.problems) problems.push(p);
    if (e.parent == null) countStatus(summary, e.status);
  }
  problems.push(...checkSubRows(plan, targetFigures, actualFigures));
  return { rows, summary, problems };
}

/** A composite total from its sub-rows' statuses (see composite.ts); the reason names those that decide. */
function judgeComposite(main: Evaluation, subs: Evaluation[], parts: TargetRow[]): Evaluation {
  const named = (e: Evaluation): string => {
    const row = parts.find((p) => p.no === e.no);
    return row ? `${e.no} (${row.name})` : e.no;
  };
  const short = subs.filter((e) => e.status === "khong-dat");
  const open = subs.filter((e) => e.status === "thieu-so-lieu" || e.status === "xem-lai" || e.status === "chua-danh-gia");
  let status: Status;
  let why: string;
  if (main.ruleStatus === "chua-danh-gia") [status, why] = ["chua-danh-gia", main.reason];
  else if (short.length) [status, why] = ["khong-dat", `không đạt ở dòng ${short.map(named).join(", ")}`];
  else if (open.length && open.every((e) => e.status === "chua-danh-gia")) [status, why] = ["chua-danh-gia", `chưa đánh giá được dòng ${open.map(named).join(", ")} trước cuối năm`];
  else if (open.length) [status, why] = ["thieu-so-lieu", `chưa đánh giá được dòng ${open.map(named).join(", ")}`];
  else if (subs.every((e) => e.status === "vuot")) [status, why] = ["vuot", `cả ${subs.length} dòng đều vượt kế hoạch`];
  else [status, why] = ["dat", `cả ${subs.length} dòng đều đạt kế hoạch`];
  const problems = main.problems.filter((p) => p.code !== "evaluate.target-unreadable" && p.code !== "target.unknown-wording");
  return {
    ...main, status, ruleStatus: status, percent: null, problems, review: null, overridden: false,
    reason: `đánh giá theo các dòng chi tiết của chỉ tiêu: ${why}: ${STATUS_WORDS[status]}`,
  };
}
