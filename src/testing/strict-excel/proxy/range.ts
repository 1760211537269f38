/** Excel.Range over the model: reads through loads, writes queued, shapes checked like Excel. */
import {
  MAX_COLS, MAX_ROWS, type Rect, checkRect, fullAddress, intersect, isEntireColumn, isEntireRow, parseAddress,
} from "../address";
import { type Entry, apiValue, parseApiValue, valueType } from "../cells";
import { fail } from "../errors";
import { ADDIN } from "../events";
import { displayText } from "../number-format";
import { type SheetModel, range, shiftBlock } from "../sheet-model";
import { ClientObjectBase, type ProxyOptions } from "./client-object";
import type { StrictRequestContext } from "./context";
import { RangeFormat } from "./range-format";
import { ConditionalFormatCollection, DataValidation, RangeSort } from "./range-extras";
import { WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const PROPS: Record<string, string | null> = {
  address: null, addressLocal: null, rowIndex: null, columnIndex: null, rowCount: null, columnCount: null,
  cellCount: null, values: null, formulas: null, formulasLocal: null, numberFormat: null, numberFormatLocal: "1.7",
  text: null, valueTypes: null, rowHidden: "1.2", columnHidden: "1.2", hidden: "1.2", isEntireRow: "1.7",
  isEntireColumn: "1.7", left: "1.3", top: "1.3", width: "1.3", height: "1.3",
};

/** Values as an array of rows of the range's shape; a lone scalar fills every cell. */
export function shapeGrid<V>(input: unknown, rect: Rect, what: string): V[][] {
  if (!Array.isArray(input)) {
    if (rect.rows * rect.cols > 1_000_000) throw fail.invalidArgument(`${what}: range too large to fill`);
    return range(0, rect.rows).map(() => range(0, rect.cols).map(() => input as V));
  }
  const ok = input.length === rect.rows && input.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!ok) {
    const got = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"}`;
    throw fail.invalidArgument(`${what}: the array is ${got} but the range is ${rect.rows}×${rect.cols}`);
  }
  return input as V[][];
}

export class RangeProxy extends ClientObjectBase<RangeTarget> {
  protected readonly props = PROPS;
  private formatProxy?: RangeFormat;
  private validationProxy?: DataValidation;
  private cfProxy?: ConditionalFormatCollection;
  private sortProxy?: RangeSort;

  constructor(context: StrictRequestContext, locate: () => RangeTarget | null, opts: ProxyOptions = {}) {
    super(context, locate, { path: "Range", ...opts });
  }

  protected override alive(t: RangeTarget): boolean {
    return this.model.sheets.includes(t.sheet);
  }

  protected override child(name: string): ClientObjectBase<unknown> | null {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    if (name === "worksheet") return this.worksheet;
    return null;
  }

  protected read(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    const grid = <V>(f: (r: number, c: number) => V): V[][] => {
      // Excel on the web refuses responses over its limit; a whole column of values would be one.
      if (rect.rows * rect.cols * 4 > this.model.maxResponseBytes) {
        throw fail.invalidOperation(`${prop} of ${rect.rows * rect.cols} cells exceeds the response payload limit`);
      }
      return range(rect.row, rect.rows).map((r) => range(rect.col, rect.cols).map((c) => f(r, c)));
    };
    const value = (r: number, c: number) => this.model.value(sheet, r, c);
    switch (prop) {
      case "address":
      case "addressLocal": return fullAddress(sheet.name, rect);
      case "rowIndex": return rect.row;
      case "columnIndex": return rect.col;
      case "rowCount": return rect.rows;
      case "columnCount": return rect.cols;
      case "cellCount": return rect.rows * rect.cols;
      case "isEntireRow": return isEntireRow(rect);
      case "isEntireColumn": return isEntireColumn(rect);
      case "values": return grid((r, c) => apiValue(value(r, c)));
      case "valueTypes": return grid((r, c) => valueType(value(r, c)));
      case "formulas":
      case "formulasLocal":
        return grid((r, c) => {
          const content = sheet.cell(r, c)?.content;
          return content?.kind === "formula" ? content.formula : apiValue(value(r, c));
        });
      case "numberFormat":
      case "numberFormatLocal": return grid((r, c) => sheet.format(r, c, "numberFormat"));
      case "text": return grid((r, c) => displayText(value(r, c), String(sheet.format(r, c, "numberFormat"))));
      case "rowHidden": return sheet.uniform({ ...rect, col: 0, cols: 1 }, (r) => sheet.hidden("row", r));
      case "columnHidden": return sheet.uniform({ ...rect, row: 0, rows: 1 }, (_r, c) => sheet.hidden("col", c));
      case "hidden": return range(rect.row, Math.min(rect.rows, 100000)).some((r) => sheet.hidden("row", r)) || range(rect.col, rect.cols).some((c) => sheet.hidden("col", c));
      case "left": return range(0, rect.col).reduce((s, c) => s + sheet.size("col", c), 0);
      case "top": return range(0, Math.min(rect.row, 100000)).reduce((s, r) => s + sheet.size("row", r), 0);
      case "width": return range(rect.col, rect.cols).reduce((s, c) => s + (sheet.hidden("col", c) ? 0 : sheet.size("col", c)), 0);
      case "height": return range(rect.row, Math.min(rect.rows, 100000)).reduce((s, r) => s + (sheet.hidden("row", r) ? 0 : sheet.size("row", r)), 0);
    }
    return undefined;
  }

