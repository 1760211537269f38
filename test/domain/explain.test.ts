/** "Vì sao?": the rule's words for each kind of target agree with what the rule decides for a figure above, on and below it. */
import { explainRule } from "../../src/core/evaluate/explain";
import { judge } from "../../src/core/evaluate/rule";
import { parseTarget } from "../../src/core/target";

const spec = (text: string, hints: Parameters<typeof parseTarget>[1] = {}) => {
  const r = parseTarget(text, hints);
  if (!r.ok) throw new Error(text);
  return r.value;
};

const status = (text: string, v: number, hints: Parameters<typeof parseTarget>[1] = {}) =>
  judge({ spec: spec(text, hints), actual: { kind: "value", value: v, decimals: 2, text: String(v), alternatives: [] }, previous: null, settings: {}, rowUnit: "" }).status;

describe("explainRule", () => {
  test("a point, higher is better: the words say what judge does above, on and below it", () => {
    const s = spec("623,17");
    expect(explainRule(s)).toBe("Kế hoạch “623,17” là một mức: cao hơn mức đó là Đạt (vượt), bằng là Đạt, thấp hơn là Không đạt.");
    expect([status("623,17", 700), status("623,17", 623.17), status("623,17", 600)]).toEqual(["vuot", "dat", "khong-dat"]);
  });

  test("lower is better: the mirror image, said so", () => {
    const text = explainRule(spec("giảm còn khoảng 2,14"));
    expect(text).toContain("thấp hơn mức đó là Đạt (vượt), bằng là Đạt, cao hơn là Không đạt.");
    expect(text).toContain("càng thấp càng tốt");
    expect([status("giảm còn khoảng 2,14", 2), status("giảm còn khoảng 2,14", 3)]).toEqual(["vuot", "khong-dat"]);
  });

  test("thresholds, ranges, criteria and changes each have their own sentence; row settings are added", () => {
    expect(explainRule(spec(">80"))).toContain("ngưỡng phải vượt qua");
    expect(explainRule(spec("7-8"))).toContain("trong khoảng là Đạt, cao hơn khoảng là Đạt (vượt)");
    expect(explainRule(spec("Giảm 3 tiêu chí"))).toContain("đếm số tiêu chí giảm");
    expect(explainRule(spec("tăng 5%", { unit: "tỷ đồng" }))).toContain("mức thay đổi so với năm trước");
    expect(explainRule(spec(">80"), { strictBound: "exclusive", exceed: "dat", tolerance: 0.5 })).toContain("vượt kế hoạch cũng ghi là Đạt");
    expect(explainRule(spec(">80"), { strictBound: "exclusive" })).toContain("qua ngưỡng là Đạt, không tính vượt");
    expect(explainRule(spec("80"), { tolerance: 0.5 })).toContain("Lệch không quá 0,5");
  });
});
