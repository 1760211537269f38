/**
 * Finds the add-in's sheets and what they hold, in a fixed number of requests whatever the workbook:
 * 1) settings (plan metadata and the plan, as older versions kept them), the sheet list, the workbook's
 *    protection and Excel's culture (where ExcelApi 1.11 reports it);
 * 2) the book's record (its very hidden sheet, layout/sheets/record.ts: the source of truth where present),
 *    the used range of each candidate sheet (by the id kept in settings, the name, the default name),
 *    the first row of every other sheet (to spot a sheet the user renamed), each sheet's protection;
 * 3) only when a non-candidate sheet carries a KT-XH mark: that sheet's values.
 * A sheet is the add-in's only when its hidden key row says so; a user's own sheet is never taken.
 */
import { type Plan, parsePlan } from "../../core/plan";
import { META_SETTING_KEY, type WorkbookMeta, decodeMeta } from "../../layout/sheets/meta";
import { type BookRecord, JUDGED_ROW, RECORD_SHEET, decodeJudgedRow, decodeRecord, recordCulture } from "../../layout/sheets/record";
import type { JudgedState } from "./judged";
import type { TypingCulture } from "../../core/culture";
import { loadCulture } from "./culture";
import { type ReadSheet, readSheet } from "../../layout/read";
import { recoverSheet } from "../../layout/recover";
import type { Area, CellFormula } from "../../layout/sheet-model";
import type { CellValue, LayoutId } from "../../layout/sheets/types";
import { layoutOfMark } from "../../core/row-id";
import { builtInPlan } from "../../seeds";
import { type ReadValue, gridFrom, percentFormats } from "./cells";
import { type HistoryProbe, probeFrom, queueHistoryRead } from "./history-sheet";
import type { HistoryEntry } from "../../core/history";
import { HISTORY_SHEET, readHistory } from "../../layout/sheets/history";

/** Where the add-in keeps the plan itself, so a reopened workbook is judged without the pane's file. */
export const PLAN_SETTING_KEY = "ktxh.plan";

export interface SheetInfo {
  id: string;
  name: string;
}

export interface FoundSheet {
  info: SheetInfo;
  read: ReadSheet;
  grid: CellValue[][];
  /** Number formats where some cell is a % (see `percentFormats`), for judging. */
  formats?: (string | null)[][];
  /** The used range (values and formats), 0-based: what a rewrite clears. */
  used: Area | null;
  protected: boolean;
}

export interface Located {
  meta: WorkbookMeta | null;
  /** The book's record, as read (migrated from older books); null when the book has none. */
  record: BookRecord | null;
  /** The plan the record holds, else the copy in settings, else the built-in plan the metadata names. */
  plan: Plan | null;
  sheets: SheetInfo[];
  found: Partial<Record<LayoutId, FoundSheet>>;
  /** Structure protection: no sheet can be added. */
  workbookProtected: boolean;
  metaSheet: SheetInfo | null;
  /** The record sheet is protected: it cannot be rewritten (a load refuses before writing anything). */
  metaProtected: boolean;
  /** The culture figures are typed in: this Excel's where it says, else the one the record keeps, else null. */
  culture: TypingCulture | null;
  /** The fingerprints of the rows as last judged (hosts/excel/judged.ts); null without a record sheet. */
  judged: JudgedState | null;
  /** Whether the history sheet exists and may be appended to. */
  history: HistoryProbe;
  /** The history's entries, read only when asked (`locate(…, { history: true })`). */
  historyEntries: HistoryEntry[];
}

export interface SettingsRead {
  meta: Excel.Setting;
  plan: Excel.Setting;
}

/** Queues the settings KT-XH keeps (loaded at the next sync). */
export function loadSettings(ctx: Excel.RequestContext): SettingsRead {
  const meta = ctx.workbook.settings.getItemOrNullObject(META_SETTING_KEY);
  const plan = ctx.workbook.settings.getItemOrNullObject(PLAN_SETTING_KEY);
  meta.load("value");
  plan.load("value");
  return { meta, plan };
}

export function settingsMeta(s: SettingsRead): WorkbookMeta | null {
  return s.meta.isNullObject ? null : decodeMeta(s.meta.value);
}

/** Queues the read of the record sheet's values (null when the book has no record sheet). */
export function loadRecord(sheets: Excel.WorksheetCollection, infos: readonly SheetInfo[]): Excel.Range | null {
  const sheet = infos.find((s) => s.name === RECORD_SHEET);
  return sheet ? sheets.getItem(sheet.id).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") : null;
}

