/**
 * What `ktxh check --out` writes: an annotated copy of a workbook (cells with issues filled in the
 * severity's colour and given a note, values untouched, an issues sheet added) or, where ExcelJS
 * cannot carry the workbook over (charts, pivots, drawings, macros) or the input was a CSV, a
 * separate workbook holding only the issues sheet. The original file is never written.
 */
import ExcelJS from "exceljs";
import { message } from "../../core/messages";
import type { Issue } from "../../core/validate/issue";
import {
  ISSUES_SHEET_NAME, SEVERITY_WORDS, fixText, headerRowOf, issuesLayout, issuesSheetName, issuesSheetRows, markFill,
} from "../../layout/sheets/issues";
import type { CellFormat } from "../../layout/sheets/types";

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function solid(rgb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(rgb) } };
}

function styleOf(f: CellFormat): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (f.font) {
    const font: Partial<ExcelJS.Font> = {};
    if (f.font.name) font.name = f.font.name;
    if (f.font.size) font.size = f.font.size;
    if (f.font.bold != null) font.bold = f.font.bold;
    if (f.font.italic != null) font.italic = f.font.italic;
    if (f.font.color) font.color = { argb: argb(f.font.color) };
    s.font = font;
  }
  const al: Partial<ExcelJS.Alignment> = {};
  if (f.hAlign) al.horizontal = f.hAlign;
  if (f.vAlign) al.vertical = f.vAlign;
  if (f.wrap != null) al.wrapText = f.wrap;
  if (Object.keys(al).length) s.alignment = al;
  if (f.numberFormat) s.numFmt = f.numberFormat;
  if (f.fill) s.fill = solid(f.fill);
  if (f.border === "thin") s.border = THIN;
  return s;
}

function merge(...fs: CellFormat[]): CellFormat {
  return fs.reduce<CellFormat>((a, b) => ({ ...a, ...b, font: { ...a.font, ...b.font } }), {});
}

/** Adds the issues sheet to a workbook. Every value is written as a string cell with the text format. */
export function addIssuesSheet(wb: ExcelJS.Workbook, issues: readonly Issue[], file: string): ExcelJS.Worksheet {
  const layout = issuesLayout(file);
  const name = issuesSheetName(wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: layout.frozenRows }] });
  layout.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const rows = issuesSheetRows(layout, issues);
  const headerRow = headerRowOf(layout);
  /** The header's row number (1-based). */
  const first = headerRow + 1;
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    if (r < headerRow) {
      row.getCell(1).value = values[0];
      row.getCell(1).style = styleOf(merge(layout.baseFormat, { font: { bold: true, size: 13 }, wrap: false }));
      return;
    }
    if (r > headerRow && !issues.length) {
      row.getCell(1).value = values[0];
      return;
    }
    layout.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      // A string is a string cell in ExcelJS (formulas need { formula }): "=HYPERLINK(…)" stays text.
      cell.value = values[i];
      cell.style = styleOf(r === headerRow ? merge(layout.baseFormat, layout.headerFormat) : merge(layout.baseFormat, layout.rowFormat, c.format));
    });
  });
  if (issues.length) {
    ws.autoFilter = { from: { row: first, column: 1 }, to: { row: rows.length, column: layout.columns.length } };
    layout.columns.forEach((c, i) => {
      if (!c.conditional) return;
      const letter = ws.getColumn(i + 1).letter;
      ws.addConditionalFormatting({
        ref: `${letter}${first + 1}:${letter}${rows.length}`,
        rules: c.conditional.map((rule, k) => ({
          type: "cellIs",
          operator: "equal",
          priority: k + 1,
          formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.format.fill) } },
            font: { color: { argb: argb(rule.format.fontColor) }, bold: !!rule.format.bold },
          },
        })),
      });
    });
  }
  ws.pageSetup.orientation = layout.page.orientation;
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.printTitlesRow = `${first}:${first}`;
  return ws;
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * Marks every cell that has an issue (fill in the severity's colour, a note with the messages and
 * fixes) and adds the issues sheet. Values are left as they are. Mutates `wb`, which the caller
 * loaded from the original file's bytes and writes elsewhere.
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, issues: readonly Issue[], file: string): void {
  const byCell = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!i.location.sheet || !i.location.cell) continue;
    const key = `${i.location.sheet}\u0000${i.location.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), i]);
  }
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split("\u0000");
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    let cell = ws.getCell(address);
    if (cell.isMerged) cell = cell.master;
    const fill = markFill(list.map((i) => i.severity));
    // A fresh style object: loaded cells may share one, and only this cell is to change.
    if (fill) cell.style = { ...cell.style, fill: solid(fill) };
    const lines = list.map((i) => `[${SEVERITY_WORDS[i.severity]}] ${message(i)}${i.fix ? ` Đề xuất: ${fixText(i.fix.value)}` : ""}`);
    const before = noteText(cell.note);
    cell.note = [before, ...lines].filter(Boolean).join("\n");
  }
  addIssuesSheet(wb, issues, file);
}

/** A workbook holding only the issues sheet, for files whose copy could not be made faithfully. */
export function issuesWorkbook(issues: readonly Issue[], file: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KT-XH";
  addIssuesSheet(wb, issues, file);
  return wb;
}

export { ISSUES_SHEET_NAME };
