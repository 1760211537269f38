/**
 * One worksheet in memory: sparse cells, row and column layers (size, hidden, format, validation),
 * merges, conditional formats, charts, panes, page layout and protection. Inserting, deleting and
 * sorting move every attribute with the cells. No proxies, no events here.
 */
import { MAX_COLS, MAX_ROWS, type Rect, contains, intersect, isEntireColumn, isEntireRow } from "./address";
import { type Cell, type Content, FORMAT_DEFAULTS, type FormatKey, type FormatValue, type ValidationSpec } from "./cells";
import { fail } from "./errors";

export interface LineAttr {
  hidden?: boolean;
  size?: number;
  fmt?: Partial<Record<FormatKey, FormatValue>>;
  validation?: ValidationSpec;
}

export interface CondFormatModel {
  id: string;
  rect: Rect;
  type: string;
  rule: Record<string, unknown>;
  format: { fontColor?: string; fillColor?: string; bold?: boolean; italic?: boolean; numberFormat?: string };
  priority: number;
  stopIfTrue: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sourceSheetId: string;
  source: Rect;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  position: { start: string; end: string | null } | null;
  seriesFill: Record<number, string>;
  pointFill: Record<string, string>;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  zoom: Excel.PageLayoutZoomOptions;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printArea: Rect | null;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** A range this large is formatted through row/column layers only; per-cell work above it is refused. */
const PER_CELL_LIMIT = 2_000_000;

export class SheetModel {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions } = { protected: false, options: {} };
  cells = new Map<number, Map<number, Cell>>();
  rowAttr = new Map<number, LineAttr>();
  colAttr = new Map<number, LineAttr>();
  merges: Rect[] = [];
  condFormats: CondFormatModel[] = [];
  charts: ChartModel[] = [];
  frozen = { rows: 0, cols: 0 };
  pageLayout: PageLayoutModel = {
    orientation: "Portrait", paperSize: "Letter", leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54,
    headerMargin: 21.6, footerMargin: 21.6, centerHorizontally: false, centerVertically: false, printGridlines: false,
    zoom: { scale: 100 }, printTitleRows: null, printTitleColumns: null, printArea: null,
  };

