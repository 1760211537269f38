/**
 * Task progress: how many of the plan's tasks are done, in progress or not started, in the sentence
 * 783/BC uses ("Tổng số nhiệm vụ giao: 118 nhiệm vụ; đã thực hiện hoàn thành 109 nhiệm vụ, đang thực
 * hiện 09 nhiệm vụ") and in a table by lead office. A task without a status is counted apart.
 * Status words are read as the check reads them (../task-status.ts): "HT" is done here too.
 */
import type { Plan } from "../plan";
import { type Problem, problem } from "../problems";
import { type TaskStatus, readTaskStatus } from "../task-status";
import { foldKey } from "../text";
import type { ReportProblemCode } from "./codes";
import type { OfficeTasks, TaskCounts, TaskSummary } from "./model";

export interface TaskStatusInput {
  code: string;
  status: string | null;
}

const emptyCounts = (): TaskCounts => ({ total: 0, done: 0, doing: 0, notStarted: 0, unreported: 0 });

function add(c: TaskCounts, s: TaskStatus | null): void {
  c.total++;
  if (s === "hoan-thanh") c.done++;
  else if (s === "dang-thuc-hien") c.doing++;
  else if (s === "chua-thuc-hien") c.notStarted++;
  else c.unreported++;
}

/** Two-digit counts below 10, as 783/BC writes them ("09 nhiệm vụ"). */
export const count2 = (n: number): string => (n < 10 ? String(n).padStart(2, "0") : String(n));

/** The office as the table names it: the plan's text without the closing full stop. */
function officeName(lead: string | null): string {
  const t = (lead ?? "").normalize("NFC").trim().replace(/[.;,]+$/, "").trim();
  return t || "Chưa ghi cơ quan chủ trì";
}

export function taskSentence(c: TaskCounts): string {
  const parts = [
    `đã hoàn thành ${count2(c.done)} nhiệm vụ`,
    `đang thực hiện ${count2(c.doing)} nhiệm vụ`,
    `chưa thực hiện ${count2(c.notStarted)} nhiệm vụ`,
  ];
  if (c.unreported) parts.push(`chưa có báo cáo tình hình ${count2(c.unreported)} nhiệm vụ`);
  return `Tổng số nhiệm vụ giao: ${count2(c.total)} nhiệm vụ; ${parts.join(", ")}.`;
}

/**
 * Counts the plan's tasks by the statuses given (by task code). Statuses for codes the plan does not
 * have and words that are no status are problems; the task then counts as unreported.
 */
export function summarizeTasks(
  plan: Plan,
  statuses: readonly TaskStatusInput[],
): { summary: TaskSummary | null; problems: Problem<ReportProblemCode>[] } {
  const problems: Problem<ReportProblemCode>[] = [];
  if (!plan.tasks.length) return { summary: null, problems };
  const byCode = new Map<string, TaskStatus | null>();
  const codes = new Set(plan.tasks.map((t) => t.code));
  for (const s of statuses) {
    const code = String(s.code).trim();
    if (!codes.has(code)) {
      problems.push(problem("report.task-unknown", "warning", { target: code }, { code }));
      continue;
    }
    if (s.status == null || s.status.trim() === "") continue;
    const st = readTaskStatus(s.status)?.status ?? null;
    if (!st) problems.push(problem("report.task-status-unknown", "warning", { target: code }, { code, text: s.status }));
    byCode.set(code, st);
  }
  const total = emptyCounts();
  const offices = new Map<string, OfficeTasks>();
  for (const t of plan.tasks) {
    const st = byCode.get(t.code) ?? null;
    add(total, st);
    const name = officeName(t.lead);
    const key = foldKey(name);
    let o = offices.get(key);
    if (!o) offices.set(key, (o = { office: name, ...emptyCounts() }));
    add(o, st);
  }
  return { summary: { ...total, sentence: taskSentence(total), byOffice: [...offices.values()] }, problems };
}
