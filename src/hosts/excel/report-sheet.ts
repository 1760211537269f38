/**
 * The report sheet in one click: read the workbook (settings, the targets and tasks sheets), build
 * the report purely (`buildReport`), then write the sheet *Báo cáo* in one request and record its id
 * in a second one. The sheet the add-in made last is recognised by the id kept in settings, never by
 * its name: a user's own sheet called "Báo cáo" is left alone and the new report takes another name.
 * Formatted for printing as the .xlsx report is (`src/hosts/xlsx/report-xlsx.ts`), with a native bar chart
 * of the percent of plan per indicator beside the table.
 */
import { message, problemLine } from "../../core/messages";
import type { Problem } from "../../core/problems";
import { buildReport } from "../../core/report/build";
import { EMPTY_REPORT_FIELDS, REPORT_FIELD_KEYS, type ReportFields, readReportFields } from "../../core/report/fields";
import type { DocDate } from "../../core/report/heading";
import { type ClipboardWriter, copyReportTable } from "../../core/report/clipboard";
import type { ReportModel } from "../../core/report/model";
import type { ReportPeriod } from "../../core/report/period";
import type { Area } from "../../layout/sheet-model";
import type { CellFormat, HAlign, VAlign } from "../../layout/sheets/types";
import { cellInput, widthPoints } from "./cells";
import { applyPage } from "./write-model";
import { HostError, hostError } from "./errors";
import { type IsSetSupported, officeRequirements } from "./features";
import type { ExcelRun } from "./host";
import { DEFAULT_NAMES, freeName, queueRecord } from "./load";
import { locate } from "./locate";
import { revisedSince } from "../../core/history";
import { type BookRecord, recordReportFields, reportBase, withReport, withReportFields } from "../../layout/sheets/record";
import { readSheetActuals, readSheetTasks } from "../../layout/actuals";
import { type ChartPlan, type ReportGrid, STATUS_COLORS, reportGrid } from "./report-layout";
import { HOST_TEXT, NOTICES } from "./strings";

/** Settings key of the report sheet the add-in made last: its id, so it is never confused with a user's sheet. */
export const REPORT_SETTING_KEY = "ktxh.report";
export const REPORT_SHEET_NAME = "Báo cáo";
/** Excel's limit on a sheet name. */
const NAME_MAX = 31;

export interface ReportSheetOptions {
  period: ReportPeriod;
  /** Keep the report made before, renamed "Báo cáo (1) 05.12.2023" (its date); else it is replaced. */
  keepPrevious: boolean;
  isSetSupported?: IsSetSupported;
  /** The time recorded with the report (and printed in the name of a kept one); its day is the date printed when none is given. */
  now?: () => Date;
  /** The document's fields as typed in the pane; kept in the book's record. */
  fields?: ReportFields;
}

export type { ReportSheetOutcome } from "../../contract/operations";
import type { ReportSheetOutcome, ReportTasks } from "../../contract/operations";

export const REPORT_TEXT = {
  made: (sheet: string) => `Đã lập báo cáo ở trang "${sheet}".`,
  replaced: " Báo cáo lập lần trước đã được thay.",
  kept: (name: string) => ` Báo cáo lập lần trước được giữ lại ở trang "${name}".`,
  noChart: " Chưa có chỉ tiêu nào tính được tỷ lệ so với kế hoạch nên chưa vẽ biểu đồ.",
  workbookProtected:
    "Cấu trúc sổ tính đang được bảo vệ nên KT-XH không thêm được trang báo cáo. Hãy bỏ bảo vệ sổ tính " +
    "(Xem lại › Bảo vệ sổ làm việc) rồi lập lại; sổ tính chưa bị thay đổi gì.",
} as const;

interface ReportMarker {
  app: "ktxh-report";
  id: string;
  /** ISO time the report was made. */
  made: string;
}

