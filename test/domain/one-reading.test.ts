/**
 * One reading of a figure cell, in core: the judgement's reason says the value the judgement used (at
 * the precision it was read), whatever the culture; the report's year-end table keeps the comparison
 * with last year when it is given.
 */
import { judgeFigure } from "../../src/core/evaluate";
import { buildReport } from "../../src/core/report/build";
import { readFigure } from "../../src/core/validate/figures";
import { targetInfo } from "../../src/core/validate/targets";
import { defaultPlan } from "../../src/seeds";

const plan = defaultPlan();
const row = (no: string) => {
  const t = plan.targets.find((x) => x.no === no);
  if (!t) throw new Error(no);
  return t;
};
const EN = { name: "en-US", decimal: "." as const, group: "," };

describe("the reason says the figure as the judgement read it", () => {
  test.each([
    // "1.600" in a row planned 0,79 %: the plan decides it is 1,6, so the reason says 1,6 (not "2", the rounding of 1,6 to the vi-VN reading's 0 decimals).
    ["12", "1.600", "1,600 > 0,79"],
    // "1,600" in a row planned 623,17: 1.600 (the en-US reading, no decimals), not "1.600,000".
    ["3", "1,600", "1.600 > 623,17"],
  ])("row %s, %p typed, en-US culture: %p", (no, typed, said) => {
    const t = row(no);
    const e = judgeFigure(t, typed, { culture: EN, cells: false });
    const info = targetInfo(t);
    const r = readFigure({ value: typed }, { sheet: "", cell: "", target: no, unit: info.unit, name: t.name, refs: info.refs, textOnly: true, culture: EN });
    expect(r.figure.kind).toBe("number");
    expect(e.reason.startsWith(said)).toBe(true);
  });

  test("a figure typed \"1,6\" against khoảng 1.600 in an en-US Excel: the reason names what was typed, and the fix the judgement proposes", () => {
    const e = judgeFigure(row("8"), "1,6", { culture: EN, cells: true });
    expect(e.status).toBe("xem-lai");
    expect(e.review?.proposed).toBe(1600);
    // The cell holds the text "1,6": no "1.600 was typed into an English Excel" story about a number that is not there.
    expect(e.reason).toContain('"1,6"');
    expect(e.reason).not.toContain('"1.600" đã được gõ');
  });
});

describe("the year-end report with last year's figures", () => {
  test("keeps the So với cùng kỳ (%) column, from the figure the judgement read", () => {
    const m = buildReport({
      plan, period: "year", actuals: { rows: [{ no: "1", actual: 25500 }, { no: "3", actual: "khoảng 600" }] },
      samePeriodLastYear: { "1": 24000, "3": 500 },
    });
    expect(m.columns.map((c) => c.key)).toContain("percentPrevious");
    expect(m.rows.find((r) => r.no === "1")?.percentPrevious?.text).toBe("106,3");
    expect(m.rows.find((r) => r.no === "3")?.percentPrevious?.text).toBe("120,0");
  });
});
