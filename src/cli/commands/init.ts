/**
 * `ktxh init`: a new workbook for a plan, with the targets and tasks sheets laid out and the periods
 * the user opens. Never overwrites a file unless told to (`--force`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan } from "../../core/plan";
import { formatProblem } from "../../core/messages";
import { type PeriodId, listPeriods, parsePeriodList } from "../../core/periods";
import { builtInPlans, defaultPlan } from "../../seeds";
import { initWorkbook } from "../../hosts/xlsx/workbook-init";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";
import { PLAN_OPTIONS, PLAN_USAGE, loadPlanFile, planOptions } from "../load-plan";
import type { PlanFileOptions } from "../../core/plan-json";

const USAGE = [
  "ktxh init [--plan TỆP|MÃ] [--periods year,6m,...] [--force] -o SỔ.xlsx",
  "",
  "Tạo sổ Excel theo dõi kế hoạch: trang Chỉ tiêu (mỗi kỳ báo cáo một cột số liệu lũy kế)",
  "và trang Nhiệm vụ.",
  "  --plan      tệp kế hoạch .json/.csv hoặc mã kế hoạch có sẵn (mặc định: Bình Sơn 2024)",
  "  --periods   các kỳ mở sẵn: m1..m12 (tháng), q1..q4 (quý), 6m, 9m, year (mặc định: 6m,9m,year)",
  "  -o          tệp .xlsx sẽ tạo",
  "  --force     ghi đè nếu tệp đã có",
  ...PLAN_USAGE,
].join("\n");

const DEFAULT_PERIODS: PeriodId[] = ["6m", "9m", "year"];

interface Args {
  plan: string | null;
  periods: string | null;
  output: string | null;
  force: boolean;
  planOpts: PlanFileOptions;
}

function parseArgs(args: string[]): Args | string {
  const r = readArgs(
    args,
    { force: { type: "boolean", short: "f" }, plan: { type: "string" }, periods: { type: "string" }, output: { type: "string", short: "o" }, ...PLAN_OPTIONS },
    false,
  );
  if (typeof r === "string") return r;
  const v = r.values;
  const planOpts = planOptions(v);
  if (typeof planOpts === "string") return planOpts;
  const out: Args = { plan: v.plan ?? null, periods: v.periods ?? null, output: v.output ?? null, force: v.force === true, planOpts };
  if (!out.output) return "thiếu tệp kết quả (-o SỔ.xlsx)";
  return out;
}

async function pickPlan(spec: string | null, io: CliIO, opts: PlanFileOptions): Promise<Plan | null> {
  if (spec == null) return defaultPlan();
  const builtIn = builtInPlans().find((p) => p.id === spec);
  if (builtIn) return builtIn;
  const r = await loadPlanFile(path.resolve(io.cwd, spec), spec, opts);
  for (const p of r.problems) io.err(formatProblem(p) + "\n");
  return r.ok ? r.value : null;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args);
  if (typeof a === "string") {
    io.err(`ktxh init: ${a}.\n\n${USAGE}\n`);
    return EXIT.UNREADABLE;
  }
  let periods = DEFAULT_PERIODS;
  if (a.periods != null) {
    const parsed = parsePeriodList(a.periods);
    if (parsed.unknown.length || !parsed.ids.length) {
      io.err(`ktxh init: kỳ báo cáo không hợp lệ: ${parsed.unknown.join(", ") || "(trống)"}. Dùng m1..m12, q1..q4, 6m, 9m, year.\n`);
      return EXIT.UNREADABLE;
    }
    periods = parsed.ids;
  }
  const output = path.resolve(io.cwd, a.output ?? "");
  if (fs.existsSync(output) && !a.force) {
    io.err(`ktxh init: tệp ${a.output} đã có; thêm --force để ghi đè.\n`);
    return EXIT.UNREADABLE;
  }
  const plan = await pickPlan(a.plan, io, a.planOpts);
  if (!plan) {
    io.err(`ktxh init: không đọc được kế hoạch ${a.plan}.\n`);
    return EXIT.UNREADABLE;
  }
  const { workbook, meta } = initWorkbook(plan, { periods, now: new Date().toISOString() });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await workbook.xlsx.writeFile(output);
  const tasks = plan.tasks.length;
  io.out(
    `Đã tạo ${a.output}: ${plan.unit}, năm ${plan.year}, ${plan.targets.length} dòng chỉ tiêu, ${tasks} nhiệm vụ, ` +
      `các kỳ: ${listPeriods(plan.year, meta.periods).map((p) => p.label).join(", ")}.\n`,
  );
  return EXIT.OK;
}

export const initCommand: Command = { name: "init", summary: "tạo sổ Excel theo dõi chỉ tiêu và nhiệm vụ của một kế hoạch", usage: USAGE, run };
