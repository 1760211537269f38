/**
 * Rules on single cells anywhere in the workbook, table or not: Excel error values (a `#REF!` in a
 * total breaks every figure built on it) and text in decomposed Unicode (letters and their marks
 * stored apart: it looks right but does not match, sort or search as the same word).
 */
import { a1 } from "../address";
import { type Grid } from "../read-table/grid";
import { type Issue, issue } from "./issue";

export function cellRules(grid: Grid): Issue[] {
  const out: Issue[] = [];
  grid.cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const loc = { sheet: grid.sheet, cell: a1(r, c), target: null };
      if (cell.error) {
        out.push(issue("cell.error-value", loc, { error: cell.error, formula: cell.formula ?? null }));
        return;
      }
      const v = cell.value;
      if (typeof v === "string" && !cell.formula) {
        const nfc = v.normalize("NFC");
        if (nfc !== v) out.push(issue("text.decomposed", loc, { text: nfc }, { cell: loc.cell, value: nfc }));
      }
    });
  });
  return out;
}
