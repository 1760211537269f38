/**
 * Warnings that repeat down one column (a `row.unplaced` on each of 99,980 rows, `value.text-number`
 * on a whole column typed as text) are shown as their first rows and one line "… và 9.998 dòng khác".
 * One function for the CLI's text output and the pane's list; the issues themselves, the JSON output,
 * the marks, the issues sheet and "Sửa tất cả" keep every one.
 */
import { columnLetter, parseCell } from "../address";
import type { Issue } from "./issue";

/** Runs shorter than this are listed whole. */
export const GROUP_MIN = 5;
/** How many issues of a longer run stay in the list before its "… và N dòng khác" line. */
export const GROUP_SHOWN = 2;

export type ListedIssue<I extends Issue> =
  | { kind: "issue"; issue: I }
  | { kind: "more"; code: I["code"]; sheet: string; column: string; count: number; first: string; last: string };

function columnOf(cell: string | null | undefined): string | null {
  const pos = cell ? parseCell(cell) : null;
  return pos ? columnLetter(pos.col) : null;
}

/**
 * The list as people read it, in the issues' order: of the warnings with one code on one sheet in one
 * column, when there are GROUP_MIN or more, the first GROUP_SHOWN stay and the rest become one line
 * just under the last one shown. Errors are never grouped: each is a figure to correct.
 */
export function groupRepeated<I extends Issue>(issues: readonly I[]): ListedIssue<I>[] {
  // Each issue's key is made once (its cell taken apart once), then used for both passes.
  const keys = issues.map((i): string | null => {
    if (i.severity !== "warning") return null;
    const col = columnOf(i.location.cell);
    return col === null ? null : `${i.location.sheet ?? ""}\u0000${i.code}\u0000${col}`;
  });
  const runs = new Map<string, number[]>();
  keys.forEach((k, n) => {
    if (k === null) return;
    const run = runs.get(k);
    if (run) run.push(n);
    else runs.set(k, [n]);
  });
  const out: ListedIssue<I>[] = [];
  const seen = new Map<string, number>();
  issues.forEach((i, n) => {
    const k = keys[n];
    const run = k === null ? undefined : runs.get(k);
    if (k === null || !run || run.length < GROUP_MIN) {
      out.push({ kind: "issue", issue: i });
      return;
    }
    const shown = (seen.get(k) ?? 0) + 1;
    seen.set(k, shown);
    if (shown > GROUP_SHOWN) return;
    out.push({ kind: "issue", issue: i });
    if (shown === GROUP_SHOWN) {
      // Right under its own last shown issue: "cùng cảnh báo này" names the line above it, never
      // another code's issue that came between (a row.unplaced run interleaved with value.text-number).
      const first = issues[run[GROUP_SHOWN]];
      const last = issues[run[run.length - 1]];
      out.push({
        kind: "more", code: i.code, sheet: i.location.sheet ?? "", column: columnOf(i.location.cell) ?? "",
        count: run.length - GROUP_SHOWN, first: first.location.cell ?? "", last: last.location.cell ?? "",
      });
    }
  });
  return out;
}
