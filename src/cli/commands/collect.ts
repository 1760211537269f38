/**
 * `ktxh collect PLAN.xlsx FILE|DIR... --period P -o MERGED.xlsx`: the returned submission books checked
 * as `ktxh check` checks them, each matched to its recipient (the book's record, else the title of its
 * header block, else its rows), merged into a copy of the plan workbook (figures into the period's
 * column, task statuses and results into the tasks sheet, explanations into a *Giải trình* column), with
 * conflicts, the communes' roll-ups, the recipients who sent nothing and a *Nguồn số liệu* sheet of
 * sources. The inputs are never changed. The merge itself is pure: src/core/collect.ts.
 * Exit 2 when a file cannot be read, 1 on conflicts or errors, else 0.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Worksheet } from "exceljs";
import { type CellKind, type Conflict, type CurrentBook, type MergeResult, type ReturnedBook, type SourceRow, type Value, mergeReturned } from "../../core/collect";
import { a1 } from "../../core/address";
import { message } from "../../core/messages";
import { type PeriodId, isPeriodId, period as periodOf } from "../../core/periods";
import type { Plan } from "../../core/plan";
import { problem } from "../../core/problems";
import { explainKey, periodKey, targetId } from "../../core/row-id";
import { type HistoryEntry, newHistoryId } from "../../core/history";
import { appendHistory } from "../../hosts/xlsx/history";
import { type Recipient, askedOf, officeKey, recipientPlan } from "../../core/recipients";
import { type Grid, cellAt, cellText } from "../../core/read-table/grid";
import { type TableReading, columnOf } from "../../core/read-table/table";
import { type Issue, validateGrid } from "../../core/validate";
import { type BookReading, bookActuals, readBook } from "../../layout/book";
import { ASKED_EXPLANATION, EXPLAIN_HEADER, SOURCES_SHEET, readSubmissionRecord, viDate } from "../../layout/sheets/submission";
import { readWorkbook } from "../../hosts/xlsx/read-workbook";
import { writeSourcesSheet } from "../../hosts/xlsx/submissions";
import type { CellValue } from "../../layout/sheets/types";
import { builtInPlans } from "../../seeds";
import { readArgs } from "../args";
import { type PlanBook, readPlanBook } from "../cycle-book";
import { type CliIO, type Command, EXIT, processIO } from "../io";
import { collect as findFiles, issueLines, jsonIssue, shown } from "./check";

const USAGE = [
  "ktxh collect SỔ-KẾ-HOẠCH.xlsx TỆP|THƯ-MỤC... --period KỲ -o SỔ-TỔNG-HỢP.xlsx [--json] [--progress]",
  "",
  "Tổng hợp các phiếu thu thập đã nhận: kiểm tra từng phiếu như ktxh check, nhận ra đơn vị gửi, ghi số liệu,",
  "trạng thái nhiệm vụ và giải trình vào một bản sao của sổ kế hoạch; không ghi đè âm thầm: số liệu khác nhau",
  "được liệt kê là xung đột để cán bộ chọn. Sổ kế hoạch và các phiếu không bị sửa.",
  "  --period    kỳ báo cáo: m1..m12, q1..q4, 6m, 9m, year",
  "  -o          sổ tổng hợp sẽ tạo",
  "  --json      kết quả dạng JSON",
  "Mã thoát: 0 không có xung đột hay lỗi, 1 có xung đột hoặc lỗi, 2 có tệp không đọc được.",
].join("\n");

export const COLLECT_SUMMARY = "tổng hợp các phiếu thu thập đã nhận vào sổ kế hoạch, chỉ ra xung đột";


interface FileResult {
  file: string;
  recipient: string | null;
  readable: boolean;
  reason: string | null;
  issues: Issue[];
  how: "record" | "title" | "rows" | null;
  returned: ReturnedBook | null;
}

function textOf(grid: Grid, row: number, col: number): string {
  return cellText(cellAt(grid, row, col)).normalize("NFC").trim();
}

/** The recipient a header block names ("Đơn vị báo cáo: Phòng Y tế huyện"). */
function titleRecipient(grids: readonly Grid[], recipients: readonly Recipient[]): Recipient | null {
  for (const g of grids) {
    for (let r = 0; r < Math.min(g.cells.length, 12); r++) {
      const row = g.cells[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 4); c++) {
        if (!/^đơn vị báo cáo\s*:?$/i.test(textOf(g, r, c))) continue;
        for (let v = c + 1; v < Math.min(row.length, c + 4); v++) {
          const name = textOf(g, r, v);
          const hit = name ? recipients.find((x) => officeKey(x.name) === officeKey(name)) : null;
          if (hit) return hit;
        }
      }
    }
  }
  return null;
}

