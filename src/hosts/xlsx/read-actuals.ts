/**
 * Reads the figures of one period back from a workbook (made by `ktxh init` and filled by staff, or a
 * colleague's table). The reading itself is the one reading of a workbook (src/layout/book.ts), the
 * same the check uses; this file only opens the file. Problems, never exceptions, on bad input.
 */
import type { Actuals } from "../../core/evaluate";
import type { Plan } from "../../core/plan";
import { type Problem, type Result, fail, ok, problem } from "../../core/problems";
import type { TaskStatusInput } from "../../core/report/tasks";
import type { ReportFields } from "../../core/report/fields";
import { recordReportFields } from "../../layout/sheets/record";
import { type PlanSource, bookActuals, bookPeriods, readBook } from "../../layout/book";
import type { WorkbookMeta } from "../../layout/sheets/meta";
import { builtInPlans } from "../../seeds";
import { readWorkbook } from "./read-workbook";
import { type HistoryEntry, revisedSince } from "../../core/history";
import { type PreviousRecord, recordPrevious, reportBase } from "../../layout/sheets/record";
import { bookOutsideEntries } from "../../layout/book-history";
import { type LastYear, isBookFile, lastYearOfActuals, lastYearOfGrids } from "../../layout/previous";

export interface WorkbookActuals {
  meta: WorkbookMeta | null;
  /** The plan the book was read against, and where it came from. */
  plan: Plan;
  planSource: PlanSource;
  actuals: Actuals;
  /** The period's mark in the sheet: "Ước" → estimate, "Chính thức" → official; null when unmarked. */
  figures: "estimate" | "official" | null;
  tasks: TaskStatusInput[] | null;
  /** Last year's figures of the same period from the book's *Cùng kỳ năm trước* column, by target number. */
  samePeriod: Record<string, string | number>;
  /** The report fields last used in the pane, kept in the book's record (layout/sheets/record.ts). */
  reportFields: ReportFields | null;
  /** "Lấy số liệu năm trước" as the book's record keeps it: the officer's corrections of the matching, the figures written. */
  previous: PreviousRecord;
  /** Figures revised since the last report of the period the book's record lists (its history), or null. */
  revised: { since: string; targets: string[] } | null;
  /** Edits found made outside the add-in ("sửa ngoài add-in"), not written to the book (it is an input). */
  outside: HistoryEntry[];
}

/** Reads a period's figures from the workbook's bytes, against the plan chosen or the one it records. */
export async function readWorkbookActuals(bytes: Uint8Array, period: string, file?: string, chosenPlan: Plan | null = null, now?: () => string): Promise<Result<WorkbookActuals>> {
  const read = await readWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file ?? "so.xlsx", { keepWorkbook: false });
  if (!read.ok || read.format !== "xlsx") {
    const detail = read.ok ? "csv" : (read.detail ?? read.code);
    return fail([problem("report.workbook-unreadable", { file }, { detail })]);
  }
  const book = readBook(read.grids, { plans: builtInPlans(), chosenPlan });
  const inFile = (ps: Problem[]): Problem[] => ps.map((p) => ({ ...p, location: { file, ...p.location } }));
  const targets = book.tables.find((t) => t.kind === "targets");
  if (!targets) return fail([problem("report.workbook-no-layout", { file }, {})]);
  const r = bookActuals(book, period);
  if (!r) {
    const available = bookPeriods(book).join(", ");
    return fail(inFile([problem("report.period-missing", { sheet: targets.sheet }, { period, available })]));
  }
  // Edits made outside the add-in since the book was last judged count as revisions too (at the time
  // they are found: after any report recorded); the book itself is not written.
  const outside = bookOutsideEntries(book, (now ?? (() => new Date().toISOString()))());
  const history = [...book.history, ...outside];
  const since = reportBase(book.record, history, period);
  const revised = since ? { since, targets: [...revisedSince(history, period, since)] } : null;
  return ok(
    { meta: book.record?.meta ?? null, plan: book.plan, planSource: book.planSource, actuals: r.actuals, figures: r.figures, tasks: r.tasks, samePeriod: r.samePeriod,
      reportFields: recordReportFields(book.record), revised, previous: recordPrevious(book.record), outside },
    inFile([...book.problems, ...r.problems]),
  );
}

/**
 * Last year's figures from a file: a book (.xlsx, read as every book is) for each of `periods` it has
 * columns for (its figures for `period` when its columns name none), or an actuals CSV/JSON for `period`.
 */
export async function readLastYearFile(bytes: Uint8Array, file: string, periods: readonly string[], period: string): Promise<Result<LastYear>> {
  if (!isBookFile(file)) return lastYearOfActuals(bytes, file, period);
  const read = await readWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, { keepWorkbook: false });
  if (!read.ok || read.format !== "xlsx") {
    const detail = read.ok ? "csv" : (read.detail ?? read.code);
    return fail([problem("report.workbook-unreadable", { file }, { detail })]);
  }
  const last = lastYearOfGrids(read.grids, file, periods, period, builtInPlans());
  return ok(last, last.problems);
}
