/**
 * A person at the keyboard (or a co-author), acting between the add-in's batches without proxies:
 * typing as Excel reads it in the workbook's culture, sorting, inserting and deleting lines, renaming and protecting
 * sheets. Each action raises the events Excel would. Plus read-only views for assertions.
 */
import { MAX_COLS, type Rect, colLetters, fullAddress, lettersCol, localAddress, parseAddress } from "./address";
import { type Computed, type FormatKey, apiValue, isError, parseTyped, valueType } from "./cells";
import { StrictExcelError, fail } from "./errors";
import { type Origin, REMOTE, USER } from "./events";
import { parseFormula } from "./formula";
import { displayText } from "./number-format";
import { type SheetModel, range } from "./sheet-model";
import { cellValid, ruleKind, RULE_TYPE } from "./validation";
import type { WorkbookModel } from "./workbook-model";

/** Excel refused what the user tried (a protected cell, a Stop validation alert, a broken formula). */
export class UserActionRefused extends Error {
  override readonly name = "UserActionRefused";
  constructor(readonly reason: "protected" | "validation" | "formula", message: string) {
    super(message);
  }
}

export interface CellInfo {
  value: string | number | boolean;
  formula: string | null;
  text: string;
  type: string;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fill: string;
  horizontalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
  format: Record<string, unknown>;
  validation: { type: string; rule: Excel.DataValidationRule; errorAlert: Excel.DataValidationErrorAlert } | null;
  valid: boolean;
  rowHidden: boolean;
  columnHidden: boolean;
  merged: string | null;
}

export class User {
  constructor(private readonly wb: WorkbookModel) {}

  private sheet(name: string): SheetModel {
    const s = this.wb.sheetByName(name);
    if (!s) throw fail.notFound(`test: no sheet "${name}"`);
    return s;
  }

  private cellRect(a1: string): Rect {
    const { rect } = parseAddress(a1);
    if (rect.rows * rect.cols > 1_000_000) throw new Error(`test: ${a1} is too large`);
    return rect;
  }

  /** Typing `text` into a cell and pressing Enter. */
  type(sheet: string, a1: string, text: string): void {
    this.enter(this.sheet(sheet), a1, text, USER, true);
  }

  /** Starts editing a cell (typing, no Enter yet): the add-in's requests fail until `finishEditing`. */
  startEditing(): void {
    this.wb.cellEditMode = true;
  }

  finishEditing(): void {
    this.wb.cellEditMode = false;
  }

  /** A co-author's edit arriving (source "Remote"). */
  remoteEdit(sheet: string, a1: string, text: string): void {
    this.enter(this.sheet(sheet), a1, text, REMOTE, false);
  }

  private enter(s: SheetModel, a1: string, text: string, origin: Origin, validate: boolean): void {
    const rect = this.cellRect(a1);
    const { row, col } = rect;
    try {
      this.wb.guard(s, { row, col, rows: 1, cols: 1 }, "content");
    } catch (e) {
      throw new UserActionRefused("protected", `${a1} on "${s.name}" is locked: ${(e as Error).message}`);
    }
    const entry = parseTyped(text, this.wb.typing(s, row, col));
    if (entry.kind === "formula" && !parseFormula(entry.formula)) throw new UserActionRefused("formula", `Excel rejects the formula ${text}`);
    const spec = validate && entry.kind !== "clear" ? s.validation(row, col) : undefined;
    if (spec && entry.kind !== "clear" && spec.errorAlert.showAlert && spec.errorAlert.style === "Stop") {
      // Excel checks the entry before accepting it: try it, look, put the old content back.
      const before = s.cell(row, col)?.content;
      s.setContent(row, col, entry.kind === "formula" ? { kind: "formula", formula: entry.formula } : { kind: "value", value: entry.value });
      const ok = cellValid(this.wb, s, row, col);
      s.setContent(row, col, before);
      if (!ok) throw new UserActionRefused("validation", `Excel refused "${text}" in ${a1}: ${spec.errorAlert.message || "data validation"}`);
    }
    this.wb.writeEntries(s, { row, col, rows: 1, cols: 1 }, [[entry]], origin);
  }

