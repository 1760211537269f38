/** The report model: figures as printed, the heading block, periods, tasks, overrides, traffic. */
import { type PlanInput, parsePlan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { figureCell } from "../../src/core/report/cells";
import { readReportExtras } from "../../src/core/report/extras";
import { documentNumber, issuerLines, parseDocDate, placeDate, signerLines } from "../../src/core/report/heading";
import { rowCells } from "../../src/core/report/model";
import { summarizeTasks } from "../../src/core/report/tasks";

const input: PlanInput = {
  id: "xa-thu-2025",
  unit: "UBND xã Thử Nghiệm",
  year: 2025,
  source: { document: "Nghị quyết số 01/NQ-HĐND" },
  targets: [
    { no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "1.250,50", additive: true },
    { no: "1.1", parent: "1", name: "Nông nghiệp", unit: "tỷ đồng", target: "250,50" },
    { no: "1.2", parent: "1", name: "Công nghiệp", unit: "tỷ đồng", target: "1.000,00" },
    { no: "2", name: "Tốc độ tăng trưởng", unit: "%", target: "7-8", additive: false },
    { no: "2.1", parent: "2", name: "Nông nghiệp", unit: "%", target: "1-2" },
    { no: "3", name: "Giải quyết việc làm", unit: "người", target: "1.600" },
    { no: "4", name: "Phấn đấu giảm tiêu chí tai nạn giao thông", unit: "", target: "Giảm 3 tiêu chí", criteria: "traffic-accidents" },
  ],
  tasks: [
    { code: "1", text: "Việc một.", lead: "Văn phòng." },
    { code: "2.1", group: "Kinh tế", text: "Việc hai.", lead: "Ban Tài chính" },
    { code: "2.2", group: "Kinh tế", text: "Việc ba.", lead: "Ban tài chính" },
    { code: "3", text: "Việc bốn.", lead: null },
  ],
};

function plan() {
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe("figure cells", () => {
  test("written text is printed as written; plain numbers carry their value and decimals", () => {
    expect(figureCell("11.402,00")).toEqual({ text: "11.402,00", value: 11402, decimals: 2 });
    expect(figureCell(">48")).toMatchObject({ text: ">48", value: null });
    expect(figureCell("giảm 01 tiêu chí")).toMatchObject({ text: "giảm 01 tiêu chí", value: null });
    expect(figureCell("01")).toMatchObject({ text: "01", value: null });
    expect(figureCell("100%")).toMatchObject({ text: "100%", value: null });
  });
  test("an English-written number is printed in vi-VN form", () => {
    expect(figureCell("1,284.679")).toEqual({ text: "1.284,679", value: 1284.679, decimals: 3 });
  });
  test("numbers from a spreadsheet get at least the plan's decimals, without binary noise", () => {
    expect(figureCell(11657, 2)).toEqual({ text: "11.657,00", value: 11657, decimals: 2 });
    expect(figureCell(0.1 + 0.2, 0)).toEqual({ text: "0,3", value: 0.3, decimals: 1 });
    expect(figureCell(1284.679, 2).text).toBe("1.284,679");
  });
});

describe("heading block (Decree 30/2020)", () => {
  test("the issuing body in capitals, UBND spelled out", () => {
    expect(issuerLines("UBND huyện Bình Sơn")).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"]);
    expect(issuerLines("Ủy ban nhân dân tỉnh Quảng Ngãi")).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]);
    expect(signerLines("UBND xã Bình Sơn")).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });
  test("document number", () => {
    expect(documentNumber("UBND huyện Bình Sơn", "783")).toBe("Số: 783/BC-UBND");
    expect(documentNumber("UBND huyện Bình Sơn", "12/BC-VP")).toBe("Số: 12/BC-VP");
    expect(documentNumber("UBND huyện Bình Sơn", null)).toMatch(/^Số: \s+\/BC-UBND$/);
  });
  test("dates: leading zero on days below 10 and on months 1 and 2 only", () => {
    const d = (t: string) => parseDocDate(t).date;
    expect(placeDate("Bình Sơn", d("2023-12-05"))).toBe("Bình Sơn, ngày 05 tháng 12 năm 2023");
    expect(placeDate("Bình Sơn", d("09/02/2024"))).toBe("Bình Sơn, ngày 09 tháng 02 năm 2024");
    expect(placeDate("Bình Sơn", d("15/3/2024"))).toBe("Bình Sơn, ngày 15 tháng 3 năm 2024");
  });
  test("an impossible date is a problem, not an exception", () => {
    const r = parseDocDate("31/02/2024");
    expect(r.date).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(["report.bad-date"]);
    expect(parseDocDate("hôm qua").problems[0].code).toBe("report.bad-date");
  });
});

