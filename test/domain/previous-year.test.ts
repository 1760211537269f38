import type { Plan } from "../../src/core/plan";
import { matchPreviousYear } from "../../src/core/report/previous-year";
import { builtInPlan } from "../../src/seeds";

const plans = (): [Plan, Plan] => {
  const p24 = builtInPlan("binh-son-2024");
  const p23 = builtInPlan("binh-son-2023");
  if (!p24 || !p23) throw new Error("plans");
  return [p24, p23];
};

describe("last year's figures matched to this year's targets", () => {
  test("the 2023 and 2024 plans: every main target by its number and a like name, but the advanced rural standard is not the basic one", () => {
    const [p24, p23] = plans();
    const rows = p23.targets.map((t) => ({ no: t.no, actual: 1 }));
    const r = matchPreviousYear(p24, p23, rows);
    // 2024's 14 counts communes of the advanced standard ("nông thôn mới nâng cao"), 2023's 14 those of
    // the basic one: another kind of target, so no "So với cùng kỳ" from it unless the officer says so.
    expect(r.matches.map((m) => [m.no, m.lastNo, m.how])).toEqual(p24.targets.filter((t) => t.no !== "14").map((t) => [t.no, t.no, "number-and-name"]));
    expect(r.values["14"]).toBeUndefined();
    const told = matchPreviousYear(p24, p23, rows, { "14": "14" });
    expect(told.matches.find((m) => m.no === "14")).toMatchObject({ lastNo: "14", how: "officer" });
  });

  test("a grade of a standard (nâng cao, kiểu mẫu) must be on both sides, by number or by name", () => {
    const [p24, p23] = plans();
    const last: Plan = { ...p23, targets: [...p23.targets, { ...p23.targets[13], no: "21", name: "Số xã đạt chuẩn nông thôn mới nâng cao" }] };
    const r = matchPreviousYear(p24, last, last.targets.map((t) => ({ no: t.no, actual: t.no === "21" ? 2 : 1 })));
    expect(r.matches.find((m) => m.no === "14")).toMatchObject({ lastNo: "21", how: "name" });
    expect(r.values["14"]).toBe(2);
  });

  test("a renumbered target is found by its name; one with no like name is left unmatched", () => {
    const [p24, p23] = plans();
    // Last year's 3 and 8 swapped numbers, and last year had no target 20.
    const moved: Plan = {
      ...p23,
      targets: p23.targets
        .filter((t) => t.no !== "20")
        .map((t) => (t.no === "3" ? { ...t, no: "8" } : t.no === "8" ? { ...t, no: "3" } : t)),
    };
    const r = matchPreviousYear(p24, moved, [{ no: "8", actual: "689,6" }, { no: "3", actual: 1500 }]);
    expect(r.values["3"]).toBe("689,6");
    expect(r.values["8"]).toBe(1500);
    expect(r.matches.find((m) => m.no === "3")).toMatchObject({ lastNo: "8", how: "name" });
    expect(r.matches.find((m) => m.no === "20")).toBeUndefined();
  });

  test("an actuals file without names: by number", () => {
    const [p24] = plans();
    const r = matchPreviousYear(p24, null, [{ no: "3", actual: 300 }, { no: "99", actual: 1 }]);
    expect(r.values).toEqual({ "3": 300 });
    expect(r.matches).toEqual([{ no: "3", lastNo: "3", lastName: null, how: "number" }]);
  });
});
