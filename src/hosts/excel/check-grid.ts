/**
 * What Office.js reads from a used range (values, formulas, number formats, value types) turned into
 * the validation core's grid. Pure: no `Excel` here, so the conversion is tested alone.
 * Error values come back from Office.js as text ("#REF!") with value type "Error": they become the
 * grid's `error`, never a string a rule would try to read as a figure.
 */
import type { Grid, GridCell } from "../../core/read-table/grid";

/** One used range as loaded: arrays of the same shape, and where the range starts (0-based). */
export interface UsedRead {
  sheet: string;
  row: number;
  col: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

/** The formula text of a cell, without "=", or null for a constant (text typed as "'=x" included). */
function formulaOf(f: unknown, value: unknown): string | null {
  if (typeof f !== "string" || !f.startsWith("=") || f.length < 2) return null;
  // Excel returns a text constant's own text as its "formula": that is no formula.
  if (typeof value === "string" && value === f) return null;
  return f.slice(1);
}

export function gridCell(value: unknown, formula: unknown, numberFormat: unknown, valueType: unknown): GridCell | null {
  const fmt = typeof numberFormat === "string" && numberFormat !== "General" && numberFormat !== "" ? { numFmt: numberFormat } : {};
  const f = formulaOf(formula, value);
  const form = f === null ? {} : { formula: f };
  if (valueType === "Error") return { value: null, error: typeof value === "string" ? value : "#VALUE!", ...form, ...fmt };
  if (typeof value === "number") return Number.isFinite(value) ? { value, ...form, ...fmt } : null;
  if (typeof value === "boolean") return { value, ...form, ...fmt };
  if (typeof value === "string") {
    if (value === "" && f === null) return null;
    return { value, ...form, ...fmt };
  }
  return null;
}

/**
 * The sheet as a grid from A1: rows above and columns left of the used range are empty. Merged areas
 * are not listed (Office.js names them only from ExcelApi 1.13): Excel reads a merge's other cells as
 * empty, and the table reader finds a two-line header without them.
 */
export function gridOf(read: UsedRead): Grid {
  const cells: (GridCell | null)[][] = Array.from({ length: read.row }, () => []);
  read.values.forEach((line, i) => {
    const out: (GridCell | null)[] = new Array<GridCell | null>(read.col).fill(null);
    line.forEach((v, j) => {
      out.push(gridCell(v, read.formulas[i]?.[j], read.numberFormat[i]?.[j], read.valueTypes[i]?.[j]));
    });
    cells.push(out);
  });
  return { sheet: read.sheet, cells, merges: [] };
}
