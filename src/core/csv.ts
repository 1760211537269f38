/**
 * The one reading of a CSV file, for every path that takes one: a plan typed as a table
 * (`plan-csv.ts`), an actuals file (`actuals.ts`), a colleague's sheet saved as CSV
 * (`hosts/xlsx/read-workbook.ts`) and the pane's plan file (`taskpane/plan-file.ts`).
 * Pure: bytes or text in, rows out.
 *
 * Bytes → text: UTF-8 first (BOM or not), UTF-16 by its BOM, else Windows-1258 (what Excel on a
 * Vietnamese machine saves `;` files in; its tone marks are combining characters), then NFC; text in
 * the old TCVN3 encoding is read as such, VNI refused (`legacy-vietnamese.ts` tells them apart).
 * Text → rows: papaparse (RFC 4180 quoting), with the separator guessed from the first non-blank
 * lines (`;`, `,` or tab; a tie goes to `;`), every record keeping the line it starts on.
 */
import Papa from "papaparse";
import { decodeTcvn3, fromVni, vietnameseShare } from "./legacy-vietnamese";
import { type Location, type Result, fail, ok, problem } from "./problems";

export type CsvReadCode = "csv.encoding" | "csv.encoding-vni" | "csv.empty" | "csv.unterminated-quote" | "csv.stray-quote";

/** A record and the 1-based line of the file it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; cells: string[] };
export type CsvRows = {
  /** Every record in file order, blank lines included (a spreadsheet keeps them as empty rows). */
  records: CsvRecord[];
  delimiter: string;
  /** The first quoting fault, if any; the records are still read as far as they go. */
  fault: { code: "csv.unterminated-quote" | "csv.stray-quote"; line: number; column: number } | null;
};

/**
 * The bytes a text's characters are one for one (0x80–0x9F as Windows-1252 shows them), or null when
 * one is beyond a byte: how a legacy font's text comes back when Excel saved it as UTF-8 or UTF-16.
 */
const CP1252_HIGH = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
function asBytes(text: string): Uint8Array | null {
  // Most texts hold a character beyond a byte early (any Vietnamese one): tell before allocating.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x100 && !CP1252_HIGH.includes(text[i])) return null;
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x100 ? c : 0x80 + CP1252_HIGH.indexOf(text[i]);
  }
  return out;
}

/** How many bytes of a file decide its legacy encoding. */
const LEGACY_SAMPLE = 200_000;

/** A text whose non-ASCII words are this share Vietnamese syllables or more is read as it is. */
const READS_AS_VIETNAMESE = 0.8;

/**
 * An 8-bit Vietnamese file read with the wrong table: `text` is the reading so far (Windows-1258, or
 * UTF-8 holding a legacy font's characters as Excel saves them), `bytes` the bytes it stands for.
 * TCVN3 is taken when it reads as Vietnamese and the current reading does not; VNI is named, not read.
 */
function legacyReading(text: string, bytes: Uint8Array): { text: string; encoding: string } | "vni" | null {
  const current = vietnameseShare(text);
  if (current >= READS_AS_VIETNAMESE) return null;
  // Judged on the file's start (as `vietnameseShare` is); the whole file decoded only once chosen.
  const start = bytes.subarray(0, LEGACY_SAMPLE);
  const t = vietnameseShare(decodeTcvn3(start));
  if (t >= READS_AS_VIETNAMESE && t > current) return { text: decodeTcvn3(bytes), encoding: "tcvn3" };
  const v = vietnameseShare(fromVni(new TextDecoder("windows-1252").decode(start)));
  return v >= READS_AS_VIETNAMESE && v > current ? "vni" : null;
}

/**
 * Bytes to NFC text: UTF-16 by its BOM; UTF-8 (BOM or not); else Windows-1258. A text that does not
 * read as Vietnamese in these but does in TCVN3 (`.VnTime` fonts, also when Excel saved their
 * characters as UTF-8) is read as TCVN3; one that reads as VNI (`VNI-Times` fonts) is refused with what to do.
 */
export function decodeText(bytes: Uint8Array, file?: string): Result<{ text: string; encoding: string }, CsvReadCode> {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const attempts: [string, number][] =
    b0 === 0xff && b1 === 0xfe ? [["utf-16le", 2]] : b0 === 0xfe && b1 === 0xff ? [["utf-16be", 2]] : [["utf-8", 0], ["windows-1258", 0]];
  for (const [encoding, skip] of attempts) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: encoding === "utf-8" }).decode(bytes.subarray(skip)).replace(/^\uFEFF/, "").normalize("NFC");
    } catch {
      continue; // Not this encoding: try the next one.
    }
    const raw = encoding === "windows-1258" ? bytes : /[^\x00-\x7f]/.test(text) ? asBytes(text) : null;
    const legacy = raw ? legacyReading(text, raw) : null;
    if (legacy === "vni") return fail([problem("csv.encoding-vni", { file }, {})]);
    return ok(legacy ?? { text, encoding });
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

/** Bytes to records, for hosts that hold a file (a colleague's CSV sheet); null when its text cannot be read (VNI fonts). */
export function csvRowsOfBytes(bytes: Uint8Array): CsvRows | null {
  const decoded = decodeText(bytes);
  return decoded.ok ? csvRows(decoded.value.text) : null;
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
