/**
 * What the Office.js host says to the user (Vietnamese): errors the pane shows as they are, and
 * notices for features this Excel lacks. Problems in user data come from src/core/messages instead.
 */
import type { Notice } from "../../contract/operations";

export const HOST_TEXT = {
  sheetProtected: (sheet: string) =>
    `Trang tính "${sheet}" đang được bảo vệ (khóa) nên KT-XH không ghi được. Hãy bỏ bảo vệ trang ` +
    `(Xem lại › Bỏ bảo vệ trang tính) rồi làm lại; sổ tính chưa bị thay đổi gì.`,
  workbookProtected:
    "Cấu trúc sổ tính đang được bảo vệ nên KT-XH không thêm được trang tính mới. Hãy bỏ bảo vệ sổ tính " +
    "(Xem lại › Bảo vệ sổ làm việc) rồi nạp lại; sổ tính chưa bị thay đổi gì.",
  recordProtected:
    "Trang thông tin ẩn của KT-XH trong sổ tính đang bị khóa nên KT-XH không ghi được kế hoạch vào đó. " +
    "Hãy mở sổ tính gốc (không khóa) hoặc nhờ người đã khóa bỏ bảo vệ; sổ tính chưa bị thay đổi gì.",
  cycleUnavailable: "Phần tạo và tổng hợp phiếu chưa tải được: hãy đóng rồi mở lại khung KT-XH.",
  noPlan: "Sổ tính này chưa có kế hoạch: hãy chọn một kế hoạch rồi bấm “Nạp kế hoạch”.",
  planUnknown: (id: string) =>
    `Sổ tính ghi kế hoạch "${id}" nhưng không còn dữ liệu của kế hoạch này: hãy nạp lại kế hoạch.`,
  noTargetsSheet: "Không tìm thấy trang chỉ tiêu của KT-XH trong sổ tính: hãy bấm “Nạp kế hoạch” để tạo lại.",
  periodMissing: (period: string) =>
    `Trang chỉ tiêu chưa có cột cho kỳ "${period}": hãy bấm “Nạp kế hoạch” để thêm cột kỳ này.`,
  previousUnreadable: (file: string, why: string) => `Không đọc được số liệu năm trước từ tệp "${file}": ${why}`,
  previousNoPeriod: (file: string) =>
    `Tệp "${file}" không có số liệu của kỳ nào đang mở trong trang chỉ tiêu: hãy chọn sổ hoặc tệp số liệu năm trước có các kỳ này.`,
  previousNoColumns:
    "Trang chỉ tiêu chưa có cột “Cùng kỳ năm trước” (sổ lập bằng phiên bản cũ): hãy bấm “Nạp kế hoạch” để thêm cột, số liệu đã nhập được giữ nguyên.",
  excelFailed: (detail: string) => `Excel không thực hiện được yêu cầu (${detail}). Hãy thử lại.`,
  loaded: (targets: number, tasks: number, sheet: string) =>
    `Đã nạp ${targets} chỉ tiêu, ${tasks} nhiệm vụ vào trang "${sheet}".`,
  keptRows: (n: number) => ` ${n} dòng không còn trong kế hoạch được giữ ở cuối trang.`,
  tasksMoved: (sheet: string, period: string) =>
    ` Trạng thái và kết quả nhiệm vụ ở trang "${sheet}" nay ghi riêng cho từng kỳ: những gì đã ghi được chuyển vào cột kỳ “${period}”.`,
} as const;

export const NOTICES = {
  indent: {
    code: "excel.indent-spaces",
    text: "Excel này chưa hỗ trợ thụt lề ô qua add-in (ExcelApi 1.9): các dòng con được thụt bằng dấu cách.",
  },
  pageLayout: {
    code: "excel.page-layout-skipped",
    text:
      "Excel này chưa hỗ trợ thiết lập trang in qua add-in (ExcelApi 1.9): hãy tự chọn khổ A4 ngang, " +
      "lề và dòng tiêu đề lặp lại trong Bố trí trang.",
  },
  triggerSource: {
    code: "excel.own-edits-by-address",
    text:
      "Excel này chưa cho biết thay đổi nào do add-in ghi (ExcelApi 1.14): KT-XH nhận ra các ô nó tự ghi " +
      "theo địa chỉ ô, nên đánh giá tự động có thể chậm hơn một chút.",
  },
} as const satisfies Record<string, Notice>;
