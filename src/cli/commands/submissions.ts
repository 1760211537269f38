/**
 * `ktxh submissions PLAN.xlsx --period P [--due DATE] --out DIR`: one submission book per recipient of
 * the collection cycle (issue 17), each named after its recipient without tone marks. Who is asked for
 * what comes from the plan workbook's *Phân công* sheet (src/cli/cycle-book.ts); a target judged
 * *Không đạt* in the last judged period before P asks for an explanation.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { evaluatePlan } from "../../core/evaluate";
import { type PeriodId, isPeriodId, listPeriods, period as periodOf } from "../../core/periods";
import { askedOf, recipientPlan } from "../../core/recipients";
import { type BookReading, bookActuals, bookPeriods } from "../../layout/book";
import { submissionBook, viDate } from "../../layout/sheets/submission";
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

/** "2024-06-20" or "20/06/2024" → ISO; null when unreadable. */
export function readDate(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (m) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s.trim());
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return null;
}

/** Targets judged Không đạt in the last period before `target` that has figures in the plan book. */
export function explainTargets(book: BookReading, target: PeriodId): { period: string | null; targets: Set<string> } {
  const year = book.plan.year;
  const cutoff = periodOf(target, year).cutoff;
  const have = bookPeriods(book).filter(isPeriodId);
  const before = listPeriods(year, have).filter((p) => p.cutoff < cutoff);
  for (let i = before.length - 1; i >= 0; i--) {
    const a = bookActuals(book, before[i].id);
    if (!a || !a.actuals.rows.some((r) => r.actual !== null)) continue;
    const judged = evaluatePlan(book.plan, a.actuals);
    return { period: before[i].id, targets: new Set(judged.rows.filter((r) => r.status === "khong-dat").map((r) => r.no)) };
  }
  return { period: null, targets: new Set() };
}

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
  const explain = explainTargets(pb.book, period);
  const out = path.resolve(io.cwd, v.out);
  await fs.mkdir(out, { recursive: true });
  const tty = io.err === processIO.err && process.stderr.isTTY === true;
  const made: { recipient: string; name: string; kind: string; file: string; form: string; targets: string[]; tasks: string[]; explain: string[] }[] = [];
  const now = new Date().toISOString();
  let k = 0;
  for (const rec of pb.recipients) {
    k++;
    const own = recipientPlan(plan, pb.assignments, rec.name);
    if (!own) continue;
    const asked = askedOf(plan, pb.assignments, rec.name);
    const book = submissionBook(plan, rec, asked, { period, due, explain: explain.targets });
    if (v.progress || tty) io.err(`${tty ? "\r\x1b[K" : ""}Đang tạo phiếu ${k}/${pb.recipients.length}: ${book.file}${tty ? "" : "\n"}`);
    const wb = await submissionWorkbook(book, own, now);
    await fs.writeFile(path.join(out, book.file), Buffer.from(await wb.xlsx.writeBuffer()));
    made.push({
      recipient: rec.id, name: rec.name, kind: rec.kind, file: path.join(v.out, book.file), form: book.record.form,
      targets: asked.targets.map((t) => t.no), tasks: asked.tasks.map((t) => t.code), explain: asked.targets.filter((t) => explain.targets.has(t.no)).map((t) => t.no),
    });
  }
  if (tty) io.err("\r\x1b[K");
  const p = periodOf(period, plan.year);
  if (v.json) {
    io.out(JSON.stringify({ plan: plan.id, period, cutoff: p.cutoff, due, judgedPeriod: explain.period, books: made }, null, 2) + "\n");
  } else {
    for (const m of made) io.out(`${m.file}: ${m.name} — ${m.targets.length} chỉ tiêu, ${m.tasks.length} nhiệm vụ${m.explain.length ? `, cần giải trình ${m.explain.length}` : ""}\n`);
    io.out(`\nĐã tạo ${made.length} phiếu kỳ ${p.label} năm ${plan.year} (số liệu đến ${viDate(p.cutoff)}${due ? `, hạn gửi ${viDate(due)}` : ""}).\n`);
  }
  return EXIT.OK;
}

export const submissionsCommand: Command = { name: "submissions", summary: SUBMISSIONS_SUMMARY, usage: USAGE, run };
