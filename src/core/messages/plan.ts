import type { PlanProblemCode } from "../plan";
import type { MessageMap } from "./types";

export const planMessages: MessageMap<PlanProblemCode> = {
  "plan.invalid": (p) => `Tệp kế hoạch không hợp lệ: ${p.detail}.`,
  "plan.not-found": () => "Không tìm thấy tệp kế hoạch.",
  "plan.unreadable": (p) => `Không đọc được tệp kế hoạch: ${p.reason}.`,
  "plan.json-syntax": (p) => `Tệp kế hoạch không phải JSON hợp lệ: ${p.detail}.`,
};
