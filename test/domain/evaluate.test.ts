import * as fs from "node:fs";
import * as path from "node:path";
import { type Status, evaluatePlan, evaluateTarget } from "../../src/core/evaluate";
import { type Plan, type TargetRow, parsePlan } from "../../src/core/plan";
import { parsePlanCsv } from "../../src/core/plan-csv";
import { summarySentence } from "../../src/core/summary";
import fc from "fast-check";

const root = path.join(__dirname, "..", "..");
const readJson = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(root, f), "utf8"));

const round2 = (n: number): number => Math.round(n * 100) / 100;

function row(target: string, extra: Partial<TargetRow> = {}): TargetRow {
  return { no: "1", name: "Chỉ tiêu thử", unit: "", target, ...extra } as TargetRow;
}

const LABEL_TO_STATUS: Record<string, Status> = { "Đạt (vượt)": "vuot", "Đạt": "dat", "Không đạt": "khong-dat" };

/** The 2023 table of 783/BC, read from the source text: TT, name, unit, KH, Ước TH, status. */
function table2023(): { no: string; name: string; unit: string; kh: string; th: string; status: string }[] {
  const text = fs.readFileSync(path.join(root, "seeds/sources/002_e3836311bf2d29a3.txt"), "utf8").normalize("NFC");
  const start = text.indexOf("| TT | Chỉ tiêu chủ yếu");
  const end = text.indexOf("Trong 20 chỉ tiêu kinh tế");
  return text
    .slice(start, end)
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[-\s|]*\|$/.test(l.trim()))
    .slice(1)
    .map((l) => l.trim().slice(1, -1).split("|").map((c) => c.trim()))
    .filter((c) => c.length === 6 && (c[0] !== "" || c[3] !== ""))
    .map(([no, name, unit, kh, th, status]) => ({ no, name, unit, kh, th, status }));
}

