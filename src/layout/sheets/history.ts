/**
 * The *Lịch sử số liệu* sheet, as data: a visible sheet of one header row and one row per change
 * (src/core/history.ts), appended below the last used row, never rewritten. Both hosts create it
 * with this header when a first change is logged and append `historyRow`s; readers take its rows
 * back with `readHistory`, by the header's words, so a column the user moved or widened still reads.
 */
import { FIGURE_MARKS, type FigureMark } from "../../core/periods";
import { HISTORY_ACTIONS, type HistoryAction, type HistoryEntry, type HistoryValue } from "../../core/history";
import { HISTORY_ACTION_LABELS } from "../../core/messages/labels";
import { nfc } from "../../core/text";
import { FONT, TEXT_FORMAT } from "./styles";
import type { CellValue } from "./types";

export const HISTORY_SHEET = "Lịch sử số liệu";

/** How each action reads in the sheet: the catalog's words (core/messages/labels.ts), which the pane's "Vì sao?" uses too. */
export { HISTORY_ACTION_LABELS };

export type HistoryColumnKey = "at" | "period" | "target" | "name" | "old" | "new" | "mark" | "action" | "source" | "sheet" | "cell" | "id" | "batch" | "row" | "key";

export interface HistoryColumn {
  key: HistoryColumnKey;
  header: string;
  width: number;
  /** Machine columns at the right: kept for undo and merging, narrow and grey. */
  machine?: boolean;
}

/** The columns, left to right. Values are written as text ("@") except old and new, which keep numbers numbers. */
export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  { key: "at", header: "Thời gian", width: 20 },
  { key: "period", header: "Kỳ", width: 8 },
  { key: "target", header: "TT", width: 6 },
  { key: "name", header: "Chỉ tiêu", width: 34 },
  { key: "old", header: "Giá trị cũ", width: 12 },
  { key: "new", header: "Giá trị mới", width: 12 },
  { key: "mark", header: "Ước / Chính thức", width: 11 },
  { key: "action", header: "Thao tác", width: 18 },
  { key: "source", header: "Nguồn / lý do", width: 28 },
  { key: "sheet", header: "Trang", width: 12 },
  { key: "cell", header: "Ô", width: 6 },
  { key: "id", header: "Mã", width: 14, machine: true },
  { key: "batch", header: "Mã thao tác", width: 14, machine: true },
  { key: "row", header: "Mã dòng", width: 9, machine: true },
  { key: "key", header: "Mã cột", width: 9, machine: true },
];

export const HISTORY_WIDTH = HISTORY_COLUMNS.length;
export const HISTORY_HEADER: readonly string[] = HISTORY_COLUMNS.map((c) => c.header);
export const HISTORY_FORMAT = {
  font: FONT,
  size: 11,
  headerFill: "D9E1F2",
  machineColor: "808080",
  text: TEXT_FORMAT,
} as const;

/** Columns holding values of the user's cells: number stays number (General), the others are text. */
export const isValueColumn = (key: HistoryColumnKey): boolean => key === "old" || key === "new";

/** The sheet row of an entry, left to right as `HISTORY_COLUMNS`. */
export function historyRow(e: HistoryEntry): CellValue[] {
  const cells: Record<HistoryColumnKey, CellValue> = {
    at: e.at, period: e.period, target: e.target, name: e.name, old: e.old, new: e.new, mark: e.mark,
    action: HISTORY_ACTION_LABELS[e.action], source: e.source, sheet: e.sheet, cell: e.cell,
    id: e.id, batch: e.batch, row: e.row, key: e.key,
  };
  return HISTORY_COLUMNS.map((c) => cells[c.key] ?? (isValueColumn(c.key) ? null : ""));
}

const str = (v: unknown): string => (typeof v === "string" ? nfc(v).trim() : typeof v === "number" ? String(v) : "");
const orNull = (s: string): string | null => (s === "" ? null : s);
const ACTION_BY_LABEL = new Map<string, HistoryAction>(HISTORY_ACTIONS.map((a) => [HISTORY_ACTION_LABELS[a], a]));

/**
 * The entries of the sheet's values (from A1): the header row is found by its words (the first row
 * naming "Mã" and "Thời gian"), each column by its header; rows without an id or a known action are
 * passed over (a note the user typed below the table). Null when the sheet has no history header.
 */
export function readHistory(values: readonly (readonly unknown[] | undefined)[]): HistoryEntry[] | null {
  let header = -1;
  const col = new Map<HistoryColumnKey, number>();
  for (let r = 0; r < Math.min(values.length, 20) && header < 0; r++) {
    const row = values[r] ?? [];
    const texts = row.map(str);
    if (!texts.includes("Mã") || !texts.includes("Thời gian")) continue;
    header = r;
    for (const c of HISTORY_COLUMNS) {
      const i = texts.indexOf(c.header);
      if (i >= 0) col.set(c.key, i);
    }
  }
  if (header < 0) return null;
  const out: HistoryEntry[] = [];
  for (let r = header + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const at = (k: HistoryColumnKey): unknown => {
      const i = col.get(k);
      return i == null ? null : row[i];
    };
    const value = (k: HistoryColumnKey): HistoryValue => {
      const v = at(k);
      return typeof v === "number" ? v : typeof v === "string" && v !== "" ? v : null;
    };
    const id = str(at("id"));
    const action = ACTION_BY_LABEL.get(str(at("action")));
    if (!id || !action) continue;
    const mark = str(at("mark"));
    out.push({
      id,
      at: str(at("at")),
      action,
      batch: str(at("batch")) || id,
      period: orNull(str(at("period"))),
      target: orNull(str(at("target"))),
      name: str(at("name")),
      key: orNull(str(at("key"))),
      row: orNull(str(at("row"))),
      sheet: str(at("sheet")),
      cell: str(at("cell")),
      old: value("old"),
      new: value("new"),
      mark: (FIGURE_MARKS as readonly string[]).includes(mark) ? (mark as FigureMark) : null,
      source: str(at("source")),
    });
  }
  return out;
}
