import { type TargetRow, parsePlan } from "../../src/core/plan";
import { evaluatePlan, evaluateTarget, statusCounts, statusLabel } from "../../src/core/evaluate";
import { monthsElapsed, projectYear } from "../../src/core/evaluate/midyear";
import type { PeriodId } from "../../src/core/periods";
import { buildReport } from "../../src/core/report/build";
import { defaultPlan } from "../../src/seeds";

const row = (r: Partial<TargetRow> & Pick<TargetRow, "no" | "name" | "unit" | "target">): TargetRow => r as TargetRow;

const revenue = row({ no: "3", name: "Tổng thu ngân sách trên địa bàn", unit: "tỷ đồng", target: "623,17" });
const output = row({ no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 25.224" });
const forest = row({ no: "7", name: "Tỷ lệ che phủ rừng", unit: "%", target: "khoảng 35,58" });
const above5 = row({ no: "9", name: "Tỷ lệ lao động qua đào tạo", unit: "%", target: "trên 5%" });
const poverty = row({ no: "10", name: "Tỷ lệ hộ nghèo", unit: "%", target: "giảm còn khoảng 2,14", annual: true });

describe("the mid-year rule: one table of cases", () => {
  const cases: { what: string; row: TargetRow; period: PeriodId; actual: number | null; status: string; label: string; percent?: number | null; reason?: RegExp }[] = [
    { what: "cumulative on track at 6 months: half the year plan is Dự kiến đạt, not Không đạt", row: revenue, period: "6m", actual: 320, status: "vuot", label: "Dự kiến đạt", percent: 51.35, reason: /Dự kiến cả năm khoảng 640 theo số tháng \(6\/12\)/ },
    { what: "cumulative behind at 6 months", row: output, period: "6m", actual: 10000, status: "khong-dat", label: "Dự kiến không đạt", reason: /Lũy kế 6 tháng đạt 39,6% kế hoạch năm\. Dự kiến cả năm khoảng 20\.000/ },
    { what: "cumulative on plan at 9 months: 75 % of the year", row: output, period: "9m", actual: 18918, status: "dat", label: "Dự kiến đạt" },
    { what: "a quarter projects by its months", row: revenue, period: "q1", actual: 160, status: "vuot", label: "Dự kiến đạt", reason: /theo số tháng \(3\/12\)/ },
    { what: "a month too", row: revenue, period: "m2", actual: 90, status: "khong-dat", label: "Dự kiến không đạt", reason: /\(2\/12\)/ },
    { what: "a level is compared with the target itself at 6 months", row: forest, period: "6m", actual: 35.58, status: "dat", label: "Đạt", percent: 100 },
    { what: "a level below its target at 6 months is Không đạt, not prorated", row: forest, period: "6m", actual: 20, status: "khong-dat", label: "Không đạt" },
    { what: "'trên 5%' at 6 months is 5, as at year end: 4 is Không đạt", row: above5, period: "6m", actual: 4, status: "khong-dat", label: "Không đạt" },
    { what: "'trên 5%' at 6 months: 7 is Đạt (vượt)", row: above5, period: "6m", actual: 7, status: "vuot", label: "Đạt (vượt)" },
    { what: "an annual target at 6 months: Chưa đánh giá được, even with a figure that misses", row: poverty, period: "6m", actual: 5, status: "chua-danh-gia", label: "Chưa đánh giá được", percent: null, reason: /chỉ đánh giá được khi có số liệu cả năm/ },
    { what: "an annual target without a figure at 9 months: Chưa đánh giá được, not Chưa có số liệu", row: poverty, period: "9m", actual: null, status: "chua-danh-gia", label: "Chưa đánh giá được" },
    { what: "an annual target at year end is judged", row: poverty, period: "year", actual: 5, status: "khong-dat", label: "Không đạt" },
    { what: "a December month holds the year's figure: judged as the year", row: revenue, period: "m12", actual: 320, status: "khong-dat", label: "Không đạt" },
    { what: "cumulative at year end: the year rule", row: revenue, period: "year", actual: 320, status: "khong-dat", label: "Không đạt" },
    { what: "cumulative without a figure mid-year: Chưa có số liệu", row: revenue, period: "6m", actual: null, status: "thieu-so-lieu", label: "Chưa có số liệu" },
  ];
  test.each(cases)("$what", (c) => {
    const e = evaluateTarget(c.row, c.actual, { period: c.period });
    expect(e.status).toBe(c.status);
    expect(statusLabel(e)).toBe(c.label);
    if (c.percent !== undefined) expect(e.percent).toBe(c.percent);
    if (c.reason) expect(e.reason).toMatch(c.reason);
  });

  test("the plan's word wins: a sum marked not cumulative is a level; a rate marked cumulative is projected", () => {
    expect(evaluateTarget({ ...revenue, cumulative: false }, 320, { period: "6m" }).status).toBe("khong-dat");
    expect(evaluateTarget({ ...revenue, cumulative: false }, 320, { period: "6m" }).projection).toBeNull();
    const jobs = row({ no: "8", name: "Tỷ lệ việc làm mới", unit: "%", target: "10", cumulative: true });
    expect(statusLabel(evaluateTarget(jobs, 5, { period: "6m" }))).toBe("Dự kiến đạt");
  });

  test("last year's share by the same period wins over the months: 40 % by June", () => {
    const e = evaluateTarget({ ...revenue, previous: "600" }, 300, { period: "6m", lastYear: 240 });
    expect(e.projection).toMatchObject({ projected: 750, basis: "last-year", share: 0.4 });
    expect(e.status).toBe("vuot");
    expect(e.reason).toMatch(/theo tỷ trọng cùng kỳ năm trước \(40% cả năm\)/);
    // Without last year's year figure, the months.
    expect(evaluateTarget(revenue, 300, { period: "6m", lastYear: 240 }).projection).toMatchObject({ basis: "months", projected: 600 });
  });

  test("an override stands on a projected row and is said as the officer's word", () => {
    const e = evaluateTarget(output, 10000, { period: "6m", override: { status: "dat", reason: "Quý III vào vụ" } });
    expect(e).toMatchObject({ status: "dat", ruleStatus: "khong-dat", overridden: true });
    expect(statusLabel(e)).toBe("Đạt");
  });

  test("projection arithmetic and months", () => {
    expect(projectYear(300, 6, null)).toMatchObject({ projected: 600, basis: "months" });
    expect(projectYear(300, 6, { samePeriod: 9000, year: 600 })).toMatchObject({ basis: "months" });
    expect([monthsElapsed("m1"), monthsElapsed("q2"), monthsElapsed("6m"), monthsElapsed("9m"), monthsElapsed("q4"), monthsElapsed("year")]).toEqual([1, 6, 6, 9, null, null]);
  });
});

describe("the default plan at 6 months", () => {
  const plan = (() => {
    const p = defaultPlan();
    const r = parsePlan({ ...p, targets: p.targets.map((t) => (t.no === "10" ? { ...t, annual: true } : t)) });
    if (!r.ok) throw new Error("plan");
    return r.value;
  })();
  const rows = [
    { no: "1", actual: 12800 }, // cumulative, on track (≥ half of 25.224)
    { no: "3", actual: 250 }, // cumulative, behind (500 < 623,17)
    { no: "7", actual: 35.58 }, // level
    { no: "10", actual: 2.5 }, // annual
  ];

  test("counts: the annual target apart, nothing off target for half a year's output", () => {
    const e = evaluatePlan(plan, { rows, period: "6m" });
    const by = new Map(e.rows.map((r) => [r.no, r]));
    expect(["1", "3", "7", "10"].map((no) => statusLabel(by.get(no)!))).toEqual(["Dự kiến đạt", "Dự kiến không đạt", "Đạt", "Chưa đánh giá được"]);
    expect(e.summary).toEqual(statusCounts(e.rows));
    expect(e.summary).toMatchObject({ vuot: 1, dat: 1, khongDat: 1, chuaDanhGia: 1, thieuSoLieu: 16 });
    // The same figures judged as the year's: the bug this rule fixes.
    const year = evaluatePlan(plan, { rows });
    expect(year.summary).toMatchObject({ khongDat: 3, chuaDanhGia: 0 });
  });

  test("the report's outlook column says what the sheet's status says", () => {
    const m = buildReport({ plan, actuals: { rows }, period: "6m" });
    const outlook = (no: string) => m.rows.find((r) => r.no === no)?.outlook?.status ?? null;
    expect(["1", "3", "7", "10"].map(outlook)).toEqual(["du-kien-dat", "du-kien-khong-dat", null, "chua-danh-gia"]);
    expect(m.counts).toMatchObject({ khongDat: 1, chuaDanhGia: 1 });
    expect(m.rows.find((r) => r.no === "3")?.reason).toMatch(/Dự kiến cả năm khoảng 500/);
  });

  test("at year end nothing changes: the annual flag and the cumulative default do not touch the year rule", () => {
    const year = buildReport({ plan, actuals: { rows }, period: "year" });
    const base = buildReport({ plan: defaultPlan(), actuals: { rows }, period: "year" });
    expect(year.rows.map((r) => r.status)).toEqual(base.rows.map((r) => r.status));
    expect(year.sentence).toBe(base.sentence);
  });
});
