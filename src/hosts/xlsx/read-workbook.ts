/**
 * Files → pure grids (src/core/read-table/grid.ts): values, formulas with their cached results,
 * Excel error values, number formats, merged cells. The file is read once, from a buffer; the loaded
 * ExcelJS workbook is handed back so an annotated copy needs no second read.
 * What is not a workbook is said plainly: an old .xls, a password-protected file (an OLE compound file
 * holding EncryptionInfo), a broken zip, anything else. Reading never throws on a user's file.
 */
import { type BoundedInflate, inflateBounded } from "./inflate";
import ExcelJS from "exceljs";
import { type CellModel, type RowModel, loadInflated } from "./load-inflated";
import { parseCell } from "../../core/address";
import { csvRowsOfBytes } from "../../core/csv";
import type { Grid, GridCell } from "../../core/read-table/grid";
import type { FileCode } from "../../core/validate/issue";

export type UnreadableCode = Exclude<FileCode, "file.io" | "file.missing">;

export type WorkbookRead =
  | {
      ok: true;
      format: "xlsx" | "csv";
      grids: Grid[];
      /** The loaded workbook (null for CSV, or when not asked to keep it), for writing an annotated copy without reading again. */
      workbook: ExcelJS.Workbook | null;
      /** Zip parts ExcelJS would drop on writing (charts, pivots, drawings, macros). */
      unsupported: string[];
    }
  | { ok: false; code: UnreadableCode; detail: string | null };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** One entry of a zip's central directory: its name and the sizes it declares. */
export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Where a zip's end-of-central-directory record starts (searched back over its comment), or -1. */
function endOfDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65557);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/**
 * A zip's central directory, or null when it cannot be found (a truncated or damaged file). Reading
 * the directory costs microseconds, unlike unzipping. A ZIP64 size (0xFFFFFFFF) stays as given: over
 * any limit below 4 GB.
 */
export function zipDirectory(buf: Buffer): ZipEntry[] | null {
  const eocd = endOfDirectory(buf);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLen), compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Names of a zip's entries from its central directory, or null when it cannot be found. */
export function zipEntries(buf: Buffer): string[] | null {
  return zipDirectory(buf)?.map((e) => e.name) ?? null;
}

/**
 * What the in-memory reader (ExcelJS loads the whole package, then builds every cell) can honour:
 * about 50 MB of XML in all takes some seconds and well under 1 GB. Larger books are refused, not
 * streamed: ExcelJS's streaming reader gives no merges, no cached formula results of shared formulas
 * and no hidden sheets, which the check needs. An entry that expands more than MAX_RATIO times (and
 * to more than RATIO_FLOOR bytes) is a zip bomb, whatever the total: real sheets compress 5–30 times.
 */
export const READ_LIMITS = { totalBytes: 50 * 1024 * 1024, maxRatio: 200, ratioFloor: 1024 * 1024 } as const;

/** Why a package is over the reader's limits (for the message), or null when it is within them. */
export function overLimits(entries: ZipEntry[], limits: typeof READ_LIMITS = READ_LIMITS): { total: number; entry: string | null } | null {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > limits.ratioFloor && e.uncompressed > limits.maxRatio * Math.max(1, e.compressed)) return { total, entry: e.name };
  }
  return total > limits.totalBytes ? { total, entry: null } : null;
}

/** An entry as inflated by `inflatedOver`: its name and its bytes. */
interface Inflated {
  name: string;
  bytes: Uint8Array;
}

/**
 * The same limits on what the entries really expand to, not what the directory says they do (a
 * directory can lie): each entry is inflated with its output bounded (./inflate.ts: zlib's
 * `maxOutputLength` in Node, `DecompressionStream` with a byte budget in the pane), so nothing expands
 * past the limit before ExcelJS is given the file. `over` is null when within the limits or when an
 * entry cannot be inflated here (ExcelJS then says what is wrong with the file). `entries` holds every
 * entry's inflated bytes when the inflate kept them all (Node), else null (the pane only counts them).
 */
export async function inflatedOver(
  buf: Buffer, limits: typeof READ_LIMITS = READ_LIMITS, inflate: BoundedInflate = inflateBounded,
): Promise<{ total: number; entry: string | null } | null> {
  return (await inflateChecked(buf, limits, inflate)).over;
}

