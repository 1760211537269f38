/**
 * The ExcelJS host of the sheet model: writes a `SheetModel` into a worksheet (values, formats,
 * widths, frozen panes, hidden identity column and key row, validation, conditional formats, page
 * setup, merged titles) and reads a worksheet back as the plain grid `readSheet` expects.
 * Sheet protection stays off; input cells are unlocked so turning it on leaves them editable.
 */
import type { Alignment, Borders, Cell, CellValue as XCellValue, DataValidation as XValidation, Fill, Font, Workbook, Worksheet } from "exceljs";
import { areaA1 } from "../../core/address";
import { resolveFormats } from "../../layout/format";
import type { SheetModel } from "../../layout/sheet-model";
import { cellValueOf } from "./read-workbook";
import type { CellFormat, CellValue, DataValidation, PageSetup } from "../../layout/sheets/types";

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;
const MM_PER_INCH = 25.4;

function font(f: CellFormat["font"]): Partial<Font> | undefined {
  if (!f) return undefined;
  const out: Partial<Font> = {};
  if (f.name) out.name = f.name;
  if (f.size) out.size = f.size;
  if (f.bold != null) out.bold = f.bold;
  if (f.italic != null) out.italic = f.italic;
  if (f.color) out.color = { argb: argb(f.color) };
  return out;
}

function alignment(f: CellFormat): Partial<Alignment> | undefined {
  const a: Partial<Alignment> = {};
  if (f.hAlign) a.horizontal = f.hAlign;
  if (f.vAlign) a.vertical = f.vAlign;
  if (f.wrap != null) a.wrapText = f.wrap;
  if (f.indent) a.indent = f.indent;
  return Object.keys(a).length ? a : undefined;
}

const THIN: Partial<Borders> = {
  top: { style: "thin", color: { argb: "FF000000" } },
  left: { style: "thin", color: { argb: "FF000000" } },
  bottom: { style: "thin", color: { argb: "FF000000" } },
  right: { style: "thin", color: { argb: "FF000000" } },
};

/** A layout format on one ExcelJS cell (the report sheets use it too). */
export function styleCell(cell: Cell, f: CellFormat): void {
  const fo = font(f.font);
  if (fo) cell.font = fo;
  const al = alignment(f);
  if (al) cell.alignment = al;
  if (f.numberFormat) cell.numFmt = f.numberFormat;
  if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } } as Fill;
  if (f.border === "thin") cell.border = THIN;
  if (f.locked === false) cell.protection = { locked: false };
}

function validation(v: DataValidation): XValidation {
  const base = {
    allowBlank: v.allowBlank,
    showInputMessage: v.prompt != null,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.text,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.text,
  };
  const r = v.rule;
  switch (r.kind) {
    case "list":
      // The list is written inline: Excel limits it to 255 characters, far more than our lists need.
      return { ...base, type: "list", formulae: [`"${r.values.join(",")}"`] };
    case "decimal":
    case "whole":
      if (r.min != null && r.max != null) return { ...base, type: r.kind, operator: "between", formulae: [r.min, r.max] };
      if (r.min != null) return { ...base, type: r.kind, operator: "greaterThanOrEqual", formulae: [r.min] };
      return { ...base, type: r.kind, operator: "lessThanOrEqual", formulae: [r.max ?? Number.MAX_SAFE_INTEGER] };
    case "textLength":
      return r.min != null
        ? { ...base, type: "textLength", operator: "between", formulae: [r.min, r.max] }
        : { ...base, type: "textLength", operator: "lessThanOrEqual", formulae: [r.max] };
  }
}

/** A layout's validation rule in ExcelJS's terms (the collection cycle's books use it too). */
export const validationOf = validation;

/** A4 page setup with Decree 30/2020 margins, print titles and a page-number footer (shared with the report). */
export function pageSetup(ws: Worksheet, page: PageSetup, model: Pick<SheetModel, "printTitleRows">, footerSize = 10): void {
  const m = page.marginsMm;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: page.orientation,
    fitToPage: page.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: page.horizontalCentered,
    margins: {
      top: m.top / MM_PER_INCH,
      bottom: m.bottom / MM_PER_INCH,
      left: m.left / MM_PER_INCH,
      right: m.right / MM_PER_INCH,
      header: m.header / MM_PER_INCH,
      footer: m.footer / MM_PER_INCH,
    },
  };
  if (model.printTitleRows) ws.pageSetup.printTitlesRow = `${model.printTitleRows.first + 1}:${model.printTitleRows.last + 1}`;
  ws.headerFooter = { oddFooter: `&C&"Times New Roman,Regular"&${footerSize}Trang &P/&N` };
}

/** Adds the model as a new worksheet of `wb` and returns it. */
export function applyModel(wb: Workbook, model: SheetModel): Worksheet {
  const ws = wb.addWorksheet(model.name, {
    views: [{ state: "frozen", xSplit: model.freeze.columns, ySplit: model.freeze.rows }],
  });
  model.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  const formats = resolveFormats(model);
  model.rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 1);
    if (r.hidden) row.hidden = true;
    if (r.height != null) row.height = r.height;
    for (let ci = 0; ci < model.columns.length; ci++) {
      const cell = row.getCell(ci + 1);
      const v = r.values[ci];
      // A string is written as a string cell whatever it looks like ("=1+1" stays text): ExcelJS
      // makes formulas only from { formula } objects.
      if (v != null) cell.value = v;
      styleCell(cell, formats[ri][ci]);
    }
  });
  // The user's formulas (a model merged from a sheet they worked in), with their last result.
  for (const f of model.formulas ?? []) {
    const result = model.rows[f.row]?.values[f.col];
    ws.getCell(f.row + 1, f.col + 1).value = { formula: f.formula.replace(/^=/, ""), ...(result != null ? { result } : {}) };
  }
  for (const m of model.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const v of model.validations) {
    const dv = validation(v.validation);
    for (let r = v.area.row; r < v.area.row + v.area.rows; r++) {
      for (let c = v.area.col; c < v.area.col + v.area.cols; c++) ws.getCell(r + 1, c + 1).dataValidation = dv;
    }
  }
  for (const cf of model.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: areaA1(cf.area),
      rules: cf.rules.map((rule, i) => ({
        type: "cellIs",
        operator: "equal",
        priority: i + 1,
        formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.format.fill) } },
          font: { color: { argb: argb(rule.format.fontColor) }, bold: !!rule.format.bold },
        },
      })),
    });
  }
  for (const f of model.fractionFormats) {
    ws.addConditionalFormatting({
      ref: areaA1(f.area),
      rules: [{ type: "expression", priority: model.conditionalFormats.length + 1, formulae: [f.formula], style: { numFmt: f.numberFormat } }],
    });
  }
  pageSetup(ws, model.page, model);
  return ws;
}

function plain(v: XCellValue): CellValue {
  if (v == null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return "result" in v && v.result != null ? plain(v.result as XCellValue) : null;
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("error" in v) return String(v.error);
  return null;
}

/** The sheet's values from A1 as a grid; merged cells other than the top-left one read as empty. */
export function readWorksheetGrid(ws: Worksheet): CellValue[][] {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const grid: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      out.push(cell.isMerged && cell.master.address !== cell.address ? null : plain(cellValueOf(cell)));
    }
    grid.push(out);
  }
  return grid;
}
