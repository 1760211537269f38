/**
 * The traffic counts of a laid-out targets sheet, for the live judgement (computed.ts, on a keyed
 * grid) and the report (actuals.ts, on a sheet read back): both hand their rows here, and the core's
 * one reader (src/core/traffic-block.ts) finds the block and reads each count, so a "3 vụ" is the same
 * `traffic.bad-count` at the same visible cell on every path, as in the check.
 */
import { type TrafficReading, findTrafficRows, readTrafficCounts } from "../core/traffic-block";
import { columnLetter } from "../core/address";
import type { CellValue } from "./sheets/types";

export interface SheetRowInput {
  /** Row index in the sheet (0-based). */
  index: number;
  id: string | null;
  values: readonly (CellValue | undefined)[];
}

/** The counts in column `figureCol` (0-based), the labels in `nameCol` (−1: none). */
export function sheetTraffic(
  rows: readonly SheetRowInput[],
  cols: { figure: number; name: number },
  where: { sheet: string; target: string | null },
): TrafficReading {
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const label = (r: SheetRowInput): string => {
    const v = cols.name >= 0 ? r.values[cols.name] : null;
    return v == null ? "" : String(v);
  };
  const block = findTrafficRows(rows.map((r) => ({ row: r.index, id: r.id, label: label(r) })));
  return readTrafficCounts(block, (row) => (cols.figure < 0 ? null : (byIndex.get(row)?.values[cols.figure] ?? null)), {
    sheet: where.sheet,
    cellOf: (row) => `${columnLetter(cols.figure)}${row + 1}`,
    target: where.target,
  });
}
