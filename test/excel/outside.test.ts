/**
 * Edits made while the pane was closed, through the Office.js host on the strict Excel (issue 18): found
 * by the row fingerprints of the book's record when the pane reads the book again (its recheck, in the
 * same two requests), appended to *Lịch sử số liệu* as "sửa ngoài add-in" with the old value the history
 * or the fingerprint vouches for; never guessed, never logged twice. Nạp kế hoạch logs them too, before
 * the reload rewrites the fingerprints that find them, in its own syncs. And Tạo báo cáo made twice keeps
 * its "(*)" marks: it compares with the revision point of the report before it.
 */
import type { HistoryEntry } from "../../src/core/history";
import { createExcelOperations } from "../../src/hosts/excel/host";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { defaultPlan } from "../../src/seeds";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
type S = ReturnType<typeof setup>;
const history = (s: S): HistoryEntry[] => (s.wb.user.sheetNames().includes(HISTORY_SHEET) ? (readHistory(s.wb.user.grid(HISTORY_SHEET, "A1:O300")) ?? []) : []);
const reopened = (s: S, now: () => string) =>
  createExcelOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), debounceMs: 5, now, newContext: null });

async function watchedType(s: S, ops: S["ops"], period: string, edits: [string, string][]) {
  const seen: unknown[] = [];
  const stop = await ops.watch(period, (x) => void seen.push(x));
  for (const [no, text] of edits) {
    const n = seen.length;
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, `p:${period}`), text);
    for (let i = 0; i < 200 && seen.length === n; i++) await pause(5);
    await pause(10);
    await s.wb.settle();
  }
  await stop();
}

