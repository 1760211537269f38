/**
 * What the pane asks of Excel. The pane's components receive an implementation of this interface as
 * props and never call Office.js themselves; `src/hosts/excel` implements it over a live workbook, tests
 * implement it over the strict in-memory Excel. Results are data; a host fault rejects with an Error
 * whose message is already Vietnamese (the pane shows it, never an unhandled exception).
 */
import type { Plan } from "../core/plan";
import type { Severity } from "../core/problems";
import type { HistoryAction } from "../core/history";
import type { ReportFields } from "../core/report/fields";
import type { ReportModel } from "../core/report/model";
import type { Issue } from "../core/validate";
import type { Status, Summary } from "../core/evaluate";

export type PeriodCode = string; // "year", "6m", "9m", "q1".."q4", "m1".."m12" (src/core/periods.ts)
/** A target's status (src/core/evaluate/status.ts): "xem-lai" is a figure the check calls a slip. */
export type StatusCode = Status;

/** A feature the workbook's Excel lacks, and what the add-in does instead (Vietnamese text). */
export interface Notice {
  code: string;
  text: string;
}

export interface IndicatorItem {
  /** Row identity in the workbook ("t:7"). */
  key: string;
  /** Plan number ("7", "1.2"). */
  no: string;
  name: string;
  status: StatusCode;
  /** The status's words as the sheet shows them when they differ from its label (`statusLabel`: "Dự kiến không đạt" before year end). */
  label?: string;
  reason: string;
  percent: number | null;
  /** "Vì sao?": the rule that gives this target its status (src/core/evaluate/explain.ts); absent when the target cannot be read. */
  rule?: string;
  /** For "xem-lai": the value the check proposes (1720 for 1,72), null when it proposes none. */
  proposed?: string | number | null;
  /** Where to take the user: the row's figure cell for the period. */
  sheet: string;
  cell: string;
}

export interface CheckSummary {
  period: PeriodCode;
  /** Main targets by status, from `statusCounts` (src/core/evaluate.ts): the report counts the same. */
  counts: Summary;
  /** Off-target, to-review and missing indicators, in plan order. */
  items: IndicatorItem[];
}

/**
 * Rows live judgement could not bring up to date (Excel refused even after retries, e.g. while the user
 * was still editing a cell): the pane says they are "chưa cập nhật" until a later judgement succeeds.
 */
export interface StaleJudgement {
  period: PeriodCode;
  /** The plan numbers of the rows ("3", "1.2"); empty when every row is concerned. */
  targets: string[];
  /** Set when the targets sheet (this name) is protected: the rows were judged, their status not written. */
  protectedSheet?: string;
}

export interface WorkbookState {
  /** Plan kept in the workbook's settings, if the add-in has loaded one. */
  planId: string | null;
  planTitle: string | null;
  periods: PeriodCode[];
  notices: Notice[];
  /** The report's document fields as last used in this book (kept in its record); null before the first report. */
  reportFields?: ReportFields | null;
}

export interface DropCandidate {
  key: string;
  label: string;
}

export interface LoadOutcome {
  /** Vietnamese sentence for the pane ("Đã nạp 20 chỉ tiêu, 33 nhiệm vụ."). */
  message: string;
  /** Filled rows the new plan no longer has; kept in the sheet under their own heading. */
  kept: DropCandidate[];
  notices: Notice[];
  summary: CheckSummary;
}

