/**
 * `ktxh check`: checks many workbooks (colleagues' sheets, the add-in's own) against a plan and says,
 * file by file, what is wrong and in which cell. Folders are walked: every file in them is reported, as
 * read, refused (why) or skipped (why) — spreadsheets of other programs (.xls, .ods, .numbers) are refused
 * with what to do, not passed over; a plan CSV among the tables is skipped as a plan, not checked as one.
 * Exit code 2 when a file cannot be read, else 1 when any error was found, else 0.
 */
import { type Stats, readFileSync, statSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { formatProblem, message } from "../../core/messages";
import type { Plan } from "../../core/plan";
import { problem } from "../../core/problems";
import { type FileCode, type Issue, type SkipCode, groupRepeated, validateGrid } from "../../core/validate";
import { moreRowsText } from "../../core/messages/labels";
import { isPlanCsv } from "../../core/plan-csv";
import { type PlanSource, readBook } from "../../layout/book";
import { fixText, SEVERITY_WORDS } from "../../layout/sheets/issues";
import { builtInPlans } from "../../seeds";
import { annotateWorkbook, issuesWorkbook } from "../../hosts/xlsx/annotate";
import { readWorkbook } from "../../hosts/xlsx/read-workbook";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT, processIO } from "../io";
import { loadPlanFile } from "../load-plan";

const USAGE = [
  "ktxh check TỆP|THƯ-MỤC... [--plan TỆP|MÃ] [--json] [--out THƯ-MỤC] [--progress]",
  "",
  "Kiểm tra số liệu chỉ tiêu, nhiệm vụ trong các sổ tính (.xlsx, .xlsm, .csv; thư mục: quét cả thư mục con, báo từng tệp).",
  "  --plan      tệp kế hoạch .json/.csv hoặc mã kế hoạch có sẵn (mặc định: kế hoạch ghi trong sổ; sổ không ghi thì",
  "              kế hoạch có sẵn khớp nhất với các dòng của bảng, nếu không: Bình Sơn 2024)",
  "  --json      kết quả dạng JSON",
  "  --out       ghi vào thư mục này bản sao có đánh dấu ô lỗi (hoặc sổ danh sách lỗi riêng); tệp gốc không bị sửa",
  "  --progress  hiện tiến độ trên stderr",
  "Mã thoát: 0 không có lỗi, 1 có lỗi số liệu, 2 có tệp không đọc được hoặc sai cú pháp lệnh.",
].join("\n");

/** A plan typed as a table is small: a CSV of a folder larger than this is not asked whether it is one. */
const PLAN_CSV_BYTES = 1024 * 1024;

/** A CSV of a folder that is a plan (the `--plan` file beside the tables, say), not a colleague's table. */
async function planCsv(p: string): Promise<boolean> {
  const st = await fs.stat(p).catch(() => null);
  if (!st || st.size > PLAN_CSV_BYTES) return false;
  const bytes = await fs.readFile(p).catch(() => null);
  return bytes !== null && isPlanCsv(new Uint8Array(bytes), p);
}

/** Files of a folder that are opened; any other file is reported as skipped. */
const EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".csv", ".ods", ".numbers"]);

interface Args {
  inputs: string[];
  plan: string | null;
  json: boolean;
  out: string | null;
  progress: boolean;
}

function parseArgs(args: string[]): Args | string {
  const r = readArgs(args, { plan: { type: "string" }, json: { type: "boolean" }, out: { type: "string" }, progress: { type: "boolean" } });
  if (typeof r === "string") return r;
  const v = r.values;
  const a: Args = { inputs: r.positionals, plan: v.plan ?? null, json: v.json === true, out: v.out ?? null, progress: v.progress === true };
  if (!a.inputs.length) return "cần ít nhất một tệp hoặc thư mục";
  return a;
}

export interface FileReport {
  file: string;
  readable: boolean;
  reason: string | null;
  reasonCode: FileCode | null;
  plan: string | null;
  /** Where the plan came from: the book's record, the user's choice, the rows matched, the default. */
  planSource: PlanSource | null;
  issues: Issue[];
  output: { file: string; kind: "annotated" | "issues" } | null;
}

/** A file found: to be read, missing, refused without reading (a Numbers package folder), or skipped. */
export type Found =
  | { path: string; kind: "read" | "missing" }
  | { path: string; kind: "refused"; code: FileCode }
  | { path: string; kind: "skipped"; code: SkipCode; detail: string | null };

