/**
 * One judgement of a figure, everywhere: what an en-US Excel makes of `1.720` and `52%` is judged as
 * the workbook check reads it (Cần xem lại, with the check's proposed value), the check's fixes are
 * judged in the same action, and the pane's counts are the report's.
 */
import type { CheckSummary, FixToApply, WorkbookCheck } from "../../src/contract/operations";
import { defaultPlan } from "../../src/seeds";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pane's state: its counts are the last summary any action handed it. */
function pane() {
  const seen: CheckSummary[] = [];
  return { seen, on: (s: CheckSummary) => void seen.push(s), last: () => seen[seen.length - 1] };
}

async function watched() {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  await s.ops.recheck("year");
  const p = pane();
  const stop = await s.ops.watch("year", p.on);
  return { ...s, p, stop };
}

const at = (wb: ReturnType<typeof setup>["wb"], id: string, key: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, id, key)).value;

async function typed(s: Awaited<ReturnType<typeof watched>>, entries: [string, string][]) {
  const before = s.p.seen.length;
  for (const [no, text] of entries) s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:year"), text);
  for (let i = 0; i < 200 && s.p.seen.length === before; i++) await pause(5);
  await pause(30);
  await s.wb.settle();
}

const fixesOf = (r: WorkbookCheck): FixToApply[] => r.sheets.flatMap((x) => x.issues).flatMap((i) => (i.apply ? [i.apply] : []));

describe("a figure the check calls a slip is judged Cần xem lại, live", () => {
  test("`1.720` typed in an en-US Excel (1,72 against khoảng 1.600): Cần xem lại with 1.720 proposed, not Không đạt", async () => {
    const s = await watched();
    await typed(s, [["8", "1.720"]]);
    expect(at(s.wb, "t:8", "p:year")).toBe(1.72);
    expect(at(s.wb, "t:8", "status")).toBe("Cần xem lại");
    expect(String(at(s.wb, "t:8", "reason"))).toContain("1.720");
    expect([null, ""]).toContain(at(s.wb, "t:8", "percent"));
    const last = s.p.last();
    expect(last.counts).toMatchObject({ khongDat: 0, xemLai: 1 });
    expect(last.items.find((i) => i.no === "8")).toMatchObject({ status: "xem-lai", proposed: 1720 });
    await s.stop();
  });

  test("`52%` in a % row (0,52 against khoảng 50): Cần xem lại with 52 proposed", async () => {
    const s = await watched();
    await typed(s, [["9", "52%"]]);
    expect(at(s.wb, "t:9", "p:year")).toBe(0.52);
    expect(at(s.wb, "t:9", "status")).toBe("Cần xem lại");
    expect(s.p.last().items.find((i) => i.no === "9")).toMatchObject({ status: "xem-lai", proposed: 52 });
    await s.stop();
  });
});

test("a cell formatted as % holds the fraction: 0,52 shown as 52% is 52, as the check reads it", async () => {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  const cell = cellOf(s.wb, SHEET, "t:9", "p:year");
  await s.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(SHEET).getRange(cell);
    r.numberFormat = [["0%"]];
    r.values = [[0.52]];
    await ctx.sync();
  });
  const summary = await s.ops.recheck("year");
  expect(at(s.wb, "t:9", "status")).toBe("Đạt (vượt)");
  expect(summary.counts).toMatchObject({ vuot: 1, xemLai: 0 });
  const check = await s.ops.checkWorkbook({ mark: false });
  expect(check.sheets.flatMap((x) => x.issues).filter((i) => i.location.cell === cell)).toEqual([]);
  const report = await s.ops.buildReport("year", false);
  expect(report.counts).toMatchObject(summary.counts);
});

describe("the add-in's own writes are judged in the same action", () => {
  test("Sửa tất cả writes 1720 and 52 and their rows say Đạt (vượt) at once, in 3 syncs; live judgment does not run again", async () => {
    const s = await watched();
    await typed(s, [["8", "1.720"], ["9", "52%"]]);
    const check = await s.ops.checkWorkbook({ mark: false });
    const fixes = fixesOf(check).filter((f) => f.sheet === SHEET);
    expect(fixes.map((f) => f.value).sort()).toEqual([1720, 52]);
    const seen = s.p.seen.length;
    let outcome: Awaited<ReturnType<typeof s.ops.applyFixes>> | null = null;
    expect(await syncsOf(s.wb, async () => void (outcome = await s.ops.applyFixes(fixes)))).toBe(3);
    expect(at(s.wb, "t:8", "p:year")).toBe(1720);
    expect(at(s.wb, "t:8", "status")).toBe("Đạt (vượt)");
    expect(at(s.wb, "t:9", "status")).toBe("Đạt (vượt)");
    const o = outcome as unknown as Awaited<ReturnType<typeof s.ops.applyFixes>>;
    expect(o.summary?.counts).toMatchObject({ vuot: 2, xemLai: 0 });
    await pause(40);
    await s.wb.settle();
    expect(s.p.seen.length).toBe(seen);
    await s.stop();
    expect(s.wb.handlerErrors).toEqual([]);
  });

  test("a reload judges every row as it writes them: a slip typed before is Cần xem lại after it", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:8", "p:year"), "1.720");
    const r = await s.ops.loadPlan(plan, PERIODS, yes);
    expect(at(s.wb, "t:8", "status")).toBe("Cần xem lại");
    expect("summary" in r && r.summary.counts.xemLai).toBe(1);
  });
});

describe("the pane and Tạo báo cáo count the same", () => {
  test("after typing, checking and Sửa tất cả, the pane's counts are the report's", async () => {
    const s = await watched();
    await typed(s, [
      ["3", "700"], ["4", "950"], // vượt
      ["7", "35,58"], ["15", "94"], // đạt
      ["11", "0"], // không đạt
      ["8", "1.720"], ["9", "52%"], // slips: after their fix, vượt
    ]);
    const check = await s.ops.checkWorkbook({ mark: false });
    const r = await s.ops.applyFixes(fixesOf(check).filter((f) => f.sheet === SHEET));
    // What the pane does with a fix's outcome (useTools → usePane.showSummary).
    if (r.summary) s.p.on(r.summary);
    await pause(40);
    await s.wb.settle();
    const report = await s.ops.buildReport("year", false);
    const { main: _main, ...counts } = report.counts;
    expect(counts).toEqual({ vuot: 4, dat: 2, khongDat: 1, xemLai: 0, thieuSoLieu: 13, chuaDanhGia: 0 });
    expect(s.p.last().counts).toEqual(counts);
    await s.stop();
  });

  test("a slip left unfixed: pane and report both count it as Cần xem lại, the report's sentence with the rows not yet judged", async () => {
    const s = await watched();
    await typed(s, [["3", "700"], ["8", "1.720"]]);
    const report = await s.ops.buildReport("year", false);
    const { main: _main, ...counts } = report.counts;
    expect(counts).toEqual({ vuot: 1, dat: 0, khongDat: 0, xemLai: 1, thieuSoLieu: 18, chuaDanhGia: 0 });
    expect(s.p.last().counts).toEqual(counts);
    const name = report.sheet;
    const grid = s.wb.user.grid(name, "A1:H60");
    const row8 = grid.find((r) => r[1] === plan.targets.find((t) => t.no === "8")?.name);
    expect(row8).toContain("Cần xem lại");
    expect(grid.flat().some((v) => typeof v === "string" && /19 chỉ tiêu chưa đánh giá được/.test(v))).toBe(true);
    await s.stop();
  });
});