describe("year-end report", () => {
  const actuals = {
    rows: [
      { no: "1", actual: "1.300,25" },
      { no: "1.1", actual: "260,00" },
      { no: "1.2", actual: "1.040,25" },
      { no: "2", actual: "7,5" },
      { no: "2.1", actual: "3,0" },
      { no: "3", actual: 1500 },
    ],
    traffic: { accidents: [10, 8] as [number, number], deaths: [5, 4] as [number, number], injuries: [7, 6] as [number, number] },
  };

  test("columns, sub-row marks and status only where sub-rows add up", () => {
    const m = buildReport({ plan: plan(), actuals });
    expect(m.columns.map((c) => c.header)).toEqual(["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2025", "Ước TH năm 2025", "So với chỉ tiêu giao (%)"]);
    const cells = Object.fromEntries(m.rows.map((r) => [r.no, rowCells(m, r)]));
    expect(cells["1.1"]).toEqual(["-", "Nông nghiệp", "Tỷ đồng", "250,50", "260,00", "Đạt (vượt)"]);
    expect(cells["2"]).toEqual(["2", "Tốc độ tăng trưởng", "%", "7-8", "7,5", "Đạt"]);
    expect(cells["2.1"][5]).toBe("");
    expect(cells["3"]).toEqual(["3", "Giải quyết việc làm", "Người", "1.600", "1.500", "Không đạt"]);
  });

  test("the traffic criterion is printed from the counts, in 783/BC's words", () => {
    const m = buildReport({ plan: plan(), actuals });
    const r = m.rows.find((x) => x.no === "4");
    expect(r?.actual.text).toBe("giảm 03 tiêu chí");
    expect(r?.statusText).toBe("Đạt");
  });

  test("a staff override is honoured and marked", () => {
    const m = buildReport({
      plan: plan(),
      actuals: { ...actuals, rows: [...actuals.rows.filter((r) => r.no !== "3"), { no: "3", actual: "1.500", override: { status: "dat" as const, reason: "đã tính cả lao động đi làm việc ở nước ngoài" } }] },
    });
    const r = m.rows.find((x) => x.no === "3");
    expect(r?.statusText).toBe("Đạt");
    expect(r?.overridden).toBe(true);
    expect(m.counts.khongDat).toBe(0);
  });

  test("official figures print TH instead of Ước TH", () => {
    expect(buildReport({ plan: plan(), actuals, figures: "official" }).columns[4].header).toBe("TH năm 2025");
  });
});

