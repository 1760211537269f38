/**
 * Reads the figures of one period back from a workbook made by `ktxh init` and filled by staff:
 * targets by the hidden identity column (`t:1.2`), the period's column by the hidden key row
 * (`p:6m`), the traffic counts (`tn:deaths:cur`), the staff's overrides with their reasons (when
 * the sheet judges this period), the period's estimate/official mark and the task statuses. Whatever the user moved, sorted or renamed. Problems, never exceptions, on bad input.
 */
import { Workbook } from "exceljs";
import type { ActualRow, Actuals } from "../domain/evaluate";
import { parseNumber } from "../domain/numbers";
import { type Problem, type Result, fail, ok, problem } from "../domain/problems";
import type { ReportProblemCode } from "../domain/report/codes";
import type { TaskStatusInput } from "../domain/report/tasks";
import type { CountPair, TrafficCounts } from "../domain/traffic";
import { applySheetOverrides, sheetOverrides } from "../layout/computed";
import { columnLetter } from "../layout/format";
import { TRAFFIC_CRITERIA, markKey, periodKey, trafficId } from "../layout/identity";
import type { WorkbookMeta } from "../layout/meta";
import { type ReadSheet, preservedOf } from "../layout/read";
import type { CellValue } from "../layout/types";
import { findLayoutSheets, readMetaSheet } from "./workbook-init";

export interface WorkbookActuals {
  meta: WorkbookMeta | null;
  actuals: Actuals;
  /** The period's mark in the sheet: "Ước" → estimate, "Chính thức" → official; null when unmarked. */
  figures: "estimate" | "official" | null;
  tasks: TaskStatusInput[] | null;
}

const TARGET_PREFIX = "t:";
const TASK_PREFIX = "n:";

function column(sheet: ReadSheet, key: string): number | null {
  return sheet.columns.find((c) => c.key === key)?.index ?? null;
}

function cellText(v: CellValue | undefined): string | number | null {
  if (v == null) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v.normalize("NFC").trim();
  return v;
}

function count(v: CellValue | undefined, cell: string, sheet: string, problems: Problem[]): number | null {
  const t = cellText(v);
  if (t == null) return null;
  const n = typeof t === "number" ? t : (() => {
    const r = parseNumber(t);
    return r.ok ? r.value : NaN;
  })();
  if (Number.isInteger(n) && n >= 0) return n;
  problems.push(problem<ReportProblemCode>("report.bad-count", "warning", { sheet, cell }, { cell, text: String(t) }));
  return null;
}

function readTargets(sheet: ReadSheet, period: string, problems: Problem[]): { actuals: Actuals; ok: boolean } {
  const col = column(sheet, periodKey(period));
  if (col == null) {
    const available = sheet.columns.filter((c) => c.key.startsWith("p:")).map((c) => c.key.slice(2)).join(", ");
    problems.push(problem<ReportProblemCode>("report.period-missing", "error", { sheet: sheet.name }, { period, available }));
    return { actuals: { rows: [] }, ok: false };
  }
  const rows: ActualRow[] = [];
  const byId = new Map<string, CellValue | undefined>();
  const cellOf = new Map<string, string>();
  for (const r of sheet.rows) {
    if (!r.id) continue;
    byId.set(r.id, r.values[col]);
    cellOf.set(r.id, `${columnLetter(col)}${r.index + 1}`);
    if (r.id.startsWith(TARGET_PREFIX)) rows.push({ no: r.id.slice(TARGET_PREFIX.length), actual: cellText(r.values[col]) });
  }
  applySheetOverrides(rows, sheetOverrides(sheet, period), sheet.name, problems);
  const pair = (c: (typeof TRAFFIC_CRITERIA)[number]): CountPair =>
    (["prev", "cur"] as const).map((side) => {
      const id = trafficId(c, side);
      return count(byId.get(id), cellOf.get(id) ?? "", sheet.name, problems);
    }) as CountPair;
  const hasBlock = TRAFFIC_CRITERIA.some((c) => byId.has(trafficId(c, "prev")));
  const traffic: TrafficCounts | undefined = hasBlock ? { accidents: pair("accidents"), deaths: pair("deaths"), injuries: pair("injuries") } : undefined;
  return { actuals: traffic ? { rows, traffic } : { rows }, ok: true };
}

function readTasks(sheet: ReadSheet): TaskStatusInput[] {
  const col = column(sheet, "status");
  if (col == null) return [];
  return sheet.rows
    .filter((r) => r.id?.startsWith(TASK_PREFIX))
    .map((r) => {
      const v = cellText(r.values[col]);
      return { code: (r.id ?? "").slice(TASK_PREFIX.length), status: v == null ? null : String(v) };
    });
}

/** Reads a period's figures from the workbook's bytes. */
export async function readWorkbookActuals(bytes: Uint8Array, period: string, file?: string): Promise<Result<WorkbookActuals>> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail([problem<ReportProblemCode>("report.workbook-unreadable", "error", { file }, { detail })]);
  }
  const sheets = findLayoutSheets(wb);
  const targets = sheets.targets?.sheet;
  if (!targets) return fail([problem<ReportProblemCode>("report.workbook-no-layout", "error", { file }, {})]);
  const problems: Problem[] = [];
  const t = readTargets(targets, period, problems);
  if (!t.ok) return fail(problems.map((p) => ({ ...p, location: { file, ...p.location } })));
  const mark = preservedOf(targets).headerValues[markKey(period)];
  const figures = mark === "Chính thức" ? "official" : mark === "Ước" ? "estimate" : null;
  const tasks = sheets.tasks ? readTasks(sheets.tasks.sheet) : null;
  return ok(
    { meta: readMetaSheet(wb), actuals: t.actuals, figures, tasks },
    problems.map((p) => ({ ...p, location: { file, ...p.location } })),
  );
}
