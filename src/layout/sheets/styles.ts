/**
 * What every KT-XH sheet shares: the font, the status colours, the page setup of Decree 30/2020 and
 * the validation rules of input cells. Status is shown in colour and in words, never colour alone.
 * Excel limits a validation title to 32 characters and its text to 255: keep them short.
 */
import type { CellFormat, ConditionalFormat, DataValidation, PageSetup } from "./types";
import { FIGURE_MARKS } from "../../core/periods";
import { TASK_STATUS_LABELS, TASK_STATUS_WORDS } from "../../core/task-status";
import { STATUSES } from "../../core/evaluate/status";
import { OVERRIDE_LABELS, PROJECTED_LABELS, STATUS_LABELS } from "../../core/messages/labels";

export const FONT = "Times New Roman";
export const BODY_SIZE = 12;

/**
 * Every word the status column can show: 783/BC's judgement words (the catalog's `STATUS_LABELS`) and,
 * before year end, a cumulative target's projected ones (`PROJECTED_LABELS`: "Dự kiến không đạt").
 */
export const TARGET_STATUS_WORDS: readonly string[] = [...new Set([...STATUSES.map((s) => STATUS_LABELS[s]), ...Object.values(PROJECTED_LABELS)])];
/** The tasks sheet's list: the core's task status vocabulary. */
export { TASK_STATUS_WORDS };
/** Heading of the rows a new plan no longer has, kept at the bottom when the user chose to keep them. */
export const DROPPED_HEADING = "Dòng không còn trong kế hoạch";

export const TARGET_STATUS_FORMATS: ConditionalFormat[] = [
  { equals: STATUS_LABELS["khong-dat"], format: { fill: "FFC7CE", fontColor: "9C0006", bold: true } },
  { equals: STATUS_LABELS.vuot, format: { fill: "A9D08E", fontColor: "1E4620", bold: true } },
  { equals: STATUS_LABELS.dat, format: { fill: "E2EFDA", fontColor: "375623" } },
  { equals: STATUS_LABELS["xem-lai"], format: { fill: "FFEB9C", fontColor: "9C5700", bold: true } },
  { equals: STATUS_LABELS["thieu-so-lieu"], format: { fill: "E7E6E6", fontColor: "595959" } },
  // Before year end: a projection is lighter than a verdict, an annual target waits in blue-grey, never red.
  { equals: PROJECTED_LABELS["khong-dat"], format: { fill: "FCE4D6", fontColor: "9C0006" } },
  { equals: PROJECTED_LABELS.dat, format: { fill: "EDF5E8", fontColor: "375623" } },
  { equals: STATUS_LABELS["chua-danh-gia"], format: { fill: "DDEBF7", fontColor: "1F4E78" } },
];

export const TASK_STATUS_FORMATS: ConditionalFormat[] = [
  { equals: TASK_STATUS_LABELS["hoan-thanh"], format: { fill: "C6EFCE", fontColor: "006100", bold: true } },
  { equals: TASK_STATUS_LABELS["dang-thuc-hien"], format: { fill: "FFEB9C", fontColor: "7F6000" } },
  { equals: TASK_STATUS_LABELS["chua-thuc-hien"], format: { fill: "E7E6E6", fontColor: "595959" } },
];

/** A4 landscape, margins at the narrow end of Decree 30/2020 so wide tables stay legible. */
export const PAGE: PageSetup = {
  paper: "A4",
  orientation: "landscape",
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
  fitToWidth: true,
  repeatHeaderRows: true,
  horizontalCentered: true,
};

export const BASE_FORMAT: CellFormat = {
  font: { name: FONT, size: BODY_SIZE },
  vAlign: "middle",
  wrap: true,
};

export const TEXT_FORMAT = "@";

/** The light fill of the cells the user types into (figures, marks, overrides, notes): never the add-in's. */
export const INPUT_FILL = "FFF2CC";

/** Format of a figure written with `decimals` decimals: one more place shown if the user types it. */
export function figureFormat(decimals: number): string {
  if (decimals <= 0) return "#,##0";
  return `#,##0.${"0".repeat(Math.min(decimals, 4))}#`;
}

