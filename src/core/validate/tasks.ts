/**
 * Rules on a tasks table: each task's status is one of the three words the add-in's list offers
 * (the vocabulary of ../task-status.ts). A recognisable variant ("đã hoàn thành", "HT",
 * "đang triển khai") is a warning with the standard word as fix; anything else is an error. A tasks
 * sheet with one status column per period has each checked; a period's column still wholly empty is
 * a period not reported yet, not a task without a status.
 */
import type { Plan } from "../plan";
import { a1 } from "../address";
import { type Grid, cellAt, cellText } from "../read-table/grid";
import type { TableReading } from "../read-table/table";
import { TASK_STATUS_LABELS, TASK_STATUS_WORDS, readTaskStatus } from "../task-status";
import { type Issue, issue } from "./issue";

export function taskRules(grid: Grid, t: TableReading, _plan: Plan): Issue[] {
  const cols = t.columns.filter((c) => c.role === "status");
  if (!cols.length) return [];
  const allowed = TASK_STATUS_WORDS.join(", ");
  const blank = (col: number): boolean => t.rows.every((p) => !cellText(cellAt(grid, p.row, col)));
  // Not one status yet (a freshly loaded plan): one warning at the first column, not one per task.
  if (t.rows.length > 1 && cols.every((c) => blank(c.col))) {
    return [issue("task.no-statuses", { sheet: grid.sheet, cell: a1(t.headerBottom, cols[0].col), task: null }, { count: t.rows.length, allowed })];
  }
  const out: Issue[] = [];
  for (const col of cols) {
    // A period's column with no status at all is a period not reported yet (the year's at 6 months).
    if (cols.length > 1 && blank(col.col)) continue;
    for (const p of t.rows) {
      const cell = a1(p.row, col.col);
      const loc = { sheet: grid.sheet, cell, task: p.ref };
      const text = cellText(cellAt(grid, p.row, col.col));
      if (!text) {
        out.push(issue("task.status-missing", loc, { allowed }));
        continue;
      }
      const s = readTaskStatus(text);
      if (!s) out.push(issue("task.status-unknown", loc, { written: text, allowed }));
      else if (!s.exact) {
        const word = TASK_STATUS_LABELS[s.status];
        out.push(issue("task.status-variant", loc, { written: text, status: word }, { cell, value: word }));
      }
    }
  }
  return out;
}
