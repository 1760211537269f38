import { defaultCumulative, isCumulative } from "../../src/core/cumulative";
import { parsePlan, type TargetRow } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { figureCell } from "../../src/core/report/cells";
import { yearOutlook } from "../../src/core/report/outlook";
import { defaultPlan } from "../../src/seeds";

const row = (r: Partial<TargetRow> & Pick<TargetRow, "no" | "name" | "unit" | "target">): TargetRow => r as TargetRow;

describe("cumulative or level: the plan's word, else the default from unit and name", () => {
  test("the default plan: sums are money, tonnes, people and certificates; rates and counts at a date are levels", () => {
    const sums = defaultPlan().targets.filter((t) => isCumulative(t)).map((t) => t.no);
    expect(sums).toEqual(["1", "3", "4", "5", "6", "8", "20"]);
  });

  test("the plan's cumulative wins over the default, both ways", () => {
    const base = { no: "1", name: "Số trường đạt chuẩn", unit: "trường", target: "2" };
    expect(defaultCumulative(base)).toBe(false);
    expect(isCumulative(row({ ...base, cumulative: true }))).toBe(true);
    expect(isCumulative(row({ no: "2", name: "Tổng thu", unit: "tỷ đồng", target: "5", cumulative: false }))).toBe(false);
    const r = parsePlan({ id: "x", unit: "UBND xã X", year: 2024, source: { document: "KH" }, targets: [{ ...base, cumulative: true, annual: false }] });
    expect(r.ok && r.value.targets[0]).toMatchObject({ cumulative: true, annual: false });
  });
});

describe("year-end outlook at 6 and 9 months", () => {
  const revenue = row({ no: "3", name: "Tổng thu ngân sách", unit: "tỷ đồng", target: "623,17" });

  test("linear in months without last year's figures: 300 in 6 months → 600 < 623,17 → Dự kiến không đạt", () => {
    const o = yearOutlook(revenue, "6m", figureCell(300), null);
    expect(o).toMatchObject({ status: "du-kien-khong-dat", projected: 600, basis: "months" });
    expect(o?.reason).toContain("600");
  });

  test("last year's share by the same period wins: 40% of the year by June → 300 points to 750 → Dự kiến đạt", () => {
    const o = yearOutlook(revenue, "6m", figureCell(300), { samePeriod: figureCell(240), year: figureCell(600) });
    expect(o).toMatchObject({ status: "du-kien-dat", projected: 750, basis: "last-year" });
  });

  test("9 months: 450 → 600", () => {
    expect(yearOutlook(revenue, "9m", figureCell(450), null)).toMatchObject({ projected: 600, status: "du-kien-khong-dat" });
  });

  test("annual targets are Chưa đánh giá được, levels and other periods get none", () => {
    const poverty = row({ no: "10", name: "Tỷ lệ hộ nghèo", unit: "%", target: "giảm còn 2,14", direction: "lower", annual: true });
    expect(yearOutlook(poverty, "6m", figureCell(5), null)).toMatchObject({ status: "chua-danh-gia", projected: null });
    const forest = row({ no: "7", name: "Tỷ lệ che phủ rừng", unit: "%", target: "35,58" });
    expect(yearOutlook(forest, "6m", figureCell(20), null)).toBeNull();
    expect(yearOutlook(revenue, "year", figureCell(300), null)).toBeNull();
    expect(yearOutlook(revenue, "q2", figureCell(300), null)).toBeNull();
    expect(yearOutlook(revenue, "6m", figureCell(null), null)).toBeNull();
  });

  test("in the 6-month report of the default plan: a column Dự kiến cả năm for its sums, none for its rates", () => {
    const plan = defaultPlan();
    const m = buildReport({ plan, actuals: { rows: [{ no: "1", actual: 10000 }, { no: "5", actual: 40000 }] }, period: "6m" });
    expect(m.columns.map((c) => c.key)).toContain("outlook");
    expect(m.rows.find((r) => r.no === "1")?.outlook).toMatchObject({ status: "du-kien-khong-dat", projected: 20000 });
    expect(m.rows.find((r) => r.no === "5")?.outlook).toMatchObject({ status: "du-kien-dat", projected: 80000 });
    expect(m.rows.find((r) => r.no === "7")?.outlook).toBeNull();
  });
});
