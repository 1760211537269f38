/**
 * The pure sheet model: from a layout, the plan's body rows and the user's preserved data, the full
 * grid of one sheet (values, row kinds, merges, format runs, validations, conditional formats, frozen
 * panes, print titles), with 0-based coordinates. Both hosts only apply it, so a workbook made by
 * `ktxh init` and one built by the add-in look the same.
 */
import type { TypingCulture } from "../core/culture";
import { columnLetter } from "../core/address";
import { fromR1C1 } from "../core/formula-refs";
import type { Plan } from "../core/plan";
import { computedCells } from "./computed";
import { estimateRowHeights } from "./format";
import { MARK, keptId, periodsOfKeys, sheetMark } from "../core/row-id";
import type { PeriodId } from "../core/periods";
import { DROPPED_HEADING } from "./sheets/styles";
import { targetsBody, targetsLayout } from "./sheets/targets";
import { type TasksOptions, tasksBody, tasksLayout } from "./sheets/tasks";
import type {
  BodyRow, CellFormat, CellValue, ColumnRole, ColumnSpec, ConditionalFormat, DataValidation, LayoutId, PageSetup,
  RowKind, SheetLayout,
} from "./sheets/types";

/** A formula the user typed, where its cell lands (0-based); the cell's value stays in `values`. */
export interface CellFormula {
  row: number;
  col: number;
  formula: string;
}

/** A rectangle of cells, 0-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ModelColumn {
  key: string;
  header: string;
  width: number;
  hidden: boolean;
  role: ColumnRole;
}

export interface ModelRow {
  kind: RowKind;
  id: string | null;
  values: CellValue[];
  hidden: boolean;
  /** Points; null: the host's automatic height (wrapped text grows the row). */
  height: number | null;
}

export interface SheetModel {
  layoutId: LayoutId;
  version: number;
  name: string;
  columns: ModelColumn[];
  rows: ModelRow[];
  merges: Area[];
  /** Applied in order; a later run overrides the fields it sets. */
  styles: { area: Area; format: CellFormat }[];
  validations: { area: Area; validation: DataValidation }[];
  conditionalFormats: { area: Area; rules: ConditionalFormat[] }[];
  /** Number formats shown where the formula (English, relative to the area's top-left cell, no "=") is true. */
  fractionFormats: { area: Area; formula: string; numberFormat: string }[];
  freeze: { rows: number; columns: number };
  printTitleRows: { first: number; last: number } | null;
  page: PageSetup;
  body: { first: number; count: number };
  /** The user's formulas carried over a reload (their cells only; hosts write them after the values). */
  formulas?: CellFormula[];
}

/** What the user put in a sheet, read back by identity and column key (see read.ts). */
export interface PreservedSheet {
  /** The sheet's name as the user left it. */
  name?: string | null;
  /** Values of input and user columns of plan rows: identity → column key → value. */
  inputs: Record<string, Record<string, CellValue>>;
  /** Formulas of plan rows' cells, as `inputs` (only input and user columns are laid back). */
  formulas?: Record<string, Record<string, string>>;
  /** Header cells the user fills (estimate/official marks) by key. */
  headerValues: Record<string, CellValue>;
  /** Rows the user inserted; each follows the row whose identity is `after` (null: top of the body). */
  userRows: { after: string | null; values: Record<string, CellValue>; formulas?: Record<string, string> }[];
  /** Columns the user inserted; each follows the column `after` (null: the first column). */
  userColumns: { key: string; header: string; after: string | null; width?: number }[];
  /** Rows an older plan had, kept under the "no longer in the plan" heading; `id` is the original identity. */
  kept: { id: string; values: Record<string, CellValue>; formulas?: Record<string, string> }[];
}

export const emptyPreserved = (): PreservedSheet => ({ inputs: {}, headerValues: {}, userRows: [], userColumns: [], kept: [] });

/** Row kinds holding data the column rules (validation, formats) apply to. */
export const DATA_KINDS: readonly RowKind[] = ["main", "sub", "task", "block", "user"];
const WRITABLE: readonly ColumnRole[] = ["input", "user"];

/** A body row as placed, with the formulas of the user's cells by column key. */
type PlacedRow = BodyRow & { formulas?: Record<string, string> };

