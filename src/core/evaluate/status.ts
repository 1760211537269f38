/**
 * The statuses a target can have, and how 783/BC prints them. "xem-lai" (Cần xem lại) is a figure the
 * workbook check calls a slip (`1,72` for 1.720, `0,52` in a % row): not judged until it is looked at.
 * "chua-danh-gia" (Chưa đánh giá được) is a target the plan marks `annual` (the poverty rate, known only
 * at year end) at any period before the year end: not assessable yet, never off target
 * (./midyear.ts).
 */
export type Status = "vuot" | "dat" | "khong-dat" | "xem-lai" | "thieu-so-lieu" | "chua-danh-gia";

export const STATUSES: readonly Status[] = ["vuot", "dat", "khong-dat", "xem-lai", "thieu-so-lieu", "chua-danh-gia"];

/** Their words live in the catalog (`messages/labels.ts`), with every other word people read. */
export { STATUS_LABELS, STATUS_WORDS } from "../messages/labels";

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
