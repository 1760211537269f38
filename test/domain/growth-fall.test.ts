/**
 * Growth rates ("Tốc độ tăng trưởng kinh tế (GRDP) tăng 7,5%": 7,5 % is the level to reach) and fall
 * or rise targets ("Tỷ lệ hộ nghèo giảm 1-1,5%": the actual may be the fall itself or the new rate with
 * last year's), in the forms published plans write them. The rule is in core (target.ts, evaluate/rule.ts).
 */
import { evaluatePlan, evaluateTarget } from "../../src/core/evaluate";
import { type PlanInput, type TargetRow, parsePlan } from "../../src/core/plan";
import { isRateIndicator, parseTarget } from "../../src/core/target";

const row = (r: Partial<TargetRow> & { name: string; target: string }): TargetRow => ({ no: "1", unit: "%", ...r }) as TargetRow;

describe("growth-rate indicators: 'tăng X%' is the rate to reach", () => {
  it.each([
    ["Tốc độ tăng trưởng kinh tế (GRDP)", "%", true],
    ["Tốc độ tăng trưởng giá trị sản xuất", "%", true],
    ["Tăng trưởng tổng sản phẩm trên địa bàn", "%", true],
    ["Tốc độ tăng thu nhập bình quân đầu người", "%", true],
    ["Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", false],
    ["Tốc độ tăng trưởng kinh tế", "tỷ đồng", false],
    ["Tỷ lệ hộ nghèo", "%", false],
  ])("%j (%s) is a rate: %p", (name, unit, expected) => {
    expect(isRateIndicator(name, unit)).toBe(expected);
  });

  it.each([
    ["tăng 7,5%", "7,9", "vuot", 7.5],
    ["tăng 7,5%", "7,5", "dat", 7.5],
    ["tăng 7,5%", "7,2", "khong-dat", 7.5],
    ["tăng 7,5%", "tăng 7,9%", "vuot", 7.5],
    ["tăng khoảng 8%", "8", "dat", 8],
    ["Phấn đấu tăng 7,5% trở lên", "7,6", "vuot", 7.5],
  ])("target %j with actual %j → %s", (target, actual, status, level) => {
    const r = row({ name: "Tốc độ tăng trưởng kinh tế (GRDP)", target });
    const e = evaluateTarget(r, actual);
    expect(e.status).toBe(status);
    expect(e.target).toMatchObject({ change: null, rate: true, min: level, direction: "higher" });
    // No previous figure is asked for: the rate is judged on its own.
    expect(e.problems.map((p) => p.code)).not.toContain("evaluate.previous-missing");
    expect(e.reason).toContain("tốc độ");
  });

  it("the range of a growth rate ('tăng 8-8,5%') is a level range", () => {
    const e = evaluateTarget(row({ name: "Tốc độ tăng trưởng giá trị sản xuất", target: "tăng 8-8,5%" }), "9,1");
    expect(e.target).toMatchObject({ kind: "range", min: 8, max: 8.5, rate: true });
    expect(e.status).toBe("vuot");
  });

  it("a plan row can say it is a rate (rate: true) or that it is not (rate: false)", () => {
    const named = { name: "Giá trị sản xuất công nghiệp", unit: "%", target: "tăng 12%" };
    expect(evaluateTarget(row({ ...named, rate: true }), "12,5").status).toBe("vuot");
    expect(evaluateTarget(row(named), "12,5").status).toBe("thieu-so-lieu");
    const e = evaluateTarget(row({ name: "Tốc độ tăng trưởng kinh tế", target: "tăng 7,5%", rate: false, previous: "100" }), "108");
    expect(e.target?.change).toBe("increase");
    expect(e.status).toBe("vuot");
  });

  it("a relative rise of a figure in tỷ đồng stays a change from last year's figure", () => {
    const e = evaluateTarget(row({ name: "Tổng thu ngân sách trên địa bàn", unit: "tỷ đồng", target: "tăng 10% so với năm 2023", previous: "600" }), "672");
    expect(e.target).toMatchObject({ change: "increase", rate: false });
    expect(e.status).toBe("vuot");
  });

  it("a rate's canonical text reads back as the same rate", () => {
    const hints = { name: "Tốc độ tăng trưởng kinh tế", unit: "%" };
    for (const w of ["tăng 7,5%", "tăng trên 7%", "tăng 8-8,5%"]) {
      const a = parseTarget(w, hints);
      if (!a.ok) throw new Error(w);
      const b = parseTarget(a.value.canonical, hints);
      expect(b.ok && { ...b.value, written: "" }).toEqual({ ...a.value, written: "" });
    }
  });

  it("a plan accepts rate and actualIs, and refuses other values", () => {
    const base: PlanInput = { id: "x", unit: "UBND xã A", year: 2026, source: { document: "d" }, targets: [] };
    const t = { no: "1", name: "GRDP", unit: "%", target: "tăng 7%" };
    expect(parsePlan({ ...base, targets: [{ ...t, rate: true, actualIs: "change" }] }).ok).toBe(true);
    expect(parsePlan({ ...base, targets: [{ ...t, actualIs: "fall" }] }).ok).toBe(false);
  });
});

