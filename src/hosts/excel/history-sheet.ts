/**
 * Appending to the *Lịch sử số liệu* sheet (src/layout/sheets/history.ts) from Office.js, in the
 * caller's write batch (no request of its own): the rows go below the sheet's last used row as Excel
 * finds it when the batch runs (`getUsedRange().getLastRow().getRowsBelow()`), not where a read some
 * moments ago saw it, so a co-author's rows appended meanwhile are not written over. The sheet is
 * added with its header the first time. A history sheet the user protected, or a workbook whose
 * structure is protected (no sheet may be added), is left alone: the action itself still happens.
 */
import type { HistoryEntry } from "../../core/history";
import { HISTORY_COLUMNS, HISTORY_FORMAT, HISTORY_HEADER, HISTORY_SHEET, HISTORY_WIDTH, historyRow, isValueColumn } from "../../layout/sheets/history";
import { type ReadValue, cellInput, gridFrom, widthPoints } from "./cells";
import { keyedGrid } from "../../layout/judge";
import { outsideEntries } from "../../layout/history";
import { readHistory } from "../../layout/sheets/history";
import type { OpenedTargets } from "./targets-sheet";

const FORMATS = HISTORY_COLUMNS.map((c) => (isValueColumn(c.key) ? "General" : HISTORY_FORMAT.text));

/** What a read batch learnt of the history sheet: whether it exists and may be written. */
export interface HistoryProbe {
  exists: boolean;
  writable: boolean;
}

/** Queues what `probeOf` needs (the sheet list with protections and the workbook's); read after the next sync. */
export function queueHistoryProbe(ctx: Excel.RequestContext): () => HistoryProbe {
  const list = ctx.workbook.worksheets.load("items/name,items/protection/protected");
  const wb = ctx.workbook.protection.load("protected");
  return () => {
    const ws = list.items.find((w) => w.name === HISTORY_SHEET);
    if (ws) return { exists: true, writable: !ws.protection.protected };
    return { exists: false, writable: !wb.protected };
  };
}

/** A probe from what `locate` read: the sheet's protection by name, and the workbook's. */
export function probeFrom(sheets: readonly { name: string; protected: boolean }[], workbookProtected: boolean): HistoryProbe {
  const ws = sheets.find((s) => s.name === HISTORY_SHEET);
  return ws ? { exists: true, writable: !ws.protected } : { exists: false, writable: !workbookProtected };
}

const row = (e: HistoryEntry) => historyRow(e).map((v, i) => cellInput(v, isValueColumn(HISTORY_COLUMNS[i].key) ? null : HISTORY_FORMAT.text));

/**
 * Queues the rows; returns whether they were queued (false: nothing to log, or the sheet may not be
 * written). `probe.exists` becomes true once the sheet is added, for a second call in the same batch.
 */
export function queueHistory(ctx: Excel.RequestContext, probe: HistoryProbe, entries: readonly HistoryEntry[]): boolean {
  if (!entries.length || !probe.writable) return false;
  const n = entries.length;
  const formats = entries.map(() => FORMATS);
  if (!probe.exists) {
    const ws = ctx.workbook.worksheets.add(HISTORY_SHEET);
    const all = ws.getRangeByIndexes(0, 0, n + 1, HISTORY_WIDTH);
    all.format.font.name = HISTORY_FORMAT.font;
    all.format.font.size = HISTORY_FORMAT.size;
    HISTORY_COLUMNS.forEach((c, i) => {
      const col = ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
      col.format.columnWidth = widthPoints(c.width);
      if (c.machine) col.format.font.color = HISTORY_FORMAT.machineColor;
    });
    const header = ws.getRangeByIndexes(0, 0, 1, HISTORY_WIDTH);
    header.numberFormat = [HISTORY_COLUMNS.map(() => HISTORY_FORMAT.text)];
    header.values = [HISTORY_HEADER.map((h) => cellInput(h, HISTORY_FORMAT.text))];
    header.format.font.bold = true;
    header.format.fill.color = HISTORY_FORMAT.headerFill;
    ws.freezePanes.freezeRows(1);
    const body = ws.getRangeByIndexes(1, 0, n, HISTORY_WIDTH);
    body.numberFormat = formats;
    body.values = entries.map(row);
    probe.exists = true;
    return true;
  }
  const ws = ctx.workbook.worksheets.getItem(HISTORY_SHEET);
  const below = ws.getUsedRange(true).getLastRow().getRowsBelow(1).getEntireRow().getCell(0, 0).getAbsoluteResizedRange(n, HISTORY_WIDTH);
  // Text columns are Text ("@"), so an old "7-8" or a reason starting with "=" stays as it was; old and new keep numbers numbers.
  below.numberFormat = formats;
  below.values = entries.map(row);
  return true;
}

/** Queues the read of the history's values (null when the sheet is absent); `historyOf` gives them after the sync. */
export function queueHistoryRead(ctx: Excel.RequestContext, exists: boolean): Excel.Range | null {
  return exists ? ctx.workbook.worksheets.getItem(HISTORY_SHEET).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") : null;
}

/**
 * Queues the read of the history's values by the sheet's name, for a batch that reads the targets
 * sheet: only when an earlier read saw the sheet (`exists`), since a missing sheet's range cannot be
 * asked for in the same request; `entriesOf` gives them after the sync (null: not read).
 */
export function queueHistoryByName(ctx: Excel.RequestContext, exists: boolean): () => HistoryEntry[] | null {
  if (!exists) return () => null;
  const range = ctx.workbook.worksheets.getItem(HISTORY_SHEET).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
  return () => (range.isNullObject ? [] : (readHistory(gridFrom(range.values as ReadValue[][], range.rowIndex, range.columnIndex)) ?? []));
}

/**
 * The edits made while no pane watched (found by the row fingerprints of the book's record against the
 * history, layout/history.ts `outsideChanges`), queued as "sửa ngoài add-in" rows in the caller's write
 * batch — no request of its own. Nothing when the history was not read with the sheet (its entries
 * unknown: never guessed) or may not be written. Returns the entries queued.
 */
export function queueOutside(ctx: Excel.RequestContext, t: OpenedTargets, now: () => string): HistoryEntry[] {
  const h = t.history;
  if (!h || h.entries === null || !h.probe.writable) return [];
  // Without the record's fingerprints only the cells the history knows are compared.
  const judged = t.judged ? t.judged.stored : null;
  const grid = keyedGrid(t.read, t.grid, t.formats, t.culture);
  const logged = outsideEntries(grid, h.entries, judged, { plan: t.plan, sheet: t.name, at: now() });
  if (!logged.length || !queueHistory(ctx, h.probe, logged)) return [];
  // Logged once: the next reading of the book starts from these values.
  h.entries = [...h.entries, ...logged];
  return logged;
}
