/**
 * What validation reports: a Problem (code, severity, location, params) and, where the right value is
 * known, the fix as data, so the pane can apply one or all and the CLI can print the value to type.
 */
import { type Location, type Problem, problem } from "../problems";
import type { ParamsFor } from "../messages/params";

export type ValidateCode =
  | "cell.error-value"
  | "text.decomposed"
  | "table.not-found"
  | "table.no-figures"
  | "column.unknown"
  | "row.unplaced"
  | "row.duplicate"
  | "row.two-sheets"
  | "row.missing"
  | "row.missing-subrow"
  | "value.missing"
  | "value.text-number"
  | "value.ambiguous"
  | "value.decimal-confusion"
  | "value.percent-fraction"
  | "value.magnitude"
  | "value.out-of-range"
  | "value.unreadable"
  | "value.date"
  | "plan.differs"
  | "plan.mismatch"
  | "submission.other-cycle"
  | "plan.sheet-own"
  | "plan.sheet-own-checked"
  | "subrows.sum"
  | "traffic.inconsistent"
  | "traffic.bad-count"
  | "task.status-missing"
  | "task.no-statuses"
  | "task.status-unknown"
  | "task.status-variant";

/** Why a file could not be read at all (the CLI's exit code 2). */
export type FileCode = "file.not-workbook" | "file.old-xls" | "file.encrypted" | "file.corrupt" | "file.empty" | "file.io" | "file.missing" | "file.too-large"
  | "file.ods" | "file.numbers" | "file.encoding-vni";

/** Why a file in a checked folder was not opened at all (reported, not counted as unreadable). */
export type SkipCode = "skip.lock-file" | "skip.not-spreadsheet" | "skip.plan-file";

/** Severity of each code (errors stop a report going out, exit code 1; warnings ask for a look): the core's one table. */
export { SEVERITY } from "../messages/severity";

/** The value a cell should hold instead; numbers are JS numbers, text is written as text. */
export interface Fix {
  cell: string;
  value: string | number;
}

export interface Issue<C extends ValidateCode = ValidateCode> extends Problem<C> {
  fix?: Fix;
}

export type Params = Problem["params"];

/** An issue of `code` with that code's parameters (typed in `messages/params.ts`). */
export function issue<C extends ValidateCode>(code: C, location: Location, params: ParamsFor<C>, fix?: Fix): Issue<C> {
  const i: Issue<C> = problem(code, location, params);
  if (fix) i.fix = fix;
  return i;
}
