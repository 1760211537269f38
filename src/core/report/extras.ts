/**
 * What a report reads from an actuals JSON file beyond the rows `parseActuals` takes: whether the
 * figures are estimates, the period, a note ("SỐ LIỆU VÍ DỤ"), each row's figure for the same period
 * of the previous year (`previous`), and task statuses (`tasks: [{code, status, byPeriod?: {"6m": status}}]`, the statuses of earlier
 * periods telling a late finish). All optional;
 * a wrong shape is a problem, never an exception.
 */
import { type Problem, problem } from "../problems";
import type { ReportProblemCode } from "./codes";
import { type ReportPeriod, isReportPeriod } from "./period";
import type { TaskStatusInput } from "./tasks";


export interface ReportExtras {
  figures: "estimate" | "official" | null;
  period: ReportPeriod | null;
  note: string | null;
  samePeriodLastYear: Record<string, string | number | null>;
  tasks: TaskStatusInput[] | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function readReportExtras(data: unknown, file?: string): { extras: ReportExtras; problems: Problem<ReportProblemCode>[] } {
  const extras: ReportExtras = { figures: null, period: null, note: null, samePeriodLastYear: {}, tasks: null };
  const problems: Problem<ReportProblemCode>[] = [];
  const bad = (path: string, detail: string): void => {
    problems.push(problem("report.bad-extras", { file, path }, { detail }));
  };
  if (!isRecord(data)) return { extras, problems };
  if (data.kind === "estimate" || data.kind === "official") extras.figures = data.kind;
  else if (data.kind != null) bad("kind", 'kind là "estimate" (ước) hoặc "official" (chính thức)');
  if (typeof data.period === "string" && isReportPeriod(data.period)) extras.period = data.period;
  else if (data.period != null) bad("period", "period là year, 9m, 6m, q1–q4 hoặc m1–m12");
  if (typeof data.note === "string" && data.note.trim()) extras.note = data.note.normalize("NFC").trim();
  if (Array.isArray(data.rows)) {
    data.rows.forEach((r: unknown, i: number) => {
      if (!isRecord(r) || r.previous == null) return;
      if ((typeof r.no === "string" || typeof r.no === "number") && (typeof r.previous === "string" || typeof r.previous === "number")) {
        extras.samePeriodLastYear[String(r.no)] = r.previous;
      } else bad(`rows[${i}].previous`, "previous là số liệu cùng kỳ năm trước, số hoặc chữ");
    });
  }
  if (data.tasks != null) {
    if (!Array.isArray(data.tasks)) bad("tasks", "tasks là mảng {code, status}");
    else {
      extras.tasks = [];
      data.tasks.forEach((t: unknown, i: number) => {
        if (!isRecord(t) || (typeof t.code !== "string" && typeof t.code !== "number")) return bad(`tasks[${i}]`, "cần {code, status}");
        const status = typeof t.status === "string" ? t.status : null;
        const byPeriod: Record<string, string | null> = {};
        if (isRecord(t.byPeriod)) {
          for (const [p, v] of Object.entries(t.byPeriod)) {
            if (isReportPeriod(p) && (typeof v === "string" || v == null)) byPeriod[p] = v ?? null;
            else bad(`tasks[${i}].byPeriod.${p}`, "byPeriod là {kỳ: trạng thái}, kỳ là year, 9m, 6m, q1–q4 hoặc m1–m12");
          }
        } else if (t.byPeriod != null) bad(`tasks[${i}].byPeriod`, "byPeriod là {kỳ: trạng thái}");
        extras.tasks?.push(Object.keys(byPeriod).length ? { code: String(t.code), status, byPeriod } : { code: String(t.code), status });
      });
    }
  }
  return { extras, problems };
}