describe("mid-year report", () => {
  const actuals = { rows: [{ no: "1", actual: "625,25" }, { no: "3", actual: "800" }, { no: "2", actual: "6,1" }] };

  test("percent of the year plan and of the same period last year, no status words", () => {
    const m = buildReport({ plan: plan(), actuals, period: "6m", samePeriodLastYear: { "1": "590,00", "3": 1000 } });
    expect(m.columns.map((c) => c.header)).toEqual([
      "TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH năm 2025", "Ước TH 6 tháng năm 2025", "So với KH năm (%)", "So với cùng kỳ (%)", "Dự kiến cả năm",
    ]);
    const r1 = m.rows.find((r) => r.no === "1");
    expect(r1?.percentPlan?.text).toBe("50,0");
    expect(r1?.percentPrevious?.text).toBe("106,0");
    expect(m.rows.find((r) => r.no === "3")?.percentPrevious?.text).toBe("80,0");
    // A range is no single figure to take a percentage of.
    expect(m.rows.find((r) => r.no === "2")?.percentPlan).toBeNull();
    expect(m.rows.every((r) => r.statusText === "")).toBe(true);
    expect(m.sentence).toContain("03 chỉ tiêu");
    expect(m.heading.subject).toBe("Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu 6 tháng đầu năm 2025");
    // The tasks section names the same period, not the year.
    expect(m.tasksTitle).toBe("Tình hình thực hiện nhiệm vụ, giải pháp 6 tháng đầu năm 2025");
    expect(buildReport({ plan: plan(), actuals }).tasksTitle).toBe("Tình hình thực hiện nhiệm vụ, giải pháp năm 2025");
  });

  test("without last year's figures the column is left out", () => {
    const m = buildReport({ plan: plan(), actuals, period: "q1" });
    expect(m.columns.map((c) => c.key)).not.toContain("percentPrevious");
    expect(m.columns[4].header).toBe("Ước TH quý I năm 2025");
  });
});

describe("tasks", () => {
  test("counts, the sentence and the table by lead office (names matched without case)", () => {
    const { summary, problems } = summarizeTasks(plan(), [
      { code: "1", status: "Hoàn thành" },
      { code: "2.1", status: "đang thực hiện" },
      { code: "2.2", status: "Đã hoàn thành" },
    ]);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ total: 4, done: 2, doing: 1, notStarted: 0, unreported: 1 });
    expect(summary?.sentence).toBe(
      "Tổng số nhiệm vụ giao: 04 nhiệm vụ; đã thực hiện hoàn thành 02 nhiệm vụ, đang thực hiện 01 nhiệm vụ, chưa có báo cáo tình hình 01 nhiệm vụ.",
    );
    expect(summary?.byOffice.map((o) => [o.office, o.total, o.done, o.doing])).toEqual([
      ["Văn phòng", 1, 1, 0],
      ["Ban Tài chính", 2, 1, 1],
      ["Chưa ghi cơ quan chủ trì", 1, 0, 0],
    ]);
  });

  test("unknown words and unknown tasks are problems, the task counts as unreported", () => {
    const { summary, problems } = summarizeTasks(plan(), [{ code: "1", status: "Tạm dừng" }, { code: "9.9", status: "Hoàn thành" }]);
    expect(problems.map((p) => [p.code, p.location.target])).toEqual([["report.task-status-unknown", "1"], ["report.task-unknown", "9.9"]]);
    expect(summary?.unreported).toBe(4);
  });
});

describe("extras of an actuals file", () => {
  test("period, kind, note, last year's figures and task statuses", () => {
    const { extras, problems } = readReportExtras({
      period: "6m", kind: "official", note: "SỐ LIỆU VÍ DỤ",
      rows: [{ no: "1", actual: "1", previous: "0,9" }, { no: 2, actual: 1 }],
      tasks: [{ code: "1", status: "Hoàn thành" }, { code: 2.1 }],
    });
    expect(problems).toEqual([]);
    expect(extras).toEqual({
      figures: "official", period: "6m", note: "SỐ LIỆU VÍ DỤ", samePeriodLastYear: { "1": "0,9" },
      tasks: [{ code: "1", status: "Hoàn thành" }, { code: "2.1", status: null }],
    });
  });
  test("a wrong shape is a warning, not an exception", () => {
    const { problems } = readReportExtras({ period: "half", tasks: "all done" });
    expect(problems.map((p) => p.location.path)).toEqual(["period", "tasks"]);
  });
});
