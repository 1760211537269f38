/**
 * The report as printed sheets, as data: every cell's value and format resolved, merges, widths,
 * heights, the repeated header row and the page of Decree 30/2020 (A4, Times New Roman 13, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; landscape for the wide table). The ExcelJS host only
 * translates. Pure numbers are JS numbers with en-US format codes; printed text stays text.
 */
import type { FigureCell, ReportModel, ReportRow, TaskCounts } from "../../core/report/model";
import { outlookText, rowCells, rowName } from "../../core/report/model";
import { FONT, PAGE } from "./styles";
import type { CellFormat, CellValue, PageSetup } from "./types";

export const REPORT_FONT_SIZE = 13;

export interface ReportCell {
  value: CellValue;
  format: CellFormat;
  /** Spans this many columns to the right (merged), 1 when absent. */
  span?: number;
}

export interface ReportSheetRow {
  cells: (ReportCell | null)[];
  /** Points. */
  height: number;
}

export interface ReportSheet {
  name: string;
  /** Excel character units. */
  widths: number[];
  rows: ReportSheetRow[];
  /** 0-based rows repeated at the top of every printed page. */
  printTitleRows: { first: number; last: number } | null;
  page: PageSetup;
}


const LINE_PT = 17.5;
const base: CellFormat = { font: { name: FONT, size: REPORT_FONT_SIZE }, vAlign: "middle", wrap: true };
const f = (over: CellFormat): CellFormat => ({ ...base, ...over, font: { ...base.font, ...over.font } });
const boxed = (over: CellFormat = {}): CellFormat => f({ border: "thin", ...over });

/** Characters of Times New Roman 13 that fit in a column of `width` Excel units (measured on the PNGs). */
const perLine = (width: number): number => Math.max(1, Math.floor(width * 1.15));

/** Lines a wrapped text takes in a column of `width`; words are not split across lines. */
export function linesFor(text: string, width: number): number {
  const cap = perLine(width);
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (used === 0) used = w;
      else if (used + 1 + w <= cap) used += 1 + w;
      else {
        lines++;
        used = w;
      }
      while (used > cap) {
        lines++;
        used -= cap;
      }
    }
  }
  return lines;
}

const heightFor = (lines: number): number => Math.max(1, lines) * LINE_PT + 4;

/** Text as a cell value: never starting with "=", which a spreadsheet might take for a formula. */
export function safeText(s: string): string {
  return s.startsWith("=") ? ` ${s}` : s;
}

