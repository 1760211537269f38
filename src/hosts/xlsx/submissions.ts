/**
 * The collection cycle's books in ExcelJS (issue 17): a recipient's submission book (layout in
 * src/layout/sheets/submission.ts), the *Phân công* sheet of the plan workbook, and the *Nguồn số liệu*
 * sheet of a merged book. The host only moves cells; what goes where is decided in the layout and core.
 */
import { Workbook, type Worksheet } from "exceljs";
import type { Plan } from "../../core/plan";
import type { Assignment } from "../../core/recipients";
import { wrappedRowHeight } from "../../layout/format";
import { makeMeta } from "../../layout/sheets/meta";
import { makeRecord } from "../../layout/sheets/record";
import { BASE_FORMAT, HEADER_FORMAT, PAGE } from "../../layout/sheets/styles";
import {
  ASSIGN_COLUMNS, ASSIGN_HEADER_ROW, ASSIGN_SHEET, ASSIGN_TITLE, CONFLICTS_COLUMNS, CONFLICTS_SHEET, CONFLICTS_TITLE, CYCLE_TABLE_HEADER_ROW,
  SOURCES_COLUMNS, SOURCES_SHEET, SOURCES_TITLE, SUBMISSION_KEY,
  type SubmissionBook, assignRows,
} from "../../layout/sheets/submission";
import type { CellValue } from "../../layout/sheets/types";
import { TARGETS_LAYOUT_VERSION } from "../../layout/sheets/targets";
import { TASKS_LAYOUT_VERSION } from "../../layout/sheets/tasks";
import { pageSetup, readWorksheetGrid, styleCell, validationOf } from "./apply-layout";
import { writeRecordSheet } from "./workbook-init";

const ASKED_FILL = "FFF2CC";
const INPUT_FILL = "FFFFFF";
const FIXED_FILL = "F2F2F2";

function protect(ws: Worksheet): Promise<void> {
  // No password: protection guards against slips, not against the recipient.
  return ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** A recipient's book: header block and table per sheet, input cells unlocked, the record hidden. */
export async function submissionWorkbook(book: SubmissionBook, plan: Plan, now: string | null): Promise<Workbook> {
  const wb = new Workbook();
  wb.creator = "KT-XH";
  wb.title = book.record.form;
  for (const t of book.tables) {
    const ws = wb.addWorksheet(t.sheet);
    t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    const width = t.columns.length;
    const title = ws.getCell(1, 1);
    title.value = t.title;
    styleCell(title, { ...BASE_FORMAT, font: { ...BASE_FORMAT.font, bold: true, size: 14 }, hAlign: "center", wrap: false });
    ws.mergeCells(1, 1, 1, width);
    t.info.forEach(([label, value], i) => {
      const r = i + 2;
      const l = ws.getCell(r, 1);
      l.value = `${label}:`;
      styleCell(l, { ...BASE_FORMAT, font: { ...BASE_FORMAT.font, bold: true }, wrap: false });
      ws.mergeCells(r, 1, r, 2);
      const v = ws.getCell(r, 3);
      v.value = value;
      styleCell(v, { ...BASE_FORMAT, wrap: false });
      ws.mergeCells(r, 3, r, width);
    });
    const hintRow = t.info.length + 2;
    const hint = ws.getCell(hintRow, 1);
    hint.value = t.hint;
    styleCell(hint, { ...BASE_FORMAT, font: { ...BASE_FORMAT.font, italic: true, color: "7F6000" }, wrap: true });
    ws.mergeCells(hintRow, 1, hintRow, width);
    ws.getRow(hintRow).height = wrappedRowHeight([{ text: t.hint, width: t.columns.reduce((sum, c) => sum + c.width, 0), size: BASE_FORMAT.font?.size }]) ?? 30;
    const headerRow = hintRow + 2;
    t.columns.forEach((c, i) => {
      const cell = ws.getCell(headerRow, i + 1);
      cell.value = c.header;
      styleCell(cell, { ...BASE_FORMAT, ...HEADER_FORMAT });
    });
    // Heights for wrapped text: a file written here carries none, and Excel does not grow rows on open.
    const size = BASE_FORMAT.font?.size;
    const heightOf = (texts: readonly (string | null)[], bold: boolean) => wrappedRowHeight(t.columns.map((c, i) => ({ text: texts[i] ?? "", width: c.width, size, bold })));
    const headerHeight = heightOf(t.columns.map((c) => c.header), true);
    if (headerHeight) ws.getRow(headerRow).height = headerHeight;
    t.rows.forEach((row, ri) => {
      const r = headerRow + 1 + ri;
      t.columns.forEach((c, ci) => {
        const cell = ws.getCell(r, ci + 1);
        const v = row.values[ci];
        if (v != null) cell.value = c.text && typeof v === "number" ? String(v) : v;
        const asked = row.asked.includes(ci);
        styleCell(cell, {
          ...BASE_FORMAT, border: "thin", numberFormat: c.text ? "@" : "#,##0.###",
          fill: asked ? ASKED_FILL : c.input ? INPUT_FILL : FIXED_FILL,
          hAlign: c.text ? "left" : "right", vAlign: "top", ...(c.input ? { locked: false } : {}),
        });
        if (c.input && c.validation) cell.dataValidation = validationOf(c.validation);
      });
      const h = heightOf(row.values.map((v) => (v == null ? null : String(v))), false);
      if (h) ws.getRow(r).height = h;
    });
    ws.views = [{ state: "frozen", xSplit: 2, ySplit: headerRow }];
    pageSetup(ws, PAGE, { printTitleRows: { first: headerRow - 1, last: headerRow - 1 } });
    await protect(ws);
  }
  const meta = makeMeta({
    planId: plan.id, unit: plan.unit, year: plan.year, periods: [book.record.period], statusPeriod: book.record.period,
    layoutVersion: { targets: TARGETS_LAYOUT_VERSION, tasks: TASKS_LAYOUT_VERSION },
    sheets: { targets: book.tables[0]?.sheet ?? "", tasks: book.tables[1]?.sheet ?? book.tables[0]?.sheet ?? "" },
    updated: now,
  });
  writeRecordSheet(wb, makeRecord(meta, plan, { [SUBMISSION_KEY]: book.record }));
  return wb;
}

/** The sheet `name` made anew (an old one removed), its columns' widths set and its title in A1. */
function freshSheet(wb: Workbook, name: string, columns: readonly { width: number }[], title: string): Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const cell = ws.getCell(1, 1);
  cell.value = title;
  styleCell(cell, { ...BASE_FORMAT, font: { ...BASE_FORMAT.font, bold: true, size: 14 }, wrap: false });
  return ws;
}

