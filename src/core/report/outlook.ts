/**
 * The year-end outlook of a 6- or 9-month report (Dự kiến cả năm): for a cumulative target with a
 * figure, the year figure it points to — the figure divided by the share of the year last year had
 * reached by the same period (last year's same-period figure over last year's year figure, when both
 * are known), else by the months elapsed (6/12, 9/12) — judged by the same rule as the year-end
 * figure: *Dự kiến đạt* when that rule says Đạt or Đạt (vượt), else *Dự kiến không đạt*, with the
 * reason. A target the plan marks `annual` is *Chưa đánh giá được* (never off target before year end);
 * a level (a rate, a count at a date) gets no projection: it is compared with the target itself.
 */
import { evaluateTarget } from "../evaluate";
import { isCumulative } from "../cumulative";
import { formatNumber } from "../numbers";
import { OUTLOOK_LABELS, OUTLOOK_REASONS } from "../messages/labels";
import type { TargetRow } from "../plan";
import type { FigureCell } from "./model";
import type { ReportPeriod } from "./period";

export type OutlookStatus = "du-kien-dat" | "du-kien-khong-dat" | "chua-danh-gia";

/** The words, from the message catalog's labels (one home for every path's text). */
export { OUTLOOK_LABELS };

export interface Outlook {
  status: OutlookStatus;
  /** The projected year figure; null for an annual target. */
  projected: number | null;
  /** How the projection was made: last year's share of the year by the same period, or the months. */
  basis: "last-year" | "months" | null;
  reason: string;
}

/** Months elapsed at the end of a report period that gets an outlook; null for the others. */
export function outlookMonths(period: ReportPeriod): number | null {
  return period === "6m" ? 6 : period === "9m" ? 9 : null;
}

export function yearOutlook(
  row: TargetRow, period: ReportPeriod, actual: FigureCell,
  lastYear: { samePeriod: FigureCell; year: FigureCell } | null,
): Outlook | null {
  const months = outlookMonths(period);
  if (months == null) return null;
  if (row.annual) return { status: "chua-danh-gia", projected: null, basis: null, reason: OUTLOOK_REASONS.annual() };
  if (!isCumulative(row) || actual.value == null) return null;
  const same = lastYear?.samePeriod.value ?? null;
  const full = lastYear?.year.value ?? null;
  const share = same != null && full != null && same > 0 && full > 0 && same <= full * 1.5 ? same / full : null;
  const basis = share != null ? "last-year" : "months";
  const projected = actual.value / (share ?? months / 12);
  const e = evaluateTarget(row, projected);
  const ok = e.ruleStatus === "dat" || e.ruleStatus === "vuot";
  if (e.ruleStatus === "thieu-so-lieu" || e.ruleStatus === "xem-lai") return null;
  const shown = formatNumber(Math.round(projected * 100) / 100);
  const how = share != null ? OUTLOOK_REASONS.lastYearShare(formatNumber(Math.round(share * 1000) / 10)) : OUTLOOK_REASONS.months(months);
  return {
    status: ok ? "du-kien-dat" : "du-kien-khong-dat",
    projected,
    basis,
    reason: OUTLOOK_REASONS.projected({ shown, how, ok, target: row.target }),
  };
}
