/**
 * The culture a workbook's figures were typed in: how the Excel that turned typing into values reads
 * a decimal mark and a day-month date. Office.js reports it as `application.cultureInfo` (ExcelApi 1.11:
 * `name`, `numberFormat.numberDecimalSeparator`, `numberFormat.numberGroupSeparator`); the book keeps it in
 * its own record (layout/sheets/record.ts), so the command line reads a slip as the pane did.
 *
 * Null everywhere means "not known" (an Excel below 1.11, a book with no record): figures are then read
 * culture-free, as they always were — an ambiguous `1.600` said aloud, a date's two possible texts named.
 */

export interface TypingCulture {
  /** BCP 47 name as Excel gives it ("vi-VN", "en-US"). */
  name: string;
  decimal: "." | ",";
  /** The thousands separator (".", ",", a space, or "" where there is none). */
  group: string;
}

/** Read from Office.js's values or a record's JSON; null when they do not make a culture. */
export function typingCulture(name: unknown, decimal: unknown, group: unknown): TypingCulture | null {
  if (typeof name !== "string" || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(name)) return null;
  if (decimal !== "." && decimal !== ",") return null;
  if (typeof group !== "string" || group.length > 1 || group === decimal) return null;
  return { name, decimal, group };
}

/** A culture as kept in JSON (the book's record): `{name, decimal, group}`. */
export function decodeCulture(v: unknown): TypingCulture | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  return typingCulture(o.name, o.decimal, o.group);
}

/** The culture reads `,` as its decimal mark, as Vietnamese writing does: `1.600` typed there is 1600. */
export function decimalComma(c: TypingCulture | null | undefined): boolean {
  return c?.decimal === ",";
}

/**
 * The order in which the culture reads a typed day and month (`7-8`): known only for the cultures
 * whose short date Microsoft documents as day-first or month-first and that KT-XH's users run — vi-VN
 * (dd/MM/yyyy) and en-US (M/d/yyyy). Any other culture, or none: null, and no typed text is inferred.
 */
export function dayMonthOrder(c: TypingCulture | null | undefined): "day-first" | "month-first" | null {
  if (!c) return null;
  if (c.name === "vi-VN") return "day-first";
  if (c.name === "en-US") return "month-first";
  return null;
}
