// Rows whose inputs changed since they were last judged (issue 16): the fingerprints of each row's inputs
// kept in the book's record, and the rows judged again from them — on opening, when the pane comes back into
// view (catch-up), when the targets sheet is activated, and with a co-author's (Remote) edit — on the strict
// Excel, in as many requests as before.
import { type HostOptions, type RowsChangedEvent, createExcelOperations } from "../../src/hosts/excel/host";
import { JUDGED_KEY, RECORD_SHEET, decodeRecord, recordJudged } from "../../src/layout/sheets/record";
import type { Plan } from "../../src/core/plan";
import { builtInPlan, defaultPlan } from "../../src/seeds";
import type { StrictWorkbook } from "../../src/testing/strict-excel";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const SHEET = "Chỉ tiêu";
const PERIODS = ["6m", "9m", "year"];
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean): Promise<void> {
  for (let t = 0; t < 250 && !cond(); t++) await pause(20);
}

/** A book with the plan loaded, the pane closed afterwards. */
async function loadedBook() {
  const s = setup();
  await s.ops.loadPlan(plan, PERIODS, yes);
  return s;
}

/** The pane opened again on the same workbook (a new host, as a reopened pane makes), telling its changed rows. */
function reopen(wb: StrictWorkbook, run: ReturnType<typeof setup>["run"], extra: HostOptions = {}) {
  const events: RowsChangedEvent[] = [];
  const ops = createExcelOperations(run, {
    isSetSupported: (name, version) => wb.model.isSetSupported(name, version),
    debounceMs: 5,
    newContext: null,
    onRowsChanged: (e) => events.push(e),
    ...extra,
  });
  return { ops, events };
}

