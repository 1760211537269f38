/**
 * The optional issues sheet "Kiểm tra": one row a problem (sheet, cell, target or task, severity,
 * message, value proposed). The add-in keeps the id of the sheet it made in settings and replaces only
 * that one; a user's own sheet called "Kiểm tra" is left alone and ours takes a free name beside it.
 * Every text goes through `cellInput`, so a colleague's "=SUM(…)" quoted in a message stays text.
 */
import { formatNumber } from "../../core/numbers";
import { SEVERITY_LABELS } from "../../core/messages/labels";
import type { Severity } from "../../core/problems";
import { cellInput } from "./cells";

export const ISSUES_SHEET_NAME = "Kiểm tra";
export const ISSUES_SHEET_KEY = "ktxh.check.sheet";

export const ISSUES_HEADER = ["Trang tính", "Ô", "Chỉ tiêu / nhiệm vụ", "Mức độ", "Nội dung", "Đề xuất sửa thành"] as const;

export interface IssueLine {
  sheet: string | null;
  cell: string | null;
  target: string | null;
  severity: Severity;
  message: string;
  fix: string | number | null;
}

/** A proposed value as the user reads it: numbers in vi-VN form. */
export function fixText(v: string | number | null): string {
  if (v === null) return "";
  return typeof v === "number" ? formatNumber(v) : v;
}

/** The sheet's values: header, then one row a problem, each cell as `range.values` must get it. */
export function issueRows(lines: readonly IssueLine[]): (string | number)[][] {
  const rows: (string | number)[][] = [[...ISSUES_HEADER]];
  for (const l of lines) {
    rows.push(
      [l.sheet ?? "", l.cell ?? "", l.target ?? "", SEVERITY_LABELS[l.severity], l.message, fixText(l.fix)].map((t) => cellInput(t === "" ? null : t)),
    );
  }
  return rows;
}

/** A name for our sheet that no other sheet has ("Kiểm tra", else "Kiểm tra (2)", …). */
export function issuesSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase("vi")));
  if (!used.has(ISSUES_SHEET_NAME.toLocaleLowerCase("vi"))) return ISSUES_SHEET_NAME;
  for (let i = 2; ; i++) {
    const name = `${ISSUES_SHEET_NAME} (${i})`;
    if (!used.has(name.toLocaleLowerCase("vi"))) return name;
  }
}

/** Column widths in characters: the message column is wide and wraps. */
export const ISSUES_WIDTHS = [18, 8, 12, 10, 90, 22] as const;