export const FIGURE_VALIDATION: DataValidation = {
  rule: { kind: "decimal", min: -1e12, max: 1e12 },
  allowBlank: true,
  prompt: { title: "Số liệu lũy kế", text: "Nhập số lũy kế từ đầu năm. Dấu thập phân theo cài đặt máy (tiếng Việt: dấu phẩy)." },
  error: {
    style: "warning",
    title: "Không phải là số",
    text: "Ô này nên chứa một số. Nếu cần ghi dạng chữ (ví dụ \">80\", \"giảm 01 tiêu chí\") thì chọn Yes/Có để giữ nguyên.",
  },
};

export const COUNT_VALIDATION: DataValidation = {
  rule: { kind: "whole", min: 0, max: 1_000_000 },
  allowBlank: true,
  prompt: { title: "Số vụ, số người", text: "Nhập số nguyên (vụ hoặc người), lũy kế từ đầu năm." },
  error: { style: "stop", title: "Cần số nguyên", text: "Số vụ, số người phải là số nguyên không âm." },
};

export const MARK_VALIDATION: DataValidation = {
  rule: { kind: "list", values: [...FIGURE_MARKS] },
  allowBlank: true,
  prompt: { title: "Ước hay chính thức", text: "Chọn \"Ước\" khi số liệu kỳ này còn là số ước tính, \"Chính thức\" khi đã có số thực hiện." },
  error: { style: "stop", title: "Giá trị không hợp lệ", text: "Chọn \"Ước\" hoặc \"Chính thức\" trong danh sách." },
};

export function noteValidation(title: string, max: number): DataValidation {
  return {
    rule: { kind: "textLength", max },
    allowBlank: true,
    prompt: { title, text: `Ghi chú tự do, tối đa ${max} ký tự.` },
    error: { style: "warning", title: "Ghi chú quá dài", text: `Nội dung dài hơn ${max} ký tự; nên rút gọn.` },
  };
}

/** The judgments staff may put in place of the add-in's (the catalog's `OVERRIDE_LABELS`). */
export const OVERRIDE_WORDS = OVERRIDE_LABELS;

export const OVERRIDE_VALIDATION: DataValidation = {
  rule: { kind: "list", values: [...OVERRIDE_WORDS] },
  allowBlank: true,
  prompt: {
    title: "Điều chỉnh đánh giá",
    text: "Chọn khi cán bộ đánh giá khác add-in: trạng thái chọn ở đây thay cho đánh giá của add-in, bắt buộc ghi lý do ở cột bên cạnh. Để trống: dùng đánh giá của add-in.",
  },
  error: { style: "stop", title: "Giá trị không hợp lệ", text: `Chọn ${OVERRIDE_LABELS[0]}, ${OVERRIDE_LABELS[1]} hoặc ${OVERRIDE_LABELS[2]} trong danh sách, hoặc để trống.` },
};

export const OVERRIDE_REASON_VALIDATION: DataValidation = {
  rule: { kind: "textLength", max: 500 },
  allowBlank: true,
  prompt: { title: "Lý do điều chỉnh", text: "Bắt buộc khi có điều chỉnh đánh giá: lý do được giữ lại và in trong cột Lý do, tối đa 500 ký tự." },
  error: { style: "warning", title: "Lý do quá dài", text: "Lý do dài hơn 500 ký tự; nên rút gọn." },
};

export const TASK_STATUS_VALIDATION: DataValidation = {
  rule: { kind: "list", values: [...TASK_STATUS_WORDS] },
  allowBlank: true,
  prompt: { title: "Tình trạng nhiệm vụ", text: "Chọn Hoàn thành, Đang thực hiện hoặc Chưa thực hiện." },
  error: { style: "stop", title: "Giá trị không hợp lệ", text: "Chọn một tình trạng trong danh sách." },
};

export const HEADER_FORMAT: CellFormat = {
  font: { bold: true },
  fill: "DDEBF7",
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  border: "thin",
};
