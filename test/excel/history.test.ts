/**
 * The book's history (issue 18) through the Office.js host on the strict Excel: each change of a
 * figure — typed (live judgement), an override with its reason, a check's fix, a reload — is appended
 * to *Lịch sử số liệu* in the same request as the action (sync counts unchanged), never rewriting a row.
 */
import type { CheckSummary } from "../../src/contract/operations";
import type { HistoryEntry } from "../../src/core/history";
import type { Plan } from "../../src/core/plan";
import { HISTORY_HEADER, HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { defaultPlan } from "../../src/seeds";
import { createExcelOperations } from "../../src/hosts/excel/host";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type S = ReturnType<typeof setup>;
const history = (s: S): HistoryEntry[] => (s.wb.user.sheetNames().includes(HISTORY_SHEET) ? readHistory(s.wb.user.grid(HISTORY_SHEET, "A1:O300")) ?? [] : []);
const rows = (s: S) => s.wb.user.grid(HISTORY_SHEET, "A1:O300").filter((r) => r.some((v) => v !== "" && v != null));

async function watched() {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  await s.ops.recheck("year");
  const seen: CheckSummary[] = [];
  const stop = await s.ops.watch("year", (x) => void seen.push(x));
  const type = async (no: string, key: string, text: string) => {
    const before = seen.length;
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, key), text);
    for (let i = 0; i < 200 && seen.length === before; i++) await pause(5);
    await pause(20);
    await s.wb.settle();
  };
  return { ...s, seen, stop, type };
}