export function figureNumberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(Math.min(decimals, 10))}` : "#,##0";
}

function figure(c: FigureCell | null, format: CellFormat): ReportCell {
  if (!c || c.text === "") return { value: null, format };
  if (c.value != null) return { value: c.value, format: { ...format, numberFormat: figureNumberFormat(c.decimals) } };
  return { value: safeText(c.text), format: { ...format, numberFormat: "@" } };
}

const text = (s: string, format: CellFormat): ReportCell => ({ value: s ? safeText(s) : null, format: { ...format, numberFormat: "@" } });

const WIDTHS: Record<string, number> = {
  no: 6, name: 50, unit: 12, plan: 16, actual: 17, status: 16, percentPlan: 13, percentPrevious: 13, outlook: 20,
};

function titleRows(model: ReportModel, width: number, widths: number[]): ReportSheetRow[] {
  const left = 3;
  const right = width - left;
  const leftW = widths.slice(0, left).reduce((a, b) => a + b, 0);
  const rightW = widths.slice(left).reduce((a, b) => a + b, 0);
  const pair = (l: string, r: string, lf: CellFormat, rf: CellFormat): ReportSheetRow => {
    const cells: (ReportCell | null)[] = new Array(width).fill(null);
    cells[0] = { ...text(l, lf), span: left };
    cells[left] = { ...text(r, rf), span: right };
    return { cells, height: heightFor(Math.max(linesFor(l, leftW), linesFor(r, rightW))) };
  };
  const center = { hAlign: "center" as const, border: "none" as const };
  const h = model.heading;
  const rows = [
    pair(h.issuer[0] ?? "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f({ ...center, font: { bold: true } }), f({ ...center, font: { bold: true } })),
    pair(h.issuer.slice(1).join(" "), "Độc lập - Tự do - Hạnh phúc", f({ ...center, font: { bold: true } }), f({ ...center, font: { bold: true } })),
    pair(h.number, h.placeDate, f(center), f({ ...center, font: { italic: true } })),
  ];
  return rows;
}

function spanRow(width: number, value: string, format: CellFormat, totalWidth: number): ReportSheetRow {
  const cells: (ReportCell | null)[] = new Array(width).fill(null);
  cells[0] = { ...text(value, format), span: width };
  return { cells, height: heightFor(linesFor(value, totalWidth)) };
}

const blank = (width: number, height = 8): ReportSheetRow => ({ cells: new Array(width).fill(null), height });

function bodyRow(model: ReportModel, row: ReportRow, widths: number[]): ReportSheetRow {
  const sub = row.kind === "sub";
  const style = boxed(sub ? { font: { italic: true } } : {});
  const center = { ...style, hAlign: "center" as const };
  const cells = model.columns.map((c): ReportCell => {
    switch (c.key) {
      case "no":
        return text(row.label, center);
      case "name":
        return text(rowName(row), { ...style, hAlign: "left" });
      case "unit":
        return text(row.unit, center);
      case "plan":
        return figure(row.plan, center);
      case "actual":
        return figure(row.actual, center);
      case "status":
        return text(row.statusText, center);
      case "percentPlan":
        return figure(row.percentPlan, center);
      case "percentPrevious":
        return figure(row.percentPrevious, center);
      case "outlook":
        return text(outlookText(row), center);
    }
  });
  const printed = rowCells(model, row);
  const lines = Math.max(...printed.map((s, i) => linesFor(s, widths[i])));
  return { cells, height: heightFor(lines) };
}

function targetsSheet(model: ReportModel): ReportSheet {
  const widths = model.columns.map((c) => WIDTHS[c.key]);
  const n = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const rows: ReportSheetRow[] = [...titleRows(model, n, widths), blank(n, 12)];
  rows.push(spanRow(n, model.tableTitle.toLocaleUpperCase("vi-VN"), f({ hAlign: "center", font: { bold: true, size: 14 } }), total * 0.9));
  // The addressee as the .docx prints it, under the title (Decree 30/2020's "Kính gửi").
  if (model.heading.to) rows.push(spanRow(n, `Kính gửi: ${model.heading.to}`, f({ hAlign: "center" }), total));
  if (model.note) rows.push(spanRow(n, model.note, f({ hAlign: "center", font: { italic: true, bold: true, color: "C00000" } }), total));
  rows.push(blank(n));
  const header = rows.length;
  const hf = boxed({ hAlign: "center", font: { bold: true } });
  rows.push({
    cells: model.columns.map((c) => text(c.header, hf)),
    height: heightFor(Math.max(...model.columns.map((c, i) => linesFor(c.header, widths[i])))),
  });
  for (const r of model.rows) rows.push(bodyRow(model, r, widths));
  if (model.revision) rows.push(spanRow(n, model.revision.footnote, f({ hAlign: "left", font: { italic: true } }), total));
  rows.push(blank(n));
  rows.push(spanRow(n, model.sentence, f({ hAlign: "justify" }), total));
  if (model.tasks && model.tasks.byOffice.length === 0) rows.push(spanRow(n, model.tasks.sentence, f({ hAlign: "justify" }), total));
  rows.push(...signatureRows(model, n, widths));
  return { name: "Báo cáo chỉ tiêu", widths, rows, printTitleRows: { first: header, last: header }, page: PAGE };
}

/** The signature block under the table, right: capacity, title, space to sign, the name. */
function signatureRows(model: ReportModel, width: number, widths: number[]): ReportSheetRow[] {
  const left = Math.min(3, width - 1);
  const rightW = widths.slice(left).reduce((a, b) => a + b, 0);
  const line = (s: string, bold: boolean): ReportSheetRow => {
    const cells: (ReportCell | null)[] = new Array(width).fill(null);
    cells[left] = { ...text(s, f({ hAlign: "center", border: "none", font: { bold } })), span: width - left };
    return { cells, height: heightFor(linesFor(s, rightW)) };
  };
  const h = model.heading;
  return [blank(width, 12), ...h.signer.map((s) => line(s, true)), blank(width, 48), ...(h.signerName ? [line(h.signerName, true)] : [])];
}

function tasksSheet(model: ReportModel): ReportSheet | null {
  const t = model.tasks;
  // Counts given as they are name no office: their sentence is printed under the targets table.
  if (!t || t.byOffice.length === 0) return null;
  const headers = ["TT", "Cơ quan chủ trì", ...t.columns.map((c) => c.header)];
  const widths = [6, t.columns.length > 5 ? 36 : 48, ...t.columns.map(() => (t.columns.length > 5 ? 11 : 14))];
  const n = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const rows: ReportSheetRow[] = [
    spanRow(n, model.tasksTitle.toLocaleUpperCase("vi-VN"), f({ hAlign: "center", font: { bold: true, size: 14 } }), total),
    spanRow(n, model.unit, f({ hAlign: "center", font: { italic: true } }), total),
    blank(n),
    spanRow(n, t.sentence, f({ hAlign: "justify" }), total),
    blank(n),
  ];
  const header = rows.length;
  const hf = boxed({ hAlign: "center", font: { bold: true } });
  rows.push({ cells: headers.map((h) => text(h, hf)), height: heightFor(Math.max(...headers.map((h, i) => linesFor(h, widths[i])))) });
  const num = (v: number, format: CellFormat): ReportCell => ({ value: v, format: { ...format, numberFormat: "0" } });
  const counts = (c: TaskCounts, format: CellFormat): ReportCell[] => {
    return t.columns.map((col) => num(c[col.key], format));
  };
  const cf = boxed({ hAlign: "center" });
  t.byOffice.forEach((o, i) => {
    rows.push({
      cells: [num(i + 1, cf), text(o.office, boxed({ hAlign: "left" })), ...counts(o, cf)],
      height: heightFor(linesFor(o.office, widths[1])),
    });
  });
  const bold = boxed({ hAlign: "center", font: { bold: true } });
  rows.push({ cells: [text("", bold), text("Tổng cộng", { ...bold, hAlign: "left" }), ...counts(t, bold)], height: heightFor(1) });
  return { name: "Nhiệm vụ", widths, rows, printTitleRows: { first: header, last: header }, page: PAGE };
}

/** The sheets of the report workbook: the targets table, and the tasks by lead office when given. */
export function reportSheets(model: ReportModel): ReportSheet[] {
  const tasks = tasksSheet(model);
  return tasks ? [targetsSheet(model), tasks] : [targetsSheet(model)];
}
