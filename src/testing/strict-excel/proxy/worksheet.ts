/** Worksheet, WorksheetCollection, protection and frozen panes. */
import { MAX_COLS, MAX_ROWS, type Rect, checkRect, parseAddress } from "../address";
import { normalizeColor } from "../cells";
import { fail } from "../errors";
import { ADDIN } from "../events";
import { nameKey } from "../names";
import type { SheetModel } from "../sheet-model";
import { ClientObjectBase, type ClientResult, CollectionBase, type ProxyOptions, queueResult } from "./client-object";
import type { StrictRequestContext } from "./context";
import { type ChangedArgs, EventHandlers, changedArgs } from "./events";
import { RangeProxy } from "./range";
import { ChartCollection, PageLayout } from "./sheet-extras";

/** A range of `sheet` given by an address (sheet-qualified only if it names this sheet). */
export function rectOn(sheet: SheetModel, address: string): Rect {
  const { sheet: name, rect } = parseAddress(address);
  if (name !== null && nameKey(name) !== nameKey(sheet.name)) throw fail.invalidArgument(`address ${address} is not on sheet "${sheet.name}"`);
  return rect;
}

export class WorksheetProxy extends ClientObjectBase<SheetModel> {
  protected readonly props: Record<string, string | null> = {
    id: null, name: null, position: null, visibility: null, tabColor: "1.7", standardWidth: null, standardHeight: "1.7",
    showGridlines: "1.8", showHeadings: "1.8", enableCalculation: "1.9",
  };
  private parts: Partial<{ protection: WorksheetProtection; freezePanes: FreezePanes; pageLayout: PageLayout; charts: ChartCollection }> = {};
  private handlers: Partial<Record<string, EventHandlers<unknown>>> = {};

  constructor(context: StrictRequestContext, locate: () => SheetModel | null, opts: ProxyOptions = {}) {
    super(context, locate, { path: "Worksheet", ...opts });
  }

  protected override alive(s: SheetModel): boolean {
    return this.model.sheets.includes(s);
  }

