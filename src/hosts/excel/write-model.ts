/**
 * The Office.js host of the sheet model: queues everything a `SheetModel` says (values, number
 * formats, fonts, fills, borders, wrap, indents, widths, heights, hidden key row and identity column,
 * merges, validations, conditional formats, frozen panes, page setup) onto one worksheet, in as few
 * requests as possible. It decides nothing about content: `src/hosts/xlsx/apply-layout.ts` does the same
 * for files, from the same model.
 */
import { resolveFormats } from "../../layout/format";
import type { Area, SheetModel } from "../../layout/sheet-model";
import type { CellFormat, ConditionalFormat, DataValidation, HAlign, PageSetup, VAlign } from "../../layout/sheets/types";
import { cellInput, fitScale, jsonBytes, mmToPoints, rowBlocks, widthPoints } from "./cells";
import type { Features } from "./features";

/**
 * Keeps one request under Excel on the web's payload limit (5 MB): big 2D arrays are counted as
 * they are queued, and a sync is made first only when the next block would not fit.
 */
export class RequestBudget {
  private used = 0;
  syncs = 0;
  constructor(
    private readonly ctx: Excel.RequestContext,
    readonly limit: number,
  ) {}

  async room(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.ctx.sync();
      this.syncs++;
      this.used = 0;
    }
    this.used += bytes;
  }
}

/** Notes each range the add-in writes values to, so live judgment can ignore the events they raise. */
export type WriteLog = (address: Area) => void;

const H_ALIGN: Record<HAlign, "Left" | "Center" | "Right" | "Justify"> = {
  left: "Left", center: "Center", right: "Right", justify: "Justify",
};
const V_ALIGN: Record<VAlign, "Top" | "Center" | "Bottom"> = { top: "Top", middle: "Center", bottom: "Bottom" };
const hex = (rgb: string): string => `#${rgb.toUpperCase()}`;
const at = (ws: Excel.Worksheet, a: Area): Excel.Range => ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);

// String values of Excel.BorderIndex: the enum object exists only where Office.js is loaded.
const EDGE = {
  top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight",
  insideH: "InsideHorizontal", insideV: "InsideVertical",
} as const satisfies Record<string, `${Excel.BorderIndex}`>;

export function applyFormat(range: Excel.Range, f: CellFormat, area: Area, features: Features): void {
  const fmt = range.format;
  if (f.font) {
    if (f.font.name) fmt.font.name = f.font.name;
    if (f.font.size) fmt.font.size = f.font.size;
    if (f.font.bold != null) fmt.font.bold = f.font.bold;
    if (f.font.italic != null) fmt.font.italic = f.font.italic;
    if (f.font.color) fmt.font.color = hex(f.font.color);
  }
  if (f.fill) fmt.fill.color = hex(f.fill);
  if (f.hAlign) fmt.horizontalAlignment = H_ALIGN[f.hAlign];
  if (f.vAlign) fmt.verticalAlignment = V_ALIGN[f.vAlign];
  if (f.wrap != null) fmt.wrapText = f.wrap;
  if (f.indent && features.indent) fmt.indentLevel = f.indent;
  if (f.locked != null) fmt.protection.locked = f.locked;
  if (f.border === "thin") {
    const edges: `${Excel.BorderIndex}`[] = [
      EDGE.top, EDGE.bottom, EDGE.left, EDGE.right,
      ...(area.rows > 1 ? [EDGE.insideH] : []),
      ...(area.cols > 1 ? [EDGE.insideV] : []),
    ];
    for (const e of edges) {
      const b = fmt.borders.getItem(e);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

/** The model's format runs minus number formats, which go in with the values as one 2D array. */
function formatRuns(model: SheetModel): { area: Area; format: CellFormat }[] {
  return model.styles
    .map((s) => {
      const { numberFormat: _n, ...rest } = s.format;
      return { area: s.area, format: rest };
    })
    .filter((s) => Object.keys(s.format).length > 0);
}

function rule(v: DataValidation): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: r.values.join(",") } };
    case "decimal":
    case "whole": {
      const basic: Excel.BasicDataValidation =
        r.min != null && r.max != null
          ? { formula1: r.min, formula2: r.max, operator: "Between" }
          : r.min != null
            ? { formula1: r.min, operator: "GreaterThanOrEqualTo" }
            : { formula1: r.max ?? Number.MAX_SAFE_INTEGER, operator: "LessThanOrEqualTo" };
      return r.kind === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
    case "textLength":
      return {
        textLength: r.min != null ? { formula1: r.min, formula2: r.max, operator: "Between" } : { formula1: r.max, operator: "LessThanOrEqualTo" },
      };
  }
}

