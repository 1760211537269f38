/**
 * A sheet as plain data: what the readers of other people's tables and the validation rules work on.
 * The hosts (ExcelJS for files, Office.js in the pane, the CSV reader) turn what they hold into this,
 * so the rules never see a host object. Rows and columns are 0-based here; A1 text is made only for
 * locations that reach the user.
 */

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
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | null {
  return grid.cells[row]?.[col] ?? null;
}

export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.cells) if (r && r.length > n) n = r.length;
  return n;
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
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellAt(grid, m.top, m.left);
  }
  return cellAt(grid, row, col);
}

/** The merge that covers a cell, if any. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | null {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return null;
}
