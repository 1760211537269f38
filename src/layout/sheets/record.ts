/**
 * The book's own record: what a KT-XH workbook belongs to, kept in the workbook itself, on a very
 * hidden sheet (`RECORD_SHEET`) that both hosts write and read (Office.js: `visibility = "VeryHidden"`;
 * ExcelJS: `state: "veryHidden"`). Add-in settings are tied to the add-in's id and do not travel with a
 * file; this sheet does.
 *
 * The sheet is key/value rows, as data: column A the key, columns B… the value as JSON text, cut into
 * chunks of at most `CHUNK` characters (a cell holds at most 32,767) and joined again on reading. Row 1
 * is a note for whoever unhides the sheet. Keys:
 *  - `version`            the record's format (2; the JSON metadata of earlier books is version 1)
 *  - `plan.id`, `plan.title`, `plan.year`
 *  - `plan.json`          the plan itself, so a book made from any plan file is checked without the file
 *  - `periods`, `statusPeriod`, `layout.targets`, `layout.tasks`
 *  - `sheet.targets`, `sheet.tasks`   {name, id?} of the add-in's sheets
 *  - `updated`            ISO time of the last write
 *  - `culture`            {name, decimal, group}: the culture of the Excel the figures were typed in
 *                         (Office.js cultureInfo, ExcelApi 1.11), absent where it was never known
 *  - `rows.judged`        {row id: fingerprint} of each target row's inputs when it was last judged
 *                         (layout/fingerprint.ts); always the first row after the note (`JUDGED_ROW`),
 *                         so a judgement rewrites that one row, not the record
 *  - `report.fields`      the report's document fields as last typed in the pane (core/report/fields.ts):
 *                         number, date, addressee, signer, task counts; the next report starts from them
 *  - `reports`            the reports made from the book, `{period, at}` (`withReport`, `lastReportAt`; a new report marks its revisions against `reportBase`)
 * Any other key (culture, history, undo snapshots, row fingerprints) is kept as it was read: the
 * schema is open, a newer add-in's entries survive an older one's rewrite.
 *
 * Older books are read too (migrated on reading): `_ktxh` with the metadata JSON in A2 (version 1).
 */
import * as z from "zod/mini";
import { type TypingCulture, decodeCulture } from "../../core/culture";
import { memo } from "../../core/memo";
import { PERIOD_IDS } from "../../core/periods";
import { type ReportFields, reportFieldsFrom } from "../../core/report/fields";
import { type WorkbookMeta, WorkbookMetaSchema, decodeMeta } from "./meta";
import { type HistoryEntry, historySet, sameHistoryValue } from "../../core/history";
import { periodOfKey } from "../../core/row-id";

/** The same name as the metadata sheet of version 1, so an old book's sheet is found and replaced. */
export const RECORD_SHEET = "_ktxh";
export const RECORD_NOTE = "Thông tin của KT-XH (không sửa, không xóa trang này)";
export const RECORD_VERSION = 2;
/** Below Excel's 32,767 characters a cell may hold. */
export const CHUNK = 32000;
/** Bounds on what is read back: a damaged or hostile record cannot make the reader grow without end. */
const MAX_ROWS = 1000;
const MAX_CHUNKS = 400;

const SheetRef = z.object({ name: z.string(), id: z.optional(z.nullable(z.string())) });

/** The record as its entries decode, before it is read as metadata. Open: unknown keys pass through. */
export const RecordEntriesSchema = z.looseObject({
  version: z.int().check(z.gte(2)),
  "plan.id": z.string(),
  "plan.title": z.string(),
  "plan.year": z.int(),
  "plan.json": z.optional(z.nullable(z.unknown())),
  periods: z.array(z.enum(PERIOD_IDS)),
  statusPeriod: z.nullable(z.enum(PERIOD_IDS)),
  "layout.targets": z.int(),
  "layout.tasks": z.int(),
  "sheet.targets": SheetRef,
  "sheet.tasks": SheetRef,
  updated: z.optional(z.nullable(z.string())),
});

export interface BookRecord {
  /** 2 for this format; 1 for a book whose record was migrated from the version-1 metadata. */
  version: number;
  meta: WorkbookMeta;
  /** The plan as recorded (not yet validated: the reader parses it); null in books of version 1. */
  plan: unknown;
  /** Entries this version does not know, kept for the next write. */
  extra: Record<string, unknown>;
}

const KNOWN = new Set(Object.keys(RecordEntriesSchema._zod.def.shape));

export function makeRecord(meta: WorkbookMeta, plan: unknown, extra: Record<string, unknown> = {}): BookRecord {
  return { version: RECORD_VERSION, meta, plan, extra };
}

