/**
 * A cell's value as the officer sees it in Excel, and whether a proposed fix changes anything: what the
 * "Sửa tất cả" dialog, the CLI and the issues sheet say of a fix's old and new value. A date cell holds a
 * serial number (45474) but shows 01/07/2024; a percent cell holds 0,3558 but shows 35,58%.
 */
import { formatNumber } from "../numbers";
import { dateParts, isDateFormat, isPercentFormat } from "./figures";

export type ShownValue = string | number | boolean | null;

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The text a cell shows: a date as dd/mm/yyyy, a percent-formatted number as its percent ("35,58%"),
 * a number in vi-VN form, text as typed, TRUE/FALSE; "" for an empty cell.
 */
export function shownCell(value: ShownValue, numFmt?: string | null): string {
  if (value === null) return "";
  if (isDateFormat(numFmt)) {
    const d = dateParts(value);
    if (d !== null) return `${two(d.day)}/${two(d.month)}/${d.year}`;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    return isPercentFormat(numFmt) ? `${formatNumber(Number((value * 100).toPrecision(12)))}%` : formatNumber(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/**
 * A fix that would leave the cell as it is: the same number, or the same text once spaces around it
 * are set aside. (Text in decomposed letters is not the same text: its fix, `text.decomposed`, changes
 * how the letters are stored, and is kept.)
 */
export function isNoopFix(value: ShownValue, fix: string | number): boolean {
  if (typeof fix === "number") return typeof value === "number" && (value === fix || Math.abs(value - fix) <= 1e-12 * Math.max(1, Math.abs(fix)));
  return typeof value === "string" && value.trim() === fix.trim();
}

/**
 * What changes in a cell whose old and new value read the same on screen: a number stored as text
 * becomes a number, decomposed letters become composed ones; null when the texts differ (they say it).
 */
export function hiddenChange(value: ShownValue, fix: string | number): "text-to-number" | "composed" | null {
  if (typeof value === "string" && typeof fix === "number") return "text-to-number";
  if (typeof value === "string" && typeof fix === "string" && value !== fix && value.normalize("NFC") === fix.normalize("NFC")) return "composed";
  return null;
}
