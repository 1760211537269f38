/** Workbook, its selection, and the add-in's settings. */
import { fail } from "../errors";
import { ClientObjectBase, type ClientResult, CollectionBase, type ProxyOptions, queueResult } from "./client-object";
import type { StrictRequestContext } from "./context";
import { EventHandlers } from "./events";
import { RangeProxy } from "./range";
import { WorksheetCollection } from "./worksheet";

export class WorkbookProxy extends ClientObjectBase<true> {
  protected readonly props: Record<string, string | null> = { name: "1.7", readOnly: "1.8", isDirty: "1.9" };
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  private selectionHandlers?: EventHandlers<{ type: string; workbook: WorkbookProxy }>;
  private protectionProxy?: WorkbookProtection;

  constructor(context: StrictRequestContext) {
    super(context, () => true, { path: "Workbook" });
    this.worksheets = new WorksheetCollection(context);
    this.settings = new SettingCollection(context, { parent: this, api: "1.4", path: "SettingCollection" });
  }

  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "worksheets" ? this.worksheets : name === "settings" ? this.settings : name === "protection" ? this.protection : null;
  }

  protected read(_t: true, prop: string): unknown {
    return prop === "name" ? "Book1.xlsx" : false;
  }
  get name(): string { return this.get("name"); }
  get readOnly(): boolean { return this.get("readOnly"); }

  get protection(): WorkbookProtection {
    return (this.protectionProxy ??= new WorkbookProtection(this.context, () => true, { parent: this, api: "1.7", path: "Workbook.protection" }));
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheetId, rect } = this.model.selection;
      const sheet = this.model.sheetById(sheetId);
      if (!sheet) throw fail.notFound("selection");
      return { sheet, rect };
    }, { parent: this, path: "SelectedRange" });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      this.model.requireApi("1.7", "Workbook.getActiveCell");
      const { sheetId, rect } = this.model.selection;
      const sheet = this.model.sheetById(sheetId);
      if (!sheet) throw fail.notFound("active cell");
      return { sheet, rect: { row: rect.row, col: rect.col, rows: 1, cols: 1 } };
    }, { parent: this, path: "ActiveCell" });
  }

  get onSelectionChanged(): EventHandlers<{ type: string; workbook: WorkbookProxy }> {
    return (this.selectionHandlers ??= new EventHandlers<{ type: string; workbook: WorkbookProxy }>(this.context, this, "onSelectionChanged", "1.2", () => "selection", (p) =>
      p.type === "WorkbookSelectionChanged" ? { type: p.type, workbook: this } : null));
  }
}

/** Structure protection of the workbook (ExcelApi 1.7); read-only here, the user turns it on. */
export class WorkbookProtection extends ClientObjectBase<true> {
  protected readonly props: Record<string, string | null> = { protected: null };
  protected read(_t: true, _prop: string): unknown {
    return this.model.structureProtected;
  }
  get protected(): boolean { return this.get("protected"); }
}

interface SettingTarget {
  key: string;
}

export class SettingCollection extends CollectionBase<Setting, SettingTarget> {
  constructor(context: StrictRequestContext, opts: ProxyOptions) {
    super(context, () => [...context.model.settings.values()].map((s) => ({ key: s.key })), opts);
  }

  protected makeItem(t: SettingTarget): Setting {
    return new Setting(this.context, () => t, { parent: this, path: `Setting(${t.key})` });
  }

  add(key: string, value: unknown): Setting {
    this.op("add", { key, value }, () => {
      if (typeof key !== "string" || key === "" || key.length > 255) throw fail.invalidArgument(`setting key ${JSON.stringify(key)}`);
      this.model.settings.set(key, { key, json: settingJson(value) });
    });
    return this.getItem(key);
  }

  getItem(key: string): Setting {
    return new Setting(this.context, () => {
      if (!this.model.settings.has(key)) throw fail.notFound(`setting "${key}"`);
      return { key };
    }, { parent: this, path: `Setting(${key})` });
  }

  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, () => (this.model.settings.has(key) ? { key } : null), { parent: this, path: `Setting(${key})?` }).resolveNullness();
  }

  getCount(): ClientResult<number> {
    return queueResult(this.context, "SettingCollection.getCount", () => {
      this.need();
      return this.model.settings.size;
    });
  }
}

/** Settings hold JSON: what JSON cannot carry is refused rather than silently changed. */
function settingJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined || (typeof value === "number" && !Number.isFinite(value))) throw fail.invalidArgument("setting value is not JSON");
  if (value instanceof Date) return json;
  const back = JSON.parse(json) as unknown;
  if (JSON.stringify(back) !== json) throw fail.invalidArgument("setting value is not JSON");
  return json;
}

export class Setting extends ClientObjectBase<SettingTarget> {
  protected readonly props = { key: null, value: null };

  protected override alive(t: SettingTarget): boolean {
    return this.model.settings.has(t.key);
  }

  protected read(t: SettingTarget, prop: string): unknown {
    if (prop === "key") return t.key;
    const s = this.model.settings.get(t.key);
    return s ? (JSON.parse(s.json) as unknown) : null;
  }

  get key(): string { return this.get("key"); }
  get value(): unknown { return this.get("value"); }
  set value(v: unknown) {
    this.op("value", v, (t) => void this.model.settings.set(t.key, { key: t.key, json: settingJson(v) }));
  }

  delete(): void {
    this.op("delete", null, (t) => void this.model.settings.delete(t.key));
  }
}
