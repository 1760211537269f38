import { formatNumber } from "../numbers";
import type { FileCode, SkipCode, ValidateCode } from "../validate/issue";
import { VNI_ADVICE } from "./evaluate";
import type { MessageMap, ParamsOf } from "./types";

/** A number as the user reads it: vi-VN form (1.284,679). */
const n = (x: number): string => (Number.isFinite(x) ? formatNumber(x) : "?");
/** The same number written the English way (1,720.5): what a vi-VN Excel reads as a decimal comma. */
const enForm = (x: number): string => n(x).replace(/[.,]/g, (c) => (c === "." ? "," : "."));

/**
 * How far a figure is from its yardstick, in words that hold at any distance: "lớn hơn … khoảng
 * 1.000 lần", "nhỏ hơn … khoảng 25.000 lần". A ratio rounded for display ("lệch 0 lần") says nothing.
 */
function scale(value: number, reference: number): string {
  const f = Math.abs(value) / reference;
  if (!Number.isFinite(f) || f <= 0 || reference <= 0) return `rất khác kế hoạch hoặc năm trước (${n(reference)})`;
  const times = f >= 1 ? f : 1 / f;
  const round = times >= 10 ? Number(times.toPrecision(2)) : Math.round(times * 10) / 10;
  return `${f >= 1 ? "lớn" : "nhỏ"} hơn kế hoạch hoặc năm trước (${n(reference)}) khoảng ${n(round)} lần`;
}

const RANGE_WHY: Record<ParamsOf<"value.out-of-range">["why"], string> = {
  negative: "số âm không thể có với đơn vị tính này",
  "over-100": "tỷ lệ không thể vượt quá 100%",
  "not-count": "số vụ, số người phải là số nguyên không âm",
};