describe("Lịch sử số liệu through the Office.js host", () => {
  test("a figure typed, then typed again: two rows, old → new, with the period, the target, its mark and the time", async () => {
    const s = await watched();
    await s.type("3", "p:year", "700");
    await s.type("3", "p:year", "710");
    const h = history(s);
    expect(h.map((e) => [e.action, e.period, e.target, e.old, e.new, e.mark])).toEqual([
      ["typed", "year", "3", null, 700, "Ước"],
      ["typed", "year", "3", 700, 710, "Ước"],
    ]);
    expect(h[0].name).toBe(plan.targets.find((t) => t.no === "3")?.name);
    expect(h[0].at).toBe("2024-07-15T08:00:00.000Z");
    expect(h[0].id).not.toBe(h[1].id);
    expect(h[0].cell).toBe(cellOf(s.wb, SHEET, "t:3", "p:year"));
    expect(rows(s)[0]).toEqual(HISTORY_HEADER);
    await s.stop();
    expect(s.wb.handlerErrors).toEqual([]);
  });

  test("one edit still takes 2 syncs with its history row", async () => {
    const s = await watched();
    await s.type("3", "p:year", "700");
    s.wb.counters.reset();
    await s.type("4", "p:year", "950");
    expect(s.wb.counters.syncs).toBe(2);
    expect(history(s).map((e) => e.target)).toEqual(["3", "4"]);
    await s.stop();
  });

  test("an override and its reason are logged as điều chỉnh đánh giá, with the reason", async () => {
    const s = await watched();
    await s.type("11", "override-reason", "Số liệu của Sở chưa chốt");
    await s.type("11", "override", "Đạt");
    const h = history(s);
    expect(h.map((e) => [e.action, e.key, e.new])).toEqual([
      ["override", "override-reason", "Số liệu của Sở chưa chốt"],
      ["override", "override", "Đạt"],
    ]);
    expect(h[1].source).toBe("Số liệu của Sở chưa chốt");
    expect(h[1].period).toBeNull();
    await s.stop();
  });

  test("Sửa tất cả: one batch of fix rows with old → new, in the same 3 syncs; the next edit does not log the fix again", async () => {
    const s = await watched();
    await s.type("8", "p:year", "1.720");
    const check = await s.ops.checkWorkbook({ mark: false });
    const fixes = check.sheets.flatMap((x) => x.issues).flatMap((i) => (i.apply ? [i.apply] : [])).filter((f) => f.sheet === SHEET);
    expect(check.sheets.map((x) => x.sheet)).not.toContain(HISTORY_SHEET);
    expect(await syncsOf(s.wb, () => s.ops.applyFixes(fixes))).toBe(3);
    await pause(30);
    await s.wb.settle();
    await s.type("8", "note", "ghi chú");
    await s.type("8", "p:year", "1730");
    const h = history(s);
    expect(h.map((e) => [e.action, e.old, e.new])).toEqual([
      ["typed", null, 1.72],
      ["fix", 1.72, 1720],
      ["typed", 1720, 1730],
    ]);
    expect(h[1]).toMatchObject({ period: "year", target: "8", row: "t:8", key: "p:year", mark: "Ước" });
    await s.stop();
  });

  test("a reload that changes a plan value logs it as nạp lại kế hoạch; the figures kept are no change (one typed outside is sửa ngoài add-in); sync count unchanged", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:3", "p:6m"), "300");
    const changed: Plan = { ...plan, targets: plan.targets.map((t) => (t.no === "1" ? { ...t, target: "khoảng 25.242" } : t)) };
    const base = setup();
    await base.ops.loadPlan(plan, PERIODS, yes);
    const expected = await syncsOf(base.wb, () => base.ops.loadPlan(changed, PERIODS, yes));
    expect(await syncsOf(s.wb, () => s.ops.loadPlan(changed, PERIODS, yes))).toBe(expected);
    const h = history(s);
    // 3's 300, typed with no pane watching, is logged first (sửa ngoài add-in), then what the reload changed.
    expect(h.map((e) => [e.action, e.target, e.key])).toEqual([["outside", "3", "p:6m"], ["reload", "1", "plan"]]);
    expect(String(h[1].new)).toContain("25.242");
    expect(s.wb.user.cell(SHEET, cellOf(s.wb, SHEET, "t:3", "p:6m")).value).toBe(300);
  });

  test("rows are appended below the last row Excel has, so a row a co-author added meanwhile is kept", async () => {
    const s = await watched();
    await s.type("3", "p:year", "700");
    // A co-author's pane appended a row meanwhile (this pane never read it).
    const other = rows(s)[1].map((v, i) => (i === 11 ? "coauthor-row" : v));
    s.wb.user.type(HISTORY_SHEET, "A3", String(other[0]));
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(HISTORY_SHEET).getRange("A3:O3").values = [other.map((v) => (v == null ? "" : v))];
      await ctx.sync();
    });
    await s.type("4", "p:year", "950");
    expect(history(s).map((e) => e.id)).toContain("coauthor-row");
    expect(history(s)).toHaveLength(3);
    await s.stop();
  });

  test("an edit made while the pane was closed is logged as sửa ngoài add-in when live judgement starts again", async () => {
    const s = await watched();
    await s.type("3", "p:year", "700");
    await s.stop();
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:3", "p:year"), "750");
    // The pane opened again: a new host over the same workbook.
    const again = createExcelOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), debounceMs: 5, now: () => "2024-07-16T08:00:00.000Z", newContext: null });
    await again.readState();
    const seen: unknown[] = [];
    const stop = await again.watch("year", (x) => void seen.push(x));
    expect(history(s).map((e) => [e.action, e.old, e.new])).toEqual([["typed", null, 700], ["outside", 700, 750]]);
    expect(history(s)[1]).toMatchObject({ target: "3", period: "year", at: "2024-07-16T08:00:00.000Z" });
    // Watching again starts from the sheet as it is: the next edit's old value is 750.
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:3", "p:year"), "800");
    for (let i = 0; i < 200 && seen.length === 0; i++) await pause(5);
    await pause(20);
    await s.wb.settle();
    expect(history(s).map((e) => [e.action, e.old, e.new]).slice(2)).toEqual([["typed", 750, 800]]);
    await stop();
  });
});
