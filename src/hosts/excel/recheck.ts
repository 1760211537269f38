/**
 * "Kiểm tra lại" and the writes of live judgment: judge the period's figures on the sheet as it is
 * now (sorted, with rows and columns inserted), write only the status, percent and reason cells that
 * change, in one request, and keep the metadata's judged period and the header that names it in step.
 */
import { META_SETTING_KEY, encodeMeta } from "../../layout/sheets/meta";
import { type PeriodId, isPeriodId } from "../../core/periods";
import { targetsLayout } from "../../layout/sheets/targets";
import { periodKey, periodsOfKeys } from "../../core/row-id";
import type { CheckSummary } from "../../contract/operations";
import { cellInput } from "./cells";
import { HostError } from "./errors";
import { type RowWrite, judgeSheet, keyedGrid } from "../../layout/judge";
import { HOST_TEXT } from "./strings";
import type { OpenedTargets } from "./targets-sheet";
import type { WriteLog } from "./write-model";
import { type RowsChanged, judgedAfter, rowsChangedSince, sameJudged } from "../../layout/fingerprint";
import { queueJudged } from "./judged";

/** The header cell naming the judged period ("Đánh giá theo số liệu năm"), when it must change. */
function headerWrite(t: OpenedTargets, period: PeriodId): RowWrite | null {
  const status = t.read.columns.find((c) => c.key === "status");
  const row = t.read.headerRows[0];
  if (!status || row == null) return null;
  const periods = periodsOfKeys(t.read.columns).filter(isPeriodId);
  const text = targetsLayout(t.plan, { periods, statusPeriod: period }).groups.find((g) => g.from === "status")?.text;
  if (!text || t.grid[row]?.[status.index] === text) return null;
  return { row, col: status.index, values: [text] };
}

/** The number format the layout gives each column of the sheet as read (by its key), for the body rows. */
function columnFormats(t: OpenedTargets): (col: number) => string | null {
  const periods = periodsOfKeys(t.read.columns).filter(isPeriodId);
  const byKey = new Map(targetsLayout(t.plan, { periods }).columns.map((c) => [c.key, c.format?.numberFormat ?? null]));
  const byCol = new Map(t.read.columns.map((c) => [c.index, byKey.get(c.key) ?? null]));
  return (col) => byCol.get(col) ?? null;
}

/**
 * Queues the judgement writes for `only` (all rows when absent) and the fingerprints of the rows
 * judged (`handled`: the rows whose inputs were read for it, by default `only`) in the book's record;
 * returns the summary, whether anything was queued, and the rows whose inputs changed since they were
 * last judged (`rowsChangedSince`, as the sheet was read, before this judgement).
 */
export function queueJudgement(
  ctx: Excel.RequestContext,
  t: OpenedTargets,
  period: PeriodId,
  log: WriteLog,
  only?: ReadonlySet<string>,
  handled?: ReadonlySet<string>,
): { summary: CheckSummary; queued: boolean; changed: RowsChanged } {
  if (!t.read.columns.some((c) => c.key === periodKey(period))) throw new HostError(HOST_TEXT.periodMissing(period));
  const grid = keyedGrid(t.read, t.grid, t.formats, t.culture);
  const { writes, summary } = judgeSheet(t.plan, grid, period, t.name, only);
  const changed = rowsChangedSince(t.judged?.stored ?? null, grid);
  const header = only ? null : headerWrite(t, period);
  const all = header ? [...writes, header] : writes;
  const metaChanged = !only && t.meta != null && t.meta.statusPeriod !== period;
  const judged = t.judged?.writable ? judgedAfter(t.judged.stored, changed.current, only ? new Set([...only, ...(handled ?? [])]) : null) : null;
  const judgedChanged = judged !== null && !sameJudged(t.judged?.stored ?? null, judged);
  if (!all.length && !metaChanged && !judgedChanged) return { summary, queued: false, changed };
  if (all.length && t.protected) throw new HostError(HOST_TEXT.sheetProtected(t.name));
  // The record last: were the sheet refused, the fingerprints would say rows were judged that were not.
  const writeJudged = () => {
    if (judged && judgedChanged && t.judged) queueJudged(ctx, t.judged, judged);
  };
  const ws = ctx.workbook.worksheets.getItem(t.id);
  const formatAt = columnFormats(t);
  const headerRows = t.read.headerRows;
  for (const w of all) {
    const area = { row: w.row, col: w.col, rows: 1, cols: w.values.length };
    // cellInput keeps text text (a reason starting with "-" is not a formula) with no stray apostrophe in
    // the layout's Text columns (status, reason); the percent stays a number.
    const inHeader = headerRows.includes(w.row);
    ws.getRangeByIndexes(area.row, area.col, 1, area.cols).values = [w.values.map((v, i) => cellInput(v, inHeader ? null : formatAt(w.col + i)))];
    log(area);
  }
  if (metaChanged && t.meta) ctx.workbook.settings.add(META_SETTING_KEY, encodeMeta({ ...t.meta, statusPeriod: period }));
  writeJudged();
  return { summary, queued: true, changed };
}
