/**
 * "Hoàn tác" (issue 15 point 4) through the Office.js host on the strict Excel: the last fix or reload
 * is undone from the book's history, also by a pane opened afresh, one step at a time, never writing
 * over a value typed since, logged itself as hoàn tác; the rows are judged again in the same request.
 */
import type { FixToApply, WorkbookCheck } from "../../src/contract/operations";
import type { Plan } from "../../src/core/plan";
import { createExcelOperations } from "../../src/hosts/excel/host";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { defaultPlan } from "../../src/seeds";
import { bigPlan } from "./big-plan";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
type S = ReturnType<typeof setup>;

const at = (s: S, no: string, key = "p:year") => s.wb.user.cell(SHEET, cellOf(s.wb, SHEET, `t:${no}`, key)).value;
const fixesOf = (r: WorkbookCheck): FixToApply[] => r.sheets.flatMap((x) => x.issues).flatMap((i) => (i.apply ? [i.apply] : []));
const history = (s: S) => (s.wb.user.sheetNames().includes(HISTORY_SHEET) ? (readHistory(s.wb.user.grid(HISTORY_SHEET, "A1:O300")) ?? []) : []);
/** A second pane on the same workbook, as after closing the pane and opening it again. */
const reopened = (s: S) => createExcelOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), now: () => "2024-07-16T09:00:00.000Z", newContext: null });

async function slips(): Promise<S> {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:8", "p:year"), "1.720");
  s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:9", "p:year"), "52%");
  await s.ops.recheck("year");
  return s;
}

