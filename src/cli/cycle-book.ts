/**
 * What `ktxh submissions` and `ktxh collect` read from the plan workbook: the one reading of the book
 * (layout/book.ts), its ExcelJS workbook, and who is asked for what (layout/cycle.ts: the *Phân công*
 * sheet where the book has one, the officer's edits winning over the plan's own assignment).
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Workbook } from "exceljs";
import { message } from "../core/messages";
import { problem } from "../core/problems";
import { readBook } from "../layout/book";
import { type CyclePlanBook, cyclePlanBook } from "../layout/cycle";
import { readWorkbook } from "../hosts/xlsx/read-workbook";
import { readAssignSheet } from "../hosts/xlsx/submissions";
import { builtInPlans } from "../seeds";

export interface PlanBook extends CyclePlanBook {
  workbook: Workbook;
}

/** The plan workbook, or the sentence saying why it cannot be read. */
export async function readPlanBook(file: string, cwd: string): Promise<PlanBook | string> {
  const full = path.resolve(cwd, file);
  let buf: Buffer;
  try {
    buf = await fs.readFile(full);
  } catch (e) {
    return message(problem("file.missing", {}, { detail: e instanceof Error ? e.message : null }));
  }
  const read = await readWorkbook(buf, full);
  if (!read.ok) return message(problem(read.code, {}, { detail: null }));
  if (!read.workbook) return "sổ kế hoạch phải là tệp .xlsx do ktxh init hoặc add-in tạo";
  const book = readBook(read.grids, { plans: builtInPlans() });
  return { ...cyclePlanBook(book, readAssignSheet(read.workbook)), workbook: read.workbook };
}
