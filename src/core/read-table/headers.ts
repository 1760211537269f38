/**
 * Finding the header of a table wherever it is: below a title block, on one line or on two or three
 * (an upper cell merged over "KH" and "Ước TH"), with merged cells labelling every column they span.
 * The add-in's own sheets carry a hidden key row naming each column; that wins when present.
 */
import { MARK, layoutOfMark } from "../row-id";
import { type HeaderReading, classifyHeader, classifyHeaderLines, roleOfKey } from "./columns";
import { type Grid, cellAt, cellText, colCount, rowCount, shownCell } from "./grid";

export interface FoundColumn extends HeaderReading {
  col: number;
  /** The header as written and shown (lines joined); in the add-in's own sheets, the visible header, never the key. */
  header: string;
}

export interface FoundHeader {
  /** First and last header row, 0-based; in the add-in's own sheets, the key row and the last visible header row. */
  top: number;
  bottom: number;
  columns: FoundColumn[];
  /** Columns with a header this reader does not know. */
  unknown: { col: number; header: string }[];
  /** Set when the sheet is one the add-in laid out: the key row and the layout named in it. */
  own: { keyRow: number; layout: "targets" | "tasks" } | null;
}

/** How far down a header is looked for, and how many lines it may take. */
const SEARCH_ROWS = 40;
const MAX_DEPTH = 3;
const MAX_COLS = 60;
/** Longer than any column header ("Nội dung nhiệm vụ, giải pháp chủ yếu" is 36). */
const HEADER_CELL_MAX = 80;

/** A row of column numbers under a header: "(1) (2) (3)", "A B 1 2 3". */
export function isNumberingRow(grid: Grid, row: number): boolean {
  const n = Math.min(colCount(grid), MAX_COLS);
  let seen = 0;
  for (let c = 0; c < n; c++) {
    const t = cellText(cellAt(grid, row, c));
    if (!t) continue;
    if (!/^\(?(\d{1,2}|[A-Za-z])\)?(=\(?\d+\)?[x*/+-]\(?\d+\)?)?$/.test(t)) return false;
    seen++;
  }
  return seen >= 3;
}

function findKeyRow(grid: Grid): FoundHeader | null {
  const rows = Math.min(rowCount(grid), 15);
  const n = Math.min(colCount(grid), MAX_COLS * 2);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < n; c++) {
      const layout = layoutOfMark(cellAt(grid, r, c)?.value);
      if (!layout) continue;
      // The key row is hidden: people see the header rows below it, marked in the identity column.
      const headerRows: number[] = [];
      for (let h = r + 1; h < Math.min(rowCount(grid), r + 1 + SEARCH_ROWS); h++) {
        if (cellText(cellAt(grid, h, c)) === MARK.header) headerRows.push(h);
        else if (headerRows.length) break;
      }
      const columns: FoundColumn[] = [];
      for (let k = 0; k < n; k++) {
        const key = cellText(cellAt(grid, r, k));
        const reading = k === c ? { role: "id" as const, year: null, period: null } : roleOfKey(key);
        if (reading) columns.push({ ...reading, col: k, header: shownHeader(grid, headerRows, k) || key });
      }
      return { top: r, bottom: headerRows.length ? headerRows[headerRows.length - 1] : r, columns, unknown: [], own: { keyRow: r, layout } };
    }
  }
  return null;
}

/** A column's header as shown over the given rows ("Ước thực hiện / Năm"), each line once. */
function shownHeader(grid: Grid, rows: readonly number[], col: number): string {
  const lines = rows.map((r) => cellText(shownCell(grid, r, col)).replace(/\s+/g, " ")).filter(Boolean);
  return lines.filter((l, i) => lines.indexOf(l) === i).join(" / ");
}

/**
 * The texts of the first rows as shown (merged cells labelling every cell they cover), each line
 * read when first asked and then kept for the rest of the search: a search stops a few rows below
 * the header it found, so the rows below are never read.
 */
type Line = { texts: string[]; numbers: boolean[]; columnNumbers: boolean[] };
type Lines = { end: number; line: (r: number) => Line };

function lineTexts(grid: Grid, to: number, ncols: number): Lines {
  const made: Line[] = [];
  return { end: to, line: (r) => (made[r] ??= lineOf(grid, r, ncols)) };
}

function lineOf(grid: Grid, r: number, ncols: number): Line {
  const texts: string[] = [];
  const numbers: boolean[] = [];
  const columnNumbers: boolean[] = [];
  for (let c = 0; c < ncols; c++) {
    const cell = shownCell(grid, r, c);
    const text = cellText(cell).replace(/\s+/g, " ");
    texts.push(text);
    numbers.push(typeof cell?.value === "number");
    columnNumbers.push(COLUMN_NUMBER.test(text));
  }
  return { texts, numbers, columnNumbers };
}

/** A column's number under its header ("(1)", "2"), worked out once per line, not once per reading of it. */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;

/**
 * The lines of a header candidate (`depth` lines from `top`), column by column: what each column's
 * lines read as (null: nothing known, or the add-in's identity column), or null for the whole when a
 * number stands below the first line (data or a column number, never part of a header). Only the
 * readings: the columns themselves are made for the header chosen (columnsOf), not for every candidate.
 */
type LinesRead = { top: number; depth: number; readings: (HeaderReading | null)[] };

/** A column's texts over the lines, column numbers below the first line left out; null when a number stands below it. */
function partsOf(rows: readonly Line[], c: number): string[] | null {
  const parts: string[] = [rows[0].texts[c]];
  for (let k = 1; k < rows.length; k++) {
    const line = rows[k];
    if (line.numbers[c]) return null;
    if (!line.columnNumbers[c]) parts.push(line.texts[c]);
  }
  return parts;
}

