/** Data validation, conditional formats and sorting of a range. */
import { intersect } from "../address";
import { DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, type ValidationSpec, normalizeColor } from "../cells";
import { fail } from "../errors";
import { ADDIN } from "../events";
import type { CondFormatModel } from "../sheet-model";
import { RULE_TYPE, checkRule, rangeValid, ruleKind } from "../validation";
import { ClientObjectBase, CollectionBase, type ProxyOptions, queueResult, type ClientResult } from "./client-object";
import type { StrictRequestContext } from "./context";
import { RangeProxy, type RangeTarget } from "./range";

export class DataValidation extends ClientObjectBase<RangeTarget> {
  protected readonly props = { type: null, rule: null, errorAlert: null, prompt: null, ignoreBlanks: null, valid: null };

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    const specs = sheet.distinct(rect, (r, c) => sheet.validation(r, c));
    const one = specs.length === 1 ? specs[0] : null;
    switch (prop) {
      case "type":
        if (specs.length > 1) return specs.includes(undefined) ? "MixedCriteria" : "Inconsistent";
        return one && Object.keys(one.rule).length ? RULE_TYPE[ruleKind(one)] : "None";
      case "rule": return one ? structuredCloneJson(one.rule) : {};
      case "errorAlert": return { ...(one?.errorAlert ?? DEFAULT_ERROR_ALERT) };
      case "prompt": return { ...(one?.prompt ?? DEFAULT_PROMPT) };
      case "ignoreBlanks": return one ? one.ignoreBlanks : true;
      case "valid": return rangeValid(this.model, sheet, rect);
    }
    return undefined;
  }

  /** Replaces part of the spec of every cell of the range (cells without a rule get an empty one). */
  private patch(name: string, payload: unknown, make: (old: ValidationSpec | undefined, t: RangeTarget) => ValidationSpec | undefined): void {
    this.op(name, payload, (t) => {
      this.model.guard(t.sheet, t.rect, "validation");
      const olds = t.sheet.distinct(t.rect, (r, c) => t.sheet.validation(r, c));
      t.sheet.setValidation(t.rect, make(olds.length === 1 ? olds[0] : undefined, t));
    });
  }

  get type(): string { return this.get("type"); }
  get valid(): boolean { return this.get("valid"); }
  get rule(): Excel.DataValidationRule { return this.get("rule"); }
  set rule(v: Excel.DataValidationRule) {
    this.patch("rule", v, (old, { rect }) => ({
      rule: structuredCloneJson(checkRule(v).rule),
      anchor: { row: rect.row, col: rect.col },
      errorAlert: old?.errorAlert ?? { ...DEFAULT_ERROR_ALERT },
      prompt: old?.prompt ?? { ...DEFAULT_PROMPT },
      ignoreBlanks: old?.ignoreBlanks ?? true,
    }));
  }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.get("errorAlert"); }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.patch("errorAlert", v, (old, { rect }) => {
      if (v.style !== undefined && !["Stop", "Warning", "Information"].includes(v.style)) throw fail.invalidArgument(`errorAlert.style ${v.style}`);
      return { ...(old ?? emptySpec(rect.row, rect.col)), errorAlert: { ...(old?.errorAlert ?? DEFAULT_ERROR_ALERT), ...v } };
    });
  }
  get prompt(): Excel.DataValidationPrompt { return this.get("prompt"); }
  set prompt(v: Excel.DataValidationPrompt) {
    this.patch("prompt", v, (old, { rect }) => ({ ...(old ?? emptySpec(rect.row, rect.col)), prompt: { ...(old?.prompt ?? DEFAULT_PROMPT), ...v } }));
  }
  get ignoreBlanks(): boolean { return this.get("ignoreBlanks"); }
  set ignoreBlanks(v: boolean) {
    this.patch("ignoreBlanks", v, (old, { rect }) => {
      if (typeof v !== "boolean") throw fail.invalidArgument("ignoreBlanks");
      return { ...(old ?? emptySpec(rect.row, rect.col)), ignoreBlanks: v };
    });
  }

  clear(): void {
    this.patch("clear", null, () => undefined);
  }
}

