/**
 * Row identities, written in the hidden identity column so rows are matched by who they are, not
 * where they are: the user sorts, inserts rows and renames sheets. Rows the layout writes that hold
 * no plan item carry a marker starting with "#"; rows the user inserted carry nothing.
 */
/** The add-in's own sheets whose rows carry identities. */
export type LayoutId = "targets" | "tasks";

const TARGET = "t:";
const TASK = "n:";
const GROUP = "g:";
const TRAFFIC = "tn:";
const KEPT = "x:";
const SHEET_MARK = "#ktxh:";

export const targetId = (no: string): string => `${TARGET}${no}`;
export const taskId = (code: string): string => `${TASK}${code}`;
export const groupId = (code: string): string => `${GROUP}${code}`;

export const TRAFFIC_CRITERIA = ["accidents", "deaths", "injuries"] as const;
export type TrafficCriterion = (typeof TRAFFIC_CRITERIA)[number];
/** "prev": same period of the previous year; "cur": this period. */
export type TrafficSide = "prev" | "cur";
export const trafficId = (c: TrafficCriterion, side: TrafficSide): string => `${TRAFFIC}${c}:${side}`;

/** A row a newer plan no longer has, kept at the user's request: never reported as dropped again. */
export const keptId = (id: string): string => KEPT + id;

/** Markers of layout rows that hold no plan item. */
export const MARK = {
  title: "#title",
  blank: "#blank",
  header: "#header",
  traffic: "#block:traffic",
  dropped: "#dropped",
} as const;

/** The identity cell of the hidden key row: names the layout, so a renamed sheet is still found. */
export const sheetMark = (layout: LayoutId): string => `${SHEET_MARK}${layout}`;

/** What an identity cell says, taken apart: the inverse of the builders above. */
export type RowId =
  | { kind: "target"; no: string }
  | { kind: "task"; code: string }
  | { kind: "group"; code: string }
  | { kind: "traffic"; criterion: TrafficCriterion; side: TrafficSide }
  /** `id` is the identity the row had before the plan dropped it. */
  | { kind: "kept"; id: string }
  | { kind: "sheet"; layout: LayoutId }
  /** A layout row holding no plan item ("#title", "#blank", …). */
  | { kind: "marker"; marker: string };

/** The identity cell's text for a parsed identity: `parseRowId(rowIdText(r))` gives `r` back. */
export function rowIdText(r: RowId): string {
  switch (r.kind) {
    case "target":
      return targetId(r.no);
    case "task":
      return taskId(r.code);
    case "group":
      return groupId(r.code);
    case "traffic":
      return trafficId(r.criterion, r.side);
    case "kept":
      return keptId(r.id);
    case "sheet":
      return sheetMark(r.layout);
    case "marker":
      return r.marker;
  }
}

const TRAFFIC_SIDES: readonly TrafficSide[] = ["prev", "cur"];

/**
 * An identity cell's text taken apart; null for text no builder writes (a user's own value, "tn:"
 * with an unknown criterion). The part after `t:`/`n:`/`g:`/`x:` is taken as written: whether the
 * plan knows it is for the caller to say.
 */
export function parseRowId(id: string): RowId | null {
  if (id.startsWith("#")) {
    const layout = layoutOfMark(id);
    return layout ? { kind: "sheet", layout } : { kind: "marker", marker: id };
  }
  if (id.startsWith(TARGET)) return { kind: "target", no: id.slice(TARGET.length) };
  if (id.startsWith(TASK)) return { kind: "task", code: id.slice(TASK.length) };
  if (id.startsWith(GROUP)) return { kind: "group", code: id.slice(GROUP.length) };
  if (id.startsWith(KEPT)) return { kind: "kept", id: id.slice(KEPT.length) };
  if (id.startsWith(TRAFFIC)) {
    const [c, side, ...rest] = id.slice(TRAFFIC.length).split(":");
    const criterion = TRAFFIC_CRITERIA.find((x) => x === c);
    const s = TRAFFIC_SIDES.find((x) => x === side);
    return criterion && s && rest.length === 0 ? { kind: "traffic", criterion, side: s } : null;
  }
  return null;
}

/** "t:1.2" → "1.2"; null for any other identity. */
export function targetNoOf(id: string | null | undefined): string | null {
  const r = id == null ? null : parseRowId(id);
  return r?.kind === "target" ? r.no : null;
}

/** "n:2.19" → "2.19"; null for any other identity. */
export function taskCodeOf(id: string | null | undefined): string | null {
  const r = id == null ? null : parseRowId(id);
  return r?.kind === "task" ? r.code : null;
}

/** The plan item's number or code of a row of that layout's sheet ("t:…" on targets, "n:…" on tasks). */
export function itemRefOf(layout: LayoutId, id: string | null | undefined): string | null {
  return layout === "targets" ? targetNoOf(id) : taskCodeOf(id);
}

/** "tn:deaths:cur" → { criterion: "deaths", side: "cur" }; null for any other identity. */
export function trafficOf(id: string | null | undefined): { criterion: TrafficCriterion; side: TrafficSide } | null {
  const r = id == null ? null : parseRowId(id);
  return r?.kind === "traffic" ? { criterion: r.criterion, side: r.side } : null;
}

