/**
 * Reading the used ranges of many sheets for the check: all of them in one sync, which is what an
 * ordinary workbook needs. Excel on the web refuses a response above 5 MB as a whole batch; only then
 * is the read done again in row blocks of a bounded number of cells, a sync per block group, so a large
 * workbook is still checked (in more requests, growing with its size, never with its problem count).
 */
import type { UsedRead } from "./check-grid";

const FIELDS = "values,formulas,numberFormat,valueTypes";

/** Cells one sync may carry in the fallback: four arrays a cell, well under 5 MB for usual texts. */
export const CELLS_PER_SYNC = 20_000;

function code(err: unknown): string | null {
  return typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : null;
}

function usedRead(name: string, r: Excel.Range): UsedRead {
  return { sheet: name, row: r.rowIndex, col: r.columnIndex, values: r.values, formulas: r.formulas, numberFormat: r.numberFormat, valueTypes: r.valueTypes };
}

/**
 * Reads each sheet's used range (null where a sheet is empty). `alongside` queues whatever else the
 * caller needs from the same sync; it runs again if the read has to be redone in blocks, since a failed
 * sync delivers none of its loads.
 */
export async function readUsedRanges<T>(
  ctx: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  alongside: () => T,
  cellsPerSync = CELLS_PER_SYNC,
): Promise<{ used: (UsedRead | null)[]; extra: T }> {
  const whole = sheets.map((w) => w.getUsedRangeOrNullObject(false).load(`${FIELDS},rowIndex,columnIndex`));
  let extra = alongside();
  try {
    await ctx.sync();
    return { used: whole.map((r, i) => (r.isNullObject ? null : usedRead(sheets[i].name, r))), extra };
  } catch (err) {
    if (code(err) !== "ResponsePayloadSizeLimitExceeded") throw err;
  }

  const dims = sheets.map((w) => w.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount"));
  extra = alongside();
  await ctx.sync();
  const blocks: { sheet: number; range: Excel.Range; cells: number }[] = [];
  dims.forEach((d, i) => {
    if (d.isNullObject) return;
    const rows = Math.max(1, Math.floor(cellsPerSync / d.columnCount));
    for (let r = 0; r < d.rowCount; r += rows) {
      const n = Math.min(rows, d.rowCount - r);
      blocks.push({ sheet: i, range: sheets[i].getRangeByIndexes(d.rowIndex + r, d.columnIndex, n, d.columnCount), cells: n * d.columnCount });
    }
  });
  let pending = 0;
  for (const b of blocks) {
    if (pending && pending + b.cells > cellsPerSync) {
      await ctx.sync();
      pending = 0;
    }
    b.range.load(FIELDS);
    pending += b.cells;
  }
  if (pending) await ctx.sync();
  const used = dims.map((d, i): UsedRead | null => {
    if (d.isNullObject) return null;
    const mine = blocks.filter((b) => b.sheet === i);
    return {
      sheet: sheets[i].name, row: d.rowIndex, col: d.columnIndex,
      values: mine.flatMap((b) => b.range.values), formulas: mine.flatMap((b) => b.range.formulas),
      numberFormat: mine.flatMap((b) => b.range.numberFormat), valueTypes: mine.flatMap((b) => b.range.valueTypes),
    };
  });
  return { used, extra };
}
