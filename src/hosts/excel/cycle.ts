/**
 * The collection cycle in Excel (issue 17): "Tạo phiếu thu thập" and "Tổng hợp phiếu" over the open plan
 * book. What is asked, read, matched, merged and written is decided by the same pure code as
 * `ktxh submissions` and `ktxh collect` (src/layout/cycle.ts); the books themselves are written and read
 * by the file host's functions (`CycleFiles`, src/hosts/xlsx/cycle-files.ts), handed in by the pane's
 * entry and loaded only when asked. A constant number of syncs whatever the number of recipients or files:
 *  - makeSubmissions: 2 to read (settings and sheets; used ranges and record), 1 more only when the book
 *    has no *Phân công* sheet yet (it is written, for the officer to edit);
 *  - collect: 2 to read, 1 to write (figures, statuses, explanations, *Nguồn số liệu*, *Xung đột*).
 * Nothing the officer typed is overwritten: a cell the merge would change that holds a value is a conflict
 * (src/core/collect.ts), listed in the pane and on the *Xung đột* sheet, and left as it is.
 */
import { a1 } from "../../core/address";
import { describeLocation, message } from "../../core/messages";
import type { PeriodId } from "../../core/periods";
import type { Plan } from "../../core/plan";
import type { CollectOutcome, CycleDelivery, CycleFileIn, CycleProgress, SubmissionsOutcome } from "../../contract/operations";
import { readBook } from "../../layout/book";
import { type CycleFiles, type CyclePlanBook, type ReturnedFile, conflictRows, cyclePlanBook, planCollect, plannedSubmissions, readReturnedGrids, unreadableFile } from "../../layout/cycle";
import {
  ASSIGN_COLUMNS, ASSIGN_HEADER_ROW, ASSIGN_SHEET, ASSIGN_TITLE, CONFLICTS_COLUMNS, CONFLICTS_SHEET, CONFLICTS_TITLE, CYCLE_TABLE_HEADER_ROW,
  SOURCES_COLUMNS, SOURCES_SHEET, SOURCES_TITLE, assignRows,
} from "../../layout/sheets/submission";
import type { CellValue } from "../../layout/sheets/types";
import { builtInPlans } from "../../seeds";
import { cellInput, widthPoints } from "./cells";
import { type UsedRead, gridOf } from "./check-grid";
import { readUsedRanges } from "./check-read";
import { HostError } from "./errors";
import type { ExcelRun } from "./host";
import { loadRecord, loadSettings, planOf, recordOf, recordPlan, settingsMeta } from "./locate";
import { HOST_TEXT } from "./strings";
import { type HistoryProbe, probeFrom, queueHistory } from "./history-sheet";

type Progress = CycleProgress;

interface PlanBookRead {
  pb: CyclePlanBook;
  sheets: { id: string; name: string; used: UsedRead | null; protected: boolean }[];
  /** Whether the *Lịch sử số liệu* sheet is there and may be written (read in the same batch). */
  history: HistoryProbe;
}

/** Reads the open plan book in two syncs: settings and sheets, then every sheet's used range and the record. */
async function readPlanBook(ctx: Excel.RequestContext): Promise<PlanBookRead> {
  const settings = loadSettings(ctx);
  const list = ctx.workbook.worksheets.load("items/id,items/name,items/visibility");
  const bookProtection = ctx.workbook.protection.load("protected");
  await ctx.sync();
  const visible = list.items.filter((w) => w.visibility === "Visible");
  const { used, extra } = await readUsedRanges(ctx, visible, () => ({
    protections: visible.map((w) => w.protection.load("protected")),
    record: loadRecord(list, list.items.map((w) => ({ id: w.id, name: w.name }))),
  }));
  const record = recordOf(extra.record);
  const meta = record?.meta ?? settingsMeta(settings);
  const plan: Plan | null = recordPlan(record) ?? planOf(settings, meta);
  if (!plan) throw new HostError(meta ? HOST_TEXT.planUnknown(meta.planId) : HOST_TEXT.noPlan);
  const sheets = visible.map((w, i) => ({ id: w.id, name: w.name, used: used[i], protected: extra.protections[i].protected }));
  const grids = sheets.map((s) => (s.used ? gridOf(s.used) : { sheet: s.name, cells: [], merges: [] }));
  const book = readBook(grids, { plans: [plan], chosenPlan: plan });
  const assign = grids.find((g) => g.sheet === ASSIGN_SHEET);
  const assignRowsRead = assign ? assign.cells.map((r) => (r ?? []).map((c) => (c == null ? null : (c.value as CellValue)))) : null;
  return { pb: cyclePlanBook(book, assignRowsRead), sheets, history: probeFrom(sheets, bookProtection.protected) };
}

