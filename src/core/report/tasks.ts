/**
 * Task progress: how many of the plan's tasks are done, in progress or not started, in the sentence
 * 783/BC uses ("Tổng số nhiệm vụ giao: 118 nhiệm vụ; đã thực hiện hoàn thành 109 nhiệm vụ, đang thực
 * hiện 09 nhiệm vụ") and in a table by lead office. A task without a status is counted apart;
 * counts given as they are (`--tasks 118,109,9`) make the sentence without a table.
 * Status words are read as the check reads them (../task-status.ts): "HT" is done here too.
 */
import type { Plan } from "../plan";
import { type Problem, problem } from "../problems";
import { type TaskStatus, readTaskStatus } from "../task-status";
import { type PeriodId, isPeriodId } from "../periods";
import { taskDue } from "../task-due";
import { type StatusAt, type Timeliness, periodEnd, taskTimeliness } from "../task-timeliness";
import { foldKey } from "../text";
import type { ReportProblemCode } from "./codes";
import type { OfficeTasks, TaskColumn, TaskCounts, TaskSummary } from "./model";

export interface TaskStatusInput {
  code: string;
  status: string | null;
  /** The statuses reported for other periods, by period id: they tell a late finish from one on time. */
  byPeriod?: Readonly<Record<string, string | null>>;
}

/** The key, among a task's written statuses, of a column naming no period (a single status column). */
export const ANY_PERIOD = "";

/**
 * A task's status for a period, from the statuses written in its row by period (`ANY_PERIOD` for a
 * single status column naming none): the period's own, else the single column's; the other periods'
 * go in `byPeriod` for the timeliness counts. Every reader of a tasks sheet takes a period's status
 * through here, so a report of the 6 months and one of the year read the same row alike.
 */
export function taskStatusAt(code: string, written: Readonly<Record<string, string | null>>, period: string): TaskStatusInput {
  const own = period in written ? written[period] : (written[ANY_PERIOD] ?? null);
  const byPeriod: Record<string, string | null> = {};
  for (const [p, text] of Object.entries(written)) if (p !== ANY_PERIOD && p !== period && text != null) byPeriod[p] = text;
  return Object.keys(byPeriod).length ? { code, status: own ?? null, byPeriod } : { code, status: own ?? null };
}

const emptyCounts = (): TaskCounts => ({
  total: 0, done: 0, doing: 0, notStarted: 0, unreported: 0, onTime: 0, late: 0, openInTime: 0, overdue: 0,
});

const TIMELINESS_KEY: Record<Exclude<Timeliness, "unreported">, "onTime" | "late" | "openInTime" | "overdue"> = {
  "on-time": "onTime", late: "late", "open-in-time": "openInTime", overdue: "overdue",
};

