import { formatNumber } from "../numbers";
import type { FileCode, ValidateCode } from "../validate/issue";
import type { MessageMap, Params } from "./types";

/** A parameter as the user reads it: numbers in vi-VN form (1.284,679). */
function v(p: Params, key: string): string {
  const x = p[key];
  if (typeof x === "number") return Number.isFinite(x) ? formatNumber(x) : String(x);
  return x == null ? "" : String(x);
}

const RANGE_WHY: Record<string, string> = {
  negative: "số âm không thể có với đơn vị tính này",
  "over-100": "tỷ lệ không thể vượt quá 100%",
  "not-count": "số vụ, số người phải là số nguyên không âm",
};

export const validateMessages: MessageMap<ValidateCode> = {
  "cell.error-value": (p) =>
    `Ô có lỗi Excel ${v(p, "error")}${p.formula ? ` (công thức =${v(p, "formula")})` : ""}: sửa công thức hoặc nhập lại số liệu.`,
  "text.decomposed": () =>
    "Chữ tiếng Việt được lưu ở dạng tổ hợp (dấu tách rời chữ), nên không khớp khi tìm kiếm, so sánh: chuẩn hóa về dạng dựng sẵn (NFC).",
  "table.not-found": () =>
    "Không tìm thấy bảng chỉ tiêu hoặc nhiệm vụ nào: cần một dòng tiêu đề có cột Chỉ tiêu (hoặc Nội dung, Nhiệm vụ) và các cột như TT, ĐVT, KH, Ước TH, Trạng thái.",
  "table.no-figures": () => "Bảng chưa có số liệu thực hiện nào: nhập số liệu vào cột kỳ báo cáo.",
  "column.unknown": (p) =>
    `Không xác định được cột "${v(p, "header")}": cột này không được kiểm tra; đổi tên tiêu đề theo cách viết thông dụng (TT, Chỉ tiêu, ĐVT, KH, Ước TH, Ghi chú…) nếu đó là cột số liệu.`,
  "row.unplaced": (p) =>
    `Không xác định được dòng "${[v(p, "no"), v(p, "name")].filter(Boolean).join(" ")}" là chỉ tiêu/nhiệm vụ nào trong kế hoạch${p.nearest ? ` (gần nhất: ${v(p, "nearest")})` : ""}: sửa số thứ tự hoặc tên cho khớp kế hoạch.`,
  "row.duplicate": (p) => `Dòng này lặp lại một dòng đã có ở ô ${v(p, "first")}: xóa một trong hai dòng.`,
  "row.missing": (p) =>
    `Thiếu ${p.kind === "task" ? "nhiệm vụ" : "chỉ tiêu"} "${v(p, "name")}" của kế hoạch: thêm dòng này vào bảng.`,
  "value.missing": (p) => `Chưa có số liệu${p.column ? ` ở cột "${v(p, "column")}"` : ""}: nhập số liệu hoặc ghi rõ lý do ở cột Ghi chú.`,
  "value.text-number": (p) =>
    `Số "${v(p, "written")}" đang được lưu dưới dạng chữ nên không tính toán được: nhập lại thành số ${v(p, "value")}.`,
  "value.ambiguous": (p) =>
    `"${v(p, "written")}" có thể là ${v(p, "value")} (cách viết Việt Nam) hoặc ${v(p, "alternative")} (cách viết tiếng Anh): nhập lại thành số cho rõ.`,
  "value.decimal-confusion": (p) =>
    `Giá trị ${v(p, "value")} nhỏ hơn kế hoạch khoảng 1.000 lần: có lẽ "${v(p, "fixed")}" đã được gõ vào Excel đặt kiểu số tiếng Anh (dấu chấm thành dấu thập phân); sửa thành ${v(p, "fixed")}.`,
  "value.percent-fraction": (p) =>
    `Giá trị ${v(p, "value")} là tỷ lệ viết dạng phân số, trong khi đơn vị tính là %: sửa thành ${v(p, "fixed")}.`,
  "value.magnitude": (p) =>
    `Giá trị ${v(p, "value")} lệch khoảng ${v(p, "ratio")} lần so với kế hoạch hoặc năm trước (${v(p, "reference")}): kiểm tra đơn vị và dấu phân cách.`,
  "value.out-of-range": (p) =>
    `Giá trị ${v(p, "value")} không hợp lý (${RANGE_WHY[v(p, "why")] ?? "ngoài khoảng cho phép"}): kiểm tra lại.`,
  "value.unreadable": (p) =>
    `Không đọc được "${v(p, "written")}" là số liệu: nhập số (ví dụ 1.284,679) hoặc cách viết như ">80", "giảm 01 tiêu chí".`,
  "plan.differs": (p) =>
    `Kế hoạch ghi "${v(p, "written")}" khác kế hoạch được giao "${v(p, "plan")}": sửa theo kế hoạch được giao.`,
  "plan.mismatch": (p) =>
    `Sổ này được lập theo kế hoạch "${v(p, "recorded")}"${p.title ? ` (${v(p, "title")})` : ""}, nhưng đang được kiểm tra theo kế hoạch "${v(p, "chosen")}": bỏ --plan để kiểm tra theo kế hoạch ghi trong sổ, hoặc chọn đúng kế hoạch.`,
  "subrows.sum": (p) =>
    `Tổng các dòng ngành (${v(p, "sum")}) không bằng số tổng (${v(p, "total")}), chênh ${v(p, "difference")}: kiểm tra lại số tổng hoặc số từng ngành.`,
  "traffic.inconsistent": (p) =>
    `Ghi giảm ${v(p, "typed")} tiêu chí nhưng số liệu tai nạn giao thông cho thấy giảm ${v(p, "derived")} tiêu chí (${v(p, "detail")}): sửa theo số liệu.`,
  "task.status-missing": (p) => `Chưa có trạng thái nhiệm vụ: chọn ${v(p, "allowed")}.`,
  "task.no-statuses": (p) => `Chưa nhiệm vụ nào có trạng thái (${v(p, "count")} nhiệm vụ): chọn ${v(p, "allowed")} cho từng nhiệm vụ.`,
  "task.status-unknown": (p) => `Trạng thái "${v(p, "written")}" không hợp lệ: chọn ${v(p, "allowed")}.`,
  "task.status-variant": (p) => `Trạng thái "${v(p, "written")}" nên ghi đúng là "${v(p, "status")}".`,
};

export const fileMessages: MessageMap<FileCode> = {
  "file.not-workbook": () => "Tệp không phải là sổ tính Excel (.xlsx) hay tệp CSV: mở bằng Excel rồi lưu lại dạng .xlsx.",
  "file.old-xls": () =>
    "Tệp ở định dạng Excel cũ (.xls) nên không đọc được: mở bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi kiểm tra lại.",
  "file.encrypted": () =>
    "Tệp đã được đặt mật khẩu nên không đọc được: mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu), lưu lại rồi kiểm tra lại.",
  "file.corrupt": () =>
    "Tệp bị hỏng hoặc không đầy đủ (có thể chưa tải về xong): xin lại tệp từ người gửi, hoặc mở bằng Excel để sửa rồi lưu lại.",
  "file.empty": () => "Tệp rỗng, không có nội dung.",
  "file.io": (p) => `Không mở được tệp${p.detail ? ` (${v(p, "detail")})` : ""}: kiểm tra quyền truy cập.`,
  "file.missing": () => "Không tìm thấy tệp hoặc thư mục này.",
};
