/**
 * Plans typed as tables: a CSV with the header `no,name,unit,target` and optional `direction`
 * (`higher`/`lower`), `parent`, `previous`, `additive` columns, as staff type it in Excel.
 * Bytes and rows are read by `csv.ts` (the one CSV reading: encodings, separator, quoting).
 * Every refusal names its line and column.
 *
 * Sub-rows: a `no` of "1.2" (or a `parent` column) places a row under target 1; a `no` of "-"
 * (as 783/BC prints sector rows) numbers it after the main target above it. A total whose sub-rows
 * share its unit, and whose unit is not %, is taken as additive unless an `additive` column says.
 */
import { type CsvReadCode, type CsvRecord, decodeText, readCsv } from "./csv";
import { type Plan, type PlanInput, parsePlan } from "./plan";
import { type Location, type Problem, type Result, fail, ok, problem } from "./problems";
import { parseTarget } from "./target";
import { foldKey } from "./text";

export type CsvProblemCode =
  | CsvReadCode
  | "csv.missing-column"
  | "csv.duplicate-column"
  | "csv.unknown-column"
  | "csv.bad-no"
  | "csv.bad-direction"
  | "csv.bad-additive"
  | "csv.year-missing"
  | "csv.heading-skipped";

type CsvRow = CsvRecord;

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
