/**
 * The agreement harness's runners: one workbook (a `BookSpec`) through every path, each answer
 * normalised to rows {no → status, percent rounded}, problems ("code@sheet!cell") and counts.
 * Everything runs in-process: the Office.js host over the strict Excel, and the CLI's commands through
 * `main(argv, io)` with captured output (files in a temp folder; no node process per workbook).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { STATUS_LABELS } from "../../src/core/evaluate";
import { foldKey } from "../../src/core/text";
import type { CheckSummary, FixToApply } from "../../src/contract/operations";
import type { StrictWorkbook } from "../../src/testing/strict-excel";
import { setup } from "../excel/support";
import { type BookSpec, type Damage, TRAFFIC_ROWS } from "./generate";

export type Status = string | null;
export interface RowAnswer {
  status: Status;
  /** Percent of plan rounded to one decimal; undefined where the path shows no percent. */
  percent?: number | null;
}
/** Main targets by status; `xemLai` (Cần xem lại) is counted apart, as the pane and the report count it. */
export type Counts = { vuot: number; dat: number; khongDat: number; xemLai: number; thieuSoLieu: number };
export type TaskCounts = { done: number; doing: number; notStarted: number; unreported: number };
export interface Answer {
  rows?: Map<string, RowAnswer>;
  problems?: Set<string>;
  counts?: Counts;
  /** Per target: the check's code when it calls the row's figure a slip (a value to review, with a fix). */
  slips?: Map<string, string>;
  /** Problems located at a cell the user cannot see (a hidden row or column), "code@sheet!cell". */
  hidden?: Set<string>;
  /** Tasks by status, as the path counts them. */
  tasks?: TaskCounts;
  /** The path refused or threw: its message. */
  error?: string;
}
export type PathName =
  | "excel.live"
  | "excel.recheck"
  | "pane.counts"
  | "excel.check"
  | "excel.report"
  | "excel.fixed.sheet"
  | "excel.fixed.recheck"
  | "excel.fixed.report"
  | "cli.check"
  | "cli.check.noplan"
  | "cli.evaluate"
  | "cli.report.xlsx"
  | "cli.report.docx";
export type Answers = Partial<Record<PathName, Answer>>;

const SHEET = "Chỉ tiêu";
const TASKS = "Nhiệm vụ";
const REPORT_DATE = "2024-12-05";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 160);

const STATUS_BY_LABEL = new Map<string, string>(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k]));
/** A status as any path prints it: the sheet's labels, the report's words. Empty → null. */
export function readStatusText(v: unknown): Status {
  if (v == null || v === "") return null;
  const s = String(v).trim();
  const exact = STATUS_BY_LABEL.get(s);
  if (exact) return exact;
  const k = foldKey(s);
  if (k.includes("khong dat")) return "khong-dat";
  if (k.includes("vuot")) return "vuot";
  if (k.includes("chua co") || k.includes("thieu")) return "thieu-so-lieu";
  if (k === "dat" || k.startsWith("dat")) return "dat";
  return `?${s}`;
}
const round1 = (n: number): number => Math.round(n * 10) / 10;
/** A percent cell: a number, or vi-VN text "95,3" / "95,3%". */
export function readPercent(v: unknown): number | null {
  if (typeof v === "number") return round1(v);
  if (v == null || String(v).trim() === "") return null;
  const n = Number(String(v).replace(/%/g, "").trim().replace(/\./g, "").replace(",", "."));
  return Number.isFinite(n) ? round1(n) : null;
}

type Grid = (string | number | boolean | null)[][];

/** Where the targets table is on a sheet, found by its visible headers (robust to every damage). */
export function locateTable(grid: Grid, headers: { no: string[]; status?: string[]; percent?: string[]; name?: string[] }) {
  // A header matches a name by its folded text, or its lower-case text ("% kh"), whole or as a prefix.
  const is = (v: unknown, names: string[]) => {
    const raw = String(v ?? "").trim().toLowerCase();
    if (!raw) return false;
    const f = foldKey(raw);
    return names.some((n) => raw === n || f === n || f.startsWith(`${n} `));
  };
  const find = (row: number, names: string[] | undefined) => {
    if (!names) return -1;
    for (let r = row; r < Math.min(grid.length, row + 4); r++) {
      const c = (grid[r] ?? []).findIndex((v) => is(v, names));
      if (c >= 0) return c;
    }
    return -1;
  };
  const head = grid.findIndex((r) => r.some((v) => is(v, headers.no)));
  if (head < 0) return null;
  return {
    head,
    no: (grid[head] ?? []).findIndex((v) => is(v, headers.no)),
    status: find(head, headers.status),
    percent: find(head, headers.percent),
    name: find(head, headers.name),
  };
}