const status = (wb: StrictWorkbook, no: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${no}`, "status")).value;
const judged = (wb: StrictWorkbook) => recordJudged(decodeRecord(wb.user.grid(RECORD_SHEET)));

describe("the fingerprints of the rows as last judged", () => {
  test("a load records every row's fingerprint on the record's first row; a recheck then finds nothing changed and writes nothing", async () => {
    const { wb, run } = await loadedBook();
    expect(wb.user.grid(RECORD_SHEET)[1][0]).toBe(JUDGED_KEY);
    const kept = judged(wb);
    expect(Object.keys(kept ?? {})).toContain("t:1");
    expect(Object.keys(kept ?? {})).toContain("tn:deaths:cur");
    const pane = reopen(wb, run);
    await pane.ops.readState();
    expect(await syncsOf(wb, () => pane.ops.recheck("year"))).toBe(1);
    expect(pane.events).toEqual([]);
  });

  test("rows typed while the pane was closed are the rows changed since last judged: the opening recheck judges them and names them, once", async () => {
    const { wb, run } = await loadedBook();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:8", "p:6m"), "900");
    const pane = reopen(wb, run);
    await pane.ops.readState();
    expect(await syncsOf(wb, () => pane.ops.recheck("year"))).toBe(2);
    expect(status(wb, "1")).toBe("Đạt (vượt)");
    expect(pane.events).toEqual([{ period: "year", sheet: SHEET, when: "recheck", ids: ["t:1", "t:8"] }]);
    // Recorded as judged: the next opening finds nothing new.
    const again = reopen(wb, run);
    await again.ops.readState();
    await again.ops.recheck("year");
    expect(again.events).toEqual([]);
  });

  test("catch-up judges only the rows whose inputs changed: a status cell edited by hand elsewhere is left to the full recheck", async () => {
    const { wb, run } = await loadedBook();
    const pane = reopen(wb, run);
    await pane.ops.readState();
    // Not an input: the catch-up does not look at row 5, whose figure did not change.
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:5", "status"), "Đạt");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "800");
    expect(await syncsOf(wb, () => pane.ops.catchUp("year"))).toBe(2);
    expect(status(wb, "4")).toBe("Không đạt");
    expect(status(wb, "5")).toBe("Đạt");
    expect(pane.events.map((e) => [e.when, e.ids])).toEqual([["catch-up", ["t:4"]]]);
    expect(await syncsOf(wb, () => pane.ops.catchUp("year"))).toBe(1);
    await pane.ops.recheck("year");
    expect(status(wb, "5")).toBe("Chưa có số liệu");
  });

  test("sub-rows typed while the pane was closed are judged by the catch-up, in another plan too", async () => {
    const s = setup();
    await s.ops.loadPlan(builtInPlan("binh-son-2023") as Plan, PERIODS, yes);
    const pane = reopen(s.wb, s.run);
    await pane.ops.readState();
    for (const [no, v] of [["1.1", "3000"], ["1.2", "7000"]]) s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:year"), v);
    await pane.ops.catchUp("year");
    expect(pane.events.map((e) => e.ids)).toEqual([["t:1.1", "t:1.2"]]);
    expect([status(s.wb, "1.1"), status(s.wb, "1.2")]).toEqual(["Đạt (vượt)", "Không đạt"]);
  });

  test("a book whose record keeps no fingerprints is judged whole and names no row (nothing is guessed)", async () => {
    const { wb, run } = await loadedBook();
    wb.user.type(RECORD_SHEET, "B2", "null");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    const pane = reopen(wb, run);
    await pane.ops.readState();
    await pane.ops.catchUp("year");
    expect(status(wb, "1")).toBe("Đạt (vượt)");
    expect(pane.events).toEqual([]);
    // From now on they are kept.
    expect(judged(wb)?.["t:1"]).toBeDefined();
  });

  test("activating the targets sheet judges the rows changed while no event reached the pane", async () => {
    const { wb, run } = await loadedBook();
    const other = wb.user.addSheet("Ghi chép");
    const pane = reopen(wb, run);
    await pane.ops.readState();
    const stop = await pane.ops.watch("year", () => undefined);
    // Typed while the pane was not listening (its watch stopped and started again, as a reload of the pane does).
    await stop();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "800");
    const stop2 = await pane.ops.watch("year", () => undefined);
    expect(status(wb, "4")).toBe("Chưa có số liệu");
    wb.user.activate(other);
    wb.counters.reset();
    wb.user.activate(SHEET);
    await until(() => status(wb, "4") === "Không đạt");
    await wb.settle();
    expect(status(wb, "4")).toBe("Không đạt");
    expect(wb.counters.syncs).toBe(2);
    expect(pane.events.map((e) => [e.when, e.ids])).toEqual([["live", ["t:4"]]]);
    await stop2();
  });

  test("a co-author's edit (Remote) judges its row and every row changed since last judged, in one read and one write", async () => {
    const { wb, run } = await loadedBook();
    const pane = reopen(wb, run);
    await pane.ops.readState();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "800");
    const stop = await pane.ops.watch("year", () => undefined);
    wb.counters.reset();
    wb.user.remoteEdit(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    await until(() => status(wb, "1") === "Đạt (vượt)" && status(wb, "4") === "Không đạt");
    await wb.settle();
    expect([status(wb, "1"), status(wb, "4")]).toEqual(["Đạt (vượt)", "Không đạt"]);
    expect(wb.counters.syncs).toBe(2);
    expect(pane.events.map((e) => [e.when, e.ids])).toEqual([["live", ["t:4"]]]);
    // Both recorded: a catch-up now has nothing to do.
    expect(await syncsOf(wb, () => pane.ops.catchUp("year"))).toBe(1);
    await stop();
  });

  test("a protected record sheet is left alone: the statuses are still written and the fingerprints not", async () => {
    const { wb, run } = await loadedBook();
    const before = judged(wb);
    wb.user.protect(RECORD_SHEET);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    const pane = reopen(wb, run);
    await pane.ops.readState();
    await pane.ops.recheck("year");
    expect(status(wb, "1")).toBe("Đạt (vượt)");
    expect(judged(wb)).toEqual(before);
  });
});

test("strict Excel: onActivated of a sheet and of the collection is raised when the active sheet changes, by a click or activate()", async () => {
  const s = setup({ sheets: ["A", "B"] });
  const seen: string[] = [];
  await s.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("B").onActivated.add(async (e) => void seen.push(`B:${e.type}`));
    ctx.workbook.worksheets.onActivated.add(async (e) => void seen.push(`any:${e.worksheetId}`));
    await ctx.sync();
  });
  const b = s.wb.user.sheetInfo("B") as { id: string };
  s.wb.user.activate("B");
  s.wb.user.activate("B"); // already active: no event
  await s.wb.settle();
  expect(seen).toEqual(["B:WorksheetActivated", `any:${b.id}`]);
  await s.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("A").activate();
    await ctx.sync();
  });
  await s.wb.settle();
  expect(seen).toHaveLength(3);
});