async function inflateChecked(
  buf: Buffer, limits: typeof READ_LIMITS, inflate: BoundedInflate,
): Promise<{ over: { total: number; entry: string | null } | null; entries: Inflated[] | null }> {
  const none = { over: null, entries: null };
  const eocd = endOfDirectory(buf);
  if (eocd < 0) return none;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let kept: Inflated[] | null = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return none;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return none;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + compressed));
    const entryBound = Math.max(limits.ratioFloor, limits.maxRatio * Math.max(1, compressed));
    const bound = Math.min(entryBound, limits.totalBytes - total) + 1;
    let size: number;
    let bytes: Uint8Array | null = null;
    if (method === 0) {
      size = data.length;
      bytes = data;
    } else if (method === 8) {
      const r = await inflate(data, Math.max(1, bound));
      if (r === "over") return { over: { total: total + bound, entry: name }, entries: null };
      if (r === null) return none;
      if (typeof r === "number") size = r;
      else {
        size = r.length;
        bytes = r;
      }
    } else return none;
    total += size;
    if (size > entryBound) return { over: { total, entry: name }, entries: null };
    if (total > limits.totalBytes) return { over: { total, entry: null }, entries: null };
    // An encrypted entry (flag bit 0) is left to ExcelJS as the file has it.
    if (kept && bytes && (flags & 1) === 0) kept.push({ name, bytes });
    else kept = null;
  }
  return { over: null, entries: kept };
}

/** Parts of a package that ExcelJS does not carry over when it writes the workbook again. */
const UNSUPPORTED = [/^xl\/charts\//, /^xl\/pivotTables\//, /^xl\/pivotCache\//, /^xl\/drawings\//, /^xl\/vbaProject\.bin$/, /^xl\/slicers?\//, /^xl\/chartsheets\//];

/** An OLE compound file is an old .xls unless it holds the EncryptionInfo stream of a protected .xlsx. */
function oleKind(buf: Buffer): "encrypted" | "xls" {
  const name = Buffer.from("EncryptionInfo", "utf16le");
  return buf.includes(name) ? "encrypted" : "xls";
}

/**
 * Spreadsheets of other programs, told by their package: OpenDocument (its first entry `mimetype`
 * stored uncompressed, or `content.xml` beside `META-INF/manifest.xml`) and Apple Numbers (`Index/*.iwa`).
 */
function otherPackage(buf: Buffer, entries: string[]): "file.ods" | "file.numbers" | null {
  if (entries.some((e) => /^Index\/.*\.iwa$/.test(e) || e === "Index.zip")) return "file.numbers";
  const head = buf.toString("latin1", 30, Math.min(buf.length, 120));
  if (head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "file.ods";
  if (entries.includes("content.xml") && entries.includes("META-INF/manifest.xml")) return "file.ods";
  return null;
}

type CellValueish = ExcelJS.CellValue;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** ExcelJS's many value shapes → one GridCell. */
export function toGridCell(value: CellValueish, numFmt: string | undefined): GridCell | null {
  if (value === null || value === undefined) return null;
  const formatted = numFmt !== undefined && numFmt !== "" && numFmt !== "General";
  // The plain values, nearly every cell of a large sheet: made without spreading (each cell is asked).
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return formatted ? { value, numFmt } : { value };
  const fmt = formatted ? { numFmt } : {};
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10), ...fmt };
  if (!isRecord(value)) return null;
  if (typeof value.error === "string") return { value: null, error: value.error, ...fmt };
  if (Array.isArray(value.richText)) {
    const text = (value.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    return { value: text, ...fmt };
  }
  const formula = typeof value.formula === "string" ? value.formula : typeof value.sharedFormula === "string" ? value.sharedFormula : null;
  if (formula !== null) {
    const result = value.result as CellValueish;
    const inner = result === undefined ? null : toGridCell(result, numFmt);
    return { value: inner?.value ?? null, formula, ...(inner?.error ? { error: inner.error } : {}), ...fmt };
  }
  if (typeof value.text === "string") return { value: value.text, ...fmt };
  if (isRecord(value.text) && Array.isArray(value.text.richText)) return toGridCell(value.text as unknown as CellValueish, numFmt);
  return null;
}

/**
 * A cell's value as ExcelJS read it, with a formula's cached result kept: ExcelJS's `cell.value` drops a
 * result that is falsy (`=0*1` cached as 0 reads as `{ formula }` alone), while `cell.result` keeps it.
 * Every ExcelJS reading of a cell's value goes through here.
 */
export function cellValueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (cell.type !== ExcelJS.ValueType.Formula || !isRecord(v) || v.result !== undefined) return v;
  const result = cell.result;
  return result === undefined ? v : ({ ...(v as Record<string, unknown>), result } as ExcelJS.CellValue);
}

