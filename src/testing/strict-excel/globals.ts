/**
 * The `Excel`, `Office` and `OfficeExtension` globals office.js would define, bound to one in-memory
 * workbook. Enum objects carry the members a host is likely to reference at run time.
 */
import { StrictExcelError } from "./errors";
import { StrictRequestContext, runBatch } from "./proxy/context";
import type { WorkbookModel } from "./workbook-model";

/** Builds { lowerCamel: "Value" } like Office.js's string enums. */
function enumOf(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}

const ERROR_CODES = [
  "AccessDenied", "ApiNotFound", "GeneralException", "InsufficientPermissions", "InvalidArgument", "InvalidBinding",
  "InvalidOperation", "InvalidReference", "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "NotImplemented",
  "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "UnsupportedOperation", "Unauthenticated",
  "PropertyNotLoaded", "InvalidObjectPath", "InvalidRequestContext", "RunMustReturnPromise",
];

const EXCEL_ENUMS: Record<string, string[]> = {
  ChartType: ["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "LineStacked", "Pie", "Doughnut", "Area", "AreaStacked", "XYScatter", "XYScatterLines", "Radar", "Combo"],
  ChartSeriesBy: ["Auto", "Columns", "Rows"],
  ConditionalFormatType: ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"],
  ConditionalTextOperator: ["Invalid", "Contains", "NotContains", "BeginsWith", "EndsWith"],
  ConditionalCellValueOperator: ["Invalid", "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"],
  DataValidationType: ["None", "WholeNumber", "Decimal", "List", "Date", "Time", "TextLength", "Custom", "Inconsistent", "MixedCriteria"],
  DataValidationOperator: ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"],
  DataValidationAlertStyle: ["Stop", "Warning", "Information"],
  InsertShiftDirection: ["Down", "Right"],
  DeleteShiftDirection: ["Up", "Left"],
  ClearApplyTo: ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"],
  HorizontalAlignment: ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"],
  VerticalAlignment: ["Center", "Bottom", "Top", "Justify", "Distributed"],
  BorderIndex: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"],
  BorderLineStyle: ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"],
  BorderWeight: ["Hairline", "Thin", "Medium", "Thick"],
  SheetVisibility: ["Visible", "Hidden", "VeryHidden"],
  PageOrientation: ["Portrait", "Landscape"],
  PaperType: ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro"],
  EventSource: ["Local", "Remote"],
  EventTriggerSource: ["Unknown", "ThisLocalAddin"],
  DataChangeType: ["Unknown", "RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"],
  RangeValueType: ["Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"],
  SortOrientation: ["Rows", "Columns"],
  RangeUnderlineStyle: ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"],
};

export interface Globals {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
}

export function makeGlobals(model: WorkbookModel, env: { displayLanguage?: string } = {}): Globals {
  class RequestContext extends StrictRequestContext {
    constructor() {
      super(model);
    }
  }
  const Excel: Record<string, unknown> = {
    run: (...args: unknown[]) => runBatch(model, args[args.length - 1] as (ctx: StrictRequestContext) => Promise<unknown>),
    RequestContext,
    ErrorCodes: enumOf(ERROR_CODES),
    ...Object.fromEntries(Object.entries(EXCEL_ENUMS).map(([k, v]) => [k, enumOf(v)])),
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office: Record<string, unknown> = {
    // Unlike Excel's enums (lowerCamel keys), Office.HostType uses PascalCase: Office.HostType.Excel === "Excel".
    HostType: Object.fromEntries(["Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Project", "Access"].map((h) => [h, h])),
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table", Html: "html", Ooxml: "ooxml", Image: "image" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: env.displayLanguage ?? "vi-VN",
      contentLanguage: env.displayLanguage ?? "vi-VN",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.strict" },
      requirements: { isSetSupported: (name: string, version?: string | number) => model.isSetSupported(name, version === undefined ? undefined : String(version)) },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  };
  // office.js calls Office.initialize once it has loaded, if the page set one.
  setTimeout(() => {
    const init = Office.initialize;
    if (typeof init === "function") (init as (reason: string) => void)("inserted");
  }, 0);
  const OfficeExtension: Record<string, unknown> = {
    Error: StrictExcelError,
    ErrorCodes: Object.fromEntries(ERROR_CODES.map((c) => [c.charAt(0).toLowerCase() + c.slice(1), c])),
    ClientRequestContext: StrictRequestContext,
    Promise,
    config: { extendedErrorLogging: false },
  };
  return { Excel, Office, OfficeExtension };
}
