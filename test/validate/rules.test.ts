/** The validation rules on grids in memory: each rule alone, with the cell it names and the fix it offers. */
import * as fs from "node:fs";
import * as path from "node:path";
import { hasMessage, message } from "../../src/core/messages";
import { parsePlan, type Plan } from "../../src/core/plan";
import type { Grid, GridCell } from "../../src/core/read-table/grid";
import { type Issue, SEVERITY, validateGrid } from "../../src/core/validate";
import { builtInPlans } from "../../src/seeds";
import fc from "fast-check";

const plan2024 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;
const plan2023 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2023") as Plan;

type In = string | number | null | GridCell;
const cell = (v: In): GridCell | null => (v === null ? null : typeof v === "object" ? v : { value: v });

function grid(rows: In[][], extra: Partial<Grid> = {}): Grid {
  return { sheet: "S", cells: rows.map((r) => r.map(cell)), merges: [], ...extra };
}

/** A colleague's sheet of the 2024 plan: every target, figures good, then `edit` (by target number). */
function sheet2024(edit: Record<string, Partial<{ plan: In; actual: In; name: In }>> = {}, extra: Partial<Grid> = {}): Grid {
  const good: Record<string, In> = {
    "1": 25500, "2": 10.9, "3": 650.2, "4": 930.1, "5": 73010, "6": 35100, "7": 35.6, "8": 1720, "9": 51.2, "10": 2.05,
    "11": 1, "12": 0.79, "13": 5.9, "14": 1, "15": 95.1, "16": 100, "17": ">80", "18": "giảm 03 tiêu chí", "19": 92.5, "20": 2150,
  };
  const rows: In[][] = [["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]];
  for (const t of plan2024().targets) {
    const e = edit[t.no] ?? {};
    rows.push([t.no, e.name !== undefined ? e.name : t.name, t.unit, e.plan !== undefined ? e.plan : t.target, e.actual !== undefined ? e.actual : good[t.no]]);
  }
  return grid(rows, extra);
}

const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.code} ${i.location.cell ?? "-"} ${i.location.target ?? "-"}`);

describe("figures", () => {
  test("a clean sheet gives nothing; worded entries (>80, giảm 03 tiêu chí, 100% theo chỉ tiêu cấp trên giao) are valid", () => {
    expect(validateGrid(plan2024(), [sheet2024({ "16": { actual: "100% theo chỉ tiêu cấp trên giao" } })])).toEqual([]);
  });

  test("a number stored as text: a warning with the number as fix; not in a CSV, where all is text", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "3": { actual: "650,2" } })]);
    expect(brief(issues)).toEqual(["value.text-number E4 3"]);
    expect(issues[0]).toMatchObject({ severity: "warning", fix: { cell: "E4", value: 650.2 } });
    expect(validateGrid(plan2024(), [sheet2024({ "3": { actual: "650,2" } }, { textOnly: true })])).toEqual([]);
  });

  test("an ambiguous text is settled by the plan when it can be, and reported when it cannot", () => {
    const settled = validateGrid(plan2024(), [sheet2024({ "8": { actual: "1.720" } })]);
    expect(settled.map((i) => [i.code, i.fix?.value])).toEqual([["value.text-number", 1720]]);
    const en = validateGrid(plan2024(), [sheet2024({ "12": { actual: "0.790" } })]);
    expect(en.map((i) => [i.code, i.fix?.value])).toEqual([["value.text-number", 0.79]]);
    // Target 18 has no figure to compare with: "1.050" could be 1050 or 1,05.
    const r = parsePlan({ id: "p", unit: "x", year: 2024, source: { document: "d" }, targets: [{ no: "1", name: "Số vụ cháy rừng", unit: "vụ", target: "giảm 3 tiêu chí" }] });
    if (!r.ok) throw new Error("plan");
    const amb = validateGrid(r.value, [grid([["TT", "Chỉ tiêu", "ĐVT", "KH", "TH"], ["1", "Số vụ cháy rừng", "vụ", "giảm 3 tiêu chí", "1.050"]])]);
    expect(brief(amb)).toEqual(["value.ambiguous E2 1"]);
    expect(amb[0].params).toMatchObject({ value: 1050, alternative: 1.05 });
  });

  test("1,72 where the plan says 1.600: a decimal confusion, fixed to 1720; 0,79 against 0,79 is fine", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "8": { actual: 1.72 } })]);
    expect(issues).toEqual([expect.objectContaining({ code: "value.decimal-confusion", severity: "error", fix: { cell: "E9", value: 1720 } })]);
  });

  test("0,356 for 35,6%: a percent typed as a fraction; a cell formatted as percent is read as shown", () => {
    expect(validateGrid(plan2024(), [sheet2024({ "7": { actual: 0.356 } })])).toEqual([
      expect.objectContaining({ code: "value.percent-fraction", fix: { cell: "E8", value: 35.6 } }),
    ]);
    expect(validateGrid(plan2024(), [sheet2024({ "7": { actual: { value: 0.356, numFmt: "0.00%" } } })])).toEqual([]);
  });

  test("out of range: a negative count, a share above 100; a negative growth rate is allowed", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "6": { actual: -35100 }, "15": { actual: 104 }, "12": { actual: -0.2 } })]);
    expect(brief(issues)).toEqual(["value.out-of-range E7 6", "value.out-of-range E16 15"]);
    expect(issues.map((i) => i.params.why)).toEqual(["negative", "over-100"]);
  });

  test("a figure a thousand times off plan is flagged without a guess at the fix", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "5": { actual: 75_000_000 } })]);
    expect(brief(issues)).toEqual(["value.magnitude E6 5"]);
    expect(issues[0].fix).toBeUndefined();
  });

  test("text that is no figure is an error; so is TRUE", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "9": { actual: "Đạt" }, "10": { actual: { value: true } } })]);
    expect(brief(issues)).toEqual(["value.unreadable E10 9", "value.unreadable E11 10"]);
  });

  test("last year's figure in the sheet is a yardstick where the plan gives none", () => {
    const r = parsePlan({ id: "p", unit: "x", year: 2024, source: { document: "d" }, targets: [{ no: "1", name: "Số khách du lịch", unit: "lượt", target: "tăng 10%" }] });
    if (!r.ok) throw new Error("plan");
    const g = grid([["TT", "Chỉ tiêu", "ĐVT", "KH", "TH năm 2023", "Ước TH năm 2024"], ["1", "Số khách du lịch", "lượt", "tăng 10%", 12500, 13.1]]);
    expect(validateGrid(r.value, [g]).map((i) => [i.code, i.location.cell, i.fix?.value])).toEqual([["value.decimal-confusion", "F2", 13100]]);
  });
});

describe("the plan column", () => {
  test("the same plan written otherwise is not a difference: khoảng 25.224, 25.224, the number 25224", () => {
    expect(validateGrid(plan2024(), [sheet2024({ "1": { plan: "25.224" }, "3": { plan: 623.17 }, "17": { plan: "> 80%" } })])).toEqual([]);
  });

  test("another value is: the plan's text as fix for text, the plan's number for a number", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "1": { plan: "khoảng 25.242" }, "3": { plan: 632.17 }, "2": { plan: "Theo nghị quyết" } })]);
    expect(issues.map((i) => [i.code, i.location.cell, i.fix?.value])).toEqual([
      ["plan.differs", "D2", "khoảng 25.224"], ["plan.differs", "D3", "khoảng 10,7"], ["plan.differs", "D4", 623.17],
    ]);
  });

  test("25,224 typed in an English-locale Excel for 25.224 is a decimal confusion, not a new plan", () => {
    expect(validateGrid(plan2024(), [sheet2024({ "1": { plan: 25.224 } })]).map((i) => [i.code, i.fix?.value])).toEqual([["value.decimal-confusion", 25224]]);
  });

  test("the pledge's targets typed as a colleague's sheet are flagged on target 1 only (25.242 vs 25.224)", () => {
    const r = parsePlan(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/pledge-2024.json"), "utf8")));
    if (!r.ok) throw new Error("pledge");
    const rows: In[][] = [["TT", "Chỉ tiêu", "Đơn vị tính", "KH 2024"], ...r.value.targets.map((t) => [t.no, t.name, t.unit, t.target])];
    expect(brief(validateGrid(plan2024(), [grid(rows)]))).toEqual(["plan.differs D2 1"]);
    const unnumbered: In[][] = [["Chỉ tiêu", "Đơn vị tính", "KH 2024"], ...r.value.targets.map((t) => [t.name, t.unit, t.target])];
    expect(brief(validateGrid(plan2024(), [grid(unnumbered)]))).toEqual(["plan.differs C2 1"]);
  });
});

describe("a sheet that carries its own plan (a commune's sheet in the district's book)", () => {
  /** The commune's own plan values for some targets, and figures near them. */
  const commune = (): Grid => {
    const own: Record<string, [In, In]> = { "3": [12.5, 13.1], "5": [3000, 3050], "8": [120, 0.125], "9": ["khoảng 45", 46], "11": ["01", 1] };
    const rows: In[][] = [["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]];
    for (const t of plan2024().targets) {
      const o = own[t.no];
      if (o) rows.push([t.no, t.name, t.unit, o[0], o[1]]);
    }
    return grid(rows);
  };

  test("the plan column's values are never proposed as fixes: one plan.sheet-own at its header, no plan.differs", () => {
    const issues = validateGrid(plan2024(), [commune()]);
    expect(issues.filter((i) => i.code === "plan.differs")).toEqual([]);
    const own = issues.filter((i) => i.code === "plan.sheet-own");
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ severity: "warning", location: { cell: "D1" }, params: { differs: 4, compared: 5, written: "12,5", plan: "623,17" } });
    expect(own[0].fix).toBeUndefined();
    // Nothing on the plan column is fixable, and no fix scaled by the district's plan either.
    expect(issues.filter((i) => i.fix && (i.location.cell ?? "").startsWith("D"))).toEqual([]);
    expect(issues.filter((i) => i.code === "value.decimal-confusion" && i.fix)).toEqual([]);
    expect(message(own[0])).toContain("kế hoạch riêng");
  });

  test("checked against its own plan: figures are read against the sheet's values (0,125 for 120 people is 125 typed in an English-locale Excel)", () => {
    const issues = validateGrid(plan2024(), [commune()], { ownPlans: true });
    expect(brief(issues).filter((b) => !b.startsWith("row.missing"))).toEqual(["plan.sheet-own-checked D1 -", "value.decimal-confusion E4 8"]);
    expect(issues[0].severity).toBe("info");
    expect(issues.find((i) => i.code === "value.decimal-confusion")?.fix).toEqual({ cell: "E4", value: 125 });
  });

  test("one or two rows copied wrong out of twenty are still the book's plan: plan.differs with its fix", () => {
    const issues = validateGrid(plan2024(), [sheet2024({ "1": { plan: "khoảng 25.242" }, "3": { plan: 632.17 } })]);
    expect(brief(issues)).toEqual(["plan.differs D2 1", "plan.differs D4 3"]);
  });
});

describe("sub-rows, traffic, tasks, coverage", () => {
  const table783 = (total: In): Grid => grid([
    ["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2023", "Ước TH năm 2023"],
    ["1", "Tổng giá trị sản xuất", "Tỷ đồng", "22.293,49", total],
    ["-", "Ngành Nông, lâm, thủy sản", "Tỷ đồng", "2.907,66", 2939.44],
    ["-", "Ngành Công nghiệp và Xây dựng", "Tỷ đồng", "7.983,83", 8204.95],
    ["-", "Ngành Thương mại - Dịch vụ", "Tỷ đồng", "11.402,00", 11657],
  ]);
  const only = (issues: Issue[], code: string) => issues.filter((i) => i.code === code);

  test("sector rows add up to their total (783/BC: 22.801,39); 22.901,39 does not", () => {
    expect(only(validateGrid(plan2023(), [table783(22801.39)]), "subrows.sum")).toEqual([]);
    const off = only(validateGrid(plan2023(), [table783(22901.39)]), "subrows.sum");
    expect(off).toEqual([expect.objectContaining({ location: { sheet: "S", cell: "E2", target: "1" } })]);
    expect(off[0].params).toMatchObject({ sum: 22801.39, total: 22901.39, difference: 100 });
  });

  function ownTargets(typed: In, counts: [In, In, In, In, In, In]): Grid {
    return grid([
      ["no", "name", "unit", "plan", "p:6m", "p:year", "#ktxh:targets"],
      ["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "6 tháng", "Năm", "Mã dòng"],
      ["18", "Phấn đấu giảm tiêu chí TNGT", "tiêu chí", "Giảm 3 tiêu chí", "giảm 03 tiêu chí", typed, "t:18"],
      ["-", "Số vụ – cùng kỳ", "Vụ", null, null, counts[0], "tn:accidents:prev"],
      ["-", "Số vụ – kỳ này", "Vụ", null, null, counts[1], "tn:accidents:cur"],
      ["-", "Số người chết – cùng kỳ", "Người", null, null, counts[2], "tn:deaths:prev"],
      ["-", "Số người chết – kỳ này", "Người", null, null, counts[3], "tn:deaths:cur"],
      ["-", "Số người bị thương – cùng kỳ", "Người", null, null, counts[4], "tn:injuries:prev"],
      ["-", "Số người bị thương – kỳ này", "Người", null, null, counts[5], "tn:injuries:cur"],
    ]);
  }

  test("the traffic criterion typed against its counts: derived beats typed, with the wording as fix", () => {
    const issues = only(validateGrid(plan2024(), [ownTargets("giảm 01 tiêu chí", [120, 100, 30, 25, 80, 90])]), "traffic.inconsistent");
    expect(issues).toEqual([expect.objectContaining({ location: { sheet: "S", cell: "F3", target: "18" }, fix: { cell: "F3", value: "giảm 02 tiêu chí" } })]);
    expect(only(validateGrid(plan2024(), [ownTargets("giảm 02 tiêu chí", [120, 100, 30, 25, 80, 90])]), "traffic.inconsistent")).toEqual([]);
    expect(only(validateGrid(plan2024(), [ownTargets(3, [120, 100, 30, 25, 80, 90])]), "traffic.inconsistent")).toHaveLength(1);
    // Counts incomplete: nothing derived, nothing to disagree with.
    expect(only(validateGrid(plan2024(), [ownTargets("giảm 01 tiêu chí", [120, 100, 30, 25, null, 90])]), "traffic.inconsistent")).toEqual([]);
  });

  test("counts decide when the criterion is left empty (no missing value); a count of 2,5 people is no count", () => {
    const empty = validateGrid(plan2024(), [ownTargets(null, [120, 100, 30, 25, 80, 70])]);
    expect(only(empty, "value.missing")).toEqual([]);
    const bad = validateGrid(plan2024(), [ownTargets("giảm 03 tiêu chí", [120, 100, 30, 2.5, 80, 70])]);
    expect(brief(only(bad, "traffic.bad-count"))).toEqual(["traffic.bad-count F7 18"]);
  });

  test("task statuses: the three words pass, a variant is a warning with the word as fix, others an error, none a warning", () => {
    const p = plan2024();
    const rows: In[][] = [["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái"]];
    const statuses: Record<string, In> = { "1": "Hoàn thành", "2.1": "Đang thực hiện", "2.2": "Chưa thực hiện", "2.3": "đang triển khai", "2.4": "Tạm dừng", "2.5": null };
    for (const t of p.tasks) rows.push([t.code, t.text, t.lead, t.code in statuses ? statuses[t.code] : "Hoàn thành"]);
    const issues = validateGrid(p, [grid(rows)]);
    expect(issues.map((i) => [i.code, i.severity, i.location.cell, i.fix?.value ?? null])).toEqual([
      ["task.status-variant", "warning", "D5", "Đang thực hiện"],
      ["task.status-unknown", "error", "D6", null],
      ["task.status-missing", "warning", "D7", null],
    ]);
  });

  test("no task has a status yet (a freshly loaded plan): one warning at the status header, not one per task", () => {
    const p = plan2024();
    const rows: In[][] = [["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái"]];
    for (const t of p.tasks) rows.push([t.code, t.text, t.lead, null]);
    const issues = validateGrid(p, [grid(rows)]);
    expect(issues.map((i) => [i.code, i.severity, i.location.cell, i.params.count])).toEqual([["task.no-statuses", "warning", "D1", 33]]);
    rows[1][3] = "Hoàn thành";
    expect(only(validateGrid(p, [grid(rows)]), "task.status-missing")).toHaveLength(32);
  });

  test("a status column per period: a period not reported yet says nothing, a period begun names each task left out", () => {
    const p = plan2024();
    const rows: In[][] = [
      ["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "6 tháng", "", "Cả năm", ""],
      ["", "", "", "Trạng thái", "Kết quả", "Trạng thái", "Kết quả"],
    ];
    for (const t of p.tasks) rows.push([t.code, t.text, t.lead, t.code === "2.1" ? null : "Đang thực hiện", null, null, null]);
    const merges = [{ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }];
    const issues = validateGrid(p, [grid(rows, { merges })]);
    expect(issues.map((i) => [i.code, i.location.cell, i.location.task])).toEqual([["task.status-missing", "D4", "2.1"]]);
    // The year begun too: its blanks are named, in its own column.
    rows[2][5] = "Hoàn thành";
    const year = only(validateGrid(p, [grid(rows, { merges })]), "task.status-missing");
    expect(year.filter((i) => i.location.cell?.startsWith("F"))).toHaveLength(32);
    expect(year.filter((i) => i.location.cell?.startsWith("D"))).toHaveLength(1);
  });

  test("a row given twice and a missing sector row (a warning, not an error)", () => {
    const g = grid([
      ["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2023", "Ước TH năm 2023"],
      ["1", "Tổng giá trị sản xuất", "Tỷ đồng", "22.293,49", 22801.39],
      ["-", "Ngành Nông, lâm, thủy sản", "Tỷ đồng", "2.907,66", 2939.44],
      ["-", "Ngành Công nghiệp và Xây dựng", "Tỷ đồng", "7.983,83", 8204.95],
      ["-", "Ngành Công nghiệp và Xây dựng", "Tỷ đồng", "7.983,83", 8204.95],
    ]);
    const issues = validateGrid(plan2023(), [g]);
    expect(issues.filter((i) => i.code === "row.duplicate").map((i) => [i.location.cell, i.location.target, i.params.first])).toEqual([["B5", "1.2", "B4"]]);
    const missing13 = issues.find((i) => i.code === "row.missing-subrow" && i.location.target === "1.3");
    const missing3 = issues.find((i) => i.code === "row.missing" && i.location.target === "3");
    expect([missing13?.severity, missing3?.severity, missing3?.location.cell]).toEqual(["warning", "error", null]);
  });

  test("only the period being reported must be complete: blanks in earlier columns are no issue", () => {
    const g = grid([
      ["no", "name", "unit", "plan", "p:6m", "p:year", "#ktxh:targets"],
      ["1", "Tổng giá trị sản xuất", "tỷ đồng", "khoảng 25.224", 12000, null, "t:1"],
      ["3", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "623,17", null, null, "t:3"],
    ]);
    const issues = validateGrid(plan2024(), [g]).filter((i) => i.code === "value.missing");
    expect(brief(issues)).toEqual(["value.missing E3 3"]);
  });
});

describe("cells and workbooks", () => {
  test("Excel error values anywhere, typed or computed, are errors with the formula kept", () => {
    const g = sheet2024({ "4": { actual: { value: null, error: "#REF!" } } });
    g.cells[25] = [null, null, null, null, null, null, { value: null, formula: "SUM(E2:E21)", error: "#VALUE!" }];
    const issues = validateGrid(plan2024(), [g]);
    expect(brief(issues)).toEqual(["cell.error-value E5 -", "cell.error-value G26 -"]);
    expect(issues[1].params).toMatchObject({ error: "#VALUE!", formula: "SUM(E2:E21)" });
    expect(message(issues[1])).toContain("=SUM(E2:E21)");
  });

  test("decomposed text is a warning with the NFC text as fix, and the row still matches its target", () => {
    const name = "Tổng thu ngân sách trên địa bàn".normalize("NFD");
    const issues = validateGrid(plan2024(), [sheet2024({ "3": { name } })]);
    expect(issues).toEqual([expect.objectContaining({ code: "text.decomposed", fix: { cell: "B4", value: "Tổng thu ngân sách trên địa bàn" } })]);
  });

  test("a workbook without any table says so once; a plan listing without figure columns is no 'no figures'", () => {
    expect(brief(validateGrid(plan2024(), [grid([["Kính gửi"]]), grid([["Ghi chú"]], { sheet: "T" })]))).toEqual(["table.not-found - -"]);
    const empty = sheet2024();
    for (const row of empty.cells.slice(1)) if (row) row[4] = null;
    expect(brief(validateGrid(plan2024(), [empty]))).toEqual(["table.no-figures E1 -"]);
  });

  test("validateGrid leaves its input alone and sorts issues by sheet, row, column", () => {
    const g = sheet2024({ "8": { actual: 1.72 }, "3": { actual: "650,2" } });
    const before = JSON.stringify(g);
    const issues = validateGrid(plan2024(), [grid([["x", { value: null, error: "#N/A" }]], { sheet: "A" }), g]);
    expect(JSON.stringify(g)).toBe(before);
    expect(issues.map((i) => `${i.location.sheet}!${i.location.cell}`)).toEqual(["A!B1", "S!E4", "S!E9"]);
  });
});

describe("catalog and documentation", () => {
  const codes = Object.keys(SEVERITY);
  const fileCodes = ["file.not-workbook", "file.old-xls", "file.encrypted", "file.corrupt", "file.empty", "file.io", "file.missing", "file.too-large", "file.ods", "file.numbers", "file.encoding-vni", "skip.lock-file", "skip.not-spreadsheet", "skip.plan-file"];

  test("every code has a Vietnamese message", () => {
    for (const c of [...codes, ...fileCodes]) expect({ c, has: hasMessage(c) }).toEqual({ c, has: true });
  });

  test("docs/validation-codes.md lists every code with its severity", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/validation-codes.md"), "utf8");
    for (const c of codes) {
      const line = doc.split("\n").find((l) => l.startsWith(`| \`${c}\``));
      expect({ c, severity: line?.split("|")[2]?.trim().split(" ")[0] }).toEqual({ c, severity: SEVERITY[c as keyof typeof SEVERITY] });
    }
    for (const c of fileCodes) expect(doc).toContain(`| \`${c}\``);
  });
});

