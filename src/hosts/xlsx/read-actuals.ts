/**
 * Reads the figures of one period back from a workbook made by `ktxh init` and filled by staff.
 * The reading itself is `src/layout/actuals.ts`, shared with the Office.js host; this file only
 * opens the file and finds the add-in's sheets. Problems, never exceptions, on bad input.
 */
import { Workbook } from "exceljs";
import type { Actuals } from "../../core/evaluate";
import { type Problem, type Result, fail, ok, problem } from "../../core/problems";
import type { TaskStatusInput } from "../../core/report/tasks";
import { readSheetActuals, readSheetTasks, sheetPeriods } from "../../layout/actuals";
import type { WorkbookMeta } from "../../layout/sheets/meta";
import { findLayoutSheets, readMetaSheet } from "./workbook-init";

export interface WorkbookActuals {
  meta: WorkbookMeta | null;
  actuals: Actuals;
  /** The period's mark in the sheet: "Ước" → estimate, "Chính thức" → official; null when unmarked. */
  figures: "estimate" | "official" | null;
  tasks: TaskStatusInput[] | null;
}

/** Reads a period's figures from the workbook's bytes. */
export async function readWorkbookActuals(bytes: Uint8Array, period: string, file?: string): Promise<Result<WorkbookActuals>> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail([problem("report.workbook-unreadable", "error", { file }, { detail })]);
  }
  const sheets = findLayoutSheets(wb);
  const targets = sheets.targets?.sheet;
  if (!targets) return fail([problem("report.workbook-no-layout", "error", { file }, {})]);
  const inFile = (ps: Problem[]): Problem[] => ps.map((p) => ({ ...p, location: { file, ...p.location } }));
  const read = readSheetActuals(targets, period);
  if (!read) {
    const available = sheetPeriods(targets).join(", ");
    return fail(inFile([problem("report.period-missing", "error", { sheet: targets.name }, { period, available })]));
  }
  const tasks = sheets.tasks ? readSheetTasks(sheets.tasks.sheet) : null;
  return ok({ meta: readMetaSheet(wb), actuals: read.actuals, figures: read.figures, tasks }, inFile(read.problems));
}
