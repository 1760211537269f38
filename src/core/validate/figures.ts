/**
 * Reading one figure cell the way a careful colleague would, and saying what looks wrong with it:
 * a number typed as text, a vi-VN number typed into an English-locale Excel (`1.600` became 1,6), a
 * percent typed as a fraction (0,3558 for 35,58%), a figure a thousand times off, a negative count,
 * a rate above 100. Comparative or worded entries (">80", "giảm 01 tiêu chí") are valid figures.
 * The plan's value and last year's figure are the yardstick ("refs"): without them nothing is guessed.
 */
import { type TypingCulture, dayMonthOrder, decimalComma } from "../culture";
import { parseNumber, roundTo } from "../numbers";
import type { GridCell } from "../read-table/grid";
import { type TargetSpec, parseTarget } from "../target";
import { foldKey } from "../text";
import { decimalsOf, saysNoFigure } from "../evaluate/actual";
import { type Issue, type ValidateCode, issue } from "./issue";

export interface FigureContext {
  sheet: string;
  cell: string;
  target: string | null;
  /** Unit of the row (plan's Đơn vị tính, or the % of its target). */
  unit: string;
  name: string;
  /** Magnitudes the figure should be near: plan bounds and last year's figure, all > 0. */
  refs: number[];
  /** Every cell of the grid came as text (CSV). */
  textOnly: boolean;
  /** The culture the figures were typed in (the book's record, or the pane's Excel); null: not known. */
  culture?: TypingCulture | null;
}

export type Figure =
  | { kind: "empty" }
  /**
   * `suspect`: an issue was raised on the value, so sums and comparisons leave it out. `decimals`: the
   * digits after the decimal mark of the reading taken (the judgement's reason says the figure so).
   */
  | { kind: "number"; value: number; suspect: boolean; decimals: number }
  | { kind: "worded"; spec: TargetSpec }
  | { kind: "bad" };

/**
 * The check's codes that say a figure was typed wrong (a decimal mark read the English way, a fraction
 * in a % row, a reading the plan cannot decide, a scale or range no figure can have, a number stored as
 * text in a cell — issue 11, point 3): the judgement of such a figure waits for a person ("Cần xem lại", `judgeFigure` in evaluate.ts).
 */
export const SLIP_CODES: ReadonlySet<ValidateCode> = new Set<ValidateCode>([
  "value.decimal-confusion", "value.percent-fraction", "value.ambiguous", "value.magnitude", "value.out-of-range",
  // A number stored as text in a cell (never in a CSV: `textOnly`): the check proposes the number; once
  // fixed, the cell holds a number and is judged.
  "value.text-number",
  "value.date",
]);

/** A number format that shows a date or time (d, m, y, h, s outside quotes, [colours] and escapes). */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt || /general/i.test(numFmt)) return false;
  return /[dmyhs]/i.test(numFmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, ""));
}

/** Whether a number format shows the value as a percent (a `%` outside quoted text): the cell holds the fraction. */
export function isPercentFormat(numFmt: string | null | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"/g, "").includes("%");
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The date a date cell's value holds: Excel's serial number (1900 system) or a file reader's ISO text; null for anything else. */
export function dateParts(value: unknown): { day: number; month: number; year: number } | null {
  if (typeof value === "number" && value >= 1 && value < 2958466) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * DAY_MS);
    return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
  }
  const m = typeof value === "string" ? ISO_DATE.exec(value.trim()) : null;
  return m ? { day: Number(m[3]), month: Number(m[2]), year: Number(m[1]) } : null;
}

/**
 * The day and month a date cell holds: Excel's serial number (Office.js), or the ISO text a file reader
 * gives (ExcelJS reads a date cell as a Date, read-workbook.ts writes it yyyy-mm-dd). `year`: the
 * cell's format shows a year, so a full date was typed, not a day and a month.
 */
