/**
 * The report sheet records when it was made, in the book's record, and marks the figures revised
 * since the last report of the period (the book's history): "(*)" after the name and a footnote
 * (Office.js host, strict Excel; the sync count of Tạo báo cáo is unchanged).
 */
import { RECORD_SHEET, decodeRecord, reportsOf } from "../../src/layout/sheets/record";
import { defaultPlan } from "../../src/seeds";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a figure changed after the last 6-month report is marked in the next one; a first figure is not", async () => {
  let minute = 0;
  const clock = () => new Date(Date.UTC(2024, 6, 15, 1, minute++)).toISOString();
  const s = setup({}, { now: clock });
  await s.ops.loadPlan(plan, ["6m", "year"], yes);
  const seen: unknown[] = [];
  const stop = await s.ops.watch("6m", (x) => void seen.push(x));
  const type = async (no: string, text: string) => {
    const n = seen.length;
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:6m"), text);
    for (let i = 0; i < 200 && seen.length === n; i++) await pause(5);
    await s.wb.settle();
  };
  await type("3", "300");
  await s.ops.buildReport("6m", false);
  const record = () => decodeRecord(s.wb.user.grid(RECORD_SHEET, "A1:C40"));
  expect(reportsOf(record()).map((r) => r.period)).toEqual(["6m"]);
  const report = () => s.wb.user.grid("Báo cáo", "A1:H60").map((r) => r.map(String));
  expect(report().flat().some((c) => c.includes("(*)"))).toBe(false);

  await type("3", "320");
  await type("4", "450");
  const base = setup();
  await base.ops.loadPlan(plan, ["6m", "year"], yes);
  const expected = await syncsOf(base.wb, () => base.ops.buildReport("6m", false));
  expect(await syncsOf(s.wb, () => s.ops.buildReport("6m", false))).toBe(expected);
  const rows = report();
  const name3 = plan.targets.find((t) => t.no === "3")!.name;
  const name4 = plan.targets.find((t) => t.no === "4")!.name;
  expect(rows.flat()).toContain(`${name3} (*)`);
  expect(rows.flat()).toContain(name4);
  const foot = rows.flat().find((c) => c.startsWith("(*) "));
  expect(foot).toMatch(/^\(\*\) Số liệu đã điều chỉnh so với báo cáo lập lúc \d\d:\d\d ngày 15\/07\/2024: chỉ tiêu 3\.$/);
  expect(reportsOf(record())).toHaveLength(2);
  // The record's other entries are kept.
  expect(record()?.meta.planId).toBe(plan.id);
  await stop();
});
