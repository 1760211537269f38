/**
 * The culture Excel reads typing in (Windows' regional format, or the web's Region setting), as
 * `application.cultureInfo` reports it (ExcelApi 1.11):
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.numberformatinfo — `numberDecimalSeparator`
 * and `numberGroupSeparator`, "based on current system settings". Two are modelled: en-US (`1,234.5`,
 * month before day) and vi-VN (`1.234,5`, day before month).
 *
 * Dates: text that reads as a day and a month in the culture becomes the date's serial number with a
 * date format, as Microsoft's KB Q38369 describes ("if you enter the part number 2-15 into a cell, Excel
 * will convert it to the serial number for February 15 of the current year"). So `7-8` and `1/2` typed
 * in an en-US Excel are 8 July and 2 January of this year; in a vi-VN one, 7 August and 1 February.
 */

export type CultureName = "en-US" | "vi-VN";

export interface Culture {
  name: CultureName;
  decimal: string;
  group: string;
  /** The order of a typed day and month. */
  dayFirst: boolean;
}

export const CULTURES: Readonly<Record<CultureName, Culture>> = {
  "en-US": { name: "en-US", decimal: ".", group: ",", dayFirst: false },
  "vi-VN": { name: "vi-VN", decimal: ",", group: ".", dayFirst: true },
};

/** A number typed in a culture, spelled the en-US way (`.` decimal, `,` group) for the one en-US reader. */
export function asEnUs(text: string, culture: Culture): string {
  if (culture.decimal === ".") return text;
  return text.replace(/[.,]/g, (c) => (c === "," ? "." : ","));
}

/** Days from Excel's day 0 (1899-12-30 in the 1900 system, past its 1900 leap-year bug) to a date. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The year, month and day of a serial. */
export function serialDate(serial: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DAY_MONTH = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The date a typed text means in the culture, or null: `a-b` or `a/b` (this year), `a/b/yyyy`.
 * The format Excel gives it is "d-mmm" for a day and month, "m/d/yyyy" for a full date (codes are
 * always en-US in the API; Excel shows them in the culture).
 */
export function typedDate(text: string, culture: Culture, year: number): { serial: number; format: string } | null {
  const m = DAY_MONTH.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const [month, day] = culture.dayFirst ? [b, a] : [a, b];
  let y = year;
  if (m[4] !== undefined) y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  if (!validDate(y, month, day)) return null;
  return { serial: dateSerial(y, month, day), format: m[4] === undefined ? "d-mmm" : "m/d/yyyy" };
}
