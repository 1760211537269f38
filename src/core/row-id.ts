/**
 * Row identities, written in the hidden identity column so rows are matched by who they are, not
 * where they are: the user sorts, inserts rows and renames sheets. Rows the layout writes that hold
 * no plan item carry a marker starting with "#"; rows the user inserted carry nothing.
 */
/** The add-in's own sheets whose rows carry identities. */
export type LayoutId = "targets" | "tasks";

export const targetId = (no: string): string => `t:${no}`;
export const taskId = (code: string): string => `n:${code}`;
export const groupId = (code: string): string => `g:${code}`;

export const TRAFFIC_CRITERIA = ["accidents", "deaths", "injuries"] as const;
export type TrafficCriterion = (typeof TRAFFIC_CRITERIA)[number];
/** "prev": same period of the previous year; "cur": this period. */
export type TrafficSide = "prev" | "cur";
export const trafficId = (c: TrafficCriterion, side: TrafficSide): string => `tn:${c}:${side}`;
/** The criterion and side of a traffic count's identity (`tn:deaths:cur`); null for any other text. */
export function parseTrafficId(id: unknown): { criterion: TrafficCriterion; side: TrafficSide } | null {
  const m = typeof id === "string" ? /^tn:([a-z]+):(prev|cur)$/.exec(id.trim()) : null;
  const criterion = m ? TRAFFIC_CRITERIA.find((c) => c === m[1]) : undefined;
  return m && criterion ? { criterion, side: m[2] as TrafficSide } : null;
}

/** A row a newer plan no longer has, kept at the user's request: never reported as dropped again. */
export const KEPT_PREFIX = "x:";
export const keptId = (id: string): string => KEPT_PREFIX + id;

/** Markers of layout rows that hold no plan item. */
export const MARK = {
  title: "#title",
  blank: "#blank",
  header: "#header",
  traffic: "#block:traffic",
  dropped: "#dropped",
} as const;

const SHEET_MARK = "#ktxh:";
/** The identity cell of the hidden key row: names the layout, so a renamed sheet is still found. */
export const sheetMark = (layout: LayoutId): string => `${SHEET_MARK}${layout}`;

export function layoutOfMark(value: unknown): LayoutId | null {
  if (typeof value !== "string" || !value.startsWith(SHEET_MARK)) return null;
  const id = value.slice(SHEET_MARK.length);
  return id === "targets" || id === "tasks" ? id : null;
}

export function isMarker(id: string): boolean {
  return id.startsWith("#");
}

/** Column keys of the period figure and of its estimate/official mark. */
export const periodKey = (p: string): string => `p:${p}`;
export const markKey = (p: string): string => `mark:${p}`;
export const USER_COLUMN_PREFIX = "u:";

/**
 * Text Excel would take for a formula or a number when typed or written through Office.js
 * `range.values`. Hosts write such text as text (the ExcelJS host writes a string cell; the Office.js
 * host sets the "@" format first or prefixes an apostrophe).
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s.trimStart());
}