export interface PaneOperations {
  readState(): Promise<WorkbookState>;
  /**
   * Lays the plan out (or re-lays it), keeping every typed figure. When the new plan would drop filled
   * rows, `confirmDrop` is asked first; answering false cancels the whole load, nothing written.
   */
  loadPlan(
    plan: Plan,
    periods: PeriodCode[],
    confirmDrop: (rows: DropCandidate[]) => Promise<boolean>,
  ): Promise<LoadOutcome | { cancelled: true }>;
  /** Re-evaluates every row for the period and writes status, percent and reason ("Kiểm tra lại"). */
  recheck(period: PeriodCode): Promise<CheckSummary>;
  /**
   * Re-evaluates only the rows whose inputs changed since they were last judged (edits made while the
   * pane was hidden or closed, a co-author's), as the book's record tells; every row where it cannot.
   */
  catchUp(period: PeriodCode): Promise<CheckSummary>;
  /**
   * Live judgment: re-evaluates edited rows as the user types; resolves to a function that stops it.
   * A judgement Excel refuses is retried; when it still fails, `onStale` names the rows left out of
   * date, and `onStale(null)` follows once they are judged again.
   */
  watch(
    period: PeriodCode,
    onSummary: (summary: CheckSummary) => void,
    onStale?: (stale: StaleJudgement | null) => void,
  ): Promise<() => Promise<void>>;
  /** Selects a cell (and activates its sheet). */
  select(sheet: string, cell: string): Promise<void>;
  /** "Kiểm tra số liệu": validates every sheet, marks problem cells (values untouched), lists the problems. */
  checkWorkbook(options?: Pick<CheckOptions, "mark" | "issuesSheet" | "ownPlans">): Promise<WorkbookCheck>;
  /** Writes the proposed values the user accepted; cells changed since the check are left alone. */
  applyFixes(fixes: FixToApply[]): Promise<FixOutcome>;
  /** What "Hoàn tác" would undo now (the book's history: the last fix or reload not undone), or null. */
  lastUndo(): Promise<UndoInfo | null>;
  /**
   * "Hoàn tác": puts back the values the last fix or reload replaced, from the book's history (so also
   * after the pane was closed), one step at a time; a cell changed since is left as it is and named.
   */
  undoLast(): Promise<UndoOutcome>;
  /** A target's last changes in the book's history, latest first (for "Vì sao?" under its row). */
  rowChanges(targetNo: string, limit?: number): Promise<RowChange[]>;
  /** Takes the check's marks off, restoring each cell's own fill. */
  clearMarks(): Promise<{ cleared: number; kept: number }>;
  /**
   * "Tạo báo cáo": the 783/BC report sheet with its chart; only the add-in's own report is replaced.
   * `fields` (number, date, addressee, signer, task counts: core/report/fields.ts) head and sign it and
   * are kept in the book's record for the next report; fields that do not read reject with their message.
   */
  buildReport(period: PeriodCode, keepPrevious: boolean, fields?: ReportFields): Promise<ReportSheetOutcome>;
  /** "Sao chép bảng": the report table as HTML and text (vi-VN figures) handed to `write`; `fields` as for the sheet. */
  copyReportTable(period: PeriodCode, write: (html: string, text: string) => Promise<void>, fields?: ReportFields): Promise<{ rows: number }>;
  /**
   * "Tạo phiếu thu thập": one submission book per recipient of the open plan book (its *Phân công*
   * sheet, written first when the book has none), built on demand, with a .zip of them all.
   */
  makeSubmissions(period: PeriodCode, due: string | null, onProgress?: CycleProgress): Promise<SubmissionsOutcome>;
  /** "Tổng hợp phiếu": the returned books read, checked and merged into the open plan book. */
  collectReturned(files: CycleFileIn[], period: PeriodCode, onProgress?: CycleProgress): Promise<CollectOutcome>;
  /** Opens one book in a new Excel window (`Excel.createWorkbook`), where downloads are not possible. */
  openBook(bytes: Uint8Array): Promise<void>;
  /**
   * "Lấy số liệu năm trước", first step: last year's book (.xlsx) or actuals file (CSV/JSON) read, and
   * its targets matched to this year's (the corrections kept in the book's record applied). Writes nothing.
   */
  previewPreviousYear(file: CycleFileIn, period: PeriodCode): Promise<PreviousYearPreview>;
  /**
   * Second step: last year's figures written to the targets sheet's *Cùng kỳ năm trước* column of each
   * opened period last year's file gives, with the officer's corrections (this year's target number →
   * last year's, or null for none) kept in the book's record for next time. A figure typed there is kept.
   */
  writePreviousYear(file: CycleFileIn, period: PeriodCode, corrections: Record<string, string | null>): Promise<PreviousYearOutcome>;
}

