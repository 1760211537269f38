/**
 * THE MID-YEAR RULE: how a target is judged at a period before the year end (a month, a quarter, 6 or
 * 9 months), on the figure the sheet holds for it, cumulative from 1 January (lũy kế).
 *
 * 1. A target the plan marks `annual` (known only at year end: the poverty rate) is *Chưa đánh giá
 *    được* ("chua-danh-gia") at every period before the year end, with a figure or without: never
 *    off target, never listed as a problem.
 * 2. A cumulative target (a sum over the year: output, revenue, jobs, certificates; `isCumulative`:
 *    the plan's `cumulative`, else the default from unit and name) keeps as its % KH the percent of
 *    the year plan the period has reached, and its status is the year rule's status (./rule.ts) of
 *    the projected year figure: the figure divided by the share of the year reached by the same
 *    period — last year's same-period figure over last year's year figure when both are known (the
 *    sheet's *Cùng kỳ năm trước*, the plan's *TH năm trước*), else the months elapsed over 12. Its
 *    words say it is a projection: *Dự kiến đạt* (on or past the plan), *Dự kiến không
 *    đạt* (`PROJECTED_LABELS`), the words of the report's *Dự kiến cả năm* column, and the reason gives the
 *    share of the year plan and the projected figure ("Dự kiến cả năm khoảng …").
 *    Why: at 6 months half the year's output is on track, not "Không đạt"; what an officer asks mid-year
 *    is "will we make it by December?", and the sheet, the pane, `ktxh` and the report must answer it
 *    alike, so it is answered once, here. The codes stay the year rule's (vuot, dat, khong-dat):
 *    overrides, counts and the pane's list work as at year end, and a target projected to miss is
 *    listed with the ones off target, under its own words.
 * 3. A level (a rate, a ratio, a count at a date) is compared with the target itself at every period:
 *    one planned level for the year ("trên 5%" is 5 at 6 months as in December), never prorated.
 * A period ending in December (Tháng 12, Quý IV) holds the year's figure: it is judged as the year.
 */
import { isCumulative } from "../cumulative";
import { formatNumber } from "../numbers";
import { type PeriodId, period as periodOf } from "../periods";
import type { TargetRow } from "../plan";
import type { TargetSpec } from "../target";
import { OUTLOOK_REASONS } from "../messages/labels";
import type { Judgement } from "./rule";

/** A cumulative target's projected year figure and how it was made. */
export interface Projection {
  projected: number;
  /** Last year's share of the year by the same period, or the months elapsed. */
  basis: "last-year" | "months";
  months: number;
  /** The share of the year the period stands for (0,4 = 40 %). */
  share: number;
}

/** Months elapsed at the end of a period before the year end; null for a period that ends in December. */
export function monthsElapsed(period: PeriodId): number | null {
  const last = periodOf(period, 2000).lastMonth;
  return last >= 12 ? null : last;
}

/** Whether a period is judged by the mid-year rule at all. */
export function isBeforeYearEnd(period: PeriodId | undefined): period is PeriodId {
  return period != null && monthsElapsed(period) != null;
}

/**
 * The year figure a cumulative figure points to. Last year's share is taken when both of its figures
 * are positive and the same-period figure is not far above the year's (a figure typed in the wrong
 * unit would otherwise project anything).
 */
export function projectYear(actual: number, months: number, lastYear: { samePeriod: number | null; year: number | null } | null): Projection {
  const same = lastYear?.samePeriod ?? null;
  const full = lastYear?.year ?? null;
  const share = same != null && full != null && same > 0 && full > 0 && same <= full * 1.5 ? same / full : null;
  const used = share ?? months / 12;
  return { projected: actual / used, basis: share != null ? "last-year" : "months", months, share: used };
}

/** A projection as every path words it: the figure shown (two decimals at most) and how it was made. */
export function projectionWords(p: Projection): { shown: string; how: string } {
  const shown = formatNumber(Math.round(p.projected * 100) / 100);
  const how = p.basis === "last-year" ? OUTLOOK_REASONS.lastYearShare(formatNumber(Math.round(p.share * 1000) / 10)) : OUTLOOK_REASONS.months(p.months);
  return { shown, how };
}

/** Whether the mid-year rule projects this target: a cumulative level to reach, not a change or criteria. */
export function isProjected(row: TargetRow, spec: TargetSpec): boolean {
  return !row.annual && spec.kind !== "reduce-criteria" && spec.change == null && isCumulative(row);
}

export type MidYearInput = {
  row: TargetRow;
  spec: TargetSpec;
  period: PeriodId;
  /** The judgement of the figure against the year target (the year rule). */
  judged: Judgement;
  /** The figure read, null when there is none. */
  value: number | null;
  /** Last year's same-period figure and year figure, when known. */
  lastYear: { samePeriod: number | null; year: number | null } | null;
  /** The year rule applied to another figure of the same row (the projection). */
  rejudge: (value: number) => Judgement;
};

/** The judgement at a period before year end (see the rule above); `projection` for a cumulative target. */
export function midYearJudgement(input: MidYearInput): { judged: Judgement; projection: Projection | null } {
  const { row, spec, judged } = input;
  const months = monthsElapsed(input.period);
  if (months == null) return { judged, projection: null };
  if (row.annual) {
    return { judged: { status: "chua-danh-gia", percent: null, reason: OUTLOOK_REASONS.annual(), problems: judged.problems }, projection: null };
  }
  const { value } = input;
  if (value == null || !isProjected(row, spec)) return { judged, projection: null };
  if (judged.status !== "vuot" && judged.status !== "dat" && judged.status !== "khong-dat") return { judged, projection: null };
  const projection = projectYear(value, months, input.lastYear);
  const year = input.rejudge(projection.projected);
  if (year.status !== "vuot" && year.status !== "dat" && year.status !== "khong-dat") return { judged, projection: null };
  const { shown, how } = projectionWords(projection);
  const share = OUTLOOK_REASONS.share({ period: periodOf(input.period, 2000).label.toLocaleLowerCase("vi-VN"), percent: judged.percent == null ? null : formatNumber(Math.round(judged.percent * 10) / 10) });
  const ok = year.status !== "khong-dat";
  const reason = `${share} ${OUTLOOK_REASONS.projected({ shown, how, ok, target: row.target })}`;
  return { judged: { status: year.status, percent: judged.percent, reason, problems: judged.problems }, projection };
}
