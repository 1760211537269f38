/**
 * The judgement columns (Trạng thái, % KH, Lý do) of the targets sheet, computed from the figures of
 * one period. Works on any grid with keyed columns and identified rows: the model being built, or a
 * sheet read back from a workbook, so live judgement can recompute only the rows the user changed.
 * A status staff chose in "Điều chỉnh đánh giá" replaces the rule's only with a reason beside it;
 * the report readers apply the same reading (`readOverride`), so sheet and report agree.
 */
import { readStatus } from "../core/actuals";
import { STATUS_LABELS, type ActualRow, type Actuals, type Override, type PlanEvaluation, type Status, evaluatePlan, statusLabel } from "../core/evaluate";
import { message } from "../core/messages";
import type { TrafficReading } from "../core/traffic-block";
import { sheetTraffic } from "./traffic";
import type { Plan } from "../core/plan";
import { type Problem, problem } from "../core/problems";
import { foldKey } from "../core/text";
import { columnLetter } from "../core/address";
import { periodKey, periodOfKey, samePeriodKey, targetId, targetNoOf } from "../core/row-id";
import { type PeriodId, isPeriodId, period as periodOf } from "../core/periods";
import type { ReadSheet } from "./read";
import { OVERRIDE_KEY, OVERRIDE_REASON_KEY, judgedHeader } from "./sheets/targets";
import type { CellValue } from "./sheets/types";
import type { TypingCulture } from "../core/culture";

/** The part of a sheet the computation reads: keys of columns and identities of rows, in place. */
export interface KeyedGrid {
  columns: readonly { key: string }[];
  /** `formats`: number formats of the cells where the host read them (a % cell holds the fraction). */
  rows: readonly { id: string | null; values: readonly CellValue[]; formats?: readonly (string | null)[] }[];
  /** The culture the figures were typed in, where known (core/culture.ts). */
  culture?: TypingCulture | null;
}

export interface CellUpdate {
  /** Index into `grid.rows` and `grid.columns`. */
  row: number;
  col: number;
  value: CellValue;
}

const asActual = (v: CellValue | undefined): string | number | null =>
  v == null || (typeof v === "string" && v.trim() === "") ? null : v;

/**
 * The traffic counts of the grid in the period's column, read as the report and the check read them
 * (./traffic.ts): `problems` holds each count that is no whole number, at its cell.
 */
export function gridTraffic(plan: Plan, grid: KeyedGrid, period: PeriodId, sheet = ""): TrafficReading {
  const figure = grid.columns.findIndex((c) => c.key === periodKey(period));
  const name = grid.columns.findIndex((c) => c.key === "name");
  const rows = grid.rows.map((r, index) => ({ index, id: r.id, values: r.values }));
  const target = plan.targets.find((t) => t.criteria === "traffic-accidents")?.no ?? null;
  return sheetTraffic(rows, { figure, name }, { sheet, target });
}

/** What an override cell and its reason cell say, before they reach the evaluation. */
export type OverrideReading =
  | { kind: "none" }
  | { kind: "applied"; override: Override }
  /** A valid status without a reason: not applied, the rule's judgement stands. */
  | { kind: "no-reason"; status: Status }
  /** Text that is no status word (pasted past the list validation): not applied. */
  | { kind: "invalid"; text: string };

const trimmed = (v: CellValue | undefined): string => (v == null ? "" : String(v).normalize("NFC").trim());

/** Reads an override: the status as a word of the list or a code (`khong-dat`), the reason as typed. */
export function readOverride(status: CellValue | undefined, reason: CellValue | undefined): OverrideReading {
  const written = trimmed(status);
  if (written === "") return { kind: "none" };
  const s = typeof status === "string" ? readStatus(written) : null;
  if (s == null) return { kind: "invalid", text: written };
  const why = trimmed(reason);
  return why === "" ? { kind: "no-reason", status: s } : { kind: "applied", override: { status: s, reason: why } };
}

/**
 * The period a targets sheet judges, from the header over its status column ("Đánh giá theo số liệu
 * năm"); null when the header no longer says. An override was made against that period's judgement,
 * so a report of another period must not take it.
 */
