/**
 * The workbook in memory: ordered sheets, settings, selection, requirement sets, events and counters,
 * and the edits that need more than one sheet (formula values, protection, structure changes, sorting).
 * Both the proxy layer and the test "user" act through this.
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellA1, fullAddress, localAddress } from "./address";
import { type Computed, type Entry, type ErrorValue, type Typing, type ValidationSpec, apiValue, valueType } from "./cells";
import { CULTURES, type Culture, type CultureName } from "./culture";
import { ADDIN, type ChangedPayload, Counters, EventBus, type Origin } from "./events";
import { fail } from "./errors";
import { compare, evaluate, parseFormula, shiftFormula } from "./formula";
import { checkSheetName, nameKey } from "./names";
import { SheetModel, range } from "./sheet-model";

export interface WorkbookOptions {
  /** Sheet names, in order; default ["Sheet1"]. */
  sheets?: string[];
  /** Requirement sets and their highest version; default { ExcelApi: "1.17" }. */
  requirements?: Record<string, string>;
  /** Request size that fails a sync, as Excel on the web does (5 MB); Infinity to turn off. */
  maxRequestBytes?: number;
  /** Size of loaded data one sync may return (5 MB on the web). */
  maxResponseBytes?: number;
  /** Milliseconds each sync takes to cross to Excel and back (a slow or busy Excel); default 0 (a microtask). */
  syncLatencyMs?: number;
  /** The culture typing is read in (culture.ts); default "en-US". */
  culture?: CultureName;
  /** "This year", for typed dates without a year; default the clock's. */
  year?: number;
}

export type Guard =
  | "content" | "format" | "lock" | "formatRows" | "formatColumns" | "insertRows" | "insertColumns"
  | "deleteRows" | "deleteColumns" | "sort" | "objects" | "validation" | "merge";