/** A table sheet of the cycle (title, header, rows): the sheet of that name cleared and reused, or added. */
function writeTableSheet(
  ctx: Excel.RequestContext,
  existing: { name: string } | undefined,
  name: string,
  title: string,
  note: string | null,
  headerRow: number,
  columns: readonly { header: string; width: number }[],
  rows: readonly CellValue[][],
): void {
  const ws = existing ? ctx.workbook.worksheets.getItem(existing.name) : ctx.workbook.worksheets.add(name);
  if (existing) ws.getRange().clear();
  const width = columns.length;
  const top: (string | number)[][] = Array.from({ length: headerRow }, () => new Array<string | number>(width).fill(""));
  top[0][0] = title;
  if (note && headerRow > 1) top[1][0] = note;
  const values = [...top, columns.map((c) => c.header), ...rows.map((r) => columns.map((_c, i) => cellInput(r[i] ?? null, "@")))];
  const all = ws.getRangeByIndexes(0, 0, values.length, width);
  // Text stays text (a colleague's "=…" included); figures stay numbers.
  all.numberFormat = values.map((line) => line.map((v) => (typeof v === "number" ? "General" : "@")));
  all.values = values;
  all.format.font.name = "Times New Roman";
  all.format.verticalAlignment = "Top";
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  const header = ws.getRangeByIndexes(headerRow, 0, 1, width);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.fill.color = "#D9E1F2";
  if (rows.length) ws.getRangeByIndexes(headerRow + 1, 0, rows.length, width).format.wrapText = true;
  columns.forEach((c, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(c.width)));
  ws.freezePanes.freezeRows(headerRow + 1);
}

export async function makeSubmissions(run: ExcelRun, files: () => Promise<CycleFiles>, period: PeriodId, due: string | null, now: string, delivery: CycleDelivery, onProgress?: Progress): Promise<SubmissionsOutcome> {
  const read = await run(async (ctx) => {
    const r = await readPlanBook(ctx);
    const hasAssign = r.sheets.some((s) => s.name === ASSIGN_SHEET);
    if (!hasAssign) {
      // The split shown and editable: the officer's edits there win the next time.
      const p = r.pb.book.plan;
      writeTableSheet(ctx, undefined, ASSIGN_SHEET, ASSIGN_TITLE, `${p.unit} — năm ${p.year}. Sửa cột "Giao cho" để đổi đơn vị được giao; các lệnh tạo và tổng hợp phiếu dùng nội dung ở đây.`, ASSIGN_HEADER_ROW, ASSIGN_COLUMNS, assignRows(p, r.pb.assignments));
      await ctx.sync();
    }
    return { pb: r.pb, wroteAssign: !hasAssign };
  });
  const planned = plannedSubmissions(read.pb, period, due);
  const codec = await files();
  const out: { name: string; bytes: Uint8Array }[] = [];
  let k = 0;
  for (const b of planned.books) {
    onProgress?.(k, planned.books.length, b.book.file);
    out.push({ name: b.book.file, bytes: await codec.buildBook(b.book, b.plan, now) });
    k++;
  }
  onProgress?.(k, planned.books.length, "");
  const plan = read.pb.book.plan;
  return {
    period, due, judgedPeriod: planned.judgedPeriod, assignSheetWritten: read.wroteAssign ? ASSIGN_SHEET : null,
    books: planned.books.map((b, i) => ({ file: b.book.file, recipient: b.recipient.name, kind: b.recipient.kind, form: b.book.record.form, targets: b.targets, tasks: b.tasks, explain: b.explain, bytes: out[i].bytes })),
    zip: { name: `phieu-thu-thap-${period}-${plan.year}.zip`, bytes: codec.zip(out) },
    delivery,
  };
}

/** Column letters are 0-based here: the place of a write as Excel names it. */
const placeName = (sheet: string, row: number, col: number): string => `${sheet}!${a1(row, col)}`;

