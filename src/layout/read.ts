/**
 * Reads back a sheet the add-in laid out, wherever things are now: the hidden key row names every
 * column (its identity cell names the layout, so a renamed sheet is still recognised), the hidden
 * identity column names every row. Hosts pass the sheet's values from A1 as a plain grid and, when
 * they have them, the cells' formulas (only real formulas: text that starts with "=" is a value).
 */
import { toR1C1 } from "../core/formula-refs";
import { FIGURE_MARKS } from "../core/periods";
import { MARK, isMarker, isUserKey, keptOf, layoutOfMark, markKey, periodOfKey, userKey } from "../core/row-id";
import type { CellFormula, PreservedSheet } from "./sheet-model";
import type { CellValue, LayoutId } from "./sheets/types";

export interface ReadColumn {
  index: number;
  /** Key from the key row; a column the user inserted gets a fresh "u:N" key. */
  key: string;
  /** Whether the key came from the key row (false: the user's column). */
  keyed: boolean;
  header: string | null;
  /** The column's cells in the header rows, top to bottom. */
  headerCells: CellValue[];
}

export interface ReadRow {
  /** 0-based row in the grid. */
  index: number;
  id: string | null;
  values: CellValue[];
  /** The row's formulas (R1C1 form) by column index, when the host read them. */
  formulas?: Record<number, string>;
}

export interface ReadSheet {
  layoutId: LayoutId;
  name: string;
  keyRow: number;
  idCol: number;
  /** Rows between the key row and the body that carry the header marker. */
  headerRows: number[];
  columns: ReadColumn[];
  /** Rows below the header: plan rows, marker rows and the user's rows, in sheet order. */
  rows: ReadRow[];
}

const isEmpty = (v: CellValue | undefined): boolean => v == null || (typeof v === "string" && v.trim() === "");

/** The layout's key row: the first cell anywhere holding a sheet mark. */
function findMark(grid: CellValue[][]): { row: number; col: number; layout: LayoutId } | null {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const layout = layoutOfMark(row[c]);
      if (layout) return { row: r, col: c, layout };
    }
  }
  return null;
}

/** Null when the grid holds no KT-XH layout (not our sheet). */
export function readSheet(grid: CellValue[][], name: string, formulas: readonly CellFormula[] = []): ReadSheet | null {
  const mark = findMark(grid);
  if (!mark) return null;
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  const cell = (r: number, c: number): CellValue => grid[r]?.[c] ?? null;
  const headerRows: number[] = [];
  for (let r = mark.row + 1; r < grid.length; r++) if (cell(r, mark.col) === MARK.header) headerRows.push(r);
  const bodyFirst = headerRows.length ? headerRows[headerRows.length - 1] + 1 : mark.row + 1;

  const columns: ReadColumn[] = [];
  const taken = new Set<string>();
  for (let c = 0; c < width; c++) {
    const k = cell(mark.row, c);
    if (typeof k === "string" && k.trim() && c !== mark.col) taken.add(k.trim());
  }
  let next = 1;
  for (let c = 0; c < width; c++) {
    if (c === mark.col) {
      columns.push({ index: c, key: "id", keyed: true, header: null, headerCells: [] });
      continue;
    }
    const headerCells = headerRows.map((r) => cell(r, c));
    const header = [...headerCells].reverse().find((v) => !isEmpty(v));
    const k = cell(mark.row, c);
    if (typeof k === "string" && k.trim()) {
      columns.push({ index: c, key: k.trim(), keyed: true, header: header == null ? null : String(header), headerCells });
      continue;
    }
    let used = false;
    for (let r = bodyFirst; r < grid.length && !used; r++) used = !isEmpty(cell(r, c));
    if (!used && header == null) continue;
    while (taken.has(userKey(next))) next++;
    const key = userKey(next);
    taken.add(key);
    columns.push({ index: c, key, keyed: false, header: header == null ? null : String(header), headerCells });
  }

  const typed = new Map<number, Record<number, string>>();
  // Carried in R1C1 form: a reload may put the cell elsewhere, and its references must move with it.
  for (const f of formulas) typed.set(f.row, { ...typed.get(f.row), [f.col]: toR1C1(f.formula, f.row, f.col) });
  const rows: ReadRow[] = [];
  for (let r = bodyFirst; r < grid.length; r++) {
    const id = cell(r, mark.col);
    const row: ReadRow = { index: r, id: typeof id === "string" && id.trim() ? id.trim() : null, values: grid[r] ?? [] };
    const f = typed.get(r);
    if (f) row.formulas = f;
    rows.push(row);
  }
  return { layoutId: mark.layout, name, keyRow: mark.row, idCol: mark.col, headerRows, columns, rows };
}

function rowValues(sheet: ReadSheet, row: ReadRow): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const c of sheet.columns) {
    if (c.index === sheet.idCol) continue;
    const v = row.values[c.index] ?? null;
    if (!isEmpty(v)) out[c.key] = v;
  }
  return out;
}

function rowFormulas(sheet: ReadSheet, row: ReadRow): Record<string, string> {
  const out: Record<string, string> = {};
  if (!row.formulas) return out;
  for (const c of sheet.columns) {
    const f = row.formulas[c.index];
    if (c.index !== sheet.idCol && f) out[c.key] = f;
  }
  return out;
}

/** Everything the user put in the sheet, by identity and key, ready to be laid into a new model. */
export function preservedOf(sheet: ReadSheet): PreservedSheet {
  const p: PreservedSheet = { name: sheet.name, inputs: {}, headerValues: {}, userRows: [], userColumns: [], kept: [] };
  let prevKey: string | null = null;
  for (const c of sheet.columns) {
    if (isUserKey(c.key)) p.userColumns.push({ key: c.key, header: c.header ?? "", after: prevKey });
    if (c.index !== sheet.idCol) prevKey = c.key;
    // A period's estimate/official mark sits in the lowest header row of its column.
    const mark = c.headerCells.length > 1 ? c.headerCells[c.headerCells.length - 1] : null;
    const period = periodOfKey(c.key);
    if (period != null && typeof mark === "string" && (FIGURE_MARKS as readonly string[]).includes(mark.trim())) {
      p.headerValues[markKey(period)] = mark.trim();
    }
  }
  let after: string | null = null;
  for (const row of sheet.rows) {
    const values = rowValues(sheet, row);
    const formulas = rowFormulas(sheet, row);
    const some = Object.keys(values).length > 0 || Object.keys(formulas).length > 0;
    const typed = Object.keys(formulas).length ? { formulas } : {};
    if (row.id == null) {
      if (some) p.userRows.push({ after, values, ...typed });
      continue;
    }
    if (isMarker(row.id)) continue;
    const kept = keptOf(row.id);
    if (kept != null) {
      if (some) p.kept.push({ id: kept, values, ...typed });
      continue;
    }
    p.inputs[row.id] = values;
    if (typed.formulas) (p.formulas ??= {})[row.id] = typed.formulas;
    after = row.id;
  }
  return p;
}