  get address(): string { return this.get("address"); }
  get addressLocal(): string { return this.get("addressLocal"); }
  get rowIndex(): number { return this.get("rowIndex"); }
  get columnIndex(): number { return this.get("columnIndex"); }
  get rowCount(): number { return this.get("rowCount"); }
  get columnCount(): number { return this.get("columnCount"); }
  get cellCount(): number { return this.get("cellCount"); }
  get isEntireRow(): boolean { return this.get("isEntireRow"); }
  get isEntireColumn(): boolean { return this.get("isEntireColumn"); }
  get text(): string[][] { return this.get("text"); }
  get valueTypes(): string[][] { return this.get("valueTypes"); }
  get hidden(): boolean { return this.get("hidden"); }
  get left(): number { return this.get("left"); }
  get top(): number { return this.get("top"); }
  get width(): number { return this.get("width"); }
  get height(): number { return this.get("height"); }

  get values(): unknown[][] { return this.get("values"); }
  set values(v: unknown) { this.writeContent("values", v); }
  get formulas(): unknown[][] { return this.get("formulas"); }
  set formulas(v: unknown) { this.writeContent("formulas", v); }
  get formulasLocal(): unknown[][] { return this.get("formulasLocal"); }
  set formulasLocal(v: unknown) { this.writeContent("formulasLocal", v); }

  private writeContent(what: string, v: unknown): void {
    this.op(what, v, ({ sheet, rect }) => {
      const grid = shapeGrid<unknown>(v, rect, what);
      const entries: (Entry | null)[][] = grid.map((row, i) => row.map((x, j) => parseApiValue(x, what, this.model.typing(sheet, rect.row + i, rect.col + j))));
      this.model.writeEntries(sheet, rect, entries, ADDIN);
    });
  }

  get numberFormat(): string[][] { return this.get("numberFormat"); }
  set numberFormat(v: unknown) { this.writeNumberFormat("numberFormat", v); }
  get numberFormatLocal(): string[][] { return this.get("numberFormatLocal"); }
  set numberFormatLocal(v: unknown) { this.writeNumberFormat("numberFormatLocal", v); }

  private writeNumberFormat(what: string, v: unknown): void {
    this.op(what, v, ({ sheet, rect }) => {
      if (!Array.isArray(v) && (isEntireColumn(rect) || isEntireRow(rect))) {
        if (typeof v !== "string") throw fail.invalidArgument(`${what}: ${JSON.stringify(v)}`);
        this.model.guard(sheet, rect, "format");
        sheet.setFormat(rect, "numberFormat", v);
        return;
      }
      const grid = shapeGrid<unknown>(v, rect, what);
      this.model.guard(sheet, rect, "format");
      for (const row of grid) for (const f of row) if (f !== null && typeof f !== "string") throw fail.invalidArgument(`${what}: ${JSON.stringify(f)}`);
      grid.forEach((row, i) => row.forEach((f, j) => {
        if (f !== null) sheet.setFormat({ row: rect.row + i, col: rect.col + j, rows: 1, cols: 1 }, "numberFormat", f as string);
      }));
    });
  }