/** The recipient whose asked rows the book's rows match best (more than half in common). */
function rowsRecipient(book: BookReading, pb: PlanBook): Recipient | null {
  const has = new Set(book.tables.flatMap((t) => t.rows.map((r) => `${t.kind}:${r.ref}`)));
  let best: { r: Recipient; score: number } | null = null;
  for (const r of pb.recipients) {
    const asked = askedOf(pb.book.plan, pb.assignments, r.name);
    const want = new Set([...asked.targets.map((t) => `targets:${t.no}`), ...asked.tasks.map((t) => `tasks:${t.code}`)]);
    const common = [...want].filter((k) => has.has(k)).length;
    const score = common / new Set([...want, ...has]).size;
    if (score > 0.5 && (!best || score > best.score)) best = { r, score };
  }
  return best?.r ?? null;
}

function errorCells(issues: readonly Issue[]): Set<string> {
  return new Set(issues.filter((i) => i.severity === "error" && i.location.cell).map((i) => `${i.location.sheet}!${i.location.cell}`));
}

/** A returned book's values as the merge takes them: the period's figures, explanations, task rows. */
function returnedOf(book: BookReading, period: PeriodId, who: Recipient, file: string, received: string | null, issues: readonly Issue[]): ReturnedBook {
  const held = errorCells(issues);
  const figures: ReturnedBook["figures"] = [];
  const a = bookActuals(book, period);
  const cellOf = new Map(book.figures.map((f) => [`${f.target}`, f] as const));
  for (const r of a?.actuals.rows ?? []) {
    const f = cellOf.get(r.no);
    if (r.actual === null || (f && held.has(`${f.sheet}!${f.cell}`))) continue;
    figures.push({ target: r.no, value: r.actual });
  }
  const explanations: ReturnedBook["explanations"] = [];
  const tasks: ReturnedBook["tasks"] = [];
  for (const t of book.tables) {
    const grid = book.grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    if (t.kind === "targets") {
      const ex = columnOf(t, "explanation");
      if (!ex) continue;
      for (const r of t.rows) {
        const text = textOf(grid, r.row, ex.col);
        if (text && text !== ASKED_EXPLANATION) explanations.push({ target: r.ref, text });
      }
    } else {
      const st = columnOf(t, "status");
      const rs = columnOf(t, "result");
      for (const r of t.rows) {
        const status = st && !held.has(`${t.sheet}!${a1(r.row, st.col)}`) ? textOf(grid, r.row, st.col) || null : null;
        const result = rs ? textOf(grid, r.row, rs.col) || null : null;
        if (status || result) tasks.push({ code: r.ref, status, result });
      }
    }
  }
  return { recipient: who.name, commune: who.kind === "commune", file, received, figures, explanations, tasks };
}

async function readReturned(full: string, name: string, pb: PlanBook, period: PeriodId): Promise<FileResult> {
  const bad = (reason: string): FileResult => ({ file: name, recipient: null, readable: false, reason, issues: [], how: null, returned: null });
  let buf: Buffer;
  let received: string | null = null;
  try {
    buf = await fs.readFile(full);
    received = (await fs.stat(full)).mtime.toISOString().slice(0, 10);
  } catch (e) {
    return bad(message(problem("file.io", "error", {}, { detail: e instanceof Error ? e.message : null })));
  }
  const read = await readWorkbook(buf, full);
  if (!read.ok) return bad(message(problem(read.code, "error", {}, { detail: null })));
  const plan = pb.book.plan;
  // As `ktxh check` reads it: the plan the book records (a submission book records its recipient's part).
  let book = readBook(read.grids, { plans: [plan, ...builtInPlans()] });
  const sub = readSubmissionRecord(book.record?.extra);
  let who: Recipient | null = null;
  let how: FileResult["how"] = null;
  if (sub) {
    who = pb.recipients.find((r) => r.id === sub.recipient) ?? pb.recipients.find((r) => officeKey(r.name) === officeKey(sub.recipientName)) ?? null;
    how = who ? "record" : null;
  }
  if (!who) {
    who = titleRecipient(read.grids, pb.recipients);
    how = who ? "title" : null;
  }
  if (!who) {
    who = rowsRecipient(readBook(read.grids, { plans: [plan], chosenPlan: plan }), pb);
    how = who ? "rows" : null;
  }
  if (who && how !== "record") {
    // A book that lost its record is checked against what its recipient was asked for.
    const own = recipientPlan(plan, pb.assignments, who.name);
    if (own) book = readBook(read.grids, { plans: [own], chosenPlan: own });
  }
  const found = [...book.problems, ...validateGrid(book.plan, book.grids, { tables: book.tables })];
  const issues = found.map((i) => ({ ...i, location: { file: name, ...i.location } }));
  return {
    file: name, recipient: who?.name ?? null, readable: true, reason: null, issues, how,
    returned: who ? returnedOf(book, period, who, name, received, issues) : null,
  };
}