function add(c: TaskCounts, s: TaskStatus | null, when: Timeliness): void {
  c.total++;
  // A task without a status for the period is counted once, as unreported (below), in no timeliness count.
  if (when !== "unreported") c[TIMELINESS_KEY[when]]++;
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

/**
 * 783/BC's sentence: "Tổng số nhiệm vụ giao: 118 nhiệm vụ; đã thực hiện hoàn thành 109 nhiệm vụ,
 * đang thực hiện 09 nhiệm vụ." A count of zero is left out ("chưa thực hiện 00" says nothing).
 */
export function taskSentence(c: Pick<TaskCounts, "total" | "done" | "doing" | "notStarted" | "unreported">): string {
  const parts: string[] = [];
  if (c.done) parts.push(`đã thực hiện hoàn thành ${count2(c.done)} nhiệm vụ`);
  if (c.doing) parts.push(`đang thực hiện ${count2(c.doing)} nhiệm vụ`);
  if (c.notStarted) parts.push(`chưa thực hiện ${count2(c.notStarted)} nhiệm vụ`);
  if (c.unreported) parts.push(`chưa có báo cáo tình hình ${count2(c.unreported)} nhiệm vụ`);
  const head = `Tổng số nhiệm vụ giao: ${count2(c.total)} nhiệm vụ`;
  return parts.length ? `${head}; ${parts.join(", ")}.` : `${head}.`;
}

/** Counts given as they are: total, done, in progress, and not started (absent: what is left). */
export interface GivenTaskCounts {
  total: number;
  done: number;
  doing: number;
  notStarted?: number;
}

/** The task summary of given counts: the sentence only, no table by office (the counts name none). */
export function givenTaskSummary(g: GivenTaskCounts): TaskSummary {
  const notStarted = g.notStarted ?? Math.max(0, g.total - g.done - g.doing);
  const unreported = Math.max(0, g.total - g.done - g.doing - notStarted);
  // Bare counts say nothing of deadlines: no timeliness column or sentence, its counts left at 0.
  const c: TaskCounts = { total: g.total, done: g.done, doing: g.doing, notStarted, unreported, onTime: 0, late: 0, openInTime: 0, overdue: 0 };
  return { ...c, sentence: taskSentence(c), byOffice: [], columns: taskColumns(c, false) };
}

/**
 * "118,109,9" (total, done, in progress[, not started]) as typed on the command line or in the pane;
 * null with a problem when it is not such counts or they do not add up.
 */
export function parseTaskCounts(text: string): { counts: GivenTaskCounts | null; problems: Problem<ReportProblemCode>[] } {
  const parts = text.split(/[,;/\s]+/).filter(Boolean);
  const n = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  const bad = { counts: null, problems: [problem("report.bad-task-counts", {}, { text })] };
  if (n.length < 3 || n.length > 4 || n.some((x) => !Number.isFinite(x))) return bad;
  const [total, done, doing, notStarted] = n;
  if (done + doing + (notStarted ?? 0) > total) return bad;
  return { counts: { total, done, doing, ...(notStarted !== undefined ? { notStarted } : {}) }, problems: [] };
}

/** The timeliness sentence at a period's end (the four counts and the unreported add up to the total). */
export function timelinessSentence(c: TaskCounts): string {
  const unreported = c.unreported ? `, chưa báo cáo ${count2(c.unreported)} nhiệm vụ` : "";
  return (
    `Về tiến độ: hoàn thành đúng hạn ${count2(c.onTime)} nhiệm vụ, hoàn thành trễ hạn ${count2(c.late)} nhiệm vụ, ` +
    `đang thực hiện trong hạn ${count2(c.openInTime)} nhiệm vụ, quá hạn chưa hoàn thành ${count2(c.overdue)} nhiệm vụ${unreported}.`
  );
}

/**
 * Counts the plan's tasks by the statuses given (by task code). Statuses for codes the plan does not
 * have and words that are no status are problems; the task then counts as unreported.
 */
export function summarizeTasks(
  plan: Plan,
  statuses: readonly TaskStatusInput[],
  at: PeriodId = "year",
): { summary: TaskSummary | null; problems: Problem<ReportProblemCode>[] } {
  const problems: Problem<ReportProblemCode>[] = [];
  if (!plan.tasks.length) return { summary: null, problems };
  const byCode = new Map<string, TaskStatus | null>();
  const earlier = new Map<string, StatusAt[]>();
  const codes = new Set(plan.tasks.map((t) => t.code));
  for (const s of statuses) {
    const code = String(s.code).trim();
    if (!codes.has(code)) {
      problems.push(problem("report.task-unknown", { target: code }, { code }));
      continue;
    }
    const history: StatusAt[] = [];
    for (const [p, text] of Object.entries(s.byPeriod ?? {})) {
      if (isPeriodId(p) && text != null) history.push({ end: periodEnd(p, plan.year), status: readTaskStatus(text)?.status ?? null });
    }
    earlier.set(code, history);
    if (s.status == null || s.status.trim() === "") continue;
    const st = readTaskStatus(s.status)?.status ?? null;
    if (!st) problems.push(problem("report.task-status-unknown", { target: code }, { code, text: s.status }));
    byCode.set(code, st);
  }
  const total = emptyCounts();
  const offices = new Map<string, OfficeTasks>();
  const asOf = periodEnd(at, plan.year);
  let dated = false;
  for (const t of plan.tasks) {
    const st = byCode.get(t.code) ?? null;
    const due = taskDue(t.timing, plan.year);
    dated ||= due != null;
    const when = taskTimeliness(due, st, asOf, earlier.get(t.code));
    add(total, st, when);
    const name = officeName(t.lead);
    const key = foldKey(name);
    let o = offices.get(key);
    if (!o) offices.set(key, (o = { office: name, ...emptyCounts() }));
    add(o, st, when);
  }
  const sentence = dated ? `${taskSentence(total)} ${timelinessSentence(total)}` : taskSentence(total);
  return { summary: { ...total, sentence, byOffice: [...offices.values()], columns: taskColumns(total, dated) }, problems };
}

/**
 * The count columns of the table by lead office, in order, for both renderers (the .xlsx sheet and the
 * .docx): the bare counts, "Chưa có báo cáo" when a task has none, and the four timeliness counts
 * when a task of the plan has a deadline.
 */
function taskColumns(total: TaskCounts, dated: boolean): TaskColumn[] {
  const cols: TaskColumn[] = [
    { key: "total", header: "Số nhiệm vụ" },
    { key: "done", header: "Hoàn thành" },
    { key: "doing", header: "Đang thực hiện" },
    { key: "notStarted", header: "Chưa thực hiện" },
  ];
  if (total.unreported > 0) cols.push({ key: "unreported", header: "Chưa có báo cáo" });
  if (dated) {
    cols.push(
      { key: "onTime", header: "Hoàn thành đúng hạn" },
      { key: "late", header: "Hoàn thành trễ hạn" },
      { key: "openInTime", header: "Đang thực hiện trong hạn" },
      { key: "overdue", header: "Quá hạn" },
    );
  }
  return cols;
}
