/**
 * The disagreements the code has today, one entry per class, each tied to the bullet of issue 11's
 * "Why" it belongs to. The harness fails on a disagreement no entry covers, and on an entry that no
 * longer occurs in a full run: when a fix lands, its entry must be deleted, so this table only shrinks.
 */
import type { Disagreement } from "./compare";
import type { BookSpec } from "./generate";
import type { PathName } from "./paths";

export interface Known {
  id: string;
  /** The issue 11 bullet (quoted from its start) this class belongs to. */
  bullet: string;
  paths: PathName[];
  kind: string;
  test(d: Disagreement, spec: BookSpec): boolean;
}

const LIVE_READS = "Live judgement reads `1.720` typed in an en-US Excel as 1,72 and `52%` as 0,52 and says *Không đạt*";

export const KNOWN: Known[] = [
  {
    id: "slip-judged-in-sheet",
    bullet: LIVE_READS,
    paths: ["excel.live", "excel.recheck"],
    kind: "a figure the check calls a slip (decimal confusion, fraction in a % row, number as text) gets a settled status in the sheet",
    test: (d) => (d.path === "excel.live" || d.path === "excel.recheck") && d.reference === "cli.check.slips",
  },
  {
    id: "slip-judged-by-evaluate",
    bullet: LIVE_READS,
    paths: ["cli.evaluate"],
    kind: "ktxh evaluate gives a settled status to a figure the check calls a slip",
    test: (d) => d.path === "cli.evaluate" && d.reference === "cli.check.slips",
  },
  {
    id: "slip-judged-in-report",
    bullet: LIVE_READS,
    paths: ["excel.report", "cli.report.xlsx", "cli.report.docx"],
    kind: "the report (sheet, .xlsx, .docx) prints a settled status for a figure the check calls a slip",
    test: (d) => (d.path === "excel.report" || d.path === "cli.report.xlsx" || d.path === "cli.report.docx") && d.reference === "cli.check.slips",
  },
];

export function classify(d: Disagreement, spec: BookSpec): Known | null {
  return KNOWN.find((k) => k.test(d, spec)) ?? null;
}
