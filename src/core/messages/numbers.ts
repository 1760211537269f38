import type { NumberInvalidReason, NumberProblemCode } from "../numbers";
import type { MessageMap } from "./types";

const invalidWhy: Record<NumberInvalidReason, string> = {
  chars: "có ký tự không phải chữ số",
  grouping: "dấu phân cách hàng nghìn hoặc thập phân đặt sai chỗ",
  precision: "quá 15 chữ số có nghĩa",
};

export const numberMessages: MessageMap<NumberProblemCode> = {
  "number.empty": () => "Ô để trống, chưa có số.",
  "number.invalid": (p) =>
    `"${p.written}" không phải là số${p.reason ? ` (${invalidWhy[p.reason]})` : ""}.`,
  "number.ambiguous": (p) =>
    `"${p.written}" có thể hiểu hai cách: ${p.value} (cách viết Việt Nam, đã dùng) hoặc ${p.alternative}; hãy kiểm tra lại.`,
};
