/** The pure merge of returned books (src/core/collect.ts): conflicts, roll-ups, sources, nothing overwritten. */
import { type CurrentBook, type ReturnedBook, mergeReturned, sameValue } from "../../src/core/collect";
import { classifyHeader } from "../../src/core/read-table";
import { cyclePlan } from "./fill";

const empty = (): CurrentBook => ({ figures: new Map(), explanations: new Map(), tasks: new Map() });
const book = (recipient: string, over: Partial<ReturnedBook> = {}): ReturnedBook => ({
  recipient, commune: false, file: `${recipient}.xlsx`, received: "2024-06-18", figures: [], explanations: [], tasks: [], ...over,
});

describe("mergeReturned", () => {
  const plan = cyclePlan();
  test("one value fills an empty cell; the same value twice is no conflict", () => {
    const r = mergeReturned(plan, [book("A", { figures: [{ target: "1", value: 12000 }] }), book("B", { figures: [{ target: "1", value: "12.000" }] })], empty());
    expect(r.figures).toEqual([{ target: "1", value: 12000 }]);
    expect(r.conflicts).toEqual([]);
    expect(r.sources.map((s) => [s.recipient, s.note])).toEqual([["A", "merged"], ["B", "merged"]]);
  });
  test("two books giving different values: a conflict with both, nothing written", () => {
    const r = mergeReturned(plan, [book("A", { figures: [{ target: "1", value: 12000 }] }), book("B", { figures: [{ target: "1", value: 13000 }] })], empty());
    expect(r.figures).toEqual([]);
    expect(r.conflicts).toEqual([{ kind: "figure", row: "1", current: null, values: [{ value: 12000, recipient: "A", file: "A.xlsx" }, { value: 13000, recipient: "B", file: "B.xlsx" }] }]);
  });
  test("a value already in the plan book that differs is a conflict; one that agrees changes nothing", () => {
    const cur = empty();
    (cur.figures as Map<string, string | number>).set("1", 11000).set("8", 900);
    const r = mergeReturned(plan, [book("A", { figures: [{ target: "1", value: 12000 }, { target: "8", value: 900 }] })], cur);
    expect(r.figures).toEqual([]);
    expect(r.conflicts.map((c) => [c.row, c.current])).toEqual([["1", 11000]]);
  });
  test("communes roll up by sum; an office's total that differs is flagged and is a conflict", () => {
    const communes = [book("Xã Bình Hải", { commune: true, figures: [{ target: "5", value: 15000 }] }), book("Xã Bình Trị", { commune: true, figures: [{ target: "5", value: "20.000" }] })];
    const alone = mergeReturned(plan, communes, empty());
    expect(alone.figures).toEqual([{ target: "5", value: 35000 }]);
    expect(alone.rollups).toEqual([{ target: "5", sum: 35000, communes: 2, differs: null }]);
    const withOffice = mergeReturned(plan, [...communes, book("Phòng NN", { figures: [{ target: "5", value: 40000 }] })], empty());
    expect(withOffice.rollups[0].differs).toMatchObject({ value: 40000, recipient: "Phòng NN" });
    expect(withOffice.conflicts.map((c) => c.row)).toEqual(["5"]);
    // A commune that sent its book twice counts once.
    const twice = mergeReturned(plan, [...communes, { ...communes[0], file: "again.xlsx" }], empty());
    expect([twice.figures, twice.rollups[0].communes]).toEqual([[{ target: "5", value: 35000 }], 2]);
    // rollup "none": the communes' figures are kept apart, never summed into the unit's.
    const apart = mergeReturned(plan, [book("Xã Bình Hải", { commune: true, figures: [{ target: "15", value: 90 }] })], empty());
    expect([apart.figures, apart.rollups, apart.sources.map((s) => s.note)]).toEqual([[], [], ["kept-apart"]]);
  });
  test("task statuses are read as the check reads them; results of several senders are joined", () => {
    const r = mergeReturned(plan, [
      book("A", { tasks: [{ code: "2.3", status: "HT", result: "xong phần A" }] }),
      book("B", { tasks: [{ code: "2.3", status: "Hoàn thành", result: "xong phần B" }] }),
    ], empty());
    expect(r.tasks).toEqual([{ code: "2.3", status: "Hoàn thành", result: "A: xong phần A\nB: xong phần B" }]);
    const c = mergeReturned(plan, [book("A", { tasks: [{ code: "2.3", status: "Hoàn thành", result: null }] }), book("B", { tasks: [{ code: "2.3", status: "Đang thực hiện", result: null }] })], empty());
    expect(c.conflicts.map((x) => [x.kind, x.row])).toEqual([["task-status", "2.3"]]);
  });
  test("values compare as numbers read the vi-VN way, else as text", () => {
    expect([sameValue(1600, "1.600"), sameValue("2,5", 2.5), sameValue("Hoàn thành", "hoàn thành"), sameValue(1, 2)]).toEqual([true, true, true, false]);
  });
  test("a Giải trình header is the explanation column, not an unknown one", () => {
    expect(classifyHeader("Giải trình")?.role).toBe("explanation");
  });
});
