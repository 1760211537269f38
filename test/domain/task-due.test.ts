import { taskDue } from "../../src/core/task-due";
import { defaultPlan } from "../../src/seeds";

describe("taskDue: the due date a task's timing text names", () => {
  const cases: [string | null, string | null][] = [
    ["Quý II/2024", "2024-06-30"],
    ["Quý I/2024", "2024-03-31"],
    ["quý 4 năm 2024", "2024-12-31"],
    ["Tháng 9/2024", "2024-09-30"],
    ["Tháng 2/2024", "2024-02-29"],
    ["tháng 11 năm 2024", "2024-11-30"],
    ["Trước ngày 30/6/2024", "2024-06-30"],
    ["Trước ngày 15/10", "2024-10-15"],
    ["6 tháng đầu năm 2024", "2024-06-30"],
    ["9 tháng đầu năm 2024", "2024-09-30"],
    ["6 tháng cuối năm 2024", "2024-12-31"],
    ["Năm 2024", "2024-12-31"],
    ["Trong năm 2024", "2024-12-31"],
    ["Quý II - Quý III/2024", "2024-09-30"],
    ["2024-2025", "2025-12-31"],
    ["Thường xuyên", null],
    ["Thường xuyên trong năm 2024", null],
    ["Hằng năm", null],
    ["", null],
    [null, null],
    ["Theo kế hoạch của tỉnh", null],
  ];
  it.each(cases)("%p → %p", (text, due) => {
    expect(taskDue(text, 2024)).toBe(due);
  });

  it("takes decomposed Vietnamese letters as the precomposed ones", () => {
    expect(taskDue("Qu\u0079\u0301 II/2024".normalize("NFD"), 2024)).toBe("2024-06-30");
  });

  it("gives every task of the default plan a due date or null: Năm 2024 → 2024-12-31, Thường xuyên → null", () => {
    const plan = defaultPlan();
    for (const t of plan.tasks) {
      const due = taskDue(t.timing, plan.year);
      if (t.timing === "Năm 2024") expect(due).toBe("2024-12-31");
      else expect(due).toBeNull();
    }
  });
});
