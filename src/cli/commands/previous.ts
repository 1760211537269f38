/**
 * `ktxh previous SỔ.xlsx NĂM-TRƯỚC.xlsx|SỐ-LIỆU -o SỔ-MỚI.xlsx`: the pane's "Lấy số liệu năm trước" from
 * the command line. Last year's figures matched to this year's targets (by number and name; the
 * officer's corrections given with `--match` or kept in the book's record first) and written to the
 * *Cùng kỳ năm trước* column of each opened period of a copy of the book, with the corrections kept in
 * the copy's record; `ktxh report` of that copy then gives "So với cùng kỳ (%)" without `--previous`.
 * A command of its own, not `ktxh report --previous`: a report never writes over its input book, and
 * the figures belong in the book (the pane writes them there too). The pure work is layout/previous.ts.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { problemLine } from "../../core/messages";
import { PREVIOUS_HOW_LABELS } from "../../core/messages/labels";
import { isPeriodId, latestPeriod } from "../../core/periods";
import type { Problem } from "../../core/problems";
import { readBook, gridValues } from "../../layout/book";
import { planPrevious, previousEntries, samePeriodWrites } from "../../layout/previous";
import { appendHistory } from "../../hosts/xlsx/history";
import { sheetPeriods } from "../../layout/actuals";
import { readSheet } from "../../layout/read";
import { recordPrevious, withPrevious } from "../../layout/sheets/record";
import { readLastYearFile } from "../../hosts/xlsx/read-actuals";
import { readWorkbook } from "../../hosts/xlsx/read-workbook";
import { writeRecordSheet } from "../../hosts/xlsx/workbook-init";
import { builtInPlans } from "../../seeds";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";

export const PREVIOUS_SUMMARY = "ghi số liệu cùng kỳ năm trước vào sổ (cột Cùng kỳ năm trước), ghép chỉ tiêu theo số và tên";

const USAGE = [
  "ktxh previous SỔ.xlsx NĂM-TRƯỚC.xlsx|SỐ-LIỆU.csv|.json -o SỔ-MỚI.xlsx [--period KỲ] [--match 3=4,5=-] [--json]",
  "",
  "Lấy số liệu năm trước: ghép chỉ tiêu năm trước với chỉ tiêu năm nay (theo số và tên), ghi số liệu cùng kỳ",
  "vào cột \"Cùng kỳ năm trước\" của từng kỳ đang mở, trong một bản sao của sổ. Sổ và tệp năm trước không bị sửa;",
  "số liệu cán bộ đã tự nhập vào cột này được giữ nguyên.",
  "  -o          sổ mới sẽ ghi",
  "  --period    kỳ của tệp số liệu (hoặc của bảng không ghi tên kỳ); mặc định: kỳ mới nhất đang mở",
  "  --match     sửa cách ghép: 3=4 (chỉ tiêu 3 năm nay ứng với chỉ tiêu 4 năm trước), 5=- (không ứng với chỉ tiêu nào);",
  "              được lưu trong sổ, lần sau vẫn giữ",
  "  --json      kết quả dạng JSON",
].join("\n");

function printProblems(problems: readonly Problem[], io: CliIO): void {
  for (const p of problems) io.err(`${problemLine(p)}\n`);
}

/** "3=4,5=-" → { "3": "4", "5": null }; a string says what is wrong. */
export function parseMatches(text: string): Record<string, string | null> | string {
  const out: Record<string, string | null> = {};
  for (const part of text.split(",").map((x) => x.trim()).filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(part);
    if (!m) return `--match "${part}" không hợp lệ; ghi như 3=4 hoặc 5=-`;
    out[m[1]] = m[2] === "-" ? null : m[2];
  }
  return out;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const r = readArgs(args, { output: { type: "string", short: "o" }, period: { type: "string" }, match: { type: "string" }, json: { type: "boolean" } });
  const fail = (why: string): number => {
    io.err(`ktxh previous: ${why}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  };
  if (typeof r === "string") return fail(r);
  const v = r.values;
  if (r.positionals.length !== 2) return fail("cần sổ năm nay và sổ hoặc tệp số liệu năm trước");
  if (!v.output) return fail("thiếu sổ mới (-o SỔ.xlsx)");
  if (v.period != null && !isPeriodId(v.period)) return fail(`kỳ "${v.period}" không hợp lệ`);
  const given = v.match ? parseMatches(v.match) : {};
  if (typeof given === "string") return fail(given);
  const [bookFile, lastFile] = r.positionals;
  const bookFull = path.resolve(io.cwd, bookFile);
  const lastFull = path.resolve(io.cwd, lastFile);
  const output = path.resolve(io.cwd, v.output);
  if (output === bookFull || output === lastFull) return fail("sổ mới phải là tệp khác, không ghi đè tệp đầu vào");
  let bookBytes: Buffer;
  let lastBytes: Buffer;
  try {
    bookBytes = await fs.readFile(bookFull);
    lastBytes = await fs.readFile(lastFull);
  } catch (e) {
    io.err(`ktxh previous: không đọc được tệp: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.UNREADABLE;
  }
  const read = await readWorkbook(bookBytes, bookFull);
  if (!read.ok || !read.workbook) return fail(`${bookFile} phải là sổ .xlsx do ktxh init hoặc add-in tạo`);
  const book = readBook(read.grids, { plans: builtInPlans() });
  const own = read.grids.map((g) => readSheet(gridValues(g), g.sheet)).find((s) => s?.layoutId === "targets" && (!book.record || s.name === book.record.meta.sheets.targets.name)) ??
    read.grids.map((g) => readSheet(gridValues(g), g.sheet)).find((s) => s?.layoutId === "targets");
  if (!own || !book.record) return fail(`${bookFile} không có trang chỉ tiêu và thông tin của KT-XH (sổ do ktxh init hoặc add-in tạo)`);
  const opened = sheetPeriods(own);
  const period = v.period ?? latestPeriod(book.plan.year, opened.filter(isPeriodId)) ?? "year";
  const last = await readLastYearFile(new Uint8Array(lastBytes), lastFile, opened, period);
  if (!last.ok) {
    printProblems(last.problems, io);
    return EXIT.UNREADABLE;
  }
  const prior = recordPrevious(book.record);
  const corrections = { ...prior.corrections, ...given };
  const prev = planPrevious(book.plan, { ...last.value, rows: Object.fromEntries(Object.entries(last.value.rows).filter(([p]) => opened.includes(p))) }, corrections);
  if (!prev.periods.length) {
    io.err(`ktxh previous: ${lastFile} không có số liệu của kỳ nào đang mở trong sổ (${opened.join(", ")}).\n`);
    return EXIT.UNREADABLE;
  }
  const at = new Date().toISOString();
  const w = samePeriodWrites(own, prev, prev.periods, prior, corrections, lastFile, at);
  if (w.missing.length === prev.periods.length) {
    io.err(`ktxh previous: trang chỉ tiêu của ${bookFile} chưa có cột "Cùng kỳ năm trước" (sổ lập bằng phiên bản cũ); nạp lại kế hoạch trong add-in để thêm cột.\n`);
    return EXIT.UNREADABLE;
  }
  const wb = read.workbook;
  const ws = wb.getWorksheet(own.name);
  if (!ws) return fail(`không tìm thấy trang ${own.name}`);
  for (const x of w.writes) ws.getCell(x.row + 1, x.col + 1).value = x.value;
  writeRecordSheet(wb, withPrevious(book.record, w.record));
  // Each figure written is a row of the book's history (nothing in it rewritten).
  appendHistory(wb, previousEntries(book.plan, own.name, w.writes, path.basename(lastFile), at));
  await fs.mkdir(path.dirname(output), { recursive: true });
  await fs.writeFile(output, Buffer.from(await wb.xlsx.writeBuffer()));

  if (v.json) {
    io.out(JSON.stringify({ periods: prev.periods, lines: prev.lines, written: w.writes.map((x) => `${own.name}!${x.cell}`), kept: w.kept, missing: w.missing, output: path.relative(io.cwd, output) }, null, 2) + "\n");
  } else {
    io.out(`Ghép chỉ tiêu với năm trước (${lastFile}):\n`);
    for (const l of prev.lines) {
      const to = l.lastNo == null ? "—" : `chỉ tiêu ${l.lastNo}${l.lastName ? ` "${l.lastName}"` : ""}`;
      io.out(`  ${l.no} ${l.name} ← ${to} (${PREVIOUS_HOW_LABELS[l.how]})\n`);
    }
    io.out(`Đã ghi ${w.writes.length} ô cùng kỳ năm trước (${prev.periods.join(", ")}) vào ${v.output}.\n`);
    for (const k of w.kept) io.out(`  Giữ ô ${own.name}!${k.cell} (chỉ tiêu ${k.target}, ${k.period}): đang ghi ${k.current}, năm trước ${k.wanted ?? "không có"}.\n`);
  }
  printProblems(last.problems, io);
  return w.kept.length ? EXIT.PROBLEMS : EXIT.OK;
}

export const previousCommand: Command = {
  name: "previous",
  summary: PREVIOUS_SUMMARY,
  usage: USAGE,
  run,
};
