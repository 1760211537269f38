/**
 * The targets sheet (Chỉ tiêu): the plan's main targets and their sub-rows, one input column per
 * opened reporting period (cumulative figures, each period marked estimate or official in a header
 * cell), the add-in's judgement, the staff's override of it with the reason (kept, and shown in the
 * judgement's reason), the user's note, and the hidden identity column. Below the table,
 * the six traffic-accident counts that decide the "giảm N tiêu chí" target.
 */
import type { Plan, TargetRow } from "../../core/plan";
import { hintsOf, parseTarget } from "../../core/target";
import { MARK, TRAFFIC_CRITERIA, markKey, periodKey, samePeriodKey, targetId, trafficId } from "../../core/row-id";
import { TRAFFIC_NAMES, trafficLabel } from "../../core/traffic-block";
import { FIGURE_MARKS, type PeriodId, listPeriods } from "../../core/periods";
import {
  BASE_FORMAT, COUNT_VALIDATION, FIGURE_VALIDATION, HEADER_FORMAT, INPUT_FILL, MARK_VALIDATION, OVERRIDE_REASON_VALIDATION,
  OVERRIDE_VALIDATION, PAGE, TARGET_STATUS_FORMATS, TEXT_FORMAT, figureFormat, noteValidation,
} from "./styles";
import type { BodyRow, ColumnSpec, HeaderGroup, HeaderInput, SheetLayout } from "./types";

/**
 * 2: input cells filled, the legend row above the table. 3: a *Cùng kỳ năm trước* column per opened
 * period (last year's figure of the same period, "Lấy số liệu năm trước" or typed), for "So với cùng kỳ".
 */
export const TARGETS_LAYOUT_VERSION = 3;

/** The header over the same-period columns. */
export const SAME_PERIOD_GROUP = "Cùng kỳ năm trước (lũy kế)";
/** A same-period column's header: the period and last year ("6 tháng 2023"), never the period's own header. */
export const samePeriodHeader = (periodLabel: string, lastYear: number): string => `${periodLabel} ${lastYear}`;

/** A figure typed with decimals its row's format would round away (5,8 in a row planned as 6). */
const FRACTION_FORMAT = "#,##0.0###";

/** Keys of the staff's override columns (read by computed.ts and the report readers). */
export const OVERRIDE_KEY = "override";
export const OVERRIDE_REASON_KEY = "override-reason";

/** The legend row and the sheet's one-line hint: which cells are typed, what the add-in writes. */
export const TARGETS_LEGEND =
  "Ô nền vàng nhạt: ô nhập. Nhập số liệu lũy kế từ đầu năm vào cột của kỳ (dòng dưới tên kỳ ghi Ước hay Chính thức); Trạng thái, % KH và Lý do do KT-XH tự ghi.";

/** The header over the judgement columns, naming the period judged ("Đánh giá theo số liệu 6 tháng"). */
export function judgedHeader(periodLabel: string): string {
  return `Đánh giá theo số liệu ${periodLabel.toLowerCase()}`;
}

export interface TargetsOptions {
  /** Periods the user opened; their columns are laid out in cut-off order whatever the order here. */
  periods: readonly PeriodId[];
  /** The period the status columns judge (by default the latest opened one). */
  statusPeriod?: PeriodId | null;
}

export function hasPrevious(plan: Plan): boolean {
  return plan.targets.some((t) => t.previous != null);
}

export function trafficTarget(plan: Plan): TargetRow | null {
  return plan.targets.find((t) => t.criteria === "traffic-accidents") ?? null;
}

function columns(plan: Plan, opts: TargetsOptions): ColumnSpec[] {
  const text = { numberFormat: TEXT_FORMAT };
  const cols: ColumnSpec[] = [
    { key: "no", header: "TT", width: 5, role: "plan", format: { ...text, hAlign: "center" } },
    { key: "name", header: "Chỉ tiêu", width: 38, role: "plan", format: { ...text, hAlign: "left" } },
    { key: "unit", header: "Đơn vị tính", width: 9, role: "plan", format: { ...text, hAlign: "center" } },
    { key: "plan", header: `KH ${plan.year}`, width: 13, role: "plan", format: { ...text, hAlign: "center" } },
  ];
  if (hasPrevious(plan)) {
    cols.push({ key: "previous", header: `TH năm ${plan.year - 1}`, width: 11, role: "plan", format: { ...text, hAlign: "right" } });
  }
  for (const p of listPeriods(plan.year, opts.periods)) {
    cols.push({
      key: periodKey(p.id),
      header: p.label,
      width: 11,
      role: "input",
      format: { hAlign: "right", numberFormat: "#,##0.###", locked: false, fill: INPUT_FILL },
      validation: FIGURE_VALIDATION,
      kindValidation: { block: COUNT_VALIDATION },
      fraction: { numberFormat: FRACTION_FORMAT, percentUnitKey: "unit" },
    });
  }
  for (const p of listPeriods(plan.year, opts.periods)) {
    cols.push({
      key: samePeriodKey(p.id),
      header: samePeriodHeader(p.label, plan.year - 1),
      width: 9,
      role: "input",
      format: { hAlign: "right", numberFormat: "#,##0.###", locked: false, fill: INPUT_FILL },
      validation: FIGURE_VALIDATION,
    });
  }
  cols.push(
    {
      key: "status", header: "Trạng thái", width: 12, role: "computed",
      format: { ...text, hAlign: "center" }, conditional: TARGET_STATUS_FORMATS,
    },
    { key: "percent", header: "% KH", width: 8, role: "computed", format: { hAlign: "right", numberFormat: "0.0" } },
    { key: "reason", header: "Lý do", width: 20, role: "computed", format: { ...text, hAlign: "left", font: { size: 11 } } },
    {
      key: OVERRIDE_KEY, header: "Điều chỉnh đánh giá", width: 10, role: "input",
      format: { ...text, hAlign: "center", locked: false, fill: INPUT_FILL }, validation: OVERRIDE_VALIDATION,
    },
    {
      key: OVERRIDE_REASON_KEY, header: "Lý do điều chỉnh", width: 16, role: "input",
      format: { ...text, hAlign: "left", locked: false, font: { size: 11 }, fill: INPUT_FILL }, validation: OVERRIDE_REASON_VALIDATION,
    },
    {
      key: "note", header: "Ghi chú", width: 12, role: "input",
      format: { ...text, hAlign: "left", locked: false, fill: INPUT_FILL }, validation: noteValidation("Ghi chú", 1000),
    },
    { key: "id", header: "Mã dòng", width: 10, role: "identity", hidden: true, format: text },
  );
  return cols;
}

