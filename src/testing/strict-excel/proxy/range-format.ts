/** RangeFormat and its parts (font, fill, borders, protection), each a flat format key in the model. */
import type { Rect } from "../address";
import { BORDER_INDEXES, type BorderIndex, type BorderProp, type CellEdge, type FormatKey, type FormatValue, normalizeColor } from "../cells";
import { fail } from "../errors";
import { displayText } from "../number-format";
import { range } from "../sheet-model";
import type { Guard } from "../workbook-model";
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./client-object";
import type { StrictRequestContext } from "./context";
import type { RangeTarget } from "./range";

interface KeySpec {
  key: FormatKey;
  check: (v: unknown, what: string) => FormatValue;
  guard?: Guard;
  api?: string;
}

const bool = (v: unknown, what: string): boolean => {
  if (typeof v !== "boolean") throw fail.invalidArgument(`${what}: ${JSON.stringify(v)}`);
  return v;
};
const oneOf = (values: string[]) => (v: unknown, what: string): string => {
  if (typeof v !== "string" || !values.includes(v)) throw fail.invalidArgument(`${what}: ${JSON.stringify(v)}`);
  return v;
};
const numberIn = (lo: number, hi: number, integer = false) => (v: unknown, what: string): number => {
  if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) throw fail.invalidArgument(`${what}: ${JSON.stringify(v)}`);
  return v;
};
const text = (v: unknown, what: string): string => {
  if (typeof v !== "string" || v === "") throw fail.invalidArgument(`${what}: ${JSON.stringify(v)}`);
  return v;
};

/** A proxy whose properties are format keys of the cells of its range. */
abstract class FormatPart extends ClientObjectBase<RangeTarget> {
  protected abstract readonly specs: Record<string, KeySpec>;
  protected get props(): Record<string, string | null> {
    return Object.fromEntries(Object.entries(this.specs).map(([k, s]) => [k, s.api ?? null]));
  }
  protected read(t: RangeTarget, prop: string): unknown {
    const key = this.specs[prop].key;
    return t.sheet.uniform(t.rect, (r, c) => t.sheet.format(r, c, key));
  }
  protected write(prop: string, v: unknown): void {
    const spec = this.specs[prop];
    this.op(prop, v, ({ sheet, rect }) => {
      const value = spec.check(v, `${this.path}.${prop}`);
      this.model.guard(sheet, rect, spec.guard ?? "format");
      sheet.setFormat(rect, spec.key, value);
    }, spec.api);
  }
}

export class RangeFont extends FormatPart {
  protected readonly specs: Record<string, KeySpec> = {
    name: { key: "font.name", check: text },
    size: { key: "font.size", check: numberIn(1, 409) },
    bold: { key: "font.bold", check: bool },
    italic: { key: "font.italic", check: bool },
    color: { key: "font.color", check: normalizeColor },
    underline: { key: "font.underline", check: oneOf(["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"]) },
    strikethrough: { key: "font.strikethrough", check: bool, api: "1.9" },
  };
  get name(): string { return this.get("name"); }
  set name(v: string) { this.write("name", v); }
  get size(): number { return this.get("size"); }
  set size(v: number) { this.write("size", v); }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.write("bold", v); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.write("italic", v); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v); }
  get underline(): string { return this.get("underline"); }
  set underline(v: string) { this.write("underline", v); }
  get strikethrough(): boolean { return this.get("strikethrough"); }
  set strikethrough(v: boolean) { this.write("strikethrough", v); }
}

export class RangeFill extends FormatPart {
  protected readonly specs: Record<string, KeySpec> = { color: { key: "fill.color", check: normalizeColor } };
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v); }
  clear(): void {
    this.op("clear", null, ({ sheet, rect }) => {
      this.model.guard(sheet, rect, "format");
      sheet.setFormat(rect, "fill.color", "#FFFFFF");
    });
  }
}

export class FormatProtection extends FormatPart {
  protected readonly specs: Record<string, KeySpec> = {
    locked: { key: "protection.locked", check: bool, guard: "lock", api: "1.2" },
    formulaHidden: { key: "protection.formulaHidden", check: bool, guard: "lock", api: "1.2" },
  };
  get locked(): boolean { return this.get("locked"); }
  set locked(v: boolean) { this.write("locked", v); }
  get formulaHidden(): boolean { return this.get("formulaHidden"); }
  set formulaHidden(v: boolean) { this.write("formulaHidden", v); }
}

