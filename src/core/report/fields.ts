/**
 * The document's own fields, as the officer types them in the pane (and the CLI takes as options):
 * number, date, addressee, signer's name and title, and the bare task counts of the work programme
 * (783/BC's "Tổng số nhiệm vụ giao: 118 …; hoàn thành 109, đang thực hiện 09"). Kept as typed, in the
 * book's record, so the next report of the same book starts from them; read here into the report's
 * input with one problem per field that is not right.
 */
import { type Problem, problem } from "../problems";
import type { ReportProblemCode } from "./codes";
import { type DocDate, parseDocDate } from "./heading";
import type { GivenTaskCounts } from "./tasks";

export interface ReportFields {
  /** "783" or "783/BC-UBND"; blank: left for the clerk. */
  number: string;
  /** "05/12/2023" or "2023-12-05"; blank: today. */
  date: string;
  /** Kính gửi. */
  to: string;
  signer: string;
  /** "Chủ tịch", "Phó Chủ tịch"; blank: the plan's, else Chủ tịch. */
  signerTitle: string;
  /** The work programme's counts; all three blank: counted from the tasks sheet. */
  tasksTotal: string;
  tasksDone: string;
  tasksDoing: string;
}

export type ReportFieldKey = keyof ReportFields;

export const REPORT_FIELD_KEYS = ["number", "date", "to", "signer", "signerTitle", "tasksTotal", "tasksDone", "tasksDoing"] as const satisfies readonly ReportFieldKey[];

/** The field names the messages say, as the pane labels them. */
export const REPORT_FIELD_LABELS: Record<ReportFieldKey, string> = {
  number: "Số văn bản",
  date: "Ngày ban hành",
  to: "Kính gửi",
  signer: "Người ký",
  signerTitle: "Chức vụ",
  tasksTotal: "Tổng số nhiệm vụ",
  tasksDone: "Đã hoàn thành",
  tasksDoing: "Đang thực hiện",
};

export const EMPTY_REPORT_FIELDS: ReportFields = {
  number: "", date: "", to: "", signer: "", signerTitle: "", tasksTotal: "", tasksDone: "", tasksDoing: "",
};

/** Longest text kept of a field: a heading line, not a page pasted in by mistake. */
const MAX_LENGTH = 300;

/** Fields from anything (a record written by another version, a message): strings only, trimmed to size. */
export function reportFieldsFrom(value: unknown): ReportFields | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const out: ReportFields = { ...EMPTY_REPORT_FIELDS };
  let any = false;
  for (const k of REPORT_FIELD_KEYS) {
    const x = v[k];
    if (typeof x === "string") {
      out[k] = x.slice(0, MAX_LENGTH);
      any = true;
    } else if (typeof x === "number" && Number.isFinite(x)) {
      out[k] = String(x);
      any = true;
    }
  }
  return any ? out : null;
}

/** What the fields give the report (`ReportInput`'s fields of the same names). */
export interface ReportFieldsInput {
  number: string | null;
  /** Null when no date was typed: the caller prints today. */
  date: DocDate | null;
  to: string | null;
  signer: string | null;
  signerTitle: string | null;
  taskCounts: GivenTaskCounts | null;
}

export interface FieldProblem {
  field: ReportFieldKey;
  problem: Problem<ReportProblemCode>;
}

const clean = (s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim();
const orNull = (s: string): string | null => clean(s) || null;

/** A whole count as typed: "118", "09", " 9 "; null for anything else. */
function count(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

function taskCounts(f: ReportFields, problems: FieldProblem[]): GivenTaskCounts | null {
  const keys = ["tasksTotal", "tasksDone", "tasksDoing"] as const;
  const typed = keys.filter((k) => f[k].trim() !== "");
  if (!typed.length) return null;
  const n: Partial<Record<(typeof keys)[number], number>> = {};
  let ok = true;
  for (const k of keys) {
    if (f[k].trim() === "") {
      problems.push({ field: k, problem: problem("report.task-count-missing", {}, { field: REPORT_FIELD_LABELS[k] }) });
      ok = false;
      continue;
    }
    const c = count(f[k]);
    if (c == null) {
      problems.push({ field: k, problem: problem("report.bad-task-count", {}, { field: REPORT_FIELD_LABELS[k], text: clean(f[k]) }) });
      ok = false;
    } else n[k] = c;
  }
  if (!ok || n.tasksTotal == null || n.tasksDone == null || n.tasksDoing == null) return null;
  if (n.tasksDone + n.tasksDoing > n.tasksTotal) {
    problems.push({
      field: "tasksTotal",
      problem: problem("report.task-counts-sum", {}, { total: n.tasksTotal, done: n.tasksDone, doing: n.tasksDoing }),
    });
    return null;
  }
  return { total: n.tasksTotal, done: n.tasksDone, doing: n.tasksDoing };
}

/** The report's input from the fields as typed, and what is wrong with them (the report is not made then). */
export function readReportFields(f: ReportFields): { input: ReportFieldsInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let date: DocDate | null = null;
  if (f.date.trim()) {
    const d = parseDocDate(f.date);
    date = d.date;
    for (const p of d.problems) problems.push({ field: "date", problem: p });
  }
  const tasks = taskCounts(f, problems);
  return {
    input: { number: orNull(f.number), date, to: orNull(f.to), signer: orNull(f.signer), signerTitle: orNull(f.signerTitle), taskCounts: tasks },
    problems,
  };
}
