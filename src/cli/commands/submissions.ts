/**
 * `ktxh submissions PLAN.xlsx --period P [--due DATE] --out DIR`: one submission book per recipient of
 * the collection cycle (issue 17), each named after its recipient without tone marks. Who is asked for
 * what comes from the plan workbook's *Phân công* sheet (src/cli/cycle-book.ts); a target judged
 * *Không đạt* in the last judged period before P asks for an explanation.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { type PeriodId, isPeriodId, period as periodOf } from "../../core/periods";
import { plannedSubmissions, readDate } from "../../layout/cycle";
import { viDate } from "../../layout/sheets/submission";
import { submissionWorkbook } from "../../hosts/xlsx/submissions";
import { readArgs } from "../args";
import { readPlanBook } from "../cycle-book";
import { type CliIO, type Command, EXIT, processIO } from "../io";

const USAGE = [
  "ktxh submissions SỔ-KẾ-HOẠCH.xlsx --period KỲ [--due NGÀY] --out THƯ-MỤC [--json] [--progress]",
  "",
  "Tạo phiếu thu thập số liệu: mỗi đơn vị được giao (trang Phân công của sổ kế hoạch) một sổ .xlsx",
  "gồm các chỉ tiêu và nhiệm vụ của đơn vị, chỉ mở khóa các ô cần nhập.",
  "  --period    kỳ báo cáo: m1..m12, q1..q4, 6m, 9m, year",
  "  --due       hạn gửi (2024-06-20 hoặc 20/06/2024)",
  "  --out       thư mục ghi các phiếu",
  "  --json      kết quả dạng JSON",
].join("\n");

export const SUBMISSIONS_SUMMARY = "tạo phiếu thu thập số liệu gửi từng phòng, ban và từng xã";

async function run(args: string[], io: CliIO): Promise<number> {
  const r = readArgs(args, { period: { type: "string" }, due: { type: "string" }, out: { type: "string" }, json: { type: "boolean" }, progress: { type: "boolean" } });
  const fail = (why: string): number => {
    io.err(`ktxh submissions: ${why}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  };
  if (typeof r === "string") return fail(r);
  const v = r.values;
  if (r.positionals.length !== 1) return fail("cần đúng một sổ kế hoạch");
  if (!v.period || !isPeriodId(v.period)) return fail("thiếu hoặc sai kỳ báo cáo (--period m1..m12, q1..q4, 6m, 9m, year)");
  if (!v.out) return fail("thiếu thư mục ghi phiếu (--out THƯ-MỤC)");
  const due = v.due ? readDate(v.due) : null;
  if (v.due && !due) return fail(`hạn gửi "${v.due}" không đọc được (dùng 2024-06-20 hoặc 20/06/2024)`);
  const pb = await readPlanBook(r.positionals[0], io.cwd);
  if (typeof pb === "string") {
    io.err(`ktxh submissions: không đọc được ${r.positionals[0]}: ${pb}\n`);
    return EXIT.UNREADABLE;
  }
  const plan = pb.book.plan;
  const period: PeriodId = v.period;
  const planned = plannedSubmissions(pb, period, due);
  const out = path.resolve(io.cwd, v.out);
  await fs.mkdir(out, { recursive: true });
  const tty = io.err === processIO.err && process.stderr.isTTY === true;
  const made: { recipient: string; name: string; kind: string; file: string; form: string; targets: string[]; tasks: string[]; explain: string[] }[] = [];
  const now = new Date().toISOString();
  let k = 0;
  for (const b of planned.books) {
    k++;
    if (v.progress || tty) io.err(`${tty ? "\r\x1b[K" : ""}Đang tạo phiếu ${k}/${planned.books.length}: ${b.book.file}${tty ? "" : "\n"}`);
    const wb = await submissionWorkbook(b.book, b.plan, now);
    await fs.writeFile(path.join(out, b.book.file), Buffer.from(await wb.xlsx.writeBuffer()));
    made.push({
      recipient: b.recipient.id, name: b.recipient.name, kind: b.recipient.kind, file: path.join(v.out, b.book.file), form: b.book.record.form,
      targets: b.targets, tasks: b.tasks, explain: b.explain,
    });
  }
  if (tty) io.err("\r\x1b[K");
  const p = periodOf(period, plan.year);
  if (v.json) {
    io.out(JSON.stringify({ plan: plan.id, period, cutoff: p.cutoff, due, judgedPeriod: planned.judgedPeriod, books: made }, null, 2) + "\n");
  } else {
    for (const m of made) io.out(`${m.file}: ${m.name} — ${m.targets.length} chỉ tiêu, ${m.tasks.length} nhiệm vụ${m.explain.length ? `, cần giải trình ${m.explain.length}` : ""}\n`);
    io.out(`\nĐã tạo ${made.length} phiếu kỳ ${p.label} năm ${plan.year} (số liệu đến ${viDate(p.cutoff)}${due ? `, hạn gửi ${viDate(due)}` : ""}).\n`);
  }
  return EXIT.OK;
}

export const submissionsCommand: Command = { name: "submissions", summary: SUBMISSIONS_SUMMARY, usage: USAGE, run };
