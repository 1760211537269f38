/**
 * THE RULE: how a target and an actual give a status. One rule for every row; each row may set
 * `rule` (RuleSettings in plan.ts) and staff may override a result with a reason.
 *
 * 1. A target is read as the values it accepts, at its written precision (step s = 10^-decimals):
 *      point P → {P} · "≥ X" → [X, ∞) · "≤ X" → (−∞, X] · range "a-b" → [a, b] ·
 *      "> X" → (X, ∞), whose planned level is the next step X + s (">48" in whole numbers plans 49) ·
 *      "< X" → (−∞, X), planned level X − s.
 *    "khoảng" does not widen a point. `rule.tolerance` does: an actual within it of the edge of the
 *    accepted values, or of the planned level, counts as on it.
 * 2. For a higher-is-better indicator an actual A is
 *      không đạt   when it falls short of the accepted values (A < P; A < X; A ≤ X for "> X"; A < a);
 *      đạt (vượt)  when it is beyond the planned level (A > P; A > X for "≥ X"; A > X + s for "> X"; A > b);
 *      đạt         otherwise: on the plan, inside the range, or past a strict bound by at most one step.
 *    A lower-is-better indicator is the mirror image. Direction: the wording ("giảm còn", "dưới",
 *    "tối đa"), else the row's `direction`, else the name (hộ nghèo, suy dinh dưỡng, tai nạn), else higher.
 *    `rule.strictBound: "exclusive"` makes a strict bound a bare threshold: past it is đạt, never vượt.
 *    `rule.exceed: "dat"` reports vượt as đạt.
 * 3. An actual written as a bound (">80") guarantees only its worst case and is judged as the value
 *    just past its bound: ">80" against "> 80" is đạt. A bound on the wrong side ("<80" for a
 *    higher-is-better row) or a range guarantees less: ranges take their worse end; a wrong-side bound
 *    guarantees nothing and gives thieu-so-lieu.
 * 4. "Giảm N tiêu chí": C criteria fell (from the six traffic counts when given, else as typed):
 *    C < N không đạt, C = N đạt, C > N đạt (vượt).
 * 5. A change ("tăng 5%", "giảm 1-1,5%") is judged on the change from the previous figure, more change
 *    being better; a `%` change on a row whose unit is % is in percentage points, otherwise relative.
 *    The change is the actual as typed when it is worded ("giảm 1,2%") or when the row says its actual
 *    is the change (`actualIs: "change"`, a bare 1,2); otherwise a bare number is the new level and
 *    the change is taken from last year's figure. The reason says which reading was used.
 *    A growth rate's "tăng 7,5%" (`rate`, or a % row named "tốc độ …"/"tăng trưởng …") is no change:
 *    7,5 % is the level to reach, and an actual "tăng 7,9%" is the rate 7,9.
 * 6. No actual, or one that cannot be read: thieu-so-lieu, never không đạt.
 *
 * Against the 2023 table of 783/BC this gives: ">48"/49 đạt, ">85"/100 vượt, ">80"/">80" đạt,
 * "7-8"/10,03 vượt, 3,51→2,82 (hộ nghèo, lower) vượt, 6,1→6 (suy dinh dưỡng) vượt,
 * 820,886→1.143,929 vượt, "giảm 3 tiêu chí"/"giảm 01 tiêu chí" không đạt, equal figures đạt.
 *
 * Percent of plan: A / planned level × 100 for higher-is-better levels; for lower-is-better ones the
 * fall achieved against the fall planned, (prev − A) / (prev − level) × 100, when the previous figure is
 * known and above the level (the plan's, else the book's last-year figure of the year); for changes, the change achieved against the change planned; null for ranges, criteria and
 * actuals written as bounds.
 */
import type { RuleSettings } from "../plan";
import { formatNumber, roundTo, stepAt } from "../numbers";
import type { ParamsOf } from "../problems";
import type { TargetSpec } from "../target";
import type { ActualReading } from "./actual";
import { type EvaluateProblemCode, type Status, STATUS_WORDS } from "./status";

