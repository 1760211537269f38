/**
 * A new KT-XH workbook for a plan, made with ExcelJS (the `ktxh init` command): the targets sheet, the
 * tasks sheet and the very hidden record sheet holding the plan and its metadata (layout/sheets/record.ts).
 */
import { rowFingerprints } from "../../layout/fingerprint";
import { Workbook, type Worksheet } from "exceljs";
import type { Plan } from "../../core/plan";
import { type WorkbookMeta, makeMeta } from "../../layout/sheets/meta";
import { type BookRecord, JUDGED_KEY, RECORD_SHEET, decodeRecord, encodeRecord, makeRecord } from "../../layout/sheets/record";
import { type PeriodId, latestPeriod, listPeriods } from "../../core/periods";
import { type ReadSheet, readSheet } from "../../layout/read";
import { type SheetModel, buildTargetsModel, buildTasksModel } from "../../layout/sheet-model";
import { TARGETS_LAYOUT_VERSION } from "../../layout/sheets/targets";
import { TASKS_LAYOUT_VERSION } from "../../layout/sheets/tasks";
import type { LayoutId } from "../../layout/sheets/types";
import { applyModel, readWorksheetGrid } from "./apply-layout";
import { planAssignments } from "../../core/recipients";
import { writeAssignSheet } from "./submissions";

export interface InitOptions {
  periods: readonly PeriodId[];
  statusPeriod?: PeriodId | null;
  /** ISO time recorded as the last write; the caller's clock. */
  now?: string | null;
}

export interface InitResult {
  workbook: Workbook;
  meta: WorkbookMeta;
  models: { targets: SheetModel; tasks: SheetModel };
}

/** Writes the book's record on its very hidden sheet, replacing the one there (of any version). */
export function writeRecordSheet(wb: Workbook, record: BookRecord): Worksheet {
  const old = wb.getWorksheet(RECORD_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  encodeRecord(record).forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  return ws;
}

export function readRecordSheet(wb: Workbook): BookRecord | null {
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (!ws) return null;
  const values: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (line[c - 1] = typeof cell.value === "string" ? cell.value : String(cell.value ?? "")));
    values[r - 1] = line;
  });
  return decodeRecord(values);
}

export function readMetaSheet(wb: Workbook): WorkbookMeta | null {
  return readRecordSheet(wb)?.meta ?? null;
}

export function initWorkbook(plan: Plan, opts: InitOptions): InitResult {
  const periods = listPeriods(plan.year, opts.periods).map((p) => p.id);
  const statusPeriod = opts.statusPeriod ?? latestPeriod(plan.year, periods);
  const targets = buildTargetsModel(plan, { periods, statusPeriod });
  const tasks = buildTasksModel(plan, { periods });
  const wb = new Workbook();
  wb.creator = "KT-XH";
  applyModel(wb, targets);
  applyModel(wb, tasks);
  const meta = makeMeta({
    planId: plan.id,
    unit: plan.unit,
    year: plan.year,
    periods,
    statusPeriod,
    layoutVersion: { targets: TARGETS_LAYOUT_VERSION, tasks: TASKS_LAYOUT_VERSION },
    sheets: { targets: targets.name, tasks: tasks.name },
    updated: opts.now ?? null,
  });
  // Who is asked for what in the collection cycle; the officer edits it (issue 17).
  writeAssignSheet(wb, plan, planAssignments(plan));
  // Every row was judged just now (buildTargetsModel): a later catch-up sees only the rows edited since.
  writeRecordSheet(wb, makeRecord(meta, plan, { [JUDGED_KEY]: Object.fromEntries(rowFingerprints(targets)) }));
  return { workbook: wb, meta, models: { targets, tasks } };
}

/** The KT-XH sheets of a workbook found by their key-row mark, whatever the user renamed them. */
export function findLayoutSheets(wb: Workbook): Partial<Record<LayoutId, { worksheet: Worksheet; sheet: ReadSheet }>> {
  const out: Partial<Record<LayoutId, { worksheet: Worksheet; sheet: ReadSheet }>> = {};
  for (const ws of wb.worksheets) {
    if (ws.name === RECORD_SHEET) continue;
    const sheet = readSheet(readWorksheetGrid(ws), ws.name);
    if (sheet && !out[sheet.layoutId]) out[sheet.layoutId] = { worksheet: ws, sheet };
  }
  return out;
}
