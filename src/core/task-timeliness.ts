/**
 * Task timeliness at a period's end, the Government Office's four counts: done on time, done late,
 * open within the deadline, overdue. A task's deadline comes from its timing text (./task-due.ts); its
 * status is the one reported for the period, and the statuses reported for earlier periods (the tasks
 * sheet keeps one per period) say whether a done task was done late: it is late when a report dated
 * on or after its deadline still had it not done. Without such a report a done task is on time (a
 * late finish is never guessed). A task not done (in progress, not started) is overdue once its
 * deadline is on or before the period's end, else open within the deadline; a task with no deadline
 * ("Thường xuyên") is never late nor overdue. A task nobody reported on for the period is none of the
 * four: it is counted apart ("chưa báo cáo"), never guessed in time or overdue.
 */
import { type PeriodId, period } from "./periods";
import type { TaskStatus } from "./task-status";

export type Timeliness = "on-time" | "late" | "open-in-time" | "overdue" | "unreported";

/** The last day a period's cumulative figures and statuses speak for: 30 June for "6m" and "q2". */
export function periodEnd(id: PeriodId, year: number): string {
  const last = period(id, year).lastMonth;
  const day = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return `${year}-${String(last).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface StatusAt {
  /** The end date of the period the status was reported for (ISO). */
  end: string;
  status: TaskStatus | null;
}

/**
 * The timeliness of one task at `asOf` (ISO end of the report's period), given its status there and
 * the statuses reported for earlier periods (any order; those after `asOf` are ignored).
 */
export function taskTimeliness(due: string | null, status: TaskStatus | null, asOf: string, earlier: readonly StatusAt[] = []): Timeliness {
  if (status == null) return "unreported";
  if (status === "hoan-thanh") {
    if (due == null) return "on-time";
    const lateSeen = earlier.some((e) => e.end >= due && e.end < asOf && e.status !== "hoan-thanh" && e.status != null);
    return lateSeen ? "late" : "on-time";
  }
  return due != null && due <= asOf ? "overdue" : "open-in-time";
}
