/**
 * The year-end outlook of a 6- or 9-month report (Dự kiến cả năm): what the mid-year rule
 * (../evaluate/midyear.ts) says of a target, in the report's column. A cumulative target with a figure
 * gets its projected year figure (last year's share of the year by the same period when known, else the
 * months elapsed) and the year rule's verdict on it: *Dự kiến đạt*, *Dự kiến không đạt*, with the reason; a target the plan marks `annual` is *Chưa đánh giá được* (never off target
 * before year end); a level (a rate, a count at a date) gets none: it is compared with the target itself.
 * The sheet's status and the pane say the same words from the same evaluation.
 */
import { type Evaluation, evaluateTarget } from "../evaluate";
import { OUTLOOK_LABELS, OUTLOOK_REASONS } from "../messages/labels";
import { projectionWords } from "../evaluate/midyear";
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
  /** What the report's cell prints: the verdict, the projected year figure and a short reason (OUTLOOK_REASONS.cell). */
  text: string;
}

/** Months elapsed at the end of a report period that gets an outlook column; null for the others. */
export function outlookMonths(period: ReportPeriod): number | null {
  return period === "6m" ? 6 : period === "9m" ? 9 : null;
}

/** The outlook column's cell from the target's evaluation at the period (the rule's status, before any override). */
export function outlookOf(period: ReportPeriod, e: Evaluation | undefined): Outlook | null {
  if (outlookMonths(period) == null || !e) return null;
  if (e.ruleStatus === "chua-danh-gia") {
    return { status: "chua-danh-gia", projected: null, basis: null, reason: e.reason, text: OUTLOOK_REASONS.annualCell(OUTLOOK_LABELS["chua-danh-gia"]) };
  }
  const p = e.projection;
  if (!p) return null;
  const status = e.ruleStatus === "khong-dat" ? "du-kien-khong-dat" : "du-kien-dat";
  const reason = e.overridden ? (/\(theo quy tắc: (.*)\)$/.exec(e.reason)?.[1] ?? e.reason) : e.reason;
  return { status, projected: p.projected, basis: p.basis, reason, text: OUTLOOK_REASONS.cell({ label: OUTLOOK_LABELS[status], ...projectionWords(p) }) };
}

/** One target's outlook from a figure alone (and last year's, when known): the same rule, for a single row. */
export function yearOutlook(
  row: TargetRow, period: ReportPeriod, actual: FigureCell,
  lastYear: { samePeriod: FigureCell; year: FigureCell } | null,
): Outlook | null {
  return outlookOf(period, evaluateTarget(row, actual.value, { period, lastYear: lastYear?.samePeriod.value ?? null, lastYearTotal: lastYear?.year.value ?? null }));
}
