/**
 * The rule behind a status, in words, for the pane's "Vì sao?": one sentence per kind of target, as
 * src/core/evaluate/rule.ts judges it (a higher-is-better kind). `better`/`worse` are "cao hơn"/"thấp
 * hơn"; a lower-is-better indicator takes the text of its mirrored kind with the two swapped, as the
 * rule judges it. Chosen by `explainRule`.
 */
import type { TargetKind } from "../target";

export interface RuleWords {
  /** The target as written ("khoảng 623,17"). */
  plan: string;
  better: string;
  worse: string;
}

export const RULE_TEXT: Record<TargetKind, (w: RuleWords) => string> = {
  point: (w) => `Kế hoạch “${w.plan}” là một mức: ${w.better} mức đó là Đạt (vượt), bằng là Đạt, ${w.worse} là Không đạt.`,
  "at-least": (w) => `Kế hoạch “${w.plan}” là mức cần đạt: ${w.worse} mức đó là Không đạt, bằng là Đạt, ${w.better} là Đạt (vượt).`,
  "more-than": (w) =>
    `Kế hoạch “${w.plan}” là ngưỡng phải vượt qua: chưa qua ngưỡng là Không đạt, qua ngưỡng một bậc (theo số chữ số đã ghi) là Đạt, ${w.better} nữa là Đạt (vượt).`,
  range: (w) => `Kế hoạch “${w.plan}” là một khoảng: trong khoảng là Đạt, ${w.better} khoảng là Đạt (vượt), ${w.worse} khoảng là Không đạt.`,
  "at-most": (w) => `Kế hoạch “${w.plan}” là mức giới hạn: trong giới hạn là Đạt, ${w.better} giới hạn là Không đạt.`,
  "less-than": (w) => `Kế hoạch “${w.plan}” là ngưỡng không được chạm tới: chưa tới ngưỡng là Đạt, từ ngưỡng trở đi là Không đạt.`,
  "reduce-criteria": (w) =>
    `Kế hoạch “${w.plan}”: đếm số tiêu chí giảm so với cùng kỳ (số vụ, số người chết, số người bị thương; tính từ số liệu tai nạn khi đã nhập đủ): ít hơn kế hoạch là Không đạt, bằng là Đạt, nhiều hơn là Đạt (vượt).`,
};

export const RULE_NOTES = {
  lower: "Chỉ tiêu này càng thấp càng tốt.",
  change: (plan: string) =>
    `Kế hoạch “${plan}” là mức thay đổi so với năm trước: thay đổi nhiều hơn kế hoạch là Đạt (vượt), bằng là Đạt, ít hơn là Không đạt (với chỉ tiêu tính bằng %, thay đổi tính bằng điểm phần trăm).`,
  rate: (plan: string) => `Đây là tốc độ tăng: “${plan}” là tốc độ cần đạt, không phải mức tăng so với năm trước.`,
  tolerance: (tol: string) => `Lệch không quá ${tol} so với mức kế hoạch vẫn tính là đúng mức.`,
  exceed: "Quy tắc riêng của chỉ tiêu này: vượt kế hoạch cũng ghi là Đạt.",
  exclusive: "Quy tắc riêng của chỉ tiêu này: qua ngưỡng là Đạt, không tính vượt.",
  missing: "Chưa có số liệu (hoặc số liệu không đọc được) thì ghi Chưa có số liệu, không bao giờ là Không đạt.",
} as const;
