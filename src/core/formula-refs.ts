/**
 * A user's formula that a reload moves to another cell keeps what it meant relative to its own cell,
 * as Excel does when it copies or sorts a formula: relative references (`E7`) move with the cell,
 * absolute ones (`$E$7`) stay. The pure layer carries formulas in R1C1 form (`R[0]C[-2]`), which is
 * the same wherever the cell lands; `fromR1C1` writes them back in A1 form at their new place.
 * Text inside string literals is left alone; a reference pushed off the sheet becomes `#REF!`.
 */
import { A1_REF_SOURCE, MAX_COLS, MAX_ROWS, columnIndex, columnLetter } from "./address";

/** A cell reference standing alone: not part of a name, a function call or a sheet-qualified reference. */
const A1_REF = new RegExp(`(?<![A-Za-z0-9_.$])${A1_REF_SOURCE}(?![A-Za-z0-9_(!])`, "g");
const R1C1_REF = /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(!])/g;

/** Applies `f` to the parts of a formula outside string literals ("…", with "" as a quote). */
function outsideStrings(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** A1 → R1C1 for a formula standing in (`row`, `col`), 0-based. */
export function toR1C1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, (part) =>
    part.replace(A1_REF, (whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = (columnIndex(letters) ?? 0) + 1;
      const r = Number(digits);
      if (c > MAX_COLS || r > MAX_ROWS) return whole;
      const rr = rowAbs ? `R${r}` : `R[${r - 1 - row}]`;
      const cc = colAbs ? `C${c}` : `C[${c - 1 - col}]`;
      return rr + cc;
    }),
  );
}

/** R1C1 → A1 for a formula placed at (`row`, `col`), 0-based. */
export function fromR1C1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, (part) =>
    part.replace(R1C1_REF, (_whole, rPart: string | undefined, cPart: string | undefined) => {
      const rel = (p: string | undefined, at: number): { n: number; abs: boolean } =>
        p == null ? { n: at + 1, abs: false } : p.startsWith("[") ? { n: at + 1 + Number(p.slice(1, -1)), abs: false } : { n: Number(p), abs: true };
      const r = rel(rPart, row);
      const c = rel(cPart, col);
      if (r.n < 1 || r.n > MAX_ROWS || c.n < 1 || c.n > MAX_COLS) return "#REF!";
      return `${c.abs ? "$" : ""}${columnLetter(c.n - 1)}${r.abs ? "$" : ""}${r.n}`;
    }),
  );
}
