/**
 * Numbers as Vietnamese staff write them: `.` groups thousands, `,` marks decimals (`1.284,679`).
 * English-typed numbers are read when only one reading is possible (`1,284.679`, `0.79`, `3.5`).
 * Where both readings are possible (`1.600`, `1,600`) the vi-VN reading is the value and the
 * other one is reported in `ambiguous`, so the caller can say so instead of guessing silently.
 * Spaces and NBSP may group thousands; a leading sign and a trailing `%` are allowed.
 * Anything else is an error that keeps the text: never a silent wrong number.
 */

import { nfc } from "./text";

export type NumberStyle = "vi" | "en" | "plain";

/** Why a text is not a number, for the message. */
export type NumberInvalidReason = "chars" | "grouping" | "precision";

export type NumberReading =
  | {
      ok: true;
      value: number;
      /** Digits after the decimal separator as written: `689,60` → 2. */
      decimals: number;
      percent: boolean;
      ambiguous: null | { alternatives: number[] };
      style: NumberStyle;
      written: string;
    }
  | { ok: false; code: "number.empty" | "number.invalid"; written: string; reason?: NumberInvalidReason };

export type NumberProblemCode = "number.empty" | "number.invalid" | "number.ambiguous";

/** Doubles hold 15 significant decimal digits exactly; more would be rounded without a word. */
const MAX_DIGITS = 15;
const ALLOWED = /^[0-9., ]+$/;
const WHITESPACE_RUN = /\s/g;
const SEPARATOR = /[., ]/g;

type Sep = "." | "," | " ";

function invalid(written: string, reason: NumberInvalidReason): NumberReading {
  return { ok: false, code: "number.invalid", written, reason };
}

/** First group 1–3 digits without a leading zero, every other group exactly 3. */
function validGrouping(groups: string[]): boolean {
  if (groups.length === 1) return true;
  const first = groups[0];
  if (first.length > 3 || first[0] === "0") return false;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3) return false;
  return true;
}

function toValue(intDigits: string, fracDigits: string, negative: boolean): number | null {
  const significant = (intDigits.replace(/^0+/, "") + fracDigits).length;
  if (significant > MAX_DIGITS) return null;
  const v = Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
  return negative && v !== 0 ? -v : v;
}

/** Reads one number; see the module comment for what is accepted. */
export function parseNumber(text: string): NumberReading {
  if (typeof text !== "string") return { ok: false, code: "number.invalid", written: String(text), reason: "chars" };
  const written = nfc(text).trim();
  if (written === "") return { ok: false, code: "number.empty", written };
  let t = written;
  let negative = false;
  const c0 = t[0];
  if (c0 === "+" || c0 === "-" || c0 === "\u2212") {
    negative = c0 !== "+";
    t = t.slice(1).trimStart();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trimEnd();
  }
  // Every kind of space (NBSP, narrow NBSP, figure space) is one grouping space.
  t = t.replace(WHITESPACE_RUN, " ");
  if (t === "" || !ALLOWED.test(t)) return invalid(written, "chars");
  if (!isDigit(t.charCodeAt(0)) || !isDigit(t.charCodeAt(t.length - 1))) return invalid(written, "chars");

  const groups = t.split(SEPARATOR);
  const seps = (t.match(SEPARATOR) ?? []) as Sep[];
  for (const g of groups) if (g === "") return invalid(written, "grouping");

  let dots = 0;
  let commas = 0;
  let spaces = 0;
  for (const s of seps) {
    if (s === ".") dots++;
    else if (s === ",") commas++;
    else spaces++;
  }

  const done = (
    intGroups: string[],
    frac: string,
    style: NumberStyle,
    alternatives: number[] | null = null,
  ): NumberReading => {
    const value = toValue(intGroups.join(""), frac, negative);
    if (value === null) return invalid(written, "precision");
    return { ok: true, value, decimals: frac.length, percent, ambiguous: alternatives ? { alternatives } : null, style, written };
  };

  if (seps.length === 0) return done(groups, "", "plain");

  // A decimal separator is the last separator, written once, and a `.` or `,`.
  const last = seps[seps.length - 1];
  const decimalCount = last === "." ? dots : last === "," ? commas : 0;

  if (dots > 0 && commas > 0) {
    if (decimalCount !== 1) return invalid(written, "grouping");
    const thousands = seps.slice(0, -1);
    if (thousands.some((s) => s !== thousands[0])) return invalid(written, "grouping");
    const intGroups = groups.slice(0, -1);
    if (!validGrouping(intGroups)) return invalid(written, "grouping");
    return done(intGroups, groups[groups.length - 1], last === "," ? "vi" : "en");
  }

  if (spaces > 0) {
    if (dots + commas === 0) {
      return validGrouping(groups) ? done(groups, "", "plain") : invalid(written, "grouping");
    }
    if (dots + commas !== 1 || last === " ") return invalid(written, "grouping");
    const intGroups = groups.slice(0, -1);
    if (!validGrouping(intGroups)) return invalid(written, "grouping");
    return done(intGroups, groups[groups.length - 1], last === "," ? "vi" : "en");
  }

  // Only dots, or only commas.
  const count = dots || commas;
  if (count >= 2) {
    if (!validGrouping(groups)) return invalid(written, "grouping");
    return done(groups, "", dots ? "vi" : "en");
  }
  const [left, right] = groups;
  const couldGroup = right.length === 3 && left.length <= 3 && left[0] !== "0";
  if (dots) {
    if (couldGroup) {
      const alt = toValue(left, right, negative);
      return done(groups, "", "vi", alt === null ? null : [alt]);
    }
    return done([left], right, "en");
  }
  if (couldGroup) {
    const alt = toValue(left + right, "", negative);
    return done([left], right, "vi", alt === null ? null : [alt]);
  }
  return done([left], right, "vi");
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The value of a text, or null when it is not a number (ambiguity resolved the vi-VN way). */
export function numberValue(text: string): number | null {
  const r = parseNumber(text);
  return r.ok ? r.value : null;
}

/**
 * vi-VN form: `1.284,679`; with `decimals` the fraction is rounded or padded (`11.402,00`).
 * Without it, the shortest form that reads back as the same number.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: ${value} is not a finite number`);
  let s: string;
  const abs = Math.abs(value);
  if (decimals !== undefined) {
    s = abs.toFixed(Math.max(0, Math.min(20, Math.floor(decimals))));
  } else {
    s = String(abs);
    if (s.includes("e")) s = abs.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  }
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot + 1);
  let grouped = "";
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) grouped += ".";
    grouped += intPart[i];
  }
  const body = frac ? `${grouped},${frac}` : grouped;
  const isZero = /^[0.]*$/.test(s);
  return value < 0 && !isZero ? `-${body}` : body;
}

/** A reading written back in vi-VN form at its written precision, `%` kept. */
export function formatReading(r: Extract<NumberReading, { ok: true }>): string {
  return formatNumber(r.value, r.decimals) + (r.percent ? "%" : "");
}

/** One step at a written precision: 0 decimals → 1, 2 decimals → 0,01. */
export function stepAt(decimals: number): number {
  return Math.pow(10, -decimals);
}

/** Rounds to a number of decimals, half away from zero, free of binary noise. */
export function roundTo(value: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const r = Math.round(Number((Math.abs(value) * f).toPrecision(15))) / f;
  return value < 0 && r !== 0 ? -r : r;
}
