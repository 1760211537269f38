/**
 * Format arithmetic shared by the hosts: a later format overrides only the fields it sets, the font
 * field by field. A host that formats cell by cell resolves each cell's runs with `formatAt`; one
 * that formats ranges (Office.js) may apply `model.styles` in order instead, with the same result.
 */
import type { Area, SheetModel } from "./sheet-model";
import type { CellFormat } from "./sheets/types";

export function mergeFormat(base: CellFormat, over: CellFormat): CellFormat {
  const out: CellFormat = { ...base, ...over };
  if (base.font || over.font) out.font = { ...base.font, ...over.font };
  return out;
}

export const inArea = (a: Area, row: number, col: number): boolean =>
  row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols;

/** Every cell's resolved format, row by row; cells no run touches get `{}`. */
export function resolveFormats(model: SheetModel): CellFormat[][] {
  const n = model.columns.length;
  const grid: CellFormat[][] = model.rows.map(() => Array.from({ length: n }, () => ({})));
  for (const s of model.styles) {
    for (let r = s.area.row; r < s.area.row + s.area.rows && r < grid.length; r++) {
      for (let c = s.area.col; c < s.area.col + s.area.cols && c < n; c++) grid[r][c] = mergeFormat(grid[r][c], s.format);
    }
  }
  return grid;
}

/** Points per line of 12 pt Times New Roman with Vietnamese marks above and below. */
const LINE_PT = 15.75;
/** Excel width units a character of 12 pt Times New Roman takes: capitals and digits are wider. */
function charUnits(ch: string): number {
  if (ch === " ") return 0.45;
  if (/[0-9]/.test(ch) || ch !== ch.toLowerCase()) return 0.9;
  return 0.75;
}

/** Lines a text takes when Excel wraps it at word boundaries in `usable` width units. */
function wrappedLines(text: string, usable: number, scale: number): number {
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = [...word].reduce((s, ch) => s + charUnits(ch), 0) * scale;
      const needed = line === 0 ? w : line + 0.45 * scale + w;
      if (needed <= usable || line === 0) {
        line = needed;
        // A word longer than the column breaks over several lines.
        while (line > usable) {
          count++;
          line -= usable;
        }
      } else {
        count++;
        line = w;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * The height (points) of one row of wrapped cells, each with its text, column width (characters) and
 * font; null when every cell fits on one line at the body size (Excel's own height then serves and
 * still grows for what the user types). The same estimate as `estimateRowHeights`, for rows written
 * outside a sheet model (the submission books' tables).
 */
export function wrappedRowHeight(cells: readonly { text: string; width: number; size?: number; bold?: boolean }[]): number | null {
  let lines = 1;
  let size = 12;
  for (const c of cells) size = Math.max(size, c.size ?? 12);
  for (const c of cells) {
    if (!c.text) continue;
    const fontSize = c.size ?? 12;
    const n = wrappedLines(c.text, Math.max(1, c.width - 1.2), (fontSize / 12) * (c.bold ? 1.1 : 1));
    lines = Math.max(lines, n * (fontSize / size));
  }
  if (lines <= 1 && size <= 12) return null;
  return Math.min(409, Math.round(lines * LINE_PT * (size / 12) * 4) / 4);
}

/**
 * Row heights for wrapped text, estimated from text length and column widths. Files written by
 * ExcelJS carry no computed heights and LibreOffice and Excel do not always grow rows on open, so
 * the model says how tall a row should be; a host that can autofit (Office.js) may do so instead.
 * Rows with a fixed height in the layout and hidden rows are left alone.
 */
export function estimateRowHeights(model: SheetModel): (number | null)[] {
  const formats = resolveFormats(model);
  const covered = new Map<string, Area | null>();
  for (const m of model.merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) covered.set(`${r},${c}`, r === m.row && c === m.col && m.rows === 1 ? m : null);
    }
  }
  return model.rows.map((row, r) => {
    if (row.hidden || row.height != null) return row.height;
    let lines = 1;
    let size = 12;
    row.values.forEach((v, c) => {
      if (v == null || model.columns[c].hidden) return;
      const f = formats[r][c];
      const fontSize = f.font?.size ?? 12;
      size = Math.max(size, fontSize);
      const key = `${r},${c}`;
      let width = model.columns[c].width;
      if (covered.has(key)) {
        const m = covered.get(key);
        if (!m) return;
        width = model.columns.slice(m.col, m.col + m.cols).reduce((s, x) => s + x.width, 0);
      }
      const text = typeof v === "number" ? String(v) : v;
      const scale = (fontSize / 12) * (f.font?.bold ? 1.1 : 1);
      const usable = Math.max(1, width - 1.2 - (f.indent ?? 0));
      const n = f.wrap ? wrappedLines(text, usable, scale) : 1;
      lines = Math.max(lines, n * (fontSize / size));
    });
    // One line: no fixed height, so Excel still grows the row when the user types a long note.
    if (lines <= 1 && size <= 12) return null;
    // Excel refuses rows taller than 409 pt.
    return Math.min(409, Math.round(Math.max(1, lines) * LINE_PT * (size / 12) * 4) / 4);
  });
}
