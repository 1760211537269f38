/**
 * A sheet as plain data: what the readers of other people's tables and the validation rules work on.
 * The hosts (ExcelJS for files, Office.js in the pane, the CSV reader) turn what they hold into this,
 * so the rules never see a host object. Rows and columns are 0-based here; A1 text is made only for
 * locations that reach the user.
 */

import type { TypingCulture } from "../culture";

/** What a cell holds after its formula, if any, was computed. */
export interface GridCell {
  /** Text is kept as read (not normalised: the rules must see decomposed letters to report them). */
  value: string | number | boolean | null;
  /** The formula without "=", where the cell has one; `value` is then its cached result. */
  formula?: string;
  /** An Excel error value ("#REF!", "#DIV/0!"); `value` is null then. */
  error?: string;
  /** en-US number format code ("0.00%", "#,##0"); absent for General. */
  numFmt?: string;
}

/** A block of cells, 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name as the user sees it. */
  sheet: string;
  /** cells[row][col]; rows may be ragged or missing (sparse), a missing cell is empty. */
  cells: (GridCell | null | undefined)[][];
  merges: CellRange[];
  /** Every value came in as text (a CSV file): numbers written as text are the format, not a slip. */
  textOnly?: boolean;
  /** Sheet hidden from the user (the add-in keeps no data there; its cells are still checked for errors). */
  hidden?: boolean;
  /** The culture the cells were typed in, where known (core/culture.ts): how a slip is read. */
  culture?: TypingCulture | null;
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | null {
  return grid.cells[row]?.[col] ?? null;
}

export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

// A grid is not changed once built (findHeader caches its reading the same way): what is
// computed over all its rows or merges is computed once, so a per-row question stays O(1).
const widths = new WeakMap<Grid, number>();

/** The widest row's length; computed once per grid (it is asked on every body row). */
export function colCount(grid: Grid): number {
  const known = widths.get(grid);
  if (known !== undefined) return known;
  let n = 0;
  for (const r of grid.cells) if (r && r.length > n) n = r.length;
  widths.set(grid, n);
  return n;
}

/** The merges by each row they cover: a cell's merge is found among its row's few, not all of them. */
const mergeRows = new WeakMap<Grid, Map<number, CellRange[]>>();

function mergesOfRow(grid: Grid, row: number): readonly CellRange[] {
  if (grid.merges.length === 0) return [];
  let index = mergeRows.get(grid);
  if (!index) {
    index = new Map();
    // Bounded by the cells: a merge is listed on the rows it covers that the grid has.
    const last = grid.cells.length - 1;
    for (const m of grid.merges) {
      for (let r = Math.max(0, m.top); r <= Math.min(m.bottom, last); r++) {
        const list = index.get(r);
        if (list) list.push(m);
        else index.set(r, [m]);
      }
    }
    mergeRows.set(grid, index);
  }
  return index.get(row) ?? [];
}

/** Whether a cell holds nothing a person typed (empty text counts as empty). */
export function isBlank(cell: GridCell | null | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  const v = cell.value;
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A cell's content as text, for headers and names: numbers in plain JS form, errors as written. */
export function cellText(cell: GridCell | null | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

/**
 * The cell a merged area shows at (row, col): Excel keeps the value in the top-left cell only, and a
 * header merged over two columns must label both.
 */
export function shownCell(grid: Grid, row: number, col: number): GridCell | null {
  for (const m of mergesOfRow(grid, row)) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellAt(grid, m.top, m.left);
  }
  return cellAt(grid, row, col);
}

/** The merge that covers a cell, if any. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | null {
  for (const m of mergesOfRow(grid, row)) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return null;
}