function decodeMarker(value: unknown): ReportMarker | null {
  if (typeof value !== "string") return null;
  try {
    const d: unknown = JSON.parse(value);
    if (typeof d !== "object" || d === null) return null;
    const m = d as Partial<ReportMarker>;
    return m.app === "ktxh-report" && typeof m.id === "string" && typeof m.made === "string" ? { app: m.app, id: m.id, made: m.made } : null;
  } catch {
    return null;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
/** "05.12.2023": dots, since "/" may not stand in a sheet name. */
const dotDate = (d: Date): string => `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()}`;

/** "Báo cáo (1) 05.12.2023": the first number no sheet name uses yet (Excel compares without case). */
export function keptName(made: Date, taken: readonly string[]): string {
  const keys = taken.map((n) => n.normalize("NFC").toLowerCase());
  for (let k = 1; ; k++) {
    const head = `${REPORT_SHEET_NAME} (${k})`;
    if (keys.some((n) => n.startsWith(head.toLowerCase()))) continue;
    return `${head} ${dotDate(made)}`.slice(0, NAME_MAX);
  }
}

/** What the read gives: the report, and the previous report sheet the add-in made, if still there. */
interface ReadResult {
  model: ReportModel;
  /** The book's record and its sheet, to record the report made (null: a book without one, or protected). */
  record: { record: BookRecord; sheetId: string } | null;
  previous: { id: string; name: string; made: string } | null;
  sheetNames: string[];
  workbookProtected: boolean;
}

/** Reads the workbook (two requests, a third only when a renamed KT-XH sheet must be searched) and builds the report. */
const dayOf = (d: Date): DocDate => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

/** The fields' part of the report's input; fields that do not read are refused with their first message. */
function fieldsInput(fields: ReportFields | undefined, today: Date) {
  if (!fields) return { date: dayOf(today) };
  const r = readReportFields(fields);
  if (r.problems.length) throw new HostError(message(r.problems[0].problem));
  const { taskCounts, date, ...rest } = r.input;
  return { ...rest, date: date ?? dayOf(today), ...(taskCounts ? { taskCounts } : {}) };
}

async function readReport(ctx: Excel.RequestContext, period: ReportPeriod, culture: boolean, fields: ReportFields | undefined, today: Date): Promise<ReadResult> {
  const given = fieldsInput(fields, today);
  // Queued before `locate`, so it travels in locate's first request.
  const markerSetting = ctx.workbook.settings.getItemOrNullObject(REPORT_SETTING_KEY);
  markerSetting.load("value");
  const loc = await locate(ctx, Object.values(DEFAULT_NAMES), culture, { history: true });
  if (!loc.plan) throw new HostError(loc.meta ? HOST_TEXT.planUnknown(loc.meta.planId) : HOST_TEXT.noPlan);
  const targets = loc.found.targets;
  if (!targets) throw new HostError(HOST_TEXT.noTargetsSheet);
  const read = readSheetActuals(targets.read, period, targets.formats, loc.culture);
  if (!read) throw new HostError(HOST_TEXT.periodMissing(period));
  const tasks = loc.found.tasks ? readSheetTasks(loc.found.tasks.read, period) : null;
  // Figures revised since the last report of the period: the book's history against its record.
  const since = reportBase(loc.record, loc.historyEntries, period);
  const revised = since ? { since, targets: [...revisedSince(loc.historyEntries, period, since)] } : null;
  const model = buildReport({ plan: loc.plan, actuals: read.actuals, period, figures: read.figures ?? "estimate", tasks, revised, samePeriodLastYear: read.samePeriod, ...given });
  model.problems.unshift(...read.problems);
  const marker = markerSetting.isNullObject ? null : decodeMarker(markerSetting.value);
  const sheet = marker ? loc.sheets.find((s) => s.id === marker.id) : undefined;
  return {
    model,
    record: loc.record && loc.metaSheet && !loc.metaProtected && loc.record.version >= 2 ? { record: loc.record, sheetId: loc.metaSheet.id } : null,
    previous: marker && sheet ? { id: sheet.id, name: sheet.name, made: marker.made } : null,
    sheetNames: loc.sheets.map((s) => s.name),
    workbookProtected: loc.workbookProtected,
  };
}

const H_ALIGN: Record<HAlign, "Left" | "Center" | "Right" | "Justify"> = { left: "Left", center: "Center", right: "Right", justify: "Justify" };
const V_ALIGN: Record<VAlign, "Top" | "Center" | "Bottom"> = { top: "Top", middle: "Center", bottom: "Bottom" };
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const satisfies readonly `${Excel.BorderIndex}`[];
const at = (ws: Excel.Worksheet, a: Area): Excel.Range => ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);

function applyFormat(range: Excel.Range, f: CellFormat, area: Area): void {
  const fmt = range.format;
  if (f.font?.name) fmt.font.name = f.font.name;
  if (f.font?.size) fmt.font.size = f.font.size;
  if (f.font?.bold != null) fmt.font.bold = f.font.bold;
  if (f.font?.italic != null) fmt.font.italic = f.font.italic;
  if (f.font?.color) fmt.font.color = `#${f.font.color}`;
  if (f.fill) fmt.fill.color = `#${f.fill}`;
  if (f.hAlign) fmt.horizontalAlignment = H_ALIGN[f.hAlign];
  if (f.vAlign) fmt.verticalAlignment = V_ALIGN[f.vAlign];
  if (f.wrap != null) fmt.wrapText = f.wrap;
  if (f.border !== "thin") return;
  const edges: `${Excel.BorderIndex}`[] = [...EDGES];
  if (area.rows > 1) edges.push("InsideHorizontal");
  if (area.cols > 1) edges.push("InsideVertical");
  for (const e of edges) {
    const b = fmt.borders.getItem(e);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
}

function applyReportPage(ws: Excel.Worksheet, g: ReportGrid): void {
  const printed = g.widths.slice(g.printArea.col, g.printArea.col + g.printArea.cols);
  applyPage(ws, g.page, g, printed.map(widthPoints));
  ws.pageLayout.setPrintArea(at(ws, g.printArea));
}

/** Runs of consecutive rows sharing a height: one call each. */
function heightRuns(g: ReportGrid): { from: number; count: number; height: number }[] {
  const runs: { from: number; count: number; height: number }[] = [];
  g.rows.forEach((r, i) => {
    const last = runs[runs.length - 1];
    if (last && last.height === r.height) last.count++;
    else runs.push({ from: i, count: 1, height: r.height });
  });
  return runs;
}

function writeChart(ws: Excel.Worksheet, c: ChartPlan): void {
  const data = at(ws, c.data);
  const formats = c.values.map((_, i) => ["@", i === 0 ? "@" : "0.0"]);
  data.numberFormat = formats;
  data.values = c.values.map((row, i) => row.map((v, j) => cellInput(v, formats[i][j])));
  data.format.font.name = "Times New Roman";
  ws.getRangeByIndexes(0, c.data.col, 1, 1).getEntireColumn().format.columnWidth = widthPoints(40);
  const chart = ws.charts.add("BarClustered", data, "Columns");
  chart.name = "KTXH_TyLeKeHoach";
  chart.title.text = c.title;
  chart.setPosition(ws.getRangeByIndexes(c.from.row, c.from.col, 1, 1), ws.getRangeByIndexes(c.to.row, c.to.col, 1, 1));
  const points = chart.series.getItemAt(0).points;
  c.points.forEach((p, i) => points.getItemAt(i).format.fill.setSolidColor(`#${STATUS_COLORS[p.status ?? "none"]}`));
}

/** Queues the whole report sheet onto `ws`. */
function writeGrid(ws: Excel.Worksheet, g: ReportGrid, pageLayout: boolean): void {
  const all = at(ws, { row: 0, col: 0, rows: g.rows.length, cols: g.widths.length });
  // Number formats first: "@" before the text it keeps as text.
  all.numberFormat = g.numberFormats;
  all.values = g.values.map((row, i) => row.map((v, j) => cellInput(v, g.numberFormats[i]?.[j])));
  for (const f of g.formats) applyFormat(at(ws, f.area), f.format, f.area);
  for (const m of g.merges) at(ws, m).merge(false);
  g.widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthPoints(w)));
  for (const run of heightRuns(g)) ws.getRangeByIndexes(run.from, 0, run.count, 1).getEntireRow().format.rowHeight = run.height;
  if (pageLayout) applyReportPage(ws, g);
  if (g.chart) writeChart(ws, g.chart);
}