const SHEET_HEADERS = { no: ["tt"], status: ["trang thai"], percent: ["% kh"], name: ["chi tieu"] };
const REPORT_HEADERS = { no: ["tt"], name: ["chi tieu chu yeu", "chi tieu"], status: ["so voi chi tieu giao", "danh gia"], percent: ["% so voi ke hoach", "% kh"] };

/** Rows of a table (the targets sheet, a report), matched to plan numbers by their names. */
export function tableRows(grid: Grid, spec: BookSpec, headers: Parameters<typeof locateTable>[1] = SHEET_HEADERS): Map<string, RowAnswer> {
  const out = new Map<string, RowAnswer>();
  const t = locateTable(grid, headers);
  if (!t) return out;
  const nameCol = t.name >= 0 ? t.name : t.no + 1;
  const byName = new Map(spec.plan.targets.map((x) => [x.name, x.no]));
  for (let r = t.head + 1; r < grid.length; r++) {
    const no = byName.get(String(grid[r][nameCol] ?? "").trim());
    if (!no || out.has(no)) continue;
    out.set(no, { status: t.status >= 0 ? readStatusText(grid[r][t.status]) : null, percent: t.percent >= 0 ? readPercent(grid[r][t.percent]) : undefined });
  }
  return out;
}
const reportRows = (grid: Grid, spec: BookSpec) => tableRows(grid, spec, REPORT_HEADERS);

/** The counts a path gives, in the harness's shape. */
const countsOf = (c: Counts): Counts => ({ vuot: c.vuot, dat: c.dat, khongDat: c.khongDat, xemLai: c.xemLai, thieuSoLieu: c.thieuSoLieu });

const problemKey = (code: string, sheet: string | null | undefined, cell: string | null | undefined): string => `${code}@${sheet ?? ""}!${cell ?? ""}`;

// ---- the workbook in the strict Excel ----

interface Book {
  wb: StrictWorkbook;
  targets: string;
  tasks: string;
}

function currentGrid(b: Book, sheet = b.targets): Grid {
  return b.wb.user.grid(sheet) as Grid;
}

const letter = (i: number): string => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function applyDamage(b: Book, d: Damage): void {
  const g = currentGrid(b);
  const t = locateTable(g, SHEET_HEADERS);
  if (!t) return;
  const body: number[] = [];
  g.forEach((row, i) => i > t.head && /^\d+$/.test(String(row[t.no] ?? "")) && body.push(i));
  const u = b.wb.user;
  switch (d.kind) {
    case "sort-rows": {
      const col = d.byColumn === "name" ? t.name : locateTable(g, { no: ["tt"], name: ["don vi tinh"] })?.name ?? t.name;
      if (body.length > 1) u.sortRows(b.targets, body[0] + 1, body[body.length - 1] + 1, col + 1, !d.descending);
      return;
    }
    case "insert-row":
      if (body.length) u.insertRows(b.targets, body[Math.min(d.at, body.length - 1)] + 1);
      return;
    case "insert-column":
      u.insertColumns(b.targets, d.before);
      return;
    case "delete-column": {
      let col = -1;
      if (d.which === "note") col = (g[t.head] ?? []).findIndex((v) => foldKey(String(v)) === "ghi chu");
      else if (d.which === "unit") col = (g[t.head] ?? []).findIndex((v) => foldKey(String(v)) === "don vi tinh");
      else col = (g[body[0]] ?? []).findIndex((v) => typeof v === "string" && /^t:\d/.test(v));
      if (col >= 0) u.deleteColumns(b.targets, letter(col));
      return;
    }
    case "delete-key-row": {
      const r = g.findIndex((row) => row.some((v) => v === "#ktxh:targets"));
      if (r >= 0) u.deleteRows(b.targets, r + 1);
      return;
    }
    case "rename-sheet":
      u.renameSheet(b.targets, d.to);
      b.targets = d.to;
      return;
    case "rename-tasks":
      if (u.sheetNames().includes(b.tasks)) {
        u.renameSheet(b.tasks, d.to);
        b.tasks = d.to;
      }
      return;
  }
}

