/**
 * `ktxh collect PLAN.xlsx FILE|DIR... --period P -o MERGED.xlsx`: the returned submission books checked
 * as `ktxh check` checks them, each matched to its recipient (the book's record, else the title of its
 * header block, else its rows), merged into a copy of the plan workbook (figures into the period's
 * column, task statuses and results into the tasks sheet, explanations into a *Giải trình* column), with
 * conflicts, the communes' roll-ups, the recipients who sent nothing and the *Nguồn số liệu* and
 * *Xung đột* sheets. The inputs are never changed. What is read and written is decided by the pure
 * src/layout/cycle.ts (the pane's "Tổng hợp phiếu" uses it too); this file only moves files and cells.
 * Exit 2 when a file cannot be read, 1 on conflicts or errors, else 0.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Worksheet } from "exceljs";
import { message } from "../../core/messages";
import { type PeriodId, isPeriodId } from "../../core/periods";
import { problem } from "../../core/problems";
import { type ReturnedFile, conflictRows, planCollect, readReturnedGrids, unreadableFile } from "../../layout/cycle";
import { SOURCES_SHEET } from "../../layout/sheets/submission";
import { readWorkbook } from "../../hosts/xlsx/read-workbook";
import { writeConflictsSheet, writeSourcesSheet } from "../../hosts/xlsx/submissions";
import { appendHistory } from "../../hosts/xlsx/history";
import { bookOutsideEntries } from "../../layout/book-history";
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

async function readReturned(full: string, name: string, pb: PlanBook, period: PeriodId): Promise<ReturnedFile> {
  let buf: Buffer;
  let received: string | null = null;
  try {
    buf = await fs.readFile(full);
    received = (await fs.stat(full)).mtime.toISOString().slice(0, 10);
  } catch (e) {
    return unreadableFile(name, message(problem("file.io", {}, { detail: e instanceof Error ? e.message : null })));
  }
  // Its grids are all it gives: no workbook kept (read-workbook.ts then reads the rows from ExcelJS's models).
  const read = await readWorkbook(buf, full, { keepWorkbook: false });
  if (!read.ok) return unreadableFile(name, message(problem(read.code, {}, { detail: null })));
  return readReturnedGrids(read.grids, name, received, pb, period, builtInPlans());
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
  const found = (await findFiles(inputs, io.cwd, null)).filter((f) => path.resolve(f.path) !== planFull && path.resolve(f.path) !== output);
  const tty = io.err === processIO.err && process.stderr.isTTY === true;
  const progress = v.progress === true || (tty && found.length > 3);
  const results: ReturnedFile[] = [];
  let k = 0;
  for (const f of found) {
    if (f.kind === "skipped") continue;
    k++;
    const name = shown(f.path, io.cwd);
    if (progress) io.err(`${tty ? "\r\x1b[K" : ""}Đang đọc phiếu ${k}/${found.length}: ${name}${tty ? "" : "\n"}`);
    if (f.kind === "missing") results.push(unreadableFile(name, message(problem("file.missing", {}, { detail: null }))));
    else if (f.kind === "refused") results.push(unreadableFile(name, message(problem(f.code, {}, { detail: null }))));
    else results.push(await readReturned(f.path, name, pb, period));
  }
  if (progress && tty) io.err("\r\x1b[K");

  // Edits made in the plan book outside the add-in since it was last judged, before this collection's.
  const outside = bookOutsideEntries(pb.book, new Date().toISOString());
  const c = planCollect(pb, results, period);
  const wb = pb.workbook;
  const sheet = (name: string): Worksheet | undefined => wb.getWorksheet(name);
  const write = (name: string, row: number, col: number, value: string | number): void => {
    const ws = sheet(name);
    if (ws) ws.getCell(row + 1, col + 1).value = value;
  };
  if (c.explainHeader) {
    const h = c.explainHeader;
    if (h.keyRow !== null) write(h.sheet, h.keyRow, h.col, h.key);
    write(h.sheet, h.headerRow, h.col, h.header);
    const ws = sheet(h.sheet);
    if (ws) {
      ws.getCell(h.headerRow + 1, h.col + 1).style = { ...ws.getCell(h.headerRow + 1, 2).style };
      ws.getColumn(h.col + 1).width = 30;
    }
  }
  for (const w of c.writes) write(w.sheet, w.row, w.col, w.value);
  writeSourcesSheet(wb, c.sources);
  writeConflictsSheet(wb, conflictRows(c.conflicts));
  appendHistory(wb, [...outside, ...c.history]);
  await fs.mkdir(path.dirname(output), { recursive: true });
  // The fastest deflate level: the merged book is written once per run, and level 1 halves the time.
  const zip = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Parameters<typeof wb.xlsx.writeBuffer>[0];
  await fs.writeFile(output, Buffer.from(await wb.xlsx.writeBuffer(zip)));

  const { conflicts, rollups, missing } = c;
  const { figures, tasks, explanations, traffic } = c.counts;
  const unreadable = results.filter((x) => !x.readable).length;
  const errors = results.some((x) => x.issues.some((i) => i.severity === "error"));
  const flagged = rollups.some((x) => x.differs);
  if (v.json) {
    io.out(JSON.stringify({
      merged: { figures, tasks, explanations, traffic },
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