/** The record in a used range read by `loadRecord`, its values put back at their place from A1. */
export function recordOf(range: Excel.Range | null): BookRecord | null {
  return range && !range.isNullObject ? decodeRecord(gridFrom(range.values as ReadValue[][], range.rowIndex, range.columnIndex)) : null;
}

/** The plan a record holds, when it holds a valid one. */
export function recordPlan(record: BookRecord | null): Plan | null {
  if (record?.plan == null) return null;
  const r = parsePlan(record.plan);
  return r.ok ? r.value : null;
}

/** The plan of the workbook: the copy in settings, else (a file made by `ktxh init`) the built-in plan. */
export function planOf(s: SettingsRead, meta: WorkbookMeta | null): Plan | null {
  if (!s.plan.isNullObject && typeof s.plan.value === "string") {
    try {
      const r = parsePlan(JSON.parse(s.plan.value));
      if (r.ok && (!meta || r.value.id === meta.planId)) return r.value;
    } catch {
      // A damaged copy: fall back to the built-in plan of that id, if there is one.
    }
  }
  return meta ? builtInPlan(meta.planId) : null;
}

const areaOf = (r: Excel.Range): Area => ({ row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount });

interface Probe {
  info: SheetInfo;
  ws: Excel.Worksheet;
  used: Excel.Range;
  /** Full values (candidates) or only the top rows (the rest). */
  full: boolean;
  first: Excel.Range | null;
  protection: Excel.WorksheetProtection;
}

function candidate(info: SheetInfo, meta: WorkbookMeta | null, defaults: readonly string[]): boolean {
  const refs = meta ? [meta.sheets.targets, meta.sheets.tasks] : [];
  return refs.some((s) => s.id === info.id || s.name === info.name) || defaults.includes(info.name);
}

/**
 * The real formulas of a range read from (`row`, `col`), in the sheet's coordinates. `formulas` gives
 * a constant cell its value, so text that merely starts with "=" (typed with an apostrophe) reads the
 * same in both: a formula is an "=" entry that differs from the cell's value.
 */
export function formulasFrom(formulas: ReadValue[][] | undefined, values: ReadValue[][], row: number, col: number): CellFormula[] {
  const out: CellFormula[] = [];
  formulas?.forEach((line, r) =>
    line.forEach((f, c) => {
      if (typeof f === "string" && f.length > 1 && f.startsWith("=") && f !== values[r]?.[c]) out.push({ row: row + r, col: col + c, formula: f });
    }),
  );
  return out;
}

/**
 * The sheet read back. `recover`: the plan and the layout, for a sheet the book's record names as its
 * targets or tasks sheet, which is read all the same when its key row or identity column was deleted
 * (layout/recover.ts).
 */
function found(
  p: Probe,
  values: ReadValue[][],
  formulas?: ReadValue[][],
  numberFormats?: ReadValue[][],
  recover: { plan: Plan; layout: LayoutId; periods?: readonly string[] } | null = null,
): FoundSheet | null {
  if (p.used.isNullObject) return null;
  const grid = gridFrom(values, p.used.rowIndex, p.used.columnIndex);
  const typed = formulasFrom(formulas, values, p.used.rowIndex, p.used.columnIndex);
  const read = readSheet(grid, p.info.name, typed) ?? (recover ? recoverSheet(recover.layout, grid, p.info.name, recover.plan, typed, recover.periods) : null);
  const formats = percentFormats(numberFormats, p.used.rowIndex, p.used.columnIndex);
  return read ? { info: p.info, read, grid, used: areaOf(p.used), protected: p.protection.protected, ...(formats ? { formats } : {}) } : null;
}

/** Picks, for each layout, the sheet kept in settings (by id, then name), else the first marked one. */
function choose(list: FoundSheet[], meta: WorkbookMeta | null): Partial<Record<LayoutId, FoundSheet>> {
  const out: Partial<Record<LayoutId, FoundSheet>> = {};
  for (const layout of ["targets", "tasks"] as const) {
    const mine = list.filter((f) => f.read.layoutId === layout);
    const ref = meta?.sheets[layout];
    out[layout] =
      mine.find((f) => ref?.id != null && f.info.id === ref.id) ?? mine.find((f) => f.info.name === ref?.name) ?? mine[0];
  }
  return out;
}

