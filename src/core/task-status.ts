/**
 * The task status vocabulary, once: the three statuses 783/BC counts, the words the tasks sheet's
 * list offers, and the variants staff type ("HT", "xong", "đã hoàn thành", "đang triển khai"). The
 * check (a variant is a warning with the standard word as fix), the report's task counts (a variant
 * counts as its status) and the sheet's data validation all read a status through here.
 */
import { foldKey } from "./text";

export const TASK_STATUSES = ["hoan-thanh", "dang-thuc-hien", "chua-thuc-hien"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The words as the list offers them and 783/BC prints them. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  "hoan-thanh": "Hoàn thành",
  "dang-thuc-hien": "Đang thực hiện",
  "chua-thuc-hien": "Chưa thực hiện",
};

/** The list of the tasks sheet's status column, in this order. */
export const TASK_STATUS_WORDS: readonly string[] = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]);

/** Variants, matched on the folded text (no case, no diacritics); the status ids fold to these too. */
const VARIANTS: [RegExp, TaskStatus][] = [
  [/^(da )?(thuc hien )?(hoan thanh|ht|xong)\b/, "hoan-thanh"],
  [/^dang (thuc hien|trien khai|th|tien hanh|lam)\b/, "dang-thuc-hien"],
  [/^chua (thuc hien|trien khai|th|hoan thanh|bat dau)\b/, "chua-thuc-hien"],
];

/**
 * The status a written text stands for; `exact` when it is the list's word as offered. Null when it is
 * no status (blank included).
 */
export function readTaskStatus(text: string): { status: TaskStatus; exact: boolean } | null {
  const t = text.normalize("NFC").trim();
  if (t === "") return null;
  const exact = TASK_STATUSES.find((s) => TASK_STATUS_LABELS[s] === t);
  if (exact) return { status: exact, exact: true };
  const f = foldKey(t);
  for (const [re, status] of VARIANTS) if (re.test(f)) return { status, exact: false };
  return null;
}
