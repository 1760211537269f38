/** The history model (src/core/history.ts), its sheet rows (src/layout/sheets/history.ts) and the diff of two readings (src/layout/history.ts). */
import { type HistoryEntry, historySet, lastUndoable, newHistoryId, planUndo, revisedSince, rowHistory, sameHistoryValue, undoEntries } from "../../src/core/history";
import { cellChanges, changeEntries } from "../../src/layout/history";
import { HISTORY_HEADER, historyRow, readHistory } from "../../src/layout/sheets/history";
import { HISTORY_ACTION_LABELS, historyActionText } from "../../src/core/messages/labels";
import { defaultPlan } from "../../src/seeds";

let n = 0;
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: `id${++n}`, at: "2024-07-01T00:00:00.000Z", action: "typed", batch: `b${n}`, period: "6m", target: "3", name: "x",
  key: "p:6m", row: "t:3", sheet: "Chỉ tiêu", cell: "F9", old: null, new: 1, mark: "Ước", source: "", ...over,
});

describe("history entries", () => {
  test("ids are random and distinct", () => {
    const ids = new Set(Array.from({ length: 500 }, () => newHistoryId()));
    expect(ids.size).toBe(500);
    expect([...ids][0]).toMatch(/^[0-9a-z]{12}$/);
  });
  test("a row written by two co-authors, or copied twice, counts once; rows are taken in time order", () => {
    const a = entry({ at: "2024-07-02T00:00:00.000Z" });
    const b = entry({ at: "2024-07-01T00:00:00.000Z" });
    expect(historySet([a, b, a]).map((e) => e.id)).toEqual([b.id, a.id]);
  });
  test("values compare as numbers the vi-VN way, text NFC-trimmed, empty as nothing", () => {
    expect([sameHistoryValue(1600, "1.600"), sameHistoryValue("", null), sameHistoryValue("Hoa\u0300", "Hoà "), sameHistoryValue(1, 2)]).toEqual([true, true, true, false]);
  });
  test("a row goes into the sheet and back unchanged, numbers as numbers", () => {
    const e = entry({ old: "7-8", new: 12.5, source: "=SUM(A1)" });
    const grid = [HISTORY_HEADER as unknown[], historyRow(e), ["ghi chú của cán bộ"]];
    expect(readHistory(grid)).toEqual([e]);
    expect(readHistory([["Thời gian"], []])).toBeNull();
  });
});

describe("Hoàn tác from the history", () => {
  const fixA = [entry({ action: "fix", batch: "A", cell: "F9", old: 1.72, new: 1720 }), entry({ action: "fix", batch: "A", target: "9", row: "t:9", cell: "F10", old: 0.52, new: 52 })];
  const typed = entry({ at: "2024-07-02T00:00:00.000Z", batch: "T" });
  const fixB = entry({ action: "fix", batch: "B", at: "2024-07-03T00:00:00.000Z", target: "4", row: "t:4", cell: "F8", old: "650,2", new: 650.2 });
  test("the last fix not yet undone, one step at a time; typed figures are not undone", () => {
    expect(lastUndoable([...fixA, typed, fixB])?.batch).toBe("B");
    const undoB = entry({ action: "undo", source: "B", at: "2024-07-04T00:00:00.000Z" });
    expect(lastUndoable([...fixA, typed, fixB, undoB])?.batch).toBe("A");
    const undoA = entry({ action: "undo", source: "A", at: "2024-07-05T00:00:00.000Z" });
    expect(lastUndoable([...fixA, typed, fixB, undoB, undoA])).toBeNull();
  });
  test("a cell changed since the fix is skipped, never overwritten; a cell gone is missing", () => {
    const step = lastUndoable(fixA)!;
    const now = new Map([["t:3", 1720], ["t:9", 60]]);
    const p = planUndo(step, (e) => (now.has(e.row!) ? { sheet: e.sheet, cell: e.cell, value: now.get(e.row!)! } : null));
    expect(p.writes.map((w) => [w.cell, w.value])).toEqual([["F9", 1.72]]);
    expect(p.skipped.map((s) => [s.entry.target, s.reason, s.now])).toEqual([["9", "changed", 60]]);
    const gone = planUndo(step, () => null);
    expect(gone.skipped.map((s) => s.reason)).toEqual(["missing", "missing"]);
    const u = undoEntries(p, "2024-07-06T00:00:00.000Z");
    expect(u.map((e) => [e.action, e.old, e.new, e.source])).toEqual([["undo", 1720, 1.72, "A"]]);
  });
  test("a reload's plan values are the loaded plan's: skipped with the reason plan", () => {
    const step = lastUndoable([entry({ action: "reload", batch: "R", key: "plan", period: null, old: "khoảng 25.224", new: "khoảng 25.242" })])!;
    expect(planUndo(step, (e) => ({ sheet: e.sheet, cell: e.cell, value: e.new })).skipped.map((s) => s.reason)).toEqual(["plan"]);
  });
});

