/**
 * The report sheet of the live workbook, as data (pure): the .xlsx report's two sheets
 * (`layout/report.ts`: 783/BC's table with its sentence, then the tasks by lead office) stacked on
 * one sheet, format runs grouped into as few rectangles as possible (one Office.js call each), and the
 * chart's data: percent of plan per indicator, placed beside the table.
 */
import type { ReportModel, ReportStatus } from "../../core/report/model";
import { type ReportCell, type ReportSheet, type ReportSheetRow, reportSheets, safeText } from "../../layout/sheets/report";
import type { Area } from "../../layout/sheet-model";
import type { CellFormat, CellValue, PageSetup } from "../../layout/sheets/types";

export interface FormatRect {
  area: Area;
  format: CellFormat;
}

export interface ChartPoint {
  label: string;
  percent: number;
  /** Null before year end: the report judges nothing then, the bar gets the neutral colour. */
  status: ReportStatus | null;
}

export interface ChartPlan {
  title: string;
  /** The helper range the chart reads: a header row, then one row per point (label, percent). */
  data: Area;
  values: (string | number)[][];
  /** Where the chart sits: from the top-left cell to the bottom-right cell (0-based, inclusive). */
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** In the helper range's order: the table's last indicator first. */
  points: ChartPoint[];
}

export interface ReportGrid {
  widths: number[];
  /** Every row as wide as `widths`. */
  rows: ReportSheetRow[];
  /** Values and number formats over rows × widths, as `range.values` / `range.numberFormat` want them. */
  values: CellValue[][];
  numberFormats: string[][];
  formats: FormatRect[];
  merges: Area[];
  printTitleRows: { first: number; last: number } | null;
  /** What is printed: the tables, not the chart's helper range. */
  printArea: Area;
  page: PageSetup;
  chart: ChartPlan | null;
}

/** Blank rows between the targets table and the tasks table. */
const GAP_ROWS = 2;
/** Bars are coloured as the targets sheet colours the status words. */
export const STATUS_COLORS: Record<ReportStatus | "none", string> = {
  vuot: "00B050",
  dat: "92D050",
  "khong-dat": "FF0000",
  "xem-lai": "FFC000",
  "thieu-so-lieu": "A6A6A6",
  "chua-danh-gia": "9DC3E6",
  none: "4472C4",
};
const LABEL_MAX = 48;

function stack(sheets: ReportSheet[]): { widths: number[]; rows: ReportSheetRow[] } {
  const width = Math.max(...sheets.map((s) => s.widths.length));
  const widths = Array.from({ length: width }, (_, i) => Math.max(0, ...sheets.map((s) => s.widths[i] ?? 0)));
  const rows: ReportSheetRow[] = [];
  const pad = (r: ReportSheetRow): ReportSheetRow => ({
    height: r.height,
    cells: [...r.cells, ...new Array<ReportCell | null>(width - r.cells.length).fill(null)],
  });
  sheets.forEach((s, i) => {
    if (i > 0) for (let k = 0; k < GAP_ROWS; k++) rows.push({ cells: new Array(width).fill(null), height: 15 });
    rows.push(...s.rows.map(pad));
  });
  return { widths, rows };
}

/** The format each cell of the grid gets (a merged cell's format covers the cells it spans), number format apart. */
function cellFormats(rows: ReportSheetRow[], width: number): (CellFormat | null)[][] {
  const out = rows.map(() => new Array<CellFormat | null>(width).fill(null));
  rows.forEach((r, ri) =>
    r.cells.forEach((c, ci) => {
      if (!c) return;
      const { numberFormat: _n, ...rest } = c.format;
      for (let k = 0; k < (c.span ?? 1); k++) out[ri][ci + k] = rest;
    }),
  );
  return out;
}

/** Rectangles of equal format: runs along each row, then equal runs of consecutive rows joined. */
export function formatRects(formats: (CellFormat | null)[][]): FormatRect[] {
  const open = new Map<string, FormatRect>();
  const done: FormatRect[] = [];
  formats.forEach((row, r) => {
    const runs: { key: string; rect: FormatRect }[] = [];
    let c = 0;
    while (c < row.length) {
      const f = row[c];
      if (!f) {
        c++;
        continue;
      }
      const json = JSON.stringify(f);
      let end = c + 1;
      while (end < row.length && row[end] && JSON.stringify(row[end]) === json) end++;
      runs.push({ key: `${c}:${end}:${json}`, rect: { area: { row: r, col: c, rows: 1, cols: end - c }, format: f } });
      c = end;
    }
    const next = new Map<string, FormatRect>();
    for (const run of runs) {
      const prev = open.get(run.key);
      if (prev && prev.area.row + prev.area.rows === r) {
        prev.area.rows++;
        next.set(run.key, prev);
        open.delete(run.key);
      } else next.set(run.key, run.rect);
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  });
  done.push(...open.values());
  return done.sort((a, b) => a.area.row - b.area.row || a.area.col - b.area.col);
}

const shortLabel = (no: string, name: string): string => {
  const s = `${no}. ${name}`.replace(/\s+/g, " ").trim();
  return safeText(s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);
};

/** The main targets that have a percent of plan; those without one are left out of the chart. */
export function chartPoints(model: ReportModel): ChartPoint[] {
  return model.rows
    .filter((r) => r.kind === "main" && r.percentPlan?.value != null)
    .map((r) => ({ label: shortLabel(r.no, r.name), percent: r.percentPlan?.value ?? 0, status: r.status }));
}

function chartPlan(model: ReportModel, top: number, tableWidth: number): ChartPlan | null {
  // A bar chart draws its first category at the bottom: the data run upwards so the bars read
  // top-down in the table's order (reversing the axis would need more than the charts API we rely on).
  const points = chartPoints(model).reverse();
  if (!points.length) return null;
  // A gap column, the chart over nine default-width columns, a gap, then the helper range.
  const chartCol = tableWidth + 1;
  const dataCol = chartCol + 10;
  return {
    title: `Tỷ lệ thực hiện so với kế hoạch ${model.yearEnd ? `năm ${model.year}` : "năm"} (%)`,
    data: { row: top, col: dataCol, rows: points.length + 1, cols: 2 },
    values: [["Chỉ tiêu", "% so với KH"], ...points.map((p) => [p.label, p.percent])],
    from: { row: top, col: chartCol },
    to: { row: top + Math.max(14, points.length + 2), col: chartCol + 8 },
    points,
  };
}

export function reportGrid(model: ReportModel): ReportGrid {
  const sheets = reportSheets(model);
  const { widths, rows } = stack(sheets);
  const width = widths.length;
  const values = rows.map((r) => r.cells.map((c) => c?.value ?? null));
  const numberFormats = rows.map((r) => {
    const line = new Array<string>(width).fill("General");
    r.cells.forEach((c, ci) => {
      if (c?.format.numberFormat) line[ci] = c.format.numberFormat;
    });
    return line;
  });
  const merges: Area[] = [];
  rows.forEach((r, ri) => r.cells.forEach((c, ci) => c && (c.span ?? 1) > 1 && merges.push({ row: ri, col: ci, rows: 1, cols: c.span ?? 1 })));
  const title = sheets[0].printTitleRows;
  return {
    widths,
    rows,
    values,
    numberFormats,
    formats: formatRects(cellFormats(rows, width)),
    merges,
    printTitleRows: title,
    printArea: { row: 0, col: 0, rows: rows.length, cols: width },
    page: sheets[0].page,
    chart: chartPlan(model, title ? title.first : 0, width),
  };
}