describe("fall targets: the fall typed, or the new rate with last year's", () => {
  const poor = { name: "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", target: "giảm 1-1,5%" };

  it("the fall typed as words ('giảm 1,2%') is the fall, and the reason says so", () => {
    const e = evaluateTarget(row(poor), "giảm 1,2%");
    expect(e.status).toBe("dat");
    expect(e.reason).toContain("số đã ghi là mức giảm");
  });

  it("a bare 1,2 in a row whose actual is the fall (actualIs: change) is the fall", () => {
    const r = row({ ...poor, actualIs: "change", previous: "3,51" });
    const e = evaluateTarget(r, "1,2");
    expect(e.status).toBe("dat");
    expect(e.reason).toContain("số đã ghi là mức giảm");
    expect(evaluateTarget(r, "0,6").status).toBe("khong-dat");
    expect(evaluateTarget(r, "1,8").status).toBe("vuot");
  });

  it("the new rate with last year's gives the fall, and the reason says it was worked out", () => {
    const e = evaluateTarget(row({ ...poor, previous: "3,51" }), "2,3");
    expect(e.status).toBe("dat");
    expect(e.reason).toContain("tính từ số năm nay 2,3 và năm trước 3,51");
    expect(evaluateTarget(row({ ...poor, previous: "3,51" }), "3,1").status).toBe("khong-dat");
  });

  it("the new rate without last year's asks for it, or for the fall itself, and is never không đạt", () => {
    const e = evaluateTarget(row(poor), "2,3");
    expect(e.status).toBe("thieu-so-lieu");
    expect(e.problems.map((p) => p.code)).toContain("evaluate.previous-missing");
    expect(e.reason).toContain("giảm 1,2%");
  });

  it("a rise typed for a fall target counts against it", () => {
    expect(evaluateTarget(row(poor), "tăng 0,3%").status).toBe("khong-dat");
  });

  it("evaluatePlan gives the same answer for both readings", () => {
    const plan = parsePlan({
      id: "xa-tan-phuoc-2026", unit: "UBND xã Tân Phước", year: 2026, source: { document: "KH" },
      targets: [
        { no: "1", ...poor, unit: "%", previous: "3,51" },
        { no: "2", ...poor, unit: "%", actualIs: "change" },
        { no: "3", name: "Tốc độ tăng trưởng kinh tế", unit: "%", target: "tăng 7,5%" },
      ],
    });
    if (!plan.ok) throw new Error("plan");
    const r = evaluatePlan(plan.value, { rows: [{ no: "1", actual: "2,31" }, { no: "2", actual: "1,2" }, { no: "3", actual: 7.9 }] });
    expect(r.rows.map((x) => x.status)).toEqual(["dat", "dat", "vuot"]);
  });
});

