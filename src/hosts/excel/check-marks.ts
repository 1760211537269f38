/**
 * Marking problem cells with a fill colour, and taking the marks off again, without touching values or
 * formulas. The fill a cell had before is kept in the workbook's settings (`MARKS_SETTING_KEY`), so
 * "Bỏ đánh dấu" puts back exactly what the user had, even after the workbook was closed and reopened.
 * A mark is taken off only while the cell still shows our colour: a fill the user chose since is theirs.
 * Excel reports an unfilled cell as white, so white is put back by clearing the fill.
 */
import * as z from "zod/mini";
import type { Severity } from "../../core/problems";
import { MARK_FILLS, markFill } from "../../layout/sheets/issues";

export const MARKS_SETTING_KEY = "ktxh.check.marks";

const hex = (rgb: string | null): string | null => (rgb == null ? null : `#${rgb.toUpperCase()}`);

/** The layout's mark fills (src/layout/sheets/issues.ts) as Office.js colours. */
export const MARK_COLORS: Record<Severity, string | null> = {
  error: hex(MARK_FILLS.error),
  warning: hex(MARK_FILLS.warning),
  info: hex(MARK_FILLS.info),
};

/** More marks than this would bloat the settings: the rest of the problems are listed but not marked. */
export const MARK_LIMIT = 2000;

const NO_FILL = "#FFFFFF";

const MarkSchema = z.object({
  /** Worksheet id: a renamed sheet keeps its marks. */
  s: z.string(),
  /** Cell, A1. */
  c: z.string(),
  /** The fill before the mark. */
  o: z.string(),
  /** The mark's colour. */
  m: z.string(),
});
const RecordSchema = z.object({ v: z.literal(1), marks: z.array(MarkSchema) });

export type Mark = z.infer<typeof MarkSchema>;

export function decodeMarks(value: unknown): Mark[] {
  if (typeof value !== "string") return [];
  try {
    const r = RecordSchema.safeParse(JSON.parse(value));
    return r.success ? r.data.marks : [];
  } catch {
    return [];
  }
}

export function encodeMarks(marks: readonly Mark[]): string {
  return JSON.stringify({ v: 1, marks });
}

/** A cell to mark: the sheet's id and the colour of its worst problem. */
export interface WantedMark {
  sheetId: string;
  cell: string;
  color: string;
}

const key = (sheetId: string, cell: string): string => `${sheetId}!${cell}`;

/** What a sheet allows: marks are neither placed nor taken off on a protected sheet (Excel would refuse). */
export interface SheetAccess {
  exists: boolean;
  protected: boolean;
}

/** The plan of one marking pass, worked out from what the cells show now (pure). */
export interface MarkPlan {
  /** Cells to fill with a mark colour. */
  paint: { sheetId: string; cell: string; color: string }[];
  /** Cells to give back their own fill. */
  restore: { sheetId: string; cell: string; fill: string }[];
  /** The record to keep: every mark now on the workbook. */
  keep: Mark[];
}

/**
 * Old marks that are no longer wanted are taken off; wanted ones are placed, remembering the fill the
 * cell had before any of our marks. `current(sheetId, cell)` is the fill each cell shows now.
 */
export function planMarks(
  old: readonly Mark[],
  wanted: readonly WantedMark[],
  current: (sheetId: string, cell: string) => string | null,
  access: (sheetId: string) => SheetAccess,
): MarkPlan {
  const plan: MarkPlan = { paint: [], restore: [], keep: [] };
  const oldByKey = new Map(old.map((m) => [key(m.s, m.c), m]));
  const wantedKeys = new Set<string>();
  for (const w of wanted) {
    const k = key(w.sheetId, w.cell);
    if (wantedKeys.has(k)) continue;
    const a = access(w.sheetId);
    if (!a.exists || a.protected || plan.keep.length >= MARK_LIMIT) continue;
    const now = current(w.sheetId, w.cell);
    if (now === null) continue;
    wantedKeys.add(k);
    const prev = oldByKey.get(k);
    // Still showing our earlier mark: what it covered is the cell's own fill.
    const original = prev && prev.m === now ? prev.o : now;
    plan.keep.push({ s: w.sheetId, c: w.cell, o: original, m: w.color });
    if (now !== w.color) plan.paint.push({ sheetId: w.sheetId, cell: w.cell, color: w.color });
  }
  for (const m of old) {
    if (wantedKeys.has(key(m.s, m.c))) continue;
    const a = access(m.s);
    if (!a.exists) continue;
    // A protected sheet keeps its marks on record, to be taken off once it is unprotected.
    if (a.protected) {
      plan.keep.push(m);
      continue;
    }
    if (current(m.s, m.c) === m.m) plan.restore.push({ sheetId: m.s, cell: m.c, fill: m.o });
  }
  return plan;
}

/** Queues a fill: the colour, or no fill at all for white (how Excel reports an unfilled cell). */
export function queueFill(range: Excel.Range, color: string): void {
  if (color.toUpperCase() === NO_FILL) range.format.fill.clear();
  else range.format.fill.color = color;
}

/** Queues the marks record (or its removal when no mark is left). */
export function queueRecord(ctx: Excel.RequestContext, keep: readonly Mark[], existed: boolean): void {
  if (keep.length) ctx.workbook.settings.add(MARKS_SETTING_KEY, encodeMarks(keep));
  else if (existed) ctx.workbook.settings.getItem(MARKS_SETTING_KEY).delete();
}

/** The colour for a set of problems on one cell: the worst severity wins. */
export function markColor(severities: readonly Severity[]): string | null {
  return hex(markFill(severities));
}