/**
 * Builds (or rebuilds) the report sheet. Production passes `Excel.run`; tests the strict fake's `run`.
 * A constant number of requests whatever the plan's size: two to read, two to write.
 */
export async function buildReportSheet(run: ExcelRun, opts: ReportSheetOptions): Promise<ReportSheetOutcome> {
  const pageLayout = (opts.isSetSupported ?? officeRequirements())("ExcelApi", "1.9");
  const now = (opts.now ?? (() => new Date()))();
  try {
    return await run(async (ctx) => {
      const r = await readReport(ctx, opts.period, (opts.isSetSupported ?? officeRequirements())("ExcelApi", "1.11"), opts.fields, now);
      if (r.workbookProtected) throw new HostError(REPORT_TEXT.workbookProtected);
      const grid = reportGrid(r.model);
      const sheets = ctx.workbook.worksheets;
      let taken = [...r.sheetNames];
      let kept: string | null = null;
      if (r.previous) {
        const old = sheets.getItem(r.previous.id);
        if (opts.keepPrevious) {
          const made = new Date(r.previous.made);
          kept = keptName(Number.isNaN(made.getTime()) ? now : made, taken);
          old.name = kept;
          taken = taken.map((n) => (n === r.previous?.name ? (kept ?? n) : n));
        } else {
          old.delete();
          taken = taken.filter((n) => n !== r.previous?.name);
        }
      }
      const name = freeName(REPORT_SHEET_NAME, taken);
      const ws = sheets.add(name);
      ws.load("id");
      writeGrid(ws, grid, pageLayout);
      ws.activate();
      ws.getRange("A1").select();
      // The book's record keeps when each report was made (the next one marks the figures revised since)
      // and the fields as typed in the pane, for the next report: one rewrite, in this request.
      const fieldsSaved = opts.fields != null && r.record != null;
      if (r.record) {
        const made = withReport(r.record.record, { period: opts.period, at: now.toISOString() });
        // The fields are put in only when they changed: blank fields in a book that kept none stay unkept.
        const before = recordReportFields(r.record.record) ?? EMPTY_REPORT_FIELDS;
        const changed = opts.fields != null && REPORT_FIELD_KEYS.some((k) => opts.fields?.[k] !== before[k]);
        queueRecord(sheets.getItem(r.record.sheetId), changed && opts.fields ? withReportFields(made, opts.fields) : made);
      }
      await ctx.sync();
      const marker: ReportMarker = { app: "ktxh-report", id: ws.id, made: now.toISOString() };
      ctx.workbook.settings.add(REPORT_SETTING_KEY, JSON.stringify(marker));
      await ctx.sync();
      let text = REPORT_TEXT.made(name);
      if (r.previous) text += kept ? REPORT_TEXT.kept(kept) : REPORT_TEXT.replaced;
      if (!grid.chart) text += REPORT_TEXT.noChart;
      return {
        message: text,
        sheet: name,
        kept,
        chart: grid.chart != null,
        notices: pageLayout ? [] : [{ ...NOTICES.pageLayout }],
        // Each with its code's severity word, the line `ktxh report` prints.
        warnings: r.model.problems.filter((p: Problem) => p.severity !== "info").map(problemLine),
        counts: r.model.counts,
        tasks: reportTasks(r.model),
        fieldsSaved,
      };
    });
  } catch (err) {
    throw hostError(err);
  }
}