describe("how a change reads (the sheet's action column, the pane's Vì sao?)", () => {
  test("every action has its words; an override says its reason, a collection its book, an undo no machine id", () => {
    expect(Object.keys(HISTORY_ACTION_LABELS).sort()).toEqual(["collect", "fix", "merge", "outside", "override", "previous", "reload", "typed", "undo"]);
    expect(historyActionText("override", " Chờ số liệu chính thức ")).toBe("điều chỉnh đánh giá, lý do: Chờ số liệu chính thức");
    expect(historyActionText("collect", "Phòng Y tế — phong-y-te.xlsx")).toBe("tổng hợp từ phiếu (Phòng Y tế — phong-y-te.xlsx)");
    expect(historyActionText("undo", "k3j9x0a1b2c3")).toBe("hoàn tác");
    expect(historyActionText("typed", "")).toBe("nhập số liệu");
    expect(historyActionText("outside", "")).toBe("sửa ngoài add-in");
    expect(historyActionText("previous", "2023.xlsx")).toBe("lấy số liệu năm trước (2023.xlsx)");
  });
});

describe("what a report marks as revised", () => {
  test("a figure changed after the last report, not a first figure, not another period", () => {
    const h = [
      entry({ target: "3", old: null, new: 100, at: "2024-07-01T00:00:00.000Z" }),
      entry({ target: "3", old: 100, new: 110, at: "2024-07-10T00:00:00.000Z" }),
      entry({ target: "4", old: null, new: 5, at: "2024-07-10T00:00:00.000Z" }),
      entry({ target: "5", old: 1, new: 2, at: "2024-07-10T00:00:00.000Z", period: "9m", key: "p:9m" }),
      entry({ target: "6", old: 1, new: 2, at: "2024-07-02T00:00:00.000Z" }),
    ];
    expect([...revisedSince(h, "6m", "2024-07-05T00:00:00.000Z")]).toEqual(["3"]);
    expect([...revisedSince(h, "6m", null)].sort()).toEqual(["3", "6"]);
    expect(rowHistory(h, "3").map((e) => e.new)).toEqual([110, 100]);
  });
});

describe("changes between two readings of the targets sheet", () => {
  const plan = defaultPlan();
  const cols = [{ key: "no" }, { key: "p:6m" }, { key: "override" }, { key: "note" }, { key: "id" }];
  const grid = (rows: [string | null, unknown[]][]) => ({ columns: cols, rows: rows.map(([id, values]) => ({ id, values: values as (string | number | null)[] })) });
  test("by row identity and column key: a sorted sheet is no change; notes are not figures", () => {
    const before = grid([[null, ["TT", "Ước", null, null, null]], ["t:3", ["3", 100, null, "a", "t:3"]], ["t:4", ["4", 5, null, null, "t:4"]]]);
    const after = grid([[null, ["TT", "Chính thức", null, null, null]], ["t:4", ["4", 5, null, "b", "t:4"]], ["t:3", ["3", 120, "Đạt", "a", "t:3"]]]);
    const ch = cellChanges(before, after);
    expect(ch.map((c) => [c.row, c.key, c.old, c.new, c.at.row])).toEqual([["t:3", "p:6m", 100, 120, 2], ["t:3", "override", null, "Đạt", 2]]);
    const e = changeEntries(ch, { plan, sheet: "Chỉ tiêu", after, at: "t", batch: "b" });
    expect(e.map((x) => [x.action, x.period, x.mark, x.cell])).toEqual([["typed", "6m", "Chính thức", "B3"], ["override", null, null, "C3"]]);
    expect(e[0].name).toBe(plan.targets.find((t) => t.no === "3")!.name);
  });
});