function emptySpec(row: number, col: number): ValidationSpec {
  return { rule: {}, anchor: { row, col }, errorAlert: { ...DEFAULT_ERROR_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true };
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
const VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

interface CfTarget {
  cf: CondFormatModel;
  range: RangeTarget;
}

export class ConditionalFormatCollection extends CollectionBase<ConditionalFormat, CfTarget> {
  constructor(context: StrictRequestContext, private readonly range: () => RangeTarget | null, opts: ProxyOptions) {
    super(context, () => {
      const t = range();
      return t ? t.sheet.condFormats.filter((cf) => intersect(cf.rect, t.rect)).map((cf) => ({ cf, range: t })) : null;
    }, opts);
  }

  protected makeItem(m: CfTarget): ConditionalFormat {
    return new ConditionalFormat(this.context, () => m, { parent: this, path: `${this.path}.item` });
  }

  add(type: string): ConditionalFormat {
    let created: CfTarget | null = null;
    this.op("add", type, () => {
      const t = this.range() as RangeTarget;
      if (!CF_TYPES.includes(type)) throw fail.invalidArgument(`conditional format type ${type}`);
      this.model.guard(t.sheet, t.rect, "validation");
      const cf: CondFormatModel = { id: this.model.nextId("cf"), rect: t.rect, type, rule: {}, format: {}, priority: 0, stopIfTrue: false };
      // A new rule goes first, as in Excel.
      t.sheet.condFormats.unshift(cf);
      t.sheet.condFormats.forEach((c, i) => (c.priority = i));
      created = { cf, range: t };
    });
    return new ConditionalFormat(this.context, () => {
      if (!created) throw fail.notFound("the conditional format was not added");
      return created;
    }, { parent: this, path: `${this.path}.add(${type})` });
  }

  clearAll(): void {
    this.op("clearAll", null, () => {
      const t = this.range() as RangeTarget;
      this.model.guard(t.sheet, t.rect, "validation");
      t.sheet.condFormats = t.sheet.condFormats.filter((cf) => !intersect(cf.rect, t.rect));
    });
  }

  getCount(): ClientResult<number> {
    return queueResult(this.context, `${this.path}.getCount`, () => (this.need() ?? []).length);
  }

  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const found = this.need()[index];
      if (!found) throw fail.notFound(`conditional format #${index}`);
      return found;
    }, { parent: this, path: `${this.path}[${index}]` });
  }

  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const found = this.need().find((m) => m.cf.id === id);
      if (!found) throw fail.notFound(`conditional format ${id}`);
      return found;
    }, { parent: this, path: `${this.path}(${id})` });
  }
}

export class ConditionalFormat extends ClientObjectBase<CfTarget> {
  protected readonly props = { id: null, type: null, priority: null, stopIfTrue: null };
  private subs = new Map<string, CfKindFormat>();

  protected read({ cf }: CfTarget, prop: string): unknown {
    return (cf as unknown as Record<string, unknown>)[prop];
  }

  get id(): string { return this.get("id"); }
  get type(): string { return this.get("type"); }
  get priority(): number { return this.get("priority"); }
  set priority(v: number) { this.op("priority", v, ({ cf }) => void (cf.priority = v)); }
  get stopIfTrue(): boolean { return this.get("stopIfTrue"); }
  set stopIfTrue(v: boolean) { this.op("stopIfTrue", v, ({ cf }) => void (cf.stopIfTrue = v)); }

  private sub(name: string, type: string): CfKindFormat {
    let s = this.subs.get(name);
    if (!s) {
      s = new CfKindFormat(this.context, () => {
        const t = this.need();
        if (t.cf.type !== type) throw fail.invalidOperation(`${name} of a ${t.cf.type} conditional format`);
        return t.cf;
      }, type, { parent: this, path: `${this.path}.${name}` });
      this.subs.set(name, s);
    }
    return s;
  }
  get textComparison(): CfKindFormat { return this.sub("textComparison", "ContainsText"); }
  get cellValue(): CfKindFormat { return this.sub("cellValue", "CellValue"); }
  get custom(): CfKindFormat { return this.sub("custom", "Custom"); }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { cf, range } = this.need();
      return { sheet: range.sheet, rect: cf.rect };
    }, { parent: this });
  }

  delete(): void {
    this.op("delete", null, ({ cf, range }) => {
      range.sheet.condFormats = range.sheet.condFormats.filter((c) => c !== cf);
    });
  }
}

/** textComparison / cellValue / custom: a rule and a format (font colour, bold, italic, fill colour). */
export class CfKindFormat extends ClientObjectBase<CondFormatModel> {
  protected readonly props = { rule: null };
  readonly format: CfRangeFormat;
  private ruleProxy?: CfRule;