export function judgedPeriodOf(sheet: ReadSheet): PeriodId | null {
  const status = sheet.columns.find((c) => c.key === "status");
  const header = status?.headerCells.find((v) => trimmed(v) !== "");
  if (header == null) return null;
  const text = foldKey(trimmed(header));
  for (const c of sheet.columns) {
    const id = periodOfKey(c.key);
    if (id != null && isPeriodId(id) && foldKey(judgedHeader(periodOf(id, 2000).label)) === text) return id;
  }
  return null;
}

/** An override read back from a sheet, with the A1 address of its status cell for problems. */
export interface SheetOverride {
  reading: Exclude<OverrideReading, { kind: "none" }>;
  cell: string;
}

/**
 * The overrides of a targets sheet read back, by target number, for a report of `period`: none when
 * the sheet judges another period (see `judgedPeriodOf`) or has no override column (an older layout).
 */
export function sheetOverrides(sheet: ReadSheet, period: string): Map<string, SheetOverride> {
  const out = new Map<string, SheetOverride>();
  const status = sheet.columns.find((c) => c.key === OVERRIDE_KEY);
  const reason = sheet.columns.find((c) => c.key === OVERRIDE_REASON_KEY);
  const judged = judgedPeriodOf(sheet);
  if (!status || (judged != null && judged !== period)) return out;
  for (const r of sheet.rows) {
    const no = targetNoOf(r.id);
    if (no == null) continue;
    const reading = readOverride(r.values[status.index], reason ? r.values[reason.index] : null);
    if (reading.kind !== "none") out.set(no, { reading, cell: `${columnLetter(status.index)}${r.index + 1}` });
  }
  return out;
}

/**
 * Lays a sheet's overrides onto the rows read for a report. A status without a reason goes to the
 * evaluation as it is, whose "override-invalid" warning says it was ignored; text that is no status
 * word is a problem at its cell.
 */
export function applySheetOverrides(rows: ActualRow[], overrides: ReadonlyMap<string, SheetOverride>, sheet: string, problems: Problem[]): void {
  for (const row of rows) {
    const o = overrides.get(row.no);
    if (!o) continue;
    if (o.reading.kind === "applied") row.override = o.reading.override;
    else if (o.reading.kind === "no-reason") row.override = { status: o.reading.status, reason: "" };
    else problems.push(problem("actuals.bad-status", { sheet, cell: o.cell, target: row.no }, { value: o.reading.text }));
  }
}

/** The reason cell beside an override that was not applied: why, then the rule's own reason. */
function notApplied(o: OverrideReading, ruleReason: string): string | null {
  let why: string;
  if (o.kind === "no-reason") why = `Chưa áp dụng điều chỉnh "${STATUS_LABELS[o.status]}": cần ghi lý do điều chỉnh.`;
  else if (o.kind === "invalid") why = `Điều chỉnh "${o.text}" không hợp lệ (chọn Đạt (vượt), Đạt hoặc Không đạt): chưa áp dụng.`;
  else return null;
  return ruleReason ? `${why} ${ruleReason}` : why;
}

/**
 * Status, percent and reason for every target row of `grid` (or only those whose identity is in
 * `only`), judged on the figures of `period`. Rows of the grid that are not targets are left alone.
 */
export function computedCells(plan: Plan, grid: KeyedGrid, period: PeriodId, only?: ReadonlySet<string>): CellUpdate[] {
  return computedJudgement(plan, grid, period, only).updates;
}

/**
 * The cells of `computedCells` and the evaluation they come from (whose counts the pane shows).
 * `lastYear`: last year's figure of the same period by target number, where the book has it (the
 * *Cùng kỳ năm trước* column): a cumulative target's projection then takes last year's share of the year.
 */