describe("a composite target judged from its sub-rows", () => {
  const plan = (() => {
    const r = parsePlan({
      id: "tinh-2024", unit: "UBND tỉnh Quảng Ngãi", year: 2024, source: { document: "NQ" },
      targets: [
        { no: "1", name: "Tỷ lệ trường đạt chuẩn quốc gia", unit: "%", target: "mầm non 60%, tiểu học 80%, trung học cơ sở 70%" },
        { no: "1.1", parent: "1", name: "Mầm non", unit: "%", target: "60" },
        { no: "1.2", parent: "1", name: "Tiểu học", unit: "%", target: "80%" },
        { no: "1.3", parent: "1", name: "Trung học cơ sở", unit: "%", target: "70" },
        { no: "2", name: "Giải quyết việc làm cho 1.500 lao động, trong đó xuất khẩu lao động 200 người", unit: "người", target: "1.500 lao động, xuất khẩu lao động 200 người" },
        { no: "2.1", parent: "2", name: "Giải quyết việc làm", unit: "người", target: "khoảng 1.500" },
        { no: "2.2", parent: "2", name: "Xuất khẩu lao động", unit: "người", target: "200" },
        { no: "3", name: "Lists figures its sub-rows do not carry", unit: "%", target: "nông thôn 50%, đô thị 90%" },
        { no: "3.1", parent: "3", name: "Nông thôn", unit: "%", target: "55" },
        { no: "3.2", parent: "3", name: "Đô thị", unit: "%", target: "90" },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  })();
  const judge = (figures: Record<string, string | number | null>) =>
    evaluatePlan(plan, { rows: Object.entries(figures).map(([no, actual]) => ({ no, actual })) });
  const status = (r: ReturnType<typeof judge>, no: string) => r.rows.find((e) => e.no === no);

  it("all sub-rows met → met; all beyond → vượt; the reason says it is judged from them", () => {
    const r = judge({ "1.1": "60", "1.2": "81", "1.3": "70", "2.1": 1600, "2.2": 230 });
    expect(status(r, "1")?.status).toBe("dat");
    expect(status(r, "1")?.reason).toContain("dòng chi tiết");
    expect(status(r, "1")?.problems.map((p) => p.code)).not.toContain("evaluate.target-unreadable");
    expect(status(r, "2")?.status).toBe("vuot");
    expect(r.summary).toMatchObject({ vuot: 1, dat: 1 });
  });

  it("any sub-row short → short, and the reason names it", () => {
    const r = judge({ "1.1": "62", "1.2": "75", "1.3": "71" });
    expect(status(r, "1")?.status).toBe("khong-dat");
    expect(status(r, "1")?.reason).toContain("1.2 (Tiểu học)");
  });

  it("a sub-row without its figure leaves the total not yet judgeable, named", () => {
    const r = judge({ "1.1": "62", "1.2": "85" });
    expect(status(r, "1")?.status).toBe("thieu-so-lieu");
    expect(status(r, "1")?.reason).toContain("1.3");
  });

  it("its sub-rows are judged and printed although the total is in %", () => {
    const r = judge({ "1.1": "62", "1.2": "85", "1.3": "70" });
    expect(r.rows.filter((e) => e.parent === "1").map((e) => [e.status, e.printStatus])).toEqual([["vuot", true], ["vuot", true], ["dat", true]]);
  });

  it("a line whose sub-rows do not carry its figures stays unreadable", () => {
    const r = judge({ "3.1": "56", "3.2": "91" });
    expect(status(r, "3")?.status).toBe("thieu-so-lieu");
    expect(status(r, "3")?.problems.map((p) => p.code)).toContain("evaluate.target-unreadable");
  });

  it("a staff override on the total still wins", () => {
    const r = evaluatePlan(plan, { rows: [{ no: "1.1", actual: 50 }, { no: "1", actual: null, override: { status: "dat", reason: "Sở GD xác nhận" } }] });
    expect(status(r, "1")).toMatchObject({ status: "dat", overridden: true, ruleStatus: "khong-dat" });
  });
});