/** A problem of the rule, before it has a location: each code with its own parameters (its severity is the code's, given by `problem()`). */
export type RuleProblem = { [C in EvaluateProblemCode]: { code: C; params: ParamsOf<C> } }[EvaluateProblemCode];
export type Judgement = { status: Status; percent: number | null; reason: string; problems: RuleProblem[] };

type Kind = TargetSpec["kind"];
/** A value, or the value just past it (`plus`): the worst case of an actual written as a bound. */
type Point = { v: number; plus: boolean };
type Outcome = { status: Exclude<Status, "thieu-so-lieu">; level: number | null };

/** A lower-is-better target is judged as the mirror image of a higher-is-better one of this kind (explain.ts says so). */
export const MIRROR: Record<Kind, Kind> = {
  point: "point", range: "range", "reduce-criteria": "reduce-criteria",
  "at-least": "at-most", "at-most": "at-least", "more-than": "less-than", "less-than": "more-than",
};

/** Judged as if more were better; `lo`/`hi` are the bounds in that space. */
function judgeHigher(kind: Kind, lo: number, hi: number, a: Point, step: number, s: RuleSettings): Outcome {
  const tol = s.tolerance ?? 0;
  const mag = (x: number): number => (Number.isFinite(x) ? Math.abs(x) : 0);
  const eps = 1e-9 * Math.max(1, mag(lo), mag(hi), mag(a.v));
  const short = (x: number): boolean => a.v < x - tol - eps;
  const beyond = (x: number): boolean => a.v > x + tol + eps;
  switch (kind) {
    case "point":
    case "at-least":
      return { status: short(lo) ? "khong-dat" : beyond(lo) ? "vuot" : "dat", level: lo };
    case "more-than": {
      const edge = lo - tol;
      const fails = a.v < edge - eps || (Math.abs(a.v - edge) <= eps && !a.plus);
      if (fails) return { status: "khong-dat", level: lo + step };
      if (s.strictBound === "exclusive") return { status: "dat", level: lo };
      return { status: beyond(lo + step) ? "vuot" : "dat", level: lo + step };
    }
    case "range":
      return { status: short(lo) ? "khong-dat" : beyond(hi) ? "vuot" : "dat", level: null };
    case "at-most":
      return { status: beyond(hi) ? "khong-dat" : "dat", level: null };
    case "less-than":
      return { status: a.v >= hi + tol - eps ? "khong-dat" : "dat", level: null };
    default:
      return { status: "dat", level: null };
  }
}

const n = (v: number, decimals?: number): string => formatNumber(v, decimals);
const rel = (a: number, b: number): string => (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? "=" : a > b ? ">" : "<");

function finalStatus(status: Exclude<Status, "thieu-so-lieu">, s: RuleSettings): Status {
  return status === "vuot" && s.exceed === "dat" ? "dat" : status;
}

function label(status: Status, raw: Status): string {
  return raw !== status ? `${STATUS_WORDS[status]} (quy tắc của chỉ tiêu: vượt ghi là đạt)` : STATUS_WORDS[status];
}

function missing(reason: string, problems: RuleProblem[] = []): Judgement {
  return { status: "thieu-so-lieu", percent: null, reason, problems };
}

export type RuleInput = {
  spec: TargetSpec;
  actual: ActualReading;
  previous: number | null;
  settings: RuleSettings;
  rowUnit: string;
  /** The row's `actualIs`: whether a bare number is the change itself or the new level. */
  actualIs?: "change" | "level";
  /** The header of the figure's column when it is that column that says the figure is the change. */
  changeColumn?: string;
};