/** How one of this year's targets was matched to last year's ("officer": the officer's correction). */
export type PreviousHow = "number-and-name" | "name" | "number" | "officer" | "none";

export interface PreviousYearPreview {
  file: string;
  /** One line per target of this year's plan; `lastNo` null: no counterpart. */
  lines: { no: string; name: string; lastNo: string | null; lastName: string | null; how: PreviousHow }[];
  /** Last year's targets the officer may choose from. */
  candidates: { no: string; name: string | null }[];
  /** The opened periods last year's file gives figures for. */
  periods: PeriodCode[];
  /** Opened periods whose *Cùng kỳ năm trước* column the targets sheet lacks (a reload of the plan adds it). */
  missingColumns: PeriodCode[];
}

export interface PreviousYearOutcome extends PreviousYearPreview {
  /** The cells written ("Chỉ tiêu!J7"). */
  written: string[];
  /** Cells holding a figure the officer typed: kept, with the figure last year's file gives. */
  kept: { cell: string; target: string; period: PeriodCode; current: string | number; wanted: string | number | null }[];
}

/** Books made or read so far, of `total`; `file` is the one in hand ("" once all are done). */
export type CycleProgress = (done: number, total: number, file: string) => void;

/**
 * How the pane hands the books over: one .zip download (Excel on the web, Windows), else one book at a
 * time in a new Excel window (`Excel.createWorkbook`), else neither (said plainly).
 */
export type CycleDelivery = "download" | "open-each" | "none";

export interface SubmissionsOutcome {
  period: PeriodCode;
  due: string | null;
  /** The period whose Không đạt targets ask for an explanation, or null. */
  judgedPeriod: string | null;
  /** The *Phân công* sheet's name when this action wrote it (the book had none). */
  assignSheetWritten: string | null;
  books: {
    file: string;
    recipient: string;
    kind: "office" | "commune";
    form: string;
    targets: string[];
    tasks: string[];
    explain: string[];
    bytes: Uint8Array;
  }[];
  zip: { name: string; bytes: Uint8Array };
  delivery: CycleDelivery;
}

export interface CycleFileIn {
  name: string;
  bytes: Uint8Array;
  /** The file's date (ISO day), as the file chooser gives it. */
  received: string | null;
}

export interface CollectOutcome {
  period: PeriodCode;
  /** Values written: figures, tasks (status or result), explanations, traffic counts. */
  merged: { figures: number; tasks: number; explanations: number; traffic: number };
  /** Cells left as they were: the plan book's value and every value sent, for the officer to choose. */
  conflicts: { row: string; kind: string; cell: string | null; current: string | number | null; values: { value: string | number; recipient: string; file: string }[] }[];
  /** Communes' roll-ups that differ from the plan book's or an office's total. */
  rollups: { target: string; sum: number; communes: number; differs: string | number | null; by: string | null }[];
  /** Recipients asked for something who sent no book for this period. */
  missing: string[];
  files: { file: string; recipient: string | null; readable: boolean; reason: string | null; merged: boolean; issues: { code: string; severity: Severity; message: string; where: string }[] }[];
  sourcesSheet: string;
  conflictsSheet: string | null;
  /** The cells written ("Chỉ tiêu!H7"). */
  written: string[];
}

/** A cell's value as Office.js reads it. */
export type CellRead = string | number | boolean;

/** A proposed value, ready to be accepted: written only while the cell still holds `was`. */
export interface FixToApply {
  sheet: string;
  cell: string;
  value: string | number;
  was: CellRead;
  /** The plan target the cell belongs to, when the check knows it (for the book's history). */
  target?: string | null;
}

export interface CheckedIssue extends Issue {
  /** Vietnamese message, without the location. */
  message: string;
  /** "Trang "Báo cáo", ô E7, chỉ tiêu 3". */
  where: string;
  /** The proposed value in vi-VN form ("1.600"), when there is one. */
  fixText: string | null;
  /** What the cell to fix shows now, as the officer sees it ("01/07/2024" for a date, "35,58%"), when there is a fix to apply. */
  wasText: string | null;
  /** What a fix changes when old and new read the same on screen (a number stored as text, decomposed letters). */
  hiddenChange: "text-to-number" | "composed" | null;
  apply: FixToApply | null;
}