export async function collectReturned(run: ExcelRun, files: () => Promise<CycleFiles>, inputs: readonly CycleFileIn[], period: PeriodId, onProgress?: Progress): Promise<CollectOutcome> {
  // The files are read before Excel is asked anything: no request is held open while they are unzipped.
  const codec = await files();
  const reads: Awaited<ReturnType<CycleFiles["readBook"]>>[] = [];
  let k = 0;
  for (const f of inputs) {
    onProgress?.(k, inputs.length, f.name);
    reads.push(await codec.readBook(f.bytes, f.name));
    k++;
  }
  onProgress?.(k, inputs.length, "");
  return run(async (ctx) => {
    const { pb, sheets, history } = await readPlanBook(ctx);
    const plans = builtInPlans();
    const results: ReturnedFile[] = inputs.map((f, i) => {
      const g = reads[i];
      return g.ok ? readReturnedGrids(g.grids, f.name, f.received, pb, period, plans) : unreadableFile(f.name, g.reason);
    });
    const c = planCollect(pb, results, period, new Date().toISOString());
    const byName = new Map(sheets.map((s) => [s.name, s]));
    const touched = [...new Set([...c.writes.map((w) => w.sheet), ...(c.explainHeader ? [c.explainHeader.sheet] : [])])];
    const locked = touched.filter((n) => byName.get(n)?.protected);
    if (locked.length) throw new HostError(HOST_TEXT.sheetProtected(locked[0]));
    const formatAt = (sheet: string, row: number, col: number): string | null => {
      const u = byName.get(sheet)?.used;
      const f = u ? u.numberFormat[row - u.row]?.[col - u.col] : null;
      return typeof f === "string" ? f : null;
    };
    const cell = (sheet: string, row: number, col: number) => ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, 1, 1);
    if (c.explainHeader) {
      const h = c.explainHeader;
      if (h.keyRow !== null) cell(h.sheet, h.keyRow, h.col).values = [[h.key]];
      const head = cell(h.sheet, h.headerRow, h.col);
      head.values = [[h.header]];
      head.format.font.bold = true;
      head.format.wrapText = true;
      head.format.columnWidth = widthPoints(30);
    }
    for (const w of c.writes) cell(w.sheet, w.row, w.col).values = [[cellInput(w.value, formatAt(w.sheet, w.row, w.col))]];
    writeTableSheet(ctx, byName.get(SOURCES_SHEET), SOURCES_SHEET, SOURCES_TITLE, null, CYCLE_TABLE_HEADER_ROW, SOURCES_COLUMNS, c.sources);
    const conflicts = conflictRows(c.conflicts);
    const conflictsSheet = byName.get(CONFLICTS_SHEET);
    if (conflicts.length) writeTableSheet(ctx, conflictsSheet, CONFLICTS_SHEET, CONFLICTS_TITLE, null, CYCLE_TABLE_HEADER_ROW, CONFLICTS_COLUMNS, conflicts);
    else if (conflictsSheet) ctx.workbook.worksheets.getItem(conflictsSheet.name).delete();
    queueHistory(ctx, history, c.history);
    await ctx.sync();
    return {
      period,
      merged: c.counts,
      conflicts: c.conflicts.map((x) => ({ row: x.row, kind: x.kind, cell: x.cell, current: x.current, values: x.values })),
      rollups: c.rollups.filter((r) => r.differs).map((r) => ({ target: r.target, sum: r.sum, communes: r.communes, differs: r.differs?.value ?? null, by: r.differs?.recipient ?? null })),
      missing: c.missing,
      files: results.map((x) => ({
        file: x.file, recipient: x.recipient, readable: x.readable, reason: x.reason, merged: x.returned !== null,
        issues: x.issues.map((i) => ({ code: i.code, severity: i.severity, message: message(i), where: describeLocation(i.location) })),
      })),
      sourcesSheet: SOURCES_SHEET,
      conflictsSheet: conflicts.length ? CONFLICTS_SHEET : null,
      written: c.writes.map((w) => placeName(w.sheet, w.row, w.col)),
    };
  });
}

/**
 * How the books can be handed over here. A download from the pane works in Excel on the web and in the
 * Windows webview; the Mac and iPad webviews drop it silently, so there each book is opened in a new
 * window with `Excel.createWorkbook` (ExcelApi 1.8), where the host has it.
 */
export function cycleDelivery(platform: string | null, isSetSupported: (name: string, version: string) => boolean): CycleDelivery {
  if (platform !== "Mac" && platform !== "iOS") return "download";
  return isSetSupported("ExcelApi", "1.8") && typeof Excel !== "undefined" && typeof Excel.createWorkbook === "function" ? "open-each" : "none";
}

/** One book in a new Excel window (ExcelApi 1.8). */
export async function openBook(bytes: Uint8Array): Promise<void> {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await Excel.createWorkbook(btoa(bin));
}
