/**
 * Reporting periods. Figures are cumulative from 1 January (lũy kế), as Vietnamese reports give them,
 * and each period closes on a data cut-off set by Decree 09/2019/NĐ-CP (Art. 12): data run from the
 * 15th of the month before the period to the 14th of its last month; the 6-month, 9-month and annual
 * reports start on 15 December of the year before. Pure: dates are ISO strings, no clock is read.
 */

export const PERIOD_IDS = [
  "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12",
  "q1", "q2", "q3", "q4",
  "6m", "9m", "year",
] as const;
export type PeriodId = (typeof PERIOD_IDS)[number];

export type PeriodKind = "month" | "quarter" | "half" | "nine-months" | "year";

/** Whether a figure is still an estimate or the official one; the period's mark in the sheet. */
export const FIGURE_MARKS = ["Ước", "Chính thức"] as const;
export type FigureMark = (typeof FIGURE_MARKS)[number];

export interface Period {
  id: PeriodId;
  kind: PeriodKind;
  /** "Tháng 1", "Quý I", "6 tháng", "9 tháng", "Năm". */
  label: string;
  /** Months covered by the period's own window, 1-based. */
  firstMonth: number;
  lastMonth: number;
  /** The period's own data window (Decree 09/2019), ISO dates. */
  window: { from: string; to: string };
  /** The window of the cumulative figure the sheet holds: from the start of the year to the cut-off. */
  cumulative: { from: string; to: string };
  /** Data cut-off: the 14th of the last month. */
  cutoff: string;
}

const ROMAN = ["I", "II", "III", "IV"];

function iso(year: number, month: number, day: number): string {
  // Month 0 is December of the year before: the window of January and of the yearly reports.
  const y = month < 1 ? year - 1 : year;
  const m = month < 1 ? month + 12 : month;
  return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function span(id: PeriodId): { kind: PeriodKind; label: string; first: number; last: number } {
  if (id === "year") return { kind: "year", label: "Năm", first: 1, last: 12 };
  if (id === "6m") return { kind: "half", label: "6 tháng", first: 1, last: 6 };
  if (id === "9m") return { kind: "nine-months", label: "9 tháng", first: 1, last: 9 };
  const n = Number(id.slice(1));
  if (id.startsWith("q")) return { kind: "quarter", label: `Quý ${ROMAN[n - 1]}`, first: 3 * n - 2, last: 3 * n };
  return { kind: "month", label: `Tháng ${n}`, first: n, last: n };
}

export function isPeriodId(s: string): s is PeriodId {
  return (PERIOD_IDS as readonly string[]).includes(s);
}

export function period(id: PeriodId, year: number): Period {
  const s = span(id);
  const cutoff = iso(year, s.last, 14);
  return {
    id,
    kind: s.kind,
    label: s.label,
    firstMonth: s.first,
    lastMonth: s.last,
    window: { from: iso(year, s.first - 1, 15), to: cutoff },
    cumulative: { from: iso(year, 0, 15), to: cutoff },
    cutoff,
  };
}

const KIND_ORDER: Record<PeriodKind, number> = { month: 0, quarter: 1, half: 2, "nine-months": 3, year: 4 };

/**
 * The given periods (all of them by default) in sheet order: by cut-off, and on the same cut-off the
 * shorter report first (Tháng 6, Quý II, 6 tháng). Duplicates are dropped.
 */
export function listPeriods(year: number, ids: readonly PeriodId[] = PERIOD_IDS): Period[] {
  return [...new Set(ids)]
    .map((id) => period(id, year))
    .sort((a, b) => a.cutoff.localeCompare(b.cutoff) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** Reads "year,6m, q1" (from `--periods` or a settings record); unknown ids are returned, not thrown. */
export function parsePeriodList(text: string): { ids: PeriodId[]; unknown: string[] } {
  const ids: PeriodId[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    const s = raw.trim().toLowerCase();
    if (!s) continue;
    if (isPeriodId(s)) ids.push(s);
    else unknown.push(raw.trim());
  }
  return { ids: [...new Set(ids)], unknown };
}

/** The latest period by cut-off among the given ones: the one the status columns judge by default. */
export function latestPeriod(year: number, ids: readonly PeriodId[]): PeriodId | null {
  const list = listPeriods(year, ids);
  return list.length ? list[list.length - 1].id : null;
}
