// What a real Excel does that the strict Excel now models (issue 16): cell-edit mode, the Text format,
// cultures and typed dates; the host's answers to each.
import { defaultPlan } from "../../src/seeds";
import type { CheckSummary, CheckedIssue, StaleJudgement, WorkbookCheck } from "../../src/contract/operations";
import { cellOf, setup, snapshot } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (up to 5 s, on a busy machine) until `cond` holds. */
async function until(cond: () => boolean): Promise<void> {
  for (let t = 0; t < 250 && !cond(); t++) await pause(20);
}

const issuesOf = (c: WorkbookCheck): CheckedIssue[] => c.sheets.flatMap((s) => s.issues);

async function loaded(opts: Parameters<typeof setup>[0] = {}, host: Parameters<typeof setup>[1] = {}) {
  const s = setup(opts, host);
  await s.ops.loadPlan(plan, PERIODS, yes);
  return s;
}

describe("live judgement while the user is editing a cell", () => {
  test("a refused judgement is retried and lands once the user presses Enter", async () => {
    const { wb, ops } = await loaded({}, { retryDelaysMs: [30, 30, 30] });
    const seen: CheckSummary[] = [];
    const stale: (StaleJudgement | null)[] = [];
    const stop = await ops.watch("year", (s) => seen.push(s), (s) => stale.push(s));
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "950");
    wb.user.startEditing();
    // The first attempt is refused (the debounce is 5 ms, the first retry waits 30).
    await until(() => wb.counters.requests.some((r) => !r.ok));
    wb.user.finishEditing();
    await until(() => seen.length > 0);
    await wb.settle();
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Đạt (vượt)");
    expect(seen).toHaveLength(1);
    expect(stale).toEqual([]);
    await stop();
  });

  test("one still refused after the retries is reported stale, never dropped; the next edit judges it too", async () => {
    const { wb, ops } = await loaded({}, { retryDelaysMs: [5, 5] });
    const seen: CheckSummary[] = [];
    const stale: (StaleJudgement | null)[] = [];
    const stop = await ops.watch("year", (s) => seen.push(s), (s) => stale.push(s));
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:4", "p:year"), "950");
    wb.user.startEditing();
    await until(() => stale.length > 0);
    await wb.settle();
    expect(stale).toEqual([{ period: "year", targets: ["4"] }]);
    expect(seen).toHaveLength(0);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Chưa có số liệu");
    wb.user.finishEditing();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    await until(() => stale.length > 1);
    await wb.settle();
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:4", "status")).value).toBe("Đạt (vượt)");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:1", "status")).value).toBe("Đạt (vượt)");
    expect(stale).toEqual([{ period: "year", targets: ["4"] }, null]);
    await stop();
  });
});

describe("no stray apostrophe in Text cells", () => {
  test("plan numbers, wordings like >80 and 7-8, labels and the report's chart categories read back as written", async () => {
    const { wb, ops } = await loaded();
    await ops.buildReport("year", false);
    for (const name of wb.user.sheetNames()) {
      const grid = wb.user.grid(name, "A1:AZ200");
      const stray = grid.flatMap((row, r) => row.map((v, c) => ({ v, at: `${name}!${r + 1}:${c + 1}` }))).filter((x) => typeof x.v === "string" && x.v.startsWith("'"));
      expect(stray).toEqual([]);
    }
  });
});

