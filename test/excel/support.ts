/** The Office.js host over the strict in-memory Excel, with what the tests look at. */
import { type ExcelRun, type HostOptions, createExcelOperations } from "../../src/hosts/excel/host";
import { columnLetter } from "../../src/core/address";
import type { PaneOperations } from "../../src/contract/operations";
import { type StrictWorkbook, type StrictWorkbookOptions, asExcelContext, createWorkbook } from "../../src/testing/strict-excel";

export interface Setup {
  wb: StrictWorkbook;
  ops: PaneOperations;
  run: ExcelRun;
}

export function setup(opts: StrictWorkbookOptions = {}, host: HostOptions = {}): Setup {
  const wb = createWorkbook(opts);
  const run: ExcelRun = (batch) => wb.run((ctx) => batch(asExcelContext(ctx)));
  const ops = createExcelOperations(run, {
    isSetSupported: (name, version) => wb.model.isSetSupported(name, version),
    debounceMs: 5,
    now: () => "2024-07-15T08:00:00.000Z",
    newContext: null,
    ...host,
  });
  return { wb, ops, run };
}

/** Syncs made by one step. */
export async function syncsOf(wb: StrictWorkbook, step: () => Promise<unknown>): Promise<number> {
  wb.counters.reset();
  await step();
  return wb.counters.syncs;
}

/** Where a row (by identity) and a column (by key) are now, as an A1 address; the sheet may be sorted. */
export function cellOf(wb: StrictWorkbook, sheet: string, id: string, key: string): string {
  const g = wb.user.grid(sheet, "A1:AZ2000");
  const keys = g[0];
  const idCol = keys.findIndex((v) => typeof v === "string" && v.startsWith("#ktxh:"));
  const col = keys.indexOf(key);
  const row = g.findIndex((r) => r[idCol] === id);
  if (idCol < 0 || col < 0 || row < 0) throw new Error(`no cell for ${id}/${key} on ${sheet}`);
  return `${columnLetter(col)}${row + 1}`;
}

/** Everything a user could see or a later load could read, to compare a workbook before and after. */
export function snapshot(wb: StrictWorkbook): unknown {
  return {
    names: wb.user.sheetNames(),
    settings: wb.user.settings(),
    sheets: wb.user.sheetNames().map((n) => ({ info: wb.user.sheetInfo(n), grid: wb.user.grid(n, "A1:AZ200") })),
  };
}