describe("the 2023 plan against 783/BC", () => {
  const rows = table2023();

  it("finds the 20 main rows and 6 sector rows of the table", () => {
    expect(rows.filter((r) => r.no !== "-").map((r) => r.no)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(rows.filter((r) => r.no === "-")).toHaveLength(6);
  });

  it("seeds/binh-son-2023 with its estimates reproduces every printed status and the summary", () => {
    const plan = parsePlan(readJson("seeds/binh-son-2023.json"));
    if (!plan.ok) throw new Error("seed plan invalid");
    const estimates = readJson("seeds/binh-son-2023.estimates.json") as { rows: { no: string; actual: string }[] };
    const result = evaluatePlan(plan.value, { rows: estimates.rows });
    // Sector rows are numbered 1.1–1.3 and 2.1–2.3 in the seed, in table order.
    let main = "";
    let sub = 0;
    const expected = rows.map((r) => {
      if (r.no === "-") return { ...r, no: `${main}.${++sub}` };
      main = r.no;
      sub = 0;
      return r;
    });
    for (const r of expected) {
      const e = result.rows.find((x) => x.no === r.no);
      expect(e).toBeDefined();
      if (r.status === "") {
        expect([r.no, e!.printStatus]).toEqual([r.no, false]);
      } else {
        expect([r.no, e!.status, e!.printStatus]).toEqual([r.no, LABEL_TO_STATUS[r.status], true]);
      }
    }
    expect(result.summary).toEqual({ vuot: 13, dat: 6, khongDat: 1, xemLai: 0, thieuSoLieu: 0, chuaDanhGia: 0 });
    expect(summarySentence(plan.value, result, "783")).toBe(
      "Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023, có 13 chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt so với kế hoạch.",
    );
    expect(result.problems).toEqual([]);
  });

  it("the markdown table itself, typed as a CSV plan, gives the same statuses", () => {
    const esc = (s: string): string => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const csv = ["TT;Chỉ tiêu chủ yếu;Đơn vị tính;KH 2023", ...rows.map((r) => [r.no, r.name, r.unit, r.kh].map(esc).join(";"))].join("\r\n");
    const plan = parsePlanCsv(new TextEncoder().encode(csv), "bang-783.csv");
    if (!plan.ok) throw new Error(plan.problems.map((p) => `${p.code} ${JSON.stringify(p.location)}`).join("; "));
    const actuals = plan.value.targets.map((t, i) => ({ no: t.no, actual: rows[i].th }));
    const result = evaluatePlan(plan.value, { rows: actuals });
    plan.value.targets.forEach((t, i) => {
      const e = result.rows[i];
      expect(e.no).toBe(t.no);
      if (rows[i].status !== "") expect([t.no, e.status]).toEqual([t.no, LABEL_TO_STATUS[rows[i].status]]);
      else expect(e.printStatus).toBe(false);
    });
    expect(result.summary).toEqual({ vuot: 13, dat: 6, khongDat: 1, xemLai: 0, thieuSoLieu: 0, chuaDanhGia: 0 });
    expect(result.problems).toEqual([]);
  });
});

describe("the rule, case by case", () => {
  it.each([
    // [target, actual, extra, status, percent]
    [">48", "49", {}, "dat", 100],
    [">48", "100", {}, "vuot", null],
    [">48", "48", {}, "khong-dat", null],
    [">48", "48,5", {}, "dat", null],
    [">85", "100", {}, "vuot", null],
    [">80", ">80", {}, "dat", null],
    [">80", ">85", {}, "vuot", null],
    [">80", "≥ 80", {}, "khong-dat", null],
    [">80,5", "80,6", {}, "dat", 100],
    [">80,5", "80,7", {}, "vuot", null],
    ["≥ 50", "50", {}, "dat", 100],
    ["≥ 50", "51", {}, "vuot", 102],
    ["≥ 50", "49,9", {}, "khong-dat", 99.8],
    ["7-8", "10,03", {}, "vuot", null],
    ["7-8", "7,5", {}, "dat", null],
    ["7-8", "8", {}, "dat", null],
    ["7-8", "6,99", {}, "khong-dat", null],
    ["7-8", "7–8", {}, "dat", null],
    ["3,51", "2,82", { direction: "lower" }, "vuot", null],
    ["3,51", "3,51", { direction: "lower" }, "dat", null],
    ["3,51", "3,6", { direction: "lower" }, "khong-dat", null],
    ["6,1", "6", { name: "Tỷ lệ trẻ em <5 tuổi bị suy dinh dưỡng" }, "vuot", null],
    ["820,886", "1.143,929", {}, "vuot", 139.35],
    ["0,79", "0,79", {}, "dat", 100],
    ["1.600", "1.909", {}, "vuot", 119.31],
    ["22.293,49", "22.801,39", {}, "vuot", 102.28],
    ["giảm còn khoảng 2,14%", "2,0", {}, "vuot", null],
    ["giảm còn khoảng 2,14%", "2,5", {}, "khong-dat", null],
    ["dưới 5%", "3", {}, "vuot", null],
    ["dưới 5%", "4,9", {}, "dat", null],
    ["dưới 5", "4", {}, "dat", null],
    ["dưới 5", "5", {}, "khong-dat", null],
    ["tối đa 5", "5", {}, "dat", null],
    ["tối đa 5", "4", {}, "vuot", null],
    ["tối đa 5", "6", {}, "khong-dat", null],
    ["100% theo chỉ tiêu cấp trên giao", "100", {}, "dat", 100],
    ["khoảng 25.224", 25224, {}, "dat", 100],
    ["khoảng 25.224", 25000, {}, "khong-dat", 99.11],
  ] as const)("%j with %j → %s", (target, actual, extra, status, percent) => {
    const e = evaluateTarget(row(target, extra as Partial<TargetRow>), actual);
    expect(e.status).toBe(status);
    if (percent !== null) expect(e.percent).toBe(percent);
    expect(e.overridden).toBe(false);
    expect(e.reason).toMatch(/: (đạt \(vượt\)|đạt|không đạt)$/);
  });

  it("writes a reason with vi-VN figures", () => {
    expect(evaluateTarget(row(">48"), "49").reason).toBe("49 > 48: đạt");
    expect(evaluateTarget(row("giảm 3 tiêu chí"), "giảm 01 tiêu chí").reason).toBe("giảm 1/3 tiêu chí: không đạt");
    expect(evaluateTarget(row("820,886"), "1.143,929").reason).toBe("1.143,929 > 820,886: đạt (vượt)");
  });

  it("gives the fall achieved against the fall planned for lower-is-better rates when the previous figure is known", () => {
    const e = evaluateTarget(row("giảm còn 2,14%", { unit: "%" }), "2,5", { previous: "3,51" });
    expect(e.status).toBe("khong-dat");
    // (3,51 − 2,5) / (3,51 − 2,14) = 73,72 %
    expect(e.percent).toBe(73.72);
    expect(evaluateTarget(row("giảm còn 2,14%"), "2,5").percent).toBeNull();
    expect(evaluateTarget(row("3,51", { direction: "lower", previous: "4,2" }), "2,82").percent).toBe(200);
  });

  it("judges changes from the previous figure", () => {
    const rate = { unit: "%", name: "Tỷ lệ hộ nghèo" };
    expect(evaluateTarget(row("giảm 1-1,5%", rate), "2,3", { previous: "3,51" }).status).toBe("dat");
    expect(evaluateTarget(row("giảm 1-1,5%", rate), "2,8", { previous: "3,51" }).status).toBe("khong-dat");
    expect(evaluateTarget(row("giảm 1-1,5%", rate), "1,5", { previous: "3,51" }).status).toBe("vuot");
    expect(evaluateTarget(row("giảm 1-1,5%", rate), "giảm 1,2%").status).toBe("dat");
    const money = { unit: "tỷ đồng" };
    const up = evaluateTarget(row("tăng 10%", money), "1.100", { previous: "1.000" });
    expect([up.status, up.percent]).toEqual(["dat", 100]);
    expect(evaluateTarget(row("tăng 10%", money), "1.050", { previous: "1.000" }).status).toBe("khong-dat");
    const none = evaluateTarget(row("tăng 10%", money), "1.050");
    expect(none.status).toBe("thieu-so-lieu");
    expect(none.problems.map((p) => p.code)).toEqual(["evaluate.previous-missing"]);
  });

  it("takes the book's last-year figure of the year where the plan has none: the year's Cùng kỳ at the year end, the year's column before", () => {
    const poverty = row("giảm còn 2,14%", { unit: "%" });
    // The year end: last year's same period is the year.
    expect(evaluateTarget(poverty, "2,5", { period: "year", lastYear: "3,51" }).percent).toBe(73.72);
    expect(evaluateTarget(poverty, "2,5", { lastYear: "3,51" }).percent).toBe(73.72);
    // Before it: the same period last year is no year figure; the year's column is.
    const six = row("6", { unit: "%", direction: "lower" });
    expect(evaluateTarget(six, "5,95", { period: "6m", lastYear: "6,3" }).percent).toBeNull();
    expect(evaluateTarget(six, "5,95", { period: "6m", lastYear: "6,3", lastYearTotal: "6,1" }).percent).toBe(150);
    // The plan's TH năm trước comes first.
    expect(evaluateTarget(row("giảm còn 2,14%", { unit: "%", previous: "4,2" }), "2,82", { lastYear: "3,51" }).percent).toBe(round2((4.2 - 2.82) / (4.2 - 2.14) * 100));
    // A change from the sheet's figure instead of "cần số năm trước".
    const rate = row("giảm 1-1,5%", { unit: "%", name: "Tỷ lệ hộ nghèo" });
    expect(evaluateTarget(rate, "2,3", { period: "year", lastYear: "3,51" }).status).toBe("dat");
    // Last year already at or below the level: no fall was planned, no percent (never a negative one).
    expect(evaluateTarget(poverty, "1,9", { lastYear: "2,0" })).toMatchObject({ status: "vuot", percent: null });
  });
});

describe("missing and unreadable figures", () => {
  it.each([null, "", "  ", "-", "—", "...", "chưa có số liệu"])("%j is thieu-so-lieu without a problem", (actual) => {
    const e = evaluateTarget(row(">48"), actual);
    expect(e.status).toBe("thieu-so-lieu");
    expect(e.percent).toBeNull();
    expect(e.problems).toEqual([]);
  });

  it.each(["abc", "1.2.3", "49 người 7", "đạt"])("%j is thieu-so-lieu with a problem, never không đạt", (actual) => {
    const e = evaluateTarget(row(">48", { no: "9" }), actual);
    expect(e.status).toBe("thieu-so-lieu");
    expect(e.problems.map((p) => [p.code, p.location.target])).toEqual([["evaluate.actual-invalid", "9"]]);
  });

  it("an actual bound on the wrong side gives thieu-so-lieu", () => {
    const e = evaluateTarget(row(">80"), "<90");
    expect(e.status).toBe("thieu-so-lieu");
    expect(e.problems.map((p) => p.code)).toEqual(["evaluate.actual-indeterminate"]);
  });

  it("an unreadable target gives thieu-so-lieu and says why", () => {
    const e = evaluateTarget(row("hoàn thành tốt"), "100");
    expect(e.status).toBe("thieu-so-lieu");
    expect(e.problems.map((p) => p.code)).toEqual(["target.unknown-wording", "evaluate.target-unreadable"]);
  });

  it("warns when the other reading of an ambiguous figure is as plausible and changes the status", () => {
    const e = evaluateTarget(row("1.500"), "1,600");
    expect(e.status).toBe("khong-dat");
    expect(e.problems.map((p) => p.code)).toEqual(["evaluate.ambiguous-actual"]);
    expect(evaluateTarget(row("72.643"), "72.931").problems).toEqual([]);
  });
});

describe("rule settings and overrides", () => {
  it("tolerance counts a near miss as on the plan", () => {
    expect(evaluateTarget(row("100"), "99,5").status).toBe("khong-dat");
    expect(evaluateTarget(row("100", { rule: { tolerance: 0.5 } }), "99,5").status).toBe("dat");
    expect(evaluateTarget(row("100", { rule: { tolerance: 0.5 } }), "100,4").status).toBe("dat");
    expect(evaluateTarget(row("100", { rule: { tolerance: 0.5 } }), "100,6").status).toBe("vuot");
  });

  it("strictBound exclusive makes a threshold đạt, never vượt", () => {
    expect(evaluateTarget(row(">85", { rule: { strictBound: "exclusive" } }), "100").status).toBe("dat");
    expect(evaluateTarget(row(">85", { rule: { strictBound: "exclusive" } }), "85").status).toBe("khong-dat");
  });

  it("exceed: dat reports vượt as đạt and says so", () => {
    const e = evaluateTarget(row("94", { rule: { exceed: "dat" } }), "95,7");
    expect(e.status).toBe("dat");
    expect(e.reason).toContain("vượt ghi là đạt");
  });

  it("a staff override with a reason wins and is reported", () => {
    const e = evaluateTarget(row(">48"), "49", { override: { status: "vuot", reason: "Theo kết luận của Thường trực" } });
    expect([e.status, e.ruleStatus, e.overridden]).toEqual(["vuot", "dat", true]);
    expect(e.reason).toContain("Theo kết luận của Thường trực");
    expect(e.reason).toContain("điều chỉnh");
    expect(e.reason).toContain("49 > 48: đạt");
  });

  it("an override without a reason is refused with a problem", () => {
    const e = evaluateTarget(row(">48"), "49", { override: { status: "vuot", reason: " " } });
    expect([e.status, e.overridden]).toEqual(["dat", false]);
    expect(e.problems.map((p) => p.code)).toEqual(["evaluate.override-invalid"]);
  });
});

describe("the traffic criterion", () => {
  const target18 = row("Giảm 3 tiêu chí", { no: "18", name: "Phấn đấu giảm tiêu chí tai nạn giao thông", criteria: "traffic-accidents" });

  it("derives the criteria from the six counts and flags a typed value that disagrees", () => {
    // 783/BC: accidents and deaths fell, injuries rose, yet the table typed "giảm 01 tiêu chí".
    const traffic = { accidents: [120, 100], deaths: [50, 45], injuries: [80, 90] } as const;
    const e = evaluateTarget(target18, "giảm 01 tiêu chí", { traffic: { accidents: [...traffic.accidents], deaths: [...traffic.deaths], injuries: [...traffic.injuries] } });
    expect(e.status).toBe("khong-dat");
    expect(e.reason).toMatch(/^giảm 2\/3 tiêu chí/);
    expect(e.problems.map((p) => [p.code, p.params.typed, p.params.derived])).toEqual([["traffic.inconsistent", 1, 2]]);
    // One problem, one severity: the check's (traffic.inconsistent is an error there too).
    expect(e.problems.map((p) => p.severity)).toEqual(["error"]);
  });

  it("all three falling meets the target", () => {
    const e = evaluateTarget(target18, null, { traffic: { accidents: [120, 100], deaths: [50, 45], injuries: [80, 70] } });
    expect(e.status).toBe("dat");
    expect(e.problems).toEqual([]);
  });

  it("uses a typed value as typed when no counts are given", () => {
    expect(evaluateTarget(target18, "giảm 3 tiêu chí").status).toBe("dat");
    expect(evaluateTarget(target18, "giảm 1/3 tiêu chí").status).toBe("khong-dat");
    expect(evaluateTarget(target18, "2").status).toBe("khong-dat");
    expect(evaluateTarget(target18, null).status).toBe("thieu-so-lieu");
  });

  it("partial counts decide only when they can", () => {
    const partial = { accidents: [120, 130] as [number, number], deaths: [null, null] as [null, null], injuries: [80, 70] as [number, number] };
    expect(evaluateTarget(target18, null, { traffic: partial }).status).toBe("khong-dat");
    const undecided = { accidents: [120, 100] as [number, number], deaths: [50, null] as [number, null], injuries: [80, 70] as [number, number] };
    expect(evaluateTarget(target18, null, { traffic: undecided }).status).toBe("thieu-so-lieu");
    expect(evaluateTarget(target18, "giảm 3 tiêu chí", { traffic: undecided }).status).toBe("dat");
  });

  it("rejects counts that are not whole numbers", () => {
    const e = evaluateTarget(target18, null, { traffic: { accidents: [120, -1], deaths: [50, 45], injuries: [80, 70] } });
    expect(e.problems.map((p) => p.code)).toContain("traffic.bad-count");
    expect(e.status).toBe("thieu-so-lieu");
  });

  it("evaluatePlan passes the counts to the criteria row only", () => {
    const plan = parsePlan(readJson("seeds/binh-son-2023.json"));
    if (!plan.ok) throw new Error("seed");
    const result = evaluatePlan(plan.value, { rows: [{ no: "18", actual: "giảm 01 tiêu chí" }], traffic: { accidents: [10, 5], deaths: [5, 4], injuries: [9, 8] } });
    expect(result.rows.find((r) => r.no === "18")!.status).toBe("dat");
    expect(result.problems.map((p) => p.code)).toEqual(["traffic.inconsistent"]);
    expect(result.summary).toEqual({ vuot: 0, dat: 1, khongDat: 0, xemLai: 0, thieuSoLieu: 19, chuaDanhGia: 0 });
  });
});

describe("evaluatePlan: rows and matching", () => {
  const plan = parsePlan(readJson("seeds/binh-son-2023.json"));
  if (!plan.ok) throw new Error("seed");
  const p: Plan = plan.value;

  it("matches row numbers written with leading zeros and flags unknown and duplicate rows", () => {
    const result = evaluatePlan(p, { rows: [{ no: "09", actual: "49" }, { no: "9", actual: "47" }, { no: "21", actual: "1" }] });
    expect(result.rows.find((r) => r.no === "9")!.status).toBe("dat");
    expect(result.problems.map((x) => x.code).sort()).toEqual(["actuals.duplicate-row", "actuals.unknown-row"]);
  });

  it("checks that additive sub-rows add up, for actuals", () => {
    const rows = [
      { no: "1", actual: "22.801,39" }, { no: "1.1", actual: "2.939,44" }, { no: "1.2", actual: "8.204,95" }, { no: "1.3", actual: "11.600,00" },
    ];
    const result = evaluatePlan(p, { rows });
    expect(result.problems.map((x) => [x.code, x.location.target])).toEqual([["subrows.actual-sum", "1"]]);
  });

  // Issue 14: what evaluatePlan keeps per plan (row keys, totals and their sub-rows) is read again
  // when the plan's rows are replaced, so a plan edited in place is never judged by its old rows.
  it("reads a plan again once its rows are replaced", () => {
    const edited: Plan = { ...p, targets: p.targets.map((t) => ({ ...t })) };
    const rows = [
      { no: "1", actual: "22.801,39" }, { no: "1.1", actual: "2.939,44" }, { no: "1.2", actual: "8.204,95" }, { no: "1.3", actual: "11.600,00" },
      { no: "99", actual: "5" },
    ];
    const before = evaluatePlan(edited, { rows });
    expect(before.problems.map((x) => x.code).sort()).toEqual(["actuals.unknown-row", "subrows.actual-sum"]);
    edited.targets = [
      ...edited.targets.filter((t) => t.no !== "1.3"),
      { ...edited.targets.find((t) => t.no === "9")!, no: "99" },
    ];
    const after = evaluatePlan(edited, { rows });
    // 1.3 is gone (its figure now an unknown row, the sums of 1.1 and 1.2 short of the total), and
    // 99 is a row of the plan, judged.
    expect(after.problems.map((x) => [x.code, x.location.target])).toEqual([
      ["actuals.unknown-row", "1.3"], ["subrows.plan-sum", "1"], ["subrows.actual-sum", "1"],
    ]);
    expect(after.problems[2].params.rows).toBe("1.1, 1.2");
    expect(after.rows.find((r) => r.no === "99")!.status).toBe("khong-dat");
  });

  // Issue 11: a number stored as text is the check's value.text-number slip in a workbook's cells, so
  // the sheet, ktxh evaluate on a book and the report hold its judgement for review; in a CSV or JSON
  // file a figure written as text is simply how it was written, and is judged.
  it("a number stored as text in a workbook's cell is to review, in a text file it is judged", () => {
    const rows = [{ no: "9", actual: "49" }];
    const inFile = evaluatePlan(p, { rows });
    const inCells = evaluatePlan(p, { rows, cells: true });
    expect(inFile.rows.find((r) => r.no === "9")!.status).toBe("dat");
    const held = inCells.rows.find((r) => r.no === "9")!;
    expect(held.status).toBe("xem-lai");
    expect(inCells.summary.xemLai).toBe(1);
    // A number in a cell is judged the same either way.
    expect(evaluatePlan(p, { rows: [{ no: "9", actual: 49 }], cells: true }).rows.find((r) => r.no === "9")!.status).toBe("dat");
  });
});

describe("properties", () => {
  const rank: Record<Status, number> = { "khong-dat": 0, dat: 1, vuot: 2, "xem-lai": -1, "thieu-so-lieu": -1, "chua-danh-gia": -1 };
  const targets = [">48", "≥ 50", "7-8", "khoảng 25.224", "dưới 5", "tối đa 5", "giảm còn 2,14", "100", "< 3,5", "> 80,5", "từ 1,5 đến 2,5"];
  const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

  it("a better actual never gets a worse status", () => {
    const pair = fc
      .record({ t: fc.constantFrom(...targets), lower: fc.boolean(), base: unit, share: unit, decimals: fc.integer({ min: 0, max: 3 }), step: unit })
      .map(({ t, lower, base, share, decimals, step }) => {
        const a = Number((base * 30000 * share).toFixed(decimals));
        return { t, direction: lower ? ("lower" as const) : ("higher" as const), a, b: Number((a + step * 10).toFixed(3)) };
      });
    fc.assert(
      fc.property(pair, ({ t, direction, a, b }) => {
        const ea = evaluateTarget(row(t, { direction }), a);
        const eb = evaluateTarget(row(t, { direction }), b);
        const lower = ea.target!.direction === "lower";
        const [worse, better] = lower ? [eb, ea] : [ea, eb];
        expect(rank[better.status]).toBeGreaterThanOrEqual(rank[worse.status]);
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws and never says không đạt for text it cannot read", () => {
    const pieces = ["1", "4", "8", ".", ",", " ", "%", "giảm", "tiêu chí", ">", "<", "abc", "khoảng", "-", "0"];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((ps) => ps.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(...targets), (actual, t) => {
        const e = evaluateTarget(row(t), actual);
        expect(["vuot", "dat", "khong-dat", "thieu-so-lieu"]).toContain(e.status);
        if (e.problems.some((p) => p.code === "evaluate.actual-invalid")) expect(e.status).toBe("thieu-so-lieu");
      }),
      { numRuns: 5000 },
    );
  });
});
