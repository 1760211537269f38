/**
 * The report as data: what every output (the .xlsx, the .docx, `--json`, the terminal) shows, decided
 * once here. Figures are kept both as printed (vi-VN text) and, where the printed cell is a pure
 * number, as a number with its written decimals, so a spreadsheet can hold a real number.
 */
import type { Problem } from "../problems";
import type { Outlook } from "./outlook";
import type { ReportPeriod } from "./period";
import type { Status as ReportStatus } from "../evaluate/status";

/** A figure cell: `value` is set only when the printed text is a plain number (`22.293,49`, `49`). */
export interface FigureCell {
  text: string;
  value: number | null;
  /** Decimals the text shows; the spreadsheet's number format follows it. */
  decimals: number;
}

export type ColumnKey = "no" | "name" | "unit" | "plan" | "actual" | "status" | "percentPlan" | "percentPrevious" | "outlook";

export interface ReportColumn {
  key: ColumnKey;
  header: string;
}

export type { Status as ReportStatus } from "../evaluate/status";

export interface ReportRow {
  /** The plan's number ("1", "1.2"). */
  no: string;
  kind: "main" | "sub";
  /** What the TT column prints: the number on a main target, "-" on a sector sub-row. */
  label: string;
  name: string;
  unit: string;
  plan: FigureCell;
  actual: FigureCell;
  /** Null where the report prints no judgement (sub-rows that do not add up, every row mid-year). */
  status: ReportStatus | null;
  statusText: string;
  percentPlan: FigureCell | null;
  percentPrevious: FigureCell | null;
  /** At 6 and 9 months: the year-end outlook of a cumulative or annual target (./outlook.ts), else null. */
  outlook: Outlook | null;
  /** Why the status is what it is (for `--json` and the terminal; not printed in the table). */
  reason: string;
  overridden: boolean;
  /** The figure was revised since the last report of the period (the book's history): marked "(*)". */
  revised?: true;
}


export interface TaskCounts {
  total: number;
  done: number;
  doing: number;
  notStarted: number;
  /** Tasks nobody reported on: shown apart, never guessed into one of the three. */
  unreported: number;
  /** Timeliness at the period's end (../task-timeliness.ts); the four and `unreported` add up to `total`. */
  onTime: number;
  late: number;
  openInTime: number;
  overdue: number;
}

export interface OfficeTasks extends TaskCounts {
  office: string;
}

/** A count column of the table by lead office: which count it shows, under which header. */
export interface TaskColumn {
  key: keyof TaskCounts;
  header: string;
}

export interface TaskSummary extends TaskCounts {
  sentence: string;
  byOffice: OfficeTasks[];
  /** The count columns of the table by lead office, in order (decided once, in ./tasks.ts). */
  columns: TaskColumn[];
}

/** The heading block of Decree 30/2020: issuing body and number left, national motto and date right. */
export interface ReportHeading {
  /** "ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN". */
  issuer: string[];
  /** "Số: 783/BC-UBND". */
  number: string;
  /** "Bình Sơn, ngày 05 tháng 12 năm 2023". */
  placeDate: string;
  title: string;
  subject: string;
  /** The signature block's capacity and title: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
  signer: string[];
  /** The signer's name, printed under the signature space ("Nguyễn Văn An"); null: left for the pen. */
  signerName: string | null;
  /** "Hội đồng nhân dân huyện": printed "Kính gửi: …" under the subject; null when not addressed. */
  to: string | null;
  /** Nơi nhận: the recipients listed bottom left. */
  recipients: string[];
}

export interface ReportModel {
  planId: string;
  unit: string;
  year: number;
  period: ReportPeriod;
  /** True for the year-end report (status words); false for a mid-year one (percentages). */
  yearEnd: boolean;
  /** "estimate" prints "Ước TH", "official" prints "TH". */
  figures: "estimate" | "official";
  heading: ReportHeading;
  /** Heading over the table ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2023"). */
  tableTitle: string;
  /** The tasks section's title, for the same period ("Tình hình thực hiện nhiệm vụ, giải pháp 6 tháng đầu năm 2024"). */
  tasksTitle: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  counts: { vuot: number; dat: number; khongDat: number; xemLai: number; thieuSoLieu: number; main: number };
  /** 783/BC's sentence at year end; a neutral one before. */
  sentence: string;
  tasks: TaskSummary | null;
  /** A warning printed with the report, e.g. that the figures are examples. */
  note: string | null;
  /** The figures revised since the last report of the period, with the footnote printed under the table. */
  revision: { since: string; targets: string[]; footnote: string } | null;
  problems: Problem[];
}

/** The mark of a figure revised since the last report, after the target's name. */
export const REVISED_MARK = " (*)";

/** The name as printed: with the revision mark where the figure was revised. */
export function rowName(row: ReportRow): string {
  return row.revised ? `${row.name}${REVISED_MARK}` : row.name;
}

/** The printed text of a row, one string per column, in column order. */
export function rowCells(model: ReportModel, row: ReportRow): string[] {
  return model.columns.map((c) => {
    switch (c.key) {
      case "no":
        return row.label;
      case "name":
        return rowName(row);
      case "unit":
        return row.unit;
      case "plan":
        return row.plan.text;
      case "actual":
        return row.actual.text;
      case "status":
        return row.statusText;
      case "percentPlan":
        return row.percentPlan?.text ?? "";
      case "percentPrevious":
        return row.percentPrevious?.text ?? "";
      case "outlook":
        return outlookText(row);
    }
  });
}

/** What the "Dự kiến cả năm" column prints: the verdict with the projected year figure and why, blank where there is none. */
export function outlookText(row: ReportRow): string {
  return row.outlook ? row.outlook.text : "";
}
