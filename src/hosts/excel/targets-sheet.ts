/**
 * Opens the targets sheet for judging: its values, its keyed layout and the plan, in one request
 * when the sheet's id is already known (the usual case: `readState` or `loadPlan` saw it), else
 * through `locate`. Shared by recheck, live judgment and its edits.
 */
import type { Plan } from "../../core/plan";
import type { WorkbookMeta } from "../../layout/sheets/meta";
import { type ReadSheet, readSheet } from "../../layout/read";
import { recoverSheet } from "../../layout/recover";
import type { CellValue } from "../../layout/sheets/types";
import { type ReadValue, gridFrom, percentFormats } from "./cells";
import { HostError } from "./errors";
import { locate, loadSettings, planOf, settingsMeta } from "./locate";
import type { TypingCulture } from "../../core/culture";
import { loadCulture } from "./culture";
import { type JudgedState, loadJudged } from "./judged";
import { type RowsChanged, rowsChangedSince } from "../../layout/fingerprint";
import { affectedIds, keyedGrid } from "../../layout/judge";
import { HOST_TEXT } from "./strings";
import type { HistoryEntry } from "../../core/history";
import { type HistoryProbe, queueHistoryByName, queueHistoryProbe } from "./history-sheet";

export interface TargetsSheet {
  id: string;
  name: string;
  grid: CellValue[][];
  read: ReadSheet;
  protected: boolean;
  /** Number formats in the grid's coordinates, kept only when some cell is formatted as %. */
  formats?: (string | null)[][];
}

export interface OpenedTargets extends TargetsSheet {
  plan: Plan;
  meta: WorkbookMeta | null;
  /** The culture figures are typed in (this Excel's, else the book's record's), null when not known. */
  culture: TypingCulture | null;
  /** The fingerprints of the rows as last judged, where the book's record keeps them. */
  judged?: JudgedState | null;
  /**
   * The history sheet, when asked for (`withHistory`): whether it exists and may be written, and its
   * entries (null: the sheet exists but was not read in this request, so nothing is said of them).
   */
  history?: { probe: HistoryProbe; entries: HistoryEntry[] | null };
}

/** What the host knows from earlier reads, so that one request reads the sheet and all it needs. */
export interface TargetsHints {
  /** Excel reports its culture (ExcelApi 1.11). */
  cultureSupported: boolean;
  /** The culture known otherwise (the book's record), for an Excel that does not say. */
  culture: TypingCulture | null;
  /** The record sheet's id, where the book has one: the fingerprints are read from it. */
  recordId: string | null;
  /** An earlier read saw the history sheet: its values can be read in the same request. */
  historyExists?: boolean;
}

/**
 * Queues the read of one sheet by id; `finish` gives the result after the next sync. Given the plan,
 * a sheet whose key row or identity column was deleted is read all the same (layout/recover.ts):
 * callers pass it only for the sheet the book's record names as its targets sheet.
 */
export function readTargetsById(ctx: Excel.RequestContext, id: string): (plan?: Plan | null) => TargetsSheet | null {
  const ws = ctx.workbook.worksheets.getItem(id);
  ws.load("id,name");
  const used = ws.getUsedRangeOrNullObject(false);
  // Number formats too: a figure cell formatted as % holds the fraction, and is read as the check reads it.
  used.load("values,numberFormat,rowIndex,columnIndex");
  const protection = ws.protection.load("protected");
  return (plan) => {
    if (used.isNullObject) return null;
    const grid = gridFrom(used.values as ReadValue[][], used.rowIndex, used.columnIndex);
    const read = readSheet(grid, ws.name) ?? (plan ? recoverSheet("targets", grid, ws.name, plan) : null);
    if (!read || read.layoutId !== "targets") return null;
    const formats = percentFormats(used.numberFormat as ReadValue[][], used.rowIndex, used.columnIndex);
    return { id: ws.id, name: ws.name, grid, read, protected: protection.protected, ...(formats ? { formats } : {}) };
  };
}

/**
 * The targets sheet and the plan. `knownId` is the sheet id seen last; when the sheet is gone or no
 * longer ours, the workbook is searched again (a few more requests, never a wrong sheet).
 */
export async function openTargets(
  ctx: Excel.RequestContext,
  knownId: string | null,
  defaults: readonly string[],
  hints: TargetsHints = { cultureSupported: false, culture: null, recordId: null },
  withHistory = false,
): Promise<OpenedTargets> {
  if (knownId) {
    const settings = loadSettings(ctx);
    const live = loadCulture(ctx, hints.cultureSupported);
    const judged = loadJudged(ctx, hints.recordId);
    const finish = readTargetsById(ctx, knownId);
    const probe = withHistory ? queueHistoryProbe(ctx) : null;
    const entries = withHistory ? queueHistoryByName(ctx, hints.historyExists === true) : null;
    let sheet: TargetsSheet | null = null;
    let meta: WorkbookMeta | null = null;
    let plan: Plan | null = null;
    try {
      await ctx.sync();
      meta = settingsMeta(settings);
      plan = planOf(settings, meta);
      sheet = finish(plan);
    } catch {
      sheet = null; // deleted since: fall through to the search
    }
    if (sheet && plan) {
      const opened: OpenedTargets = { ...sheet, plan, meta, culture: live() ?? hints.culture, judged: judged() };
      if (probe && entries) {
        const p = probe();
        opened.history = { probe: p, entries: entries() ?? (p.exists ? null : []) };
      }
      return opened;
    }
  }
  const loc = await locate(ctx, defaults, hints.cultureSupported, { history: withHistory });
  if (!loc.plan) throw new HostError(loc.meta ? HOST_TEXT.planUnknown(loc.meta.planId) : HOST_TEXT.noPlan);
  const f = loc.found.targets;
  if (!f) throw new HostError(HOST_TEXT.noTargetsSheet);
  return { id: f.info.id, name: f.info.name, grid: f.grid, read: f.read, protected: f.protected, plan: loc.plan, meta: loc.meta, culture: loc.culture, judged: loc.judged, ...(f.formats ? { formats: f.formats } : {}),
    ...(withHistory ? { history: { probe: loc.history, entries: loc.historyEntries } } : {}) };
}

/**
 * The rows to judge again because their inputs changed since they were last judged (the record's
 * fingerprints): `handled`, those rows; `only`, the target rows whose judgement they decide (a sub-row's
 * total, the traffic target of its counts). Null when the book keeps no fingerprints: judge every row.
 */
export function changedSince(t: OpenedTargets): { only: Set<string>; handled: Set<string>; changed: RowsChanged } | null {
  const grid = keyedGrid(t.read, t.grid, t.formats, t.culture);
  const changed = rowsChangedSince(t.judged?.stored ?? null, grid);
  if (!changed.known) return null;
  const ids = new Set(changed.changed);
  const rows: number[] = [];
  grid.rows.forEach((r, i) => r.id && ids.has(r.id) && rows.push(i));
  return { only: affectedIds(t.plan, grid, rows), handled: ids, changed };
}
