/** Warnings repeated down one column are listed as their first rows and one "… và N dòng khác" line. */
import { moreRowsText } from "../../src/core/messages/labels";
import { GROUP_MIN, GROUP_SHOWN, groupRepeated } from "../../src/core/validate/group";
import { type Issue, SEVERITY } from "../../src/core/validate/issue";

const w = (code: Issue["code"], sheet: string, cell: string | undefined, severity = SEVERITY[code]): Issue =>
  ({ code, severity, location: { sheet, ...(cell ? { cell } : {}) }, params: {} }) as Issue;

describe("groupRepeated", () => {
  test("a long run of one warning in one column: the first rows, then one line for the rest, in place", () => {
    const run = Array.from({ length: 10_000 }, (_, k) => w("row.unplaced", "S", `B${k + 2}`));
    const list = groupRepeated([w("cell.error-value", "S", "A1"), ...run, w("column.unknown", "S", "F1")]);
    expect(list.map((l) => (l.kind === "issue" ? `${l.issue.code}@${l.issue.location.cell}` : `more ${l.count} ${l.first}-${l.last}`))).toEqual([
      "cell.error-value@A1", "row.unplaced@B2", "row.unplaced@B3", `more ${10_000 - GROUP_SHOWN} B4-B10001`, "column.unknown@F1",
    ]);
    const more = list.find((l) => l.kind === "more");
    expect(more && moreRowsText(more)).toContain("9.998 dòng khác");
  });

  test("short runs, errors, other columns, other sheets and issues without a cell stay whole", () => {
    const short = Array.from({ length: GROUP_MIN - 1 }, (_, k) => w("value.text-number", "S", `E${k + 2}`));
    const errors = Array.from({ length: 20 }, (_, k) => w("value.decimal-confusion", "S", `E${k + 2}`));
    const spread = Array.from({ length: 20 }, (_, k) => w("value.text-number", k % 2 ? "S" : "T", `${"CDEFGHIJKL"[k % 10]}${k + 2}`));
    const missing = Array.from({ length: 20 }, () => w("row.missing", "S", undefined));
    const all = [...short, ...errors, ...spread, ...missing];
    expect(groupRepeated(all).every((l) => l.kind === "issue")).toBe(true);
    expect(groupRepeated(all)).toHaveLength(all.length);
  });

  test("interleaved runs: each '… và N dòng khác' line stands right under its own run's last shown issue", () => {
    const all: Issue[] = [];
    for (let k = 0; k < 8; k++) all.push(w("row.unplaced", "S", `B${2 * k + 3}`), w("value.text-number", "S", `E${2 * k + 4}`));
    const tag = (l: ReturnType<typeof groupRepeated>[number]): string => (l.kind === "issue" ? `${l.issue.code}@${l.issue.location.cell}` : `more ${l.code} ${l.column} ${l.count}`);
    expect(groupRepeated(all).map(tag)).toEqual([
      "row.unplaced@B3", "value.text-number@E4", "row.unplaced@B5", "more row.unplaced B 6", "value.text-number@E6", "more value.text-number E 6",
    ]);
  });

  test("runs interleaved with others keep every issue accounted for", () => {
    const all: Issue[] = [];
    for (let k = 0; k < 50; k++) all.push(w("value.text-number", "S", `E${k + 2}`), w("value.decimal-confusion", "S", `F${k + 2}`));
    const list = groupRepeated(all);
    const shown = list.filter((l) => l.kind === "issue").length;
    const hidden = list.reduce((s, l) => s + (l.kind === "more" ? l.count : 0), 0);
    expect(shown + hidden).toBe(all.length);
    expect(hidden).toBe(50 - GROUP_SHOWN);
  });
});