function dateIn(cell: GridCell): { day: number; month: number; year: boolean } | null {
  if (!isDateFormat(cell.numFmt)) return null;
  const year = /y/i.test((cell.numFmt ?? "").replace(/"[^"]*"/g, ""));
  const d = dateParts(cell.value);
  return d ? { day: d.day, month: d.month, year } : null;
}

/**
 * A figure Excel turned into a date (`7-8` typed in an en-US Excel is 8 July; in a vi-VN one, 7 August:
 * Microsoft KB Q38369). Where the culture it was typed in is not known, which order the person typed
 * is not in the cell, so both texts are said, the day-month one (Vietnamese usage) first; when day and
 * month are equal there is only one. Where it is known (`dayMonthOrder`), the text typed is said, and
 * when it is safe to put back — no year was typed, the cell holds no formula, and the text reads as a
 * figure of the row (a range like 7-8) — the fix writes that text back.
 */
function dateSlip(d: { day: number; month: number; year: boolean }, cell: GridCell, ctx: FigureContext): Issue {
  const loc = { sheet: ctx.sheet, cell: ctx.cell, target: ctx.target };
  const order = dayMonthOrder(ctx.culture);
  if (order) {
    const typed = order === "day-first" ? `${d.day}-${d.month}` : `${d.month}-${d.day}`;
    const read = !d.year && !cell.formula ? parseTarget(typed, { unit: ctx.unit || null, name: ctx.name }) : null;
    if (read?.ok) {
      if (nearRefs(read.value, ctx.refs)) {
        return issue("value.date", loc, { day: d.day, month: d.month, typed, alternative: null, restore: typed }, { cell: ctx.cell, value: typed });
      }
      // "6/7" in a row planned at 01: put back as the range 6-7 it would be judged vượt. A figure that
      // far from the plan is not the one typed: the officer types it again.
      return issue("value.date", loc, { day: d.day, month: d.month, typed, alternative: null, retype: true });
    }
    return issue("value.date", loc, { day: d.day, month: d.month, typed, alternative: null });
  }
  const typed = `${d.day}-${d.month}`;
  const alternative = d.day === d.month ? null : `${d.month}-${d.day}`;
  return issue("value.date", loc, { day: d.day, month: d.month, typed, alternative });
}

/** A restored date's figure is believable within this factor of a yardstick (6-7 for a plan of 6; not for 01 or 623). */
const RESTORE_NEAR = 3;

/**
 * Whether every bound of a figure put back from a date lies within `RESTORE_NEAR` of one of the row's
 * yardsticks (the plan's bounds, last year's figure). Without a yardstick nothing is believable: no restore.
 */
function nearRefs(spec: TargetSpec, refs: readonly number[]): boolean {
  const yard = refs.filter((r) => r > 0 && Number.isFinite(r));
  const bounds = [spec.min, spec.max].filter((b): b is number => b !== null && Number.isFinite(b));
  if (!yard.length || !bounds.length) return false;
  return bounds.every((b) => yard.some((r) => near(Math.abs(b), r, RESTORE_NEAR)));
}

/** The first slip among a figure's issues, if any. */
export function slipOf(issues: readonly Issue[]): Issue | null {
  return issues.find((i) => SLIP_CODES.has(i.code)) ?? null;
}

/** Off by this factor or more from every yardstick: a slip of scale, not a bad year. */
const SCALE_OFF = 300;

export function isPercentUnit(unit: string): boolean {
  return unit.trim() === "%";
}

/** Shares (Tỷ lệ … %) lie between 0 and 100; growth rates (Tốc độ tăng …) may not. */
export function isShare(name: string, unit: string): boolean {
  return isPercentUnit(unit) && foldKey(name).startsWith("ty le");
}

/** Figures in a unit of things counted or measured (người, tấn, tỷ đồng): never below zero. */
export function isQuantity(unit: string): boolean {
  return unit.trim() !== "" && !isPercentUnit(unit) && !/tiêu chí/i.test(unit);
}

const clean = (v: number): number => Number(v.toPrecision(12));

function near(v: number, ref: number, factor: number): boolean {
  return v > 0 && ref > 0 && v <= ref * factor && v >= ref / factor;
}

/** Checks of scale and range on a number already read; returns the issues and whether it is suspect. */
export function checkNumber(value: number, ctx: FigureContext, issues: Issue[], fixable = true, written?: string): boolean {
  const loc = { sheet: ctx.sheet, cell: ctx.cell, target: ctx.target };
  const percent = isPercentUnit(ctx.unit);
  const refs = ctx.refs.filter((r) => r > 0 && Number.isFinite(r));
  const v = Math.abs(value);
  if (refs.length && v > 0) {
    const far = refs.every((r) => v / r >= SCALE_OFF || r / v >= SCALE_OFF);
    if (percent && v < 1 && refs.every((r) => r >= 1)) {
      const x = clean(value * 100);
      if (refs.some((r) => near(Math.abs(x), r, 2)) && refs.every((r) => v < r / 10)) {
        issues.push(issue("value.percent-fraction", loc, { value, fixed: x }, fixable ? { cell: ctx.cell, value: x } : undefined));
        return true;
      }
    }
    if (!percent && !Number.isInteger(value) && Number.isInteger(clean(value * 1000))) {
      const x = clean(value * 1000);
      if (refs.some((r) => near(Math.abs(x), r, 3)) && refs.every((r) => v < r / 100)) {
        const params = written != null ? { value, fixed: x, written } : ctx.culture ? { value, fixed: x, excelDecimal: ctx.culture.decimal } : { value, fixed: x };
        issues.push(issue("value.decimal-confusion", loc, params, fixable ? { cell: ctx.cell, value: x } : undefined));
        return true;
      }
    }
    if (far) {
      issues.push(issue("value.magnitude", loc, { value, reference: refs[0], ratio: roundTo(v / refs[0], 4) }));
      return true;
    }
  }
  if (value < 0 && (isQuantity(ctx.unit) || isShare(ctx.name, ctx.unit))) {
    issues.push(issue("value.out-of-range", loc, { value, why: "negative" }));
    return true;
  }
  if (value > 100 && isShare(ctx.name, ctx.unit)) {
    issues.push(issue("value.out-of-range", loc, { value, why: "over-100" }));
    return true;
  }
  return false;
}

/**
 * Picks the reading of an ambiguous text (`1.600`: 1600 or 1,6) that the yardsticks support; null
 * when they do not decide (none given, or both readings equally far).
 */
function resolve(values: number[], refs: number[]): number | null {
  if (!refs.length) return null;
  const dist = (v: number) => Math.min(...refs.map((r) => Math.abs(Math.log10(Math.abs(v) || 1e-12) - Math.log10(r))));
  const scored = values.map((v) => ({ v, d: dist(v) })).sort((a, b) => a.d - b.d);
  return scored[0].d <= 1 && scored[1].d - scored[0].d >= 1 ? scored[0].v : null;
}

/** Reads a figure cell and lists what is wrong with it. Excel error values are reported elsewhere. */
export function readFigure(cell: GridCell | null | undefined, ctx: FigureContext): { figure: Figure; issues: Issue[] } {
  const issues: Issue[] = [];
  const loc = { sheet: ctx.sheet, cell: ctx.cell, target: ctx.target };
  if (!cell || cell.error) return { figure: cell?.error ? { kind: "bad" } : { kind: "empty" }, issues };
  const raw = cell.value;
  if (raw === null) return { figure: { kind: "empty" }, issues };
  const date = dateIn(cell);
  if (date) {
    issues.push(dateSlip(date, cell, ctx));
    return { figure: { kind: "bad" }, issues };
  }
  if (typeof raw === "number") {
    // A cell formatted as percent holds the fraction: 35,58% is stored as 0,3558 and is right.
    const value = isPercentFormat(cell.numFmt) ? clean(raw * 100) : raw;
    const suspect = checkNumber(value, ctx, issues, !cell.formula);
    return { figure: { kind: "number", value, suspect, decimals: decimalsOf(value) }, issues };
  }
  if (typeof raw === "boolean") {
    issues.push(issue("value.unreadable", loc, { written: String(raw) }));
    return { figure: { kind: "bad" }, issues };
  }
  const text = raw.normalize("NFC").trim();
  // "chưa có số liệu", "-": no figure yet, as the judgement reads it (./evaluate/actual.ts), not an unreadable one.
  if (text === "" || saysNoFigure(text)) return { figure: { kind: "empty" }, issues };
  const n = parseNumber(text);
  if (n.ok) {
    let value = n.value;
    let decimals = n.decimals;
    // An Excel whose decimal mark is "," reads `1.600` as 1600, as Vietnamese writing does: no ambiguity.
    if (n.ambiguous && !decimalComma(ctx.culture)) {
      const picked = resolve([n.value, ...n.ambiguous.alternatives], ctx.refs);
      if (picked === null) {
        issues.push(issue("value.ambiguous", loc, { written: text, value: n.value, alternative: n.ambiguous.alternatives[0] }));
        return { figure: { kind: "number", value, suspect: true, decimals }, issues };
      }
      // The other reading of one separator before three digits: "1.600" read the en-US way is 1,600 (3 decimals), "1,600" is 1.600 (none).
      if (picked !== value) decimals = n.decimals === 0 ? 3 : 0;
      value = picked;
    }
    // A scale slip says more than "stored as text", and its fix is the one to offer. The text is as
    // typed: Excel's decimal mark (the culture) played no part in it, so the slip is said of the text.
    const suspect = checkNumber(value, { ...ctx, culture: null }, issues, true, text);
    if (!suspect && !ctx.textOnly) issues.push(issue("value.text-number", loc, { written: text, value }, { cell: ctx.cell, value }));
    return { figure: { kind: "number", value, suspect, decimals }, issues };
  }
  const t = parseTarget(text, { unit: ctx.unit || null, name: ctx.name });
  if (t.ok) return { figure: { kind: "worded", spec: t.value }, issues };
  issues.push(issue("value.unreadable", loc, { written: text }));
  return { figure: { kind: "bad" }, issues };
}
