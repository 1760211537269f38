/**
 * Rules on single cells anywhere in the workbook, table or not: Excel error values (a `#REF!` in a
 * total breaks every figure built on it) and text in decomposed Unicode (letters and their marks
 * stored apart: it looks right but does not match, sort or search as the same word).
 */
import { a1 } from "../address";
import { type Grid } from "../read-table/grid";
import { nfc } from "../text";
import { type Issue, issue } from "./issue";

export function cellRules(grid: Grid): Issue[] {
  const out: Issue[] = [];
  // The location is made only for a cell that has something to say (most cells of a big sheet have not).
  const at = (r: number, c: number) => ({ sheet: grid.sheet, cell: a1(r, c), target: null });
  grid.cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      if (cell.error) {
        out.push(issue("cell.error-value", at(r, c), { error: cell.error, formula: cell.formula ?? null }));
        return;
      }
      const v = cell.value;
      if (typeof v === "string" && !cell.formula) {
        const composed = nfc(v);
        if (composed === v) return;
        const loc = at(r, c);
        out.push(issue("text.decomposed", loc, { text: composed }, { cell: loc.cell, value: composed }));
      }
    });
  });
  return out;
}