/**
 * A cell model's value as `cellValueOf` gives the Cell ExcelJS would make of it (lib/doc/cell.js: a
 * hyperlink's text and target, a formula's truthy parts with its cached result, else the model's value).
 */
function modelValue(m: CellModel): ExcelJS.CellValue {
  if (m.type === ExcelJS.ValueType.Hyperlink) return { text: m.text, hyperlink: m.hyperlink } as ExcelJS.CellValue;
  if (m.type !== ExcelJS.ValueType.Formula) return m.value as ExcelJS.CellValue;
  const v: Record<string, unknown> = {};
  if (m.formula) v.formula = m.formula;
  if (m.sharedFormula) v.sharedFormula = m.sharedFormula;
  if (m.result !== undefined) v.result = m.result;
  return v as unknown as ExcelJS.CellValue;
}

/** A worksheet's grid, from its cells. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  return gridOf(ws, null);
}

/**
 * A sheet's grid. `rows`, when given, are the sheet's rows as ExcelJS's reader modelled them, taken out
 * before ExcelJS made the worksheet (./load-inflated.ts): the worksheet then holds only what its merges
 * made, and the values come from the models, read as the worksheet's own cells would be.
 */
function gridOf(ws: ExcelJS.Worksheet, rows: readonly RowModel[] | null): Grid {
  const cells: (GridCell | null)[][] = [];
  const masters = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  /** Cells a merge covers (not its master), by row then column: ExcelJS drops what they held. */
  const covered = new Map<number, Set<number>>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const m = cell.master;
        const key = m.address;
        const top = Number(m.row) - 1;
        const left = Number(m.col) - 1;
        const cur = masters.get(key) ?? { top, left, bottom: top, right: left };
        cur.bottom = Math.max(cur.bottom, r - 1);
        cur.right = Math.max(cur.right, c - 1);
        masters.set(key, cur);
        if (rows) covered.set(r, (covered.get(r) ?? new Set()).add(c));
        return;
      }
      const g = toGridCell(cellValueOf(cell), cell.numFmt);
      if (g) out[c - 1] = g;
    });
    cells[r - 1] = out;
  });
  for (const row of rows ?? []) {
    const r = row.number;
    const skip = covered.get(r);
    let out = cells[r - 1] as (GridCell | null)[] | undefined;
    for (const m of row.cells) {
      // A cell with no value (a style alone) is no cell of the grid, and makes no row; ExcelJS's Row
      // passes over a model marked Merge (the sheet's merges make those cells, seen above).
      if (m.type === ExcelJS.ValueType.Null || m.type === ExcelJS.ValueType.Merge) continue;
      out ??= [];
      const c = (parseCell(m.address)?.col ?? -1) + 1;
      if (c < 1 || skip?.has(c)) continue;
      const g = toGridCell(modelValue(m), m.style?.numFmt);
      if (g) out[c - 1] = g;
    }
    if (out) cells[r - 1] = out;
  }
  const merges = [...masters.values()];
  const grid: Grid = { sheet: ws.name, cells, merges };
  if (ws.state === "hidden" || ws.state === "veryHidden") grid.hidden = true;
  return grid;
}

/** A CSV as one sheet of text cells, rows as the core's CSV reading gives them (blank lines kept); null for a VNI-font file. */
function csvGrid(buf: Buffer, sheet: string): Grid | null {
  const rows = csvRowsOfBytes(buf);
  if (!rows) return null;
  const cells = rows.records.map((r) => r.cells.map((v): GridCell | null => (v.trim() === "" ? null : { value: v })));
  return { sheet, cells, merges: [], textOnly: true };
}

