/**
 * Requests (`context.sync` calls) to build the report sheet with its chart, on the strict in-memory
 * Excel, from a workbook the Office.js host laid out and a user filled in:
 *   sync.report.20   the 2023 plan (20 targets) with 783/BC's estimates
 *   sync.report.500  a generated plan of 500 targets and 1000 tasks, every figure filled
 * The two are the same small constant: the report is read and written in whole ranges, never per row.
 */
import type { Plan } from "../src/core/plan";
import { reportOperations } from "../src/hosts/excel/report-sheet";
import { builtInEstimates2023, builtInPlan } from "../src/seeds";
import { bigPlan } from "../test/excel/big-plan";
import { cellOf, setup, syncsOf } from "../test/excel/support";
import type { Bench } from "./run";

const TARGETS = "Chỉ tiêu";

async function reportSyncs(plan: Plan, figures: { no: string; typed: string }[]): Promise<number> {
  const s = setup();
  await s.ops.loadPlan(plan, ["year"], async () => true);
  for (const f of figures) s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, `t:${f.no}`, "p:year"), f.typed);
  const report = reportOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v) });
  return syncsOf(s.wb, () => report.buildReport("year", false));
}

function plan2023(): Plan {
  const p = builtInPlan("binh-son-2023");
  if (!p) throw new Error("binh-son-2023 missing");
  return p;
}

/** 783/BC's figures as a vi-VN user's Excel stores them: numbers where they are numbers. */
function estimates(): { no: string; typed: string }[] {
  return builtInEstimates2023().rows.map((r) => {
    const plain = /^[\d.]+(,\d+)?$/.test(r.actual) && !/^0\d/.test(r.actual);
    return { no: r.no, typed: plain ? r.actual.replace(/\./g, "").replace(",", ".") : r.actual };
  });
}

export const benches: Bench[] = [
  { name: "sync.report.20", run: () => reportSyncs(plan2023(), estimates()) },
  {
    name: "sync.report.500",
    run: () => {
      const plan = bigPlan(500, 1000);
      return reportSyncs(plan, plan.targets.map((t, i) => ({ no: t.no, typed: String(90 + (i % 20)) })));
    },
  },
];
