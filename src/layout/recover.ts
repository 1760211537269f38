/**
 * The add-in's targets and tasks sheets read back after the user deleted their hidden key row, their
 * identity column or both: `readSheet` (./read.ts) finds no sheet mark then, and the Office.js host would
 * give up on a sheet every other path still reads (and a reload would make a second sheet beside it).
 * This gives the same `ReadSheet` the intact sheet gives, from the one reading of a workbook (./book.ts):
 *  - rows: by the identity column where it survives (the key row alone deleted), else the rows
 *    `readBook` places by number (code) and name (content), the traffic-count rows it finds by their
 *    labels, and the layout's own rows that hold no plan item (a group heading, the traffic block's
 *    heading) by the label the layout writes in them;
 *  - columns: by the key row where it survives (the identity column alone deleted), else by the
 *    visible headers the layout writes ("Trạng thái", "% KH", "Năm", "Cơ quan chủ trì" …), whatever
 *    their order now; of the per-period status and result columns, the one of the period the one
 *    reading gives (`periods`, the book's record, settles a column cut from under its period's header).
 * A sheet is taken only when it still has the layout's input columns (targets: judgement and figures;
 * tasks: status and code or content) and at least one placed row; the caller offers only the sheet the
 * book's record names. Pure, bounded by the grid.
 */
import { FIGURE_MARKS, PERIOD_IDS } from "../core/periods";
import type { Plan } from "../core/plan";
import type { Grid } from "../core/read-table/grid";
import { type TableReading, barePeriods } from "../core/read-table/table";
import { isUserKey, itemRefOf, parseRowId, periodOfKey, targetId, taskId, taskResultKey, taskStatusKey, taskStatusPeriodOf, trafficId, userKey } from "../core/row-id";
import { foldKey } from "../core/text";
import { toR1C1 } from "../core/formula-refs";
import { readBook } from "./book";
import type { ReadColumn, ReadRow, ReadSheet } from "./read";
import type { CellFormula } from "./sheet-model";
import { targetsBody, targetsLayout } from "./sheets/targets";
import { tasksBody, tasksLayout } from "./sheets/tasks";
import type { BodyRow, CellValue, LayoutId, SheetLayout } from "./sheets/types";

const isEmpty = (v: CellValue | undefined): boolean => v == null || (typeof v === "string" && v.trim() === "");
const text = (v: CellValue | undefined): string => (v == null ? "" : String(v).trim());

