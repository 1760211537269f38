/**
 * Writes the report sheets (layout/report.ts) with ExcelJS: values, fonts, borders, merges, widths,
 * heights, print titles and the A4 page. Returns the file as bytes; the caller decides where it goes.
 */
import { Workbook, type Worksheet } from "exceljs";
import type { ReportModel } from "../../core/report/model";
import { type ReportSheet, reportSheets } from "../../layout/sheets/report";
import { pageSetup, styleCell } from "./apply-layout";

function writeSheet(wb: Workbook, sheet: ReportSheet): Worksheet {
  const ws = wb.addWorksheet(sheet.name);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 1);
    row.height = r.height;
    r.cells.forEach((c, ci) => {
      if (!c) return;
      const span = c.span ?? 1;
      // A merged area takes its borders from every cell it covers: style them all.
      for (let k = 0; k < span; k++) styleCell(row.getCell(ci + 1 + k), c.format);
      // Strings go in as string cells: ExcelJS makes a formula only from a { formula } object.
      if (c.value != null) row.getCell(ci + 1).value = c.value;
      if (span > 1) ws.mergeCells(ri + 1, ci + 1, ri + 1, ci + span);
    });
  });
  pageSetup(ws, sheet.page, sheet, 11);
  return ws;
}

export function reportWorkbook(model: ReportModel): Workbook {
  const wb = new Workbook();
  wb.creator = "KT-XH";
  for (const s of reportSheets(model)) writeSheet(wb, s);
  return wb;
}

/** The report as .xlsx bytes. */
export async function reportXlsx(model: ReportModel): Promise<Uint8Array> {
  const buf = await reportWorkbook(model).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