  get rowHidden(): boolean { return this.get("rowHidden"); }
  set rowHidden(v: boolean) {
    this.op("rowHidden", v, ({ sheet, rect }) => {
      if (typeof v !== "boolean") throw fail.invalidArgument("rowHidden");
      this.model.guard(sheet, rect, "formatRows");
      sheet.setLine("row", rect.row, rect.rows, { hidden: v });
    }, "1.2");
  }
  get columnHidden(): boolean { return this.get("columnHidden"); }
  set columnHidden(v: boolean) {
    this.op("columnHidden", v, ({ sheet, rect }) => {
      if (typeof v !== "boolean") throw fail.invalidArgument("columnHidden");
      this.model.guard(sheet, rect, "formatColumns");
      sheet.setLine("col", rect.col, rect.cols, { hidden: v });
    }, "1.2");
  }

  get format(): RangeFormat {
    return (this.formatProxy ??= new RangeFormat(this.context, () => this.need(), { parent: this, path: `${this.path}.format` }));
  }
  get dataValidation(): DataValidation {
    return (this.validationProxy ??= new DataValidation(this.context, () => this.need(), { parent: this, api: "1.8", path: `${this.path}.dataValidation` }));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return (this.cfProxy ??= new ConditionalFormatCollection(this.context, () => this.need(), { parent: this, api: "1.6", path: `${this.path}.conditionalFormats` }));
  }
  get sort(): RangeSort {
    return (this.sortProxy ??= new RangeSort(this.context, () => this.need(), { parent: this, api: "1.2", path: `${this.path}.sort` }));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.need().sheet, { parent: this });
  }

  /** A range computed from this one when the batch runs. */
  derive(name: string, f: (rect: Rect, sheet: SheetModel) => Rect | null, api?: string): RangeProxy {
    const r = new RangeProxy(this.context, () => {
      if (api) this.model.requireApi(api, `Range.${name}`);
      const t = this.need();
      const rect = f(t.rect, t.sheet);
      return rect === null ? null : { sheet: t.sheet, rect: checkRect(rect, `Range.${name}`) };
    }, { parent: this, path: `${this.path}.${name}` });
    return r;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derive("getCell", (r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this.derive("getRow", (r) => (row >= 0 && row < r.rows ? { ...r, row: r.row + row, rows: 1 } : bad("getRow")));
  }
  getColumn(column: number): RangeProxy {
    return this.derive("getColumn", (r) => (column >= 0 && column < r.cols ? { ...r, col: r.col + column, cols: 1 } : bad("getColumn")));
  }
  getEntireRow(): RangeProxy {
    return this.derive("getEntireRow", (r) => ({ row: r.row, rows: r.rows, col: 0, cols: MAX_COLS }));
  }
  getEntireColumn(): RangeProxy {
    return this.derive("getEntireColumn", (r) => ({ row: 0, rows: MAX_ROWS, col: r.col, cols: r.cols }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive("getResizedRange", (r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }), "1.3");
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this.derive("getAbsoluteResizedRange", (r) => ({ ...r, rows: numRows, cols: numColumns }), "1.7");
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive("getOffsetRange", (r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }
  getLastRow(): RangeProxy {
    return this.derive("getLastRow", (r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }
  getLastColumn(): RangeProxy {
    return this.derive("getLastColumn", (r) => ({ ...r, col: r.col + r.cols - 1, cols: 1 }));
  }
  getLastCell(): RangeProxy {
    return this.derive("getLastCell", (r) => ({ row: r.row + r.rows - 1, col: r.col + r.cols - 1, rows: 1, cols: 1 }));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this.derive("getRowsAbove", (r) => ({ ...r, row: r.row - count, rows: count }), "1.2");
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derive("getRowsBelow", (r) => ({ ...r, row: r.row + r.rows, rows: count }), "1.2");
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this.derive("getColumnsBefore", (r) => ({ ...r, col: r.col - count, cols: count }), "1.2");
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derive("getColumnsAfter", (r) => ({ ...r, col: r.col + r.cols, cols: count }), "1.2");
  }
  private other(x: RangeProxy | string, sheet: SheetModel): Rect {
    if (typeof x === "string") return parseAddress(x).rect;
    const t = x.need();
    if (t.sheet !== sheet) throw fail.invalidArgument("ranges are on different sheets");
    return t.rect;
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this.derive("getIntersection", (r, s) => intersect(r, this.other(anotherRange, s)) ?? bad("getIntersection: no overlap"));
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this.derive("getIntersectionOrNullObject", (r, s) => intersect(r, this.other(anotherRange, s)), "1.4").resolveNullness();
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this.derive("getBoundingRect", (r, s) => {
      const o = this.other(anotherRange, s);
      const row = Math.min(r.row, o.row);
      const col = Math.min(r.col, o.col);
      return { row, col, rows: Math.max(r.row + r.rows, o.row + o.rows) - row, cols: Math.max(r.col + r.cols, o.col + o.cols) - col };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derive("getUsedRange", (r, s) => {
      const used = s.usedRect(valuesOnly === true);
      return (used && intersect(r, used)) ?? bad("getUsedRange: nothing used in the range");
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.derive("getUsedRangeOrNullObject", (r, s) => {
      const used = s.usedRect(valuesOnly === true);
      return used && intersect(r, used);
    }, "1.4").resolveNullness();
  }

  insert(shift: string): RangeProxy {
    this.op("insert", shift, ({ sheet, rect }) => {
      if (shift !== "Down" && shift !== "Right") throw fail.invalidArgument(`insert shift ${shift}`);
      if (shift === "Down" && isEntireRow(rect)) this.model.shiftLines(sheet, "row", rect.row, rect.rows, ADDIN);
      else if (shift === "Right" && isEntireColumn(rect)) this.model.shiftLines(sheet, "col", rect.col, rect.cols, ADDIN);
      else {
        this.model.guard(sheet, rect, shift === "Down" ? "insertRows" : "insertColumns");
        shiftBlock(sheet, rect, shift === "Down" ? "row" : "col", shift === "Down" ? rect.rows : rect.cols);
        this.model.emitChanged(sheet, rect, "RangeEdited", ADDIN);
      }
    });
    return this.derive("insert", (r) => r);
  }

  delete(shift: string): void {
    this.op("delete", shift, ({ sheet, rect }) => {
      if (shift !== "Up" && shift !== "Left") throw fail.invalidArgument(`delete shift ${shift}`);
      if (shift === "Up" && isEntireRow(rect)) this.model.shiftLines(sheet, "row", rect.row, -rect.rows, ADDIN);
      else if (shift === "Left" && isEntireColumn(rect)) this.model.shiftLines(sheet, "col", rect.col, -rect.cols, ADDIN);
      else {
        this.model.guard(sheet, rect, shift === "Up" ? "deleteRows" : "deleteColumns");
        shiftBlock(sheet, rect, shift === "Up" ? "row" : "col", shift === "Up" ? -rect.rows : -rect.cols);
        this.model.emitChanged(sheet, rect, "RangeEdited", ADDIN);
      }
    });
  }

  clear(applyTo: string = "All"): void {
    this.op("clear", applyTo, ({ sheet, rect }) => {
      if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)) throw fail.invalidArgument(`clear ${applyTo}`);
      const contents = applyTo !== "Formats";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (contents) this.model.guard(sheet, rect, "content");
      if (formats) this.model.guard(sheet, rect, "format");
      if (contents) for (const [r, c] of [...sheet.cellsIn(rect)]) sheet.setContent(r, c, undefined);
      if (formats) sheet.clearFormats(rect);
      if (contents) this.model.emitChanged(sheet, rect, "RangeEdited", ADDIN);
    });
  }

  merge(across = false): void {
    this.op("merge", across, ({ sheet, rect }) => {
      this.model.guard(sheet, rect, "merge");
      sheet.merge(rect, across);
    }, "1.2");
  }

  unmerge(): void {
    this.op("unmerge", null, ({ sheet, rect }) => {
      this.model.guard(sheet, rect, "merge");
      sheet.unmerge(rect);
    }, "1.2");
  }

  select(): void {
    this.op("select", null, ({ sheet, rect }) => this.model.select(sheet, rect));
  }

  calculate(): void {
    this.op("calculate", null, () => undefined, "1.6");
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

function bad(what: string): never {
  throw fail.invalidArgument(what);
}
