/**
 * Rules on a tasks table: each task's status is one of the three words the add-in's list offers
 * (the same as TASK_STATUS_WORDS in src/layout/sheets/styles.ts). A recognisable variant ("đã hoàn thành",
 * "đang triển khai") is a warning with the standard word as fix; anything else is an error.
 */
import type { Plan } from "../plan";
import { a1 } from "../address";
import { type Grid, cellAt, cellText } from "../read-table/grid";
import { type TableReading, columnOf } from "../read-table/table";
import { foldKey } from "../text";
import { type Issue, issue } from "./issue";

export const TASK_STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const VARIANTS: [RegExp, TaskStatus][] = [
  [/^(da )?(hoan thanh|ht|xong)\b/, "Hoàn thành"],
  [/^dang (thuc hien|trien khai|th|tien hanh|lam)\b/, "Đang thực hiện"],
  [/^chua (thuc hien|trien khai|th|hoan thanh|bat dau)\b/, "Chưa thực hiện"],
];

/** The standard word a status text stands for, or null when it is none of them. */
export function statusOf(text: string): { status: TaskStatus; exact: boolean } | null {
  const t = text.normalize("NFC").trim();
  const exact = TASK_STATUSES.find((s) => s === t);
  if (exact) return { status: exact, exact: true };
  const f = foldKey(t);
  for (const [re, status] of VARIANTS) if (re.test(f)) return { status, exact: false };
  return null;
}

export function taskRules(grid: Grid, t: TableReading, _plan: Plan): Issue[] {
  const col = columnOf(t, "status");
  if (!col) return [];
  const allowed = TASK_STATUSES.join(", ");
  // Not one status yet (a freshly loaded plan): one warning at the column, not one per task.
  if (t.rows.length > 1 && t.rows.every((p) => !cellText(cellAt(grid, p.row, col.col)))) {
    return [issue("task.no-statuses", { sheet: grid.sheet, cell: a1(t.headerBottom, col.col), task: null }, { count: t.rows.length, allowed })];
  }
  const out: Issue[] = [];
  for (const p of t.rows) {
    const cell = a1(p.row, col.col);
    const loc = { sheet: grid.sheet, cell, task: p.ref };
    const text = cellText(cellAt(grid, p.row, col.col));
    if (!text) {
      out.push(issue("task.status-missing", loc, { allowed }));
      continue;
    }
    const s = statusOf(text);
    if (!s) out.push(issue("task.status-unknown", loc, { written: text, allowed }));
    else if (!s.exact) out.push(issue("task.status-variant", loc, { written: text, status: s.status }, { cell, value: s.status }));
  }
  return out;
}
