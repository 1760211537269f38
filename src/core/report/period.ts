/**
 * The periods a report covers. Figures are cumulative from 1 January, so a period is named by its
 * end: "6 tháng" is January to June. Before year end a report compares with the year plan and with
 * the same period of the previous year instead of judging achievement.
 */

export const REPORT_PERIODS = [
  "year", "9m", "6m", "q1", "q2", "q3", "q4",
  "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12",
] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const ROMAN = ["I", "II", "III", "IV"];

export function isReportPeriod(s: string): s is ReportPeriod {
  return (REPORT_PERIODS as readonly string[]).includes(s);
}

/** Lower-case label as it stands inside a sentence or a header: "năm", "6 tháng", "quý I", "tháng 3". */
export function periodLabel(p: ReportPeriod): string {
  if (p === "year") return "năm";
  if (p === "9m") return "9 tháng";
  if (p === "6m") return "6 tháng";
  const n = Number(p.slice(1));
  return p.startsWith("q") ? `quý ${ROMAN[n - 1]}` : `tháng ${n}`;
}

/** Whether the report closes the year: only then are targets judged Đạt (vượt) / Đạt / Không đạt. */
export function isYearEnd(p: ReportPeriod): boolean {
  return p === "year";
}
