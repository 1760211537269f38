import type { TargetProblemCode } from "../target";
import type { MessageMap } from "./types";

export const targetMessages: MessageMap<TargetProblemCode> = {
  "target.empty": () => "Chỉ tiêu kế hoạch để trống.",
  "target.unknown-wording": (p) =>
    `Không đọc được chỉ tiêu "${p.text}": cách viết chưa được hỗ trợ (ví dụ cách viết đọc được: "khoảng 1.500", "trên 80%", "7-8", "giảm còn 2%", "tăng 7,5%", "giảm 3 tiêu chí").`,
  "target.bad-number": (p) => `Chỉ tiêu "${p.text}": "${p.number}" không phải là số viết đúng.`,
  "target.bad-range": (p) => `Chỉ tiêu "${p.text}": khoảng giá trị có số đầu lớn hơn số sau.`,
  "target.direction-conflict": (p) =>
    `Chỉ tiêu "${p.text}": cách viết cho thấy chiều đánh giá khác với chiều đã khai báo cho chỉ tiêu (${p.direction === "lower" ? "càng thấp càng tốt" : "càng cao càng tốt"}); đã theo cách viết.`,
  "target.unit-mismatch": (p) => `Chỉ tiêu "${p.text}" ghi đơn vị "${p.unit}", khác với đơn vị tính "${p.expected}" của dòng.`,
};
