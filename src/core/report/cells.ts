/**
 * Figures as the report prints them. Text a person wrote is printed as written (`>80`, `7-8`,
 * `giảm 01 tiêu chí`, `22.293,49`), turned into vi-VN form only when it is a number written another
 * way (`1,284.679`). Numbers that come as numbers (an Excel cell) are printed as the cell shows them:
 * at its number format's decimals when known, else at the number's own ("6", not "6,0" because the
 * target is written "6,1").
 */
import { formatNumber, parseNumber, roundTo } from "../numbers";
import type { FigureCell } from "./model";

/** Doubles carry binary noise past this many decimals (0.1 + 0.2); no report figure needs more. */
const MAX_DECIMALS = 6;

export const EMPTY_CELL: FigureCell = { text: "", value: null, decimals: 0 };

/** Decimals of a number's shortest form, noise past MAX_DECIMALS removed. */
export function naturalDecimals(value: number): number {
  const s = String(roundTo(value, MAX_DECIMALS));
  if (s.includes("e")) return 0;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function fromNumber(value: number, minDecimals: number): FigureCell {
  if (!Number.isFinite(value)) return EMPTY_CELL;
  const decimals = Math.max(minDecimals, naturalDecimals(value));
  const v = roundTo(value, decimals);
  return { text: formatNumber(v, decimals), value: v, decimals };
}

/**
 * A leading zero (`01`) is part of how the figure is printed; as a number it would lose it, so such
 * a figure stays text.
 */
function keepsLeadingZero(written: string): boolean {
  return /^[+-]?0\d/.test(written);
}

/** The printed cell of a figure given as text or number; `minDecimals` applies to numbers only. */
export function figureCell(v: string | number | null | undefined, minDecimals = 0): FigureCell {
  if (v == null) return EMPTY_CELL;
  if (typeof v === "number") return fromNumber(v, minDecimals);
  const written = v.normalize("NFC").trim();
  if (written === "") return EMPTY_CELL;
  const r = parseNumber(written);
  if (!r.ok || r.percent || keepsLeadingZero(written)) return { text: written, value: null, decimals: 0 };
  return { text: formatNumber(r.value, r.decimals), value: r.value, decimals: r.decimals };
}

/**
 * Decimals a cell's number format always shows ("0.0" → 1, "#,##0.00#" → 2: a `#` shows only a digit
 * the number has, "0" → 0); null for General, text or none.
 */
export function formatDecimals(fmt: string | null | undefined): number | null {
  if (!fmt) return null;
  const section = fmt.split(";")[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].replace(/#/g, "").length : 0;
}

/** A percentage (of the plan, of last year's figure) at one decimal, `101,5`. */
export function percentCell(p: number | null): FigureCell | null {
  if (p == null || !Number.isFinite(p)) return null;
  const v = roundTo(p, 1);
  return { text: formatNumber(v, 1), value: v, decimals: 1 };
}
