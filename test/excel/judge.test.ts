import { createExcelOperations } from "../../src/hosts/excel/host";
import { defaultPlan } from "../../src/seeds";
import { asExcelContext } from "../../src/testing/strict-excel";
import type { CheckSummary } from "../../src/contract/operations";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects summaries and lets a test wait for the next one. */
function listener() {
  const seen: CheckSummary[] = [];
  let wake: (() => void) | null = null;
  return {
    seen,
    on: (s: CheckSummary) => {
      seen.push(s);
      wake?.();
    },
    next: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no summary #${count}`)), 2000);
        const check = () => {
          if (seen.length >= count) {
            clearTimeout(t);
            resolve();
          } else wake = check;
        };
        check();
      }),
  };
}

async function loaded(opts: Parameters<typeof setup>[0] = {}) {
  const s = setup(opts);
  await s.ops.loadPlan(plan, PERIODS, yes);
  return s;
}

describe("judging the figures in the workbook", () => {
  test("recheck: one read and one write, status, percent and reason written, summary over main targets", async () => {
    const { wb, ops } = await loaded();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:year"), "700");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "800");
    let summary: CheckSummary | null = null;
    expect(await syncsOf(wb, async () => void (summary = await ops.recheck("year")))).toBe(2);
    const at = (id: string, key: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, id, key)).value;
    expect(at("t:3", "status")).toBe("Đạt (vượt)");
    expect(at("t:4", "status")).toBe("Không đạt");
    expect(at("t:4", "percent")).toBeCloseTo(87.19, 1);
    expect(String(at("t:4", "reason"))).not.toBe("");
    expect(summary).toMatchObject({ period: "year", counts: { vuot: 1, dat: 0, khongDat: 1, thieuSoLieu: 18 } });
    const item = (summary as unknown as CheckSummary).items.find((i) => i.no === "4");
    expect(item).toMatchObject({ status: "khong-dat", sheet: SHEET, cell: cellOf(wb, SHEET, "t:4", "p:year") });
    // Nothing changed since: nothing to write, one read.
    expect(await syncsOf(wb, () => ops.recheck("year"))).toBe(1);
  });

  test("recheck on a sheet protected since the load refuses before writing and says why", async () => {
    const { wb, ops } = await loaded();
    const cell = cellOf(wb, SHEET, "t:3", "p:year");
    wb.user.type(SHEET, cell, "700");
    wb.user.protect(SHEET);
    const before = wb.user.grid(SHEET);
    await expect(ops.recheck("year")).rejects.toThrow(/"Chỉ tiêu".*bảo vệ/);
    expect(wb.user.grid(SHEET)).toEqual(before);
  });

  test("live judgment on a sheet protected since: counted, nothing written, the rows named stale with the sheet; judged once unprotected", async () => {
    const { wb, ops } = await loaded();
    const l = listener();
    const stale: unknown[] = [];
    const stop = await ops.watch("year", l.on, (st) => stale.push(st));
    wb.user.protect(SHEET);
    const figure = cellOf(wb, SHEET, "t:4", "p:year");
    wb.user.type(SHEET, figure, "950");
    const typed = wb.user.grid(SHEET);
    await l.next(1);
    await wb.settle();
    expect(l.seen[0].counts).toMatchObject({ vuot: 1, thieuSoLieu: 19 });
    for (let i = 0; i < 50 && !stale.length; i++) await pause(10);
    expect(stale).toEqual([{ period: "year", targets: ["4"], protectedSheet: SHEET }]);
    expect(wb.user.grid(SHEET)).toEqual(typed);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).not.toBe("Đạt (vượt)");
    wb.user.unprotect(SHEET);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:year"), "700");
    await l.next(2);
    await wb.settle();
    for (let i = 0; i < 50 && stale.length < 2; i++) await pause(10);
    expect(stale[1]).toBeNull();
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Đạt (vượt)");
    await stop();
  });

  test("recheck of another period judges its column and renames the judgement header", async () => {
    const { wb, ops } = await loaded();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:6m"), "300");
    const s = await ops.recheck("6m");
    expect(s.period).toBe("6m");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "status")).value).toBe("Dự kiến không đạt");
    expect(wb.user.cell(SHEET, "K5").value).toBe("Đánh giá theo số liệu 6 tháng");
    expect(JSON.parse(wb.user.settings()["ktxh.meta"] as string)).toMatchObject({ statusPeriod: "6m" });
    await expect(ops.recheck("q1")).rejects.toThrow(/Quý|q1|kỳ/);
  });

  test("live judgment: a typed figure updates its row in one read and one write; our writes do not trigger, co-authors' edits do", async () => {
    const { wb, ops } = await loaded();
    const l = listener();
    const stop = await ops.watch("year", l.on);
    wb.counters.reset();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "950");
    await l.next(1);
    await wb.settle();
    expect(wb.counters.syncs).toBe(2);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Đạt (vượt)");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "percent")).value).toBeCloseTo(103.5, 1);
    expect(l.seen[0].counts).toMatchObject({ vuot: 1, thieuSoLieu: 19 });
    // The add-in's own write raised an event too: it must not start another round.
    await pause(40);
    await wb.settle();
    expect(l.seen).toHaveLength(1);
    expect(wb.counters.syncs).toBe(2);

    // A co-author (perhaps without the add-in) types a figure: judged here, in one read and one write.
    wb.counters.reset();
    wb.user.remoteEdit(SHEET, cellOf(wb, SHEET, "t:3", "p:year"), "100");
    await pause(40);
    await wb.settle();
    expect(l.seen).toHaveLength(2);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "status")).value).not.toBe("Chưa có số liệu");
    expect(wb.counters.syncs).toBe(2);

    await stop();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:5", "p:year"), "80000");
    await pause(40);
    await wb.settle();
    expect(l.seen).toHaveLength(2);
  });

  test("live judgment in a free-standing context (new Excel.RequestContext()) is removed through that context", async () => {
    const { wb, run } = setup();
    const ops = createExcelOperations(run, {
      isSetSupported: (n, v) => wb.model.isSetSupported(n, v),
      debounceMs: 5,
      newContext: () => asExcelContext(wb.newContext()),
    });
    await ops.loadPlan(plan, PERIODS, yes);
    const l = listener();
    const stop = await ops.watch("year", l.on);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:7", "p:year"), "30");
    await l.next(1);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:7", "status")).value).toBe("Không đạt");
    await stop();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:7", "p:year"), "40");
    await pause(40);
    await wb.settle();
    expect(l.seen).toHaveLength(1);
  });

  test("traffic counts decide target 18, judged live", async () => {
    const { wb, ops } = await loaded();
    const l = listener();
    const stop = await ops.watch("year", l.on);
    const counts: [string, string][] = [
      ["tn:accidents:prev", "20"], ["tn:accidents:cur", "15"], ["tn:deaths:prev", "10"],
      ["tn:deaths:cur", "8"], ["tn:injuries:prev", "12"], ["tn:injuries:cur", "9"],
    ];
    for (const [id, v] of counts) wb.user.type(SHEET, cellOf(wb, SHEET, id, "p:year"), v);
    await l.next(1);
    await pause(30);
    await wb.settle();
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:18", "status")).value).toBe("Đạt");
    expect(l.seen[l.seen.length - 1].items.some((i) => i.no === "18")).toBe(false);
    await stop();
  });

  test("select takes the user to the figure cell", async () => {
    const { wb, ops } = await loaded();
    wb.user.addSheet("Ghi chép");
    await ops.select(SHEET, "G11");
    expect(wb.user.activeSheet()).toBe(SHEET);
    expect(wb.user.selection()).toMatch(/G11$/);
  });

  test("Excel without ExcelApi 1.9 and 1.14: no ApiNotFound, indents as spaces, a notice for each missing feature, live judgment still ignores its own writes", async () => {
    const { wb, ops } = setup({ requirements: { ExcelApi: "1.8" } });
    const r = await ops.loadPlan(plan, PERIODS, yes);
    expect("notices" in r && r.notices.map((n) => n.code)).toEqual([
      "excel.indent-spaces", "excel.page-layout-skipped", "excel.own-edits-by-address",
    ]);
    expect((await ops.readState()).notices).toHaveLength(3);
    const label = wb.user.cell(SHEET, cellOf(wb, SHEET, "tn:deaths:cur", "name"));
    expect(label.value).toMatch(/^ {4}Số người chết/);
    expect(label.indentLevel).toBe(0);
    expect(wb.user.sheetInfo(SHEET).pageLayout.orientation).not.toBe("Landscape");
    // A reload reads the indented label back and writes it once more, not with more spaces.
    await ops.loadPlan(plan, PERIODS, yes);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "tn:deaths:cur", "name")).value).toBe(label.value);

    const l = listener();
    const stop = await ops.watch("year", l.on);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "950");
    await l.next(1);
    await pause(40);
    await wb.settle();
    expect(l.seen).toHaveLength(1);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Đạt (vượt)");
    await stop();
    expect(wb.handlerErrors).toEqual([]);
  });
});
