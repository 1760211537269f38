import { PERIOD_IDS, latestPeriod, listPeriods, parsePeriodList, period } from "../../src/core/periods";

describe("reporting periods", () => {
  test("labels as Vietnamese reports write them", () => {
    const labels = Object.fromEntries(PERIOD_IDS.map((id) => [id, period(id, 2024).label]));
    expect(labels).toMatchObject({ m1: "Tháng 1", m12: "Tháng 12", q1: "Quý I", q4: "Quý IV", "6m": "6 tháng", "9m": "9 tháng", year: "Năm" });
  });

  test("cut-offs follow Decree 09/2019: the 15th of the month before to the 14th", () => {
    expect(period("m1", 2024).window).toEqual({ from: "2023-12-15", to: "2024-01-14" });
    expect(period("m7", 2024).window).toEqual({ from: "2024-06-15", to: "2024-07-14" });
    expect(period("q2", 2024).window).toEqual({ from: "2024-03-15", to: "2024-06-14" });
    expect(period("6m", 2024).window).toEqual({ from: "2023-12-15", to: "2024-06-14" });
    expect(period("9m", 2024).cutoff).toBe("2024-09-14");
    expect(period("year", 2024).window).toEqual({ from: "2023-12-15", to: "2024-12-14" });
  });

  test("figures are cumulative from the start of the year whatever the period", () => {
    for (const id of PERIOD_IDS) expect(period(id, 2025).cumulative.from).toBe("2024-12-15");
    expect(period("q3", 2025).cumulative.to).toBe("2025-09-14");
  });

  test("listed by cut-off, the shorter report first on the same date", () => {
    expect(listPeriods(2024, ["year", "6m", "q2", "m6", "9m", "q1"]).map((p) => p.id)).toEqual(["q1", "m6", "q2", "6m", "9m", "year"]);
    expect(listPeriods(2024)).toHaveLength(19);
    expect(latestPeriod(2024, ["6m", "q1"])).toBe("6m");
    expect(latestPeriod(2024, [])).toBeNull();
  });

  test("a period list typed on the command line", () => {
    expect(parsePeriodList("year, 6m;Q1 q1")).toEqual({ ids: ["year", "6m", "q1"], unknown: [] });
    expect(parsePeriodList("m13,6t,year").unknown).toEqual(["m13", "6t"]);
  });
});