/** "traffic.bad-count" is said by messages/evaluate.ts: one text for the check, the judgement and the report. */
export const validateMessages: MessageMap<Exclude<ValidateCode, "traffic.bad-count">> = {
  "cell.error-value": (p) =>
    `Ô có lỗi Excel ${p.error}${p.formula ? ` (công thức =${p.formula})` : ""}: sửa công thức hoặc nhập lại số liệu.`,
  "text.decomposed": () =>
    "Chữ tiếng Việt được lưu ở dạng tổ hợp (dấu tách rời chữ), nên không khớp khi tìm kiếm, so sánh: chuẩn hóa về dạng dựng sẵn (NFC).",
  "table.not-found": () =>
    "Không tìm thấy bảng chỉ tiêu hoặc nhiệm vụ nào: cần một dòng tiêu đề có cột Chỉ tiêu (hoặc Nội dung, Nhiệm vụ) và các cột như TT, ĐVT, KH, Ước TH, Trạng thái.",
  "table.no-figures": () => "Bảng chưa có số liệu thực hiện nào: nhập số liệu vào cột kỳ báo cáo.",
  "column.unknown": (p) =>
    `Không xác định được cột "${p.header}": cột này không được kiểm tra; đổi tên tiêu đề theo cách viết thông dụng (TT, Chỉ tiêu, ĐVT, KH, Ước TH, Ghi chú…) nếu đó là cột số liệu.`,
  "row.unplaced": (p) =>
    `Không xác định được dòng "${[p.no, p.name].filter(Boolean).join(" ")}" là chỉ tiêu/nhiệm vụ nào trong kế hoạch${p.nearest ? ` (gần nhất: ${p.nearest})` : ""}: sửa số thứ tự hoặc tên cho khớp kế hoạch.`,
  "row.duplicate": (p) => `Dòng này lặp lại một dòng đã có ở ô ${p.first}: xóa một trong hai dòng.`,
  "row.two-sheets": (p) =>
    `${p.kind === "task" ? "Nhiệm vụ" : "Chỉ tiêu"} "${p.name}" có ở cả trang "${p.firstSheet}" (ô ${p.firstCell}) và trang "${p.sheet}" (ô ${p.cell}), trong khi các trang của sổ chia nhau kế hoạch (mỗi ${p.kind === "task" ? "nhiệm vụ" : "chỉ tiêu"} ở một trang): giữ một dòng, xóa dòng kia hoặc sửa cho đúng ${p.kind === "task" ? "nhiệm vụ" : "chỉ tiêu"} khác.`,
  "row.missing": (p) =>
    `Thiếu ${p.kind === "task" ? "nhiệm vụ" : "chỉ tiêu"} "${p.name}" của kế hoạch: thêm dòng này vào bảng.`,
  "row.missing-subrow": (p) => `Thiếu chỉ tiêu "${p.name}" của kế hoạch: thêm dòng này vào bảng.`,
  "value.missing": (p) => `Chưa có số liệu${p.column ? ` ở cột "${p.column}"` : ""}: nhập số liệu hoặc ghi rõ lý do ở cột Ghi chú.`,
  "value.text-number": (p) =>
    `Số "${p.written}" đang được lưu dưới dạng chữ nên không tính toán được: nhập lại thành số ${n(p.value)}.`,
  "value.ambiguous": (p) =>
    `"${p.written}" có thể là ${n(p.value)} (cách viết Việt Nam) hoặc ${n(p.alternative)} (cách viết tiếng Anh): nhập lại thành số cho rõ.`,
  "value.decimal-confusion": (p) =>
    p.written != null
      ? `Số "${p.written}" (${n(p.value)}) nhỏ hơn kế hoạch khoảng 1.000 lần: có lẽ đã viết nhầm dấu phân cách hàng nghìn thành dấu thập phân; sửa thành ${n(p.fixed)}.`
      : p.excelDecimal === ","
      ? `Giá trị ${n(p.value)} nhỏ hơn kế hoạch khoảng 1.000 lần: có lẽ "${enForm(p.fixed)}" (cách viết tiếng Anh) đã được gõ vào Excel đặt kiểu số Việt Nam (dấu phẩy thành dấu thập phân); sửa thành ${n(p.fixed)}.`
      : `Giá trị ${n(p.value)} nhỏ hơn kế hoạch khoảng 1.000 lần: có lẽ "${n(p.fixed)}" đã được gõ vào Excel đặt kiểu số tiếng Anh (dấu chấm thành dấu thập phân); sửa thành ${n(p.fixed)}.`,
  "value.percent-fraction": (p) =>
    `Giá trị ${n(p.value)} là tỷ lệ viết dạng phân số, trong khi đơn vị tính là %: sửa thành ${n(p.fixed)}.`,
  "value.magnitude": (p) => `Giá trị ${n(p.value)} ${scale(p.value, p.reference)}: kiểm tra đơn vị và dấu phân cách.`,
  "value.out-of-range": (p) =>
    `Giá trị ${n(p.value)} không hợp lý (${RANGE_WHY[p.why] ?? "ngoài khoảng cho phép"}): kiểm tra lại.`,
  "value.date": (p) =>
    p.retype
      ? `Excel đã đổi số này thành ngày ${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}, gõ lại số. Đọc thành "${p.typed}" thì quá xa kế hoạch của chỉ tiêu nên KT-XH không tự sửa; lần sau gõ dấu ' ở đầu để Excel không đổi thành ngày.`
      : p.restore
      ? `Excel đã đổi số liệu gõ vào (có lẽ là "${p.restore}") thành ngày ${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}: sửa để ô giữ lại "${p.restore}" dưới dạng chữ (lần sau gõ dấu ' ở đầu, '${p.restore}, để Excel không đổi thành ngày).`
      : `Excel đã đổi số liệu gõ vào thành ngày ${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}: có lẽ đã gõ "${p.typed}"${p.alternative ? ` hoặc "${p.alternative}"` : ""}. Ô số liệu không chứa ngày: gõ lại số liệu (một khoảng như 7-8 thì gõ dấu ' ở đầu, ví dụ '${p.typed}).`,
  "value.unreadable": (p) =>
    `Không đọc được "${p.written}" là số liệu: nhập số (ví dụ 1.284,679) hoặc cách viết như ">80", "giảm 01 tiêu chí".`,
  "plan.differs": (p) =>
    `Kế hoạch ghi "${p.written}" khác kế hoạch được giao "${p.plan}": sửa theo kế hoạch được giao.`,
  "plan.mismatch": (p) =>
    `Sổ này được lập theo kế hoạch "${p.recorded}"${p.title ? ` (${p.title})` : ""}, nhưng đang được kiểm tra theo kế hoạch "${p.chosen}": bỏ --plan để kiểm tra theo kế hoạch ghi trong sổ, hoặc chọn đúng kế hoạch.`,
  "submission.other-cycle": (p) =>
    `Phiếu ${p.form} là phiếu kỳ ${p.book}, không phải kỳ đang tổng hợp (${p.wanted}): không tổng hợp phiếu này; đề nghị đơn vị gửi lại đúng phiếu kỳ ${p.wanted}.`,
  "plan.sheet-own": (p) =>
    `Trang này có kế hoạch riêng: cột kế hoạch khác kế hoạch của sổ ở ${n(p.differs)}/${n(p.compared)} chỉ tiêu (ví dụ ghi "${p.written}", kế hoạch của sổ "${p.plan}"). KT-XH không sửa kế hoạch của trang theo kế hoạch của sổ; có thể kiểm tra trang theo kế hoạch riêng của nó.`,
  "plan.sheet-own-checked": (p) =>
    `Trang này được kiểm tra theo kế hoạch riêng ghi ở cột kế hoạch của nó (${n(p.differs)}/${n(p.compared)} chỉ tiêu khác kế hoạch của sổ); số liệu được so với kế hoạch đó.`,
  "subrows.sum": (p) =>
    `Tổng các dòng ngành (${n(p.sum)}) không bằng số tổng (${n(p.total)}), chênh ${n(p.difference)}: kiểm tra lại số tổng hoặc số từng ngành.`,
  "traffic.inconsistent": (p) =>
    `Ghi giảm ${n(p.typed)} tiêu chí nhưng số liệu tai nạn giao thông cho thấy giảm ${n(p.derived)} tiêu chí (${p.detail}): đã đánh giá theo số tính được, số đã ghi vẫn giữ trong ô; sửa theo số liệu, hoặc muốn giữ số đã ghi: chọn trạng thái ở cột “Điều chỉnh đánh giá” và ghi lý do.`,
  "task.status-missing": (p) => `Chưa có trạng thái nhiệm vụ: chọn ${p.allowed}.`,
  "task.no-statuses": (p) => `Chưa nhiệm vụ nào có trạng thái (${n(p.count)} nhiệm vụ): chọn ${p.allowed} cho từng nhiệm vụ.`,
  "task.status-unknown": (p) => `Trạng thái "${p.written}" không hợp lệ: chọn ${p.allowed}.`,
  "task.status-variant": (p) => `Trạng thái "${p.written}" nên ghi đúng là "${p.status}".`,
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
  "file.io": (p) => `Không mở được tệp${p.detail ? ` (${p.detail})` : ""}: kiểm tra quyền truy cập.`,
  "file.missing": () => "Không tìm thấy tệp hoặc thư mục này.",
  "file.too-large": (p) =>
    `Tệp quá lớn để kiểm tra${p.detail ? ` (giải nén ra khoảng ${p.detail})` : ""}, giới hạn là 50 MB: tách sổ thành nhiều sổ nhỏ hơn (mỗi đơn vị một sổ) hoặc xóa các trang không cần rồi kiểm tra lại.`,
  "file.ods": () =>
    "Tệp ở định dạng OpenDocument (.ods, của LibreOffice) nên không đọc được: mở bằng LibreOffice Calc hoặc Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi kiểm tra lại.",
  "file.numbers": () =>
    "Tệp của Numbers (máy Mac) nên không đọc được: mở bằng Numbers, chọn Tệp > Xuất sang > Excel (.xlsx), hoặc mở bằng Excel rồi Lưu thành .xlsx, rồi kiểm tra lại.",
  "file.encoding-vni": () => VNI_ADVICE,
};

export const skipMessages: MessageMap<SkipCode> = {
  "skip.lock-file": () => "Tệp khóa tạm của Excel (có khi sổ đang mở), không phải sổ tính: bỏ qua.",
  "skip.not-spreadsheet": (p) =>
    `Không phải sổ tính${p.detail ? ` (${p.detail})` : ""}: bỏ qua. Nếu là bảng số liệu, lưu thành .xlsx hoặc .csv rồi kiểm tra lại.`,
  "skip.plan-file": (p) =>
    `Tệp kế hoạch (có cột STT, Tên chỉ tiêu, Chỉ tiêu kế hoạch, không có cột số liệu thực hiện), không phải bảng số liệu: bỏ qua. Để kiểm tra các bảng theo kế hoạch này, thêm --plan ${p.detail ?? "TỆP"}.`,
};