export interface SkippedFile {
  file: string;
  reason: string;
  reasonCode: SkipCode;
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Files under the inputs, folders walked in name order; every file found is kept, so each is reported. */
export async function collect(inputs: string[], cwd: string, skip: string | null): Promise<Found[]> {
  const out: Found[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      const ext = path.extname(e.name).toLowerCase();
      if (e.isDirectory()) {
        // A Numbers document saved as a package is a folder ending in .numbers.
        if (ext === ".numbers") out.push({ path: p, kind: "refused", code: "file.numbers" });
        else if (skip === null || path.resolve(p) !== skip) await walk(p);
      } else if (e.name.startsWith("~$")) out.push({ path: p, kind: "skipped", code: "skip.lock-file", detail: null });
      else if (ext === ".csv" && (await planCsv(p))) out.push({ path: p, kind: "skipped", code: "skip.plan-file", detail: e.name });
      else if (EXTENSIONS.has(ext)) out.push({ path: p, kind: "read" });
      else out.push({ path: p, kind: "skipped", code: "skip.not-spreadsheet", detail: ext || null });
    }
  };
  for (const input of inputs) {
    const p = path.resolve(cwd, input);
    // At once, as the files are read (checkFile): a thousand files named are a thousand stats.
    const st = statOrNull(p);
    if (!st) out.push({ path: p, kind: "missing" });
    else if (st.isDirectory() && path.extname(p).toLowerCase() === ".numbers") out.push({ path: p, kind: "refused", code: "file.numbers" });
    else if (st.isDirectory()) await walk(p);
    else out.push({ path: p, kind: "read" });
  }
  return out;
}

export function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

function unreadable(file: string, code: FileCode, detail: string | null = null): FileReport {
  const reason = message(problem(code, {}, { detail }));
  return { file, readable: false, reason, reasonCode: code, plan: null, planSource: null, issues: [], output: null };
}

/** An output name in `dir` not used yet in this run: "bao-cao-kiem-tra.xlsx", "bao-cao-kiem-tra-2.xlsx". */
function outputName(dir: string, file: string, suffix: string, used: Set<string>): string {
  const base = path.basename(file).replace(/\.[^.]+$/, "");
  for (let k = 1; ; k++) {
    const p = path.join(dir, `${base}-${suffix}${k > 1 ? `-${k}` : ""}.xlsx`);
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

async function checkFile(file: string, fixed: Plan | null, out: string | null, used: Set<string>, cwd: string): Promise<FileReport> {
  const name = shown(file, cwd);
  let buf: Buffer;
  try {
    // Read at once: files are checked one after the other, and each await on the thread pool (open,
    // stat, read, close) is an idle turn of the event loop, longer the busier the machine.
    buf = readFileSync(file);
  } catch (e) {
    return unreadable(name, "file.io", e instanceof Error ? e.message : null);
  }
  // The workbook itself is needed only to write its annotated copy.
  const read = await readWorkbook(buf, file, { keepWorkbook: out !== null });
  if (!read.ok) return unreadable(name, read.code);
  const book = readBook(read.grids, { plans: builtInPlans(), chosenPlan: fixed });
  const plan = book.plan;
  const found = [...book.problems, ...validateGrid(plan, book.grids, { tables: book.tables })];
  const issues = found.map((i) => ({ ...i, location: { file: name, ...i.location } }));
  const report: FileReport = {
    file: name, readable: true, reason: null, reasonCode: null, plan: plan.id, planSource: book.planSource, issues, output: null,
  };
  if (out) {
    // ExcelJS drops charts, pivots, drawings and macros on writing, and a CSV has no cells to mark.
    const faithful = read.workbook !== null && read.unsupported.length === 0 && path.extname(file).toLowerCase() === ".xlsx";
    let wb = faithful && read.workbook ? read.workbook : issuesWorkbook(issues, path.basename(file));
    let kind: "annotated" | "issues" = faithful ? "annotated" : "issues";
    if (faithful && read.workbook) annotateWorkbook(read.workbook, issues, path.basename(file));
    let target = outputName(out, file, kind === "annotated" ? "kiem-tra" : "danh-sach-loi", used);
    if (path.resolve(target) === path.resolve(file)) target = outputName(out, file, "kiem-tra-ban-sao", used);
    try {
      await fs.writeFile(target, Buffer.from(await wb.xlsx.writeBuffer()));
    } catch {
      wb = issuesWorkbook(issues, path.basename(file));
      kind = "issues";
      target = outputName(out, file, "danh-sach-loi", used);
      await fs.writeFile(target, Buffer.from(await wb.xlsx.writeBuffer()));
    }
    report.output = { file: shown(target, cwd), kind };
  }
  return report;
}

function count(issues: Issue[], severity: Issue["severity"]): number {
  return issues.filter((i) => i.severity === severity).length;
}

function skippedText(s: SkippedFile): string {
  return `${s.file}: BỎ QUA. ${s.reason}\n`;
}

function textReport(r: FileReport): string {
  if (!r.readable) return `${r.file}: KHÔNG ĐỌC ĐƯỢC. ${r.reason}\n`;
  const e = count(r.issues, "error");
  const w = count(r.issues, "warning");
  const head = `${r.file}: ${e ? `${e} lỗi` : "không có lỗi"}${w ? `, ${w} cảnh báo` : ""} (kế hoạch ${r.plan})`;
  // Warnings repeated down one column are listed as their first rows and one "… và N dòng khác" line.
  const lines = issueLines(r.issues);
  const out = r.output ? [`  → ${r.output.kind === "annotated" ? "bản sao có đánh dấu" : "danh sách lỗi"}: ${r.output.file}`] : [];
  return [head, ...lines, ...out].join("\n") + "\n";
}

/** An issue as `--json` prints it (`ktxh collect` prints the same shape). */
export function jsonIssue(i: Issue): Record<string, unknown> {
  return {
    code: i.code,
    severity: i.severity,
    sheet: i.location.sheet ?? null,
    cell: i.location.cell ?? null,
    target: i.location.target ?? i.location.task ?? null,
    message: message(i),
    fix: i.fix ? { cell: i.fix.cell, value: i.fix.value } : null,
  };
}

/** The text lines of one file's issues (`ktxh collect` prints the same). */
export function issueLines(issues: Issue[]): string[] {
  return groupRepeated(issues).map((l) => {
    if (l.kind === "more") return `    ${moreRowsText(l)}`;
    const i = l.issue;
    const { file: _f, ...where } = i.location;
    const fix = i.fix ? ` Đề xuất: ${fixText(i.fix.value)}` : "";
    return `  ${SEVERITY_WORDS[i.severity]} [${i.code}] ${formatProblem({ ...i, location: where })}${fix}`;
  });
}

function jsonReport(reports: FileReport[], skipped: SkippedFile[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    readable: r.readable,
    reason: r.reason,
    reasonCode: r.reasonCode,
    plan: r.plan,
    planSource: r.planSource,
    output: r.output?.file ?? null,
    outputKind: r.output?.kind ?? null,
    issues: r.issues.map(jsonIssue),
  }));
  return JSON.stringify({ files, skipped }, null, 2) + "\n";
}

