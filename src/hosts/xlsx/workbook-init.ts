/**
 * A new KT-XH workbook for a plan, made with ExcelJS (the `ktxh init` command): the targets sheet, the
 * tasks sheet and the hidden `_ktxh` sheet holding the plan metadata (see layout/meta.ts).
 */
import { Workbook, type Worksheet } from "exceljs";
import type { Plan } from "../../core/plan";
import { META_SHEET, META_SHEET_NOTE, type WorkbookMeta, decodeMeta, encodeMeta, makeMeta } from "../../layout/sheets/meta";
import { type PeriodId, latestPeriod, listPeriods } from "../../core/periods";
import { type ReadSheet, readSheet } from "../../layout/read";
import { type SheetModel, buildTargetsModel, buildTasksModel } from "../../layout/sheet-model";
import { TARGETS_LAYOUT_VERSION } from "../../layout/sheets/targets";
import { TASKS_LAYOUT_VERSION } from "../../layout/sheets/tasks";
import type { LayoutId } from "../../layout/sheets/types";
import { applyModel, readWorksheetGrid } from "./apply-layout";

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

export function writeMetaSheet(wb: Workbook, meta: WorkbookMeta): Worksheet {
  const old = wb.getWorksheet(META_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(META_SHEET, { state: "hidden" });
  ws.getCell("A1").value = META_SHEET_NOTE;
  ws.getCell("A2").value = encodeMeta(meta);
  return ws;
}

export function readMetaSheet(wb: Workbook): WorkbookMeta | null {
  const ws = wb.getWorksheet(META_SHEET);
  return ws ? decodeMeta(ws.getCell("A2").value) : null;
}

export function initWorkbook(plan: Plan, opts: InitOptions): InitResult {
  const periods = listPeriods(plan.year, opts.periods).map((p) => p.id);
  const statusPeriod = opts.statusPeriod ?? latestPeriod(plan.year, periods);
  const targets = buildTargetsModel(plan, { periods, statusPeriod });
  const tasks = buildTasksModel(plan);
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
  writeMetaSheet(wb, meta);
  return { workbook: wb, meta, models: { targets, tasks } };
}

/** The KT-XH sheets of a workbook found by their key-row mark, whatever the user renamed them. */
export function findLayoutSheets(wb: Workbook): Partial<Record<LayoutId, { worksheet: Worksheet; sheet: ReadSheet }>> {
  const out: Partial<Record<LayoutId, { worksheet: Worksheet; sheet: ReadSheet }>> = {};
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    const sheet = readSheet(readWorksheetGrid(ws), ws.name);
    if (sheet && !out[sheet.layoutId]) out[sheet.layoutId] = { worksheet: ws, sheet };
  }
  return out;
}
