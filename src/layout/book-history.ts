/**
 * The file host's side of "sửa ngoài add-in" (issue 18): a book read whole (layout/book.ts) checked
 * against its own history and row fingerprints, as the pane checks the sheet it opens. Kept apart from
 * layout/history.ts so the pane's first chunk does not carry the book reader.
 */
import type { HistoryEntry } from "../core/history";
import { type BookReading, gridValues } from "./book";
import { outsideEntries } from "./history";
import { keyedGrid } from "./judge";
import { readSheet } from "./read";
import { recordCulture, recordJudged } from "./sheets/record";
/**
 * A book's edits made outside the add-in, as read by the file host (`ktxh collect`, `ktxh report`):
 * its own targets sheet (the one its record names) against its history and the record's fingerprints.
 * Empty for a book without a record or a targets sheet of the add-in's.
 */
export function bookOutsideEntries(book: BookReading, at: string, random?: () => number): HistoryEntry[] {
  const name = book.record?.meta.sheets.targets.name;
  const g = book.grids.find((x) => x.sheet === name) ?? null;
  if (!g || !name) return [];
  const values = gridValues(g);
  const read = readSheet(values, name);
  if (read?.layoutId !== "targets") return [];
  const grid = keyedGrid(read, values, undefined, recordCulture(book.record));
  return outsideEntries(grid, book.history, recordJudged(book.record), { plan: book.plan, sheet: name, at, random });
}
