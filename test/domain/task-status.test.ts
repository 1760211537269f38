/** One task status vocabulary: the check and the report's task counts read a status word the same way. */
import { type Plan } from "../../src/core/plan";
import { summarizeTasks } from "../../src/core/report/tasks";
import type { Grid } from "../../src/core/read-table/grid";
import { TASK_STATUS_LABELS, TASK_STATUS_WORDS, readTaskStatus } from "../../src/core/task-status";
import { validateGrid } from "../../src/core/validate";
import { TASK_STATUS_VALIDATION } from "../../src/layout/sheets/styles";
import { builtInPlans } from "../../src/seeds";

const plan2024 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;

/** A colleague's tasks table with every task "Hoàn thành" except the first, which says `word`. */
function tasksGrid(p: Plan, word: string): Grid {
  const rows = [["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái"], ...p.tasks.map((t, i) => [t.code, t.text, t.lead, i === 0 ? word : "Hoàn thành"])];
  return { sheet: "Nhiệm vụ", cells: rows.map((r) => r.map((v) => (v == null ? null : { value: v }))), merges: [] };
}

const WORDS = ["HT", "ht", "xong", "Đã hoàn thành", "đã thực hiện hoàn thành", "Hoàn thành", "hoan thanh", "đang triển khai", "Đang TH", "chưa bắt đầu", "Tạm dừng", "?"];

describe("task status words", () => {
  test('"HT" counts as Hoàn thành in the report, as the check reads it (a variant with "Hoàn thành" as fix)', () => {
    const p = plan2024();
    const { summary, problems } = summarizeTasks(p, p.tasks.map((t, i) => ({ code: t.code, status: i === 0 ? "HT" : "Hoàn thành" })));
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ total: p.tasks.length, done: p.tasks.length, unreported: 0 });
    const issues = validateGrid(p, [tasksGrid(p, "HT")]);
    expect(issues.map((i) => [i.code, i.location.cell, i.fix?.value ?? null])).toEqual([["task.status-variant", "D2", "Hoàn thành"]]);
  });

  test.each(WORDS)("%s: the check's reading and the report's count agree", (word) => {
    const p = plan2024();
    const issues = validateGrid(p, [tasksGrid(p, word)]).filter((i) => i.location.task === p.tasks[0].code);
    const fromCheck = issues.length === 0 ? word : issues[0].code === "task.status-variant" ? String(issues[0].fix?.value) : null;
    const { summary } = summarizeTasks(p, [{ code: p.tasks[0].code, status: word }]);
    const counted = summary!.done ? "Hoàn thành" : summary!.doing ? "Đang thực hiện" : summary!.notStarted ? "Chưa thực hiện" : null;
    expect(counted).toBe(fromCheck);
    const read = readTaskStatus(word);
    expect(read ? TASK_STATUS_LABELS[read.status] : null).toBe(fromCheck);
  });

  test("the sheet's list offers exactly the words read as exact", () => {
    expect(TASK_STATUS_VALIDATION.rule).toEqual({ kind: "list", values: [...TASK_STATUS_WORDS] });
    for (const w of TASK_STATUS_WORDS) expect(readTaskStatus(w)?.exact).toBe(true);
  });
});