/** The cells and edge key a border index stands for on a range. */
function borderTargets(index: BorderIndex, r: Rect): { rect: Rect; edge: CellEdge }[] {
  const last = { row: r.row + r.rows - 1, col: r.col + r.cols - 1 };
  switch (index) {
    case "EdgeTop": return [{ rect: { ...r, rows: 1 }, edge: "EdgeTop" }];
    case "EdgeBottom": return [{ rect: { ...r, row: last.row, rows: 1 }, edge: "EdgeBottom" }];
    case "EdgeLeft": return [{ rect: { ...r, cols: 1 }, edge: "EdgeLeft" }];
    case "EdgeRight": return [{ rect: { ...r, col: last.col, cols: 1 }, edge: "EdgeRight" }];
    case "InsideHorizontal":
      return r.rows < 2 ? [] : [{ rect: { ...r, rows: r.rows - 1 }, edge: "EdgeBottom" }, { rect: { ...r, row: r.row + 1, rows: r.rows - 1 }, edge: "EdgeTop" }];
    case "InsideVertical":
      return r.cols < 2 ? [] : [{ rect: { ...r, cols: r.cols - 1 }, edge: "EdgeRight" }, { rect: { ...r, col: r.col + 1, cols: r.cols - 1 }, edge: "EdgeLeft" }];
    default: return [{ rect: r, edge: index }];
  }
}

const BORDER_CHECK: Record<BorderProp, (v: unknown, what: string) => FormatValue> = {
  style: oneOf(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]),
  weight: oneOf(["Hairline", "Thin", "Medium", "Thick"]),
  color: normalizeColor,
};

export class RangeBorder extends ClientObjectBase<RangeTarget> {
  protected readonly props = { style: null, weight: null, color: null, sideIndex: null };
  constructor(context: StrictRequestContext, locate: () => RangeTarget | null, readonly index: BorderIndex, opts: ProxyOptions) {
    super(context, locate, opts);
  }
  protected read(t: RangeTarget, prop: string): unknown {
    if (prop === "sideIndex") return this.index;
    const parts = borderTargets(this.index, t.rect);
    if (parts.length === 0) return prop === "style" ? "None" : null;
    const seen = new Set(parts.flatMap((p) => t.sheet.distinct(p.rect, (r, c) => t.sheet.format(r, c, `border.${p.edge}.${prop as BorderProp}`))));
    return seen.size === 1 ? [...seen][0] : null;
  }
  private write(prop: BorderProp, v: unknown): void {
    this.op(prop, v, ({ sheet, rect }) => {
      const value = BORDER_CHECK[prop](v, `border ${this.index}.${prop}`);
      this.model.guard(sheet, rect, "format");
      for (const p of borderTargets(this.index, rect)) sheet.setFormat(p.rect, `border.${p.edge}.${prop}`, value);
    });
  }
  get sideIndex(): string { return this.get("sideIndex"); }
  get style(): string { return this.get("style"); }
  set style(v: string) { this.write("style", v); }
  get weight(): string { return this.get("weight"); }
  set weight(v: string) { this.write("weight", v); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v); }
}

export class RangeBorderCollection extends CollectionBase<RangeBorder, BorderIndex> {
  constructor(context: StrictRequestContext, private readonly range: () => RangeTarget | null, opts: ProxyOptions) {
    super(context, () => (range() ? [...BORDER_INDEXES] : null), opts);
  }
  protected makeItem(index: BorderIndex): RangeBorder {
    return this.getItem(index);
  }
  getItem(index: string): RangeBorder {
    if (!BORDER_INDEXES.includes(index as BorderIndex)) throw fail.invalidArgument(`border index ${index}`);
    return new RangeBorder(this.context, this.range, index as BorderIndex, { parent: this, path: `${this.path}.${index}` });
  }
  getItemAt(i: number): RangeBorder {
    return this.getItem(BORDER_INDEXES[i] ?? `#${i}`);
  }
  get count(): number {
    return BORDER_INDEXES.length;
  }
}

export class RangeFormat extends ClientObjectBase<RangeTarget> {
  protected readonly props: Record<string, string | null> = {
    columnWidth: null, rowHeight: null, horizontalAlignment: null, verticalAlignment: null, wrapText: null,
    indentLevel: "1.9", autoIndent: "1.9", useStandardHeight: "1.7", useStandardWidth: "1.7",
  };
  private parts: Partial<{ font: RangeFont; fill: RangeFill; protection: FormatProtection; borders: RangeBorderCollection }> = {};

