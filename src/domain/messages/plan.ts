import type { PlanProblemCode } from "../plan";
import type { MessageMap } from "./types";

export const planMessages: MessageMap<PlanProblemCode> = {
  "plan.invalid": (p) => `Tệp kế hoạch không hợp lệ: ${p.detail}.`,
};
