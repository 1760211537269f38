/**
 * Plans typed as tables, as officers type them in Excel and save as CSV. Bytes and rows are read by
 * `csv.ts` (the one CSV reading: encodings, separator, quoting).
 *
 * Columns are recognised by the words of their header, with or without tone marks, in any order
 * (`columnOf`): STT · Tên chỉ tiêu / Chỉ tiêu / Nội dung · ĐVT / Đơn vị tính · Kế hoạch / KH /
 * KH 2026 / Kế hoạch năm 2026 / Chỉ tiêu kế hoạch / Mục tiêu · Hướng / Chiều ("tăng"/"giảm",
 * "cao"/"thấp") · Thuộc chỉ tiêu · TH năm trước (or "TH 2025" in a 2026 plan) · Cộng dồn · Tốc độ ·
 * Số thực hiện ghi ("mức giảm"/"mức đạt") · Lũy kế (`có`: the figure adds up over the year, judged
 * mid-year on its projection; `không`: a level; empty: the default from unit and name, ./cumulative.ts) ·
 * Đánh giá cuối năm (`có`: known only at year end, *Chưa đánh giá được* before); the English `no,name,
 * unit,target,direction,parent,previous,additive,rate,actualIs,cumulative,annual` still work. The header is the first line with two such columns; the lines
 * above it may name the unit ("Đơn vị: UBND xã Tân Phước", or a line "UBND XÃ TÂN PHƯỚC"), the year
 * ("Năm: 2026", or a title "… NĂM 2026"), the signer ("Người ký: …", "Chức vụ: …"); other lines
 * there are titles and are passed over.
 *
 * The year: `opts.year` (`--year`), else a line above the header, else the plan column's header
 * (`KH 2026`), else the file name (`xa-tan-phuoc-2026.csv`); without one the plan is refused unless
 * `opts.defaultYear` is given (judging needs no year). `opts.unit` (`--issuer`) overrides the unit.
 *
 * Sub-rows: a number "1.2" (or a Thuộc chỉ tiêu column) places a row under target 1; a number "-" (as
 * 783/BC prints sector rows) numbers it after the main target above it. A total whose sub-rows share
 * its unit, and whose unit is not %, is taken as additive unless a Cộng dồn column says.
 *
 * Every fault is one problem at the line and the column header the officer sees (`dòng 4, cột Chỉ
 * tiêu kế hoạch`), with its sentence in the catalog (messages/evaluate.ts).
 */
import { compositeTargets } from "./composite";
import { type CsvReadCode, type CsvRecord, decodeText, readCsv } from "./csv";
import { type Plan, type PlanInput, parsePlan } from "./plan";
import { type Location, type Problem, type Result, fail, ok, problem } from "./problems";
import { hintsOf, parseTarget } from "./target";
import { foldKey, nfc } from "./text";
import { classifyHeader } from "./read-table/columns";

export type CsvProblemCode =
  | CsvReadCode
  | "csv.not-a-plan"
  | "csv.missing-column"
  | "csv.duplicate-column"
  | "csv.unknown-column"
  | "csv.bad-no"
  | "csv.bad-direction"
  | "csv.bad-additive"
  | "csv.bad-value"
  | "csv.empty-cell"
  | "csv.year-missing"
  | "csv.year-lent"
  | "csv.heading-skipped";

type Field = "no" | "name" | "unit" | "target" | "direction" | "parent" | "previous" | "additive" | "rate" | "actualIs" | "cumulative" | "annual";

/** What each column is called in messages: the header an officer would type. */
export const FIELD_LABELS: Record<Field, string> = {
  no: "STT", name: "Tên chỉ tiêu", unit: "Đơn vị tính", target: "Chỉ tiêu kế hoạch", direction: "Hướng",
  parent: "Thuộc chỉ tiêu", previous: "TH năm trước", additive: "Cộng dồn", rate: "Tốc độ", actualIs: "Số thực hiện ghi",
  cumulative: "Lũy kế", annual: "Đánh giá cuối năm",
};

