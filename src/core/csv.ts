/**
 * The one reading of a CSV file, for every path that takes one: a plan typed as a table
 * (`plan-csv.ts`), an actuals file (`actuals.ts`), a colleague's sheet saved as CSV
 * (`hosts/xlsx/read-workbook.ts`) and the pane's plan file (`taskpane/plan-file.ts`).
 * Pure: bytes or text in, rows out.
 *
 * Bytes → text: UTF-8 first (BOM or not), UTF-16 by its BOM, else Windows-1258 (what Excel on a
 * Vietnamese machine saves `;` files in; its tone marks are combining characters), then NFC.
 * Text → rows: papaparse (RFC 4180 quoting), with the separator guessed from the first non-blank
 * lines (`;`, `,` or tab; a tie goes to `;`), every record keeping the line it starts on.
 */
import Papa from "papaparse";
import { type Location, type Result, fail, ok, problem } from "./problems";

export type CsvReadCode = "csv.encoding" | "csv.empty" | "csv.unterminated-quote" | "csv.stray-quote";

/** A record and the 1-based line of the file it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; cells: string[] };
export type CsvRows = {
  /** Every record in file order, blank lines included (a spreadsheet keeps them as empty rows). */
  records: CsvRecord[];
  delimiter: string;
  /** The first quoting fault, if any; the records are still read as far as they go. */
  fault: { code: "csv.unterminated-quote" | "csv.stray-quote"; line: number; column: number } | null;
};

/** Bytes to NFC text: UTF-8 (BOM or not), UTF-16 by BOM, else Windows-1258. */
export function decodeText(bytes: Uint8Array, file?: string): Result<{ text: string; encoding: string }, CsvReadCode> {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const attempts: [string, number][] =
    b0 === 0xff && b1 === 0xfe ? [["utf-16le", 2]] : b0 === 0xfe && b1 === 0xff ? [["utf-16be", 2]] : [["utf-8", 0], ["windows-1258", 0]];
  for (const [encoding, skip] of attempts) {
    try {
      const text = new TextDecoder(encoding, { fatal: encoding === "utf-8" }).decode(bytes.subarray(skip));
      return ok({ text: text.replace(/^\uFEFF/, "").normalize("NFC"), encoding });
    } catch {
      // Not this encoding: try the next one.
    }
  }
  return fail([problem("csv.encoding", { file }, {})]);
}

/**
 * `;`, `,` or tab: whichever one line among the first non-blank lines holds most of (the header, even
 * under a unit line "Đơn vị: UBND xã …" that holds none, or a comma); `,` when none holds any.
 */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "").slice(0, 10);
  let best: [string, number] = [",", 0];
  for (const d of [";", ",", "\t"]) {
    const n = Math.max(0, ...lines.map((l) => l.split(d).length - 1));
    if (n > best[1]) best = [d, n];
  }
  return best[0];
}

const count = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** Text to records. Line ends are `\r\n`, `\n` or `\r`, also inside quoted fields (read as `\n`). */
export function csvRows(text: string): CsvRows {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = guessDelimiter(body);
  const records: CsvRecord[] = [];
  let fault: CsvRows["fault"] = null;
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    step: (r) => {
      const cells = r.data;
      if (fault === null && r.errors.length > 0) {
        // Papaparse runs a broken quote to the end of the file: the fault is in the last cell read.
        const column = cells.length;
        const before = cells.slice(0, -1).reduce((n, c) => n + count(c, "\n"), 0);
        const code = r.errors.some((e) => e.code === "InvalidQuotes") ? "csv.stray-quote" : "csv.unterminated-quote";
        fault = { code, line: line + before, column };
      }
      records.push({ line, cells });
      const end = r.meta.cursor;
      line += count(body.slice(start, end), "\n");
      start = end;
    },
  });
  // The empty record papaparse gives after a final line end is not a row of the file.
  const last = records[records.length - 1];
  if (last && last.cells.length === 1 && last.cells[0] === "" && body.endsWith("\n")) records.pop();
  return { records, delimiter, fault };
}

/** Bytes to records, for hosts that hold a file (a colleague's CSV sheet). */
export function csvRowsOfBytes(bytes: Uint8Array): CsvRows {
  const decoded = decodeText(bytes);
  return csvRows(decoded.ok ? decoded.value.text : "");
}

/** `above`: the non-blank records before the header (a title, "Đơn vị: UBND xã …"); `headerLine`: its line. */
export type CsvTable = { header: string[]; rows: CsvRecord[]; delimiter: string; above: CsvRecord[]; headerLine: number };

const blank = (r: CsvRecord): boolean => r.cells.every((c) => c.trim() === "");

/**
 * A table with a header: the first non-blank record is the header (trimmed), unless `isHeader` picks
 * a later one (the records before it are kept in `above`); blank records are dropped, a quoting fault
 * is refused with its line and column.
 */
export function readCsv(text: string, file?: string, isHeader?: (cells: string[]) => boolean): Result<CsvTable, CsvReadCode> {
  const { records, delimiter, fault } = csvRows(text);
  const at = (l: number, col: number): Location => ({ file, path: `dòng ${l}, cột ${col}` });
  if (fault) return fail([problem(fault.code, at(fault.line, fault.column), {})]);
  const kept = records.filter((r) => !blank(r));
  if (kept.length === 0) return fail([problem("csv.empty", { file }, {})]);
  const found = isHeader ? kept.findIndex((r) => isHeader(r.cells.map((c) => c.trim()))) : 0;
  const at0 = found < 0 ? 0 : found;
  const head = kept[at0];
  return ok({ header: head.cells.map((h) => h.trim()), rows: kept.slice(at0 + 1), delimiter, above: kept.slice(0, at0), headerLine: head.line });
}