/** The task counts the report's table by lead office totals, with its headers (the pane shows them). */
function reportTasks(model: ReportModel): ReportTasks | null {
  const t = model.tasks;
  if (!t || !t.byOffice.length) return null;
  return { period: model.period, counts: t.columns.map((c) => ({ key: c.key, header: c.header, count: t[c.key] })) };
}

/** The report model alone (two requests, nothing written): what the pane copies for Word. */
export async function readReportModel(
  run: ExcelRun,
  period: ReportPeriod,
  fields?: ReportFields,
  options: { isSetSupported?: IsSetSupported; now?: () => Date } = {},
): Promise<ReportModel> {
  const culture = (options.isSetSupported ?? officeRequirements())("ExcelApi", "1.11");
  const now = options.now ?? (() => new Date());
  try {
    return await run(async (ctx) => (await readReport(ctx, period, culture, fields, now())).model);
  } catch (err) {
    throw hostError(err);
  }
}

/**
 * What the pane gets for reports, to spread into `createExcelOperations`' result (pass its `call`,
 * which turns every failure into the pane's Vietnamese Error, and its requirement check).
 */
export interface ReportOperations {
  /** Builds or rebuilds the report sheet with its chart for the period. */
  buildReport(period: ReportPeriod, keepPrevious: boolean, fields?: ReportFields): Promise<ReportSheetOutcome>;
  /** Reads the report for the period and hands its table, as HTML and as text, to `write`. */
  copyReportTable(period: ReportPeriod, write: ClipboardWriter, fields?: ReportFields): Promise<{ rows: number }>;
}

export function reportOperations(run: ExcelRun, options: { isSetSupported?: IsSetSupported; now?: () => Date } = {}): ReportOperations {
  return {
    buildReport: (period, keepPrevious, fields) => buildReportSheet(run, { period, keepPrevious, ...options, ...(fields ? { fields } : {}) }),
    copyReportTable: async (period, write, fields) => copyReportTable(await readReportModel(run, period, fields, options), write),
  };
}