const ENGLISH: Record<string, Field> = {
  no: "no", name: "name", unit: "unit", target: "target", direction: "direction", parent: "parent",
  previous: "previous", additive: "additive", rate: "rate", actualis: "actualIs", "actual is": "actualIs",
  cumulative: "cumulative", annual: "annual",
};

/** A column that holds figures done ("TH 2025", "Ước thực hiện năm 2025"): last year's when its year is. */
type Heading = Field | { actualYear: number | null };

const YEAR_RE = /(?:^|\D)(20\d\d)(?!\d)/;

/**
 * The field a header names, by its words (folded): the class of headers officers type, not a list.
 * Order matters: "Chỉ tiêu kế hoạch" is the plan, "Thuộc chỉ tiêu" the parent, "Chỉ tiêu" the name.
 */
export function columnOf(header: string): Heading | null {
  const k = foldKey(header);
  if (k === "") return null;
  if (k in ENGLISH) return ENGLISH[k];
  const w = ` ${k} `;
  const has = (...ps: string[]): boolean => ps.some((p) => w.includes(` ${p} `));
  if (/^(?:s?tt|so tt|so thu tu|thu tu)$/.test(k)) return "no";
  if (has("luy ke")) return "cumulative";
  if (has("cuoi nam", "chi co so ca nam") && !has("ke hoach", "kh")) return "annual";
  if (has("thuoc", "chi tieu cha", "dong cha")) return "parent";
  if (has("nam truoc", "ky truoc")) return "previous";
  if (has("cach ghi") || (has("so thuc hien", "th", "so lieu") && has("ghi", "la"))) return "actualIs";
  if (has("huong", "chieu")) return "direction";
  if (has("toc do", "loai")) return "rate";
  if (has("cong don", "cong lai")) return "additive";
  if (has("thuc hien", "th", "uoc", "uoc th")) {
    const y = YEAR_RE.exec(k)?.[1];
    return { actualYear: y ? Number(y) : null };
  }
  if (has("ke hoach", "kh", "muc tieu", "chi tieu giao", "chi tieu ke hoach")) return "target";
  if (has("dvt", "don vi tinh", "don vi")) return "unit";
  if (has("ten", "chi tieu", "noi dung", "danh muc")) return "name";
  return null;
}

const isField = (h: Heading | null): h is Field => typeof h === "string";
/** The header line: the first with at least two recognised columns, one of them the name or the plan. */
function isHeader(cells: string[]): boolean {
  const fields = new Set(cells.map(columnOf).filter(isField));
  return fields.size >= 2 && (fields.has("name") || fields.has("target"));
}

const NO_RE = /^\d+(?:\.\d+)*$/;
const SUB_MARK = new Set(["-", "–", "+", "•", "*"]);
const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, "1": true, "0": false, co: true, khong: false, x: true };

function directionOf(text: string): "higher" | "lower" | null {
  const w = ` ${foldKey(text)} `;
  if (/ (?:lower|thap|giam|it) /.test(w)) return "lower";
  if (/ (?:higher|cao|tang|nhieu) /.test(w)) return "higher";
  return null;
}

function rateOf(text: string): boolean | null {
  const k = foldKey(text);
  if (k in BOOLEANS) return BOOLEANS[k];
  if (/(?:^| )(?:toc do|ty le tang|rate)(?: |$)/.test(k)) return true;
  if (/(?:^| )(?:muc|gia tri|so luong|level)(?: |$)/.test(k)) return false;
  return null;
}

function actualIsOf(text: string): "change" | "level" | null {
  const w = ` ${foldKey(text)} `;
  if (/ (?:change|giam|tang|thay doi|chenh lech) /.test(w)) return "change";
  if (/ (?:level|muc dat|so dat|ty le|muc moi|so moi|muc) /.test(w)) return "level";
  return null;
}

/** What the lines above the header say about the plan. */
type Above = { unit?: string; year?: number; signer?: string; signerTitle?: string };