function current(pb: PlanBook, period: PeriodId, explainCol: (t: TableReading) => number | null): CurrentBook {
  const figures = new Map<string, Value>();
  for (const r of bookActuals(pb.book, period)?.actuals.rows ?? []) if (r.actual !== null) figures.set(r.no, r.actual);
  const explanations = new Map<string, string>();
  const tasks = new Map<string, { status: string | null; result: string | null }>();
  for (const t of pb.book.tables) {
    const grid = pb.book.grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    if (t.kind === "targets") {
      const c = explainCol(t);
      if (c !== null) for (const r of t.rows) { const s = textOf(grid, r.row, c); if (s) explanations.set(r.ref, s); }
    } else {
      const st = columnOf(t, "status");
      const rs = columnOf(t, "result");
      for (const r of t.rows) tasks.set(r.ref, { status: st ? textOf(grid, r.row, st.col) || null : null, result: rs ? textOf(grid, r.row, rs.col) || null : null });
    }
  }
  return { figures, explanations, tasks };
}

/** Where each merged kind of value goes in the plan book: sheet and 0-based cell, per row. */
interface Places {
  figure(target: string): { sheet: string; row: number; col: number } | null;
  explanation(target: string): { sheet: string; row: number; col: number } | null;
  status(code: string): { sheet: string; row: number; col: number } | null;
  result(code: string): { sheet: string; row: number; col: number } | null;
}

function places(pb: PlanBook, period: PeriodId, explainCols: Map<string, number>): Places {
  const book = pb.book;
  const targets = book.tables.find((t) => t.kind === "targets");
  const tasks = book.tables.find((t) => t.kind === "tasks");
  const rowOf = (t: TableReading | undefined, ref: string): number | null => t?.rows.find((r) => r.ref === ref)?.row ?? null;
  const at = (t: TableReading | undefined, ref: string, col: number | null | undefined) => {
    const row = rowOf(t, ref);
    return t && row !== null && col != null ? { sheet: t.sheet, row, col } : null;
  };
  return {
    figure: (no) => {
      const f = book.figures.find((x) => x.target === no && x.period === period);
      return f ? { sheet: f.sheet, row: f.row, col: f.col } : null;
    },
    explanation: (no) => at(targets, no, targets ? explainCols.get(targets.sheet) : null),
    status: (code) => at(tasks, code, tasks ? columnOf(tasks, "status")?.col : null),
    result: (code) => at(tasks, code, tasks ? columnOf(tasks, "result")?.col : null),
  };
}

/** The explanation column of a targets sheet: the one the merge added before (its key), else a new one at the right. */
function explainColumn(grid: Grid, t: TableReading, period: PeriodId): { col: number; isNew: boolean } {
  const key = explainKey(period);
  const keyRow = t.own ? t.headerTop : null;
  const width = Math.max(...grid.cells.map((r) => r?.length ?? 0));
  for (let c = 0; c < width; c++) {
    if (keyRow !== null && textOf(grid, keyRow, c) === key) return { col: c, isNew: false };
    for (let r = t.headerTop; r <= t.headerBottom; r++) if (textOf(grid, r, c).startsWith(EXPLAIN_HEADER)) return { col: c, isNew: false };
  }
  return { col: width, isNew: true };
}