/** The strict Excel's workbook as an .xlsx (values, formulas, number formats, hidden lines and sheets). */
export async function exportXlsx(wb: StrictWorkbook): Promise<Buffer> {
  const x = new ExcelJS.Workbook();
  for (const name of wb.user.sheetNames()) {
    const info = wb.user.sheetInfo(name);
    const ws = x.addWorksheet(name, { state: info.visibility === "Hidden" ? "hidden" : info.visibility === "VeryHidden" ? "veryHidden" : "visible" });
    const model = wb.model.sheets.find((m) => m.name === name) as (typeof wb.model.sheets)[number];
    const used = model.usedRect(true);
    if (!used) continue;
    const grid = wb.user.grid(name, `A1:${letter(used.col + used.cols - 1)}${used.row + used.rows}`);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v == null) return;
        const content = model.cell(r, c)?.content;
        const numberFormat = String(model.format(r, c, "numberFormat"));
        const isError = typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v);
        const target = ws.getCell(r + 1, c + 1);
        if (content?.kind === "formula") target.value = { formula: content.formula.replace(/^=/, ""), result: isError ? { error: v } : v } as ExcelJS.CellFormulaValue;
        else if (isError) target.value = { error: v } as ExcelJS.CellErrorValue;
        else target.value = v as string | number | boolean;
        if (numberFormat && numberFormat !== "General") target.numFmt = numberFormat;
      }),
    );
    for (const r of info.hiddenRows) ws.getRow(Number(r)).hidden = true;
    for (const c of info.hiddenColumns) ws.getColumn(c).hidden = true;
  }
  // The book's own record (the very hidden "_ktxh" sheet the load wrote) travels with the sheets above.
  return Buffer.from(await x.xlsx.writeBuffer());
}

async function excelPaths(spec: BookSpec, answers: Answers): Promise<{ xlsx: Buffer; cells: Map<string, unknown> }> {
  const { wb, ops } = setup();
  await ops.loadPlan(spec.plan, spec.periods, yes);
  const b: Book = { wb, targets: SHEET, tasks: TASKS };
  const cellsOf = (sheet: string) => {
    const g = wb.user.grid(sheet);
    const keys = g[0] as unknown[];
    const idCol = keys.findIndex((v) => typeof v === "string" && v.startsWith("#ktxh:"));
    const rowOf = new Map<string, number>();
    g.forEach((row, i) => typeof row[idCol] === "string" && rowOf.set(row[idCol] as string, i));
    return (id: string, key: string): string => {
      const col = keys.indexOf(key);
      const row = rowOf.get(id);
      if (col < 0 || row === undefined) throw new Error(`no cell for ${id}/${key} on ${sheet}`);
      return `${letter(col)}${row + 1}`;
    };
  };
  const targetCell = cellsOf(SHEET);
  const taskCell = cellsOf(TASKS);
  let live: CheckSummary | null = null;
  const stop = await ops.watch("year", (s) => (live = s));
  for (const t of spec.typed) {
    if (t.kind === "blank") continue;
    const id = t.row.startsWith("tn:") ? t.row : `t:${t.row}`;
    try {
      wb.user.type(SHEET, targetCell(id, "p:year"), t.text);
    } catch {
      // A Stop alert of the cell's validation: the cell stays as it was, as in Excel.
    }
  }
  for (const t of spec.tasks) {
    if (!t.text) continue;
    // Pasted (a colleague's list, co-authoring): the status list's validation does not stop it.
    wb.user.remoteEdit(TASKS, taskCell(`n:${t.code}`, "status:year"), t.text);
  }
  await pause(15);
  await wb.settle();
  await pause(5);
  await wb.settle();
  answers["excel.live"] = { rows: tableRows(currentGrid(b), spec) };
  void live;
  await stop();
  // What each figure cell holds, for `ktxh evaluate` (the values as Excel keeps them).
  const cells = new Map<string, unknown>();
  for (const t of spec.plan.targets) if (!t.criteria) cells.set(t.no, wb.user.grid(SHEET, targetCell(`t:${t.no}`, "p:year"))[0][0]);
  if (spec.plan.targets.some((t) => t.criteria)) for (const id of TRAFFIC_ROWS) cells.set(id, wb.user.grid(SHEET, targetCell(id, "p:year"))[0][0]);

  for (const d of spec.damage) applyDamage(b, d);

  try {
    const s = await ops.recheck("year");
    answers["pane.counts"] = { counts: countsOf(s.counts) };
    answers["excel.recheck"] = { rows: tableRows(currentGrid(b), spec) };
  } catch (e) {
    answers["excel.recheck"] = { error: message(e) };
    answers["pane.counts"] = { error: message(e) };
  }
  let fixes: FixToApply[] = [];
  try {
    const c = await ops.checkWorkbook({ mark: false });
    const problems = new Set<string>();
    const hidden = new Set<string>();
    for (const s of c.sheets) {
      for (const i of s.issues) {
        const key = problemKey(i.code, i.location.sheet, i.location.cell);
        problems.add(key);
        const at = i.location.sheet && i.location.cell ? wb.user.cell(i.location.sheet, i.location.cell) : null;
        if (at && (at.rowHidden || at.columnHidden)) hidden.add(key);
      }
    }
    answers["excel.check"] = { problems, hidden };
    fixes = c.sheets.flatMap((s) => s.issues.map((i) => i.apply)).filter((a): a is FixToApply => a !== null);
  } catch (e) {
    answers["excel.check"] = { error: message(e) };
  }
  const xlsx = await exportXlsx(wb);
  try {
    const r = await ops.buildReport("year", false);
    answers["excel.report"] = { rows: reportRows(currentGrid(b, r.sheet), spec), counts: countsOf(r.counts) };
  } catch (e) {
    answers["excel.report"] = { error: message(e) };
  }
  if (fixes.length) {
    try {
      await ops.applyFixes(fixes);
      await wb.settle();
      answers["excel.fixed.sheet"] = { rows: tableRows(currentGrid(b), spec) };
      const r = await ops.buildReport("year", false);
      answers["excel.fixed.report"] = { counts: countsOf(r.counts) };
      await ops.recheck("year");
      answers["excel.fixed.recheck"] = { rows: tableRows(currentGrid(b), spec) };
    } catch (e) {
      answers["excel.fixed.sheet"] = { error: message(e) };
    }
  }
  return { xlsx, cells };
}

