/**
 * The words every path prints for a status and a severity: the sheet, the pane, the issues sheet,
 * the report and the CLI import them from here, so "Đạt (vượt)" or "Lưu ý" is written once.
 */
import type { Status } from "../evaluate/status";
import type { HistoryAction } from "../history";
import { formatNumber } from "../numbers";
import type { Severity } from "../problems";
import type { OutlookStatus } from "../report/outlook";

/** A target's judgement as 783/BC prints it, in the sheet's status column and the report. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  vuot: "Đạt (vượt)",
  dat: "Đạt",
  "khong-dat": "Không đạt",
  "xem-lai": "Cần xem lại",
  "thieu-so-lieu": "Chưa có số liệu",
  "chua-danh-gia": "Chưa đánh giá được",
};

/**
 * A status judged on the projected year figure (a cumulative target before year end, ../evaluate/midyear.ts):
 * the same words as the report's "Dự kiến cả năm" column (`OUTLOOK_LABELS`). A projection past the plan
 * is "Dự kiến đạt" too: a projection says whether the year will be made, not by how much (the reason gives the figure).
 */
export const PROJECTED_LABELS: Readonly<Record<"vuot" | "dat" | "khong-dat", string>> = {
  vuot: "Dự kiến đạt",
  dat: "Dự kiến đạt",
  "khong-dat": "Dự kiến không đạt",
};

/** The label inside a sentence ("49 > 48: đạt"). */
export const STATUS_WORDS: Readonly<Record<Status, string>> = {
  vuot: "đạt (vượt)",
  dat: "đạt",
  "khong-dat": "không đạt",
  "xem-lai": "cần xem lại",
  "thieu-so-lieu": "chưa có số liệu",
  "chua-danh-gia": "chưa đánh giá được",
};

/** The pane's counter tiles: short, each says what it counts. */
export const STATUS_COUNT_LABELS: Readonly<Record<Status, string>> = { ...STATUS_LABELS, vuot: "Vượt" };

/** The judgements staff may put in place of the add-in's; "Chưa có số liệu" is for a missing figure, not a choice. */
export const OVERRIDE_LABELS = [STATUS_LABELS.vuot, STATUS_LABELS.dat, STATUS_LABELS["khong-dat"]] as const;

/**
 * Severity words: colour is never the only signal. One list everywhere (the pane, the issues
 * sheet, `ktxh check`, `ktxh report`); "Lưu ý" for info, never "Ghi chú" (that is a column's name).
 */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: "Lỗi",
  warning: "Cảnh báo",
  info: "Lưu ý",
};

/** The line that stands for the rest of a repeated warning (src/core/validate/group.ts): "… và 9.998 dòng khác …". */
export function moreRowsText(m: { count: number; column: string; first: string; last: string }): string {
  return `… và ${formatNumber(m.count)} dòng khác cùng cảnh báo này ở cột ${m.column} (${m.first} … ${m.last}).`;
}

/** The year-end outlook of a 6- or 9-month report (core/report/outlook.ts), as the report's column prints it. */
export const OUTLOOK_LABELS: Readonly<Record<OutlookStatus, string>> = {
  "du-kien-dat": PROJECTED_LABELS.dat,
  "du-kien-khong-dat": PROJECTED_LABELS["khong-dat"],
  "chua-danh-gia": "Chưa đánh giá được",
};

/** The report's mid-year sentence on the outlook (6 and 9 months): counts of two digits, as 783/BC prints them. */
export function outlookSentence(c: { dat: string; khongDat: string; chuaDanhGia: string }, has: { dat: boolean; khongDat: boolean; chuaDanhGia: boolean }): string {
  const parts: string[] = [];
  if (has.dat) parts.push(`${c.dat} chỉ tiêu dự kiến đạt kế hoạch cả năm`);
  if (has.khongDat) parts.push(`${c.khongDat} chỉ tiêu dự kiến không đạt`);
  if (has.chuaDanhGia) parts.push(`${c.chuaDanhGia} chỉ tiêu chưa đánh giá được (chỉ có số liệu cả năm)`);
  return parts.length ? `Trong đó, ${parts.join(", ")}.` : "";
}

