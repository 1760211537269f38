/**
 * `context.sync` calls of the Office.js host on the strict in-memory Excel: loading a plan into an
 * empty workbook, rechecking every row, handling one edited cell. Each should be the same small
 * constant for the 20-target Bình Sơn plan and a generated 500-target, 1,000-task plan.
 */
import type { Plan } from "../src/core/plan";
import { defaultPlan } from "../src/seeds";
import type { CheckSummary } from "../src/contract/operations";
import { bigPlan } from "../test/excel/big-plan";
import { cellOf, setup, syncsOf } from "../test/excel/support";
import type { Bench } from "./run";

const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;

async function loaded(plan: Plan) {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  // Some figures typed, as a sheet in use has.
  for (const no of ["1", "3", "4", "8", "17"]) s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:year"), "1000");
  return s;
}

async function load(plan: Plan): Promise<number> {
  const { wb, ops } = setup();
  return syncsOf(wb, () => ops.loadPlan(plan, PERIODS, yes));
}

async function evaluate(plan: Plan): Promise<number> {
  const { wb, ops } = await loaded(plan);
  return syncsOf(wb, () => ops.recheck("year"));
}

async function edit(plan: Plan): Promise<number> {
  const { wb, ops } = await loaded(plan);
  await ops.recheck("year");
  let done: (s: CheckSummary) => void = () => undefined;
  const judged = new Promise<CheckSummary>((r) => (done = r));
  const stop = await ops.watch("year", (s) => done(s));
  const syncs = await syncsOf(wb, async () => {
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:5", "p:year"), "70000");
    await judged;
    await wb.settle();
  });
  await stop();
  return syncs;
}

let big: Plan | null = null;
const large = (): Plan => (big ??= bigPlan(500, 1000));

export const benches: Bench[] = [
  { name: "sync.load.20", run: () => load(defaultPlan()) },
  { name: "sync.load.500", run: () => load(large()) },
  { name: "sync.evaluate.20", run: () => evaluate(defaultPlan()) },
  { name: "sync.evaluate.500", run: () => evaluate(large()) },
  { name: "sync.edit.20", run: () => edit(defaultPlan()) },
  { name: "sync.edit.500", run: () => edit(large()) },
];
