/**
 * Sheet layouts as data. Three consumers apply them: the ExcelJS host (`src/hosts/xlsx`), the Office.js host
 * (`src/hosts/excel`) and the browser pane (previews). So everything here is JSON-like: no functions, no host
 * types, colours as "RRGGBB", widths in Excel character units, number formats as en-US format codes,
 * margins in millimetres. Hosts translate; they decide nothing about content.
 */

/** What a cell holds. Figures are JS numbers; text stays text even when it looks like a formula. */
export type CellValue = string | number | null;

export type HAlign = "left" | "center" | "right" | "justify";
export type VAlign = "top" | "middle" | "bottom";

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** "RRGGBB". */
  color?: string;
}

/** A partial format: later formats in a list override only the fields they set. */
export interface CellFormat {
  font?: FontSpec;
  /** Solid fill colour "RRGGBB". */
  fill?: string;
  /** en-US format code ("#,##0.00", "@" for text, "0.0"); Excel shows it in the user's locale. */
  numberFormat?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /**
   * Indent level (1 = one step). Office.js `indentLevel` needs ExcelApi 1.9: a host without it
   * may fall back to leading spaces; the level is the intent, the means are the host's.
   */
  indent?: number;
  /** Thin borders on every edge of every cell of the area. */
  border?: "thin" | "none";
  /** Whether the cell stays locked when the user turns sheet protection on. */
  locked?: boolean;
}

/** A data validation rule as data. Excel's rule types, minus what no layout here needs. */
export type ValidationRule =
  | { kind: "list"; values: string[] }
  | { kind: "decimal"; min?: number; max?: number }
  | { kind: "whole"; min?: number; max?: number }
  | { kind: "textLength"; max: number; min?: number };

export interface DataValidation {
  rule: ValidationRule;
  allowBlank: boolean;
  /** Shown when the cell is selected (Vietnamese). */
  prompt?: { title: string; text: string };
  /**
   * Shown on a value that breaks the rule. "warning" lets the user keep the value (a figure written
   * ">80" as 783/BC does); "stop" refuses it.
   */
  error: { style: "stop" | "warning" | "information"; title: string; text: string };
}

/** A conditional format as data: cells whose value equals `equals` get `format`. */
export interface ConditionalFormat {
  equals: string;
  format: { fill: string; fontColor: string; bold?: boolean };
}

export type Orientation = "portrait" | "landscape";

export interface PageSetup {
  paper: "A4";
  orientation: Orientation;
  /** Millimetres (Decree 30/2020: top/bottom 20–25, left 30–35, right 15–20). */
  marginsMm: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Scale every column onto one page width; pages run down as far as needed. */
  fitToWidth: boolean;
  /** Repeat the header rows on every printed page. */
  repeatHeaderRows: boolean;
  horizontalCentered: boolean;
}

/**
 * Who writes a column: the plan ("plan": rewritten from the plan on every reload), the user
 * ("input": kept across reloads), the add-in ("computed": recomputed), or nobody ("identity": the
 * hidden key that matches rows across sorting and reloads).
 */
export type ColumnRole = "plan" | "input" | "computed" | "identity" | "user";

export interface ColumnSpec {
  /** Stable key, written in the hidden key row so the column is found wherever the user moved it. */
  key: string;
  /** Header text in the lowest header row (upper header rows come from `HeaderGroup`s). */
  header: string;
  /** Excel character units. */
  width: number;
  role: ColumnRole;
  hidden?: boolean;
  /** Format of the column's data cells; row kinds may add to it. */
  format: CellFormat;
  validation?: DataValidation;
  /** Another rule for some row kinds (whole counts in the traffic block); null: none there. */
  kindValidation?: Partial<Record<RowKind, DataValidation | null>>;
  /** Conditional formats on the column's data cells. */
  conditional?: ConditionalFormat[];
  /**
   * Where a data cell holds a number with a fractional part, show it in this format (a conditional
   * number format): a row's format has the plan's decimals, and 5,8 typed against a plan of 6 must not
   * show as "6", nor a slip 12,6 as "13". `percentUnitKey`: rows whose cell in that column is "%" keep
   * their own format below 1 (a typed "50%" is 0,5 shown as a percentage).
   */
  fraction?: { numberFormat: string; percentUnitKey: string };
}

/** A header cell spanning several columns above the lowest header row ("Kết quả thực hiện (lũy kế)"). */
export interface HeaderGroup {
  /** Header row index, 0 = top header row. */
  row: number;
  text: string;
  /** Keys of the first and last column it spans (inclusive). */
  from: string;
  to: string;
}

/** A header cell the user fills (estimate or official mark of a period), with its validation. */
export interface HeaderInput {
  row: number;
  column: string;
  /** The column's key for the value: marks are read back by this key. */
  key: string;
  /** Value of a new sheet ("Ước": a first figure is usually an estimate). */
  initial: CellValue;
  validation: DataValidation;
}

/** Kinds of rows; each kind has a format in the layout. */
export type RowKind =
  | "keys"
  | "title"
  | "subtitle"
  | "blank"
  | "legend"
  | "header"
  | "main"
  | "sub"
  | "group"
  | "task"
  | "block-header"
  | "block"
  | "dropped-heading"
  | "dropped"
  | "user";

export type { LayoutId } from "../../core/row-id";
import type { LayoutId } from "../../core/row-id";

export interface SheetLayout {
  id: LayoutId;
  /** Layout version kept in the workbook; a reload with another version rebuilds the formats. */
  version: number;
  /** Default sheet name (Vietnamese); the user may rename it. */
  name: string;
  /** Format of every cell the layout writes, before column and row formats. */
  baseFormat: CellFormat;
  titles: string[];
  subtitle: string | null;
  /** Number of header rows; columns without a group merge vertically over all of them. */
  headerRows: number;
  groups: HeaderGroup[];
  headerInputs: HeaderInput[];
  columns: ColumnSpec[];
  rowFormats: Partial<Record<RowKind, CellFormat>>;
  /** Row heights in points for kinds that need one (the key row is hidden, titles taller). */
  rowHeights: Partial<Record<RowKind, number>>;
  /** The column naming each row (target name, task text): headings go there, sub-rows indent there. */
  labelColumn: string;
  /** Indent level of the label by row kind (sub-rows under their total: "indent 1"). */
  indentKinds: Partial<Record<RowKind, number>>;
  /** Frozen columns left of the scrolling area (rows: everything down to the last header row). */
  frozenColumns: number;
  page: PageSetup;
  /**
   * The cells the user types into: their fill (the input columns carry it in their format, header
   * inputs get it here) and the legend row above the table, in place of the blank row, that says so.
   */
  inputs?: { fill: string; legend: string };
}

/** A row of a sheet's body before it is placed: values and extra formats by column key. */
export interface BodyRow {
  kind: RowKind;
  /** Identity written in the hidden column; null for rows the user inserted. */
  id: string | null;
  values: Record<string, CellValue>;
  /** Formats for single cells of this row by column key (a figure's decimals). */
  formats?: Record<string, CellFormat>;
}
