/** The report's head from the plan's unit, the signer, given task counts, figures at the precision typed. */
import { type PlanInput, parsePlan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { formatDecimals } from "../../src/core/report/cells";
import { signerLines } from "../../src/core/report/heading";
import { givenTaskSummary, parseTaskCounts, taskSentence } from "../../src/core/report/tasks";

const input: PlanInput = {
  id: "xa-tan-phuoc-2026", unit: "UBND xã Tân Phước", year: 2026, source: { document: "KH" },
  signer: "Nguyễn Văn An", signerTitle: "Chủ tịch",
  targets: [
    { no: "1", name: "Tỷ lệ trẻ em suy dinh dưỡng", unit: "%", target: "6,1", direction: "lower" },
    { no: "2", name: "Tổng thu ngân sách", unit: "triệu đồng", target: "12.500,5" },
  ],
  tasks: [{ code: "1", text: "Việc một.", lead: "Văn phòng" }],
};
const plan = () => {
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe("the report's head names the unit and its signer", () => {
  it("issuer, number, place and signature come from the plan", () => {
    const m = buildReport({ plan: plan(), actuals: { rows: [] }, number: "15", date: { year: 2026, month: 12, day: 5 } });
    expect(m.heading).toMatchObject({
      issuer: ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC"], number: "Số: 15/BC-UBND", placeDate: "Tân Phước, ngày 05 tháng 12 năm 2026",
      signer: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signerName: "Nguyễn Văn An",
    });
  });

  it("--signer and --signer-title win over the plan; a deputy signs KT. for the head", () => {
    const m = buildReport({ plan: plan(), actuals: { rows: [] }, signer: "Trần Thị Bình", signerTitle: "Phó Chủ tịch" });
    expect(m.heading.signer).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(m.heading.signerName).toBe("Trần Thị Bình");
    expect(signerLines("Phòng Tài chính - Kế hoạch", "Trưởng phòng")).toEqual(["TRƯỞNG PHÒNG"]);
  });

  it("without a signer the name is left for the pen", () => {
    const { signer: _s, signerTitle: _t, ...rest } = input;
    const r = parsePlan(rest);
    if (!r.ok) throw new Error("plan");
    expect(buildReport({ plan: r.value, actuals: { rows: [] } }).heading.signerName).toBeNull();
  });
});

describe("task counts", () => {
  it("783/BC's wording, zero counts left out", () => {
    expect(taskSentence({ total: 118, done: 109, doing: 9, notStarted: 0, unreported: 0 })).toBe(
      "Tổng số nhiệm vụ giao: 118 nhiệm vụ; đã thực hiện hoàn thành 109 nhiệm vụ, đang thực hiện 09 nhiệm vụ.",
    );
  });

  it.each([
    ["118,109,9", { total: 118, done: 109, doing: 9 }],
    ["33, 20, 10, 3", { total: 33, done: 20, doing: 10, notStarted: 3 }],
  ])("parses %j", (text, counts) => {
    expect(parseTaskCounts(text)).toEqual({ counts, problems: [] });
  });

  it.each(["118,109", "10,9,5", "a,b,c", "1,2,3,4,5"])("refuses %j", (text) => {
    expect(parseTaskCounts(text).problems.map((p) => p.code)).toEqual(["report.bad-task-counts"]);
  });

  it("given counts win over the matrix and make no table by office", () => {
    const m = buildReport({ plan: plan(), actuals: { rows: [] }, tasks: [{ code: "1", status: "Hoàn thành" }], taskCounts: { total: 118, done: 109, doing: 9 } });
    expect(m.tasks).toMatchObject({ total: 118, done: 109, doing: 9, notStarted: 0, byOffice: [] });
    expect(m.tasks?.sentence).not.toContain("chưa thực hiện");
    expect(givenTaskSummary({ total: 10, done: 6, doing: 2 }).sentence).toContain("chưa thực hiện 02 nhiệm vụ");
  });
});

describe("figures at the precision they were typed", () => {
  it.each([["0.0", 1], ["#,##0.00", 2], ["#,##0.0#", 1], ["0", 0], ["General", null], ["@", null], [null, null], ['0.0"%"', 1]])("format %j shows %p decimals", (f, d) => {
    expect(formatDecimals(f)).toBe(d);
  });

  it("a number from a cell is not padded to the target's decimals, but follows the cell's format", () => {
    const m = buildReport({ plan: plan(), actuals: { rows: [{ no: "1", actual: 6 }, { no: "2", actual: 12600, format: "#,##0.0" }] } });
    expect(m.rows.map((r) => r.actual.text)).toEqual(["6", "12.600,0"]);
    const typed = buildReport({ plan: plan(), actuals: { rows: [{ no: "1", actual: "6,0" }] } });
    expect(typed.rows[0].actual.text).toBe("6,0");
  });
});
