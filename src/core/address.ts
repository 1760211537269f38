/**
 * A1 addresses, the one place they are built and taken apart: column letters ↔ 0-based index, a
 * cell ("E7") ↔ { row, col }, an area ("B3:D7") ↔ { row, col, rows, cols }, sheet-qualified
 * addresses ("'Sheet 1'!A1") and absolute ones ("$A$1"). Rows and columns are 0-based everywhere
 * in the code; the 1-based A1 text is made only for Excel and for locations that reach the user.
 */

/** Excel's sheet size: column XFD, row 1 048 576. */
export const MAX_COLS = 16384;
export const MAX_ROWS = 1048576;

/** A cell, 0-based. */
export interface CellPos {
  row: number;
  col: number;
}

/** A block of cells, 0-based: its top-left cell and its size. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A cell reference as it appears in a formula: `$`, column letters, `$`, row digits (1-based, no
 * leading zero). Capture groups: column `$`, letters, row `$`, digits. Formula scanners wrap it in
 * their own look-arounds; the letters and digits are read with `columnIndex` and `Number`.
 */
export const A1_REF_SOURCE = "(\\$?)([A-Z]{1,3})(\\$?)([1-9]\\d{0,6})";

const LETTERS = /^[A-Za-z]{1,3}$/;

/** "A", "Z", "AA", "XFD": the column letters of a 0-based index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "aa" → 26; null for anything that is not one to three letters. */
export function columnIndex(letters: string): number | null {
  if (!LETTERS.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E7" for row 6, column 4. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680;

/**
 * "E7", "$E$7", " e7 " → { row: 6, col: 4 }; null for anything else (a range, a whole column, row 0).
 * Read character by character, without a regular expression or a trimmed copy: every issue's cell is
 * taken apart to sort and group a list that may hold 100,000 of them.
 */
export function parseCell(ref: string): CellPos | null {
  let i = 0;
  let end = ref.length;
  while (i < end && isSpace(ref.charCodeAt(i))) i++;
  while (end > i && isSpace(ref.charCodeAt(end - 1))) end--;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const lettersFrom = i;
  for (; i < end; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < end; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  const digits = i - digitsFrom;
  if (i !== end || digits < 1 || digits > 7 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** "B3:D7" of an area; a single cell is written as one cell ("B3"). */
export function areaA1(a: Area): string {
  const tl = a1(a.row, a.col);
  const br = a1(a.row + a.rows - 1, a.col + a.cols - 1);
  return tl === br ? tl : `${tl}:${br}`;
}

/**
 * The area of an address ("B3", "B3:D7", "D7:B3", "$B$3", "Sheet1!B3:D7"); null for anything else,
 * whole rows or columns ("A:A", "3:3") included.
 */
export function parseArea(address: string): Area | null {
  const parts = splitSheet(address).ref.split(":");
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return null;
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** "'Sheet 1'!A1" → { sheet: "Sheet 1", ref: "A1" }; an address without a sheet has sheet null. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  const raw = address.slice(0, bang);
  const sheet = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, ref: address.slice(bang + 1) };
}

/** "Sheet1!A1", "'Kế hoạch 2024'!A1": the sheet name quoted when Excel needs it. */
export function qualified(sheet: string, ref: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !parseCell(sheet) && !/^R\d*C\d*$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;
}

/** "$A$1:$B$2", "Sheet1!a1:b2" → "A1:B2": the form Excel's events and the add-in's write log are compared in. */
export function normalAddress(address: string): string {
  return splitSheet(address).ref.replace(/\$/g, "").toUpperCase();
}
