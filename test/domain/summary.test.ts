import type { PlanEvaluation } from "../../src/core/evaluate";
import { parsePlan } from "../../src/core/plan";
import { summarySentence, twoDigits } from "../../src/core/summary";

const plan = (() => {
  const r = parsePlan({
    id: "x", unit: "UBND thử", year: 2023, source: { document: "thử" },
    targets: Array.from({ length: 26 }, (_, i) => ({ no: String(i + 1), name: `Chỉ tiêu ${i + 1}`, unit: "%", target: "5" })),
  });
  if (!r.ok) throw new Error("plan");
  return r.value;
})();
const evaluation = (vuot: number, dat: number, khongDat: number, thieuSoLieu: number): PlanEvaluation => ({ rows: [], problems: [], summary: { vuot, dat, khongDat, xemLai: 0, thieuSoLieu, chuaDanhGia: 0 } });

describe("summarySentence", () => {
  it("writes the 783/BC sentence with two-digit counts", () => {
    const twenty = { ...plan, targets: plan.targets.slice(0, 20) };
    expect(summarySentence(twenty, evaluation(13, 6, 1, 0), "783")).toBe(
      "Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023, có 13 chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt so với kế hoạch.",
    );
  });

  it("mentions missing data and leaves out empty groups", () => {
    const s = summarySentence(plan, evaluation(13, 11, 0, 2), "783");
    expect(s).toBe("Trong 26 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023, có 13 chỉ tiêu vượt kế hoạch, 11 chỉ tiêu đạt kế hoạch và 02 chỉ tiêu chưa có số liệu để đánh giá.");
  });

  it("counts vượt inside đạt in the other style", () => {
    const s = summarySentence(plan, evaluation(13, 11, 2, 0), "dat-trong-do-vuot");
    expect(s).toContain("24 đạt (trong đó 13 vượt)");
    expect(s).toContain("2 không đạt");
    expect(summarySentence(plan, evaluation(13, 11, 0, 2), "dat-trong-do-vuot")).toContain("2 chưa có số liệu");
  });

  it("pads counts as printed", () => {
    expect([0, 6, 13, 120].map(twoDigits)).toEqual(["00", "06", "13", "120"]);
  });
});