/** The layout (with every period open, for either sheet) and the body it writes for the plan. */
function layoutOf(plan: Plan, layout: LayoutId): { layout: SheetLayout; body: BodyRow[] } {
  return layout === "targets"
    ? { layout: targetsLayout(plan, { periods: PERIOD_IDS }), body: targetsBody(plan, PERIOD_IDS) }
    : { layout: tasksLayout(plan, { periods: PERIOD_IDS }), body: tasksBody(plan) };
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

/** The surviving identity column (the key row alone deleted): the column holding most of the layout's row identities. */
function findIdentities(grid: CellValue[][], known: ReadonlySet<string>, from: number): number {
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  let best = -1;
  let most = 0;
  for (let c = 0; c < width; c++) {
    let n = 0;
    for (let r = from; r < grid.length; r++) if (known.has(text(grid[r]?.[c]))) n++;
    if (n > most) {
      most = n;
      best = c;
    }
  }
  return best;
}

/** Whether the columns found are still the layout's: the ones staff fill, and what tells rows apart. */
function hasInputs(layout: LayoutId, taken: ReadonlySet<string>, columns: readonly ReadColumn[]): boolean {
  // The targets sheet's status column; the tasks sheet's, one per period (or the single one of older books).
  if (!taken.has("status") && ![...taken].some((k) => taskStatusPeriodOf(k) != null)) return false;
  return layout === "targets" ? columns.some((c) => periodOfKey(c.key) != null) : taken.has("code") || taken.has("text");
}

/** The identities of the rows the one reading placed: plan items, traffic counts. */
function placedIds(t: TableReading): Map<number, string> {
  const ids = new Map<number, string>();
  for (const x of t.rows) ids.set(x.row, t.kind === "targets" ? targetId(x.ref) : taskId(x.ref));
  for (const x of t.traffic) ids.set(x.row, trafficId(x.criterion, x.side));
  return ids;
}

/**
 * The key a header names, not taken yet by another column. Of a period's status columns ("Trạng thái"
 * over each period's), the one of the period the one reading of the workbook gives the column
 * (`period`: read-table/table.ts gives a status moved from under its period to the period that lost
 * its own); else, the surviving key row naming the others, the one whose period kept its result
 * column but lost its status column.
 */
function headerKey(keys: readonly string[], taken: ReadonlySet<string>, period: string | null): string | null {
  const free = keys.filter((k) => !taken.has(k));
  const read = period == null ? undefined : free.find((k) => k === taskStatusKey(period) || k === taskResultKey(period));
  if (read !== undefined) return read;
  const lost = free.filter((k) => {
    const p = taskStatusPeriodOf(k);
    return p != null && taken.has(taskResultKey(p));
  });
  if (lost.length === 1) return lost[0];
  // Else the last key of that header, as the layout's columns were always looked up.
  const last = keys[keys.length - 1];
  return last !== undefined && !taken.has(last) ? last : null;
}

/**
 * The layout's rows that hold no plan item (a group heading "2 · Về phát triển kinh tế", the traffic
 * block's heading), found among the rows left by their label as the layout writes it, each once.
 */
function layoutRows(grid: CellValue[][], body: readonly BodyRow[], label: ReadColumn | undefined, code: ReadColumn | undefined, ids: Map<number, string>, from: number): void {
  if (!label) return;
  const wanted = new Map<string, BodyRow>();
  for (const b of body) {
    const kind = b.id == null ? null : parseRowId(b.id)?.kind;
    const name = text(b.values[label.key]);
    if (b.id && (kind === "group" || kind === "marker") && name) wanted.set(foldKey(name), b);
  }
  if (!wanted.size) return;
  const used = new Set(ids.values());
  for (let r = from; r < grid.length; r++) {
    if (ids.has(r)) continue;
    const b = wanted.get(foldKey(text(grid[r]?.[label.index])));
    if (!b?.id || used.has(b.id)) continue;
    // A group heading's number, where the layout writes one, must agree too.
    const no = code ? text(b.values[code.key]) : "";
    if (code && no && text(grid[r]?.[code.index]) !== no) continue;
    ids.set(r, b.id);
    used.add(b.id);
  }
}

/**
 * Reads an add-in sheet of `layout` whose key row or identity column is gone. Null when the grid holds
 * no such sheet (no placed row, or the layout's input columns are gone).
 */
export function recoverSheet(
  layout: LayoutId,
  grid: CellValue[][],
  name: string,
  plan: Plan,
  formulas: readonly CellFormula[] = [],
  periods?: readonly string[],
): ReadSheet | null {
  const g: Grid = { sheet: name, merges: [], cells: grid.map((row) => (row ?? []).map((v) => (isEmpty(v) ? null : { value: v }))) };
  const book = readBook([g], { plans: [plan], chosenPlan: plan });
  const t = book.tables.find((x) => x.kind === layout);
  if (!t || !t.rows.length) return null;
  // The period of each column as the one reading gives it, a column cut from under its period's
  // header given to the book's one period that lost its own (its record's periods).
  const read = t.columns.map((c) => ({ ...c }));
  if (layout === "tasks" && periods) barePeriods(read, periods);
  const cell = (r: number, c: number): CellValue => grid[r]?.[c] ?? null;
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  const { layout: spec, body } = layoutOf(plan, layout);
  const keyed = spec.columns.filter((c) => c.key !== "id");

  // The header rows as people see them, with the estimate/official marks just below them.
  const headerRows: number[] = [];
  for (let r = t.headerTop; r <= t.headerBottom; r++) headerRows.push(r);
  const marks = FIGURE_MARKS as readonly string[];
  const markRow = t.headerBottom + 1;
  if (layout === "targets" && (grid[markRow] ?? []).some((v) => marks.includes(text(v))) && !t.rows.some((x) => x.row === markRow)) headerRows.push(markRow);
  const bodyFirst = headerRows[headerRows.length - 1] + 1;

  const keyRow = findKeys(grid, new Set(keyed.map((c) => c.key)), t.headerTop);
  const known = new Set(body.flatMap((b) => (b.id && itemRefOf(layout, b.id) != null) || (b.id && parseRowId(b.id)?.kind === "traffic") ? [b.id] : []));
  const idCol = keyRow >= 0 ? -1 : findIdentities(grid, known, bodyFirst);
  // Every key a header names: the tasks sheet writes "Trạng thái" over each period's status column.
  const byHeader = new Map<string, string[]>();
  for (const c of keyed) byHeader.set(foldKey(c.header), [...(byHeader.get(foldKey(c.header)) ?? []), c.key]);
  const columns: ReadColumn[] = [];
  // Keys the surviving key row names: a column it leaves blank (moved there since) goes by its header.
  const taken = new Set<string>();
  if (keyRow >= 0) for (const v of grid[keyRow] ?? []) if (text(v)) taken.add(text(v));
  const named = new Set<string>();
  let next = 1;
  for (let c = 0; c < width; c++) {
    if (c === idCol) {
      columns.push({ index: c, key: "id", keyed: true, header: null, headerCells: [] });
      continue;
    }
    const headerCells = headerRows.map((r) => cell(r, c));
    const header = [...headerCells].reverse().find((v) => !isEmpty(v));
    let key: string | null = keyRow >= 0 ? text(cell(keyRow, c)) || null : null;
    if (key === null) {
      // The lowest header cell naming a layout column ("Năm" under "Kết quả thực hiện").
      const period = read.find((x) => x.col === c)?.period ?? null;
      for (const v of [...headerCells].reverse()) {
        const k = headerKey(byHeader.get(foldKey(text(v))) ?? [], taken, period);
        if (k) {
          key = k;
          break;
        }
      }
    }
    if (key && !named.has(key)) {
      taken.add(key);
      named.add(key);
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
  if (!hasInputs(layout, named, columns)) return null;

  // Identities: as written where the column survives, else as the one reading placed the rows.
  let ids = new Map<number, string>();
  if (idCol >= 0) {
    for (let r = bodyFirst; r < grid.length; r++) {
      const v = text(cell(r, idCol));
      if (v) ids.set(r, v);
    }
  } else {
    ids = placedIds(t);
    const at = (key: string) => columns.find((c) => c.key === key);
    layoutRows(grid, body, at(spec.labelColumn), layout === "tasks" ? at("code") : undefined, ids, bodyFirst);
  }
  if (![...ids.values()].some((id) => itemRefOf(layout, id) != null)) return null;
  const typed = new Map<number, Record<number, string>>();
  for (const f of formulas) typed.set(f.row, { ...typed.get(f.row), [f.col]: toR1C1(f.formula, f.row, f.col) });
  const rows: ReadRow[] = [];
  for (let r = bodyFirst; r < grid.length; r++) {
    const row: ReadRow = { index: r, id: ids.get(r) ?? null, values: grid[r] ?? [] };
    const f = typed.get(r);
    if (f) row.formulas = f;
    rows.push(row);
  }
  return { layoutId: layout, name, keyRow, idCol, headerRows, columns, rows };
}