  protected override child(name: string): ClientObjectBase<unknown> | null {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "charts") return this.charts;
    if (name === "freezePanes") return this.freezePanes;
    return null;
  }

  protected read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "id": return s.id;
      case "name": return s.name;
      case "position": return this.model.sheets.indexOf(s);
      case "visibility": return s.visibility;
      case "tabColor": return s.tabColor;
      case "standardWidth": return 8.43;
      case "standardHeight": return 15;
      case "showGridlines":
      case "showHeadings":
      case "enableCalculation": return true;
    }
    return undefined;
  }

  get id(): string { return this.get("id"); }
  get name(): string { return this.get("name"); }
  set name(v: string) { this.op("name", v, (s) => this.model.renameSheet(s, v)); }
  get position(): number { return this.get("position"); }
  set position(v: number) { this.op("position", v, (s) => this.model.moveSheet(s, v)); }
  get visibility(): string { return this.get("visibility"); }
  set visibility(v: string) { this.op("visibility", v, (s) => this.model.setVisibility(s, v)); }
  get tabColor(): string { return this.get("tabColor"); }
  set tabColor(v: string) { this.op("tabColor", v, (s) => void (s.tabColor = v === "" ? "" : normalizeColor(v, "tabColor")), "1.7"); }
  get standardWidth(): number { return this.get("standardWidth"); }
  get standardHeight(): number { return this.get("standardHeight"); }
  get showGridlines(): boolean { return this.get("showGridlines"); }
  set showGridlines(v: boolean) { this.op("showGridlines", v, () => undefined, "1.8"); }

  get protection(): WorksheetProtection {
    return (this.parts.protection ??= new WorksheetProtection(this.context, () => this.need(), { parent: this, api: "1.2", path: `${this.path}.protection` }));
  }
  get freezePanes(): FreezePanes {
    return (this.parts.freezePanes ??= new FreezePanes(this.context, () => this.need(), { parent: this, api: "1.7", path: `${this.path}.freezePanes` }));
  }
  get pageLayout(): PageLayout {
    return (this.parts.pageLayout ??= new PageLayout(this.context, () => this.need(), { parent: this, api: "1.9", path: `${this.path}.pageLayout` }));
  }
  get charts(): ChartCollection {
    return (this.parts.charts ??= new ChartCollection(this.context, () => this.need(), { parent: this, api: "1.1", path: `${this.path}.charts` }));
  }

  private range(name: string, f: (s: SheetModel) => Rect | null, api?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (api) this.model.requireApi(api, `Worksheet.${name}`);
      const s = this.need();
      const rect = f(s);
      return rect === null ? null : { sheet: s, rect };
    }, { parent: this, path: `${this.path}.${name}` });
  }

  getRange(address?: string): RangeProxy {
    return this.range(`getRange(${address ?? ""})`, (s) => (address === undefined || address === "" ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : rectOn(s, address)));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range("getRangeByIndexes", () => checkRect({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }, "getRangeByIndexes"), "1.7");
  }
  getCell(row: number, column: number): RangeProxy {
    return this.range("getCell", () => checkRect({ row, col: column, rows: 1, cols: 1 }, "getCell"));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    // An empty sheet's used range is A1.
    return this.range("getUsedRange", (s) => s.usedRect(valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range("getUsedRangeOrNullObject", (s) => s.usedRect(valuesOnly === true), "1.4").resolveNullness();
  }

  activate(): void {
    this.op("activate", null, (s) => this.model.activate(s));
  }
  delete(): void {
    this.op("delete", null, (s) => this.model.deleteSheet(s, ADDIN));
  }
  calculate(_markAllDirty?: boolean): void {
    this.op("calculate", null, () => undefined, "1.6");
  }

  private events<T>(name: string, api: string, channel: (s: SheetModel) => string, toArgs: (p: Parameters<typeof changedArgs>[0]) => T | null): EventHandlers<T> {
    return (this.handlers[name] ??= new EventHandlers<T>(this.context, this, name, api, () => channel(this.need()), toArgs) as EventHandlers<unknown>) as EventHandlers<T>;
  }
  get onChanged(): EventHandlers<ChangedArgs> {
    return this.events("onChanged", "1.7", (s) => `changed:${s.id}`, changedArgs);
  }
  /** Worksheet.onActivated (ExcelApi 1.7): "Occurs when the worksheet is activated" — by the user's click on its tab or by `activate()`. */
  get onActivated(): EventHandlers<{ type: string; worksheetId: string }> {
    return this.events<{ type: string; worksheetId: string }>("onActivated", "1.7", (s) => `activated:${s.id}`, (p) => (p.type === "WorksheetActivated" ? { type: p.type, worksheetId: p.worksheetId } : null));
  }
  get onSelectionChanged(): EventHandlers<{ address: string; worksheetId: string; type: string }> {
    return this.events("onSelectionChanged", "1.7", () => "selection", (p) => {
      if (p.type !== "WorkbookSelectionChanged") return null;
      const local = p.address.slice(p.address.lastIndexOf("!") + 1);
      return { type: "WorksheetSelectionChanged", worksheetId: p.worksheetId, address: local };
    });
  }
}

export class WorksheetCollection extends CollectionBase<WorksheetProxy, SheetModel> {
  private handlers: Partial<Record<string, EventHandlers<unknown>>> = {};

  constructor(context: StrictRequestContext) {
    super(context, () => context.model.sheets, { path: "WorksheetCollection" });
  }

  protected makeItem(s: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, () => s, { parent: this, path: `Worksheet(${s.name})` });
  }

  private find(key: string): SheetModel | null {
    return this.model.sheets.find((s) => s.id === key) ?? this.model.sheetByName(key) ?? null;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.find(key);
      if (!s) throw fail.notFound(`worksheet "${key}"`);
      return s;
    }, { parent: this, path: `Worksheet(${key})` });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      this.model.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
      return this.find(key);
    }, { parent: this, path: `Worksheet(${key})?` }).resolveNullness();
  }

  add(name?: string): WorksheetProxy {
    let made: SheetModel | null = null;
    this.op("add", name ?? null, () => {
      made = this.model.addSheet(name, ADDIN);
    });
    return new WorksheetProxy(this.context, () => {
      if (!made) throw fail.notFound("the sheet was not added");
      return made;
    }, { parent: this, path: `Worksheet(${name ?? "new"})` });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheetById(this.model.activeId) ?? null, { parent: this, path: "ActiveWorksheet" });
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible")[0], { parent: this, api: "1.5" });
  }

  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").slice(-1)[0], { parent: this, api: "1.5" });
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return queueResult(this.context, "WorksheetCollection.getCount", () => {
      this.model.requireApi("1.4", "WorksheetCollection.getCount");
      return this.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length;
    });
  }

  private events<T>(name: string, api: string, channel: string, toArgs: (p: Parameters<typeof changedArgs>[0]) => T | null): EventHandlers<T> {
    return (this.handlers[name] ??= new EventHandlers<T>(this.context, this, name, api, () => channel, toArgs) as EventHandlers<unknown>) as EventHandlers<T>;
  }
  get onChanged(): EventHandlers<ChangedArgs> {
    return this.events("onChanged", "1.9", "changed:*", changedArgs);
  }
  /** WorksheetCollection.onActivated (ExcelApi 1.7): any sheet of the workbook activated. */
  get onActivated(): EventHandlers<{ type: string; worksheetId: string }> {
    return this.events<{ type: string; worksheetId: string }>("onActivated", "1.7", "activated:*", (p) => (p.type === "WorksheetActivated" ? { type: p.type, worksheetId: p.worksheetId } : null));
  }
  get onAdded(): EventHandlers<{ type: string; worksheetId: string; source: string }> {
    return this.events<{ type: string; worksheetId: string; source: string }>("onAdded", "1.7", "sheetAdded", (p) => (p.type === "WorksheetAdded" ? { ...p } : null));
  }
  get onDeleted(): EventHandlers<{ type: string; worksheetId: string; source: string }> {
    return this.events<{ type: string; worksheetId: string; source: string }>("onDeleted", "1.7", "sheetDeleted", (p) => (p.type === "WorksheetDeleted" ? { ...p } : null));
  }
}

