/**
 * ExcelJS's own reading of a package (exceljs 4.4's `XLSX.load`, lib/xlsx/xlsx.js) fed the entries
 * read-workbook.ts has already inflated under its limits, in place of `workbook.xlsx.load(buffer)`.
 * That path hands the bytes to JSZip, which copies, concatenates and decodes each entry again: on a
 * 100,000-row sheet some 300 ms, more than inflating it. Here each entry's bytes are decoded in slices
 * straight into ExcelJS's parsers, and the parts go to the same methods in the same order, so the
 * workbook is the one `load` makes (test/xlsx/load-inflated.test.ts reads every corpus file both ways).
 *
 * Node only: it reaches ExcelJS's lib modules. The pane's bundle replaces it with
 * ./load-inflated.browser.ts (webpack.config.js); there no entries are kept, so it is never asked.
 * When ExcelJS is not shaped as expected (another version), or a part's name is not plain ASCII (JSZip
 * and this would decode it differently), it declines: the caller loads the package the usual way.
 */
import { PassThrough } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type ExcelJS from "exceljs";
import { a1, parseCell } from "../../core/address";

/** An XML part as ExcelJS's sax reader takes it: text in slices (ExcelJS itself writes 16 K at a time). */
type Chunks = Iterable<string>;

interface Parser {
  parseStream(stream: Chunks): Promise<unknown>;
}

interface ExcelJSReader {
  parseRels(stream: Chunks): Promise<unknown>;
  parseWorkbook(stream: Chunks): Promise<Record<string, unknown>>;
  reconcile(model: Record<string, unknown>, options: unknown): void;
  _processWorksheetEntry(stream: Chunks, model: unknown, sheetNo: string, options: unknown, path: string): Promise<void>;
  _processWorksheetRelsEntry(stream: Chunks, model: unknown, sheetNo: string): Promise<void>;
  _processThemeEntry(stream: NodeJS.ReadableStream, model: unknown, name: string): Promise<void>;
  _processMediaEntry(stream: NodeJS.ReadableStream, model: unknown, name: string): Promise<void>;
  _processDrawingEntry(stream: Chunks, model: unknown, name: string): Promise<void>;
  _processCommentEntry(stream: Chunks, model: unknown, name: string): Promise<void>;
  _processTableEntry(stream: Chunks, model: unknown, name: string): Promise<void>;
  _processDrawingRelsEntry(stream: Chunks, model: unknown, name: string): Promise<void>;
  _processVmlDrawingEntry(stream: Chunks, model: unknown, name: string): Promise<void>;
}

type ParserClass = new () => Parser;

interface Xforms {
  SharedStrings: ParserClass;
  Styles: ParserClass;
  App: ParserClass;
  Core: ParserClass;
}

const METHODS = [
  "parseRels", "parseWorkbook", "reconcile", "_processWorksheetEntry", "_processWorksheetRelsEntry", "_processThemeEntry",
  "_processMediaEntry", "_processDrawingEntry", "_processCommentEntry", "_processTableEntry", "_processDrawingRelsEntry",
  "_processVmlDrawingEntry",
] as const;

let xforms: Xforms | null | undefined;

/** ExcelJS's parsers of the parts `load` reads itself, or null when they are not where 4.x keeps them. */
function xformsOf(): Xforms | null {
  if (xforms !== undefined) return xforms;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const found = {
      SharedStrings: require("exceljs/lib/xlsx/xform/strings/shared-strings-xform") as unknown,
      Styles: require("exceljs/lib/xlsx/xform/style/styles-xform") as unknown,
      App: require("exceljs/lib/xlsx/xform/core/app-xform") as unknown,
      Core: require("exceljs/lib/xlsx/xform/core/core-xform") as unknown,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    xforms = Object.values(found).every((x) => typeof x === "function") ? (found as Xforms) : null;
  } catch {
    xforms = null;
  }
  return xforms;
}

/** Slices of the part's text, decoded as they are asked (a multi-byte letter cut between two slices is kept whole). */
function* chunks(bytes: Uint8Array): Generator<string> {
  const SLICE = 64 * 1024;
  const decoder = new StringDecoder("utf8");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < buf.length; i += SLICE) {
    const s = decoder.write(buf.subarray(i, i + SLICE));
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function byteStream(bytes: Uint8Array): NodeJS.ReadableStream {
  const s = new PassThrough();
  s.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return s;
}

const ASCII = /^[\x20-\x7e]*$/;

/** A cell as ExcelJS's reader models it once reconciled (shared strings, styles and dates resolved). */
export interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  formula?: unknown;
  sharedFormula?: unknown;
  result?: unknown;
  text?: unknown;
  hyperlink?: unknown;
  style?: { numFmt?: string };
}

/** A row as ExcelJS's reader models it, before ExcelJS makes a Row and a Cell object of each. */
export interface RowModel {
  number: number;
  cells: CellModel[];
}

/**
 * ExcelJS's value types (lib/doc/enums.js) a reader's cell model may have. Merge (1) marks a cell a
 * merge covers: ExcelJS's Row makes nothing of it (its merges make those cells).
 */
const MODEL_TYPES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
/** Excel's last column, XFD (0-based). */
const LAST_COL = 16383;

/** A cell's column (0-based) when its address is written as Excel writes one ("B7"), else null. */
function columnOfAddress(address: unknown): number | null {
  if (typeof address !== "string") return null;
  const pos = parseCell(address);
  return pos && pos.col <= LAST_COL && a1(pos.row, pos.col) === address ? pos.col : null;
}