describe("never throws on user input", () => {
  test("random grids of header words, names, numbers, texts, errors and decomposed letters", () => {
    const plans = [plan2024(), plan2023()];
    const words = ["TT", "STT", "Chỉ tiêu", "Nội dung", "ĐVT", "KH 2024", "Ước TH", "Trạng thái", "Mã", "Cơ quan chủ trì", "Ghi chú", "-", "1", "2.3",
      "Tổng giá trị sản xuất", "Giao quân", "giảm 01 tiêu chí", ">80", "1.600", "1,6", "Hoàn thành", "Tạm dừng", "#ktxh:targets", "t:1", "tn:deaths:cur",
      "p:year", "", "   ", "Phấn đấu".normalize("NFD"), "=SUM(A1)", "khoảng 25.224", "abc"];
    const cell: fc.Arbitrary<In> = fc.oneof(
      { weight: 50, arbitrary: fc.constantFrom(...words) },
      { weight: 30, arbitrary: fc.tuple(fc.integer({ min: -5, max: 100000 }), fc.constantFrom(1, 10, 1000)).map(([n, d]) => n / d) },
      { weight: 5, arbitrary: fc.constantFrom("#REF!", "#N/A").map((error): In => ({ value: null, error })) },
      { weight: 15, arbitrary: fc.constant(null) },
    );
    const sheet = fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 9 }))
      .chain(([h, w]) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
    const merge = fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { freq: 2 });
    fc.assert(
      fc.property(sheet, merge, fc.boolean(), fc.constantFrom(0, 1), (rows, m, textOnly, k) => {
        const merges = m ? [{ top: 0, left: 0, bottom: m[0], right: m[1] }] : [];
        expect(() => validateGrid(plans[k], [grid(rows, { merges, textOnly })])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