/** "512 MB": a size as people read it. */
function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;
}

/**
 * The parts of a worksheet's XML the grids do not take (worksheetGrid reads values, formulas, number
 * formats, merges and the sheet's state): ExcelJS passes over them when the workbook is not kept, so
 * data validations, conditional formats, page setup and the like are not built for nothing. A cell's
 * own style gives its number format (ExcelJS gives a read cell no column or row style), so the
 * columns' widths and styles are not needed either. Hyperlinks are read: they make a cell's value.
 */
const GRID_IGNORES = [
  "dataValidations", "conditionalFormatting", "extLst", "pageSetup", "pageMargins", "headerFooter", "printOptions", "rowBreaks",
  "sheetProtection", "picture", "drawing", "tableParts", "autoFilter", "sheetViews", "cols", "sheetFormatPr", "sheetPr",
];

/**
 * Reads a file's bytes; `name` gives the extension (CSV is told by it) and the CSV's sheet name.
 * `keepWorkbook: false` lets ExcelJS's model go once the grids are made: on a 100,000-row sheet it is
 * most of the memory, and every later garbage collection would walk it again.
 */
export async function readWorkbook(buf: Buffer, name: string, opts: { keepWorkbook?: boolean } = {}): Promise<WorkbookRead> {
  if (buf.length === 0) return { ok: false, code: "file.empty", detail: null };
  if (startsWith(buf, OLE_MAGIC)) return { ok: false, code: oleKind(buf) === "encrypted" ? "file.encrypted" : "file.old-xls", detail: null };
  if (!startsWith(buf, ZIP_MAGIC)) {
    if (/\.csv$/i.test(name)) {
      if (buf.length > READ_LIMITS.totalBytes) return { ok: false, code: "file.too-large", detail: megabytes(buf.length) };
      const base = name.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
      const grid = csvGrid(buf, base.slice(0, 31) || "CSV");
      if (!grid) return { ok: false, code: "file.encoding-vni", detail: null };
      return { ok: true, format: "csv", grids: [grid], workbook: null, unsupported: [] };
    }
    return { ok: false, code: "file.not-workbook", detail: null };
  }
  const directory = zipDirectory(buf);
  if (!directory) return { ok: false, code: "file.corrupt", detail: "zip" };
  const entries = directory.map((e) => e.name);
  if (!entries.includes("xl/workbook.xml")) {
    const other = otherPackage(buf, entries);
    return { ok: false, code: other ?? "file.not-workbook", detail: "zip" };
  }
  const declared = overLimits(directory);
  const checked = declared ? { over: declared, entries: null } : await inflateChecked(buf, READ_LIMITS, inflateBounded);
  if (checked.over) return { ok: false, code: "file.too-large", detail: megabytes(checked.over.total) };
  const workbook = new ExcelJS.Workbook();
  const keep = opts.keepWorkbook !== false;
  const options = keep ? undefined : { ignoreNodes: GRID_IGNORES };
  let rows: Map<number, RowModel[]> | null = null;
  try {
    // Inflated once: ExcelJS is given the entries as inflated when every one could be kept (./load-inflated.ts).
    // Without a workbook to keep, its rows are read from ExcelJS's models, not made into Row and Cell objects.
    const loaded = checked.entries !== null && (await loadInflated(workbook, checked.entries, options, !keep));
    if (loaded) rows = loaded.rows;
    else await workbook.xlsx.load(buf as unknown as Parameters<typeof workbook.xlsx.load>[0], options);
  } catch (e) {
    return { ok: false, code: "file.corrupt", detail: e instanceof Error ? e.message.slice(0, 200) : null };
  }
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => grids.push(gridOf(ws, rows?.get(ws.id) ?? null)));
  const unsupported = [...new Set(entries.filter((e) => UNSUPPORTED.some((re) => re.test(e))).map((e) => e.split("/").slice(0, 2).join("/")))];
  return { ok: true, format: "xlsx", grids, workbook: keep ? workbook : null, unsupported };
}
