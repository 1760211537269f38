/**
 * The issues sheet ("Kiểm tra"): one row per issue found in a workbook, in the order the checker
 * sorted them (by sheet, row, column), with where it is, how serious, what is wrong and the value to
 * type; and the colours that mark a problem cell, by severity. Data only, one layout for both hosts:
 * the Office.js host (src/hosts/excel/check-sheet.ts, check-marks.ts) and the ExcelJS one
 * (src/hosts/xlsx/annotate.ts) render it. Every cell is text: a colleague's text that looks like a
 * formula ("=HYPERLINK(…)") stays text.
 */
import { message } from "../../core/messages";
import { SEVERITY_LABELS } from "../../core/messages/labels";
import type { Severity } from "../../core/problems";
import { formatNumber } from "../../core/numbers";
import type { Issue } from "../../core/validate/issue";
import { BASE_FORMAT, HEADER_FORMAT, PAGE, TEXT_FORMAT } from "./styles";
import type { CellFormat, ColumnSpec, ConditionalFormat, PageSetup } from "./types";

export const ISSUES_SHEET_NAME = "Kiểm tra";

/** The catalog's severity words (one list for every path). */
export const SEVERITY_WORDS = SEVERITY_LABELS;

/** The issues sheet's shape: the same vocabulary as the targets and tasks layouts, fewer parts. */
export interface IssuesLayout {
  name: string;
  titles: string[];
  baseFormat: CellFormat;
  headerFormat: CellFormat;
  columns: ColumnSpec[];
  rowFormat: CellFormat;
  frozenRows: number;
  page: PageSetup;
}

/**
 * Fills of problem cells, by severity: Excel's own "bad" and "neutral" cell-style fills, colours users
 * already read as error and warning. Info is listed, not marked. The Office.js marks, the annotated
 * .xlsx copy and the severity column of the issues sheet use these.
 */
export const MARK_FILLS: Record<Severity, string | null> = { error: "FFC7CE", warning: "FFEB9C", info: null };

/** The fill for a set of problems on one cell: the worst severity wins; null when none is marked. */
export function markFill(severities: readonly Severity[]): string | null {
  if (severities.includes("error")) return MARK_FILLS.error;
  if (severities.includes("warning")) return MARK_FILLS.warning;
  return MARK_FILLS.info;
}

const SEVERITY_FORMATS: ConditionalFormat[] = [
  { equals: SEVERITY_WORDS.error, format: { fill: MARK_FILLS.error ?? "FFC7CE", fontColor: "9C0006", bold: true } },
  { equals: SEVERITY_WORDS.warning, format: { fill: MARK_FILLS.warning ?? "FFEB9C", fontColor: "7F6000" } },
];

/** Said in the first body row when the check found nothing. */
export const NO_ISSUES_TEXT = "Không phát hiện lỗi hoặc cảnh báo nào.";

/** The layout; `file` names the checked file in the title (the CLI knows it, the add-in does not). */
export function issuesLayout(file?: string): IssuesLayout {
  const text = (extra: CellFormat = {}): CellFormat => ({ numberFormat: TEXT_FORMAT, ...extra });
  const col = (key: string, header: string, width: number, format: CellFormat, conditional?: ConditionalFormat[]): ColumnSpec => ({
    key, header, width, role: "computed", format, ...(conditional ? { conditional } : {}),
  });
  return {
    name: ISSUES_SHEET_NAME,
    titles: [file ? `KẾT QUẢ KIỂM TRA SỐ LIỆU: ${file}` : "KẾT QUẢ KIỂM TRA SỐ LIỆU"],
    baseFormat: BASE_FORMAT,
    headerFormat: HEADER_FORMAT,
    columns: [
      col("no", "STT", 5, text({ hAlign: "center" })),
      col("severity", "Mức độ", 10, text({ hAlign: "center" }), SEVERITY_FORMATS),
      col("sheet", "Trang tính", 16, text()),
      col("cell", "Ô", 7, text({ hAlign: "center" })),
      col("target", "Chỉ tiêu / nhiệm vụ", 10, text({ hAlign: "center" })),
      col("message", "Nội dung", 70, text({ wrap: true })),
      col("fix", "Đề xuất sửa", 16, text()),
      col("code", "Mã lỗi", 22, text({ font: { size: 10, color: "595959" } })),
    ],
    rowFormat: { border: "thin", vAlign: "top" },
    frozenRows: 2,
    page: PAGE,
  };
}

/** A fix as the user reads it: numbers in vi-VN form, text as written. */
export function fixText(value: string | number): string {
  return typeof value === "number" ? formatNumber(value) : value;
}

/** The issues as rows of text by column key, in the order given. */
export function issuesBody(issues: readonly Issue[]): Record<string, string>[] {
  return issues.map((i, k) => ({
    no: String(k + 1),
    severity: SEVERITY_WORDS[i.severity],
    sheet: i.location.sheet ?? "",
    cell: i.location.cell ?? "",
    target: i.location.target ?? i.location.task ?? "",
    message: message(i),
    fix: i.fix ? fixText(i.fix.value) : "",
    code: i.code,
  }));
}

/**
 * Every value of the sheet, top to bottom: the titles, the header row, then one row an issue (or the
 * line saying there is none), each row as wide as the columns. Hosts write these as text.
 */
export function issuesSheetRows(layout: IssuesLayout, issues: readonly Issue[]): string[][] {
  const width = layout.columns.length;
  const line = (first: string): string[] => [first, ...new Array<string>(width - 1).fill("")];
  const body = issuesBody(issues).map((values) => layout.columns.map((c) => values[c.key] ?? ""));
  return [...layout.titles.map(line), layout.columns.map((c) => c.header), ...(body.length ? body : [line(NO_ISSUES_TEXT)])];
}

/** Row index (0-based) of the header row: below the titles. */
export const headerRowOf = (layout: IssuesLayout): number => layout.titles.length;

/** A name for our sheet that no other sheet has ("Kiểm tra", else "Kiểm tra (2)", …), at most 31 characters. */
export function issuesSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase("vi")));
  if (!used.has(ISSUES_SHEET_NAME.toLocaleLowerCase("vi"))) return ISSUES_SHEET_NAME;
  for (let i = 2; ; i++) {
    const name = `${ISSUES_SHEET_NAME} (${i})`.slice(0, 31);
    if (!used.has(name.toLocaleLowerCase("vi"))) return name;
  }
}