  constructor(readonly id: string, public name: string) {}

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): Cell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = {}));
    return c;
  }

  /** Materialised cells inside a rectangle, in row-major order. */
  *cellsIn(rect: Rect): Generator<[number, number, Cell]> {
    const rows = [...this.cells.keys()].filter((r) => r >= rect.row && r < rect.row + rect.rows).sort((a, b) => a - b);
    for (const r of rows) {
      const line = this.cells.get(r) as Map<number, Cell>;
      const cols = [...line.keys()].filter((c) => c >= rect.col && c < rect.col + rect.cols).sort((a, b) => a - b);
      for (const c of cols) yield [r, c, line.get(c) as Cell];
    }
  }

  setContent(row: number, col: number, content: Content | undefined): void {
    if (content) this.ensure(row, col).content = content;
    else {
      const c = this.cell(row, col);
      if (c) delete c.content;
    }
  }

  format(row: number, col: number, key: FormatKey): FormatValue {
    const own = this.cell(row, col)?.fmt;
    if (own && key in own) return own[key] as FormatValue;
    const r = this.rowAttr.get(row)?.fmt;
    if (r && key in r) return r[key] as FormatValue;
    const c = this.colAttr.get(col)?.fmt;
    if (c && key in c) return c[key] as FormatValue;
    return FORMAT_DEFAULTS[key];
  }

  validation(row: number, col: number): ValidationSpec | undefined {
    return this.cell(row, col)?.validation ?? this.rowAttr.get(row)?.validation ?? this.colAttr.get(col)?.validation;
  }

  /** The distinct values of a cell attribute over a rectangle (exact for small ranges, by layers for whole rows/columns). */
  distinct<T>(rect: Rect, read: (row: number, col: number) => T): T[] {
    const seen = new Set<T>();
    if (rect.rows * rect.cols <= 200_000) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) seen.add(read(r, c));
      return [...seen];
    }
    for (const [r, c] of this.cellsIn(rect)) seen.add(read(r, c));
    // A row beyond every materialised row and layer stands for all the untouched cells of each column.
    const blankRow = this.blankRow(rect);
    const cols = isEntireRow(rect) ? [...new Set([...this.colAttr.keys(), MAX_COLS - 1])] : range(rect.col, rect.cols);
    if (blankRow !== null) for (const c of cols) if (contains(rect, blankRow, c)) seen.add(read(blankRow, c));
    for (const r of this.rowAttr.keys()) if (r >= rect.row && r < rect.row + rect.rows) for (const c of cols.slice(0, 64)) if (contains(rect, r, c)) seen.add(read(r, c));
    return [...seen];
  }

  private blankRow(rect: Rect): number | null {
    for (let r = rect.row + rect.rows - 1; r >= rect.row; r--) if (!this.cells.has(r) && !this.rowAttr.has(r)) return r;
    return null;
  }

  /** The one value over the rectangle, or null when cells differ (as Excel reports mixed formats). */
  uniform<T>(rect: Rect, read: (row: number, col: number) => T): T | null {
    const d = this.distinct(rect, read);
    return d.length === 1 ? d[0] : null;
  }

  setFormat(rect: Rect, key: FormatKey, value: FormatValue): void {
    this.paint(rect, (cell) => ((cell.fmt ??= {})[key] = value), (attr) => ((attr.fmt ??= {})[key] = value));
  }

  clearFormats(rect: Rect): void {
    this.paint(rect, (cell) => delete cell.fmt, (attr) => delete attr.fmt);
  }

  setValidation(rect: Rect, spec: ValidationSpec | undefined): void {
    const set = (o: { validation?: ValidationSpec }) => (spec ? (o.validation = spec) : delete o.validation);
    this.paint(rect, set, set);
  }

  /** Applies a change per cell, or through the row/column layer for whole rows or columns. */
  private paint(rect: Rect, onCell: (c: Cell) => void, onLine: (a: LineAttr) => void): void {
    if (isEntireColumn(rect)) {
      for (const c of range(rect.col, rect.cols)) onLine(lineOf(this.colAttr, c));
      for (const [, , cell] of this.cellsIn(rect)) onCell(cell);
      return;
    }
    if (isEntireRow(rect)) {
      for (const r of range(rect.row, rect.rows)) onLine(lineOf(this.rowAttr, r));
      for (const [, , cell] of this.cellsIn(rect)) onCell(cell);
      return;
    }
    if (rect.rows * rect.cols > PER_CELL_LIMIT) throw fail.invalidOperation("strict-excel: range too large to format cell by cell");
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) onCell(this.ensure(r, c));
  }

  hidden(axis: "row" | "col", i: number): boolean {
    return (axis === "row" ? this.rowAttr : this.colAttr).get(i)?.hidden === true;
  }

  size(axis: "row" | "col", i: number): number {
    return (axis === "row" ? this.rowAttr : this.colAttr).get(i)?.size ?? (axis === "row" ? DEFAULT_ROW_HEIGHT : DEFAULT_COLUMN_WIDTH);
  }

  setLine(axis: "row" | "col", first: number, count: number, patch: { hidden?: boolean; size?: number }): void {
    const map = axis === "row" ? this.rowAttr : this.colAttr;
    for (const i of range(first, count)) Object.assign(lineOf(map, i), patch);
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    for (const [r, line] of this.cells) {
      for (const [c, cell] of line) {
        const used = cell.content !== undefined || (!valuesOnly && (cell.fmt !== undefined && Object.keys(cell.fmt).length > 0 || cell.validation !== undefined));
        if (!used) continue;
        r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /**
   * Inserts (count > 0) or deletes (count < 0) rows or columns at `at`. Inserted lines take the format
   * and validation of the line before them, as Excel's "Format Same As Above" does.
   */
  shift(axis: "row" | "col", at: number, count: number): void {
    const lines = axis === "row" ? this.rowAttr : this.colAttr;
    const move = (i: number): number | null => (count > 0 ? (i >= at ? i + count : i) : i >= at - count ? i + count : i >= at ? null : i);
    if (axis === "row") this.cells = remap(this.cells, move);
    else for (const [r, line] of this.cells) this.cells.set(r, remap(line, move));
    const moved = remap(lines, move);
    lines.clear();
    for (const [k, v] of moved) lines.set(k, v);
    if (count > 0 && at > 0) this.inheritFrom(axis, at - 1, at, count);
    const edit = (r: Rect | null): Rect | null => (r ? shiftRect(r, axis, at, count) : null);
    this.merges = this.merges.map((m) => edit(m)).filter((m): m is Rect => m !== null);
    this.condFormats = this.condFormats.flatMap((cf) => {
      const rect = edit(cf.rect);
      return rect ? [{ ...cf, rect }] : [];
    });
    const pl = this.pageLayout;
    pl.printTitleRows = edit(pl.printTitleRows);
    pl.printTitleColumns = edit(pl.printTitleColumns);
    pl.printArea = edit(pl.printArea);
  }

  private inheritFrom(axis: "row" | "col", from: number, at: number, count: number): void {
    const lines = axis === "row" ? this.rowAttr : this.colAttr;
    const src = lines.get(from);
    if (src?.fmt || src?.validation) for (const i of range(at, count)) lines.set(i, { fmt: { ...src.fmt }, ...(src.validation ? { validation: src.validation } : {}) });
    const sources: [number, Cell][] = axis === "row"
      ? [...(this.cells.get(from) ?? new Map<number, Cell>())]
      : [...this.cells].flatMap(([r, line]) => (line.has(from) ? [[r, line.get(from) as Cell] as [number, Cell]] : []));
    for (const [other, cell] of sources) {
      if (!cell.fmt && !cell.validation) continue;
      for (const i of range(at, count)) {
        const target = axis === "row" ? this.ensure(i, other) : this.ensure(other, i);
        if (cell.fmt) target.fmt = { ...cell.fmt };
        if (cell.validation) target.validation = cell.validation;
      }
    }
  }

  /** Reorders the rows of `rect` by `order` (new position i takes old row order[i]); only cells inside the columns move. */
  permuteRows(rect: Rect, order: number[]): void {
    const taken = order.map((old) => {
      const line = this.cells.get(rect.row + old);
      const part = new Map<number, Cell>();
      if (line) for (const c of [...line.keys()]) if (c >= rect.col && c < rect.col + rect.cols) {
        part.set(c, line.get(c) as Cell);
        line.delete(c);
      }
      return part;
    });
    taken.forEach((part, i) => {
      for (const [c, cell] of part) {
        let line = this.cells.get(rect.row + i);
        if (!line) this.cells.set(rect.row + i, (line = new Map()));
        line.set(c, cell);
      }
    });
  }

  mergedAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => contains(m, row, col));
  }

  merge(rect: Rect, across: boolean): void {
    const parts = across ? range(rect.row, rect.rows).map((r) => ({ ...rect, row: r, rows: 1 })) : [rect];
    this.merges = this.merges.filter((m) => !intersect(m, rect));
    for (const p of parts) {
      if (p.rows * p.cols < 2) continue;
      this.merges.push(p);
      // Excel keeps the top-left value only.
      for (const [r, c] of this.cellsIn(p)) if (r !== p.row || c !== p.col) this.setContent(r, c, undefined);
    }
  }

  unmerge(rect: Rect): void {
    this.merges = this.merges.filter((m) => !intersect(m, rect));
  }
}