describe("Hoàn tác", () => {
  test("undoes Sửa tất cả: both cells back, the rows judged again, logged as hoàn tác; nothing left to undo", async () => {
    const s = await slips();
    expect(await s.ops.lastUndo()).toBeNull();
    await s.ops.applyFixes(fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === SHEET));
    expect([at(s, "8"), at(s, "9")]).toEqual([1720, 52]);
    expect(await s.ops.lastUndo()).toMatchObject({ action: "fix", cells: 2 });
    let r: Awaited<ReturnType<typeof s.ops.undoLast>> | null = null;
    const syncs = await syncsOf(s.wb, async () => void (r = await s.ops.undoLast()));
    expect(syncs).toBe(3);
    const out = r as unknown as Awaited<ReturnType<typeof s.ops.undoLast>>;
    expect(out.restored).toHaveLength(2);
    expect(out.skipped).toEqual([]);
    expect([at(s, "8"), at(s, "9")]).toEqual([1.72, 0.52]);
    expect(at(s, "8", "status")).toBe("Cần xem lại");
    expect(out.summary?.counts.xemLai).toBe(2);
    expect(out.next).toBeNull();
    expect(await s.ops.lastUndo()).toBeNull();
    const undo = history(s).filter((e) => e.action === "undo");
    expect(undo.map((e) => [e.target, e.old, e.new])).toEqual([["8", 1720, 1.72], ["9", 52, 0.52]]);
    expect(new Set(undo.map((e) => e.source)).size).toBe(1);
    expect((await s.ops.undoLast()).step).toBeNull();
  });

  test("a value typed after the fix is never overwritten: that cell is named with what it holds, the other is undone", async () => {
    const s = await slips();
    await s.ops.applyFixes(fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === SHEET));
    s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:8", "p:year"), "1730");
    const r = await s.ops.undoLast();
    expect(at(s, "8")).toBe(1730);
    expect(at(s, "9")).toBe(0.52);
    expect(r.skipped).toEqual([{ sheet: SHEET, cell: cellOf(s.wb, SHEET, "t:8", "p:year"), target: "8", reason: "changed", now: 1730 }]);
  });

  test("after the pane was closed and opened again, and after rows were sorted, one step at a time", async () => {
    const s = await slips();
    const fixes = fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === SHEET);
    await s.ops.applyFixes(fixes.filter((f) => f.cell === cellOf(s.wb, SHEET, "t:8", "p:year")));
    await s.ops.applyFixes(fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === SHEET));
    expect([at(s, "8"), at(s, "9")]).toEqual([1720, 52]);
    const before = cellOf(s.wb, SHEET, "t:8", "p:year");
    s.wb.user.sortRows(SHEET, 8, 27, "B", false);
    expect(cellOf(s.wb, SHEET, "t:8", "p:year")).not.toBe(before);
    const again = reopened(s);
    expect(await again.lastUndo()).toMatchObject({ action: "fix", cells: 1 });
    const first = await again.undoLast();
    expect([at(s, "8"), at(s, "9")]).toEqual([1720, 0.52]);
    expect(first.next).toMatchObject({ action: "fix", cells: 1 });
    await again.undoLast();
    expect([at(s, "8"), at(s, "9")]).toEqual([1.72, 0.52]);
    expect(await again.lastUndo()).toBeNull();
  });

  test("a fix on a colleague's sheet is undone by its address; text comes back as text", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    const OTHER = "Phòng Kinh tế";
    s.wb.user.addSheet(OTHER);
    s.wb.user.type(OTHER, "A1", "TT");
    s.wb.user.type(OTHER, "B1", "Chỉ tiêu");
    s.wb.user.type(OTHER, "C1", "Ước TH năm 2024");
    const t3 = plan.targets.find((t) => t.no === "3")!;
    s.wb.user.type(OTHER, "A2", "3");
    s.wb.user.type(OTHER, "B2", t3.name);
    s.wb.user.type(OTHER, "C2", "'650,2");
    const fixes = fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === OTHER);
    expect(fixes.map((f) => [f.cell, f.value])).toEqual([["C2", 650.2]]);
    await s.ops.applyFixes(fixes);
    expect(s.wb.user.cell(OTHER, "C2").value).toBe(650.2);
    const h = history(s).filter((e) => e.action === "fix");
    expect(h.map((e) => [e.sheet, e.cell, e.target, e.old, e.new])).toEqual([[OTHER, "C2", "3", "650,2", 650.2]]);
    const r = await s.ops.undoLast();
    expect(r.restored).toEqual([{ sheet: OTHER, cell: "C2" }]);
    expect(s.wb.user.cell(OTHER, "C2").value).toBe("650,2");
  });

  test("a reload's plan values are not undone: said so, pointing to the plan", async () => {
    const s = setup();
    await s.ops.loadPlan(plan, PERIODS, yes);
    const changed: Plan = { ...plan, targets: plan.targets.map((t) => (t.no === "1" ? { ...t, target: "khoảng 25.242" } : t)) };
    await s.ops.loadPlan(changed, PERIODS, yes);
    expect(await s.ops.lastUndo()).toMatchObject({ action: "reload", cells: 1 });
    const r = await s.ops.undoLast();
    expect(r.restored).toEqual([]);
    expect(r.skipped.map((x) => [x.target, x.reason])).toEqual([["1", "plan"]]);
    expect(String(at(s, "1", "plan"))).toContain("25.242");
  });

  test("a row's last changes, latest first, for Vì sao?", async () => {
    const s = await slips();
    await s.ops.applyFixes(fixesOf(await s.ops.checkWorkbook({ mark: false })).filter((f) => f.sheet === SHEET));
    await s.ops.undoLast();
    const changes = await s.ops.rowChanges("8");
    // 1.720 was typed with no pane watching: found at the recheck by the row's fingerprint, sửa ngoài add-in.
    expect(changes.map((c) => [c.action, c.kind, c.old, c.new])).toEqual([
      ["hoàn tác", "undo", 1720, 1.72], ["sửa theo kiểm tra", "fix", 1.72, 1720], ["sửa ngoài add-in", "outside", null, 1.72],
    ]);
    expect(await s.ops.rowChanges("20")).toEqual([]);
  });

  test("a row's last changes take two requests, whatever the plan's size and the history's length", async () => {
    const syncs: number[] = [];
    for (const size of [20, 500]) {
      const s = setup();
      await s.ops.loadPlan(size === 20 ? plan : bigPlan(500, 50), PERIODS, yes);
      await s.ops.recheck("year");
      // Typed while the pane watches: each figure is a row of the history.
      const stop = await s.ops.watch("year", () => undefined);
      for (let i = 1; i <= 6; i++) {
        s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${i}`, "p:year"), String(100 * i));
        for (let n = 0; n < 400 && history(s).length < i; n++) await new Promise((r) => setTimeout(r, 5));
        await s.wb.settle();
      }
      await stop();
      expect(history(s)).toHaveLength(6);
      let changes: Awaited<ReturnType<typeof s.ops.rowChanges>> = [];
      syncs.push(await syncsOf(s.wb, async () => (changes = await s.ops.rowChanges("3", 3))));
      expect(changes.map((c) => [c.kind, c.new])).toEqual([["typed", 300]]);
    }
    expect(syncs).toEqual([2, 2]);
  });
});