  constructor(context: StrictRequestContext, locate: () => CondFormatModel | null, private readonly kind: string, opts: ProxyOptions) {
    super(context, locate, opts);
    this.format = new CfRangeFormat(context, locate, { parent: this, path: `${this.path}.format` });
  }
  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "format" ? this.format : null;
  }
  protected read(cf: CondFormatModel): unknown {
    return { ...cf.rule };
  }

  /** For custom formats `rule` is an object with a `formula`; for the others a plain value to assign. */
  get rule(): Record<string, unknown> {
    if (this.kind === "Custom") return (this.ruleProxy ??= new CfRule(this.context, () => this.need(), { parent: this, path: `${this.path}.rule` })) as unknown as Record<string, unknown>;
    return this.get("rule");
  }
  set rule(v: Record<string, unknown>) {
    this.op("rule", v, (cf) => {
      if (this.kind === "ContainsText") {
        if (!TEXT_OPERATORS.includes(String(v?.operator)) || typeof v.text !== "string") throw fail.invalidArgument("text comparison rule");
      } else if (this.kind === "CellValue") {
        if (!VALUE_OPERATORS.includes(String(v?.operator)) || v.formula1 === undefined) throw fail.invalidArgument("cell value rule");
        if ((v.operator === "Between" || v.operator === "NotBetween") && v.formula2 === undefined) throw fail.invalidArgument("Between needs formula2");
      } else throw fail.invalidOperation("set rule.formula on a custom conditional format");
      cf.rule = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
    });
  }
}

export class CfRule extends ClientObjectBase<CondFormatModel> {
  protected readonly props = { formula: null, formulaLocal: null };
  protected read(cf: CondFormatModel): unknown {
    return cf.rule.formula ?? null;
  }
  get formula(): string { return this.get("formula"); }
  set formula(v: string) {
    this.op("formula", v, (cf) => {
      if (typeof v !== "string" || !v.startsWith("=")) throw fail.invalidArgument(`custom rule formula ${JSON.stringify(v)}`);
      cf.rule = { formula: v };
    });
  }
  get formulaLocal(): string { return this.get("formulaLocal"); }
}

export class CfRangeFormat extends ClientObjectBase<CondFormatModel> {
  protected readonly props = { numberFormat: null };
  readonly font: CfPart;
  readonly fill: CfPart;
  constructor(context: StrictRequestContext, locate: () => CondFormatModel | null, opts: ProxyOptions) {
    super(context, locate, opts);
    this.font = new CfPart(context, locate, "font", { parent: this, path: `${this.path}.font` });
    this.fill = new CfPart(context, locate, "fill", { parent: this, path: `${this.path}.fill` });
  }
  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "font" ? this.font : name === "fill" ? this.fill : null;
  }
  protected read(cf: CondFormatModel, prop: string): unknown {
    return prop === "numberFormat" ? (cf.format.numberFormat ?? null) : undefined;
  }
  /** ConditionalRangeFormat.numberFormat (ExcelApi 1.6): a format code, as Range.numberFormat's cells take. */
  get numberFormat(): string { return this.get("numberFormat"); }
  set numberFormat(v: string) {
    this.op("numberFormat", v, (cf) => {
      if (typeof v !== "string" || !v) throw fail.invalidArgument(`${this.path}.numberFormat ${JSON.stringify(v)}`);
      cf.format.numberFormat = v;
    });
  }
}

export class CfPart extends ClientObjectBase<CondFormatModel> {
  protected readonly props: Record<string, string | null>;
  constructor(context: StrictRequestContext, locate: () => CondFormatModel | null, private readonly part: "font" | "fill", opts: ProxyOptions) {
    super(context, locate, opts);
    this.props = part === "font" ? { color: null, bold: null, italic: null } : { color: null };
  }
  protected read(cf: CondFormatModel, prop: string): unknown {
    if (this.part === "fill") return cf.format.fillColor ?? null;
    return prop === "color" ? cf.format.fontColor ?? null : prop === "bold" ? cf.format.bold ?? null : cf.format.italic ?? null;
  }
  get color(): string { return this.get("color"); }
  set color(v: string) {
    this.op("color", v, (cf) => {
      const c = normalizeColor(v, `${this.path}.color`);
      if (this.part === "fill") cf.format.fillColor = c;
      else cf.format.fontColor = c;
    });
  }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.op("bold", v, (cf) => void (cf.format.bold = Boolean(v))); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.op("italic", v, (cf) => void (cf.format.italic = Boolean(v))); }
  clear(): void {
    this.op("clear", null, (cf) => {
      if (this.part === "fill") delete cf.format.fillColor;
      else cf.format = { ...(cf.format.fillColor ? { fillColor: cf.format.fillColor } : {}) };
    });
  }
}

export class RangeSort extends ClientObjectBase<RangeTarget> {
  protected readonly props = {};
  protected read(): unknown {
    return undefined;
  }
  apply(fields: Excel.SortField[], _matchCase?: boolean, hasHeaders?: boolean, orientation?: string): void {
    this.op("apply", { fields, hasHeaders, orientation }, ({ sheet, rect }) => {
      if (orientation !== undefined && orientation !== "Rows") throw fail.invalidArgument(`strict-excel sorts rows only, not ${orientation}`);
      if (!Array.isArray(fields) || fields.length === 0) throw fail.invalidArgument("sort fields");
      this.model.sortRows(sheet, rect, fields.map((f) => ({ key: f.key, ascending: f.ascending !== false })), hasHeaders === true, ADDIN);
    });
  }
}