/** The layout for a plan and the periods opened; data only, applied by the hosts. */
export function targetsLayout(plan: Plan, opts: TargetsOptions): SheetLayout {
  const periods = listPeriods(plan.year, opts.periods);
  const statusPeriod = periods.find((p) => p.id === opts.statusPeriod) ?? periods[periods.length - 1];
  const groups: HeaderGroup[] = [];
  const headerInputs: HeaderInput[] = [];
  if (periods.length) {
    groups.push({
      row: 0,
      text: "Kết quả thực hiện (lũy kế từ đầu năm)",
      from: periodKey(periods[0].id),
      to: periodKey(periods[periods.length - 1].id),
    });
    groups.push({ row: 0, text: SAME_PERIOD_GROUP, from: samePeriodKey(periods[0].id), to: samePeriodKey(periods[periods.length - 1].id) });
    groups.push({ row: 0, text: judgedHeader(statusPeriod.label), from: "status", to: "reason" });
    groups.push({ row: 0, text: "Cán bộ điều chỉnh", from: OVERRIDE_KEY, to: OVERRIDE_REASON_KEY });
    for (const p of periods) {
      headerInputs.push({ row: 2, column: periodKey(p.id), key: markKey(p.id), initial: FIGURE_MARKS[0], validation: MARK_VALIDATION });
    }
  }
  return {
    id: "targets",
    version: TARGETS_LAYOUT_VERSION,
    name: "Chỉ tiêu",
    baseFormat: BASE_FORMAT,
    titles: [`THEO DÕI THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM ${plan.year}`],
    subtitle: `${plan.unit} — ${plan.source.document}`,
    headerRows: periods.length ? 3 : 1,
    groups,
    headerInputs,
    columns: columns(plan, opts),
    rowFormats: {
      title: { font: { bold: true, size: 14 }, hAlign: "center", wrap: false },
      subtitle: { font: { italic: true }, hAlign: "center", wrap: false },
      header: HEADER_FORMAT,
      main: { border: "thin", vAlign: "middle" },
      sub: { border: "thin", font: { italic: true } },
      "block-header": { border: "thin", font: { bold: true }, fill: "F2F2F2" },
      block: { border: "thin" },
      "dropped-heading": { border: "thin", font: { bold: true, italic: true }, fill: "FCE4D6" },
      dropped: { border: "thin", font: { color: "7F7F7F" } },
      user: { border: "thin" },
    },
    rowHeights: { title: 22, subtitle: 18, blank: 8 },
    labelColumn: "name",
    indentKinds: { sub: 1, block: 1 },
    frozenColumns: 2,
    page: PAGE,
    inputs: { fill: INPUT_FILL, legend: TARGETS_LEGEND },
  };
}

/** Decimals the plan writes a target with: figures in its row are shown at least so precisely. */
function decimalsOf(row: TargetRow): number {
  const r = parseTarget(row.target, hintsOf(row));
  return r.ok ? r.value.decimals : 0;
}

/** The body as the plan gives it: every target row, then the traffic block when the plan has one. */
export function targetsBody(plan: Plan, periods: readonly PeriodId[]): BodyRow[] {
  const figureKeys = periods.flatMap((p) => [periodKey(p), samePeriodKey(p)]);
  const rows: BodyRow[] = [];
  for (const t of plan.targets) {
    const format = { numberFormat: figureFormat(decimalsOf(t)) };
    rows.push({
      kind: t.parent == null ? "main" : "sub",
      id: targetId(t.no),
      values: { no: t.parent == null ? t.no : "-", name: t.name, unit: t.unit, plan: t.target, previous: t.previous ?? null },
      formats: Object.fromEntries(figureKeys.map((k) => [k, format])),
    });
  }
  const traffic = trafficTarget(plan);
  if (traffic) {
    rows.push({
      kind: "block-header",
      id: MARK.traffic,
      values: { name: `Tai nạn giao thông (căn cứ chỉ tiêu ${traffic.no})` },
    });
    const count = { numberFormat: "#,##0" };
    for (const c of TRAFFIC_CRITERIA) {
      for (const side of ["prev", "cur"] as const) {
        rows.push({
          kind: "block",
          id: trafficId(c, side),
          values: {
            no: "-",
            name: trafficLabel(c, side),
            unit: TRAFFIC_NAMES[c].unit,
          },
          formats: Object.fromEntries(periods.map((p) => [periodKey(p), count])),
        });
      }
    }
  }
  return rows;
}
