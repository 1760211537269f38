/** A1 addresses, as Excel writes them, over 0-based rectangles. */
import { fail } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based top-left corner and size. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const isEntireColumn = (r: Rect): boolean => r.row === 0 && r.rows === MAX_ROWS;
export const isEntireRow = (r: Rect): boolean => r.col === 0 && r.cols === MAX_COLS;
export const cellCount = (r: Rect): number => r.rows * r.cols;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Splits "Sheet1!A1:B2" / "'Chỉ tiêu'!A1" into sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses the local part of an A1 address; null when it is not one. */
export function parseLocal(local: string): Rect | null {
  const parts = local.trim().split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  const [a, b = a] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const c1 = lettersCol(m1[1]);
    const c2 = lettersCol(m2[1]);
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  if (parts.length === 2) {
    m1 = COL.exec(a);
    m2 = COL.exec(b);
    if (m1 && m2) {
      const c1 = lettersCol(m1[1]);
      const c2 = lettersCol(m2[1]);
      if (c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
      return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
    }
    m1 = ROW.exec(a);
    m2 = ROW.exec(b);
    if (m1 && m2) {
      const r1 = Number(m1[1]) - 1;
      const r2 = Number(m2[1]) - 1;
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
      return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS };
    }
  }
  return null;
}

/** Parses an address, failing like Excel (InvalidArgument) when it is not one. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  const rect = parseLocal(local);
  if (!rect) throw fail.invalidArgument(`address "${address}"`);
  return { sheet, rect };
}

export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function localAddress(r: Rect): string {
  if (isEntireColumn(r)) return `${colLetters(r.col)}:${colLetters(r.col + r.cols - 1)}`;
  if (isEntireRow(r)) return `${r.row + 1}:${r.row + r.rows}`;
  const first = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? first : `${first}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Excel quotes sheet names that are not a plain word (spaces, punctuation, leading digit). */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${localAddress(r)}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  return rowEnd > row && colEnd > col ? { row, col, rows: rowEnd - row, cols: colEnd - col } : null;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** Checks a rectangle built from indexes stays on the sheet. */
export function checkRect(r: Rect, what: string): Rect {
  const ok =
    Number.isInteger(r.row) && Number.isInteger(r.col) && Number.isInteger(r.rows) && Number.isInteger(r.cols) &&
    r.row >= 0 && r.col >= 0 && r.rows >= 1 && r.cols >= 1 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLS;
  if (!ok) throw fail.invalidArgument(what);
  return r;
}