  /** Selecting rows firstRow..lastRow (1-based, whole used width) and sorting by a column. */
  sortRows(sheet: string, firstRow: number, lastRow: number, byColumn: string | number, ascending = true): void {
    const s = this.sheet(sheet);
    const used = s.usedRect(false);
    const width = used ? used.col + used.cols : 1;
    const key = typeof byColumn === "number" ? byColumn - 1 : lettersCol(byColumn);
    const rect = { row: firstRow - 1, rows: lastRow - firstRow + 1, col: 0, cols: Math.max(width, key + 1) };
    this.wb.sortRows(s, rect, [{ key, ascending }], false, USER);
  }

  /** Right-click → Insert on `count` whole rows starting at row `at` (1-based). */
  insertRows(sheet: string, at: number, count = 1): void {
    this.wb.shiftLines(this.sheet(sheet), "row", at - 1, count, USER);
  }

  deleteRows(sheet: string, at: number, count = 1): void {
    this.wb.shiftLines(this.sheet(sheet), "row", at - 1, -count, USER);
  }

  /** `at` is a column letter ("C") or a 1-based number. */
  insertColumns(sheet: string, at: string | number, count = 1): void {
    this.wb.shiftLines(this.sheet(sheet), "col", colIndex(at), count, USER);
  }

  deleteColumns(sheet: string, at: string | number, count = 1): void {
    this.wb.shiftLines(this.sheet(sheet), "col", colIndex(at), -count, USER);
  }

  hideColumns(sheet: string, address: string, hidden = true): void {
    const s = this.sheet(sheet);
    const { rect } = parseAddress(address);
    this.wb.guard(s, rect, "formatColumns");
    s.setLine("col", rect.col, rect.cols, { hidden });
  }

  hideRows(sheet: string, address: string, hidden = true): void {
    const s = this.sheet(sheet);
    const { rect } = parseAddress(address);
    this.wb.guard(s, rect, "formatRows");
    s.setLine("row", rect.row, rect.rows, { hidden });
  }

  renameSheet(oldName: string, newName: string): void {
    this.wb.renameSheet(this.sheet(oldName), newName);
  }

  addSheet(name?: string): string {
    return this.wb.addSheet(name, USER).name;
  }

  deleteSheet(name: string): void {
    this.wb.deleteSheet(this.sheet(name), USER);
  }

  protect(sheet: string, options: Excel.WorksheetProtectionOptions = {}): void {
    this.sheet(sheet).protection = { protected: true, options: { ...options } };
  }

  /** Review › Protect Workbook (structure): sheets can no longer be added, deleted, renamed or moved. */
  protectWorkbook(on = true): void {
    this.wb.structureProtected = on;
  }

  unprotect(sheet: string): void {
    const s = this.sheet(sheet);
    s.protection = { protected: false, options: s.protection.options };
  }

  /** A click on the sheet's tab: the sheet becomes the active one (onActivated is raised when it was not). */
  activate(sheet: string): void {
    this.wb.activate(this.sheet(sheet));
  }

  select(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    this.wb.select(s, parseAddress(address).rect);
  }

  /** Changing a format by hand (the Home tab), e.g. format(sheet, "A1:B2", "font.bold", true). */
  format(sheet: string, address: string, key: FormatKey, value: string | number | boolean): void {
    const s = this.sheet(sheet);
    const { rect } = parseAddress(address);
    this.wb.guard(s, rect, key.startsWith("protection.") ? "lock" : "format");
    s.setFormat(rect, key, value);
  }

  // ---- looking ----

