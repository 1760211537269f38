/**
 * Whether cells satisfy their data validation (DataValidation.valid): whole numbers, decimals, text
 * length, lists (inline "a,b" or a range "=$A$1:$A$9") and custom formulas, with formulas relative to
 * the top-left cell of the range the rule was set on. Dates and times are not checked (always valid).
 */
import { type Rect, parseAddress } from "./address";
import { type Computed, type ValidationSpec, apiValue, isError } from "./cells";
import { fail } from "./errors";
import { compare, evaluate, translateFormula } from "./formula";
import type { SheetModel } from "./sheet-model";
import type { WorkbookModel } from "./workbook-model";

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "list", "custom", "date", "time"] as const;
type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_TYPE: Record<RuleKind, string> = {
  wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength", list: "List", custom: "Custom", date: "Date", time: "Time",
};

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Checks a rule as Excel does when it is set: exactly one kind, with the fields that kind needs. */
export function checkRule(rule: unknown): { kind: RuleKind; rule: Excel.DataValidationRule } {
  if (typeof rule !== "object" || rule === null) throw fail.invalidArgument("data validation rule");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !RULE_KINDS.includes(keys[0] as RuleKind)) throw fail.invalidArgument(`data validation rule with ${keys.join(", ") || "no kind"}`);
  const kind = keys[0] as RuleKind;
  const body = (rule as Record<string, Record<string, unknown>>)[kind];
  if (typeof body !== "object" || body === null) throw fail.invalidArgument(`data validation ${kind}`);
  if (kind === "list") {
    if (typeof body.source !== "string" || body.source === "") throw fail.invalidArgument("list validation needs a source");
  } else if (kind === "custom") {
    if (typeof body.formula !== "string" || !body.formula.startsWith("=")) throw fail.invalidArgument("custom validation needs a formula");
  } else {
    if (!OPERATORS.includes(String(body.operator))) throw fail.invalidArgument(`validation operator ${String(body.operator)}`);
    if (body.formula1 === undefined || body.formula1 === "") throw fail.invalidArgument("validation needs formula1");
    if ((body.operator === "Between" || body.operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === "")) {
      throw fail.invalidArgument("Between needs formula2");
    }
  }
  return { kind, rule: rule as Excel.DataValidationRule };
}

export function ruleKind(spec: ValidationSpec): RuleKind {
  return Object.keys(spec.rule)[0] as RuleKind;
}

export function cellValid(wb: WorkbookModel, sheet: SheetModel, row: number, col: number): boolean {
  const spec = sheet.validation(row, col);
  if (!spec) return true;
  const v = wb.value(sheet, row, col);
  if (v === null) return spec.ignoreBlanks;
  const dr = row - spec.anchor.row;
  const dc = col - spec.anchor.col;
  const formula = (f: unknown): Computed => {
    const text = typeof f === "number" ? String(f) : String(f ?? "");
    return text.startsWith("=") ? evaluate(translateFormula(text, dr, dc), (n, r) => lookup(wb, sheet, n, r)) : numberOrText(text);
  };
  const kind = ruleKind(spec);
  const body = (spec.rule as Record<string, Record<string, unknown>>)[kind];
  switch (kind) {
    case "wholeNumber":
      return typeof v === "number" && Number.isInteger(v) && inBounds(v, body, formula);
    case "decimal":
      return typeof v === "number" && inBounds(v, body, formula);
    case "textLength":
      return !isError(v) && inBounds(String(apiValue(v)).length, body, formula);
    case "list":
      return listItems(wb, sheet, String(body.source)).some((item) => compare(item, v) === 0 && typeof item === typeof v);
    case "custom": {
      const r = formula(body.formula);
      return r === true || (typeof r === "number" && r !== 0);
    }
    default:
      return true;
  }
}

function numberOrText(t: string): Computed {
  return t.trim() !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
}

function inBounds(v: number, body: Record<string, unknown>, formula: (f: unknown) => Computed): boolean {
  const a = formula(body.formula1);
  const b = body.formula2 === undefined ? null : formula(body.formula2);
  if (typeof a !== "number" || (b !== null && typeof b !== "number")) return false;
  switch (body.operator) {
    case "Between": return v >= a && v <= (b as number);
    case "NotBetween": return v < a || v > (b as number);
    case "EqualTo": return v === a;
    case "NotEqualTo": return v !== a;
    case "GreaterThan": return v > a;
    case "LessThan": return v < a;
    case "GreaterThanOrEqualTo": return v >= a;
    case "LessThanOrEqualTo": return v <= a;
    default: return false;
  }
}

function listItems(wb: WorkbookModel, sheet: SheetModel, source: string): Computed[] {
  if (!source.startsWith("=")) return source.split(",").map((s) => numberOrText(s.trim()));
  const { sheet: name, rect } = parseAddress(source.slice(1).replace(/\$/g, ""));
  const grid = lookup(wb, sheet, name, rect);
  return isError(grid) ? [] : grid.flat().filter((v) => v !== null);
}

function lookup(wb: WorkbookModel, sheet: SheetModel, name: string | null, rect: Rect): Computed[][] | { error: string } {
  const s = name === null ? sheet : wb.sheetByName(name);
  if (!s) return { error: "#REF!" };
  const out: Computed[][] = [];
  for (let r = rect.row; r < rect.row + Math.min(rect.rows, 100_000); r++) {
    const line: Computed[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) line.push(wb.value(s, r, c));
    out.push(line);
  }
  return out;
}

/** DataValidation.valid over a range: every cell that has a rule satisfies it. */
export function rangeValid(wb: WorkbookModel, sheet: SheetModel, rect: Rect): boolean {
  return sheet.distinct(rect, (r, c) => cellValid(wb, sheet, r, c)).every((ok) => ok);
}
