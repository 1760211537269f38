/**
 * What a cell holds (a constant or a formula, a flat format, a validation) and how Excel turns typed
 * text or API-written values into that, in its culture (en-US unless told, see culture.ts).
 */
import { CULTURES, type Culture, asEnUs, typedDate } from "./culture";
import { fail } from "./errors";

export interface ErrorValue {
  readonly error: string;
}
export type Scalar = number | string | boolean;
/** A computed cell value; null is an empty cell. */
export type Computed = Scalar | ErrorValue | null;

export const isError = (v: unknown): v is ErrorValue =>
  typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";

export type Content = { kind: "value"; value: Scalar } | { kind: "formula"; formula: string };

export const BORDER_INDEXES = [
  "EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp",
] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];
/** Borders as stored on a cell: only its own four edges and diagonals. */
export type CellEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";
export type BorderProp = "style" | "weight" | "color";
type BorderKey = `border.${CellEdge}.${BorderProp}`;

export type FormatKey =
  | "numberFormat"
  | "font.name" | "font.size" | "font.bold" | "font.italic" | "font.color" | "font.underline" | "font.strikethrough"
  | "fill.color"
  | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "indentLevel"
  | "protection.locked" | "protection.formulaHidden"
  | BorderKey;
export type FormatValue = string | number | boolean | null;
export type FormatPatch = Partial<Record<FormatKey, FormatValue>>;

const EDGES: readonly CellEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "DiagonalDown", "DiagonalUp"];

export const FORMAT_DEFAULTS: Readonly<Record<FormatKey, FormatValue>> = {
  numberFormat: "General",
  "font.name": "Calibri",
  "font.size": 11,
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "font.underline": "None",
  "font.strikethrough": false,
  // Excel reports an unfilled cell as white.
  "fill.color": "#FFFFFF",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  indentLevel: 0,
  "protection.locked": true,
  "protection.formulaHidden": false,
  ...Object.fromEntries(
    EDGES.flatMap((e) => [
      [`border.${e}.style`, "None"],
      [`border.${e}.weight`, "Thin"],
      [`border.${e}.color`, "#000000"],
    ]),
  ),
} as Record<FormatKey, FormatValue>;

/** The data validation of one cell, as the API describes it. */
export interface ValidationSpec {
  rule: Excel.DataValidationRule;
  /** Top-left cell of the range the rule was set on: relative references in its formulas are from there. */
  anchor: { row: number; col: number };
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
  ignoreBlanks: boolean;
}

export const DEFAULT_ERROR_ALERT: Excel.DataValidationErrorAlert = { message: "", showAlert: true, style: "Stop", title: "" };
export const DEFAULT_PROMPT: Excel.DataValidationPrompt = { message: "", showPrompt: false, title: "" };

export interface Cell {
  content?: Content;
  fmt?: FormatPatch;
  validation?: ValidationSpec;
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", purple: "#800080", lime: "#00FF00", navy: "#000080",
  silver: "#C0C0C0", maroon: "#800000", teal: "#008080", olive: "#808000", aqua: "#00FFFF", fuchsia: "#FF00FF",
};

/** "#rrggbb", "rrggbb" or an HTML colour name, returned as Excel reports colours ("#RRGGBB"). */
export function normalizeColor(value: unknown, what: string): string {
  if (typeof value === "string") {
    const named = NAMED_COLORS[value.trim().toLowerCase()];
    if (named) return named;
    const m = /^#?([0-9a-fA-F]{6})$/.exec(value.trim());
    if (m) return `#${m[1].toUpperCase()}`;
  }
  throw fail.invalidArgument(`${what}: colour ${JSON.stringify(value)}`);
}

/** Excel keeps 15 significant digits. */
export function excelNumber(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(15));
}

export type Entry =
  | { kind: "clear" }
  /** `autoFormat`: the format Excel gives the cell (a date's replaces any number format, others only General's). */
  | { kind: "value"; value: Scalar; autoFormat?: string; date?: boolean }
  | { kind: "formula"; formula: string };

