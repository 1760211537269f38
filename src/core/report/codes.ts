/** Problem codes of the report (messages in messages.ts). */
export type ReportProblemCode =
  | "report.bad-date"
  | "report.task-status-unknown"
  | "report.task-unknown"
  | "report.bad-extras"
  | "report.workbook-unreadable"
  | "report.workbook-no-layout"
  | "report.period-missing"
  | "report.bad-task-counts"
  | "report.bad-task-count"
  | "report.task-count-missing"
  | "report.task-counts-sum";