/** Judges a level or a change; criteria are judged by `judgeCriteria`. */
export function judge(input: RuleInput): Judgement {
  const { spec, actual, settings } = input;
  if (actual.kind === "missing") return missing("chưa có số liệu");
  if (actual.kind === "invalid") {
    return missing(`"${actual.text}" không đọc được: chưa có số liệu`, [
      { code: "evaluate.actual-invalid", params: { text: actual.text } },
    ]);
  }
  if (actual.kind === "criteria") return kindMismatch(actual.text, spec);
  if (spec.change) return judgeChange(input);
  if (input.changeColumn && !spec.rate) {
    // A level to reach, read from a column of changes: the figure says nothing of the level.
    return missing(`cột "${input.changeColumn}" ghi mức tăng, giảm, còn kế hoạch ${spec.canonical} là mức cần đạt: chưa có số liệu`, [
      { code: "evaluate.actual-kind-mismatch", params: { text: "text" in actual ? actual.text : "", target: spec.canonical } },
    ]);
  }
  if (actual.kind === "change") {
    // A growth rate typed as its wording ("tăng 7,9%") is the rate itself.
    if (!spec.rate || actual.spec.kind !== "point") return kindMismatch(actual.text, spec);
    const v = (actual.spec.min ?? 0) * (actual.change === "increase" ? 1 : -1);
    return judge({ ...input, actual: { kind: "value", value: v, decimals: actual.spec.decimals, text: actual.text, alternatives: [] } });
  }

  const lower = spec.direction === "lower";
  let point: Point;
  let exact = true;
  if (actual.kind === "value") point = { v: actual.value, plus: false };
  else if (actual.kind === "range") {
    point = { v: lower ? actual.max : actual.min, plus: false };
    exact = false;
  } else {
    const usable = lower ? actual.op === "less-than" || actual.op === "at-most" : actual.op === "more-than" || actual.op === "at-least";
    if (!usable) {
      return missing(`"${actual.text}" không cho biết đã đạt hay chưa: chưa có số liệu`, [
        { code: "evaluate.actual-indeterminate", params: { text: actual.text, target: spec.canonical } },
      ]);
    }
    point = { v: actual.value, plus: actual.op === "more-than" || actual.op === "less-than" };
    exact = false;
  }

  const step = stepAt(spec.decimals);
  const lo = spec.min ?? -Infinity;
  const hi = spec.max ?? Infinity;
  const out = lower
    ? judgeHigher(MIRROR[spec.kind], -hi, -lo, { v: -point.v, plus: point.plus }, step, settings)
    : judgeHigher(spec.kind, lo, hi, point, step, settings);
  const level = out.level === null ? null : lower ? -out.level : out.level;
  const status = finalStatus(out.status, settings);

  let percent: number | null = null;
  if (exact && level !== null && actual.kind === "value") {
    if (!lower && level !== 0) percent = (actual.value / level) * 100;
    // The fall planned must be one: last year already at or below the level gives no percent (a negative fall planned).
    if (lower && input.previous !== null && input.previous > level) percent = ((input.previous - actual.value) / (input.previous - level)) * 100;
  }

  const aText = actual.kind === "value" ? n(actual.value, actual.decimals) : actual.text;
  const rateNote = spec.rate ? ` (tốc độ tăng: kế hoạch "${spec.written}" là tốc độ cần đạt)` : "";
  return {
    status,
    percent: percent === null || !Number.isFinite(percent) ? null : roundTo(percent, 2),
    reason: `${levelReason(spec, point, aText, exact, step, out, settings)}${rateNote}: ${label(status, out.status)}`,
    problems: [],
  };
}

function levelReason(spec: TargetSpec, a: Point, aText: string, exact: boolean, step: number, out: Outcome, s: RuleSettings): string {
  const d = spec.decimals;
  const lowerNote = spec.direction === "lower" ? " (càng thấp càng tốt)" : "";
  if (!exact) return `số liệu ${aText}, kế hoạch ${spec.canonical}${lowerNote}`;
  const approx = spec.approx ? "khoảng " : "";
  switch (spec.kind) {
    case "range": {
      const [lo, hi] = [spec.min ?? 0, spec.max ?? 0];
      const plan = `kế hoạch từ ${n(lo, d)} đến ${n(hi, d)}`;
      if (out.status === "dat") return `${aText} nằm trong ${plan}${lowerNote}`;
      const edge = a.v > hi ? hi : lo;
      return `${aText} ${rel(a.v, edge)} ${n(edge, d)} (${plan})${lowerNote}`;
    }
    case "more-than":
    case "less-than": {
      const bound = (spec.kind === "more-than" ? spec.min : spec.max) ?? 0;
      const sym = spec.kind === "more-than" ? ">" : "<";
      if (out.status === "khong-dat") return `${aText} ${rel(a.v, bound)} ${n(bound, d)}, kế hoạch ${sym} ${n(bound, d)}`;
      if (out.status === "vuot" && s.strictBound !== "exclusive") {
        const level = spec.kind === "more-than" ? bound + step : bound - step;
        return `${aText} ${sym} ${n(roundTo(level, d), d)} (mức kế hoạch ${sym} ${n(bound, d)} ở độ chính xác đã ghi)`;
      }
      return `${aText} ${sym} ${n(bound, d)}`;
    }
    default: {
      const bound = (spec.kind === "at-most" ? spec.max : spec.min) ?? 0;
      const plan = spec.kind === "point" ? `${approx}${n(bound, d)}` : `${approx}${n(bound, d)} (kế hoạch ${spec.canonical})`;
      return `${aText} ${rel(a.v, bound)} ${plan}${lowerNote}`;
    }
  }
}