export class WorksheetProtection extends ClientObjectBase<SheetModel> {
  protected readonly props = { protected: null, options: null };
  private static passwords = new WeakMap<SheetModel, string>();

  protected read(s: SheetModel, prop: string): unknown {
    return prop === "protected" ? s.protection.protected : { ...s.protection.options };
  }
  get protected(): boolean { return this.get("protected"); }
  get options(): Excel.WorksheetProtectionOptions { return this.get("options"); }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.op("protect", { options, password: password === undefined ? undefined : "***" }, (s) => {
      if (s.protection.protected) throw fail.invalidOperation(`sheet "${s.name}" is already protected`);
      s.protection = { protected: true, options: { ...(options ?? {}) } };
      if (password) WorksheetProtection.passwords.set(s, password);
    });
  }

  unprotect(password?: string): void {
    this.op("unprotect", null, (s) => {
      const expected = WorksheetProtection.passwords.get(s);
      if (s.protection.protected && expected !== undefined && expected !== password) throw fail.invalidArgument("wrong password");
      s.protection = { protected: false, options: s.protection.options };
      WorksheetProtection.passwords.delete(s);
    });
  }
}

export class FreezePanes extends ClientObjectBase<SheetModel> {
  protected readonly props = {};
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.op("freezeRows", count, (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw fail.invalidArgument(`freezeRows(${count})`);
      s.frozen = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.op("freezeColumns", count, (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) throw fail.invalidArgument(`freezeColumns(${count})`);
      s.frozen = { rows: 0, cols: count };
    });
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this.op("freezeAt", typeof frozenRange === "string" ? frozenRange : "range", (s) => {
      const rect = typeof frozenRange === "string" ? rectOn(s, frozenRange) : frozenRange.need().rect;
      s.frozen = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }
  unfreeze(): void {
    this.op("unfreeze", null, (s) => void (s.frozen = { rows: 0, cols: 0 }));
  }
  private location(name: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.need();
      const { rows, cols } = s.frozen;
      if (rows === 0 && cols === 0) return null;
      const rect = rows && cols ? { row: 0, col: 0, rows, cols } : rows ? { row: 0, col: 0, rows, cols: MAX_COLS } : { row: 0, col: 0, rows: MAX_ROWS, cols };
      return { sheet: s, rect };
    }, { parent: this, path: `${this.path}.${name}` });
  }
  getLocation(): RangeProxy {
    return this.location("getLocation");
  }
  getLocationOrNullObject(): RangeProxy {
    return this.location("getLocationOrNullObject").resolveNullness();
  }
}
