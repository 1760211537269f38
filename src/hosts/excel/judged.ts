/**
 * The fingerprints of the rows as last judged, in the book's record (layout/sheets/record.ts,
 * `rows.judged`, kept on the record sheet's row `JUDGED_ROW` alone): read in the batch that reads the
 * targets sheet, written in the batch that writes the judgement — no request of their own. A record
 * sheet that is protected, or whose row is another key (a record written before they were kept), is
 * left alone: the fingerprints are then not known, and every row is judged as before.
 */
import { JUDGED_ROW, type JudgedRows, decodeJudgedRow, encodeJudgedRow } from "../../layout/sheets/record";
import { cellInput } from "./cells";

export interface JudgedState {
  recordId: string;
  /** Null: the record keeps no fingerprints (or they cannot be read). */
  stored: JudgedRows | null;
  /** The row can be rewritten: the sheet is not protected and the row is the fingerprints' own. */
  writable: boolean;
}

/** Queues the read of the judged row (by the record sheet's id); the function gives it after the sync. */
export function loadJudged(ctx: Excel.RequestContext, recordId: string | null): () => JudgedState | null {
  if (!recordId) return () => null;
  const ws = ctx.workbook.worksheets.getItem(recordId);
  const row = ws.getRange(`${JUDGED_ROW + 1}:${JUDGED_ROW + 1}`).getUsedRangeOrNullObject(true).load("values,columnIndex");
  const protection = ws.protection.load("protected");
  return () => {
    const values = row.isNullObject || row.columnIndex !== 0 ? undefined : (row.values[0] as unknown[]);
    const read = decodeJudgedRow(values);
    return { recordId, stored: read?.judged ?? null, writable: read !== null && !protection.protected };
  };
}

/** Queues the rewrite of the judged row. */
export function queueJudged(ctx: Excel.RequestContext, state: JudgedState, judged: JudgedRows): void {
  const ws = ctx.workbook.worksheets.getItem(state.recordId);
  const cells = encodeJudgedRow(judged);
  ws.getRange(`${JUDGED_ROW + 1}:${JUDGED_ROW + 1}`).clear("Contents");
  ws.getRangeByIndexes(JUDGED_ROW, 0, 1, cells.length).values = [cells.map((v) => cellInput(v))];
}