/** Writes (or rewrites) the *Phân công* sheet of a plan workbook. */
export function writeAssignSheet(wb: Workbook, plan: Plan, assignments: readonly Assignment[]): Worksheet {
  const ws = freshSheet(wb, ASSIGN_SHEET, ASSIGN_COLUMNS, ASSIGN_TITLE);
  const note = ws.getCell(2, 1);
  note.value = `${plan.unit} — năm ${plan.year}. Sửa cột "Giao cho" để đổi đơn vị được giao; các lệnh tạo và tổng hợp phiếu dùng nội dung ở đây.`;
  styleCell(note, { ...BASE_FORMAT, font: { ...BASE_FORMAT.font, italic: true }, wrap: false });
  ASSIGN_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(ASSIGN_HEADER_ROW + 1, i + 1);
    cell.value = c.header;
    styleCell(cell, { ...BASE_FORMAT, ...HEADER_FORMAT });
  });
  assignRows(plan, assignments).forEach((row, ri) => {
    row.forEach((v, ci) => {
      const cell = ws.getCell(ASSIGN_HEADER_ROW + 2 + ri, ci + 1);
      if (v != null) cell.value = v;
      styleCell(cell, { ...BASE_FORMAT, border: "thin", numberFormat: "@", vAlign: "top", ...(ci === 4 ? { locked: false } : {}) });
    });
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: ASSIGN_HEADER_ROW + 1 }];
  return ws;
}

/** The *Phân công* sheet's rows as values, or null when the book has none. */
export function readAssignSheet(wb: Workbook): CellValue[][] | null {
  const ws = wb.getWorksheet(ASSIGN_SHEET);
  return ws ? readWorksheetGrid(ws) : null;
}

/** A table of the merge (sources, conflicts): title, header row, the rows, frozen and filtered. */
function cycleTable(wb: Workbook, name: string, columns: readonly { header: string; width: number }[], title: string, rows: readonly CellValue[][]): Worksheet {
  const ws = freshSheet(wb, name, columns, title);
  const h = CYCLE_TABLE_HEADER_ROW + 1;
  columns.forEach((c, i) => {
    const cell = ws.getCell(h, i + 1);
    cell.value = c.header;
    styleCell(cell, { ...BASE_FORMAT, ...HEADER_FORMAT });
  });
  // Thousands of rows in a big cycle: the font is set once per column, the cells carry values only.
  columns.forEach((_c, i) => (ws.getColumn(i + 1).font = { name: BASE_FORMAT.font?.name, size: BASE_FORMAT.font?.size }));
  ws.addRows(rows.map((r) => [...r]));
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: h }];
  ws.autoFilter = { from: { row: h, column: 1 }, to: { row: h, column: columns.length } };
  return ws;
}

/** Writes the *Nguồn số liệu* sheet: one row per value merged or held back. */
export function writeSourcesSheet(wb: Workbook, rows: readonly CellValue[][]): Worksheet {
  return cycleTable(wb, SOURCES_SHEET, SOURCES_COLUMNS, SOURCES_TITLE, rows);
}

/** Writes the *Xung đột* sheet (none when there is no conflict: an old one is removed). */
export function writeConflictsSheet(wb: Workbook, rows: readonly CellValue[][]): Worksheet | null {
  if (!rows.length) {
    const old = wb.getWorksheet(CONFLICTS_SHEET);
    if (old) wb.removeWorksheet(old.id);
    return null;
  }
  return cycleTable(wb, CONFLICTS_SHEET, CONFLICTS_COLUMNS, CONFLICTS_TITLE, rows);
}
