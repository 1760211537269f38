/**
 * `npm run demo`: the main job end to end on the default plan (Bình Sơn 2024) with example figures
 * for the year (seeds/examples/, clearly marked as not real): the check of the figures, the report
 * table in 783/BC's format, and the report files in out/ (.xlsx and .docx).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseActuals } from "../src/core/actuals";
import { buildReport } from "../src/core/report/build";
import { readReportExtras } from "../src/core/report/extras";
import { reportDocx } from "../src/hosts/docx/report-docx";
import { reportText } from "../src/cli/commands/report";
import { problemLine } from "../src/core/messages";
import { defaultPlan } from "../src/seeds";
import { reportXlsx } from "../src/hosts/xlsx/report-xlsx";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLE = path.join(ROOT, "seeds/examples/binh-son-2024.example-actuals.json");
const OUT = path.join(ROOT, "out");

async function demo(): Promise<number> {
  const plan = defaultPlan();
  const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  const actuals = parseActuals(bytes, path.relative(ROOT, EXAMPLE));
  if (!actuals.ok) {
    for (const p of actuals.problems) process.stderr.write(problemLine(p) + "\n");
    return 2;
  }
  const { extras } = readReportExtras(JSON.parse(new TextDecoder().decode(bytes)));
  const now = new Date();
  const model = buildReport({
    plan,
    actuals: actuals.value,
    period: extras.period ?? "year",
    figures: extras.figures ?? "estimate",
    tasks: extras.tasks,
    note: extras.note,
    date: { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
  });
  const say = (s = ""): boolean => process.stdout.write(s + "\n");

  say(`KT-XH — chạy thử trên kế hoạch ${plan.unit} năm ${plan.year} (${plan.targets.length} chỉ tiêu, ${plan.tasks.length} nhiệm vụ).`);
  say(`LƯU Ý: số liệu thực hiện lấy từ ${path.relative(ROOT, EXAMPLE)} là SỐ LIỆU VÍ DỤ, không phải số liệu thật.`);
  say();
  say("1. Kiểm tra số liệu");
  const problems = [...actuals.problems, ...model.problems];
  if (problems.length === 0) say("   Không phát hiện vấn đề nào.");
  for (const p of problems) say(`   - ${problemLine(p)}`);
  say();
  say("2. Bảng báo cáo (mẫu Báo cáo 783/BC-UBND)");
  say();
  say(reportText(model));
  fs.mkdirSync(OUT, { recursive: true });
  const base = `bao-cao-${plan.id}-${model.period}`;
  const xlsx = path.join(OUT, `${base}.xlsx`);
  const docx = path.join(OUT, `${base}.docx`);
  fs.writeFileSync(xlsx, await reportXlsx(model));
  fs.writeFileSync(docx, await reportDocx(model));
  say("3. Tệp báo cáo");
  say(`   ${path.relative(ROOT, xlsx)}  (bảng tính in được, A4 ngang)`);
  say(`   ${path.relative(ROOT, docx)}  (văn bản theo thể thức Nghị định 30/2020/NĐ-CP)`);
  say();
  say("Nhắc lại: các số liệu trên là ví dụ để chạy thử, không dùng để báo cáo.");
  return 0;
}

demo().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