const UNIT_LINE = /^(?:tên\s+)?(?:đơn vị|cơ quan)(?:\s+(?:báo cáo|lập|thực hiện|ban hành|chủ quản))?\s*[:：]\s*(.+)$/iu;
const UBND_LINE = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+\S/iu;
const SIGNER_LINE = /^(?:người ký|người ký báo cáo|ký tên)\s*[:：]\s*(.+)$/iu;
const TITLE_LINE = /^(?:chức vụ|chức danh)(?:\s+người ký)?\s*[:：]\s*(.+)$/iu;
const YEAR_LINE = /^năm(?:\s+kế hoạch)?\s*[:：]?\s*(20\d\d)\s*$/iu;
const ADMIN = new Set(["xã", "phường", "thị", "trấn", "huyện", "tỉnh", "thành", "phố", "quận", "ủy", "uỷ", "ban", "nhân", "dân", "và"]);

/** "UBND XÃ TÂN PHƯỚC" → "UBND xã Tân Phước": the name as a sentence writes it. */
function unitName(text: string): string {
  const t = text.replace(/[\s.;,]+$/, "").trim();
  if (t !== t.toLocaleUpperCase("vi-VN")) return t;
  return t
    .toLocaleLowerCase("vi-VN")
    .split(/\s+/)
    .map((w, i) => (w === "ubnd" ? "UBND" : ADMIN.has(w) && i > 0 ? w : w.charAt(0).toLocaleUpperCase("vi-VN") + w.slice(1)))
    .join(" ")
    .replace(/^Ủy Ban Nhân Dân|^Uỷ Ban Nhân Dân/u, "Ủy ban nhân dân");
}

function readAbove(records: CsvRecord[]): Above {
  const out: Above = {};
  for (const r of records) {
    const line = nfc(r.cells.map((c) => c.trim()).filter(Boolean).join(" ")).replace(/\s+/g, " ").trim();
    let m: RegExpExecArray | null;
    if ((m = SIGNER_LINE.exec(line))) out.signer ??= m[1].trim();
    else if ((m = TITLE_LINE.exec(line))) out.signerTitle ??= m[1].trim();
    else if ((m = YEAR_LINE.exec(line))) out.year ??= Number(m[1]);
    else if ((m = UNIT_LINE.exec(line))) out.unit ??= unitName(m[1]);
    else if (UBND_LINE.test(line) && !YEAR_RE.test(line)) out.unit ??= unitName(line);
    else if (/năm/iu.test(line) && YEAR_RE.test(line)) out.year ??= Number(YEAR_RE.exec(line)?.[1]);
  }
  return out;
}

export type PlanCsvOptions = {
  id?: string;
  /** The year (`--year`): wins over the file's. */
  year?: number;
  /** The year to use when the file gives none (judging needs no year); absent, such a file is refused. */
  defaultYear?: number;
  /** The issuing unit (`--issuer`): wins over the file's "Đơn vị: …" line. */
  unit?: string;
  document?: string;
};

const FATAL = new Set(["csv.bad-no", "csv.bad-direction", "csv.bad-additive", "csv.bad-value", "csv.empty-cell"]);