/** The record as rows of cells, from A1: the note, then one row per key. */
export function encodeRecord(record: BookRecord): string[][] {
  const m = record.meta;
  const { [JUDGED_KEY]: judged, ...rest } = record.extra;
  const entries: Record<string, unknown> = {
    [JUDGED_KEY]: judged ?? null,
    ...rest,
    version: RECORD_VERSION,
    "plan.id": m.planId,
    "plan.title": m.unit,
    "plan.year": m.year,
    "plan.json": record.plan ?? null,
    periods: m.periods,
    statusPeriod: m.statusPeriod,
    "layout.targets": m.layoutVersion.targets,
    "layout.tasks": m.layoutVersion.tasks,
    "sheet.targets": m.sheets.targets,
    "sheet.tasks": m.sheets.tasks,
    updated: m.updated ?? null,
  };
  const rows: string[][] = [[RECORD_NOTE]];
  for (const [key, value] of Object.entries(entries)) {
    const text = JSON.stringify(value ?? null);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
    rows.push([key, ...(chunks.length ? chunks : ["null"])]);
  }
  return rows;
}

/** Rows of equal width (Office.js writes rectangles). */
export function recordRectangle(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}

const PLAN_KEY = "plan.json";

/**
 * The recorded plan's JSON, parsed, by its text: the same plan is recorded in book after book (a
 * folder of a district's books), and its JSON is the record's bulk. Bounded; the value is shared, so
 * read only (layout/book.ts parses it into a plan once per value).
 */
const planJson = memo(16, (json: string): unknown => JSON.parse(json));

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

/**
 * The record read from the sheet's values from A1; null when the sheet holds no KT-XH record
 * (another add-in's sheet, a hand-edited cell). A version-1 book (metadata JSON in A2) is migrated.
 */
export function decodeRecord(values: readonly (readonly unknown[] | undefined)[]): BookRecord | null {
  const old = decodeMeta(values[1]?.[0]);
  if (old) return { version: 1, meta: old, plan: null, extra: {} };
  const entries: Record<string, unknown> = {};
  const rows = Math.min(values.length, MAX_ROWS);
  for (let r = 1; r < rows; r++) {
    const row = values[r];
    const key = text(row?.[0]).trim();
    if (!key || !row) continue;
    let json = "";
    for (let c = 1; c < Math.min(row.length, MAX_CHUNKS + 1); c++) json += text(row[c]);
    try {
      entries[key] = key === PLAN_KEY ? planJson(json) : JSON.parse(json);
    } catch {
      if (KNOWN.has(key)) return null;
    }
  }
  const parsed = RecordEntriesSchema.safeParse(entries);
  if (!parsed.success) return null;
  const e = parsed.data;
  const meta = WorkbookMetaSchema.safeParse({
    app: "ktxh",
    metaVersion: 1,
    planId: e["plan.id"],
    unit: e["plan.title"],
    year: e["plan.year"],
    layoutVersion: { targets: e["layout.targets"], tasks: e["layout.tasks"] },
    periods: e.periods,
    statusPeriod: e.statusPeriod,
    sheets: { targets: e["sheet.targets"], tasks: e["sheet.tasks"] },
    updated: e.updated ?? null,
  });
  if (!meta.success) return null;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) if (!KNOWN.has(k)) extra[k] = v;
  return { version: e.version, meta: meta.data, plan: e["plan.json"] ?? null, extra };
}

/** The record's key for the culture the book's figures were typed in (core/culture.ts). */
export const CULTURE_KEY = "culture";

/** The culture a record keeps; null when it keeps none (or a damaged one). */
export function recordCulture(record: BookRecord | null | undefined): TypingCulture | null {
  return decodeCulture(record?.extra[CULTURE_KEY]);
}

/** A record's extra entries with the culture set (kept as it was when `culture` is null). */
export function withCulture(extra: Record<string, unknown> | undefined, culture: TypingCulture | null): Record<string, unknown> {
  return culture ? { ...extra, [CULTURE_KEY]: { name: culture.name, decimal: culture.decimal, group: culture.group } } : { ...extra };
}

/** The record's key for the fingerprints of the rows as last judged, and its row (0-based) on the sheet. */
export const JUDGED_KEY = "rows.judged";
export const JUDGED_ROW = 1;

/** Row id → fingerprint of its inputs when last judged. */
export type JudgedRows = Readonly<Record<string, string>>;

function judgedOf(v: unknown): JudgedRows | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, f] of Object.entries(v as Record<string, unknown>)) if (typeof f === "string") out[k] = f;
  return out;
}

/** The fingerprints a record keeps; null when it keeps none (a book judged before they were kept). */
export function recordJudged(record: BookRecord | null | undefined): JudgedRows | null {
  return record && JUDGED_KEY in record.extra ? judgedOf(record.extra[JUDGED_KEY]) : null;
}

/**
 * The judged row as read from the record sheet (`values` of row `JUDGED_ROW` from column A): the
 * fingerprints (null: none kept yet), or null when that row holds another key (a record written before
 * they were kept first, which a reload rewrites).
 */
export function decodeJudgedRow(values: readonly unknown[] | undefined): { judged: JudgedRows | null } | null {
  if (!values || text(values[0]).trim() !== JUDGED_KEY) return null;
  let json = "";
  for (let c = 1; c < Math.min(values.length, MAX_CHUNKS + 1); c++) json += text(values[c]);
  try {
    return { judged: judgedOf(JSON.parse(json)) };
  } catch {
    // A damaged row is still the fingerprints' own: rewritten whole by the next judgement.
    return { judged: null };
  }
}