function lineOf(map: Map<number, LineAttr>, i: number): LineAttr {
  let a = map.get(i);
  if (!a) map.set(i, (a = {}));
  return a;
}

export function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

function remap<T>(map: Map<number, T>, move: (i: number) => number | null): Map<number, T> {
  const out = new Map<number, T>();
  for (const [k, v] of map) {
    const n = move(k);
    if (n !== null && n >= 0 && n < Math.max(MAX_ROWS, MAX_COLS)) out.set(n, v);
  }
  return out;
}

/** Moves or resizes a rectangle for inserted/deleted lines; null when all of it was deleted. */
export function shiftRect(r: Rect, axis: "row" | "col", at: number, count: number): Rect | null {
  const [start, len] = axis === "row" ? [r.row, r.rows] : [r.col, r.cols];
  const whole = axis === "row" ? isEntireColumn(r) : isEntireRow(r);
  if (whole) return r;
  let s = start;
  let n = len;
  if (count > 0) {
    if (start >= at) s += count;
    else if (start + len > at) n += count;
  } else {
    const del = -count;
    const end = start + len;
    const keptBefore = Math.max(0, Math.min(end, at) - start);
    const keptAfter = Math.max(0, end - Math.max(start, at + del));
    n = keptBefore + keptAfter;
    if (n === 0) return null;
    s = start < at ? start : Math.max(at, start - del);
  }
  return axis === "row" ? { ...r, row: s, rows: n } : { ...r, col: s, cols: n };
}

/** Moves the cells of a block's columns (axis "row") or rows (axis "col") to open or close a gap, as a partial insert/delete does. */
export function shiftBlock(sheet: SheetModel, rect: Rect, axis: "row" | "col", count: number): void {
  const inBand = (r: number, c: number) => (axis === "row" ? c >= rect.col && c < rect.col + rect.cols : r >= rect.row && r < rect.row + rect.rows);
  const at = axis === "row" ? rect.row : rect.col;
  const moved: [number, number, Cell][] = [];
  for (const [r, line] of sheet.cells) for (const [c, cell] of line) {
    if (!inBand(r, c)) continue;
    const i = axis === "row" ? r : c;
    if (i < at) continue;
    line.delete(c);
    const n = count > 0 ? i + count : i >= at - count ? i + count : null;
    if (n !== null) moved.push(axis === "row" ? [n, c, cell] : [r, n, cell]);
  }
  for (const [r, c, cell] of moved) {
    if (r >= MAX_ROWS || c >= MAX_COLS) continue;
    let line = sheet.cells.get(r);
    if (!line) sheet.cells.set(r, (line = new Map()));
    line.set(c, cell);
  }
}
