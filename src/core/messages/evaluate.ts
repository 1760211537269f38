import type { ActualsProblemCode } from "../actuals";
import type { ActualsMatchProblemCode, EvaluateProblemCode, OverrideProblemCode } from "../evaluate";
import type { CsvProblemCode } from "../plan-csv";
import type { SubRowProblemCode } from "../subrows";
import type { TrafficProblemCode } from "../traffic";
import type { MessageMap } from "./types";

/** What to do with a CSV typed in VNI fonts: said the same way whichever command met it. */
export const VNI_ADVICE =
  "Tệp CSV được gõ bằng phông VNI (bảng mã VNI Windows) nên chữ tiếng Việt không đọc được: mở tệp gốc bằng Excel, chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, từ VNI Windows sang Unicode), rồi lưu lại tệp dạng CSV UTF-8 (Lưu thành > CSV UTF-8) hoặc .xlsx và kiểm tra lại.";

type Code =
  | EvaluateProblemCode
  | OverrideProblemCode
  | ActualsMatchProblemCode
  | ActualsProblemCode
  | TrafficProblemCode
  | SubRowProblemCode
  | CsvProblemCode;

/** Evaluation, actuals files, the traffic criterion, sub-row sums and plans typed as CSV. */
export const evaluateMessages: MessageMap<Code> = {
  "evaluate.actual-invalid": (p) => `Số thực hiện "${p.text}" không đọc được; chỉ tiêu được ghi là chưa có số liệu.`,
  "evaluate.actual-indeterminate": (p) =>
    `Số thực hiện "${p.text}" không cho biết đã đạt chỉ tiêu ${p.target} hay chưa; hãy ghi số cụ thể.`,
  "evaluate.actual-kind-mismatch": (p) => `Số thực hiện "${p.text}" không cùng loại với chỉ tiêu ${p.target}.`,
  "evaluate.previous-missing": (p) => `Chỉ tiêu ${p.target} là mức tăng, giảm so với năm trước: cần số liệu năm trước để đánh giá.`,
  "evaluate.ambiguous-actual": (p) =>
    `Số "${p.text}" có thể hiểu là ${p.value} (đã dùng, kết quả ${p.status}) hoặc ${p.alternative} (kết quả ${p.otherStatus}); hãy kiểm tra lại cách ghi số.`,
  "evaluate.target-unreadable": (p) => `Không đánh giá được vì không đọc được chỉ tiêu kế hoạch "${p.text}".`,
  "evaluate.override-invalid": (p) =>
    `Điều chỉnh kết quả bị bỏ qua: cần trạng thái hợp lệ (vuot, dat, khong-dat, thieu-so-lieu, chua-danh-gia) và lý do (đã nhận "${p.status}").`,
  "actuals.duplicate-row": (p) => `Chỉ tiêu ${p.no} có hai dòng số liệu; chỉ dùng dòng đầu.`,
  "actuals.unknown-row": (p) => `Số liệu cho chỉ tiêu ${p.no} nhưng kế hoạch không có chỉ tiêu này.`,
  "actuals.bad-json": (p) => `Tệp số liệu không phải JSON hợp lệ: ${p.detail}.`,
  "actuals.bad-shape": (p) => `Tệp số liệu sai cấu trúc: ${p.detail}.`,
  "actuals.missing-column": (p) => `Tệp số liệu thiếu cột "${p.column}" ở dòng tiêu đề (cần các cột no,actual).`,
  "actuals.bad-status": (p) => `Trạng thái "${p.value}" không hợp lệ (dùng: Đạt (vượt), Đạt, Không đạt, Chưa có số liệu).`,
  "traffic.bad-count": (p) => `Số liệu tai nạn giao thông (${p.criterion}) "${p.value}" phải là số nguyên không âm.`,
  "subrows.plan-sum": (p) => `Tổng kế hoạch các dòng ${p.rows} là ${p.sum}, khác với số tổng ${p.total}.`,
  "subrows.actual-sum": (p) => `Tổng số thực hiện các dòng ${p.rows} là ${p.sum}, khác với số tổng ${p.total}.`,
  "csv.encoding": () => "Không đọc được bảng mã của tệp: lưu lại tệp dạng CSV UTF-8 (Lưu thành > CSV UTF-8) rồi thử lại.",
  "csv.encoding-vni": () => VNI_ADVICE,
  "csv.empty": () => "Tệp CSV trống.",
  "csv.unterminated-quote": () => "Dấu ngoặc kép mở ở đây nhưng không đóng đến hết tệp.",
  "csv.stray-quote": () => "Sau dấu ngoặc kép đóng còn ký tự trước dấu phân cách.",
  "csv.not-a-plan": (p) =>
    `Tệp này không phải một kế hoạch: dòng tiêu đề (${p.header}) không có cột STT và cột Chỉ tiêu kế hoạch. Hãy lấy tệp mẫu kế hoạch và điền vào đó.`,
  "csv.missing-column": (p) => `Thiếu cột ${p.column} ở dòng tiêu đề (cần có các cột STT, Tên chỉ tiêu, Chỉ tiêu kế hoạch).`,
  "csv.duplicate-column": (p) => `Cột "${p.column}" có hai lần ở dòng tiêu đề; hãy xóa một cột.`,
  "csv.unknown-column": (p) => `Cột "${p.column}" không phải cột của kế hoạch; đã bỏ qua.`,
  "csv.bad-no": (p) => `Số thứ tự "${p.value}" không hợp lệ; ghi 1, 2, 1.2, hoặc "-" cho dòng chi tiết.`,
  "csv.bad-direction": (p) => `Hướng "${p.value}" không rõ; ghi "tăng" hoặc "giảm" (hay "cao", "thấp").`,
  "csv.bad-additive": (p) => `Giá trị "${p.value}" ở cột cộng dồn không rõ; ghi "có" hoặc "không".`,
  "csv.bad-value": (p) => `Giá trị "${p.value}" không rõ; ghi ${p.allowed}.`,
  "csv.empty-cell": (p) => `Trống; cần ghi ${p.column.toLocaleLowerCase("vi-VN")} cho dòng này.`,
  "csv.year-missing": () =>
    "Không biết năm kế hoạch: ghi một dòng \"Năm: 2026\" trên dòng tiêu đề, ghi năm vào tiêu đề cột (Kế hoạch năm 2026) hoặc tên tệp, hay dùng --year.",
  "csv.year-lent": (p) => `Tệp không ghi năm kế hoạch; đã tạm dùng năm ${p.used} (đánh giá không cần năm).`,
  "csv.heading-skipped": (p) => `Dòng "${p.value}" là tiêu đề nhóm, không phải chỉ tiêu; đã bỏ qua.`,
};