describe("sửa ngoài add-in in the Office.js host", () => {
  test("the pane opened again: its recheck logs the edits made meanwhile, in 2 syncs; a new figure from empty, a known one from its last value", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    await s.ops.recheck("6m");
    await watchedType(s, s.ops, "6m", [["3", "300"]]);
    expect(history(s).map((e) => [e.action, e.target, e.old, e.new])).toEqual([["typed", "3", null, 300]]);
    // The pane closed: 3 changed, 4 and a traffic count typed, the override's reason written, with no add-in.
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:3", "p:6m"), "320");
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:4", "p:6m"), "450");
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:11", "override-reason"), "Sở chưa chốt số");

    const again = reopened(s, () => "2024-07-16T08:00:00.000Z");
    await again.readState();
    expect(await syncsOf(s.wb, () => again.recheck("6m"))).toBe(2);
    const outside = history(s).filter((e) => e.action === "outside");
    expect(outside.map((e) => [e.target, e.key, e.old, e.new])).toEqual([
      ["3", "p:6m", 300, 320],
      ["4", "p:6m", null, 450],
      ["11", "override-reason", null, "Sở chưa chốt số"],
    ]);
    expect(outside[0]).toMatchObject({ period: "6m", at: "2024-07-16T08:00:00.000Z", mark: "Ước", cell: cellOf(s.wb, SHEET, "t:3", "p:6m"), name: plan.targets.find((t) => t.no === "3")?.name });
    expect(new Set(outside.map((e) => e.batch)).size).toBe(1);
    expect(new Set(history(s).map((e) => e.id)).size).toBe(history(s).length);
    // The first row is as it was: nothing rewritten.
    expect(history(s)[0]).toMatchObject({ action: "typed", old: null, new: 300 });

    // Read again (Kiểm tra lại, the pane back in view, live judgement starting): nothing logged twice.
    await again.recheck("6m");
    await again.catchUp("6m");
    const stop = await again.watch("6m", () => undefined);
    await stop();
    expect(history(s).filter((e) => e.action === "outside")).toHaveLength(3);
    // A later edit through the pane starts from the value logged.
    await watchedType(s, again, "6m", [["4", "460"]]);
    expect(history(s).slice(-1).map((e) => [e.action, e.old, e.new])).toEqual([["typed", 450, 460]]);
  });

  test("a figure the history never saw, changed from another figure: the fingerprint cannot say from what, so it is not logged", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    // Typed with no pane watching, then judged (recheck): logged as found from empty.
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:5", "p:6m"), "30000");
    await s.ops.recheck("6m");
    expect(history(s).map((e) => [e.action, e.old, e.new])).toEqual([["outside", null, 30000]]);
    // A cell the history never saw, its figure kept by a reload from a book of before the history: 6's 17.000
    // (the reload logs it as typed outside the add-in; the rows deleted from the history, as a book of before it).
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:6", "p:6m"), "17000");
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:6", "p:year"), "34000");
    await s.ops.loadPlan(plan, PERIODS, yes);
    expect(history(s).filter((e) => e.target === "6").map((e) => [e.action, e.key, e.old, e.new])).toEqual([["outside", "p:6m", null, 17000], ["outside", "p:year", null, 34000]]);
    s.wb.user.deleteRows(HISTORY_SHEET, 3, 2);
    expect(history(s).filter((e) => e.target === "6")).toEqual([]);
    const before = history(s).length;
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:6", "p:6m"), "17500");
    await s.ops.recheck("6m");
    // 17.000 → 17.500 is not in the history (its old value unknown); nothing invented.
    expect(history(s).slice(before).filter((e) => e.target === "6")).toEqual([]);
  });

  test("Nạp kế hoạch with the pane closed meanwhile: the edits made outside are logged first, old and new, in the reload's syncs; the figures kept", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    await s.ops.recheck("6m");
    await watchedType(s, s.ops, "6m", [["3", "300"]]);
    // A reload with nothing changed outside: its syncs, the count the reload must keep.
    const plain = reopened(s, () => "2024-07-15T08:00:00.000Z");
    await plain.readState();
    const syncs = await syncsOf(s.wb, () => plain.loadPlan(plan, PERIODS, yes));
    expect(syncs).toBe(3);
    expect(history(s).filter((e) => e.action === "outside")).toEqual([]);
    // The pane closed: 3 changed from 300, 4 typed where the history knows nothing.
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:3", "p:6m"), "320");
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:4", "p:6m"), "450");

    const again = reopened(s, () => "2024-07-16T08:00:00.000Z");
    await again.readState();
    expect(await syncsOf(s.wb, () => again.loadPlan(plan, PERIODS, yes))).toBe(syncs);
    const outside = history(s).filter((e) => e.action === "outside");
    expect(outside.map((e) => [e.target, e.key, e.old, e.new, e.at])).toEqual([
      ["3", "p:6m", 300, 320, "2024-07-16T08:00:00.000Z"],
      ["4", "p:6m", null, 450, "2024-07-16T08:00:00.000Z"],
    ]);
    expect(outside[0]).toMatchObject({ period: "6m", cell: cellOf(s.wb, SHEET, "t:3", "p:6m"), name: plan.targets.find((t) => t.no === "3")?.name });
    // The figures are kept by the reload, and judged.
    expect(s.wb.user.cell(SHEET, cellOf(s.wb, SHEET, "t:3", "p:6m")).value).toBe(320);
    expect(s.wb.user.cell(SHEET, cellOf(s.wb, SHEET, "t:4", "p:6m")).value).toBe(450);
    // Not logged twice: the reload's fingerprints are the rows as they are now.
    await again.recheck("6m");
    await again.loadPlan(plan, PERIODS, yes);
    expect(history(s).filter((e) => e.action === "outside")).toHaveLength(2);
  });

  test("Tạo báo cáo made twice keeps its marks: the second compares with the report before the change", async () => {
    let minute = 0;
    const clock = () => new Date(Date.UTC(2024, 6, 15, 1, minute++)).toISOString();
    const s = setup({}, { now: clock });
    await s.ops.loadPlan(plan, PERIODS, yes);
    await s.ops.recheck("6m");
    await watchedType(s, s.ops, "6m", [["3", "300"]]);
    await s.ops.buildReport("6m", false);
    await watchedType(s, s.ops, "6m", [["3", "320"]]);
    const marked = () => s.wb.user.grid("Báo cáo", "A1:H60").flat().map(String);
    const name3 = `${plan.targets.find((t) => t.no === "3")?.name} (*)`;
    await s.ops.buildReport("6m", false);
    const first = marked().find((c) => c.startsWith("(*) "));
    expect(marked()).toContain(name3);
    // Made again with no figure changed since: the same marks and footnote, not a report compared with itself.
    await s.ops.buildReport("6m", false);
    expect(marked()).toContain(name3);
    expect(marked().find((c) => c.startsWith("(*) "))).toBe(first);
  });
});