const ALERT: Record<DataValidation["error"]["style"], "Stop" | "Warning" | "Information"> = {
  stop: "Stop", warning: "Warning", information: "Information",
};

function applyValidation(range: Excel.Range, v: DataValidation): void {
  const dv = range.dataValidation;
  dv.ignoreBlanks = v.allowBlank;
  dv.rule = rule(v);
  dv.errorAlert = { showAlert: true, style: ALERT[v.error.style], title: v.error.title, message: v.error.text };
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
}

export function applyConditional(range: Excel.Range, rules: readonly ConditionalFormat[]): void {
  for (const r of rules) {
    const cf = range.conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = hex(r.format.fill);
    cf.cellValue.format.font.color = hex(r.format.fontColor);
    if (r.format.bold) cf.cellValue.format.font.bold = true;
    cf.cellValue.rule = { formula1: `="${r.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

/**
 * A4, Decree 30/2020 margins, one page wide (a documented scale from the printed columns' widths in
 * points, `fitScale`), print titles (ExcelApi 1.9: the caller checks).
 */
export function applyPage(ws: Excel.Worksheet, page: PageSetup, model: Pick<SheetModel, "printTitleRows">, widthsPt: readonly number[]): void {
  const pl = ws.pageLayout;
  const m = page.marginsMm;
  pl.paperSize = page.paper;
  pl.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.topMargin = mmToPoints(m.top);
  pl.bottomMargin = mmToPoints(m.bottom);
  pl.leftMargin = mmToPoints(m.left);
  pl.rightMargin = mmToPoints(m.right);
  pl.headerMargin = mmToPoints(m.header);
  pl.footerMargin = mmToPoints(m.footer);
  pl.centerHorizontally = page.horizontalCentered;
  // One page wide, as many pages down as the table needs.
  if (page.fitToWidth) pl.zoom = { scale: fitScale(page.orientation === "landscape" ? "landscape" : "portrait", m, widthsPt) };
  if (model.printTitleRows) pl.setPrintTitleRows(`$${model.printTitleRows.first + 1}:$${model.printTitleRows.last + 1}`);
}

/** Runs of consecutive rows sharing a height (null: autofit). */
function heightRuns(model: SheetModel): { from: number; count: number; height: number | null }[] {
  const runs: { from: number; count: number; height: number | null }[] = [];
  model.rows.forEach((r, i) => {
    if (r.hidden) return;
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === i && last.height === r.height) last.count++;
    else runs.push({ from: i, count: 1, height: r.height });
  });
  return runs;
}

/** The cells as `range.values` and `range.numberFormat` want them, indents as spaces where needed. */
function cellArrays(model: SheetModel, features: Features): { values: (string | number)[][]; formats: string[][] } {
  const resolved = resolveFormats(model);
  const formats = resolved.map((row) => row.map((f) => f.numberFormat ?? "General"));
  const values = model.rows.map((row, r) =>
    row.values.map((v, c) => {
      const indent = resolved[r][c].indent ?? 0;
      // Without indentLevel the plan's own label is indented with spaces; a reload rewrites it anyway.
      const spaced = !features.indent && indent > 0 && typeof v === "string" && model.columns[c].role === "plan";
      return cellInput(spaced ? `${"    ".repeat(indent)}${v}` : v, formats[r][c]);
    }),
  );
  return { values, formats };
}

/** A generous guess of what the format actions add to a request (each names its range and fields). */
function otherBytes(model: SheetModel, runs: number): number {
  const rules = model.conditionalFormats.reduce((s, c) => s + c.rules.length, 0) + model.fractionFormats.length;
  return 600 * runs + 900 * model.validations.length + 500 * rules + 150 * (model.rows.length + model.columns.length + model.merges.length);
}

export interface WriteModelOptions {
  features: Features;
  budget: RequestBudget;
  log: WriteLog;
  /** What the sheet held before (0-based), cleared first: rows may have moved since. */
  old: Area | null;
}

/**
 * Queues the model onto `ws`. Values and number formats go first (the "@" format before the text it
 * protects); the caller's next sync sends the rest. Extra syncs happen only for a payload over the limit.
 */
export async function writeModel(ws: Excel.Worksheet, model: SheetModel, opts: WriteModelOptions): Promise<void> {
  const { features, budget, log } = opts;
  const n = model.columns.length;
  if (opts.old) {
    const old = at(ws, opts.old);
    old.unmerge();
    old.conditionalFormats.clearAll();
    old.dataValidation.clear();
    old.clear("All");
    old.rowHidden = false;
    old.columnHidden = false;
    log(opts.old);
  }
  ws.freezePanes.unfreeze();

  const { values, formats } = cellArrays(model, features);
  const sizes = values.map((row, i) => jsonBytes(row) + jsonBytes(formats[i]));
  for (const b of rowBlocks(sizes, budget.limit)) {
    await budget.room(sizes.slice(b.from, b.to).reduce((s, x) => s + x, 0));
    const area = { row: b.from, col: 0, rows: b.to - b.from, cols: n };
    const range = at(ws, area);
    range.numberFormat = formats.slice(b.from, b.to);
    range.values = values.slice(b.from, b.to);
    log(area);
  }
  // The user's formulas over the values just written: the same batch, and events the add-in raised.
  const typed = model.formulas ?? [];
  if (typed.length) await budget.room(typed.reduce((s, f) => s + jsonBytes(f.formula) + 120, 0));
  for (const f of typed) {
    const area = { row: f.row, col: f.col, rows: 1, cols: 1 };
    const cell = at(ws, area);
    // A text-formatted cell would keep the formula as text.
    if (formats[f.row]?.[f.col] === "@") cell.numberFormat = [["General"]];
    cell.formulas = [[f.formula]];
    log(area);
  }

  const runs = formatRuns(model);
  await budget.room(otherBytes(model, runs.length));
  for (const s of runs) applyFormat(at(ws, s.area), s.format, s.area, features);
  model.columns.forEach((c, i) => {
    const col = ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
    col.format.columnWidth = widthPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  });
  for (const run of heightRuns(model)) {
    const rows = ws.getRangeByIndexes(run.from, 0, run.count, n);
    if (run.height != null) rows.format.rowHeight = run.height;
    else rows.format.autofitRows();
  }
  model.rows.forEach((r, i) => {
    if (r.hidden) ws.getRangeByIndexes(i, 0, 1, 1).getEntireRow().rowHidden = true;
  });
  for (const m of model.merges) at(ws, m).merge(false);
  for (const v of model.validations) applyValidation(at(ws, v.area), v.validation);
  for (const cf of model.conditionalFormats) applyConditional(at(ws, cf.area), cf.rules);
  for (const f of model.fractionFormats) {
    const cf = at(ws, f.area).conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${f.formula}`;
    cf.custom.format.numberFormat = f.numberFormat;
  }
  const { rows, columns } = model.freeze;
  if (rows && columns) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (columns) ws.freezePanes.freezeColumns(columns);
  if (features.pageLayout) applyPage(ws, model.page, model, model.columns.filter((c) => !c.hidden).map((c) => widthPoints(c.width)));
}