/**
 * Rows as every well-made file has them: numbered, in order, each cell addressed, in column order.
 * Only such rows are taken apart (`rowsApart`); any other sheet goes through ExcelJS whole, which has
 * its own ways with a row without a number or a cell without an address (and its own errors).
 */
function plainRows(rows: unknown): rows is RowModel[] {
  if (!Array.isArray(rows)) return false;
  let last = 0;
  for (const row of rows as Partial<RowModel>[]) {
    const n = row.number;
    if (typeof n !== "number" || !Number.isInteger(n) || n <= last || !Array.isArray(row.cells)) return false;
    last = n;
    let lastCol = -1;
    for (const c of row.cells) {
      const col = columnOfAddress(c.address);
      if (col === null || col <= lastCol || !MODEL_TYPES.has(c.type)) return false;
      lastCol = col;
    }
  }
  return true;
}

/**
 * What `loadInflated` did: declined (false), or loaded. With `rowsApart`, `rows` holds each sheet's rows
 * by its worksheet id, taken out of the model before ExcelJS made its worksheets (which then hold only
 * the cells their merges make): on a 100,000-row sheet ExcelJS's Row and Cell objects take longer to
 * make than the sheet's XML to parse, and a reader of values needs none of them. Null when some sheet's
 * rows are not plain (all were left to ExcelJS).
 */
export type Loaded = false | { rows: Map<number, RowModel[]> | null };

/**
 * Loads `entries` (the package's parts in the order of its central directory, inflated) into `workbook`
 * as ExcelJS's `load` would; false (the workbook untouched) when it declines.
 */
export async function loadInflated(
  workbook: ExcelJS.Workbook, entries: readonly { name: string; bytes: Uint8Array }[], options: unknown, rowsApart = false,
): Promise<Loaded> {
  const reader = workbook.xlsx as unknown as ExcelJSReader;
  const x = xformsOf();
  if (!x || METHODS.some((m) => typeof reader[m] !== "function")) return false;
  const names = new Set<string>();
  for (const e of entries) {
    if (!ASCII.test(e.name) || names.has(e.name)) return false;
    names.add(e.name);
  }
  const model: Record<string, unknown> = {
    worksheets: [], worksheetHash: {}, worksheetRels: [], themes: {}, media: [], mediaIndex: {}, drawings: {}, drawingRels: {},
    comments: {}, tables: {}, vmlDrawings: {},
  };
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const name = e.name.startsWith("/") ? e.name.slice(1) : e.name;
    const text = (): Chunks => chunks(e.bytes);
    let m: RegExpMatchArray | null;
    switch (name) {
      case "_rels/.rels":
        model.globalRels = await reader.parseRels(text());
        break;
      case "xl/workbook.xml": {
        const wb = await reader.parseWorkbook(text());
        model.sheets = wb.sheets;
        model.definedNames = wb.definedNames;
        model.views = wb.views;
        model.properties = wb.properties;
        model.calcProperties = wb.calcProperties;
        break;
      }
      case "xl/_rels/workbook.xml.rels":
        model.workbookRels = await reader.parseRels(text());
        break;
      case "xl/sharedStrings.xml": {
        const strings = new x.SharedStrings();
        await strings.parseStream(text());
        model.sharedStrings = strings;
        break;
      }
      case "xl/styles.xml": {
        const styles = new x.Styles();
        await styles.parseStream(text());
        model.styles = styles;
        break;
      }
      case "docProps/app.xml": {
        const app = (await new x.App().parseStream(text())) as { company?: unknown; manager?: unknown } | undefined;
        model.company = app?.company;
        model.manager = app?.manager;
        break;
      }
      case "docProps/core.xml":
        Object.assign(model, await new x.Core().parseStream(text()));
        break;
      default:
        if ((m = name.match(/xl\/worksheets\/sheet(\d+)[.]xml/))) await reader._processWorksheetEntry(text(), model, m[1], options, name);
        else if ((m = name.match(/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/))) await reader._processWorksheetRelsEntry(text(), model, m[1]);
        else if ((m = name.match(/xl\/theme\/([a-zA-Z0-9]+)[.]xml/))) await reader._processThemeEntry(byteStream(e.bytes), model, m[1]);
        else if ((m = name.match(/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/))) await reader._processMediaEntry(byteStream(e.bytes), model, m[1]);
        else if ((m = name.match(/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/))) await reader._processDrawingEntry(text(), model, m[1]);
        else if ((m = name.match(/xl\/(comments\d+)[.]xml/))) await reader._processCommentEntry(text(), model, m[1]);
        else if ((m = name.match(/xl\/tables\/(table\d+)[.]xml/))) await reader._processTableEntry(text(), model, m[1]);
        else if ((m = name.match(/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/))) await reader._processDrawingRelsEntry(text(), model, m[1]);
        else if ((m = name.match(/xl\/drawings\/(vmlDrawing\d+)[.]vml/))) await reader._processVmlDrawingEntry(text(), model, m[1]);
    }
  }
  reader.reconcile(model, options);
  const sheets = (model.worksheets ?? []) as { id: number; rows: unknown }[];
  let rows: Map<number, RowModel[]> | null = null;
  if (rowsApart && sheets.every((ws) => plainRows(ws.rows))) {
    rows = new Map();
    for (const ws of sheets) {
      rows.set(ws.id, ws.rows as RowModel[]);
      ws.rows = [];
    }
  }
  (workbook as unknown as { model: unknown }).model = model;
  return { rows };
}