export interface SheetIssues {
  /** Sheet name; "" for problems of the workbook as a whole. */
  sheet: string;
  issues: CheckedIssue[];
}

export interface WorkbookCheck {
  planId: string;
  /** Sheets that were read, in workbook order. */
  checked: string[];
  /** Problems grouped by sheet (workbook order), inside a sheet by row then column. */
  sheets: SheetIssues[];
  counts: Record<Severity, number>;
  /** Cells filled with a mark colour. */
  marked: number;
  /** Sheets whose problem cells could not be marked (protected against formatting). */
  unmarkedSheets: string[];
  /** Name of the issues sheet written, if any. */
  issuesSheet: string | null;
  /** Why the issues sheet was not written, when it was asked for. */
  issuesSheetSkipped: string | null;
}

export interface CheckOptions {
  /** Fill problem cells with a colour (default true). */
  mark?: boolean;
  /** Write the list into the "Kiểm tra" sheet (default false). */
  issuesSheet?: boolean;
  /** A sheet carrying its own plan (`plan.sheet-own`) is checked against it rather than the book's (default false). */
  ownPlans?: boolean;
  /** Cells a sync may read when a workbook is too large to read in one (check-read.ts). */
  cellsPerSync?: number;
}

export interface FixOutcome {
  applied: { sheet: string; cell: string }[];
  /** The targets sheet judged again after the fixes, in the same action; null when no fix touched it. */
  summary?: CheckSummary | null;
  /** Cells changed since the check (or gone): left as they are, to be checked again. */
  skipped: { sheet: string; cell: string; reason: "changed" | "missing" }[];
}

/** One change of a target's cell, as the history sheet says it. */
export interface RowChange {
  /** ISO time. */
  at: string;
  /** The history's word for the action ("nhập số liệu", "sửa theo kiểm tra", "sửa ngoài add-in"…). */
  action: string;
  /** The action itself, for the pane's own sentence (core/messages/labels.ts historyActionText). */
  kind: HistoryAction;
  period: PeriodCode | null;
  old: string | number | null;
  new: string | number | null;
  /** The source or reason ("" when none). */
  source: string;
}

/** A step "Hoàn tác" can undo. */
export interface UndoInfo {
  action: "fix" | "reload";
  /** ISO time of the action. */
  at: string;
  /** Cells it changed. */
  cells: number;
}

export interface UndoOutcome {
  /** The step undone; null when there was nothing to undo. */
  step: UndoInfo | null;
  restored: { sheet: string; cell: string }[];
  /**
   * Cells left as they are: changed since the step ("changed", with what they hold now), gone
   * ("missing"), a plan value of a reload ("plan"), on a protected sheet or holding a formula ("locked").
   */
  skipped: { sheet: string; cell: string; target: string | null; reason: "changed" | "missing" | "plan" | "locked"; now: string | number | null }[];
  /** The targets sheet judged again, when the undo touched it. */
  summary?: CheckSummary | null;
  /** What a next "Hoàn tác" would undo. */
  next: UndoInfo | null;
}

export interface ReportSheetOutcome {
  /** Vietnamese sentence for the pane. */
  message: string;
  sheet: string;
  /** The name the previous report was kept under; null when there was none or it was replaced. */
  kept: string | null;
  chart: boolean;
  notices: Notice[];
  /** Problems in the figures (a traffic count that is not a whole number…), already in Vietnamese. */
  warnings: string[];
  counts: ReportModel["counts"];
  /** The tasks of the report's period as its table by lead office totals them; null without a tasks sheet. */
  tasks: ReportTasks | null;
  /** Whether the fields were kept in the book's record (not when its record sheet is protected or absent). */
  fieldsSaved: boolean;
}

/** Task counts at a report's period end: each count with the header the report gives it, in its order. */
export interface ReportTasks {
  period: PeriodCode;
  counts: { key: string; header: string; count: number }[];
}