/** The judged row's cells from column A: the key, then the JSON in chunks. */
export function encodeJudgedRow(judged: JudgedRows): string[] {
  const json = JSON.stringify(judged);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return [JUDGED_KEY, ...(chunks.length ? chunks : ["{}"])];
}

/** The record's key for the report's document fields (kept among the open entries, `extra`). */
export const REPORT_FIELDS_KEY = "report.fields";

/** The report fields the record keeps; null when none were saved (or they are damaged). */
export function recordReportFields(record: BookRecord | null): ReportFields | null {
  return record ? reportFieldsFrom(record.extra[REPORT_FIELDS_KEY]) : null;
}

/** The record with the report fields replaced: every other entry as it was. */
export function withReportFields(record: BookRecord, fields: ReportFields): BookRecord {
  return { ...record, extra: { ...record.extra, [REPORT_FIELDS_KEY]: { ...fields } } };
}

/** The record's key listing the reports made from the book: `{period, at}` (ISO time), oldest first. */
export const REPORTS_KEY = "reports";
/** Reports kept in the record: enough for years of monthly reports, bounded so the record stays small. */
const REPORTS_KEPT = 200;

export interface ReportMade {
  period: string;
  at: string;
}

/** The reports a record lists (entries of another shape are passed over). */
export function reportsOf(record: BookRecord | null): ReportMade[] {
  const v = record?.extra[REPORTS_KEY];
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: unknown) => {
    if (typeof x !== "object" || x === null) return [];
    const { period, at } = x as Record<string, unknown>;
    return typeof period === "string" && typeof at === "string" ? [{ period, at }] : [];
  });
}

/** When the last report of the period was made, per the record; null when none was. */
export function lastReportAt(record: BookRecord | null, period: string): string | null {
  const times = reportsOf(record).filter((r) => r.period === period).map((r) => r.at).sort();
  return times.length ? times[times.length - 1] : null;
}

/**
 * The time a new report of the period marks its revisions against (its revision point): the last
 * report of the period made before some figure of the period changed. When a figure changed after the
 * last report, that report; when none did (the report is made again, as it was), the point the last
 * report itself was compared with — so making a report twice keeps its marks, and each report marks
 * what changed since the report before it that differed. Null when no report of the period was made
 * or no figure changed since the first.
 */
export function reportBase(record: BookRecord | null, history: readonly HistoryEntry[], period: string): string | null {
  const times = reportsOf(record).filter((r) => r.period === period).map((r) => r.at).sort();
  if (!times.length) return null;
  const changes = historySet(history).filter((e) => e.period === period && e.key != null && periodOfKey(e.key) === period && !sameHistoryValue(e.old, e.new)).map((e) => e.at);
  const latest = changes.length ? changes.reduce((a, b) => (b > a ? b : a)) : null;
  if (latest == null) return null;
  for (let k = times.length - 1; k >= 0; k--) if (latest > times[k]) return times[k];
  return null;
}

/** The record with one more report made. */
export function withReport(record: BookRecord, made: ReportMade): BookRecord {
  const reports = [...reportsOf(record), made].slice(-REPORTS_KEPT);
  return { ...record, extra: { ...record.extra, [REPORTS_KEY]: reports } };
}

/**
 * The record's key for "Lấy số liệu năm trước" (layout/previous.ts): the officer's corrections of the
 * matching (this year's target → last year's, or null for none), kept so the next time the book is used
 * they hold; the figures last written to the *Cùng kỳ năm trước* columns (period → target → value), so
 * a figure the add-in wrote may be replaced and one the officer typed never is; the file and time.
 */
export const PREVIOUS_KEY = "previous.year";

export interface PreviousRecord {
  corrections: Record<string, string | null>;
  written: Record<string, Record<string, string | number>>;
  file: string | null;
  at: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What the record keeps of last year's figures (entries of another shape are passed over). */
export function recordPrevious(record: BookRecord | null | undefined): PreviousRecord {
  const v = record?.extra[PREVIOUS_KEY];
  const out: PreviousRecord = { corrections: {}, written: {}, file: null, at: null };
  if (!isObject(v)) return out;
  if (isObject(v.corrections)) for (const [k, x] of Object.entries(v.corrections)) if (typeof x === "string" || x === null) out.corrections[k] = x;
  if (isObject(v.written)) {
    for (const [p, byNo] of Object.entries(v.written)) {
      if (!isObject(byNo)) continue;
      const w: Record<string, string | number> = {};
      for (const [no, x] of Object.entries(byNo)) if (typeof x === "string" || typeof x === "number") w[no] = x;
      out.written[p] = w;
    }
  }
  if (typeof v.file === "string") out.file = v.file;
  if (typeof v.at === "string") out.at = v.at;
  return out;
}

/** The record with last year's entry replaced: every other entry as it was. */
export function withPrevious(record: BookRecord, previous: PreviousRecord): BookRecord {
  return { ...record, extra: { ...record.extra, [PREVIOUS_KEY]: { ...previous } } };
}