// ---- the CLI, in-process ----

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { cwd, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

type CheckIssue = { code: string; sheet: string | null; cell: string | null; target: string | null; fix: { value: unknown } | null };
type CheckJson = { files: { readable: boolean; reason: string | null; issues: CheckIssue[] }[] };

/** The codes by which the check calls a figure a slip: a value to review, not a figure to judge. */
export const SLIP_CODES = new Set(["value.decimal-confusion", "value.percent-fraction", "value.text-number", "value.ambiguous"]);

/** Tasks by status as the check reads the statuses: a variant counts as its standard word, none or unknown as unreported. */
function checkTasks(spec: BookSpec, issues: CheckIssue[]): TaskCounts {
  const c: TaskCounts = { done: 0, doing: 0, notStarted: 0, unreported: 0 };
  for (const t of spec.tasks) {
    const own = issues.filter((i) => i.target === t.code && i.code.startsWith("task."));
    const variant = own.find((i) => i.code === "task.status-variant");
    const word = variant ? String(variant.fix?.value ?? "") : own.length ? "" : t.text;
    const k = foldKey(word);
    if (k === "hoan thanh") c.done++;
    else if (k === "dang thuc hien") c.doing++;
    else if (k === "chua thuc hien") c.notStarted++;
    else c.unreported++;
  }
  return c;
}

async function checkPath(spec: BookSpec, argv: string[], dir: string): Promise<Answer> {
  const r = await cli(argv, dir);
  if (r.code === 2) return { error: `exit 2: ${r.err.split("\n")[0]}` };
  const j = JSON.parse(r.out) as CheckJson;
  const f = j.files[0];
  if (!f.readable) return { error: `unreadable: ${f.reason}` };
  const slips = new Map<string, string>();
  for (const i of f.issues) if (SLIP_CODES.has(i.code) && i.target && i.fix) slips.set(i.target, i.code);
  return { problems: new Set(f.issues.map((i) => problemKey(i.code, i.sheet, i.cell))), slips, tasks: checkTasks(spec, f.issues) };
}

async function docxGrid(bytes: Buffer): Promise<Grid> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const grid: Grid = [];
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  for (const tr of xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
    const cells = (tr.match(/<w:tc[ >][\s\S]*?<\/w:tc>/g) ?? []).map((tc) => unescape((tc.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("")));
    grid.push(cells);
  }
  return grid;
}

async function xlsxGrid(bytes: Buffer): Promise<Grid> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = x.worksheets[0];
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const v = c.value;
      cells[col - 1] = v == null ? null : typeof v === "object" ? ("richText" in v ? v.richText.map((t) => t.text).join("") : "result" in v ? (v.result as number) : String(c.text)) : (v as string | number);
    });
    grid[r - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] = grid[i] ?? [];
  return grid;
}