/** The add-in's identity column (its header lines read "#header"), found once the key row is gone: its own, hidden, never a column of the user's to call unknown. */
function isIdentityColumn(parts: readonly string[]): boolean {
  return parts.some((l) => l) && parts.every((l) => !l || l === MARK.header);
}

function linesOf(lines: Lines, top: number, depth: number): Line[] {
  const rows: Line[] = [];
  for (let r = top; r < top + depth; r++) rows.push(lines.line(r));
  return rows;
}

function readLines(lines: Lines, top: number, depth: number, ncols: number): LinesRead | null {
  const rows = linesOf(lines, top, depth);
  const readings: (HeaderReading | null)[] = [];
  for (let c = 0; c < ncols; c++) {
    if (depth === 1) {
      // One line: its text is the column's reading (the common case, asked on every row of a search).
      const t = rows[0].texts[c];
      readings.push(t === MARK.header ? null : classifyHeader(t.trim()));
      continue;
    }
    const parts = partsOf(rows, c);
    if (!parts) return null;
    readings.push(isIdentityColumn(parts) ? null : classifyHeaderLines(parts));
  }
  return { top, depth, readings };
}

/** The columns of the header chosen, and the texts of the columns it does not know. */
function columnsOf(lines: Lines, read: LinesRead): { columns: FoundColumn[]; unknown: { col: number; header: string }[] } {
  const rows = linesOf(lines, read.top, read.depth);
  const columns: FoundColumn[] = [];
  const unknown: { col: number; header: string }[] = [];
  read.readings.forEach((reading, c) => {
    const parts = partsOf(rows, c) ?? [];
    if (isIdentityColumn(parts)) return;
    const header = parts.filter((l, i) => l && parts.indexOf(l) === i).join(" / ");
    if (reading) columns.push({ ...reading, col: c, header });
    else if (header) unknown.push({ col: c, header });
  });
  return { columns, unknown };
}

function score(readings: readonly (HeaderReading | null)[]): number {
  const roles = new Set<string>();
  for (const r of readings) if (r) roles.add(r.role);
  if (!roles.has("name")) return 0;
  // One recognised role beside the name is a sentence, not a header.
  if (roles.size < 3) return 0;
  // Status columns told apart by the period above them ("6 tháng" / "Cả năm" over "Trạng thái", the
  // tasks sheet's) are read better with that line than without it.
  const statusPeriods = new Set<string | null>();
  for (const r of readings) if (r?.role === "status") statusPeriods.add(r.period);
  return roles.size + Math.max(0, statusPeriods.size - 1);
}

const found = new WeakMap<Grid, FoundHeader | null>();

/** The header of the sheet's table, or null when no row looks like one. Cached per grid. */
export function findHeader(grid: Grid): FoundHeader | null {
  if (found.has(grid)) return found.get(grid) ?? null;
  const h = findKeyRow(grid) ?? search(grid);
  found.set(grid, h);
  return h;
}

function search(grid: Grid): FoundHeader | null {
  const rows = Math.min(rowCount(grid), SEARCH_ROWS);
  const ncols = Math.min(colCount(grid), MAX_COLS);
  const lines = lineTexts(grid, Math.min(rowCount(grid), rows + MAX_DEPTH), ncols);
  let best: { read: LinesRead; score: number } | null = null;
  const bottomOf = (r: LinesRead): number => r.top + r.depth - 1;
  for (let top = 0; top < rows; top++) {
    // Past a header found and the lines it could still take, rows are the table's body: stop there.
    if (best && top > bottomOf(best.read) + MAX_DEPTH) break;
    // A header's first line names at least one column by itself ("TT" merged over two rows shows in both).
    if (!lines.line(top).texts.some((t) => t && classifyHeader(t))) continue;
    for (let depth = 1; depth <= MAX_DEPTH && top + depth <= lines.end; depth++) {
      const read = readLines(lines, top, depth, ncols);
      if (!read) break;
      const s = score(read.readings);
      // On a tie the shallower header wins: the extra line could be a title or the first data row.
      if (s > 0 && (!best || s > best.score || (s === best.score && depth < best.read.depth))) best = { read, score: s };
    }
  }
  if (!best) return null;
  // Cells merged down across the header's top edge ("TT" over two rows) mean the line above is
  // part of it: it carries the year ("Năm 2024" over "KH", "Ước TH") and columns of its own.
  while (best.read.depth < MAX_DEPTH && best.read.top > 0 && crossesDown(grid, best.read.top)) {
    const read = readLines(lines, best.read.top - 1, best.read.depth + 1, ncols);
    if (!read || score(read.readings) < best.score) break;
    best = { read, score: best.score };
  }
  return { top: best.read.top, bottom: bottomOf(best.read), ...columnsOf(lines, best.read), own: null };
}

function crossesDown(grid: Grid, row: number): boolean {
  return grid.merges.some((m) => m.top < row && m.bottom >= row && m.bottom - m.top < MAX_DEPTH);
}

/** A header-like row inside a body (the header repeated after a page break). */
export function looksLikeHeader(grid: Grid, row: number): boolean {
  const ncols = Math.min(colCount(grid), MAX_COLS);
  // Cheap refusals first, as this runs on every body row: a figure, or a long text (a task's
  // content), is never in a header.
  for (let c = 0; c < ncols; c++) {
    const cell = shownCell(grid, row, c);
    if (typeof cell?.value === "number" || cellText(cell).length > HEADER_CELL_MAX) return false;
  }
  const lines = lineTexts(grid, row + 1, ncols);
  if (lines.line(row).numbers.some(Boolean)) return false;
  const read = readLines(lines, row, 1, ncols);
  return read !== null && score(read.readings) >= 3;
}