describe("cultures and dates", () => {
  test.each([
    ["en-US", "1.720", "Cần xem lại"],
    ["vi-VN", "1.720", "Đạt (vượt)"],
  ] as const)("in a %s Excel, %s typed for 'khoảng 1.600 người' is judged %s, as the check reads the same cell", async (culture, text, status) => {
    const { wb, ops } = await loaded({ culture });
    const no = plan.targets.find((t) => /1\.600/.test(t.target))?.no as string;
    const cell = cellOf(wb, SHEET, `t:${no}`, "p:year");
    wb.user.type(SHEET, cell, text);
    const summary = await ops.recheck("year");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${no}`, "status")).value).toBe(status);
    const check = await ops.checkWorkbook({ mark: false, issuesSheet: false });
    const slip = issuesOf(check).find((i) => i.location.cell === cell && i.code === "value.decimal-confusion");
    expect(Boolean(slip)).toBe(status === "Cần xem lại");
    if (slip) expect(summary.items.find((i) => i.no === no)?.proposed).toBe(1720);
  });

  test.each(["en-US", "vi-VN"] as const)("in a %s Excel, 7-8 typed in a figure cell planned at 6 becomes a date: a slip at the cell naming the text typed, never a judged figure, and one fix puts 7-8 back", async (culture) => {
    const { wb, ops } = await loaded({ culture, year: 2024 });
    const cell = cellOf(wb, SHEET, "t:13", "p:year");
    wb.user.type(SHEET, cell, "7-8");
    expect(typeof wb.user.cell(SHEET, cell).value).toBe("number");
    const summary = await ops.recheck("year");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:13", "status")).value).toBe("Cần xem lại");
    const reason = String(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:13", "reason")).value);
    // The culture says which order was typed: 8 July in en-US, 7 August in vi-VN, both from "7-8".
    expect(reason).toContain('"7-8"');
    expect(reason).not.toContain('"8-7"');
    expect(summary.items.find((i) => i.no === "13")).toMatchObject({ status: "xem-lai", proposed: "7-8" });
    const check = await ops.checkWorkbook({ mark: false, issuesSheet: false });
    const found = issuesOf(check).filter((i) => i.location.cell === cell);
    expect(found.map((i) => i.code)).toEqual(["value.date"]);
    expect(found[0].apply).toMatchObject({ cell, value: "7-8", was: wb.user.cell(SHEET, cell).value });

    const outcome = await ops.applyFixes([found[0].apply as NonNullable<CheckedIssue["apply"]>]);
    expect(outcome.applied).toEqual([{ sheet: SHEET, cell }]);
    expect(wb.user.cell(SHEET, cell)).toMatchObject({ value: "7-8", type: "String" });
    expect(wb.user.cell(SHEET, cell).numberFormat).not.toMatch(/m/);
    // Judged again on the text put back: a range, no longer a date to review.
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:13", "status")).value).not.toBe("Cần xem lại");
    expect(issuesOf(await ops.checkWorkbook({ mark: false, issuesSheet: false })).filter((i) => i.location.cell === cell && i.code === "value.date")).toEqual([]);
  });

  test("6/7 typed in a count row planned at 01 (vi-VN: 6 July) is not put back as the range 6-7, nor judged: the officer types it again", async () => {
    const { wb, ops } = await loaded({ culture: "vi-VN", year: 2024 });
    const cell = cellOf(wb, SHEET, "t:11", "p:year");
    wb.user.type(SHEET, cell, "6/7");
    expect(typeof wb.user.cell(SHEET, cell).value).toBe("number");
    const summary = await ops.recheck("year");
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:11", "status")).value).toBe("Cần xem lại");
    expect(String(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:11", "reason")).value)).toContain("gõ lại số");
    expect(summary.items.find((i) => i.no === "11")).toMatchObject({ status: "xem-lai", proposed: null });
    const found = issuesOf(await ops.checkWorkbook({ mark: false, issuesSheet: false })).filter((i) => i.location.cell === cell);
    expect(found.map((i) => [i.code, i.apply])).toEqual([["value.date", null]]);
    expect(found[0].message).toContain("Excel đã đổi số này thành ngày 06/07");
  });

  test("where Excel does not say its culture (below ExcelApi 1.11) and the book records none, both texts are named and no text is guessed", async () => {
    const { wb, ops } = await loaded({ culture: "vi-VN", year: 2024, requirements: { ExcelApi: "1.10" } });
    const cell = cellOf(wb, SHEET, "t:3", "p:year");
    wb.user.type(SHEET, cell, "7-8");
    await ops.recheck("year");
    const reason = String(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:3", "reason")).value);
    expect(reason).toContain('"7-8"');
    expect(reason).toContain('"8-7"');
    const found = issuesOf(await ops.checkWorkbook({ mark: false, issuesSheet: false })).filter((i) => i.location.cell === cell);
    expect(found.map((i) => [i.code, i.apply])).toEqual([["value.date", null]]);
  });

  test("a full date typed (with its year) is not taken for a range: the slip is said, no text is put back", async () => {
    const { wb, ops } = await loaded({ culture: "en-US", year: 2024 });
    const cell = cellOf(wb, SHEET, "t:3", "p:year");
    wb.user.type(SHEET, cell, "7/8/2024");
    const found = issuesOf(await ops.checkWorkbook({ mark: false, issuesSheet: false })).filter((i) => i.location.cell === cell);
    expect(found.map((i) => [i.code, i.apply])).toEqual([["value.date", null]]);
  });
});

describe("printing one page wide", () => {
  test("the targets and report sheets get a documented scale (10–100) that fits their printed columns onto A4", async () => {
    const { wb, ops } = await loaded();
    await ops.buildReport("year", false);
    for (const name of [SHEET, "Nhiệm vụ", wb.user.sheetNames().find((n) => n.startsWith("Báo cáo")) as string]) {
      const zoom = (wb.user.sheetInfo(name) as { pageLayout: { zoom: Excel.PageLayoutZoomOptions } }).pageLayout.zoom;
      expect(zoom.verticalFitToPages).toBeUndefined();
      expect(zoom.scale).toBeGreaterThanOrEqual(10);
      expect(zoom.scale).toBeLessThanOrEqual(100);
    }
  });
});

describe("a failure leaves the workbook as it was", () => {
  test("a reload into a book whose record sheet is protected is refused before anything is written", async () => {
    const { wb, ops } = await loaded();
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    wb.user.protect("_ktxh");
    const before = snapshot(wb);
    await expect(ops.loadPlan(plan, [...PERIODS, "q1"], yes)).rejects.toThrow(/thông tin ẩn/);
    expect(snapshot(wb)).toEqual(before);
  });
});
