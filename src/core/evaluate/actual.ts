/**
 * An actual as staff enter it: a number ("10,03", 10.03), a bound (">80"), a range, a count of
 * criteria ("giảm 01 tiêu chí"), a change ("giảm 1,2%"), or nothing. Plain numbers take the fast
 * path; anything else is read with the target parser, so both sides of a comparison speak alike.
 */
import { parseNumber } from "../numbers";
import { type TargetSpec, parseTarget } from "../target";
import { foldKey } from "../text";

export type BoundOp = "at-least" | "more-than" | "at-most" | "less-than";

export type ActualReading =
  | { kind: "missing" }
  | { kind: "invalid"; text: string }
  | { kind: "value"; value: number; decimals: number; text: string; alternatives: number[] }
  | { kind: "bound"; op: BoundOp; value: number; decimals: number; text: string }
  | { kind: "range"; min: number; max: number; decimals: number; text: string }
  | { kind: "criteria"; count: number; text: string }
  | { kind: "change"; change: "increase" | "decrease"; spec: TargetSpec; text: string };

/** Cells that say "no figure yet" rather than hold a wrong one. */
const MISSING = new Set(["", "-", "x", "chua co", "chua co so lieu", "khong co so lieu", "n a", "na"]);
const DASHES_ONLY = /^[\s\-–—.…]*$/;

/** A cell's text that says "no figure yet" ("chưa có số liệu", "-", "x", "n/a"): every reader of a figure asks here. */
export function saysNoFigure(text: string): boolean {
  return DASHES_ONLY.test(text) || MISSING.has(foldKey(text));
}

/** Decimals of a number as stored (its shortest form). */
export function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes("e")) return Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 15));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function readActual(actual: string | number | null | undefined): ActualReading {
  if (actual == null) return { kind: "missing" };
  if (typeof actual === "number") {
    if (!Number.isFinite(actual)) return { kind: "invalid", text: String(actual) };
    return { kind: "value", value: actual, decimals: decimalsOf(actual), text: String(actual), alternatives: [] };
  }
  if (typeof actual !== "string") return { kind: "invalid", text: String(actual) };
  const text = actual.normalize("NFC").trim();
  if (saysNoFigure(text)) return { kind: "missing" };
  const n = parseNumber(text);
  if (n.ok) return { kind: "value", value: n.value, decimals: n.decimals, text, alternatives: n.ambiguous?.alternatives ?? [] };
  const t = parseTarget(text);
  if (!t.ok) return { kind: "invalid", text };
  const spec = t.value;
  if (spec.kind === "reduce-criteria") return { kind: "criteria", count: spec.min ?? 0, text };
  if (spec.change) return { kind: "change", change: spec.change, spec, text };
  if (spec.kind === "point") return { kind: "value", value: spec.min ?? 0, decimals: spec.decimals, text, alternatives: [] };
  if (spec.kind === "range") return { kind: "range", min: spec.min ?? 0, max: spec.max ?? 0, decimals: spec.decimals, text };
  const value = spec.kind === "at-least" || spec.kind === "more-than" ? spec.min : spec.max;
  return { kind: "bound", op: spec.kind, value: value ?? 0, decimals: spec.decimals, text };
}
