/**
 * Pure conversions between the sheet model's cells and what Office.js reads and writes: no `Excel`
 * here, so the rules (what stays text, how wide a column is, how big a request is) are tested alone.
 */
import { looksLikeFormula } from "../../core/row-id";
import { isDateFormat } from "../../core/validate/figures";
import type { CellValue } from "../../layout/sheets/types";

/** What `range.values` holds for one cell when read (Excel gives "" for empty, booleans, numbers). */
export type ReadValue = string | number | boolean | null | undefined;

export function plainValue(v: ReadValue): CellValue {
  if (v == null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/**
 * The sheet's values from A1 as a plain grid, from a used range that starts at (`row`, `col`):
 * `readSheet` wants coordinates that are the sheet's own, so rows and columns above and left of the
 * used range are padded with empty cells.
 */
export function gridFrom(values: ReadValue[][], row: number, col: number): CellValue[][] {
  const pad = new Array<CellValue>(col).fill(null);
  const grid: CellValue[][] = Array.from({ length: row }, () => []);
  for (const r of values) grid.push([...pad, ...r.map(plainValue)]);
  return grid;
}

/** A number format the judgement must know: a % (the cell holds the fraction) or a date (Excel made one of the typing). */
const telling = (f: ReadValue): f is string => typeof f === "string" && (f.includes("%") || isDateFormat(f));

/**
 * The number formats of a range read from (`row`, `col`), in the sheet's coordinates, kept only where
 * they tell the judgement something (`telling`); null when none does.
 */
export function percentFormats(formats: ReadValue[][] | undefined, row: number, col: number): (string | null)[][] | null {
  if (!formats?.some((r) => r.some(telling))) return null;
  const out: (string | null)[][] = Array.from({ length: row }, () => []);
  for (const r of formats) out.push([...new Array<null>(col).fill(null), ...r.map((f) => (telling(f) ? f : null))]);
  return out;
}

/**
 * Text Excel might not keep as typed when it arrives through `range.values`: a formula ("=", and "+",
 * "-", "@" that Excel completes into one), a number or date in any locale ("1.600", "7-8", "(5)",
 * "$5", ".5"), a boolean or an error literal. Wider than Excel's own rules on purpose: marking plain
 * text costs nothing, losing "7-8" to a date costs a figure.
 */
function excelMightConvert(s: string): boolean {
  const t = s.trimStart();
  return looksLikeFormula(t) || /^[\d'$(.#]/.test(t) || /^(true|false)$/i.test(t.trim());
}

/**
 * What to put in `range.values` for a model cell whose number format is `numberFormat` (set in the
 * same request, before the value). Text is written so it stays text, without a stray apostrophe:
 *  - into a Text ("@") cell, as it is: Microsoft documents the Text format as keeping the content
 *    "exactly as you type it" and does not say a leading apostrophe is dropped there, so one would show;
 *  - into any other cell, with a leading apostrophe (Excel's own "this is text" prefix, not part of the
 *    value read back) when Excel might read it as a formula ("=SUM(A1)" from a colleague's sheet), a
 *    number or a date ("7-8").
 * Empty cells are "" so that a rewrite also clears them.
 */
export function cellInput(v: CellValue, numberFormat?: string | null): string | number {
  if (v == null) return "";
  if (typeof v === "number") return v;
  if (numberFormat === TEXT) return v;
  return excelMightConvert(v) ? `'${v}` : v;
}

const TEXT = "@";

/**
 * Excel's column width unit is the width of a "0" in the workbook's default font; Office.js sets
 * widths in points. For the default 11 pt Calibri a character is 7 px plus 5 px padding, 0.75 pt a px.
 */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Millimetres to points, for page margins. */
export const mmToPoints = (mm: number): number => Math.round((mm / 25.4) * 72 * 100) / 100;

const A4_MM = { portrait: 210, landscape: 297 } as const;

/**
 * The print scale (%) that puts columns `widthsPt` wide onto one page width between the margins.
 * "One page wide, any number tall" would be `{horizontalFitToPages: 1, verticalFitToPages: 0}`, but
 * Microsoft does not document 0 (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions:
 * "Number of pages to fit"), and a refused value fails the whole batch it is in. `scale` is
 * documented: "can be between 10 and 400". Never above 100: a narrow table prints at its size.
 */
export function fitScale(orientation: "portrait" | "landscape", marginsMm: { left: number; right: number }, widthsPt: readonly number[]): number {
  const printable = mmToPoints(A4_MM[orientation] - marginsMm.left - marginsMm.right);
  const total = widthsPt.reduce((s, w) => s + w, 0);
  if (total <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((printable / total) * 100)));
}

// TextEncoder exists in the browser and in Node alike (Buffer is Node only).
const encoder = new TextEncoder();

/** Bytes a 2D array adds to a request, as JSON (UTF-8: Vietnamese letters take 2–3 bytes). */
export function jsonBytes(data: unknown): number {
  return encoder.encode(JSON.stringify(data)).length;
}

/**
 * Row blocks [from, to) whose values fit `budget` bytes each: a write is split only when the whole
 * would pass the request limit, so a normal plan is written in one request.
 */
export function rowBlocks(rowBytes: readonly number[], budget: number): { from: number; to: number }[] {
  const blocks: { from: number; to: number }[] = [];
  let from = 0;
  let size = 0;
  rowBytes.forEach((b, i) => {
    if (i > from && size + b > budget) {
      blocks.push({ from, to: i });
      from = i;
      size = 0;
    }
    size += b;
  });
  if (rowBytes.length) blocks.push({ from, to: rowBytes.length });
  return blocks;
}
