/** Vietnamese messages of the report's problems: one area of the catalog (merged in core/messages/index.ts). */
import type { MessageMap } from "../messages/types";
import type { ReportProblemCode } from "./codes";

export const reportMessages: MessageMap<ReportProblemCode> = {
  "report.bad-task-counts": (p) =>
    `Số nhiệm vụ "${p.text}" không hợp lệ; ghi tổng số, số đã hoàn thành, số đang thực hiện (ví dụ 118,109,9), tổng số không nhỏ hơn các số sau.`,
  "report.bad-task-count": (p) => `${p.field}: "${p.text}" không phải số nhiệm vụ; ghi một số nguyên (ví dụ 109).`,
  "report.task-count-missing": (p) =>
    `Còn trống ô "${p.field}": ghi đủ tổng số nhiệm vụ, số đã hoàn thành và số đang thực hiện, hoặc để trống cả ba để đếm từ trang Nhiệm vụ.`,
  "report.task-counts-sum": (p) =>
    `Số đã hoàn thành (${p.done}) và đang thực hiện (${p.doing}) cộng lại nhiều hơn tổng số nhiệm vụ (${p.total}).`,
  "report.bad-date": (p) => `Ngày "${p.text}" không hợp lệ; ghi dạng 2023-12-05 hoặc 05/12/2023.`,
  "report.task-status-unknown": (p) =>
    `Nhiệm vụ ${p.code}: tình trạng "${p.text}" không phải Hoàn thành, Đang thực hiện hay Chưa thực hiện; tính là chưa có báo cáo.`,
  "report.task-unknown": (p) => `Nhiệm vụ ${p.code} không có trong kế hoạch; bỏ qua.`,
  "report.bad-extras": (p) => `Tệp số liệu: ${p.detail}; phần này bị bỏ qua.`,
  "report.workbook-unreadable": (p) => `Không mở được sổ Excel: ${p.detail}.`,
  "report.workbook-no-layout": () => "Sổ Excel không có trang Chỉ tiêu do KT-XH tạo (ktxh init); không biết đọc số liệu ở đâu.",
  "report.period-missing": (p) => `Trang Chỉ tiêu không có cột số liệu kỳ "${p.period}"; các kỳ có trong sổ: ${p.available || "(không có)"}.`,
};
