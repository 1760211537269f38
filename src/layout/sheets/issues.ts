/**
 * The issues sheet ("Kết quả kiểm tra"): one row per issue found in a workbook, in the order the
 * checker sorted them (by sheet, row, column), with where it is, how serious, what is wrong and the
 * value to type. Data only; the ExcelJS host (src/hosts/xlsx/annotate.ts) writes it. Every cell is text:
 * a colleague's text that looks like a formula ("=HYPERLINK(…)") stays text.
 */
import { message } from "../../core/messages";
import { SEVERITY_LABELS } from "../../core/messages/labels";
import type { Severity } from "../../core/problems";
import { formatNumber } from "../../core/numbers";
import type { Issue } from "../../core/validate/issue";
import { BASE_FORMAT, HEADER_FORMAT, PAGE, TEXT_FORMAT } from "./styles";
import type { CellFormat, ColumnSpec, ConditionalFormat, PageSetup } from "./types";

export const ISSUES_SHEET_NAME = "Kết quả kiểm tra";

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

/** Fills of cells marked in an annotated copy, by severity (the issues sheet uses the same). */
export const MARK_FILLS: Record<Severity, string> = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" };

const SEVERITY_FORMATS: ConditionalFormat[] = [
  { equals: SEVERITY_WORDS.error, format: { fill: MARK_FILLS.error, fontColor: "9C0006", bold: true } },
  { equals: SEVERITY_WORDS.warning, format: { fill: MARK_FILLS.warning, fontColor: "7F6000" } },
];

export function issuesLayout(file: string): IssuesLayout {
  const text = (extra: CellFormat = {}): CellFormat => ({ numberFormat: TEXT_FORMAT, ...extra });
  const col = (key: string, header: string, width: number, format: CellFormat, conditional?: ConditionalFormat[]): ColumnSpec => ({
    key, header, width, role: "computed", format, ...(conditional ? { conditional } : {}),
  });
  return {
    name: ISSUES_SHEET_NAME,
    titles: [`KẾT QUẢ KIỂM TRA SỐ LIỆU: ${file}`],
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