/** Reads a plan typed as a table. Unreadable target wordings are reported but do not stop the plan. */
export function parsePlanCsv(bytes: Uint8Array, file?: string, opts: PlanCsvOptions = {}): Result<Plan> {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const table = readCsv(decoded.value.text, file, isHeader);
  if (!table.ok) return table;
  const { header, rows, above, headerLine } = table.value;
  const given = readAbove(above);
  const problems: Problem[] = [];
  const col: Partial<Record<Field, number>> = {};
  const label = (i: number): string => header[i] || `số ${i + 1}`;
  const actualYears: { i: number; year: number | null }[] = [];
  header.forEach((h, i) => {
    const heading = columnOf(h);
    const where: Location = { file, path: `dòng ${headerLine}, cột ${label(i)}` };
    if (heading === null || !isField(heading)) {
      if (heading !== null) actualYears.push({ i, year: heading.actualYear });
      else if (h !== "") problems.push(problem("csv.unknown-column", where, { column: h }));
      return;
    }
    if (heading in col) problems.push(problem("csv.duplicate-column", where, { column: h }));
    else col[heading] = i;
  });
  // Neither a number column nor a plan column: some other table (a contact list, a colleague's figures).
  // One sentence says so; the five of missing columns, unknown ones and the year would bury it.
  if (!("no" in col) && !("target" in col)) {
    return fail([problem("csv.not-a-plan", { file, path: `dòng ${headerLine}` }, { header: header.filter((h) => h !== "").join(", ") })]);
  }
  for (const required of ["no", "name", "target"] as const) {
    if (!(required in col)) problems.push(problem("csv.missing-column", { file, path: `dòng ${headerLine}` }, { column: FIELD_LABELS[required] }));
  }
  const fileName = file ? (file.split(/[\\/]/).pop() ?? file) : "";
  const yearText = YEAR_RE.exec(header[col.target ?? -1] ?? "")?.[1] ?? YEAR_RE.exec(fileName)?.[1];
  const found = opts.year ?? given.year ?? (yearText ? Number(yearText) : null);
  if (found === null) {
    problems.push(opts.defaultYear ? problem("csv.year-lent", { file }, { used: opts.defaultYear }) : problem("csv.year-missing", { file }, {}));
  }
  const year = found ?? opts.defaultYear ?? null;
  // "TH 2025" in a 2026 plan is last year's figure; a column of this year's figures is no plan column.
  for (const a of actualYears) {
    if (!("previous" in col) && year !== null && a.year === year - 1) col.previous = a.i;
    else problems.push(problem("csv.unknown-column", { file, path: `dòng ${headerLine}, cột ${label(a.i)}` }, { column: header[a.i] }));
  }
  if (problems.some((p) => p.severity === "error")) return fail(problems);

  const cellOf = (r: CsvRecord, name: Field): string => (col[name] !== undefined ? (r.cells[col[name]] ?? "").trim() : "");
  const where = (r: CsvRecord, name: Field, no?: string): Location => ({
    file, path: `dòng ${r.line}, cột ${label(col[name] ?? 0)}`, ...(no ? { target: no } : {}),
  });
  const targets: PlanInput["targets"] = [];
  let lastMain: string | null = null;
  let subCount = 0;
  for (const r of rows) {
    let no = cellOf(r, "no").replace(/\.$/, "");
    const target = cellOf(r, "target");
    const name = cellOf(r, "name");
    let parent: string | null = cellOf(r, "parent").replace(/\.$/, "") || null;
    if (SUB_MARK.has(no) || (no === "" && lastMain !== null && parent === null && (name !== "" || target !== ""))) {
      if (lastMain === null) {
        problems.push(problem("csv.bad-no", where(r, "no"), { value: no }));
        continue;
      }
      subCount++;
      parent = lastMain;
      no = `${lastMain}.${subCount}`;
    } else if (!NO_RE.test(no)) {
      if (target === "") {
        problems.push(problem("csv.heading-skipped", where(r, "no"), { value: no || name }));
        continue;
      }
      problems.push(problem("csv.bad-no", where(r, "no"), { value: no }));
      continue;
    } else if (parent === null && no.includes(".")) {
      parent = no.slice(0, no.lastIndexOf("."));
    }
    if (parent === null) {
      lastMain = no;
      subCount = 0;
    }
    if (name === "") problems.push(problem("csv.empty-cell", where(r, "name", no), { column: label(col.name ?? 0) }));
    if (target === "") problems.push(problem("csv.empty-cell", where(r, "target", no), { column: label(col.target ?? 0) }));
    const dirText = cellOf(r, "direction");
    const direction = dirText === "" ? undefined : (directionOf(dirText) ?? undefined);
    if (dirText !== "" && !direction) problems.push(problem("csv.bad-direction", where(r, "direction", no), { value: dirText }));
    const addText = foldKey(cellOf(r, "additive"));
    const additive = addText === "" ? undefined : BOOLEANS[addText];
    if (addText !== "" && additive === undefined) problems.push(problem("csv.bad-additive", where(r, "additive", no), { value: cellOf(r, "additive") }));
    const rateText = cellOf(r, "rate");
    const rate = rateText === "" ? undefined : (rateOf(rateText) ?? undefined);
    if (rateText !== "" && rate === undefined) {
      problems.push(problem("csv.bad-value", where(r, "rate", no), { value: rateText, allowed: "có / không, hoặc tốc độ" }));
    }
    const isText = cellOf(r, "actualIs");
    const actualIs = isText === "" ? undefined : (actualIsOf(isText) ?? undefined);
    if (isText !== "" && actualIs === undefined) {
      problems.push(problem("csv.bad-value", where(r, "actualIs", no), { value: isText, allowed: "mức giảm (mức tăng) hoặc mức đạt" }));
    }
    const yesNo = (field: "cumulative" | "annual"): boolean | undefined => {
      const text = cellOf(r, field);
      if (text === "") return undefined;
      const v = BOOLEANS[foldKey(text)];
      if (v === undefined) problems.push(problem("csv.bad-value", where(r, field, no), { value: text, allowed: "có hoặc không (để trống: theo đơn vị tính và tên chỉ tiêu)" }));
      return v;
    };
    const cumulative = yesNo("cumulative");
    const annual = yesNo("annual");
    const unit = cellOf(r, "unit");
    if (target === "") continue;
    const spec = parseTarget(target, hintsOf({ direction, unit, name, no, rate }));
    for (const p of spec.problems) if (p.severity !== "info") problems.push({ ...p, location: where(r, "target", no) });
    const traffic = spec.ok && spec.value.kind === "reduce-criteria" && foldKey(name).includes("tai nan");
    targets.push({
      no, parent, name, unit, target,
      ...(direction ? { direction } : {}),
      ...(additive !== undefined ? { additive } : {}),
      ...(rate !== undefined ? { rate } : {}),
      ...(actualIs !== undefined ? { actualIs } : {}),
      ...(cumulative !== undefined ? { cumulative } : {}),
      ...(annual !== undefined ? { annual } : {}),
      ...(cellOf(r, "previous") ? { previous: cellOf(r, "previous") } : {}),
      ...(traffic ? { criteria: "traffic-accidents" as const } : {}),
    });
  }
  if (problems.some((p) => FATAL.has(p.code))) return fail(problems);
  if (!("additive" in col)) inferAdditive(targets);

  const slug = foldKey(fileName.replace(/\.[^.]*$/, "")).replace(/ /g, "-");
  const data: PlanInput = {
    id: opts.id ?? (slug || "ke-hoach"),
    unit: opts.unit?.trim() || given.unit || "(chưa ghi cơ quan)",
    year: year ?? 0,
    ...(given.signer ? { signer: given.signer } : {}),
    ...(given.signerTitle ? { signerTitle: given.signerTitle } : {}),
    source: { document: opts.document ?? (fileName || "bảng CSV"), file: file ?? null },
    targets,
  };
  const plan = parsePlan(data, file);
  if (!plan.ok) return fail([...problems, ...plan.problems]);
  // A line listing the figures its sub-rows carry is judged from them: its wording is no fault.
  const composite = compositeTargets(plan.value);
  const kept = problems.filter((p) => !(p.code.startsWith("target.") && p.location.target && composite.has(p.location.target)));
  return ok(plan.value, kept);
}

/**
 * Whether a CSV found among colleagues' tables is a plan typed as a table (`ktxh check FOLDER` skips it,
 * saying so, rather than checking it as a colleague's figures): it reads as a plan to its rows (a fault
 * in a row does not make it a colleague's table), and none of its columns holds figures done ("Ước TH
 * 2024", "Thực hiện", "6 tháng"), which a colleague's table always has. Last year's "TH 2025" in a 2026
 * plan is the plan's own column.
 */
export function isPlanCsv(bytes: Uint8Array, file?: string): boolean {
  const r = parsePlanCsv(bytes, file, { defaultYear: 2000 });
  if (!r.ok && !r.problems.some((p) => FATAL.has(p.code))) return false;
  return !r.problems.some((p) => p.code === "csv.unknown-column" && classifyHeader(String(p.params.column ?? ""))?.role === "actual");
}

function inferAdditive(targets: PlanInput["targets"]): void {
  for (const t of targets) {
    if (t.parent != null) continue;
    const subs = targets.filter((s) => s.parent === t.no);
    if (subs.length === 0 || foldKey(t.unit) === "" || t.unit.trim() === "%") continue;
    if (subs.every((s) => foldKey(s.unit) === foldKey(t.unit))) t.additive = true;
  }
}