export function computedJudgement(
  plan: Plan,
  grid: KeyedGrid,
  period: PeriodId,
  only?: ReadonlySet<string>,
  lastYear?: ReadonlyMap<string, CellValue>,
): { updates: CellUpdate[]; evaluation: PlanEvaluation | null } {
  const col = (key: string): number => grid.columns.findIndex((c) => c.key === key);
  const figure = col(periodKey(period));
  const status = col("status");
  const percent = col("percent");
  const reason = col("reason");
  if (status < 0 && percent < 0 && reason < 0) return { updates: [], evaluation: null };
  const rowOf = new Map<string, number>();
  grid.rows.forEach((r, i) => {
    if (r.id) rowOf.set(r.id, i);
  });
  const cellAt = (id: string, c: number): CellValue => {
    const r = rowOf.get(id);
    return r == null || c < 0 ? null : (grid.rows[r].values[c] ?? null);
  };
  const valueAt = (id: string): CellValue => cellAt(id, figure);
  // Last year's figure of the period, from the sheet's *Cùng kỳ năm trước* column unless given.
  const sameCol = col(samePeriodKey(period));
  const yearCol = period === "year" ? -1 : col(samePeriodKey("year"));
  const lastYearOf = (no: string): CellValue => (lastYear ? (lastYear.get(no) ?? null) : sameCol < 0 ? null : cellAt(targetId(no), sameCol));
  const blank = (v: CellValue): boolean => v == null || (typeof v === "string" && v.trim() === "");
  const overrideCol = col(OVERRIDE_KEY);
  const overrideReasonCol = col(OVERRIDE_REASON_KEY);
  const overrides = new Map<string, OverrideReading>();

  // The period's figures: before year end the mid-year rule judges them (src/core/evaluate/midyear.ts).
  const actuals: Actuals = {
    cells: true,
    culture: grid.culture ?? null,
    period,
    rows: plan.targets.map((t) => {
      const id = targetId(t.no);
      const row: ActualRow = { no: t.no, actual: asActual(valueAt(id)) };
      const r = rowOf.get(id);
      const format = r == null || figure < 0 ? null : (grid.rows[r].formats?.[figure] ?? null);
      if (format) row.format = format;
      const o = overrideCol < 0 ? ({ kind: "none" } as const) : readOverride(cellAt(id, overrideCol), cellAt(id, overrideReasonCol));
      overrides.set(t.no, o);
      if (o.kind === "applied") row.override = o.override;
      const before = lastYearOf(t.no);
      if (!blank(before)) row.lastYear = asActual(before);
      const total = yearCol < 0 ? null : cellAt(id, yearCol);
      if (!blank(total)) row.lastYearTotal = asActual(total);
      return row;
    }),
  };
  const traffic = gridTraffic(plan, grid, period);
  if (traffic.counts) actuals.traffic = traffic.counts;
  // A count that is no whole number is said in the traffic target's reason, at its cell.
  const countProblems = traffic.problems.map((p) => `Ô ${p.location.cell}: ${message(p)}`).join(" ");

  const evaluation = evaluatePlan(plan, actuals);
  const updates: CellUpdate[] = [];
  for (const e of evaluation.rows) {
    const id = targetId(e.no);
    if (only && !only.has(id)) continue;
    const row = rowOf.get(id);
    if (row == null) continue;
    // Sub-rows that do not add up (growth rates by sector) get no judgement, as in 783/BC.
    const judged = e.printStatus;
    if (status >= 0) updates.push({ row, col: status, value: judged ? statusLabel(e) : null });
    if (percent >= 0) updates.push({ row, col: percent, value: judged ? e.percent : null });
    // "Chưa có số liệu" beside an empty figure says it all; a reason would only repeat it.
    const said = foldKey(e.reason) === foldKey(STATUS_LABELS[e.status]);
    const own = judged && !said ? e.reason || null : null;
    const o = overrides.get(e.no) ?? { kind: "none" };
    let text = judged ? (notApplied(o, own ?? "") ?? own) : own;
    if (countProblems && plan.targets.find((t) => t.no === e.no)?.criteria === "traffic-accidents") text = text ? `${countProblems} ${text}` : countProblems;
    // A typed criterion the counts overrule stays in its cell, and the reason says the counts were used
    // and how to keep the typed one instead (an override with its reason); never replaced in silence.
    const overruled = e.overridden ? "" : e.problems.filter((p) => p.code === "traffic.inconsistent").map((p) => message(p)).join(" ");
    if (overruled && judged) text = text ? `${overruled} ${text}` : overruled;
    // An override on a row that is never judged (growth rate by sector) must not vanish unsaid.
    if (!judged && o.kind !== "none") text = "Dòng này không đánh giá riêng: điều chỉnh đánh giá không áp dụng.";
    if (reason >= 0) updates.push({ row, col: reason, value: text });
  }
  return { updates, evaluation };
}
