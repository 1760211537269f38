/** The four statuses a target can have in a report, and how 783/BC prints them. */
export type Status = "vuot" | "dat" | "khong-dat" | "thieu-so-lieu";

export const STATUSES: readonly Status[] = ["vuot", "dat", "khong-dat", "thieu-so-lieu"];

export const STATUS_LABELS: Record<Status, string> = {
  vuot: "Đạt (vượt)",
  dat: "Đạt",
  "khong-dat": "Không đạt",
  "thieu-so-lieu": "Chưa có số liệu",
};

/** The label inside a sentence ("49 > 48: đạt"). */
export const STATUS_WORDS: Record<Status, string> = {
  vuot: "đạt (vượt)",
  dat: "đạt",
  "khong-dat": "không đạt",
  "thieu-so-lieu": "chưa có số liệu",
};

export function isStatus(s: unknown): s is Status {
  return typeof s === "string" && (STATUSES as readonly string[]).includes(s);
}

export type EvaluateProblemCode =
  | "evaluate.actual-invalid"
  | "evaluate.actual-indeterminate"
  | "evaluate.actual-kind-mismatch"
  | "evaluate.previous-missing"
  | "evaluate.ambiguous-actual"
  | "evaluate.target-unreadable";
