/**
 * Every problem code and the parameters it carries: the one list the catalog, `problem()` and
 * `issue()` are typed by. A code absent here cannot be built; a code here without its Vietnamese
 * sentence, or a sentence reading a parameter its code does not carry, does not compile.
 * Parameters are plain JSON values (they travel in `ktxh check --json`).
 */
import type { NumberInvalidReason } from "../numbers";

/** A parameter value as it is stored and serialised. */
export type Value = string | number | null;
/** Parameters as the rest of the code reads them back (tests, JSON): loose, by name. */
export type Params = Record<string, Value>;
/** A code that carries nothing: `{}` at the call site; its message can read no parameter. */
export type NoParams = { readonly none?: never };

type Text = { text: string };
type Detail = { detail: string };
type Column = { column: string };
type Written = { value: string };
type FileParams = { detail: string | null };

export type ProblemParams = {
  // The plan file (JSON).
  "plan.invalid": Detail;
  "plan.not-found": NoParams;
  "plan.unreadable": { reason: string };
  "plan.json-syntax": { detail: string; line: number; column: number };

  // Numbers and target wordings.
  "number.empty": { written: string };
  "number.invalid": { written: string; reason: NumberInvalidReason | null };
  "number.ambiguous": { written: string; value: string; alternative: string };
  "target.empty": Text;
  "target.unknown-wording": Text;
  "target.bad-number": { text: string; number: string };
  "target.bad-range": Text;
  "target.direction-conflict": { text: string; direction: "higher" | "lower" };
  "target.unit-mismatch": { text: string; unit: string; expected: string };

  // Judgement.
  "evaluate.actual-invalid": Text;
  "evaluate.actual-indeterminate": { text: string; target: string };
  "evaluate.actual-kind-mismatch": { text: string; target: string };
  "evaluate.previous-missing": { target: string };
  "evaluate.ambiguous-actual": { text: string; value: string; alternative: string; status: string; otherStatus: string };
  "evaluate.target-unreadable": Text;
  "evaluate.override-invalid": { status: string };

  // Actuals files, traffic counts, sector sub-rows, plans typed as CSV.
  "actuals.duplicate-row": { no: string };
  "actuals.unknown-row": { no: string };
  "actuals.bad-json": Detail;
  "actuals.bad-shape": Detail;
  "actuals.missing-column": Column;
  "actuals.bad-status": Written;
  "traffic.bad-count": { criterion: string; value: string };
  "subrows.plan-sum": { rows: string; sum: string; total: string };
  "subrows.actual-sum": { rows: string; sum: string; total: string };
  "csv.encoding": NoParams;
  "csv.encoding-vni": NoParams;
  "csv.empty": NoParams;
  "csv.unterminated-quote": NoParams;
  "csv.stray-quote": NoParams;
  "csv.not-a-plan": { header: string };
  "csv.missing-column": Column;
  "csv.duplicate-column": Column;
  "csv.unknown-column": Column;
  "csv.bad-no": Written;
  "csv.bad-direction": Written;
  "csv.bad-additive": Written;
  "csv.bad-value": { value: string; allowed: string };
  "csv.empty-cell": Column;
  "csv.year-missing": NoParams;
  /** No year in the file, and one was lent (`ktxh evaluate`: judging needs none). */
  "csv.year-lent": { used: number };
  "csv.heading-skipped": Written;

  // Checking a workbook.
  "cell.error-value": { error: string; formula: string | null };
  "text.decomposed": Text;
  "table.not-found": { sheets: number };
  "table.no-figures": { columns: number };
  "column.unknown": { header: string };
  "row.unplaced": { no: string; name: string; nearest: string | null };
  "row.duplicate": { first: string };
  /** A target or task of a split book on a second sheet: where it was first, and this sheet. */
  "row.two-sheets": { kind: "target" | "task"; name: string; firstSheet: string; firstCell: string; sheet: string; cell: string };
  "row.missing": { kind: "target" | "task"; name: string };
  /** A sector sub-row of the plan with no row in the table (worth a look, not an error). */
  "row.missing-subrow": { kind: "target"; name: string };
  "value.missing": Column;
  "value.text-number": { written: string; value: number };
  "value.ambiguous": { written: string; value: number; alternative: number };
  /** `excelDecimal`: the decimal mark of the Excel it was typed in, where known ("," : `1,720` typed the English way became 1,72). */
  /** `written`: the figure is text as typed (Excel's decimal mark played no part), said as it is. */
  "value.decimal-confusion": { value: number; fixed: number; excelDecimal?: "." | ","; written?: string };
  "value.percent-fraction": { value: number; fixed: number };
  "value.magnitude": { value: number; reference: number; ratio: number };
  "value.out-of-range": { value: number; why: "negative" | "over-100" | "not-count" };
  "value.unreadable": { written: string };
  /** Excel made a date of what was typed: the day and month it chose, and the texts that give them. */
  /** `restore`: the text to write back when the culture says which one was typed (no year typed, a figure's wording). */
  /** `retype`: the text it would be read as is too far from the row's plan to be the figure typed: not put back. */
  "value.date": { day: number; month: number; typed: string; alternative: string | null; restore?: string; retype?: boolean };
  "plan.differs": { written: string; plan: string };
  "plan.mismatch": { recorded: string; chosen: string; title: string };
  /** A returned submission book made for another period, plan or year: `book` and `wanted` as labels. */
  "submission.other-cycle": { form: string; book: string; wanted: string };
  /** A table whose plan column differs from the book's plan on most rows: its own plan (a commune's). */
  "plan.sheet-own": { differs: number; compared: number; written: string; plan: string };
  "plan.sheet-own-checked": { differs: number; compared: number };
  "subrows.sum": { total: number; sum: number; difference: number; count: number };
  "traffic.inconsistent": { typed: number; derived: number; detail: string };
  "task.status-missing": { allowed: string };
  "task.no-statuses": { count: number; allowed: string };
  "task.status-unknown": { written: string; allowed: string };
  "task.status-variant": { written: string; status: string };

  // Files that cannot be read at all.
  "file.not-workbook": FileParams;
  "file.old-xls": FileParams;
  "file.encrypted": FileParams;
  "file.corrupt": FileParams;
  "file.empty": FileParams;
  "file.io": FileParams;
  "file.missing": FileParams;
  "file.too-large": FileParams;
  "file.ods": FileParams;
  "file.numbers": FileParams;
  "file.encoding-vni": FileParams;

  // Files of a checked folder that are not opened.
  "skip.lock-file": FileParams;
  "skip.not-spreadsheet": FileParams;
  "skip.plan-file": FileParams;

  // The report.
  "report.bad-date": Text;
  "report.bad-task-counts": Text;
  "report.bad-task-count": { field: string; text: string };
  "report.task-count-missing": { field: string };
  "report.task-counts-sum": { total: number; done: number; doing: number };
  "report.task-status-unknown": { code: string; text: string };
  "report.task-unknown": { code: string };
  "report.bad-extras": Detail;
  "report.workbook-unreadable": Detail;
  "report.workbook-no-layout": NoParams;
  "report.period-missing": { period: string; available: string };
};

/** Every problem code. */
export type Code = keyof ProblemParams;

/** The parameters of one code. */
export type ParamsOf<C extends Code> = ProblemParams[C];

type Intersect<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
/**
 * What a call site must pass for `code`: the code's parameters, and for a code known only as a
 * union, parameters that suit every code in it (so a union cannot smuggle in the wrong ones).
 */
export type ParamsFor<C extends Code> = Intersect<ProblemParams[C]>;

/** One Vietnamese sentence per code, from exactly the parameters that code carries. */
export type MessageMap<C extends Code> = { [K in C]: (params: ProblemParams[K]) => string };