export const FIVE_MB = 5 * 1024 * 1024;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeId: string;
  selection: { sheetId: string; rect: Rect };
  readonly settings = new Map<string, { key: string; json: string }>();
  readonly requirements: Map<string, string>;
  maxRequestBytes: number;
  maxResponseBytes: number;
  syncLatencyMs: number;
  readonly events = new EventBus();
  readonly counters = new Counters();
  /** Workbook structure protection (Review › Protect Workbook): no sheet added, deleted, renamed or moved. */
  structureProtected = false;
  /** The culture typing is read in; `application.cultureInfo` reports it. */
  culture: Culture;
  readonly year: number;
  /**
   * A person is editing a cell (typing, not yet Enter): every request fails with
   * InvalidOperationInCellEditMode, as Microsoft lists it ("Excel is in cell-editing mode. Please exit the
   * edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
   * learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  cellEditMode = false;
  private serial = 0;

  constructor(opts: WorkbookOptions = {}) {
    this.requirements = new Map(Object.entries(opts.requirements ?? { ExcelApi: "1.17" }));
    this.maxRequestBytes = opts.maxRequestBytes ?? FIVE_MB;
    this.maxResponseBytes = opts.maxResponseBytes ?? FIVE_MB;
    this.syncLatencyMs = opts.syncLatencyMs ?? 0;
    this.culture = CULTURES[opts.culture ?? "en-US"];
    this.year = opts.year ?? new Date().getFullYear();
    for (const name of opts.sheets ?? ["Sheet1"]) this.addSheet(name, null);
    this.activeId = this.sheets[0].id;
    this.selection = { sheetId: this.activeId, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  nextId(kind: string): string {
    this.serial += 1;
    return kind === "sheet"
      ? `{${this.serial.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`
      : `{${kind.toUpperCase()}-${this.serial}}`;
  }

  // ---- requirement sets ----

  isSetSupported(name: string, version?: string): boolean {
    const have = this.requirements.get(name);
    if (have === undefined) return false;
    if (version === undefined || version === "") return true;
    const a = have.split(".").map(Number);
    const b = String(version).split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return true;
  }

  requireApi(version: string, what: string): void {
    if (!this.isSetSupported("ExcelApi", version)) throw fail.apiNotFound(what, "ExcelApi", version);
  }

  // ---- sheets ----

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const key = nameKey(name);
    return this.sheets.find((s) => nameKey(s.name) === key);
  }

  private taken = (key: string, except?: SheetModel) => this.sheets.some((s) => s !== except && nameKey(s.name) === key);

  private guardStructure(what: string): void {
    if (this.structureProtected) throw fail.accessDenied(`the workbook structure is protected: ${what}`);
  }

  addSheet(name: string | undefined, origin: Origin | null): SheetModel {
    if (origin) this.guardStructure("add a sheet");
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const checked = checkSheetName(n, (k) => this.taken(k));
    const sheet = new SheetModel(this.nextId("sheet"), checked);
    this.sheets.push(sheet);
    if (origin) this.events.emit(["sheetAdded"], { type: "WorksheetAdded", worksheetId: sheet.id, source: origin.source });
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    this.guardStructure("rename a sheet");
    sheet.name = checkSheetName(name, (k) => this.taken(k, sheet));
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  deleteSheet(sheet: SheetModel, origin: Origin): void {
    this.guardStructure("delete a sheet");
    if (sheet.visibility === "Visible" && this.visibleCount() === 1) throw fail.invalidOperation("a workbook must keep one visible sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeId === sheet.id) this.activeId = (this.sheets.find((s) => s.visibility === "Visible") as SheetModel).id;
    if (this.selection.sheetId === sheet.id) this.selection = { sheetId: this.activeId, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    this.events.emit(["sheetDeleted"], { type: "WorksheetDeleted", worksheetId: sheet.id, source: origin.source });
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw fail.invalidArgument(`position ${position}`);
    this.guardStructure("move a sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, v: string): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw fail.invalidArgument(`visibility ${v}`);
    if (v !== "Visible" && sheet.visibility === "Visible" && this.visibleCount() === 1) throw fail.invalidOperation("cannot hide the last visible sheet");
    sheet.visibility = v;
    if (v !== "Visible" && this.activeId === sheet.id) this.activeId = (this.sheets.find((s) => s.visibility === "Visible") as SheetModel).id;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw fail.invalidOperation(`sheet "${sheet.name}" is hidden`);
    if (this.activeId !== sheet.id) {
      this.activeId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
      // Excel raises onActivated whoever activates the sheet (a click on its tab, or activate() from an add-in).
      this.events.emit([`activated:${sheet.id}`, "activated:*"], { type: "WorksheetActivated", worksheetId: sheet.id, source: "Local" });
    }
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.activate(sheet);
    this.selection = { sheetId: sheet.id, rect };
    this.events.emit(["selection"], { type: "WorkbookSelectionChanged", worksheetId: sheet.id, address: fullAddress(sheet.name, rect) });
  }

  // ---- values ----

  value(sheet: SheetModel, row: number, col: number, stack = new Set<string>()): Computed {
    const content = sheet.cell(row, col)?.content;
    if (!content) return null;
    if (content.kind === "value") return content.value;
    const key = `${sheet.id}|${row}|${col}`;
    // Excel shows 0 for a circular reference (after warning the user).
    if (stack.has(key)) return 0;
    stack.add(key);
    try {
      return evaluate(content.formula, (name, rect) => this.lookup(name === null ? sheet : this.sheetByName(name), rect, stack));
    } finally {
      stack.delete(key);
    }
  }

  private lookup(sheet: SheetModel | undefined, rect: Rect, stack: Set<string>): Computed[][] | ErrorValue {
    if (!sheet) return { error: "#REF!" };
    if (rect.rows * rect.cols > 1_000_000) return { error: "#VALUE!" };
    return range(rect.row, rect.rows).map((r) => range(rect.col, rect.cols).map((c) => this.value(sheet, r, c, stack)));
  }

  // ---- edits ----

  guard(sheet: SheetModel, rect: Rect, g: Guard): void {
    const { protected: on, options: o } = sheet.protection;
    if (!on) return;
    const unlocked = () => sheet.uniform(rect, (r, c) => sheet.format(r, c, "protection.locked")) === false;
    let ok: boolean;
    switch (g) {
      case "content": ok = unlocked(); break;
      case "format": ok = o.allowFormatCells === true || unlocked(); break;
      case "formatRows": ok = o.allowFormatRows === true; break;
      case "formatColumns": ok = o.allowFormatColumns === true; break;
      case "insertRows": ok = o.allowInsertRows === true; break;
      case "insertColumns": ok = o.allowInsertColumns === true; break;
      case "deleteRows": ok = o.allowDeleteRows === true && unlocked(); break;
      case "deleteColumns": ok = o.allowDeleteColumns === true && unlocked(); break;
      case "sort": ok = o.allowSort === true && unlocked(); break;
      case "objects": ok = o.allowEditObjects === true; break;
      default: ok = false;
    }
    if (!ok) throw fail.accessDenied(`sheet "${sheet.name}" is protected: ${g} at ${localAddress(rect)}`);
  }

  /** Writes parsed entries (null = leave the cell) into a rectangle of the same shape. */
  /** How text typed or written into a cell becomes a value there. */
  typing(sheet: SheetModel, row: number, col: number): Typing {
    const f = sheet.format(row, col, "numberFormat");
    return { culture: this.culture, year: this.year, numberFormat: typeof f === "string" ? f : "General" };
  }

  writeEntries(sheet: SheetModel, rect: Rect, entries: (Entry | null)[][], origin: Origin): void {
    this.guard(sheet, rect, "content");
    for (const row of entries) for (const e of row) {
      if (e?.kind === "formula" && !parseFormula(e.formula)) throw fail.invalidArgument(`formula ${JSON.stringify(e.formula)}`);
    }
    const single = rect.rows === 1 && rect.cols === 1;
    const before = single ? this.value(sheet, rect.row, rect.col) : null;
    entries.forEach((line, i) => line.forEach((e, j) => {
      if (!e) return;
      const r = rect.row + i;
      const c = rect.col + j;
      if (e.kind === "clear") sheet.setContent(r, c, undefined);
      else if (e.kind === "formula") sheet.setContent(r, c, { kind: "formula", formula: e.formula });
      else {
        sheet.setContent(r, c, { kind: "value", value: e.value });
        if (e.autoFormat && (e.date || sheet.format(r, c, "numberFormat") === "General")) sheet.setFormat({ row: r, col: c, rows: 1, cols: 1 }, "numberFormat", e.autoFormat);
      }
    }));
    const details = single ? this.details(before, this.value(sheet, rect.row, rect.col)) : null;
    this.emitChanged(sheet, rect, "RangeEdited", origin, details);
  }

  private details(before: Computed, after: Computed): Excel.ChangedEventDetail {
    return {
      valueBefore: apiValue(before), valueAfter: apiValue(after),
      valueTypeBefore: valueType(before) as Excel.RangeValueType, valueTypeAfter: valueType(after) as Excel.RangeValueType,
    } as Excel.ChangedEventDetail;
  }

  emitChanged(sheet: SheetModel, rect: Rect, changeType: ChangedPayload["changeType"], origin: Origin, details: Excel.ChangedEventDetail | null = null): void {
    this.events.emit([`changed:${sheet.id}`, "changed:*"], {
      type: "WorksheetChanged", worksheetId: sheet.id, address: localAddress(rect), changeType,
      source: origin.source, triggerSource: origin.trigger, details,
    });
  }

  /** Inserts (count > 0) or deletes (count < 0) whole rows or columns, fixing formulas on every sheet. */
  shiftLines(sheet: SheetModel, axis: "row" | "col", at: number, count: number, origin: Origin): void {
    const rect: Rect = axis === "row"
      ? { row: at, col: 0, rows: Math.abs(count), cols: MAX_COLS }
      : { row: 0, col: at, rows: MAX_ROWS, cols: Math.abs(count) };
    const g = count > 0 ? (axis === "row" ? "insertRows" : "insertColumns") : axis === "row" ? "deleteRows" : "deleteColumns";
    this.guard(sheet, rect, g);
    if (count > 0) {
      const used = axis === "row" ? Math.max(-1, ...sheet.cells.keys()) : Math.max(-1, ...[...sheet.cells.values()].flatMap((l) => [...l.keys()]));
      if (used + count >= (axis === "row" ? MAX_ROWS : MAX_COLS)) throw fail.invalidOperation("cells would be pushed off the sheet");
    }
    const specs = new Set<ValidationSpec>();
    for (const line of sheet.cells.values()) for (const cell of line.values()) if (cell.validation) specs.add(cell.validation);
    sheet.shift(axis, at, count);
    for (const spec of specs) {
      const k = axis === "row" ? "row" : "col";
      if (spec.anchor[k] >= at) spec.anchor = { ...spec.anchor, [k]: Math.max(at, spec.anchor[k] + count) };
    }
    for (const s of this.sheets) {
      for (const line of s.cells.values()) for (const cell of line.values()) {
        if (cell.content?.kind === "formula") {
          cell.content = { kind: "formula", formula: shiftFormula(cell.content.formula, s.name, sheet.name, axis, at, count, (a, b) => nameKey(a) === nameKey(b)) };
        }
      }
      for (const ch of s.charts) {
        if (ch.sourceSheetId !== sheet.id) continue;
        const k = axis === "row" ? "row" : "col";
        const n = axis === "row" ? "rows" : "cols";
        if (ch.source[k] >= at) ch.source = { ...ch.source, [k]: Math.max(at, ch.source[k] + count) };
        else if (ch.source[k] + ch.source[n] > at) ch.source = { ...ch.source, [n]: Math.max(1, ch.source[n] + count) };
      }
    }
    const type = axis === "row" ? (count > 0 ? "RowInserted" : "RowDeleted") : count > 0 ? "ColumnInserted" : "ColumnDeleted";
    this.emitChanged(sheet, rect, type, origin);
  }

  /** Sorts the rows of a rectangle by columns counted from its left edge, as Range.sort.apply does. */
  sortRows(sheet: SheetModel, rect: Rect, fields: { key: number; ascending: boolean }[], hasHeaders: boolean, origin: Origin = ADDIN): void {
    this.guard(sheet, rect, "sort");
    for (const f of fields) if (!Number.isInteger(f.key) || f.key < 0 || f.key >= rect.cols) throw fail.invalidArgument(`sort key ${f.key}`);
    const body: Rect = hasHeaders ? { ...rect, row: rect.row + 1, rows: rect.rows - 1 } : rect;
    if (body.rows < 2) return;
    const keyOf = (i: number) => fields.map((f) => this.value(sheet, body.row + i, body.col + f.key));
    const rows = range(0, body.rows).map((i) => ({ i, keys: keyOf(i) }));
    rows.sort((a, b) => {
      for (let k = 0; k < fields.length; k++) {
        const x = a.keys[k];
        const y = b.keys[k];
        // Blanks go last whichever the direction; errors after everything else.
        if (x === null || y === null) { if (x !== y) return x === null ? 1 : -1; continue; }
        const ex = typeof x === "object";
        const ey = typeof y === "object";
        if (ex || ey) { if (ex !== ey) return ex ? 1 : -1; continue; }
        const c = compare(x, y);
        if (c !== 0) return fields[k].ascending ? c : -c;
      }
      return a.i - b.i;
    });
    sheet.permuteRows(body, rows.map((r) => r.i));
    this.emitChanged(sheet, body, "RangeEdited", origin);
  }

  describe(sheet: SheetModel, row: number, col: number): string {
    return `${sheet.name}!${cellA1(row, col)}`;
  }
}
