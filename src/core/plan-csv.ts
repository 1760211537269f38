/**
 * Plans typed as tables: a CSV with the header `no,name,unit,target` and optional `direction`
 * (`higher`/`lower`), `parent`, `previous`, `additive` columns, as staff type it in Excel.
 * Excel on a Vietnamese machine saves `;`-separated files in the Windows-1258 code page (whose
 * tone marks are combining characters), so: UTF-8 first (BOM or not), UTF-16 by its BOM, else
 * Windows-1258, then NFC. Every refusal names its line and column.
 *
 * Sub-rows: a `no` of "1.2" (or a `parent` column) places a row under target 1; a `no` of "-"
 * (as 783/BC prints sector rows) numbers it after the main target above it. A total whose sub-rows
 * share its unit, and whose unit is not %, is taken as additive unless an `additive` column says.
 */
import { type Plan, type PlanInput, parsePlan } from "./plan";
import { type Location, type Problem, type Result, fail, ok, problem } from "./problems";
import { parseTarget } from "./target";
import { foldKey } from "./text";

export type CsvProblemCode =
  | "csv.encoding"
  | "csv.empty"
  | "csv.unterminated-quote"
  | "csv.stray-quote"
  | "csv.missing-column"
  | "csv.duplicate-column"
  | "csv.unknown-column"
  | "csv.bad-no"
  | "csv.bad-direction"
  | "csv.bad-additive"
  | "csv.year-missing"
  | "csv.heading-skipped";

export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { header: string[]; rows: CsvRow[]; delimiter: string };

/** Bytes to NFC text: UTF-8 (BOM or not), UTF-16 by BOM, else Windows-1258. */
export function decodeText(bytes: Uint8Array, file?: string): Result<{ text: string; encoding: string }, CsvProblemCode> {
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
  return fail([problem("csv.encoding", "error", { file }, {})]);
}

/** RFC 4180 with the delimiter guessed from the header line (`;`, `,` or tab). */
export function readCsv(text: string, file?: string): Result<CsvTable, CsvProblemCode> {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best), [",", 0] as readonly [string, number])[0];
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const at = (l: number, col: number): Location => ({ file, path: `dòng ${l}, cột ${col}` });
  const endRecord = (): void => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell.trim() === "") {
      const openLine = line;
      const openCol = cells.length + 1;
      cell = "";
      i++;
      for (;;) {
        if (i >= text.length) return fail([problem("csv.unterminated-quote", "error", at(openLine, openCol), {})]);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\r" && text[i + 1] === "\n") {
          i++;
          continue;
        }
        if (q === "\n") line++;
        cell += q;
        i++;
      }
      while (i < text.length && (text[i] === " " || text[i] === "\t") && text[i] !== delimiter) i++;
      if (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        return fail([problem("csv.stray-quote", "error", at(line, cells.length + 1), {})]);
      }
      continue;
    }
    if (c === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== "" || cells.length > 0) endRecord();
  if (records.length === 0) return fail([problem("csv.empty", "error", { file }, {})]);
  const [head, ...rows] = records;
  return ok({ header: head.cells.map((h) => h.trim()), rows, delimiter });
}

/** Header aliases, folded (no diacritics, lower case). */
const COLUMNS: Record<string, string[]> = {
  no: ["no", "tt", "stt", "so tt", "so thu tu"],
  name: ["name", "chi tieu", "ten chi tieu", "chi tieu chu yeu", "noi dung"],
  unit: ["unit", "don vi tinh", "dvt", "don vi"],
  target: ["target", "ke hoach", "kh", "chi tieu ke hoach"],
  direction: ["direction", "chieu"],
  parent: ["parent", "chi tieu cha"],
  previous: ["previous", "nam truoc", "th nam truoc", "thuc hien nam truoc"],
  additive: ["additive", "cong don"],
};
const YEAR_RE = /(?:^|\D)(20\d\d)(?!\d)/;
const NO_RE = /^\d+(?:\.\d+)*$/;
const SUB_MARK = new Set(["-", "–", "+", "•", "*"]);
const DIRECTIONS: Record<string, "higher" | "lower"> = { higher: "higher", lower: "lower", cao: "higher", thap: "lower", tang: "higher", giam: "lower" };
const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, "1": true, "0": false, co: true, khong: false };

function columnOf(header: string): string | null {
  const key = foldKey(header);
  for (const [name, aliases] of Object.entries(COLUMNS)) if (aliases.includes(key)) return name;
  if (/^kh \d{4}$/.test(key)) return "target";
  return null;
}

export type PlanCsvOptions = { id?: string; year?: number; unit?: string; document?: string };

