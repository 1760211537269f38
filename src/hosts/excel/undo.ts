/**
 * "Hoàn tác" over a live workbook (issue 15 point 4): the last fix or reload not yet undone, found in
 * the book's *Lịch sử số liệu* (so it works after the pane was closed and opened again), each cell put
 * back to the value the step replaced — only where it still holds what the step wrote (a figure typed
 * since is never overwritten: it is named instead) — with the rows judged again and the undo itself
 * appended to the history, all in one write request. Requests: the sheet list and settings; the
 * history and the targets sheet; the other sheets' cells (only when the step wrote outside the targets
 * sheet); the write. `lastUndo` and `rowChanges` (a row's last changes, for "Vì sao?") are the first two.
 */
import { parseCell, columnLetter, normalAddress } from "../../core/address";
import { type CurrentCell, type HistoryEntry, type UndoStep, lastUndoable, planUndo, rowHistory, undoEntries } from "../../core/history";
import type { RowChange, UndoInfo, UndoOutcome } from "../../contract/operations";
import { keyedGrid } from "../../layout/judge";
import type { KeyedGrid } from "../../layout/computed";
import { HISTORY_ACTION_LABELS, HISTORY_SHEET, readHistory } from "../../layout/sheets/history";
import type { CellValue } from "../../layout/sheets/types";
import type { Area } from "../../layout/sheet-model";
import { affectedIds } from "../../layout/judge";
import { periodKey } from "../../core/row-id";
import { type ReadValue, cellInput, gridFrom } from "./cells";
import type { ExcelRun } from "./host";
import { queueHistory, queueHistoryRead } from "./history-sheet";
import { loadSettings, planOf, settingsMeta } from "./locate";
import type { SeenInputs } from "./own-writes";
import { queueJudgement } from "./recheck";
import { type TargetsSheet, readTargetsById } from "./targets-sheet";

export interface UndoOptions {
  log: (sheetId: string, area: Area) => void;
  now: () => string;
  seen: SeenInputs;
}

const infoOf = (s: UndoStep | null): UndoInfo | null =>
  s && (s.action === "fix" || s.action === "reload") ? { action: s.action, at: s.at, cells: s.entries.length } : null;

const plain = (v: unknown): CellValue => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? v : typeof v === "boolean" ? String(v).toUpperCase() : null);

/** Reads the sheet list, settings, the history and the targets sheet (two requests). */
async function readAll(ctx: Excel.RequestContext) {
  const settings = loadSettings(ctx);
  const list = ctx.workbook.worksheets.load("items/id,items/name,items/protection/protected");
  const wb = ctx.workbook.protection.load("protected");
  await ctx.sync();
  const meta = settingsMeta(settings);
  const hasHistory = list.items.some((w) => w.name === HISTORY_SHEET);
  const targetsInfo = meta?.sheets.targets.id ? list.items.find((w) => w.id === meta.sheets.targets.id) : undefined;
  const range = queueHistoryRead(ctx, hasHistory);
  const finish = targetsInfo ? readTargetsById(ctx, targetsInfo.id) : null;
  if (range || finish) await ctx.sync();
  const entries: HistoryEntry[] = range && !range.isNullObject ? (readHistory(gridFrom(range.values as ReadValue[][], range.rowIndex, range.columnIndex)) ?? []) : [];
  const plan = planOf(settings, meta);
  const targets = finish?.(plan) ?? null;
  return { list, wb, meta, entries, plan, targets, hasHistory };
}

export async function lastUndo(run: ExcelRun): Promise<UndoInfo | null> {
  return run(async (ctx) => infoOf(lastUndoable((await readAll(ctx)).entries)));
}

/** A target's last changes, latest first (two requests). */
export async function rowChanges(run: ExcelRun, targetNo: string, limit = 3): Promise<RowChange[]> {
  return run(async (ctx) =>
    rowHistory((await readAll(ctx)).entries, targetNo, limit).map((e) => ({
      at: e.at, action: HISTORY_ACTION_LABELS[e.action], kind: e.action, period: e.period, old: e.old, new: e.new, source: e.source,
    })),
  );
}

