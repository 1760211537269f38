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

/**
 * Empty: every class found since the harness was written is fixed (the last, a number stored as text
 * judged in the sheet, by `ktxh evaluate` and in the report while the check called it a slip, closed by
 * `Actuals.cells`). A new entry needs a bullet of issue 11 and a reason it cannot be fixed now.
 */
export const KNOWN: Known[] = [];

export function classify(d: Disagreement, spec: BookSpec): Known | null {
  return KNOWN.find((k) => k.test(d, spec)) ?? null;
}