async function run(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args);
  if (typeof a === "string") {
    io.err(`ktxh check: ${a}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  }
  let fixed: Plan | null = null;
  if (a.plan !== null) {
    fixed = builtInPlans().find((p) => p.id === a.plan) ?? null;
    if (!fixed) {
      const r = await loadPlanFile(path.resolve(io.cwd, a.plan));
      for (const p of r.problems) io.err(formatProblem(p) + "\n");
      if (!r.ok) {
        io.err(`ktxh check: không đọc được kế hoạch ${a.plan}.\n`);
        return EXIT.UNREADABLE;
      }
      fixed = r.value;
    }
  }
  const out = a.out === null ? null : path.resolve(io.cwd, a.out);
  if (out) await fs.mkdir(out, { recursive: true });
  const found = await collect(a.inputs, io.cwd, out);
  const tty = io.err === processIO.err && process.stderr.isTTY === true;
  const progress = found.filter((f) => f.kind !== "skipped").length > 3 && (a.progress || tty);
  const used = new Set<string>();
  const reports: FileReport[] = [];
  const skipped: SkippedFile[] = [];
  const opened = found.filter((f) => f.kind !== "skipped");
  let k = 0;
  for (const f of found) {
    const name = shown(f.path, io.cwd);
    if (f.kind === "skipped") {
      const s: SkippedFile = { file: name, reason: message(problem(f.code, {}, { detail: f.detail })), reasonCode: f.code };
      skipped.push(s);
      if (!a.json) io.out(skippedText(s));
      continue;
    }
    k++;
    if (progress) io.err(`${tty ? "\r\x1b[K" : ""}Đang kiểm tra ${k}/${opened.length}: ${name}${tty ? "" : "\n"}`);
    const r =
      f.kind === "missing" ? unreadable(name, "file.missing")
      : f.kind === "refused" ? unreadable(name, f.code)
      : await checkFile(f.path, fixed, out, used, io.cwd);
    reports.push(r);
    if (!a.json) io.out(textReport(r));
  }
  if (progress && tty) io.err("\r\x1b[K");
  const bad = reports.filter((r) => !r.readable).length;
  const withErrors = reports.filter((r) => r.issues.some((i) => i.severity === "error")).length;
  if (a.json) io.out(jsonReport(reports, skipped));
  else {
    io.out(
      `\nĐã kiểm tra ${reports.length} tệp: ${bad} không đọc được, ${withErrors} có lỗi, ` +
        `${reports.length - bad - withErrors} không có lỗi${skipped.length ? `; bỏ qua ${skipped.length} tệp (lý do ở từng tệp)` : ""}.\n`,
    );
  }
  if (!reports.length) {
    io.err("ktxh check: không tìm thấy tệp .xlsx, .xlsm, .xls hay .csv nào.\n");
    return EXIT.UNREADABLE;
  }
  return bad ? EXIT.UNREADABLE : withErrors ? EXIT.PROBLEMS : EXIT.OK;
}

export const checkCommand: Command = {
  name: "check",
  summary: "kiểm tra số liệu trong các sổ tính (cả thư mục), chỉ ra ô có lỗi",
  usage: USAGE,
  run,
};