export async function undoLast(run: ExcelRun, o: UndoOptions): Promise<UndoOutcome> {
  return run(async (ctx) => {
    const r = await readAll(ctx);
    const step = lastUndoable(r.entries);
    if (!step) return { step: null, restored: [], skipped: [], next: null };
    const t: TargetsSheet | null = r.targets;
    const keyed: KeyedGrid | null = t ? keyedGrid(t.read, t.grid, t.formats) : null;
    const protectedSheet = (name: string) => r.list.items.find((w) => w.name === name)?.protection.protected === true;

    // The targets sheet's cells by row identity and column key (rows may have been sorted since).
    const onTargets = (e: HistoryEntry): CurrentCell | null | undefined => {
      if (!t || !keyed || !e.row || !e.key) return undefined;
      const row = keyed.rows.findIndex((x) => x.id === e.row);
      const col = keyed.columns.findIndex((c) => c.key === e.key);
      if (row < 0 || col < 0) return null;
      return { sheet: t.name, cell: `${columnLetter(col)}${row + 1}`, value: keyed.rows[row].values[col] ?? null, locked: t.protected };
    };
    // Other sheets' cells, by the address the step wrote (a third read, only when there are any).
    const others = step.entries.filter((e) => onTargets(e) === undefined && r.list.items.some((w) => w.name === e.sheet) && parseCell(e.cell));
    const ranges = new Map<string, Excel.Range>();
    for (const e of others) {
      const k = `${e.sheet}!${normalAddress(e.cell)}`;
      if (!ranges.has(k)) ranges.set(k, ctx.workbook.worksheets.getItem(e.sheet).getRange(e.cell).load("values,formulas"));
    }
    if (ranges.size) await ctx.sync();
    const locate = (e: HistoryEntry): CurrentCell | null => {
      const there = onTargets(e);
      if (there !== undefined) return there;
      const range = ranges.get(`${e.sheet}!${normalAddress(e.cell)}`);
      if (!range) return null;
      const value = plain(range.values[0]?.[0]);
      const f = range.formulas[0]?.[0];
      const formula = typeof f === "string" && f.startsWith("=") && f !== range.values[0]?.[0];
      return { sheet: e.sheet, cell: normalAddress(e.cell), value, locked: formula || protectedSheet(e.sheet) };
    };
    const undo = planUndo(step, locate);

    const after = t ? t.grid.map((row) => [...row]) : null;
    const rows = new Set<number>();
    for (const w of undo.writes) {
      const ws = r.list.items.find((x) => x.name === w.sheet);
      const pos = parseCell(w.cell);
      if (!ws || !pos) continue;
      const range = ctx.workbook.worksheets.getItem(ws.id).getRangeByIndexes(pos.row, pos.col, 1, 1);
      range.values = [[w.value == null ? "" : typeof w.value === "number" ? w.value : cellInput(w.value)]];
      o.log(ws.id, { row: pos.row, col: pos.col, rows: 1, cols: 1 });
      if (t && after && ws.id === t.id) {
        while (after.length <= pos.row) after.push([]);
        after[pos.row][pos.col] = w.value;
        rows.add(pos.row);
      }
    }
    let summary = null;
    if (t && after && rows.size && r.plan) {
      const grid = keyedGrid(t.read, after, t.formats);
      o.seen.set(t.id, grid);
      const period = r.meta?.statusPeriod ?? null;
      if (period && !t.protected && t.read.columns.some((c) => c.key === periodKey(period))) {
        summary = queueJudgement(ctx, { ...t, grid: after, plan: r.plan, meta: r.meta, culture: null }, period, (a) => o.log(t.id, a), affectedIds(r.plan, grid, rows)).summary;
      }
    }
    const logged = undoEntries(undo, o.now());
    const probe = { exists: r.hasHistory, writable: !protectedSheet(HISTORY_SHEET) && (r.hasHistory || !r.wb.protected) };
    queueHistory(ctx, probe, logged);
    await ctx.sync();
    return {
      step: infoOf(step),
      restored: undo.writes.map((w) => ({ sheet: w.sheet, cell: w.cell })),
      skipped: undo.skipped.map((s) => ({ sheet: s.entry.sheet, cell: s.entry.cell, target: s.entry.target, reason: s.reason, now: s.now })),
      summary,
      next: infoOf(lastUndoable([...r.entries, ...logged])),
    };
  });
}
