import { parsePlan, type Plan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { readReportExtras } from "../../src/core/report/extras";
import { summarizeTasks } from "../../src/core/report/tasks";
import { periodEnd, taskTimeliness } from "../../src/core/task-timeliness";

/** A plan of our own with every timing form: the default plan's are nearly all "Năm 2024". */
function plan(): Plan {
  const r = parsePlan({
    id: "xa-thu-2024", unit: "UBND xã Thử", year: 2024, source: { document: "Kế hoạch thử" },
    targets: [{ no: "1", name: "Thu ngân sách", unit: "tỷ đồng", target: "10" }],
    tasks: [
      { code: "1", text: "Việc quý I", lead: "Văn phòng", timing: "Quý I/2024" },
      { code: "2", text: "Việc tháng 5", lead: "Văn phòng", timing: "Tháng 5/2024" },
      { code: "3", text: "Việc 6 tháng", lead: "Phòng Kinh tế", timing: "6 tháng đầu năm 2024" },
      { code: "4", text: "Việc trước 30/9", lead: "Phòng Kinh tế", timing: "Trước ngày 30/9/2024" },
      { code: "5", text: "Việc cả năm", lead: "Phòng Kinh tế", timing: "Năm 2024" },
      { code: "6", text: "Việc thường xuyên", lead: "Văn phòng", timing: "Thường xuyên" },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe("task timeliness at a period's end", () => {
  test("periodEnd: the last day a period speaks for", () => {
    expect(["m2", "q2", "6m", "9m", "year"].map((p) => periodEnd(p as "m2", 2024))).toEqual(["2024-02-29", "2024-06-30", "2024-06-30", "2024-09-30", "2024-12-31"]);
  });

  test("one task: done before its deadline, done after a report that had it open, open, overdue, no deadline", () => {
    const asOf = "2024-09-30";
    expect(taskTimeliness("2024-06-30", "hoan-thanh", asOf)).toBe("on-time");
    expect(taskTimeliness("2024-06-30", "hoan-thanh", asOf, [{ end: "2024-06-30", status: "dang-thuc-hien" }])).toBe("late");
    expect(taskTimeliness("2024-06-30", "hoan-thanh", asOf, [{ end: "2024-03-31", status: "dang-thuc-hien" }])).toBe("on-time");
    expect(taskTimeliness("2024-06-30", "hoan-thanh", asOf, [{ end: "2024-06-30", status: null }])).toBe("on-time");
    expect(taskTimeliness("2024-12-31", "dang-thuc-hien", asOf)).toBe("open-in-time");
    expect(taskTimeliness("2024-09-30", "dang-thuc-hien", asOf)).toBe("overdue");
    // A task nobody reported on is neither in time nor overdue: it is counted apart.
    expect(taskTimeliness("2024-06-30", null, asOf)).toBe("unreported");
    expect(taskTimeliness(null, null, asOf)).toBe("unreported");
    expect(taskTimeliness(null, "chua-thuc-hien", asOf)).toBe("open-in-time");
  });

  test("the four counts at 6 months, in the sentence and the table by lead office", () => {
    const { summary, problems } = summarizeTasks(
      plan(),
      [
        { code: "1", status: "Hoàn thành", byPeriod: { q1: "Đang thực hiện" } },
        { code: "2", status: "Hoàn thành" },
        { code: "3", status: "Đang thực hiện" },
        { code: "4", status: "Chưa thực hiện" },
        { code: "5", status: "HT" },
      ],
      "6m",
    );
    expect(problems).toEqual([]);
    // Task 6 has no status for the period: counted "chưa báo cáo", not open within its (absent) deadline.
    expect(summary).toMatchObject({ total: 6, done: 3, doing: 1, notStarted: 1, unreported: 1, onTime: 2, late: 1, openInTime: 1, overdue: 1 });
    expect(summary?.byOffice.map((o) => [o.office, o.onTime, o.late, o.openInTime, o.overdue])).toEqual([
      ["Văn phòng", 1, 1, 0, 0],
      ["Phòng Kinh tế", 1, 0, 1, 1],
    ]);
    expect(summary?.columns.map((c) => c.key)).toEqual(["total", "done", "doing", "notStarted", "unreported", "onTime", "late", "openInTime", "overdue"]);
    expect(summary?.sentence).toContain("hoàn thành đúng hạn 02 nhiệm vụ, hoàn thành trễ hạn 01 nhiệm vụ, đang thực hiện trong hạn 01 nhiệm vụ, quá hạn chưa hoàn thành 01 nhiệm vụ, chưa báo cáo 01 nhiệm vụ");
  });

  test("the report's period decides: the same statuses at 9 months make task 4 overdue", () => {
    const tasks = [{ code: "4", status: "Đang thực hiện" }];
    const at6 = buildReport({ plan: plan(), actuals: { rows: [] }, period: "6m", tasks }).tasks;
    const at9 = buildReport({ plan: plan(), actuals: { rows: [] }, period: "9m", tasks }).tasks;
    // The five tasks without a status are unreported at both periods, never overdue.
    expect(at6).toMatchObject({ openInTime: 1, overdue: 0, unreported: 5 });
    expect(at9).toMatchObject({ openInTime: 0, overdue: 1, unreported: 5 });
  });

  test("unreported tasks are counted apart from the four timeliness counts, in the report and by office", () => {
    // Tasks 1 and 2 are past their deadline at 9 months but nobody reported on them.
    const r = buildReport({ plan: plan(), actuals: { rows: [] }, period: "9m", tasks: [{ code: "3", status: "Hoàn thành" }, { code: "5", status: "Đang thực hiện" }] }).tasks;
    expect(r).toMatchObject({ total: 6, unreported: 4, onTime: 1, late: 0, openInTime: 1, overdue: 0 });
    expect((r?.onTime ?? 0) + (r?.late ?? 0) + (r?.openInTime ?? 0) + (r?.overdue ?? 0) + (r?.unreported ?? 0)).toBe(6);
    expect(r?.sentence).toContain("chưa báo cáo 04 nhiệm vụ");
    expect(r?.byOffice.find((o) => o.office === "Văn phòng")).toMatchObject({ unreported: 3, overdue: 0, openInTime: 0 });
  });

  test("a plan whose tasks name no deadline keeps the bare table and sentence", () => {
    const p = plan();
    const bare = { ...p, tasks: p.tasks.map((t) => ({ ...t, timing: "Thường xuyên" })) };
    const { summary } = summarizeTasks(bare, [{ code: "1", status: "Hoàn thành" }], "6m");
    expect(summary?.columns.map((c) => c.key)).toEqual(["total", "done", "doing", "notStarted", "unreported"]);
    expect(summary?.sentence).not.toContain("Về tiến độ");
  });

  test("an actuals file gives a task's statuses of earlier periods (byPeriod)", () => {
    const { extras, problems } = readReportExtras({ tasks: [{ code: "1", status: "Hoàn thành", byPeriod: { q1: "Đang thực hiện", bad: "x" } }] });
    expect(problems.map((p) => p.code)).toEqual(["report.bad-extras"]);
    expect(extras.tasks).toEqual([{ code: "1", status: "Hoàn thành", byPeriod: { q1: "Đang thực hiện" } }]);
  });
});