function kindMismatch(text: string, spec: TargetSpec): Judgement {
  return missing(`"${text}" không cùng loại với chỉ tiêu ${spec.canonical}: chưa có số liệu`, [
    { code: "evaluate.actual-kind-mismatch", params: { text, target: spec.canonical } },
  ]);
}

function judgeChange(input: RuleInput): Judgement {
  const { spec, actual, previous, settings, rowUnit } = input;
  const relative = spec.unit === "%" && rowUnit.trim() !== "%";
  const increase = spec.change === "increase";
  const word = increase ? "tăng" : "giảm";
  const unit = spec.unit === "%" ? (relative ? "%" : " điểm %") : "";
  let delta: number;
  let how: string;
  if (actual.kind === "change") {
    if (actual.spec.kind !== "point") return kindMismatch(actual.text, spec);
    delta = (actual.spec.min ?? 0) * (actual.change === spec.change ? 1 : -1);
    how = `${actual.text} (số đã ghi là mức ${word})`;
  } else if (actual.kind === "value" && input.actualIs === "change") {
    delta = actual.value;
    const said = input.changeColumn ? `cột "${input.changeColumn}" ghi mức ${word}` : `số đã ghi là mức ${word}`;
    how = `${word} ${n(actual.value, actual.decimals)}${unit} (${said})`;
  } else if (actual.kind === "value") {
    if (previous === null) {
      return missing(`kế hoạch là mức ${word} so với năm trước: cần số năm trước, hoặc ghi chính mức ${word} ("${word} 1,2%")`, [
        { code: "evaluate.previous-missing", params: { target: spec.canonical } },
      ]);
    }
    const raw = relative ? (previous === 0 ? NaN : (actual.value / previous - 1) * 100) : actual.value - previous;
    if (!Number.isFinite(raw)) return missing("số năm trước bằng 0, không tính được mức tăng, giảm");
    delta = increase ? raw : -raw;
    how = `${word} ${n(roundTo(delta, Math.max(spec.decimals, 2)))}${unit} (tính từ số năm nay ${n(actual.value, actual.decimals)} và năm trước ${n(previous)})`;
  } else {
    return kindMismatch("text" in actual ? actual.text : "", spec);
  }
  const out = judgeHigher(spec.kind, spec.min ?? -Infinity, spec.max ?? Infinity, { v: delta, plus: false }, stepAt(spec.decimals), settings);
  const status = finalStatus(out.status, settings);
  const percent = out.level !== null && out.level !== 0 ? roundTo((delta / out.level) * 100, 2) : null;
  return { status, percent, reason: `${how}, kế hoạch ${spec.canonical}: ${label(status, out.status)}`, problems: [] };
}

/** "Giảm N tiêu chí" against C criteria that fell. */
export function judgeCriteria(spec: TargetSpec, fell: number, settings: RuleSettings, detail?: string): Judgement {
  const planned = spec.min ?? 0;
  const raw: Exclude<Status, "thieu-so-lieu"> = fell < planned ? "khong-dat" : fell > planned ? "vuot" : "dat";
  const status = finalStatus(raw, settings);
  const counts = detail ? ` (${detail})` : "";
  return { status, percent: null, reason: `giảm ${n(fell)}/${n(planned)} tiêu chí${counts}: ${label(status, raw)}`, problems: [] };
}