export async function locate(ctx: Excel.RequestContext, defaults: readonly string[], cultureSupported = false, opts: { history?: boolean } = {}): Promise<Located> {
  const settings = loadSettings(ctx);
  const liveCulture = loadCulture(ctx, cultureSupported);
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  const wbProtection = ctx.workbook.protection;
  wbProtection.load("protected");
  await ctx.sync();

  let meta = settingsMeta(settings);
  const infos = sheets.items.map((s) => ({ id: s.id, name: s.name }));
  const metaSheet = infos.find((s) => s.name === RECORD_SHEET) ?? null;
  const recordRange = loadRecord(sheets, infos);
  const metaProtection = metaSheet ? sheets.getItem(metaSheet.id).protection.load("protected") : null;
  const probes: Probe[] = infos
    .filter((info) => info !== metaSheet)
    .map((info) => {
      const ws = sheets.getItem(info.id);
      const used = ws.getUsedRangeOrNullObject(false);
      const full = candidate(info, meta, defaults);
      // Formulas travel with the values: a reload writes the user's formulas back, not their results.
      used.load(full ? "values,formulas,numberFormat,rowIndex,columnIndex,rowCount,columnCount" : "rowIndex,columnIndex,rowCount,columnCount");
      // Top rows only: where the hidden key row is, unless the user inserted rows above it.
      const first = full ? null : ws.getRange("1:3").getUsedRangeOrNullObject(true).load("values");
      const protection = ws.protection.load("protected");
      return { info, ws, used, full, first, protection };
    });
  // The history's values travel in the same request, when the caller needs them (the report's revisions).
  const historyRange = opts.history ? queueHistoryRead(ctx, infos.some((s) => s.name === HISTORY_SHEET)) : null;
  await ctx.sync();
  const historyEntries = historyRange && !historyRange.isNullObject ? (readHistory(gridFrom(historyRange.values as ReadValue[][], historyRange.rowIndex, historyRange.columnIndex)) ?? []) : [];

  const record = recordOf(recordRange);
  if (record) meta = record.meta;
  const recordGrid = recordRange && !recordRange.isNullObject ? gridFrom(recordRange.values as ReadValue[][], recordRange.rowIndex, recordRange.columnIndex) : null;
  const judgedRow = decodeJudgedRow(recordGrid?.[JUDGED_ROW]);
  const metaProtected = metaProtection?.protected ?? false;
  const judged: JudgedState | null = metaSheet ? { recordId: metaSheet.id, stored: judgedRow?.judged ?? null, writable: judgedRow !== null && !metaProtected } : null;
  const plan = recordPlan(record) ?? planOf(settings, meta);
  // Only a sheet the book's record names is ours without its key row; a user's "Chỉ tiêu" never is.
  const named = (info: SheetInfo, layout: LayoutId): boolean => {
    const recorded = meta?.sheets[layout];
    if (recorded == null) return false;
    const byId = recorded.id != null && infos.some((s) => s.id === recorded.id);
    return byId ? recorded.id === info.id : recorded.name === info.name;
  };
  const recoverAs = (info: SheetInfo): LayoutId | null => (["targets", "tasks"] as const).find((l) => named(info, l)) ?? null;
  const list: FoundSheet[] = [];
  const marked: Probe[] = [];
  for (const p of probes) {
    if (p.full) {
      const layout = recoverAs(p.info);
      const recover = layout && plan ? { plan, layout, periods: meta?.periods } : null;
      const f = p.used.isNullObject ? null : found(p, p.used.values as ReadValue[][], p.used.formulas as ReadValue[][], p.used.numberFormat as ReadValue[][], recover);
      if (f) list.push(f);
    } else if (p.first && !p.first.isNullObject && (p.first.values as ReadValue[][]).some((r) => r.some((v) => layoutOfMark(v)))) {
      marked.push(p);
    }
  }
  // A sheet the user renamed, in a workbook whose settings do not know its id: read it after all.
  if (marked.length) {
    const ranges = marked.map((p) => p.ws.getUsedRange(false).load("values,formulas"));
    await ctx.sync();
    marked.forEach((p, i) => {
      const f = found(p, ranges[i].values as ReadValue[][], ranges[i].formulas as ReadValue[][]);
      if (f) list.push(f);
    });
  }
  return {
    meta,
    record,
    plan,
    sheets: infos,
    found: choose(list, meta),
    workbookProtected: wbProtection.protected,
    metaSheet,
    metaProtected,
    culture: liveCulture() ?? recordCulture(record),
    judged,
    history: probeFrom(probes.map((p) => ({ name: p.info.name, protected: p.protection.protected })), wbProtection.protected),
    historyEntries,
  };
}