function placeColumns(layout: SheetLayout, preserved: PreservedSheet): ColumnSpec[] {
  const cols = [...layout.columns];
  for (const u of preserved.userColumns) {
    const spec: ColumnSpec = {
      key: u.key, header: u.header, width: u.width ?? 12, role: "user", format: { locked: false },
    };
    // After a column the new layout no longer has: before the identity column.
    const at = u.after == null ? -1 : cols.findIndex((c) => c.key === u.after);
    const identity = cols.findIndex((c) => c.role === "identity");
    cols.splice(u.after == null ? 0 : at >= 0 ? at + 1 : identity >= 0 ? identity : cols.length, 0, spec);
  }
  return cols;
}

/** Plan rows with the user's inputs laid over, the user's own rows in place, kept rows at the bottom. */
function placeBody(layout: SheetLayout, cols: ColumnSpec[], planRows: BodyRow[], preserved: PreservedSheet): PlacedRow[] {
  const writable = cols.filter((c) => WRITABLE.includes(c.role)).map((c) => c.key);
  const out: PlacedRow[] = [];
  const byAfter = new Map<string | null, PlacedRow[]>();
  const known = new Set(planRows.map((r) => r.id));
  for (const u of preserved.userRows) {
    const after = u.after != null && known.has(u.after) ? u.after : u.after == null ? null : "#end";
    const list = byAfter.get(after) ?? [];
    list.push({ kind: "user", id: null, values: u.values, formulas: u.formulas });
    byAfter.set(after, list);
  }
  out.push(...(byAfter.get(null) ?? []));
  for (const r of planRows) {
    const inputs = r.id ? preserved.inputs[r.id] : undefined;
    const values = { ...r.values };
    if (inputs) for (const k of writable) if (k in inputs) values[k] = inputs[k];
    const typed = r.id ? preserved.formulas?.[r.id] : undefined;
    out.push({ ...r, values, formulas: typed });
    if (r.id) out.push(...(byAfter.get(r.id) ?? []));
  }
  out.push(...(byAfter.get("#end") ?? []));
  if (preserved.kept.length) {
    out.push({ kind: "dropped-heading", id: MARK.dropped, values: { [layout.labelColumn]: DROPPED_HEADING } });
    for (const k of preserved.kept) out.push({ kind: "dropped", id: keptId(k.id), values: k.values, formulas: k.formulas });
  }
  return out;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Lays out one sheet. `planRows` are the plan's rows in order, without user data. */
export function renderSheet(layout: SheetLayout, planRows: BodyRow[], preserved: PreservedSheet = emptyPreserved()): SheetModel {
  const cols = placeColumns(layout, preserved);
  const body = placeBody(layout, cols, planRows, preserved);
  const n = cols.length;
  const colIndex = new Map(cols.map((c, i) => [c.key, i]));
  const idCol = cols.findIndex((c) => c.role === "identity");
  const visible = cols.map((c, i) => (c.hidden ? -1 : i)).filter((i) => i >= 0);
  const firstVisible = visible[0] ?? 0;
  const lastVisible = visible[visible.length - 1] ?? n - 1;
  const rows: ModelRow[] = [];
  const merges: Area[] = [];
  const styles: SheetModel["styles"] = [];
  const validations: SheetModel["validations"] = [];
  const height = (kind: RowKind): number | null => layout.rowHeights[kind] ?? null;
  const blankValues = (): CellValue[] => new Array<CellValue>(n).fill(null);
  const push = (kind: RowKind, id: string | null, values: CellValue[], hidden = false): number => {
    if (idCol >= 0) values[idCol] = id;
    rows.push({ kind, id, values, hidden, height: height(kind) });
    return rows.length - 1;
  };
  const wide = (text: string, kind: RowKind, id: string): void => {
    const v = blankValues();
    v[firstVisible] = text;
    const r = push(kind, id, v);
    merges.push({ row: r, col: firstVisible, rows: 1, cols: lastVisible - firstVisible + 1 });
  };

  push("keys", sheetMark(layout.id), cols.map((c) => c.key), true);
  for (const t of layout.titles) wide(t, "title", MARK.title);
  if (layout.subtitle) wide(layout.subtitle, "subtitle", MARK.title);
  let legendRow: number | null = null;
  if (layout.inputs && lastVisible > firstVisible) {
    // A swatch of the input fill, then what it means (the same row a sheet without inputs leaves blank).
    const v = blankValues();
    v[firstVisible + 1] = layout.inputs.legend;
    legendRow = push("legend", MARK.blank, v);
    merges.push({ row: legendRow, col: firstVisible + 1, rows: 1, cols: lastVisible - firstVisible });
  } else push("blank", MARK.blank, blankValues());

  const headerFirst = rows.length;
  const header = Array.from({ length: layout.headerRows }, () => blankValues());
  for (const g of layout.groups) {
    const from = colIndex.get(g.from);
    const to = colIndex.get(g.to);
    if (from == null || to == null) continue;
    header[g.row][from] = g.text;
    if (to > from) merges.push({ row: headerFirst + g.row, col: from, rows: 1, cols: to - from + 1 });
  }
  cols.forEach((c, i) => {
    const above = layout.groups.filter((g) => {
      const from = colIndex.get(g.from);
      const to = colIndex.get(g.to);
      return from != null && to != null && from <= i && i <= to;
    });
    const top = above.length ? Math.max(...above.map((g) => g.row)) + 1 : 0;
    const input = layout.headerInputs.find((h) => h.column === c.key);
    const bottom = input ? input.row - 1 : layout.headerRows - 1;
    header[top][i] = c.header;
    // The identity column is never merged: a merge would blank the header marks of the rows below
    // the first, and a reader would take those header rows for rows the user inserted.
    if (bottom > top && c.role !== "identity") merges.push({ row: headerFirst + top, col: i, rows: bottom - top + 1, cols: 1 });
    if (input) {
      header[input.row][i] = preserved.headerValues[input.key] ?? input.initial;
      const area = { row: headerFirst + input.row, col: i, rows: 1, cols: 1 };
      validations.push({ area, validation: input.validation });
    }
  });
  header.forEach((v) => push("header", MARK.header, v));
  const headerLast = rows.length - 1;

  const bodyFirst = rows.length;
  for (const b of body) push(b.kind, b.id, cols.map((c) => (c.role === "identity" ? null : (b.values[c.key] ?? null))));
  const bodyCount = rows.length - bodyFirst;
  // The add-in rewrites plan, computed and identity cells; only the user's cells keep a formula
  // (a row the user inserted is theirs in every column the add-in does not compute).
  const formulas: CellFormula[] = [];
  body.forEach((b, k) => {
    for (const [key, formula] of Object.entries(b.formulas ?? {})) {
      const i = colIndex.get(key);
      if (i == null) continue;
      const role = cols[i].role;
      if (WRITABLE.includes(role) || (b.kind === "user" && role === "plan")) formulas.push({ row: bodyFirst + k, col: i, formula: fromR1C1(formula, bodyFirst + k, i) });
    }
  });

  // Formats: base, then columns over the body, then row kinds, then indents and single cells.
  styles.push({ area: { row: 1, col: 0, rows: rows.length - 1, cols: n }, format: layout.baseFormat });
  if (bodyCount) cols.forEach((c, i) => styles.push({ area: { row: bodyFirst, col: i, rows: bodyCount, cols: 1 }, format: c.format }));
  for (let r = 1; r < rows.length; ) {
    const kind = rows[r].kind;
    let end = r + 1;
    while (end < rows.length && rows[end].kind === kind) end++;
    const f = layout.rowFormats[kind];
    if (f) styles.push({ area: { row: r, col: 0, rows: end - r, cols: n }, format: f });
    r = end;
  }
  layout.headerInputs.forEach((h) => {
    const i = colIndex.get(h.column);
    const fill = layout.inputs ? { fill: layout.inputs.fill } : {};
    if (i != null) styles.push({ area: { row: headerFirst + h.row, col: i, rows: 1, cols: 1 }, format: { locked: false, font: { italic: true, bold: false }, ...fill } });
  });
  if (legendRow !== null && layout.inputs) {
    styles.push({ area: { row: legendRow, col: firstVisible, rows: 1, cols: 1 }, format: { fill: layout.inputs.fill, border: "thin" } });
    styles.push({ area: { row: legendRow, col: firstVisible + 1, rows: 1, cols: 1 }, format: { font: { italic: true, size: 10 }, hAlign: "left", wrap: false } });
  }
  const label = colIndex.get(layout.labelColumn);
  body.forEach((b, k) => {
    const r = bodyFirst + k;
    const level = layout.indentKinds[b.kind];
    if (label != null && level) styles.push({ area: { row: r, col: label, rows: 1, cols: 1 }, format: { indent: level } });
    const cells = Object.entries(b.formats ?? {})
      .map(([key, f]) => ({ i: colIndex.get(key), f }))
      .filter((x): x is { i: number; f: CellFormat } => x.i != null)
      .sort((a, b2) => a.i - b2.i);
    for (let j = 0; j < cells.length; ) {
      let end = j + 1;
      while (end < cells.length && cells[end].i === cells[end - 1].i + 1 && sameJson(cells[end].f, cells[j].f)) end++;
      styles.push({ area: { row: r, col: cells[j].i, rows: 1, cols: end - j }, format: cells[j].f });
      j = end;
    }
  });

  // Validations over runs of data rows; conditional formats over the whole body of a column.
  const conditionalFormats: SheetModel["conditionalFormats"] = [];
  const fractionFormats: SheetModel["fractionFormats"] = [];
  cols.forEach((c, i) => {
    const ruleFor = (kind: RowKind): DataValidation | null => {
      if (!DATA_KINDS.includes(kind)) return null;
      const over = c.kindValidation?.[kind];
      return over !== undefined ? over : (c.validation ?? null);
    };
    for (let r = bodyFirst; r < bodyFirst + bodyCount; ) {
      const v = ruleFor(rows[r].kind);
      let end = r + 1;
      while (end < bodyFirst + bodyCount && ruleFor(rows[end].kind) === v) end++;
      if (v) validations.push({ area: { row: r, col: i, rows: end - r, cols: 1 }, validation: v });
      r = end;
    }
    if (c.conditional?.length && bodyCount) {
      conditionalFormats.push({ area: { row: bodyFirst, col: i, rows: bodyCount, cols: 1 }, rules: c.conditional });
    }
    const unit = c.fraction ? colIndex.get(c.fraction.percentUnitKey) : undefined;
    if (c.fraction && bodyCount) {
      const cell = `${columnLetter(i)}${bodyFirst + 1}`;
      const percentRow = unit == null ? "" : `,OR($${columnLetter(unit)}${bodyFirst + 1}<>"%",${cell}>=1)`;
      fractionFormats.push({
        area: { row: bodyFirst, col: i, rows: bodyCount, cols: 1 },
        formula: `AND(ISNUMBER(${cell}),MOD(${cell},1)<>0${percentRow})`,
        numberFormat: c.fraction.numberFormat,
      });
    }
  });

  const model: SheetModel = {
    layoutId: layout.id,
    version: layout.version,
    name: preserved.name || layout.name,
    columns: cols.map((c) => ({ key: c.key, header: c.header, width: c.width, hidden: !!c.hidden, role: c.role })),
    rows,
    merges,
    styles,
    validations,
    conditionalFormats,
    fractionFormats,
    freeze: { rows: headerLast + 1, columns: layout.frozenColumns },
    printTitleRows: layout.page.repeatHeaderRows ? { first: headerFirst, last: headerLast } : null,
    page: layout.page,
    body: { first: bodyFirst, count: bodyCount },
    formulas,
  };
  estimateRowHeights(model).forEach((h, i) => (model.rows[i].height = h));
  return model;
}

export interface TargetsModelOptions {
  periods: readonly PeriodId[];
  /** The period the status columns judge; default: the latest opened. */
  statusPeriod?: PeriodId | null;
  /** The culture the figures were typed in, where known (core/culture.ts). */
  culture?: TypingCulture | null;
}

/** The targets sheet for a plan, with the user's data laid in and the judgement columns filled. */
export function buildTargetsModel(plan: Plan, opts: TargetsModelOptions, preserved?: PreservedSheet): SheetModel {
  const layout = targetsLayout(plan, opts);
  const model = renderSheet(layout, targetsBody(plan, opts.periods), preserved);
  const period = opts.statusPeriod ?? periodsOfKeys(layout.columns).pop();
  if (!period) return model;
  const computed = computedCells(plan, opts.culture ? { ...model, culture: opts.culture } : model, period as PeriodId);
  for (const u of computed) model.rows[u.row].values[u.col] = u.value;
  // A judgement cell is the add-in's: a formula there would hide the judgement just written.
  const judged = new Set(computed.map((u) => `${u.row}:${u.col}`));
  model.formulas = model.formulas?.filter((f) => !judged.has(`${f.row}:${f.col}`));
  // Heights were estimated before the judgement's reasons (an override's is several lines) were in.
  model.rows.forEach((r) => (r.height = layout.rowHeights[r.kind] ?? null));
  estimateRowHeights(model).forEach((h, i) => (model.rows[i].height = h));
  return model;
}

export function buildTasksModel(plan: Plan, opts: TasksOptions, preserved?: PreservedSheet): SheetModel {
  return renderSheet(tasksLayout(plan, opts), tasksBody(plan), preserved);
}
