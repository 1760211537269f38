/**
 * The add-in's targets sheet read back after the user deleted its hidden key row, its identity
 * column or both: `readSheet` (./read.ts) finds no sheet mark then, and the Office.js host would give
 * up on a sheet every other path still reads. This gives the same `ReadSheet` the intact sheet
 * gives, from the one reading of a workbook (./book.ts):
 *  - rows: by the identity column where it survives (the key row alone deleted), else the rows
 *    `readBook` places by number and name, and the traffic-count rows it finds by their labels;
 *  - columns: by the key row where it survives (the identity column alone deleted), else by the
 *    visible headers the layout writes ("Trạng thái", "% KH", "Năm" …), whatever their order now.
 * A sheet is taken only when it still has the layout's judgement and figure columns and at least one
 * placed row; the caller offers only the sheet the book's record names. Pure, bounded by the grid.
 */
import { FIGURE_MARKS, PERIOD_IDS } from "../core/periods";
import type { Plan } from "../core/plan";
import type { Grid } from "../core/read-table/grid";
import { isUserKey, periodOfKey, targetId, targetNoOf, trafficId, trafficOf, userKey } from "../core/row-id";
import { foldKey } from "../core/text";
import { toR1C1 } from "../core/formula-refs";
import { readBook } from "./book";
import type { ReadColumn, ReadRow, ReadSheet } from "./read";
import type { CellFormula } from "./sheet-model";
import { targetsLayout } from "./sheets/targets";
import type { CellValue } from "./sheets/types";

const isEmpty = (v: CellValue | undefined): boolean => v == null || (typeof v === "string" && v.trim() === "");
const text = (v: CellValue | undefined): string => (v == null ? "" : String(v).trim());

/** The layout's columns for the plan with every period open: key and visible header. */
function layoutColumns(plan: Plan): { key: string; header: string }[] {
  return targetsLayout(plan, { periods: PERIOD_IDS }).columns.filter((c) => c.key !== "id").map((c) => ({ key: c.key, header: c.header }));
}

/** The surviving key row (its sheet mark went with the identity column): the first row naming several layout keys. */
function findKeys(grid: CellValue[][], keys: ReadonlySet<string>, above: number): number {
  for (let r = 0; r <= above && r < grid.length; r++) {
    let n = 0;
    for (const v of grid[r] ?? []) if (typeof v === "string" && (keys.has(v.trim()) || isUserKey(v.trim()))) n++;
    if (n >= 3) return r;
  }
  return -1;
}

/** The surviving identity column (the key row alone deleted): the column holding the rows' identities and the header marks. */
function findIdentities(grid: CellValue[][], plan: Plan, from: number): number {
  const known = new Set(plan.targets.map((t) => targetId(t.no)));
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  let best = -1;
  let most = 0;
  for (let c = 0; c < width; c++) {
    let n = 0;
    for (let r = from; r < grid.length; r++) {
      const v = text(grid[r]?.[c]);
      if (known.has(v) || trafficOf(v) != null) n++;
    }
    if (n > most) {
      most = n;
      best = c;
    }
  }
  return best;
}

/**
 * Reads an add-in targets sheet whose key row or identity column is gone. Null when the grid has no
 * such sheet (no placed row, no judgement column, no figure column).
 */
export function recoverTargetsSheet(grid: CellValue[][], name: string, plan: Plan, formulas: readonly CellFormula[] = []): ReadSheet | null {
  const g: Grid = { sheet: name, merges: [], cells: grid.map((row) => (row ?? []).map((v) => (isEmpty(v) ? null : { value: v }))) };
  const book = readBook([g], { plans: [plan], chosenPlan: plan });
  const t = book.tables.find((x) => x.kind === "targets");
  if (!t || !t.rows.length) return null;
  const cell = (r: number, c: number): CellValue => grid[r]?.[c] ?? null;
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  const layout = layoutColumns(plan);

  // The header rows as people see them, with the estimate/official marks just below them.
  const headerRows: number[] = [];
  for (let r = t.headerTop; r <= t.headerBottom; r++) headerRows.push(r);
  const marks = FIGURE_MARKS as readonly string[];
  const markRow = t.headerBottom + 1;
  if ((grid[markRow] ?? []).some((v) => marks.includes(text(v))) && !t.rows.some((x) => x.row === markRow)) headerRows.push(markRow);
  const bodyFirst = headerRows[headerRows.length - 1] + 1;

  const keyRow = findKeys(grid, new Set(layout.map((c) => c.key)), t.headerTop);
  const idCol = keyRow >= 0 ? -1 : findIdentities(grid, plan, bodyFirst);
  const byHeader = new Map(layout.map((c) => [foldKey(c.header), c.key]));
  const columns: ReadColumn[] = [];
  const taken = new Set<string>();
  let next = 1;
  for (let c = 0; c < width; c++) {
    if (c === idCol) {
      columns.push({ index: c, key: "id", keyed: true, header: null, headerCells: [] });
      continue;
    }
    const headerCells = headerRows.map((r) => cell(r, c));
    const header = [...headerCells].reverse().find((v) => !isEmpty(v));
    let key: string | null = null;
    if (keyRow >= 0) key = text(cell(keyRow, c)) || null;
    else {
      // The lowest header cell naming a layout column ("Năm" under "Kết quả thực hiện").
      for (const v of [...headerCells].reverse()) {
        const k = byHeader.get(foldKey(text(v)));
        if (k && !taken.has(k)) {
          key = k;
          break;
        }
      }
    }
    if (key && !taken.has(key)) {
      taken.add(key);
      columns.push({ index: c, key, keyed: true, header: header == null ? null : String(header), headerCells });
      continue;
    }
    let used = false;
    for (let r = bodyFirst; r < grid.length && !used; r++) used = !isEmpty(cell(r, c));
    if (!used && header == null) continue;
    while (taken.has(userKey(next))) next++;
    const k = userKey(next);
    taken.add(k);
    columns.push({ index: c, key: k, keyed: false, header: header == null ? null : String(header), headerCells });
  }
  if (!taken.has("status") || !columns.some((c) => periodOfKey(c.key) != null)) return null;

  // Identities: as written where the column survives, else as the one reading placed the rows.
  const ids = new Map<number, string>();
  if (idCol >= 0) {
    for (let r = bodyFirst; r < grid.length; r++) {
      const v = text(cell(r, idCol));
      if (v) ids.set(r, v);
    }
  } else {
    for (const x of t.rows) ids.set(x.row, targetId(x.ref));
    for (const x of t.traffic) ids.set(x.row, trafficId(x.criterion, x.side));
  }
  if (![...ids.values()].some((id) => targetNoOf(id) != null)) return null;
  const typed = new Map<number, Record<number, string>>();
  for (const f of formulas) typed.set(f.row, { ...typed.get(f.row), [f.col]: toR1C1(f.formula, f.row, f.col) });
  const rows: ReadRow[] = [];
  for (let r = bodyFirst; r < grid.length; r++) {
    const row: ReadRow = { index: r, id: ids.get(r) ?? null, values: grid[r] ?? [] };
    const f = typed.get(r);
    if (f) row.formulas = f;
    rows.push(row);
  }
  return { layoutId: "targets", name, keyRow, idCol, headerRows, columns, rows };
}
