/**
 * An in-memory `PaneOperations` for the pane's own browser test: a workbook reduced to one figure per
 * target and period, judged by the real core (`evaluatePlan`). It lets the pane be tested before and
 * apart from the Office.js host; the full path (pane, host, strict Excel) is tested in pane.test.ts.
 */
import { explainRule } from "../../src/core/evaluate/explain";
import { evaluatePlan } from "../../src/core/evaluate";
import { formatNumber, parseNumber } from "../../src/core/numbers";
import { mainTargets, type Plan } from "../../src/core/plan";
import { isPeriodId } from "../../src/core/periods";
import type { ReportFields } from "../../src/core/report/fields";
import type {
  CheckSummary,
  CheckedIssue,
  DropCandidate,
  FixOutcome,
  FixToApply,
  LoadOutcome,
  Notice,
  PaneOperations,
  PeriodCode,
  ReportSheetOutcome,
  StaleJudgement,
  RowChange,
  UndoInfo,
  UndoOutcome,
  WorkbookCheck,
  WorkbookState,
  CollectOutcome,
  SubmissionsOutcome, PreviousYearOutcome, PreviousYearPreview,
} from "../../src/contract/operations";

export const SHEET = "Chỉ tiêu";
export const REPORT_SHEET = "Báo cáo";
const FIRST_ROW = 6;

type Watcher = { period: PeriodCode; onSummary: (s: CheckSummary) => void; onStale?: (s: StaleJudgement | null) => void };

export class FakeWorkbook implements PaneOperations {
  plan: Plan | null = null;
  periods: PeriodCode[] = [];
  /** Figures as typed, by period then target number. */
  figures = new Map<PeriodCode, Map<string, string>>();
  selection: { sheet: string; cell: string } | null = null;
  calls: string[] = [];
  watchers = new Set<Watcher>();
  notices: Notice[] = [];
  /** Cells the last check marked, and report sheets made (the previous ones kept by name). */
  marked = new Set<string>();
  reports: string[] = [];
  /** The report fields the book's record keeps (the real host's `report.fields`). */
  reportFields: ReportFields | null = null;
  /** How long recheck takes, to let the pane be caught mid-request. */
  recheckDelayMs = 0;
  private failures: string[] = [];

  /** The next host call rejects with this (Vietnamese) message, as a host fault would. */
  failNext(message: string): void {
    this.failures.push(message);
  }

  private enter(call: string): void {
    this.calls.push(call);
    const f = this.failures.shift();
    if (f !== undefined) throw new Error(f);
  }

  /** The target and period a figure cell belongs to, by the layout of `cellOf` (one column per period). */
  private figureAt(cell: string): { period: PeriodCode; no: string } | null {
    for (const [period, col] of this.figures) for (const no of col.keys()) if (this.cellOf(no) === cell) return { period, no };
    return null;
  }

  cellOf(no: string): string {
    const i = this.plan ? this.plan.targets.findIndex((t) => t.no === no) : -1;
    return `F${FIRST_ROW + i}`;
  }

  /** The user typing a figure into the period's column; live judgment hears of it. */
  type(period: PeriodCode, no: string, text: string): void {
    if (!this.figures.has(period)) this.figures.set(period, new Map());
    const col = this.figures.get(period) as Map<string, string>;
    if (text === "") col.delete(no);
    else col.set(no, text);
    for (const w of this.watchers) if (w.period === period) w.onSummary(this.summary(period));
  }

  summary(period: PeriodCode): CheckSummary {
    const plan = this.plan;
    if (!plan) throw new Error("Sổ tính chưa có kế hoạch.");
    const col = this.figures.get(period) ?? new Map<string, string>();
    // The period's figures, judged as the host judges them (the mid-year rule before year end).
    const ev = evaluatePlan(plan, { rows: [...col].map(([no, actual]) => ({ no, actual })), ...(isPeriodId(period) ? { period } : {}) });
    const main = new Set(mainTargets(plan).map((t) => t.no));
    const items = ev.rows
      .filter((r) => main.has(r.no) && (r.status === "khong-dat" || r.status === "thieu-so-lieu"))
      .map((r) => ({
        key: `t:${r.no}`,
        no: r.no,
        name: plan.targets.find((t) => t.no === r.no)?.name ?? "",
        status: r.status,
        reason: r.reason,
        percent: r.percent,
        // "Vì sao?": the rule's words, as the Office.js host gives them (layout/judge.ts).
        ...(r.target ? { rule: explainRule(r.target, plan.targets.find((t) => t.no === r.no)?.rule ?? {}) } : {}),
        sheet: SHEET,
        cell: this.cellOf(r.no),
      }));
    return { period, counts: ev.summary, items };
  }

