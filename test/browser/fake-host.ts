/**
 * An in-memory `PaneOperations` for the pane's own browser test: a workbook reduced to one figure per
 * target and period, judged by the real core (`evaluatePlan`). It lets the pane be tested before and
 * apart from the Office.js host; the full path (pane, host, strict Excel) is tested in pane.test.ts.
 */
import { evaluatePlan } from "../../src/domain/evaluate";
import { mainTargets, type Plan } from "../../src/domain/plan";
import type {
  CheckSummary,
  DropCandidate,
  LoadOutcome,
  Notice,
  PaneOperations,
  PeriodCode,
  WorkbookState,
} from "../../src/taskpane/operations";

export const SHEET = "Chỉ tiêu";
const FIRST_ROW = 6;

type Watcher = { period: PeriodCode; onSummary: (s: CheckSummary) => void };

export class FakeWorkbook implements PaneOperations {
  plan: Plan | null = null;
  periods: PeriodCode[] = [];
  /** Figures as typed, by period then target number. */
  figures = new Map<PeriodCode, Map<string, string>>();
  selection: { sheet: string; cell: string } | null = null;
  calls: string[] = [];
  watchers = new Set<Watcher>();
  notices: Notice[] = [];
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
    const ev = evaluatePlan(plan, { rows: [...col].map(([no, actual]) => ({ no, actual })) });
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

  async watch(period: PeriodCode, onSummary: (s: CheckSummary) => void): Promise<() => Promise<void>> {
    this.enter(`watch ${period}`);
    const w = { period, onSummary };
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
}