function write(ws: Worksheet, row: number, col: number, value: Value): void {
  ws.getCell(row + 1, col + 1).value = value;
}

const NOTE: Record<SourceRow["note"], string> = {
  merged: "đã tổng hợp", same: "trùng số đã có", conflict: "xung đột, chưa ghi", "rollup-part": "cộng vào tổng các xã", "kept-apart": "số của xã, không cộng",
};
const KIND: Record<CellKind, string> = { figure: "Chỉ tiêu", explanation: "Giải trình", "task-status": "Trạng thái NV", "task-result": "Kết quả NV" };
const CELL_MAX = 32000;

/** The *Nguồn số liệu* rows: one per plan-book cell, its sources one per line (with their value where it matters). */
function sourceRows(merged: MergeResult, where: Places): CellValue[][] {
  const groups = new Map<string, SourceRow[]>();
  for (const s of merged.sources) {
    const k = `${s.kind}\u0001${s.row}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const written = new Map<string, Value>();
  for (const f of merged.figures) written.set(`figure\u0001${f.target}`, f.value);
  for (const e of merged.explanations) written.set(`explanation\u0001${e.target}`, e.text);
  for (const t of merged.tasks) {
    if (t.status !== undefined) written.set(`task-status\u0001${t.code}`, t.status);
    if (t.result !== undefined) written.set(`task-result\u0001${t.code}`, t.result);
  }
  const rollups = new Map(merged.rollups.map((r) => [r.target, r]));
  return [...groups].map(([k, list]) => {
    const { kind, row } = list[0];
    const p = placeOf(where, kind, row);
    const notes = [...new Set(list.map((s) => NOTE[s.note]))];
    const roll = kind === "figure" ? rollups.get(row) : undefined;
    if (roll) notes.push(`tổng ${roll.communes} xã: ${roll.sum}${roll.differs ? " (khác số tổng)" : ""}`);
    const showValue = (s: SourceRow): boolean => s.note === "conflict" || s.note === "rollup-part" || s.note === "kept-apart" || kind === "figure";
    const lines = list.map((s) => `${s.recipient}${showValue(s) ? `: ${s.value}` : ""} — ${s.file} — ${s.received ? viDate(s.received) : ""}`);
    return [KIND[kind], row, p ? a1(p.row, p.col) : null, written.get(k) ?? null, notes.join("; "), lines.join("\n").slice(0, CELL_MAX)];
  });
}

function placeOf(where: Places, kind: CellKind, row: string): { sheet: string; row: number; col: number } | null {
  return kind === "figure" ? where.figure(row) : kind === "explanation" ? where.explanation(row) : kind === "task-status" ? where.status(row) : where.result(row);
}

/**
 * The history entry of a figure merged into the plan book: `collect` from one returned book (its
 * sender and file), `merge` for the communes' roll-up (the sum of several books).
 */
function collectEntry(
  plan: Plan, period: PeriodId, target: string, old: Value | null, value: Value,
  p: { sheet: string; row: number; col: number }, merged: MergeResult,
  x: { batch: string; at: string; mark: "estimate" | "official" | null },
): HistoryEntry {
  const roll = merged.rollups.find((r) => r.target === target);
  const from = merged.sources.filter((s) => s.kind === "figure" && s.row === target && (roll ? s.note === "rollup-part" : s.note === "merged"));
  return {
    id: newHistoryId(), at: x.at, action: roll ? "merge" : "collect", batch: x.batch, period, target,
    name: plan.targets.find((t) => t.no === target)?.name ?? "", key: periodKey(period), row: targetId(target),
    sheet: p.sheet, cell: a1(p.row, p.col), old, new: value,
    mark: x.mark === "official" ? "Chính thức" : x.mark === "estimate" ? "Ước" : null,
    source: roll ? `tổng ${roll.communes} xã: ${from.map((s) => s.recipient).join("; ")}` : from.map((s) => `${s.recipient} — ${s.file}`).join("; "),
  };
}

async function run(args: string[], io: CliIO): Promise<number> {
  const r = readArgs(args, { period: { type: "string" }, output: { type: "string", short: "o" }, json: { type: "boolean" }, progress: { type: "boolean" } });
  const fail = (why: string): number => {
    io.err(`ktxh collect: ${why}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  };
  if (typeof r === "string") return fail(r);
  const v = r.values;
  if (r.positionals.length < 2) return fail("cần sổ kế hoạch và ít nhất một phiếu hoặc thư mục");
  if (!v.period || !isPeriodId(v.period)) return fail("thiếu hoặc sai kỳ báo cáo (--period m1..m12, q1..q4, 6m, 9m, year)");
  if (!v.output) return fail("thiếu sổ tổng hợp (-o SỔ.xlsx)");
  const period: PeriodId = v.period;
  const [planFile, ...inputs] = r.positionals;
  const output = path.resolve(io.cwd, v.output);
  const planFull = path.resolve(io.cwd, planFile);
  if (output === planFull) return fail("sổ tổng hợp phải là tệp mới, không ghi đè sổ kế hoạch");
  const pb = await readPlanBook(planFile, io.cwd);
  if (typeof pb === "string") {
    io.err(`ktxh collect: không đọc được ${planFile}: ${pb}\n`);
    return EXIT.UNREADABLE;
  }
  const plan: Plan = pb.book.plan;
  const found = (await findFiles(inputs, io.cwd, null)).filter((f) => path.resolve(f.path) !== planFull && path.resolve(f.path) !== output);
  const tty = io.err === processIO.err && process.stderr.isTTY === true;
  const progress = v.progress === true || (tty && found.length > 3);
  const results: FileResult[] = [];
  let k = 0;
  for (const f of found) {
    if (f.kind === "skipped") continue;
    k++;
    const name = shown(f.path, io.cwd);
    if (progress) io.err(`${tty ? "\r\x1b[K" : ""}Đang đọc phiếu ${k}/${found.length}: ${name}${tty ? "" : "\n"}`);
    if (f.kind === "missing") results.push({ file: name, recipient: null, readable: false, reason: message(problem("file.missing", "error", {}, { detail: null })), issues: [], how: null, returned: null });
    else if (f.kind === "refused") results.push({ file: name, recipient: null, readable: false, reason: message(problem(f.code, "error", {}, { detail: null })), issues: [], how: null, returned: null });
    else results.push(await readReturned(f.path, name, pb, period));
  }
  if (progress && tty) io.err("\r\x1b[K");

  // The plan book's explanation column for the period (found again on a second collection).
  const targetsTable = pb.book.tables.find((t) => t.kind === "targets");
  const targetsGrid = targetsTable ? pb.book.grids.find((g) => g.sheet === targetsTable.sheet) : undefined;
  const ex = targetsTable && targetsGrid ? explainColumn(targetsGrid, targetsTable, period) : null;
  const explainCols = new Map<string, number>(targetsTable && ex ? [[targetsTable.sheet, ex.col]] : []);
  const cur = current(pb, period, (t) => (ex && !ex.isNew && t === targetsTable ? ex.col : null));
  const returned = results.flatMap((x) => (x.returned ? [x.returned] : []));
  const merged: MergeResult = mergeReturned(plan, returned, cur);
  const where = places(pb, period, explainCols);

  const wb = pb.workbook;
  const sheet = (name: string): Worksheet | undefined => wb.getWorksheet(name);
  let figures = 0;
  let explanations = 0;
  let tasks = 0;
  const logged: HistoryEntry[] = [];
  const batch = newHistoryId();
  const at = new Date().toISOString();
  const mark = bookActuals(pb.book, period)?.figures ?? null;
  for (const f of merged.figures) {
    const p = where.figure(f.target);
    const ws = p && sheet(p.sheet);
    if (p && ws) {
      write(ws, p.row, p.col, f.value);
      figures++;
      logged.push(collectEntry(plan, period, f.target, cur.figures.get(f.target) ?? null, f.value, p, merged, { batch, at, mark }));
    }
  }
  if (merged.explanations.length && targetsTable && ex) {
    const ws = sheet(targetsTable.sheet);
    if (ws) {
      if (ex.isNew) {
        if (targetsTable.own) write(ws, targetsTable.headerTop, ex.col, explainKey(period));
        const header = ws.getCell(targetsTable.headerBottom + 1, ex.col + 1);
        header.value = `${EXPLAIN_HEADER} ${periodOf(period, plan.year).label.toLowerCase()}`;
        header.style = { ...ws.getCell(targetsTable.headerBottom + 1, 2).style };
        ws.getColumn(ex.col + 1).width = 30;
      }
      for (const e of merged.explanations) {
        const p = where.explanation(e.target);
        if (p) { write(ws, p.row, p.col, e.text); explanations++; }
      }
    }
  }
  for (const t of merged.tasks) {
    const s = t.status !== undefined ? where.status(t.code) : null;
    const res = t.result !== undefined ? where.result(t.code) : null;
    const ws = sheet((s ?? res)?.sheet ?? "");
    if (!ws) continue;
    if (s && t.status !== undefined) write(ws, s.row, s.col, t.status);
    if (res && t.result !== undefined) write(ws, res.row, res.col, t.result);
    tasks++;
  }
  const cellOf = (c: Conflict): string | null => {
    const p = placeOf(where, c.kind, c.row);
    return p ? `${p.sheet}!${a1(p.row, p.col)}` : null;
  };
  writeSourcesSheet(wb, sourceRows(merged, where));
  appendHistory(wb, logged);
  await fs.mkdir(path.dirname(output), { recursive: true });
  // The fastest deflate level: the merged book is written once per run, and level 1 halves the time.
  const zip = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Parameters<typeof wb.xlsx.writeBuffer>[0];
  await fs.writeFile(output, Buffer.from(await wb.xlsx.writeBuffer(zip)));

  const sent = new Set(results.flatMap((x) => (x.recipient ? [officeKey(x.recipient)] : [])));
  const missing = pb.recipients.filter((x) => recipientPlan(plan, pb.assignments, x.name) && !sent.has(officeKey(x.name))).map((x) => x.name);
  const conflicts = merged.conflicts.map((c) => ({ kind: c.kind, row: c.row, cell: cellOf(c), current: c.current, values: c.values.map((x) => ({ value: x.value, recipient: x.recipient, file: x.file })) }));
  const rollups = merged.rollups.map((x) => ({ target: x.target, sum: x.sum, communes: x.communes, differs: x.differs }));
  const unreadable = results.filter((x) => !x.readable).length;
  const errors = results.some((x) => x.issues.some((i) => i.severity === "error"));
  const flagged = rollups.some((x) => x.differs);
  if (v.json) {
    io.out(JSON.stringify({
      merged: { figures, tasks, explanations },
      conflicts,
      rollups,
      missing,
      files: results.map((x) => ({ file: x.file, recipient: x.recipient, matchedBy: x.how, readable: x.readable, reason: x.reason, issues: x.issues.map(jsonIssue) })),
      output: shown(output, io.cwd),
    }, null, 2) + "\n");
  } else {
    for (const x of results) {
      if (!x.readable) { io.out(`${x.file}: KHÔNG ĐỌC ĐƯỢC. ${x.reason}\n`); continue; }
      const e = x.issues.filter((i) => i.severity === "error").length;
      io.out(`${x.file}: ${x.recipient ?? "không nhận ra đơn vị gửi"}${e ? `, ${e} lỗi` : ""}\n`);
      for (const l of issueLines(x.issues)) io.out(l + "\n");
    }
    for (const c of conflicts) {
      io.out(`XUNG ĐỘT ${c.cell ?? c.row}: đang có ${c.current ?? "(trống)"}; ${c.values.map((x) => `${x.value} (${x.recipient}, ${x.file})`).join("; ")}\n`);
    }
    for (const x of rollups.filter((y) => y.differs)) io.out(`TỔNG CÁC XÃ chỉ tiêu ${x.target}: ${x.sum} (${x.communes} xã) khác ${x.differs?.value} ${x.differs?.recipient ? `(${x.differs.recipient})` : "(trong sổ)"}\n`);
    if (missing.length) io.out(`Chưa gửi phiếu (${missing.length}): ${missing.join("; ")}\n`);
    io.out(`\nĐã tổng hợp ${figures} số liệu, ${tasks} nhiệm vụ, ${explanations} giải trình vào ${shown(output, io.cwd)} (trang ${SOURCES_SHEET} ghi nguồn); ${conflicts.length} xung đột.\n`);
  }
  if (unreadable) return EXIT.UNREADABLE;
  return conflicts.length || errors || flagged ? EXIT.PROBLEMS : EXIT.OK;
}

export const collectCommand: Command = { name: "collect", summary: COLLECT_SUMMARY, usage: USAGE, run };