/** Reads a plan typed as a table. Unreadable target wordings are reported but do not stop the plan. */
export function parsePlanCsv(bytes: Uint8Array, file?: string, opts: PlanCsvOptions = {}): Result<Plan> {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const table = readCsv(decoded.value.text, file);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const problems: Problem[] = [];
  const col: Record<string, number> = {};
  header.forEach((h, i) => {
    const name = columnOf(h);
    const where: Location = { file, path: `dòng 1, cột ${i + 1}` };
    if (!name) {
      if (h !== "") problems.push(problem("csv.unknown-column", "warning", where, { column: h }));
      return;
    }
    if (name in col) problems.push(problem("csv.duplicate-column", "error", where, { column: h }));
    else col[name] = i;
  });
  for (const required of ["no", "name", "target"]) {
    if (!(required in col)) problems.push(problem("csv.missing-column", "error", { file, path: "dòng 1" }, { column: required }));
  }
  const fileName = file ? file.split(/[\\/]/).pop() ?? file : "";
  const yearText = YEAR_RE.exec(fileName)?.[1] ?? YEAR_RE.exec(header[col.target ?? -1] ?? "")?.[1];
  const year = opts.year ?? (yearText ? Number(yearText) : null);
  if (year === null) problems.push(problem("csv.year-missing", "error", { file }, {}));
  if (problems.some((p) => p.severity === "error")) return fail(problems);

  const cellOf = (r: CsvRow, name: string): string => (name in col ? (r.cells[col[name]] ?? "").trim() : "");
  const where = (r: CsvRow, name: string, no?: string): Location => ({
    file, path: `dòng ${r.line}, cột ${(col[name] ?? 0) + 1} (${header[col[name] ?? 0]})`, ...(no ? { target: no } : {}),
  });
  const targets: PlanInput["targets"] = [];
  let lastMain: string | null = null;
  let subCount = 0;
  for (const r of rows) {
    let no = cellOf(r, "no").replace(/\.$/, "");
    const target = cellOf(r, "target");
    let parent: string | null = cellOf(r, "parent").replace(/\.$/, "") || null;
    if (SUB_MARK.has(no) || (no === "" && lastMain !== null && parent === null)) {
      if (lastMain === null) {
        problems.push(problem("csv.bad-no", "error", where(r, "no"), { value: no }));
        continue;
      }
      subCount++;
      parent = lastMain;
      no = `${lastMain}.${subCount}`;
    } else if (!NO_RE.test(no)) {
      if (target === "") {
        problems.push(problem("csv.heading-skipped", "info", where(r, "no"), { value: no }));
        continue;
      }
      problems.push(problem("csv.bad-no", "error", where(r, "no"), { value: no }));
      continue;
    } else if (parent === null && no.includes(".")) {
      parent = no.slice(0, no.lastIndexOf("."));
    }
    if (parent === null) {
      lastMain = no;
      subCount = 0;
    }
    const dirText = foldKey(cellOf(r, "direction"));
    const direction = dirText === "" ? undefined : DIRECTIONS[dirText];
    if (dirText !== "" && !direction) problems.push(problem("csv.bad-direction", "error", where(r, "direction", no), { value: cellOf(r, "direction") }));
    const addText = foldKey(cellOf(r, "additive"));
    const additive = addText === "" ? undefined : BOOLEANS[addText];
    if (addText !== "" && additive === undefined) problems.push(problem("csv.bad-additive", "error", where(r, "additive", no), { value: cellOf(r, "additive") }));
    const name = cellOf(r, "name");
    const unit = cellOf(r, "unit");
    const spec = parseTarget(target, { direction, unit, name, no });
    for (const p of spec.problems) if (p.severity !== "info") problems.push({ ...p, location: where(r, "target", no) });
    targets.push({
      no, parent, name, unit, target,
      ...(direction ? { direction } : {}),
      ...(additive !== undefined ? { additive } : {}),
      ...(cellOf(r, "previous") ? { previous: cellOf(r, "previous") } : {}),
      ...(spec.ok && spec.value.kind === "reduce-criteria" && foldKey(name).includes("tai nan") ? { criteria: "traffic-accidents" as const } : {}),
    });
  }
  if (!("additive" in col)) inferAdditive(targets);

  const slug = foldKey(fileName.replace(/\.[^.]*$/, "")).replace(/ /g, "-");
  const data: PlanInput = {
    id: opts.id ?? (slug || "ke-hoach"),
    unit: opts.unit ?? "(chưa ghi cơ quan)",
    year: year ?? 0,
    source: { document: opts.document ?? (fileName || "bảng CSV"), file: file ?? null },
    targets,
  };
  const plan = parsePlan(data, file);
  if (!plan.ok) return fail([...problems, ...plan.problems]);
  const fatal = problems.filter((p) => p.code === "csv.bad-no" || p.code === "csv.bad-direction" || p.code === "csv.bad-additive");
  if (fatal.length > 0) return fail(problems);
  return ok(plan.value, problems);
}

function inferAdditive(targets: PlanInput["targets"]): void {
  for (const t of targets) {
    if (t.parent != null) continue;
    const subs = targets.filter((s) => s.parent === t.no);
    if (subs.length === 0 || foldKey(t.unit) === "" || t.unit.trim() === "%") continue;
    if (subs.every((s) => foldKey(s.unit) === foldKey(t.unit))) t.additive = true;
  }
}