  async readState(): Promise<WorkbookState> {
    this.enter("readState");
    return {
      planId: this.plan?.id ?? null,
      planTitle: this.plan ? `${this.plan.unit} – ${this.plan.year}` : null,
      periods: [...this.periods],
      notices: this.notices,
      reportFields: this.reportFields,
    };
  }

  async loadPlan(
    plan: Plan,
    periods: PeriodCode[],
    confirmDrop: (rows: DropCandidate[]) => Promise<boolean>,
  ): Promise<LoadOutcome | { cancelled: true }> {
    this.enter(`loadPlan ${plan.id} ${periods.join(",")}`);
    const keep = new Set(plan.targets.map((t) => t.no));
    const dropped: DropCandidate[] = [];
    for (const [p, col] of this.figures) {
      for (const no of col.keys()) {
        if (!keep.has(no) && !dropped.some((d) => d.key === `t:${no}`)) dropped.push({ key: `t:${no}`, label: `Chỉ tiêu ${no} (${p})` });
      }
    }
    if (dropped.length && !(await confirmDrop(dropped))) return { cancelled: true };
    this.plan = plan;
    this.periods = [...new Set([...this.periods, ...periods])];
    const status = periods.includes("year") ? "year" : periods[periods.length - 1];
    return {
      message: `Đã nạp ${plan.targets.length} chỉ tiêu, ${plan.tasks.length} nhiệm vụ.`,
      kept: dropped,
      notices: [],
      summary: this.summary(status),
    };
  }

  async recheck(period: PeriodCode): Promise<CheckSummary> {
    this.enter(`recheck ${period}`);
    if (this.recheckDelayMs) await new Promise((r) => setTimeout(r, this.recheckDelayMs));
    return this.summary(period);
  }

  async catchUp(period: PeriodCode): Promise<CheckSummary> {
    this.enter(`catch-up ${period}`);
    return this.summary(period);
  }

  /** Live judgement of these targets was refused even after the host's retries (the user kept editing a cell). */
  staleRows(period: PeriodCode, targets: string[]): void {
    for (const w of this.watchers) if (w.period === period) w.onStale?.({ period, targets });
  }

  async watch(period: PeriodCode, onSummary: (s: CheckSummary) => void, onStale?: (s: StaleJudgement | null) => void): Promise<() => Promise<void>> {
    this.enter(`watch ${period}`);
    const w = { period, onSummary, onStale };
    this.watchers.add(w);
    return async () => {
      this.calls.push(`unwatch ${period}`);
      this.watchers.delete(w);
    };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.enter(`select ${sheet}!${cell}`);
    this.selection = { sheet, cell };
  }

  /**
   * A figure typed as text that reads as a number ("650,2") is a warning with a fix; text that is not
   * a figure at all is an error without one. Marks are kept as cell names.
   */
  async checkWorkbook(options: { mark?: boolean; issuesSheet?: boolean } = {}): Promise<WorkbookCheck> {
    this.enter(`checkWorkbook mark=${options.mark ?? true} sheet=${options.issuesSheet ?? false}`);
    if (!this.plan) throw new Error("Sổ tính chưa có kế hoạch.");
    const issues: CheckedIssue[] = [];
    for (const [, col] of this.figures) {
      for (const [no, text] of col) {
        if (/^-?\d+(\.\d+)?$/.test(text)) continue;
        const cell = this.cellOf(no);
        const r = parseNumber(text);
        const location = { sheet: SHEET, cell, target: no };
        const where = `Trang "${SHEET}", ô ${cell}, chỉ tiêu ${no}`;
        if (r.ok) {
          issues.push({
            code: "value.text-number", severity: "warning", location, params: { written: text, value: r.value }, where,
            message: `Số liệu "${text}" đang ở dạng chữ.`, fixText: formatNumber(r.value, r.decimals), wasText: text, hiddenChange: null,
            apply: { sheet: SHEET, cell, value: r.value, was: text },
          });
        } else {
          issues.push({ code: "value.unreadable", severity: "error", location, params: { written: text }, where, message: `Không đọc được "${text}".`, fixText: null, wasText: null, hiddenChange: null, apply: null });
        }
      }
    }
    issues.sort((a, b) => Number((a.location.cell ?? "").slice(1)) - Number((b.location.cell ?? "").slice(1)));
    if (options.mark ?? true) for (const i of issues) this.marked.add(i.location.cell ?? "");
    const count = (sev: string) => issues.filter((i) => i.severity === sev).length;
    return {
      planId: this.plan.id,
      checked: [SHEET],
      sheets: issues.length ? [{ sheet: SHEET, issues }] : [],
      counts: { error: count("error"), warning: count("warning"), info: count("info") },
      marked: options.mark ?? true ? issues.length : 0,
      unmarkedSheets: [],
      issuesSheet: options.issuesSheet ? "Kiểm tra" : null,
      issuesSheetSkipped: null,
    };
  }