  constructor(context: StrictRequestContext, private readonly range: () => RangeTarget | null, opts: ProxyOptions) {
    super(context, range, opts);
  }

  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "font" ? this.font : name === "fill" ? this.fill : name === "protection" ? this.protection : name === "borders" ? this.borders : null;
  }

  get font(): RangeFont {
    return (this.parts.font ??= new RangeFont(this.context, this.range, { parent: this, path: `${this.path}.font` }));
  }
  get fill(): RangeFill {
    return (this.parts.fill ??= new RangeFill(this.context, this.range, { parent: this, path: `${this.path}.fill` }));
  }
  get protection(): FormatProtection {
    return (this.parts.protection ??= new FormatProtection(this.context, this.range, { parent: this, path: `${this.path}.protection`, api: "1.2" }));
  }
  get borders(): RangeBorderCollection {
    return (this.parts.borders ??= new RangeBorderCollection(this.context, this.range, { parent: this, path: `${this.path}.borders` }));
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    switch (prop) {
      case "columnWidth": return sheet.uniform({ ...rect, row: 0, rows: 1 }, (_r, c) => sheet.size("col", c));
      case "rowHeight": return sheet.uniform({ ...rect, col: 0, cols: 1 }, (r) => sheet.size("row", r));
      case "horizontalAlignment": return sheet.uniform(rect, (r, c) => sheet.format(r, c, "horizontalAlignment"));
      case "verticalAlignment": return sheet.uniform(rect, (r, c) => sheet.format(r, c, "verticalAlignment"));
      case "wrapText": return sheet.uniform(rect, (r, c) => sheet.format(r, c, "wrapText"));
      case "indentLevel": return sheet.uniform(rect, (r, c) => sheet.format(r, c, "indentLevel"));
      case "autoIndent": return false;
      case "useStandardHeight": return sheet.uniform({ ...rect, col: 0, cols: 1 }, (r) => !sheet.rowAttr.get(r)?.size);
      case "useStandardWidth": return sheet.uniform({ ...rect, row: 0, rows: 1 }, (_r, c) => !sheet.colAttr.get(c)?.size);
    }
    return undefined;
  }

  private write(prop: string, key: FormatKey, v: unknown, check: (v: unknown, what: string) => FormatValue, api?: string): void {
    this.op(prop, v, ({ sheet, rect }) => {
      const value = check(v, `format.${prop}`);
      this.model.guard(sheet, rect, "format");
      sheet.setFormat(rect, key, value);
    }, api);
  }

  get horizontalAlignment(): string { return this.get("horizontalAlignment"); }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", "horizontalAlignment", v, oneOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]));
  }
  get verticalAlignment(): string { return this.get("verticalAlignment"); }
  set verticalAlignment(v: string) {
    this.write("verticalAlignment", "verticalAlignment", v, oneOf(["Center", "Bottom", "Top", "Justify", "Distributed"]));
  }
  get wrapText(): boolean { return this.get("wrapText"); }
  set wrapText(v: boolean) { this.write("wrapText", "wrapText", v, bool); }
  get indentLevel(): number { return this.get("indentLevel"); }
  set indentLevel(v: number) { this.write("indentLevel", "indentLevel", v, numberIn(0, 250, true), "1.9"); }
  get autoIndent(): boolean { return this.get("autoIndent"); }
  get useStandardHeight(): boolean { return this.get("useStandardHeight"); }
  get useStandardWidth(): boolean { return this.get("useStandardWidth"); }

  get columnWidth(): number { return this.get("columnWidth"); }
  set columnWidth(v: number) {
    this.op("columnWidth", v, ({ sheet, rect }) => {
      numberIn(0, 1000)(v, "format.columnWidth");
      this.model.guard(sheet, rect, "formatColumns");
      sheet.setLine("col", rect.col, rect.cols, { size: v });
    });
  }
  get rowHeight(): number { return this.get("rowHeight"); }
  set rowHeight(v: number) {
    this.op("rowHeight", v, ({ sheet, rect }) => {
      numberIn(0, 409)(v, "format.rowHeight");
      this.model.guard(sheet, rect, "formatRows");
      sheet.setLine("row", rect.row, Math.min(rect.rows, 1_048_576), { size: v });
    });
  }

  /** Width from the longest text shown in each column (about 7 points a character at 11 pt). */
  autofitColumns(): void {
    this.op("autofitColumns", null, ({ sheet, rect }) => {
      this.model.guard(sheet, rect, "formatColumns");
      const rows = sheet.usedRect(false);
      for (const c of range(rect.col, rect.cols)) {
        let widest = 0;
        const band = { row: rect.row, rows: rect.rows, col: c, cols: 1 };
        for (const [r] of sheet.cellsIn(rows ? band : { ...band, rows: 0 })) {
          const shown = displayText(this.model.value(sheet, r, c), String(sheet.format(r, c, "numberFormat")));
          const size = Number(sheet.format(r, c, "font.size")) || 11;
          widest = Math.max(widest, [...shown].length * 7 * (size / 11));
        }
        sheet.setLine("col", c, 1, { size: Math.min(1000, Math.round(widest + 5.25)) });
      }
    }, "1.2");
  }

  autofitRows(): void {
    this.op("autofitRows", null, ({ sheet, rect }) => {
      this.model.guard(sheet, rect, "formatRows");
      for (const [r] of [...sheet.cellsIn(rect)]) {
        const size = Number(sheet.format(r, rect.col, "font.size")) || 11;
        sheet.setLine("row", r, 1, { size: Math.round(size * 1.36 * 4) / 4 });
      }
    }, "1.2");
  }
}