  cell(sheet: string, a1: string): CellInfo {
    const s = this.sheet(sheet);
    const { row, col } = this.cellRect(a1);
    const v: Computed = this.wb.value(s, row, col);
    const content = s.cell(row, col)?.content;
    const f = (k: FormatKey) => s.format(row, col, k);
    const spec = s.validation(row, col);
    const merged = s.mergedAt(row, col);
    const format = Object.fromEntries(
      (["font.name", "font.size", "font.bold", "font.italic", "font.color", "fill.color", "wrapText", "horizontalAlignment", "verticalAlignment",
        "indentLevel", "protection.locked", "numberFormat", "border.EdgeTop.style", "border.EdgeBottom.style", "border.EdgeLeft.style", "border.EdgeRight.style"] as FormatKey[])
        .map((k) => [k, f(k)]),
    );
    return {
      value: apiValue(v),
      formula: content?.kind === "formula" ? content.formula : null,
      text: displayText(v, String(f("numberFormat"))),
      type: valueType(v),
      numberFormat: String(f("numberFormat")),
      bold: f("font.bold") === true,
      italic: f("font.italic") === true,
      fontColor: String(f("font.color")),
      fill: String(f("fill.color")),
      horizontalAlignment: String(f("horizontalAlignment")),
      wrapText: f("wrapText") === true,
      indentLevel: Number(f("indentLevel")),
      locked: f("protection.locked") === true,
      format,
      validation: spec ? { type: Object.keys(spec.rule).length ? RULE_TYPE[ruleKind(spec)] : "None", rule: spec.rule, errorAlert: spec.errorAlert } : null,
      valid: cellValid(this.wb, s, row, col),
      rowHidden: s.hidden("row", row),
      columnHidden: s.hidden("col", col),
      merged: merged ? localAddress(merged) : null,
    };
  }

  sheetNames(): string[] {
    return this.wb.sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return (this.wb.sheetById(this.wb.activeId) as SheetModel).name;
  }

  selection(): string {
    const s = this.wb.sheetById(this.wb.selection.sheetId) as SheetModel;
    return fullAddress(s.name, this.wb.selection.rect);
  }

  /** Values of the used range (values only), or of `address`; errors as their text. */
  grid(sheet: string, address?: string): (string | number | boolean)[][] {
    const s = this.sheet(sheet);
    const rect = address ? parseAddress(address).rect : s.usedRect(true);
    if (!rect) return [];
    return range(rect.row, rect.rows).map((r) => range(rect.col, rect.cols).map((c) => {
      const v = this.wb.value(s, r, c);
      return isError(v) ? v.error : apiValue(v);
    }));
  }

  /** Everything about a sheet that is not a cell. */
  sheetInfo(sheet: string) {
    const s = this.sheet(sheet);
    const hidden = (axis: "row" | "col") =>
      [...(axis === "row" ? s.rowAttr : s.colAttr)].filter(([, a]) => a.hidden).map(([i]) => (axis === "row" ? String(i + 1) : colLetters(i))).sort();
    return {
      id: s.id,
      name: s.name,
      position: this.wb.sheets.indexOf(s),
      visibility: s.visibility,
      tabColor: s.tabColor,
      protection: { protected: s.protection.protected, options: { ...s.protection.options } },
      frozen: { ...s.frozen },
      pageLayout: {
        ...s.pageLayout,
        printTitleRows: s.pageLayout.printTitleRows && localAddress(s.pageLayout.printTitleRows),
        printArea: s.pageLayout.printArea && localAddress(s.pageLayout.printArea),
      },
      charts: s.charts.map((c) => ({
        name: c.name, type: c.type, title: c.title, seriesBy: c.seriesBy, position: c.position,
        source: fullAddress((this.wb.sheetById(c.sourceSheetId) as SheetModel).name, c.source),
        seriesFill: { ...c.seriesFill }, pointFill: { ...c.pointFill },
      })),
      conditionalFormats: s.condFormats.map((cf) => ({ address: localAddress(cf.rect), type: cf.type, rule: cf.rule, format: { ...cf.format } })),
      merges: s.merges.map(localAddress),
      hiddenRows: hidden("row"),
      hiddenColumns: hidden("col"),
      columnWidths: Object.fromEntries([...s.colAttr].filter(([, a]) => a.size !== undefined).map(([i, a]) => [colLetters(i), a.size as number])),
      rowHeights: Object.fromEntries([...s.rowAttr].filter(([, a]) => a.size !== undefined).map(([i, a]) => [String(i + 1), a.size as number])),
    };
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.wb.settings.values()].map((s) => [s.key, JSON.parse(s.json) as unknown]));
  }
}

function colIndex(at: string | number): number {
  const i = typeof at === "number" ? at - 1 : lettersCol(at);
  if (i < 0 || i >= MAX_COLS) throw new StrictExcelError("InvalidArgument", `test: column ${at}`);
  return i;
}