  /** Writes each fix whose cell still holds what the check read. */
  async applyFixes(fixes: FixToApply[]): Promise<FixOutcome> {
    this.enter(`applyFixes ${fixes.map((f) => f.cell).join(",")}`);
    const out: FixOutcome = { applied: [], skipped: [] };
    for (const f of fixes) {
      const at = this.figureAt(f.cell);
      const col = at && this.figures.get(at.period);
      if (!at || !col) out.skipped.push({ sheet: f.sheet, cell: f.cell, reason: "missing" });
      else if (col.get(at.no) !== f.was) out.skipped.push({ sheet: f.sheet, cell: f.cell, reason: "changed" });
      else {
        col.set(at.no, String(f.value));
        out.applied.push({ sheet: f.sheet, cell: f.cell });
      }
    }
    return out;
  }

  // Undo is tested over the real host and the strict Excel (pane-undo.test.ts); this workbook keeps no
  // history. Not in `calls` (nor taking an injected failure): the pane asks it beside other calls.
  async lastUndo(): Promise<UndoInfo | null> {
    return null;
  }

  async rowChanges(): Promise<RowChange[]> {
    return [];
  }

  async undoLast(): Promise<UndoOutcome> {
    this.enter("undoLast");
    return { step: null, restored: [], skipped: [], next: null };
  }

  async clearMarks(): Promise<{ cleared: number; kept: number }> {
    this.enter("clearMarks");
    const cleared = this.marked.size;
    this.marked.clear();
    return { cleared, kept: 0 };
  }

  async buildReport(period: PeriodCode, keepPrevious: boolean, fields?: ReportFields): Promise<ReportSheetOutcome> {
    const typed = fields && Object.values(fields).some((v) => v !== "");
    this.enter(`buildReport ${period} keep=${keepPrevious}${typed ? ` fields=${JSON.stringify(fields)}` : ""}`);
    if (fields) this.reportFields = { ...fields };
    const s = this.summary(period);
    const kept = keepPrevious && this.reports.length ? `${REPORT_SHEET} (${this.reports.length})` : null;
    if (kept) this.reports.push(kept);
    if (!this.reports.includes(REPORT_SHEET)) this.reports.push(REPORT_SHEET);
    const chart = s.counts.vuot + s.counts.dat + s.counts.khongDat > 0;
    return {
      message: `Đã lập báo cáo ở trang "${REPORT_SHEET}".${kept ? ` Báo cáo lập lần trước được giữ lại ở trang "${kept}".` : ""}`,
      sheet: REPORT_SHEET,
      kept,
      chart,
      notices: [],
      warnings: s.items.filter((i) => i.status === "thieu-so-lieu").slice(0, 2).map((i) => `Chỉ tiêu ${i.no} chưa có số liệu.`),
      counts: { ...s.counts, main: s.counts.vuot + s.counts.dat + s.counts.khongDat + s.counts.xemLai + s.counts.thieuSoLieu },
      tasks: null,
      fieldsSaved: false,
    };
  }

  /** The table of the period's figures, as the host hands it to the pane's clipboard writer. */
  // The collection cycle runs on the strict Excel in the built pane (test/browser/pane-cycle.test.ts).
  async makeSubmissions(): Promise<SubmissionsOutcome> {
    throw new Error("Khung thử không tạo phiếu.");
  }

  async collectReturned(): Promise<CollectOutcome> {
    throw new Error("Khung thử không tổng hợp phiếu.");
  }

  async openBook(): Promise<void> {
    throw new Error("Khung thử không mở sổ.");
  }

  async previewPreviousYear(): Promise<PreviousYearPreview> {
    throw new Error("Khung thử không đọc số liệu năm trước.");
  }

  async writePreviousYear(): Promise<PreviousYearOutcome> {
    throw new Error("Khung thử không ghi số liệu năm trước.");
  }

  async copyReportTable(period: PeriodCode, write: (html: string, text: string) => Promise<void>): Promise<{ rows: number }> {
    this.enter(`copyReportTable ${period}`);
    const plan = this.plan;
    if (!plan) throw new Error("Sổ tính chưa có kế hoạch.");
    const col = this.figures.get(period) ?? new Map<string, string>();
    const rows = plan.targets.map((t) => {
      const r = parseNumber(col.get(t.no) ?? "");
      return [t.no, t.name, r.ok ? formatNumber(r.value, r.decimals) : ""];
    });
    const cell = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    await write(
      `<table>${rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join("")}</tr>`).join("")}</table>`,
      rows.map((r) => r.join("\t")).join("\n"),
    );
    return { rows: rows.length };
  }
}