type EvaluateJson = { rows: { no: string; status: string; percent: number | null; printStatus: boolean }[]; summary: Counts };

async function cliPaths(spec: BookSpec, xlsx: Buffer, cells: Map<string, unknown>, answers: Answers, opts: { docx: boolean }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-agree-"));
  try {
    fs.writeFileSync(path.join(dir, "book.xlsx"), xlsx);
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(spec.plan));
    const trafficValue = (id: string) => (cells.get(id) === "" ? null : cells.get(id) ?? null);
    const pair = (k: string) => [trafficValue(`tn:${k}:prev`), trafficValue(`tn:${k}:cur`)];
    const actuals = {
      rows: [...cells].filter(([k]) => !k.startsWith("tn:")).map(([no, v]) => ({ no, actual: v === "" ? null : v })),
      ...(spec.plan.targets.some((t) => t.criteria) ? { traffic: { accidents: pair("accidents"), deaths: pair("deaths"), injuries: pair("injuries") } } : {}),
      // The cells as Excel keeps them: a number typed as text is text there, as in the book the check reads.
      cells: true,
    };
    fs.writeFileSync(path.join(dir, "actuals.json"), JSON.stringify(actuals));

    answers["cli.check"] = await checkPath(spec, ["check", "book.xlsx", "--plan", "plan.json", "--json"], dir);
    answers["cli.check.noplan"] = await checkPath(spec, ["check", "book.xlsx", "--json"], dir);

    const ev = await cli(["evaluate", "plan.json", "actuals.json", "--json"], dir);
    if (ev.code === 2) answers["cli.evaluate"] = { error: `exit 2: ${ev.err.split("\n")[0]}` };
    else {
      const j = JSON.parse(ev.out) as EvaluateJson;
      answers["cli.evaluate"] = {
        rows: new Map(j.rows.map((r) => [r.no, { status: r.printStatus ? r.status : null, percent: r.percent === null ? null : round1(r.percent) }])),
        counts: countsOf(j.summary),
      };
    }

    const args = ["report", "book.xlsx", "--plan", "plan.json", "--period", "year", "--date", REPORT_DATE, "-o", "report.xlsx", "--json"];
    if (opts.docx) args.push("--docx", "report.docx");
    const rep = await cli(args, dir);
    if (rep.code === 2) {
      answers["cli.report.xlsx"] = { error: `exit 2: ${rep.err.split("\n")[0]}` };
      if (opts.docx) answers["cli.report.docx"] = { error: `exit 2: ${rep.err.split("\n")[0]}` };
    } else {
      const model = JSON.parse(rep.out) as { counts: Counts; tasks: TaskCounts | null };
      const tasks = model.tasks ? { done: model.tasks.done, doing: model.tasks.doing, notStarted: model.tasks.notStarted, unreported: model.tasks.unreported } : undefined;
      answers["cli.report.xlsx"] = { rows: reportRows(await xlsxGrid(fs.readFileSync(path.join(dir, "report.xlsx"))), spec), counts: countsOf(model.counts), tasks };
      if (opts.docx) answers["cli.report.docx"] = { rows: reportRows(await docxGrid(fs.readFileSync(path.join(dir, "report.docx"))), spec) };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every path's answer for one workbook. */
export async function runBook(spec: BookSpec, opts: { docx: boolean }): Promise<Answers> {
  const answers: Answers = {};
  const { xlsx, cells } = await excelPaths(spec, answers);
  await cliPaths(spec, xlsx, cells, answers, opts);
  return answers;
}