/** A cell's value read as a traffic count's identity (trimmed); null for anything else. */
export function parseTrafficId(id: unknown): { criterion: TrafficCriterion; side: TrafficSide } | null {
  return typeof id === "string" ? trafficOf(id.trim()) : null;
}

/** "x:t:9" → "t:9": the identity a kept row had; null for any other identity. */
export function keptOf(id: string | null | undefined): string | null {
  const r = id == null ? null : parseRowId(id);
  return r?.kind === "kept" ? r.id : null;
}

export function layoutOfMark(value: unknown): LayoutId | null {
  if (typeof value !== "string" || !value.startsWith(SHEET_MARK)) return null;
  const id = value.slice(SHEET_MARK.length);
  return id === "targets" || id === "tasks" ? id : null;
}

export function isMarker(id: string): boolean {
  return id.startsWith("#");
}

const PERIOD = "p:";
const FIGURE_MARK = "mark:";
const USER = "u:";
const SAME_PERIOD = "prev:";
const TASK_STATUS = "status:";
const TASK_RESULT = "result:";

const EXPLAIN = "explain:";
/** Column key of the explanations (Giải trình) the collection cycle merged for a period (cli/commands/collect.ts). */
export const explainKey = (p: string): string => `${EXPLAIN}${p}`;

/** Column keys of the period figure and of its estimate/official mark. */
export const periodKey = (p: string): string => `${PERIOD}${p}`;
export const markKey = (p: string): string => `${FIGURE_MARK}${p}`;
/** Column keys of a task's status and result note reported for a period (the tasks sheet keeps one pair per period). */
export const taskStatusKey = (p: string): string => `${TASK_STATUS}${p}`;
export const taskResultKey = (p: string): string => `${TASK_RESULT}${p}`;
/** Column key of last year's figure of the same period (the targets sheet's *Cùng kỳ năm trước* columns). */
export const samePeriodKey = (p: string): string => `${SAME_PERIOD}${p}`;
/** The key of a column the user inserted, numbered in the order the reader met it ("u:1"). */
export const userKey = (n: number | string): string => `${USER}${n}`;

/** A key-row key taken apart; the layout's plain keys ("no", "status", …) are not prefixed and parse to null. */
export type ColumnKey =
  | { kind: "period"; period: string }
  | { kind: "mark"; period: string }
  | { kind: "task-status"; period: string }
  | { kind: "task-result"; period: string }
  | { kind: "same-period"; period: string }
  | { kind: "user"; name: string };

/** The key for a parsed column key: `parseColumnKey(columnKeyText(k))` gives `k` back. */
export function columnKeyText(k: ColumnKey): string {
  switch (k.kind) {
    case "period":
      return periodKey(k.period);
    case "mark":
      return markKey(k.period);
    case "task-status":
      return taskStatusKey(k.period);
    case "task-result":
      return taskResultKey(k.period);
    case "same-period":
      return samePeriodKey(k.period);
    case "user":
      return userKey(k.name);
  }
}

export function parseColumnKey(key: string): ColumnKey | null {
  if (key.startsWith(PERIOD)) return { kind: "period", period: key.slice(PERIOD.length) };
  if (key.startsWith(FIGURE_MARK)) return { kind: "mark", period: key.slice(FIGURE_MARK.length) };
  if (key.startsWith(TASK_STATUS)) return { kind: "task-status", period: key.slice(TASK_STATUS.length) };
  if (key.startsWith(TASK_RESULT)) return { kind: "task-result", period: key.slice(TASK_RESULT.length) };
  if (key.startsWith(SAME_PERIOD)) return { kind: "same-period", period: key.slice(SAME_PERIOD.length) };
  if (key.startsWith(USER)) return { kind: "user", name: key.slice(USER.length) };
  return null;
}

/** "p:6m" → "6m" (taken as written: `isPeriodId` says whether it is a period); null for other keys. */
export function periodOfKey(key: string): string | null {
  const k = parseColumnKey(key);
  return k?.kind === "period" ? k.period : null;
}

/** "status:6m" → "6m"; null for other keys (the single "status" of older tasks sheets included). */
export function taskStatusPeriodOf(key: string): string | null {
  const k = parseColumnKey(key);
  return k?.kind === "task-status" ? k.period : null;
}

/** "prev:6m" → "6m": the period of a *Cùng kỳ năm trước* column; null for other keys. */
export function samePeriodOfKey(key: string): string | null {
  const k = parseColumnKey(key);
  return k?.kind === "same-period" ? k.period : null;
}

/** "result:6m" → "6m"; null for other keys. */
export function taskResultPeriodOf(key: string): string | null {
  const k = parseColumnKey(key);
  return k?.kind === "task-result" ? k.period : null;
}

/** The periods of a layout's figure columns, in column order. */
export function periodsOfKeys(columns: readonly { key: string }[]): string[] {
  return columns.map((c) => periodOfKey(c.key)).filter((p): p is string => p != null);
}

export const isUserKey = (key: string): boolean => parseColumnKey(key)?.kind === "user";

/**
 * Text Excel would take for a formula or a number when typed or written through Office.js
 * `range.values`. Hosts write such text as text (the ExcelJS host writes a string cell; the Office.js
 * host sets the "@" format first or prefixes an apostrophe).
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s.trimStart());
}