/** Why an outlook says what it says. */
export const OUTLOOK_REASONS = {
  annual: (): string => "Chỉ tiêu chỉ đánh giá được khi có số liệu cả năm.",
  lastYearShare: (percent: string): string => `theo tỷ trọng cùng kỳ năm trước (${percent}% cả năm)`,
  months: (months: number): string => `theo số tháng (${months}/12)`,
  projected: (p: { shown: string; how: string; ok: boolean; target: string }): string =>
    `Dự kiến cả năm khoảng ${p.shown} ${p.how}, ${p.ok ? "đạt" : "không đạt"} kế hoạch ${p.target}.`,
  /** The report's *Dự kiến cả năm* cell: the verdict, the projected year figure and how it was made, in short. */
  cell: (p: { label: string; shown: string; how: string }): string => `${p.label}: khoảng ${p.shown}, ${p.how}`,
  /** The same cell for an annual target, before year end. */
  annualCell: (label: string): string => `${label} (chỉ có số liệu cả năm)`,
  /** `ktxh evaluate --period 6m|9m`: the year-end outlook line under a mid-year target. */
  line: (cell: string): string => `Dự kiến cả năm: ${cell}`,
  /** Before the projection, in the sheet's reason: what the period's cumulative figure is of the year plan. */
  share: (p: { period: string; percent: string | null }): string =>
    p.percent == null ? `Lũy kế ${p.period} là số cộng dồn, so với kế hoạch cả năm.` : `Lũy kế ${p.period} đạt ${p.percent}% kế hoạch năm.`,
} as const;

/**
 * Which way is better for a target, as `ktxh target` and `ktxh plan` print it. For a change or a
 * count of criteria that fell, the figure is the change: a bigger fall is better, though the level
 * itself should go down.
 */
export function directionLabel(spec: { kind: string; direction: "higher" | "lower"; change: null | "increase" | "decrease" }): string {
  if (spec.kind === "reduce-criteria") return "càng nhiều tiêu chí giảm càng tốt";
  if (spec.change === "decrease") return "giảm càng nhiều càng tốt";
  if (spec.change === "increase") return "tăng càng nhiều càng tốt";
  return spec.direction === "lower" ? "càng thấp càng tốt" : "càng cao càng tốt";
}

/** How one of this year's targets was matched to last year's (core/report/previous-year.ts): the CLI and the pane say it so. */
export const PREVIOUS_HOW_LABELS: Readonly<Record<"number-and-name" | "name" | "number" | "officer" | "none", string>> = {
  "number-and-name": "theo số và tên",
  name: "theo tên",
  number: "theo số",
  officer: "cán bộ chọn",
  none: "không ghép được",
};

/** How each change of the book's history reads (the *Lịch sử số liệu* sheet's action column, the pane's "Vì sao?"). */
export const HISTORY_ACTION_LABELS: Readonly<Record<HistoryAction, string>> = {
  typed: "nhập số liệu",
  fix: "sửa theo kiểm tra",
  collect: "tổng hợp từ phiếu",
  reload: "nạp lại kế hoạch",
  override: "điều chỉnh đánh giá",
  merge: "gộp số các xã",
  undo: "hoàn tác",
  outside: "sửa ngoài add-in",
  previous: "lấy số liệu năm trước",
};

/**
 * A change as the officer reads it: the action, then what its source says where it means something
 * to them (an override's reason, the book a figure was collected from); an undo's source is the id
 * of the batch undone, a machine's word, and is not said.
 */
export function historyActionText(action: HistoryAction, source: string): string {
  const label = HISTORY_ACTION_LABELS[action];
  const s = source.trim();
  if (!s || action === "undo") return label;
  return action === "override" ? `${label}, lý do: ${s}` : `${label} (${s})`;
}

/** What a fix changes when the cell's old and new value read the same ("25.300 → 25.300"): said after them. */
export const HIDDEN_CHANGE_LABELS: Readonly<Record<"text-to-number" | "composed", string>> = {
  "text-to-number": "đổi số lưu dạng chữ thành số",
  composed: "đổi chữ có dấu gõ tổ hợp thành dấu dựng sẵn",
};
