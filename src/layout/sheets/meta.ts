/**
 * The plan metadata a KT-XH workbook carries, so a reload knows which plan, year and periods it was
 * built from. One JSON record, stored by each host where it survives the file:
 *  - Office.js: `workbook.settings` under `META_SETTING_KEY` (a JSON string);
 *  - ExcelJS (`ktxh init`): cell A2 of a hidden sheet `META_SHEET`, with a warning text in A1.
 * The Office.js host reads the hidden sheet too when its settings are empty (a file made by the CLI).
 */
import * as z from "zod/mini";
import { PERIOD_IDS, type PeriodId } from "../../core/periods";

export const META_SETTING_KEY = "ktxh.meta";
export const META_SHEET = "_ktxh";
export const META_SHEET_NOTE = "Thông tin của KT-XH (không sửa, không xóa trang này)";

const SheetRef = z.object({
  /** The sheet's name when last written; the key row's mark finds it if the user renamed it. */
  name: z.string(),
  /** Office.js worksheet id, where the host has one. */
  id: z.optional(z.nullable(z.string())),
});

export const WorkbookMetaSchema = z.object({
  app: z.literal("ktxh"),
  metaVersion: z.literal(1),
  planId: z.string(),
  unit: z.string(),
  year: z.int(),
  layoutVersion: z.object({ targets: z.int(), tasks: z.int() }),
  periods: z.array(z.enum(PERIOD_IDS)),
  statusPeriod: z.nullable(z.enum(PERIOD_IDS)),
  sheets: z.object({ targets: SheetRef, tasks: SheetRef }),
  /** ISO time of the last write, given by the host (the core reads no clock). */
  updated: z.optional(z.nullable(z.string())),
});
export type WorkbookMeta = z.infer<typeof WorkbookMetaSchema>;

export function encodeMeta(meta: WorkbookMeta): string {
  return JSON.stringify(meta);
}

/** Null when the text is not a KT-XH record (another add-in's setting, a hand-edited cell). */
export function decodeMeta(text: unknown): WorkbookMeta | null {
  // Only an object can be metadata: a record's key ("version", "plan.id") is refused without a throw.
  if (typeof text !== "string" || text.trimStart()[0] !== "{") return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const r = WorkbookMetaSchema.safeParse(data);
  return r.success ? r.data : null;
}

export function makeMeta(args: {
  planId: string;
  unit: string;
  year: number;
  periods: readonly PeriodId[];
  statusPeriod: PeriodId | null;
  layoutVersion: { targets: number; tasks: number };
  sheets: { targets: string; tasks: string };
  updated?: string | null;
}): WorkbookMeta {
  return {
    app: "ktxh",
    metaVersion: 1,
    planId: args.planId,
    unit: args.unit,
    year: args.year,
    layoutVersion: args.layoutVersion,
    periods: [...args.periods],
    statusPeriod: args.statusPeriod,
    sheets: { targets: { name: args.sheets.targets }, tasks: { name: args.sheets.tasks } },
    updated: args.updated ?? null,
  };
}
