/**
 * The report sheet in a live workbook. Pure parts first (the stacked layout, the format rectangles,
 * the chart's data, kept names), then the Office.js host on the strict in-memory Excel: the sheet and
 * its chart are built, nothing else of the user's changes, a rebuild replaces only the add-in's own
 * report, `keepPrevious` keeps it, a missing ExcelApi 1.9 gives a notice, and the request count does
 * not grow with the plan.
 */
import { RECORD_SHEET, REPORTS_KEY, decodeRecord, reportsOf } from "../../src/layout/sheets/record";
import { fixturePlan } from "../layout/fixture";
import { parseNumber } from "../../src/core/numbers";
import { type PlanInput, parsePlan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { rowCells } from "../../src/core/report/model";
import { type FormatRect, chartPoints, formatRects, reportGrid } from "../../src/hosts/excel/report-layout";
import { HostError } from "../../src/hosts/excel/errors";
import { STATUS_COLORS } from "../../src/hosts/excel/report-layout";
import { REPORT_SETTING_KEY, type ReportOperations, keptName, reportOperations } from "../../src/hosts/excel/report-sheet";
import type { StrictWorkbook, StrictWorkbookOptions } from "../../src/testing/strict-excel";
import { bigPlan } from "./big-plan";
import { type Setup, cellOf, setup, syncsOf } from "./support";
import type { CellFormat } from "../../src/layout/sheets/types";
import { builtInEstimates2023, builtInPlan, defaultPlan } from "../../src/seeds";

function report2023(tasks = false) {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  const est = builtInEstimates2023();
  return buildReport({ plan, actuals: { rows: est.rows }, period: "year", figures: est.kind, tasks: tasks ? [] : null });
}

/** Every cell a rectangle list covers, with how many times. */
function coverage(rects: FormatRect[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const r of rects)
    for (let i = 0; i < r.area.rows; i++)
      for (let j = 0; j < r.area.cols; j++) {
        const k = `${r.area.row + i}:${r.area.col + j}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
  return seen;
}

describe("report sheet layout (pure)", () => {
  test("the 783/BC table is on the sheet as numbers with en-US formats, status words as text", () => {
    const model = report2023();
    const g = reportGrid(model);
    const header = g.printTitleRows?.first ?? -1;
    expect(g.values[header]).toEqual(model.columns.map((c) => c.header));
    const gdp = g.values[header + 1];
    expect(gdp.slice(0, 6)).toEqual(["1", "Tổng giá trị sản xuất", "Tỷ đồng", 22293.49, 22801.39, "Đạt (vượt)"]);
    expect(g.numberFormats[header + 1][3]).toBe("#,##0.00");
    expect(g.numberFormats[header + 1][5]).toBe("@");
    expect(g.values.length).toBe(g.rows.length);
    expect(g.values.every((r) => r.length === g.widths.length)).toBe(true);
    expect(g.numberFormats.every((r) => r.length === g.widths.length)).toBe(true);
    // The sentence follows the table.
    expect(g.values.flat()).toContain(model.sentence);
  });

  test("the tasks by lead office are stacked below the targets table", () => {
    const plan = defaultPlan();
    const model = buildReport({ plan, actuals: { rows: [] }, period: "6m", tasks: plan.tasks.map((t, i) => ({ code: t.code, status: i % 2 ? "Hoàn thành" : "Đang thực hiện" })) });
    const g = reportGrid(model);
    const flat = g.values.map((r) => r.join("|"));
    const tableEnd = flat.findIndex((r) => r.includes(model.sentence));
    const tasksTitle = flat.findIndex((r) => r.startsWith("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"));
    expect(tableEnd).toBeGreaterThan(0);
    expect(tasksTitle).toBeGreaterThan(tableEnd);
    expect(g.values.flat()).toContain(model.tasks?.sentence);
    const total = g.values.find((r) => r[1] === "Tổng cộng");
    expect(total?.slice(2, 6)).toEqual([plan.tasks.length, model.tasks?.done, model.tasks?.doing, model.tasks?.notStarted]);
  });

  test("format rectangles cover each formatted cell exactly once, in far fewer calls than cells", () => {
    const g = reportGrid(report2023());
    const seen = coverage(g.formats);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    g.rows.forEach((r, ri) =>
      r.cells.forEach((c, ci) => {
        if (c) expect({ cell: `${ri}:${ci}`, covered: seen.has(`${ri}:${ci}`) }).toEqual({ cell: `${ri}:${ci}`, covered: true });
      }),
    );
    expect(g.formats.length).toBeLessThan(seen.size / 3);
    expect(g.formats.every((f) => f.format.numberFormat === undefined)).toBe(true);
  });

  test("formatRects joins equal runs of consecutive rows only", () => {
    const a: CellFormat = { font: { bold: true } };
    const b: CellFormat = { font: { italic: true } };
    const rects = formatRects([
      [a, a, null],
      [a, a, null],
      [b, a, a],
      [a, a, null],
    ]);
    expect(rects.map((r) => [r.area.row, r.area.col, r.area.rows, r.area.cols])).toEqual([
      [0, 0, 2, 2],
      [2, 0, 1, 1],
      [2, 1, 1, 2],
      [3, 0, 1, 2],
    ]);
  });

  test("the chart takes main targets with a percent, coloured by status; the others are left out", () => {
    const model = report2023();
    const points = chartPoints(model);
    const withPercent = model.rows.filter((r) => r.kind === "main" && r.percentPlan?.value != null);
    expect(points.map((p) => p.percent)).toEqual(withPercent.map((r) => r.percentPlan?.value));
    expect(points.length).toBeLessThan(model.rows.filter((r) => r.kind === "main").length);
    expect(points[0]).toMatchObject({ label: "1. Tổng giá trị sản xuất", status: "vuot" });
    expect(points.find((p) => p.label.startsWith("11."))?.status).toBe("dat");
    // 783/BC's one "Không đạt" (traffic, "giảm 01 tiêu chí") has no percent of plan.
    expect(points.some((p) => p.label.startsWith("18."))).toBe(false);
    const g = reportGrid(model);
    const chart = g.chart;
    if (!chart) throw new Error("no chart");
    expect(chart.values.length).toBe(chart.data.rows);
    // Bottom-up in the data, so the bars read top-down in the table's order.
    expect(chart.points).toEqual([...points].reverse());
    expect(chart.values.slice(1).map((r) => r[0])).toEqual(chart.points.map((p) => p.label));
    expect(chart.values.slice(1).map((r) => r[1])).toEqual(chart.points.map((p) => p.percent));
    // Beside the table, outside the printed area.
    expect(chart.from.col).toBeGreaterThanOrEqual(g.widths.length);
    expect(chart.data.col).toBeGreaterThan(chart.to.col);
  });

  test("an indicator name starting with '=' stays text", () => {
    const model = report2023();
    model.rows[0] = { ...model.rows[0], name: "=1+1" };
    const g = reportGrid(model);
    const strings = g.values.flat().filter((v): v is string => typeof v === "string");
    expect(strings.some((s) => s.startsWith("="))).toBe(false);
    expect(strings).toContain(" =1+1");
    expect(g.chart?.values.flat().some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
    expect(rowCells(model, model.rows[0])[1]).toBe("=1+1");
  });

  test("a kept report is named with its number and date, the first number free", () => {
    const d = new Date(2023, 11, 5);
    expect(keptName(d, ["Chỉ tiêu", "Báo cáo"])).toBe("Báo cáo (1) 05.12.2023");
    expect(keptName(d, ["Báo cáo", "báo cáo (1) 01.01.2023", "Báo cáo (2)"])).toBe("Báo cáo (3) 05.12.2023");
  });
});

// ---- the Office.js host on the strict in-memory Excel ----

const REPORT = "Báo cáo";
const TARGETS = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const MADE = new Date(2023, 11, 5, 9, 0, 0);

/**
 * What a user in a vi-VN Excel types, as the strict Excel (en-US input) must receive it: a figure
 * becomes the same number ("22.801,39" → 22801.39), anything else stays as written (">80").
 */
function typed(vi: string): string {
  const r = parseNumber(vi);
  return r.ok && !r.percent && !/^0\d/.test(vi) ? String(r.value) : vi;
}

/** A workbook with the 2023 plan loaded and 783/BC's estimates typed into the year column. */
async function workbook2023(opts: StrictWorkbookOptions = {}): Promise<Setup & { report: ReportOperations }> {
  const s = setup(opts);
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  await s.ops.loadPlan(plan, ["6m", "year"], yes);
  for (const r of builtInEstimates2023().rows) s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, `t:${r.no}`, "p:year"), typed(r.actual));
  const report = reportOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), now: () => MADE });
  return { ...s, report };
}

/** Every sheet but the named ones, as a user or a later load sees it, and the settings but the report's. */
function othersOf(wb: StrictWorkbook, skip: readonly string[]): unknown {
  const { [REPORT_SETTING_KEY]: _r, ...settings } = wb.user.settings();
  // The book's record lists the reports made (`reports`, as settings keep the last report's id): all else stays.
  const grid = (n: string) => {
    const g = wb.user.grid(n, "A1:AZ200");
    if (n !== RECORD_SHEET) return g;
    const r = decodeRecord(g);
    if (!r) return g;
    const { [REPORTS_KEY]: _reports, ...extra } = r.extra;
    return { ...r, extra };
  };
  return {
    settings,
    sheets: wb.user.sheetNames().filter((n) => !skip.includes(n)).map((n) => ({ info: wb.user.sheetInfo(n), grid: grid(n) })),
  };
}

/** The row of the report sheet whose column B holds `name`. */
function rowNamed(wb: StrictWorkbook, sheet: string, name: string): number {
  const i = wb.user.grid(sheet, "A1:H120").findIndex((r) => r[1] === name);
  if (i < 0) throw new Error(`no row "${name}" on ${sheet}`);
  return i + 1;
}

describe("report sheet: task timeliness at the period's end (Office.js host)", () => {
  test("the tasks by lead office count done on time, late, open within the deadline and overdue", async () => {
    const s = setup();
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("binh-son-2024 missing");
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    for (const [code, word] of [["1", "Hoàn thành"], ["2.1", "Đang thực hiện"], ["5", "Đang thực hiện"]]) {
      s.wb.user.type("Nhiệm vụ", cellOf(s.wb, "Nhiệm vụ", `n:${code}`, "status:year"), word);
    }
    const report = reportOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), now: () => MADE });
    await report.buildReport("year", false);
    const grid = s.wb.user.grid(REPORT, "A1:L200");
    const header = grid.find((r) => r[1] === "Cơ quan chủ trì");
    expect(header?.filter((v) => v !== "" && v != null).slice(-4)).toEqual(["Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Đang thực hiện trong hạn", "Quá hạn"]);
    const total = grid.filter((r) => r[1] === "Tổng cộng").pop();
    // Task 1 runs all year and is done; 5 runs all year; 2.1 was due on 31 December. The other 30 have
    // no status for the year: "chưa báo cáo", in none of the four counts.
    expect(total?.filter((v) => v !== "" && v != null).slice(-4)).toEqual([1, 0, 1, 1]);
    expect(grid.flat().some((v) => typeof v === "string" && v.includes("quá hạn chưa hoàn thành 01 nhiệm vụ, chưa báo cáo 30 nhiệm vụ"))).toBe(true);
  });
});

describe("report sheet: each period's task statuses (Office.js host)", () => {
  test("the 6-month status survives the year-end entry and reloads; each period's report counts its own statuses", async () => {
    const s = setup();
    const plan = fixturePlan();
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    const type = (code: string, period: string, word: string): void =>
      s.wb.user.type("Nhiệm vụ", cellOf(s.wb, "Nhiệm vụ", `n:${code}`, `status:${period}`), word);
    const at = (code: string, period: string): unknown => s.wb.user.cell("Nhiệm vụ", cellOf(s.wb, "Nhiệm vụ", `n:${code}`, `status:${period}`)).value;
    // At 6 months: 2.1 (due Quý I) still in progress.
    type("1", "6m", "Đang thực hiện");
    type("2.1", "6m", "Đang thực hiện");
    type("2.2", "6m", "Hoàn thành");
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    // At year end the officer types the year's statuses; the 6 months' stay beside them.
    type("1", "year", "Hoàn thành");
    type("2.1", "year", "Hoàn thành");
    type("2.2", "year", "Hoàn thành");
    type("3.1", "year", "Đang thực hiện");
    // A reload asking for the year only keeps the 6 months' columns: they hold statuses.
    await s.ops.loadPlan(plan, ["year"], yes);
    expect([at("1", "6m"), at("2.1", "6m"), at("2.2", "6m")]).toEqual(["Đang thực hiện", "Đang thực hiện", "Hoàn thành"]);
    expect([at("1", "year"), at("2.1", "year"), at("3.1", "year")]).toEqual(["Hoàn thành", "Hoàn thành", "Đang thực hiện"]);
    const record = decodeRecord(s.wb.user.grid(RECORD_SHEET, "A1:E30"));
    expect(record?.meta.periods).toEqual(["6m", "year"]);
    expect(record?.meta.layoutVersion.tasks).toBe(2);

    const report = reportOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), now: () => MADE });
    const totals = async (period: "6m" | "year"): Promise<unknown[]> => {
      await report.buildReport(period, false);
      const grid = s.wb.user.grid(REPORT, "A1:L200");
      return grid.filter((r) => r[1] === "Tổng cộng").pop()?.filter((v) => v !== "" && v != null).slice(1) ?? [];
    };
    // Số nhiệm vụ, Hoàn thành, Đang thực hiện, Chưa thực hiện, Chưa có báo cáo, then on time, late, open in time, overdue.
    // 3.1 has no 6-month status: unreported, not open within its deadline.
    expect(await totals("6m")).toEqual([4, 1, 2, 0, 1, 1, 0, 1, 1]);
    // 2.1 was still open at 30 June, past its deadline of 31 March: done late.
    expect(await totals("year")).toEqual([4, 3, 1, 0, 2, 1, 0, 1]);
  });
});

describe("report sheet: the year-end outlook at 6 months (Office.js host)", () => {
  test("a Dự kiến cả năm column: cumulative targets projected, rates left blank", async () => {
    const s = setup();
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("binh-son-2024 missing");
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, "t:3", "p:6m"), "250");
    s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, "t:5", "p:6m"), "40000");
    s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, "t:7", "p:6m"), "35");
    const report = reportOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), now: () => MADE });
    await report.buildReport("6m", false);
    const grid = s.wb.user.grid(REPORT, "A1:L200");
    const header = grid.find((r) => r[1] === "Chỉ tiêu chủ yếu");
    const col = header?.indexOf("Dự kiến cả năm") ?? -1;
    expect(col).toBeGreaterThan(0);
    const at = (name: string): unknown => grid.find((r) => r[1] === name)?.[col];
    expect([at("Tổng thu ngân sách trên địa bàn"), at("Sản lượng lương thực cây có hạt"), at("Tỷ lệ che phủ rừng")]).toEqual(["Dự kiến không đạt: khoảng 500, theo số tháng (6/12)", "Dự kiến đạt: khoảng 80.000, theo số tháng (6/12)", ""]);
  });
});

describe("report sheet in a live workbook", () => {
  test("builds 783/BC's table, formatted for print, with a status-coloured chart; nothing else changes", async () => {
    const { wb, report } = await workbook2023();
    const before = othersOf(wb, []);
    const outcome = await report.buildReport("year", false);
    expect(outcome).toMatchObject({ sheet: REPORT, kept: null, chart: true, notices: [] });
    expect(outcome.counts).toMatchObject({ vuot: 13, dat: 6, khongDat: 1 });
    expect(wb.user.sheetNames()).toEqual(["Sheet1", TARGETS, "Nhiệm vụ", RECORD_SHEET, REPORT]);
    expect(wb.user.activeSheet()).toBe(REPORT);
    expect(othersOf(wb, [REPORT])).toEqual(before);
    // The book's record now says when the report was made.
    expect(reportsOf(decodeRecord(wb.user.grid(RECORD_SHEET, "A1:AZ200"))).map((r) => r.period)).toEqual(["year"]);

    const r = rowNamed(wb, REPORT, "Tổng giá trị sản xuất");
    const plan = wb.user.cell(REPORT, `D${r}`);
    expect(plan).toMatchObject({ value: 22293.49, type: "Double", numberFormat: "#,##0.00" });
    expect(wb.user.cell(REPORT, `F${r}`).value).toBe("Đạt (vượt)");
    expect(plan.format["font.name"]).toBe("Times New Roman");
    expect(plan.format["font.size"]).toBe(13);
    expect(plan.format["border.EdgeTop.style"]).toBe("Continuous");
    expect(wb.user.cell(REPORT, `B${r + 1}`).italic).toBe(true);
    const header = r - 1;
    expect(wb.user.grid(REPORT, `A${header}:F${header}`)[0]).toEqual(["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2023", "Ước TH năm 2023", "So với chỉ tiêu giao (%)"]);
    expect(wb.user.cell(REPORT, `A${header}`).bold).toBe(true);
    const sentence = wb.user.grid(REPORT, "A1:A80").findIndex((row) => String(row[0]).startsWith("Trong 20 chỉ tiêu"));
    expect(sentence).toBeGreaterThan(header);

    const info = wb.user.sheetInfo(REPORT);
    expect(info.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: `${header}:${header}` });
    expect(info.merges).toContain(`A${sentence + 1}:F${sentence + 1}`);
    expect(info.charts).toHaveLength(1);
    const chart = info.charts[0];
    expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns" });
    expect(chart.title).toMatch(/so với kế hoạch/);
    // The chart's source: indicator and percent, one row per indicator with a percent, outside the print area.
    const src = /!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(chart.source);
    if (!src) throw new Error(`source ${chart.source}`);
    const data = wb.user.grid(REPORT, `${src[1]}${src[2]}:${src[3]}${src[4]}`);
    expect(data[0]).toEqual(["Chỉ tiêu", "% so với KH"]);
    const byLabel = new Map(data.slice(1).map((d, i) => [String(d[0]), { percent: d[1], fill: chart.pointFill[`0:${i}`] }]));
    expect(byLabel.get("1. Tổng giá trị sản xuất")).toEqual({ percent: 102.3, fill: `#${STATUS_COLORS.vuot}` });
    // Each bar in the status colour of its indicator (the one "Không đạt", traffic, has no percent).
    const expected = chartPoints(report2023());
    expect(expected.length).toBe(data.length - 1);
    for (const p of expected) expect({ label: p.label, ...byLabel.get(p.label) }).toEqual({ label: p.label, percent: p.percent, fill: `#${STATUS_COLORS[p.status ?? "none"]}` });
    expect(new Set([...byLabel.values()].map((p) => p.fill))).toEqual(new Set([`#${STATUS_COLORS.vuot}`, `#${STATUS_COLORS.dat}`]));
    expect(data.length - 1).toBe(Object.keys(chart.pointFill).length);
    // "giảm 01 tiêu chí" has no percent: not in the chart's data.
    expect(data.slice(1).some((d) => String(d[0]).startsWith("18."))).toBe(false);
    expect(JSON.parse(String(wb.user.settings()[REPORT_SETTING_KEY]))).toEqual({ app: "ktxh-report", id: info.id, made: MADE.toISOString() });
  });

  test("a second build replaces only the report the add-in made", async () => {
    const { wb, report } = await workbook2023();
    await report.buildReport("year", false);
    const firstId = wb.user.sheetInfo(REPORT).id;
    const before = othersOf(wb, [REPORT]);
    wb.user.type(TARGETS, cellOf(wb, TARGETS, "t:1", "p:year"), "20000");
    await report.buildReport("year", false);
    expect(wb.user.sheetNames()).toEqual(["Sheet1", TARGETS, "Nhiệm vụ", RECORD_SHEET, REPORT]);
    expect(wb.user.sheetInfo(REPORT).id).not.toBe(firstId);
    expect(wb.user.sheetInfo(REPORT).charts).toHaveLength(1);
    const r = rowNamed(wb, REPORT, "Tổng giá trị sản xuất");
    expect(wb.user.cell(REPORT, `E${r}`).value).toBe(20000);
    expect(wb.user.cell(REPORT, `F${r}`).value).toBe("Không đạt");
    const after = othersOf(wb, [REPORT]) as { sheets: { info: { name: string } }[] };
    const targetsOnly = (x: unknown) => (x as { sheets: { info: { name: string } }[] }).sheets.filter((s) => s.info.name !== TARGETS);
    expect(targetsOnly(after)).toEqual(targetsOnly(before));
  });

  test("a user's own sheet named Báo cáo is left alone; the report takes another name and is replaced there", async () => {
    const { wb, report } = await workbook2023();
    wb.user.addSheet(REPORT);
    wb.user.type(REPORT, "A1", "Ghi chú của tôi");
    wb.user.type(REPORT, "B2", "=1+1");
    const mine = () => ({ info: wb.user.sheetInfo(REPORT), grid: wb.user.grid(REPORT, "A1:Z50") });
    const before = mine();
    const first = await report.buildReport("year", false);
    expect(first.sheet).toBe(`${REPORT} (2)`);
    expect(mine()).toEqual(before);
    const second = await report.buildReport("year", false);
    expect(second.sheet).toBe(`${REPORT} (2)`);
    expect(mine()).toEqual(before);
    expect(wb.user.sheetNames().filter((n) => n.startsWith(REPORT))).toEqual([REPORT, `${REPORT} (2)`]);
  });

  test("keepPrevious keeps the earlier report under its number and date", async () => {
    const { wb, report } = await workbook2023();
    await report.buildReport("year", false);
    const old = { info: wb.user.sheetInfo(REPORT), grid: wb.user.grid(REPORT, "A1:Z60") };
    const outcome = await report.buildReport("year", true);
    const kept = "Báo cáo (1) 05.12.2023";
    expect(outcome.kept).toBe(kept);
    expect(outcome.sheet).toBe(REPORT);
    expect(wb.user.sheetNames()).toEqual(["Sheet1", TARGETS, "Nhiệm vụ", RECORD_SHEET, kept, REPORT]);
    const keptInfo = wb.user.sheetInfo(kept);
    // The chart's source follows its sheet's new name.
    const charts = keptInfo.charts.map((c) => ({ ...c, source: c.source.replace(`'${kept}'!`, `'${REPORT}'!`) }));
    expect({ ...keptInfo, name: REPORT, charts }).toEqual({ ...old.info, name: REPORT });
    expect(wb.user.grid(kept, "A1:Z60")).toEqual(old.grid);
    await report.buildReport("year", true);
    expect(wb.user.sheetNames().filter((n) => n.startsWith(REPORT))).toEqual([kept, "Báo cáo (2) 05.12.2023", REPORT]);
  });

  test("without ExcelApi 1.9 the page setup is skipped with a notice, no ApiNotFound", async () => {
    const { wb, report } = await workbook2023();
    wb.setRequirements({ ExcelApi: "1.8" });
    const outcome = await report.buildReport("year", false);
    expect(outcome.notices.map((n) => n.code)).toEqual(["excel.page-layout-skipped"]);
    expect(outcome.notices[0].text).toMatch(/ExcelApi 1\.9/);
    expect(wb.user.sheetInfo(REPORT).pageLayout.printTitleRows).toBeNull();
    expect(wb.user.sheetInfo(REPORT).charts).toHaveLength(1);
  });

  test("the request count is the same for 20 and 500 targets", async () => {
    const small = await workbook2023();
    const syncs20 = await syncsOf(small.wb, () => small.report.buildReport("year", false));
    const big = setup();
    await big.ops.loadPlan(bigPlan(500, 200), ["year"], yes);
    const report = reportOperations(big.run, { isSetSupported: (n, v) => big.wb.model.isSetSupported(n, v) });
    const syncs500 = await syncsOf(big.wb, () => report.buildReport("year", false));
    expect(syncs20).toBe(4);
    expect(syncs500).toBe(syncs20);
    expect(big.wb.user.sheetInfo(REPORT).charts).toHaveLength(0);
    // A rebuild (old report deleted) costs the same.
    expect(await syncsOf(big.wb, () => report.buildReport("year", false))).toBe(syncs20);
  });

  test("a period the sheet has no column for is refused in Vietnamese, nothing written", async () => {
    const { wb, report } = await workbook2023();
    const before = othersOf(wb, []);
    await expect(report.buildReport("q1", false)).rejects.toThrow(/q1/);
    expect(othersOf(wb, [])).toEqual(before);
  });

  test("a workbook without a plan is refused, nothing written", async () => {
    const s = setup();
    const report = reportOperations(s.run, { isSetSupported: () => true });
    await expect(report.buildReport("year", false)).rejects.toBeInstanceOf(HostError);
    expect(s.wb.user.sheetNames()).toEqual(["Sheet1"]);
  });

  test("before year end: percent of the year plan, bars in the neutral colour, no status words", async () => {
    const { wb, report } = await workbook2023();
    wb.user.type(TARGETS, cellOf(wb, TARGETS, "t:1", "p:6m"), "11146.745");
    wb.user.type(TARGETS, cellOf(wb, TARGETS, "t:3", "p:6m"), "1000");
    const outcome = await report.buildReport("6m", false);
    expect(outcome.chart).toBe(true);
    const chart = wb.user.sheetInfo(REPORT).charts[0];
    expect(Object.values(chart.pointFill)).toEqual([`#${STATUS_COLORS.none}`, `#${STATUS_COLORS.none}`]);
    const r = rowNamed(wb, REPORT, "Tổng giá trị sản xuất");
    expect(wb.user.cell(REPORT, `F${r}`)).toMatchObject({ value: 50, numberFormat: "#,##0.0" });
    expect(wb.user.grid(REPORT, "A1:H80").flat()).not.toContain("Đạt (vượt)");
  });

  test("with no figure at all the report is made without a chart, and says so", async () => {
    const { wb, report } = await workbook2023();
    const outcome = await report.buildReport("6m", false);
    expect(outcome.chart).toBe(false);
    expect(outcome.message).toMatch(/chưa vẽ biểu đồ/);
    expect(wb.user.sheetInfo(REPORT).charts).toHaveLength(0);
  });

  test("a name starting with '=' is written as text, not as a formula", async () => {
    const input = JSON.parse(JSON.stringify(builtInPlan("binh-son-2023"))) as PlanInput;
    input.targets[0].name = "=SUM(A1:A3)";
    const parsed = parsePlan(input);
    if (!parsed.ok) throw new Error("bad test plan");
    const s = setup();
    await s.ops.loadPlan(parsed.value, ["year"], yes);
    s.wb.user.type(TARGETS, cellOf(s.wb, TARGETS, "t:1", "p:year"), "22801.39");
    await reportOperations(s.run, { isSetSupported: () => true }).buildReport("year", false);
    const found = s.wb.user.grid(REPORT, "A1:Z60").flatMap((row, i) => row.map((v, j) => ({ v, at: `${String.fromCharCode(65 + j)}${i + 1}` })));
    const cells = found.filter((c) => String(c.v).includes("SUM(A1:A3)"));
    expect(cells.length).toBe(2); // the table and the chart's data
    for (const c of cells) {
      const info = s.wb.user.cell(REPORT, c.at);
      expect({ at: c.at, formula: info.formula, type: info.type }).toEqual({ at: c.at, formula: null, type: "String" });
    }
  });

  test("copying the table reads the workbook, writes nothing, hands HTML and text to the clipboard", async () => {
    const { wb, report } = await workbook2023();
    const before = othersOf(wb, []);
    const got: string[] = [];
    const syncs = await syncsOf(wb, () => report.copyReportTable("year", async (html, text) => void got.push(html, text)));
    expect(syncs).toBe(2);
    expect(got[0]).toContain("<td");
    expect(got[0]).toContain("22.293,49");
    // The text copy opens with the unit, place and date lines and the title; then the table.
    const row1 = got[1].split("\r\n").find((l) => l.startsWith("1\t"));
    expect(row1?.split("\t")).toEqual(["1", "Tổng giá trị sản xuất", "Tỷ đồng", "22.293,49", "22.801,39", "Đạt (vượt)"]);
    expect(othersOf(wb, [])).toEqual(before);
  });
});
