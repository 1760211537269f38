/**
 * Appending to the *Lịch sử số liệu* sheet (src/layout/sheets/history.ts) of an ExcelJS workbook:
 * `ktxh collect` logs each figure it merges into the copy of the plan book. The sheet is added with
 * its header when the book has none; rows go below its last row, and no row is ever rewritten. Text
 * stays text (a value "=1+1" from a returned book is written as a string, never a formula).
 */
import type { Workbook, Worksheet } from "exceljs";
import type { HistoryEntry } from "../../core/history";
import { HISTORY_COLUMNS, HISTORY_FORMAT, HISTORY_HEADER, HISTORY_SHEET, historyRow, isValueColumn } from "../../layout/sheets/history";

function historySheet(wb: Workbook): Worksheet {
  const found = wb.getWorksheet(HISTORY_SHEET);
  if (found) return found;
  const ws = wb.addWorksheet(HISTORY_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  HISTORY_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.font = { name: HISTORY_FORMAT.font, size: HISTORY_FORMAT.size, ...(c.machine ? { color: { argb: `FF${HISTORY_FORMAT.machineColor}` } } : {}) };
    if (!isValueColumn(c.key)) col.numFmt = HISTORY_FORMAT.text;
  });
  const header = ws.getRow(1);
  header.values = [...HISTORY_HEADER];
  header.font = { name: HISTORY_FORMAT.font, size: HISTORY_FORMAT.size, bold: true };
  header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HISTORY_FORMAT.headerFill}` } }));
  return ws;
}

/** Appends the entries (nothing when there are none: a book with no change gets no history sheet). */
export function appendHistory(wb: Workbook, entries: readonly HistoryEntry[]): void {
  if (!entries.length) return;
  const ws = historySheet(wb);
  let next = (ws.lastRow?.number ?? 1) + 1;
  for (const e of entries) {
    const row = ws.getRow(next++);
    historyRow(e).forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (!isValueColumn(HISTORY_COLUMNS[i].key)) cell.numFmt = HISTORY_FORMAT.text;
    });
  }
}