const EN_NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;

/** What decides how a text becomes a value: the culture, this year (for dates), the cell's number format. */
export interface Typing {
  culture?: Culture;
  year?: number;
  /** The cell's number format; "@" (Text) keeps the text. */
  numberFormat?: string;
}

/**
 * Reads text the way Excel does when it is typed into a cell (or written through `range.values`).
 * A cell formatted as Text ("@") keeps it exactly as given — Microsoft: the Text format "treats the
 * content of a cell as text and displays the content exactly as you type it, even when you type
 * numbers" (support.microsoft.com, "Available number formats in Excel"). The documentation does not
 * say that a leading apostrophe is dropped there, so here it is kept as a character: a host that
 * writes `'7-8` into a Text cell shows `'7-8`.
 */
export function parseTyped(text: string, typing: Typing = {}): Entry {
  if (text === "") return { kind: "clear" };
  if (typing.numberFormat === "@") return { kind: "value", value: text };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  const culture = typing.culture ?? CULTURES["en-US"];
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const date = typedDate(t, culture, typing.year ?? new Date().getFullYear());
  if (date) return { kind: "value", value: date.serial, autoFormat: date.format, date: true };
  const paren = /^\((.*)\)$/.exec(t);
  const num = readEnNumber(asEnUs(paren ? paren[1] : t, culture));
  if (num) return { kind: "value", value: paren ? -num.value : num.value, ...(num.format ? { autoFormat: num.format } : {}) };
  // Excel treats a leading + or - as the start of a formula.
  if ((t.startsWith("+") || t.startsWith("-")) && t.length > 1) return { kind: "formula", formula: `=${t}` };
  return { kind: "value", value: text };
}

function readEnNumber(t: string): { value: number; format: string | null } | null {
  const m = EN_NUMBER.exec(t);
  if (!m) return null;
  const [, sign, dollar, intPart, frac = "", exp, pct] = m;
  if (intPart === "" && frac.length <= 1) return null;
  let value = Number(`${intPart.replace(/,/g, "") || "0"}${frac === "." ? "" : frac}${exp !== undefined ? `e${exp}` : ""}`);
  if (!Number.isFinite(value)) return null;
  if (pct) value /= 100;
  if (sign === "-") value = -value;
  const decimals = frac.length > 1 ? 2 : 0;
  let format: string | null = null;
  if (pct) format = frac.length > 1 ? "0.00%" : "0%";
  else if (dollar) format = "$#,##0.00";
  else if (intPart.includes(",")) format = decimals ? "#,##0.00" : "#,##0";
  return { value: excelNumber(value), format };
}

/**
 * One element of an array written to `values`/`formulas`: strings are read as if typed (so "1.234,5"
 * stays text in en-US), null leaves the cell alone (Office.js's rule), anything else not JSON-plain fails.
 */
export function parseApiValue(v: unknown, what: string, typing: Typing = {}): Entry | null {
  if (v === null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw fail.invalidArgument(`${what}: ${String(v)} is not a finite number`);
    return { kind: "value", value: excelNumber(v) };
  }
  if (typeof v === "boolean") return { kind: "value", value: v };
  if (typeof v === "string") {
    if (v.length > 32767) throw fail.invalidArgument(`${what}: text longer than 32767 characters`);
    return parseTyped(v, typing);
  }
  throw fail.invalidArgument(`${what}: ${v === undefined ? "undefined" : Object.prototype.toString.call(v)} is not a cell value`);
}

/** Scalars as the API returns them: "" for an empty cell, error text for errors. */
export function apiValue(v: Computed): Scalar {
  if (v === null) return "";
  if (isError(v)) return v.error;
  return v;
}

export function valueType(v: Computed): "Empty" | "Double" | "String" | "Boolean" | "Error" {
  if (v === null) return "Empty";
  if (isError(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}
