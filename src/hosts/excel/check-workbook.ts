/**
 * "Kiểm tra số liệu" in Excel: every visible sheet read in one request and validated against the
 * workbook's plan by the pure core (src/core/validate); problem cells marked with a fill colour
 * (values and formulas never touched), an optional issues sheet, and the fixes the user accepts
 * written in one request. Each operation is a fixed number of `context.sync` calls whatever the
 * number of sheets or problems:
 *  - checkWorkbook: 2 to read (settings and sheet list; used ranges), then, when marking or listing,
 *    1 to read the fills under the cells to mark and 1 to write; only a workbook too large for one
 *    response (5 MB on the web) is read in more, by size (check-read.ts);
 *  - applyFixes: 3 (settings and sheet list; the cells as they are now and the targets sheet; the
 *    write of the fixes together with the judgement of the target rows they touched);
 *  - clearMarks: 3 (record and sheet list, fills, the write).
 */
import { normalAddress, parseCell } from "../../core/address";
import type { Plan } from "../../core/plan";
import { describeLocation, message } from "../../core/messages";
import type { Severity } from "../../core/problems";
import { type Issue, validateGrid } from "../../core/validate";
import { cellInput } from "./cells";
import { type UsedRead, gridOf } from "./check-grid";
import { readUsedRanges } from "./check-read";
import { MARKS_SETTING_KEY, type Mark, type SheetAccess, type WantedMark, decodeMarks, markColor, planMarks, queueFill, queueRecord } from "./check-marks";
import { ISSUES_SHEET_KEY, issuesSheetName, writeIssuesSheet } from "./check-sheet";
import { fixText } from "../../layout/sheets/issues";
import { HostError } from "./errors";
import { loadRecord, loadSettings, planOf, recordOf, recordPlan, settingsMeta } from "./locate";
import { loadCulture } from "./culture";
import { loadJudged } from "./judged";
import { isDateFormat } from "../../core/validate/figures";
import { hiddenChange, shownCell } from "../../core/validate/shown";
import type { TypingCulture } from "../../core/culture";
import type { Grid } from "../../core/read-table/grid";
import { recordCulture } from "../../layout/sheets/record";
import { queueJudgement } from "./recheck";
import { type TargetsSheet, readTargetsById } from "./targets-sheet";
import { type HistoryEntry, type HistoryValue, newHistoryId } from "../../core/history";
import { changeEntries } from "../../layout/history";
import { HISTORY_SHEET } from "../../layout/sheets/history";
import { queueHistory, queueHistoryProbe } from "./history-sheet";
import type { SeenInputs } from "./own-writes";
import { affectedIds, judgeSheet, keyedGrid } from "../../layout/judge";
import type { Area } from "../../layout/sheet-model";
import { periodKey } from "../../core/row-id";
import type { CheckSummary } from "../../contract/operations";
import type { ExcelRun } from "./host";
import { HOST_TEXT } from "./strings";

export type { ExcelRun };
import type { CellRead, CheckOptions, CheckedIssue, FixOutcome, FixToApply, SheetIssues, WorkbookCheck } from "../../contract/operations";
export type { CellRead, CheckOptions, CheckedIssue, FixOutcome, FixToApply, SheetIssues, WorkbookCheck };

export const CHECK_TEXT = {
  workbookProtected:
    "Cấu trúc sổ tính đang được bảo vệ nên KT-XH không thêm được trang “Kiểm tra”; danh sách lỗi vẫn hiện trong khung bên phải.",
  issuesSheetHidden: "Trang “Kiểm tra” của KT-XH đang bị ẩn hoặc khóa nên không được ghi lại.",
} as const;

interface SheetRead {
  id: string;
  name: string;
  visible: boolean;
  used: UsedRead | null;
  protection: Excel.WorksheetProtection;
}

function access(p: Excel.WorksheetProtection): SheetAccess {
  return { exists: true, protected: p.protected && p.options?.allowFormatCells !== true };
}

/** The value read at (row, col) of the sheet, from its used range. */
function readAt(s: SheetRead, row: number, col: number): CellRead | null {
  if (!s.used) return null;
  const v = s.used.values[row - s.used.row]?.[col - s.used.col];
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

/** The number format read at (row, col) of the sheet, from its used range. */
function formatAt(s: SheetRead, row: number, col: number): string | null {
  const f = s.used?.numberFormat[row - s.used.row]?.[col - s.used.col];
  return typeof f === "string" ? f : null;
}

function checked(i: Issue, sheets: Map<string, SheetRead>): CheckedIssue {
  const out: CheckedIssue = { ...i, message: message(i), where: describeLocation(i.location), fixText: null, wasText: null, hiddenChange: null, apply: null };
  if (i.fix && i.location.sheet) {
    const s = sheets.get(i.location.sheet);
    const pos = parseCell(i.fix.cell);
    const was = s && pos ? readAt(s, pos.row, pos.col) : null;
    out.fixText = fixText(i.fix.value);
    if (was !== null && s && pos) {
      // What the officer sees in the cell: 01/07/2024 for a date's serial 45474, 35,58% for 0,3558.
      out.wasText = shownCell(was, formatAt(s, pos.row, pos.col));
      out.hiddenChange = out.wasText === out.fixText ? hiddenChange(was, i.fix.value) : null;
      out.apply = { sheet: i.location.sheet, cell: i.fix.cell, value: i.fix.value, was, ...(i.location.target ? { target: i.location.target } : {}) };
    }
  }
  return out;
}

function group(issues: CheckedIssue[], order: string[]): SheetIssues[] {
  const by = new Map<string, CheckedIssue[]>();
  for (const i of issues) {
    const k = i.location.sheet ?? "";
    by.set(k, [...(by.get(k) ?? []), i]);
  }
  const names = [...order.filter((n) => by.has(n)), ...[...by.keys()].filter((n) => !order.includes(n))];
  return names.map((sheet) => ({ sheet, issues: by.get(sheet) ?? [] }));
}

/** One mark a cell, the colour of its worst problem. */
function wantedMarks(issues: readonly Issue[], sheets: Map<string, SheetRead>): WantedMark[] {
  const per = new Map<string, { sheetId: string; cell: string; sev: Severity[] }>();
  for (const i of issues) {
    const s = i.location.sheet ? sheets.get(i.location.sheet) : undefined;
    const cell = i.location.cell;
    if (!s || !cell) continue;
    const k = `${s.id}!${cell}`;
    const cur = per.get(k) ?? { sheetId: s.id, cell, sev: [] };
    cur.sev.push(i.severity);
    per.set(k, cur);
  }
  const out: WantedMark[] = [];
  for (const w of per.values()) {
    const color = markColor(w.sev);
    if (color) out.push({ sheetId: w.sheetId, cell: w.cell, color });
  }
  return out;
}

/** Queues the fill reads of every cell named, by sheet id. */
function loadFills(ctx: Excel.RequestContext, cells: readonly { sheetId: string; cell: string }[]): Map<string, Excel.RangeFill> {
  const fills = new Map<string, Excel.RangeFill>();
  for (const c of cells) {
    const k = `${c.sheetId}!${c.cell}`;
    if (fills.has(k)) continue;
    fills.set(k, ctx.workbook.worksheets.getItem(c.sheetId).getRange(c.cell).format.fill.load("color"));
  }
  return fills;
}

function queueMarks(ctx: Excel.RequestContext, plan: ReturnType<typeof planMarks>, existed: boolean): void {
  for (const p of plan.paint) queueFill(ctx.workbook.worksheets.getItem(p.sheetId).getRange(p.cell), p.color);
  for (const r of plan.restore) queueFill(ctx.workbook.worksheets.getItem(r.sheetId).getRange(r.cell), r.fill);
  queueRecord(ctx, plan.keep, existed);
}

export async function checkWorkbook(run: ExcelRun, plan: Plan | null, options: CheckOptions = {}, host: { culture?: boolean } = {}): Promise<WorkbookCheck> {
  const mark = options.mark ?? true;
  const listSheet = options.issuesSheet ?? false;
  return run(async (ctx) => {
    // 1: what the add-in keeps in settings, and the sheets.
    const settings = loadSettings(ctx);
    const marksSetting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY).load("value");
    const ownSetting = ctx.workbook.settings.getItemOrNullObject(ISSUES_SHEET_KEY).load("value");
    const list = ctx.workbook.worksheets.load("items/id,items/name,items/visibility");
    const wbProtection = ctx.workbook.protection.load("protected");
    const liveCulture = loadCulture(ctx, host.culture === true);
    await ctx.sync();

    let meta = settingsMeta(settings);
    const ownId = !ownSetting.isNullObject && typeof ownSetting.value === "string" ? ownSetting.value : null;
    const ownSheet = list.items.find((w) => w.id === ownId) ?? null;

    // 2: every visible sheet's used range (our issues sheet excepted), every sheet's protection.
    // The history is the add-in's own log of values, not a table to check.
    const visibleSheets = list.items.filter((w) => w.visibility === "Visible" && w !== ownSheet && w.name !== HISTORY_SHEET);
    const { used, extra } = await readUsedRanges(ctx, visibleSheets, () => ({
      protections: list.items.map((w) => w.protection.load("protected,options")),
      ownUsed: ownSheet ? ownSheet.getUsedRangeOrNullObject(false).load("address") : null,
      recordRange: plan ? null : loadRecord(list, list.items.map((w) => ({ id: w.id, name: w.name }))),
    }), options.cellsPerSync);
    const { ownUsed, recordRange } = extra;

    // The book's record is the source of truth; settings are what older versions kept.
    const record = recordOf(recordRange);
    if (record) meta = record.meta;
    const thePlan = plan ?? recordPlan(record) ?? planOf(settings, meta);
    if (!thePlan) throw new HostError(meta ? HOST_TEXT.planUnknown(meta.planId) : HOST_TEXT.noPlan);

    const reads: SheetRead[] = list.items.map((w, i) => {
      const k = visibleSheets.indexOf(w);
      return { id: w.id, name: w.name, visible: k >= 0, used: k >= 0 ? used[k] : null, protection: extra.protections[i] };
    });
    const visible = reads.filter((r) => r.visible);
    // Slips are read in the culture the figures were typed in: this Excel's, else the one the book's record keeps.
    const culture = liveCulture() ?? recordCulture(record);
    const grids = visible.map((r): Grid => ({ ...(r.used ? gridOf(r.used) : { sheet: r.name, cells: [], merges: [] }), culture }));
    const byName = new Map(reads.map((r) => [r.name, r]));
    const issues = validateGrid(thePlan, grids, { ownPlans: options.ownPlans === true }).map((i) => checked(i, byName));
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const i of issues) counts[i.severity] += 1;
    const result: WorkbookCheck = {
      planId: thePlan.id,
      checked: visible.map((r) => r.name),
      sheets: group(issues, visible.map((r) => r.name)),
      counts,
      marked: 0,
      unmarkedSheets: [],
      issuesSheet: null,
      issuesSheetSkipped: null,
    };
    if (!mark && !listSheet) return result;

    // 3: the fills under old and new marks; the issues sheet made if it is not there yet.
    const old = marksSetting.isNullObject ? [] : decodeMarks(marksSetting.value);
    const byId = new Map(reads.map((r) => [r.id, r]));
    const wanted = mark ? wantedMarks(issues, byName) : [];
    const fills = mark ? loadFills(ctx, [...old.filter((m) => byId.has(m.s)).map((m) => ({ sheetId: m.s, cell: m.c })), ...wanted]) : new Map<string, Excel.RangeFill>();
    let target: Excel.Worksheet | null = null;
    let created = false;
    if (listSheet) {
      if (ownSheet) {
        const own = byId.get(ownSheet.id);
        if (ownSheet.visibility !== "Visible" || own?.protection.protected) result.issuesSheetSkipped = CHECK_TEXT.issuesSheetHidden;
        else target = ownSheet;
      } else if (wbProtection.protected) {
        result.issuesSheetSkipped = CHECK_TEXT.workbookProtected;
      } else {
        target = ctx.workbook.worksheets.add(issuesSheetName(list.items.map((w) => w.name)));
        created = true;
      }
      target?.load("id,name");
    }
    await ctx.sync();

    // 4: marks, record and issues sheet in one write.
    if (mark) {
      const accessOf = (id: string): SheetAccess => {
        const r = byId.get(id);
        return r ? access(r.protection) : { exists: false, protected: false };
      };
      const markPlan = planMarks(old, wanted, (id, cell) => fills.get(`${id}!${cell}`)?.color ?? null, accessOf);
      queueMarks(ctx, markPlan, !marksSetting.isNullObject);
      const placed = new Set(markPlan.keep.map((m) => `${m.s}!${m.c}`));
      result.marked = wanted.filter((w) => placed.has(`${w.sheetId}!${w.cell}`)).length;
      result.unmarkedSheets = [...new Set(wanted.filter((w) => accessOf(w.sheetId).protected).map((w) => byId.get(w.sheetId)?.name ?? ""))];
    }
    if (target) {
      if (ownUsed && !ownUsed.isNullObject) target.getRange(normalAddress(ownUsed.address)).clear();
      writeIssuesSheet(target, issues);
      if (created) ctx.workbook.settings.add(ISSUES_SHEET_KEY, target.id);
      result.issuesSheet = target.name;
    }
    await ctx.sync();
    return result;
  });
}

/** Which fix cells can be written now: a sheet protected over a locked fix cell refuses them all. */
interface FixCell {
  fix: FixToApply;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  fill: Excel.RangeFill;
  locked: Excel.FormatProtection;
}

export interface FixOptions {
  /** Records each range the add-in writes, so live judgment takes their change events for our own. */
  log?: (sheetId: string, area: Area) => void;
  /** Whether Excel reports its culture (ExcelApi 1.11), and the culture known otherwise (the record's). */
  culture?: { supported: boolean; known: TypingCulture | null };
  /** The record sheet's id: the fingerprints of the rows judged with the fixes are kept there. */
  recordId?: string | null;
  /** The time of the fixes, for the book's history. */
  now?: () => string;
  /** The targets sheet's inputs as the add-in leaves them (live judgement's old values). */
  seen?: SeenInputs;
}

export async function applyFixes(run: ExcelRun, fixes: readonly FixToApply[], options: FixOptions = {}): Promise<FixOutcome> {
  const outcome: FixOutcome = { applied: [], skipped: [] };
  if (!fixes.length) return outcome;
  const log = options.log ?? (() => undefined);
  return run(async (ctx) => {
    const list = ctx.workbook.worksheets.load("items/id,items/name");
    const marksSetting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY).load("value");
    const settings = loadSettings(ctx);
    const liveCulture = loadCulture(ctx, options.culture?.supported === true);
    await ctx.sync();
    const culture = liveCulture() ?? options.culture?.known ?? null;

    // The targets sheet, read with the cells when a fix lands on it: its rows are judged again below.
    const meta = settingsMeta(settings);
    const targetsId = meta?.sheets.targets.id ?? null;
    const targetsWs = targetsId ? list.items.find((w) => w.id === targetsId) : undefined;
    const period = meta?.statusPeriod ?? null;
    const plan = targetsWs && period ? planOf(settings, meta) : null;
    const finishTargets = plan && targetsWs && fixes.some((f) => f.sheet === targetsWs.name) ? readTargetsById(ctx, targetsWs.id) : null;
    const finishJudged = finishTargets ? loadJudged(ctx, options.recordId ?? null) : () => null;

    const protections = new Map<string, Excel.WorksheetProtection>();
    const cells: FixCell[] = [];
    const seen = new Set<string>();
    for (const fix of fixes) {
      const ws = list.items.find((w) => w.name === fix.sheet);
      const k = `${fix.sheet}!${fix.cell}`;
      if (!ws || !parseCell(fix.cell)) {
        outcome.skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: "missing" });
        continue;
      }
      if (seen.has(k)) continue;
      seen.add(k);
      if (!protections.has(ws.id)) protections.set(ws.id, ws.protection.load("protected"));
      const range = ws.getRange(fix.cell).load("values,formulas,numberFormat");
      cells.push({ fix, sheet: ws, range, fill: range.format.fill.load("color"), locked: range.format.protection.load("locked") });
    }
    const probe = queueHistoryProbe(ctx);
    await ctx.sync();

    // Refuse before anything is queued: a failed write would leave the earlier ones applied.
    for (const c of cells) {
      if (protections.get(c.sheet.id)?.protected && c.locked.locked !== false) throw new HostError(HOST_TEXT.sheetProtected(c.fix.sheet));
    }
    const old = marksSetting.isNullObject ? [] : decodeMarks(marksSetting.value);
    const fixed = new Set<string>();
    for (const c of cells) {
      const now = c.range.values[0]?.[0];
      const formula = c.range.formulas[0]?.[0];
      const hasFormula = typeof formula === "string" && formula.startsWith("=") && formula !== now;
      if (now !== c.fix.was || hasFormula) {
        outcome.skipped.push({ sheet: c.fix.sheet, cell: c.fix.cell, reason: "changed" });
        continue;
      }
      const format = String(c.range.numberFormat[0]?.[0] ?? "General");
      if (typeof c.fix.value === "number") {
        // A number typed into a Text-formatted cell stays text: the fix of "stored as text" needs General.
        if (format === "@") c.range.numberFormat = [["General"]];
        c.range.values = [[c.fix.value]];
      } else {
        // Text put back where Excel made a date ("7-8"): the date format goes, and the text is kept as text.
        if (isDateFormat(format)) c.range.numberFormat = [["General"]];
        c.range.values = [[cellInput(c.fix.value, format === "@" ? "@" : "General")]];
      }
      outcome.applied.push({ sheet: c.fix.sheet, cell: c.fix.cell });
      fixed.add(`${c.sheet.id}!${c.fix.cell}`);
    }
    // A fixed cell loses its mark (when it still shows it); the record keeps the others.
    const keep: Mark[] = [];
    for (const m of old) {
      const c = fixed.has(`${m.s}!${m.c}`) ? cells.find((x) => x.sheet.id === m.s && x.fix.cell === m.c) : undefined;
      if (!c) keep.push(m);
      else if (c.fill.color === m.m) queueFill(c.range, m.o);
    }
    if (keep.length !== old.length) queueRecord(ctx, keep, true);
    for (const c of cells) {
      const pos = parseCell(c.fix.cell);
      if (pos && fixed.has(`${c.sheet.id}!${c.fix.cell}`)) log(c.sheet.id, { row: pos.row, col: pos.col, rows: 1, cols: 1 });
    }
    const t = finishTargets?.(plan) ?? null;
    const applied = cells.filter((c) => fixed.has(`${c.sheet.id}!${c.fix.cell}`));
    if (t && plan && period) outcome.summary = judgeFixed(ctx, { ...t, plan, meta, culture, judged: finishJudged() }, period, applied.filter((c) => c.sheet.id === t.id), log, options.seen);
    queueHistory(ctx, probe(), fixEntries(applied, t, planOf(settings, meta), options.now?.() ?? new Date().toISOString()));
    await ctx.sync();
    return outcome;
  });
}

/**
 * Queues the judgement of the target rows the fixes changed, on the sheet as it will be once they are
 * written (the fixed values laid into the grid just read), in the same request as the fixes.
 */
function judgeFixed(
  ctx: Excel.RequestContext,
  t: Parameters<typeof queueJudgement>[1],
  period: Parameters<typeof queueJudgement>[2],
  fixedCells: readonly FixCell[],
  log: (sheetId: string, area: Area) => void,
  seen?: SeenInputs,
): CheckSummary | null {
  const grid = t.grid.map((r) => [...r]);
  const rows = new Set<number>();
  for (const c of fixedCells) {
    const pos = parseCell(c.fix.cell);
    if (!pos) continue;
    while (grid.length <= pos.row) grid.push([]);
    grid[pos.row][pos.col] = c.fix.value;
    rows.add(pos.row);
  }
  const after = { ...t, grid };
  const keyed = keyedGrid(after.read, grid, t.formats, t.culture);
  seen?.set(t.id, keyed);
  if (!after.read.columns.some((c) => c.key === periodKey(period))) return null;
  const only = affectedIds(t.plan, keyed, rows);
  const handled = new Set([...rows].map((r) => keyed.rows[r]?.id).filter((x): x is string => !!x));
  // A protected sheet takes the fixes of its unlocked cells but not the status writes: the summary still says.
  if (t.protected) return judgeSheet(t.plan, keyed, period, t.name).summary;
  return queueJudgement(ctx, after, period, (a) => log(t.id, a), only, handled).summary;
}

/**
 * The history entries of the fixes written, one batch: on the targets sheet by row identity and
 * column key (the target, the period and its mark), elsewhere by sheet and cell with the target the
 * check named.
 */
function fixEntries(applied: readonly FixCell[], t: TargetsSheet | null, plan: Plan | null, at: string): HistoryEntry[] {
  const batch = newHistoryId();
  const keyed = t ? keyedGrid(t.read, t.grid, t.formats) : null;
  const out: HistoryEntry[] = [];
  for (const c of applied) {
    const pos = parseCell(c.fix.cell);
    if (!pos) continue;
    const old: HistoryValue = c.fix.was === "" || typeof c.fix.was === "boolean" ? (c.fix.was === "" ? null : String(c.fix.was)) : c.fix.was;
    const id = keyed && t && c.sheet.id === t.id ? keyed.rows[pos.row]?.id : null;
    const key = keyed && id ? keyed.columns[pos.col]?.key : null;
    if (plan && keyed && id && key) {
      out.push(...changeEntries([{ row: id, key, at: pos, old, new: c.fix.value }], { plan, sheet: c.fix.sheet, after: keyed, at, batch, action: () => "fix", source: () => "" }));
      continue;
    }
    const target = c.fix.target ?? null;
    out.push({
      id: newHistoryId(), at, action: "fix", batch, period: null, target,
      name: (target && plan?.targets.find((x) => x.no === target)?.name) || "",
      key: null, row: null, sheet: c.fix.sheet, cell: normalAddress(c.fix.cell), old, new: c.fix.value, mark: null, source: "",
    });
  }
  return out;
}

/** Takes every mark off (where the cell still shows it) and forgets the record. */
export async function clearMarks(run: ExcelRun): Promise<{ cleared: number; kept: number }> {
  return run(async (ctx) => {
    const list = ctx.workbook.worksheets.load("items/id,items/name");
    const marksSetting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY).load("value");
    await ctx.sync();
    if (marksSetting.isNullObject) return { cleared: 0, kept: 0 };
    const old = decodeMarks(marksSetting.value);
    const ids = new Set(list.items.map((w) => w.id));
    const protections = new Map(list.items.filter((w) => old.some((m) => m.s === w.id)).map((w) => [w.id, w.protection.load("protected,options")]));
    const fills = loadFills(ctx, old.filter((m) => ids.has(m.s)).map((m) => ({ sheetId: m.s, cell: m.c })));
    await ctx.sync();
    const accessOf = (id: string): SheetAccess => {
      const p = protections.get(id);
      return p ? access(p) : { exists: false, protected: false };
    };
    const markPlan = planMarks(old, [], (id, cell) => fills.get(`${id}!${cell}`)?.color ?? null, accessOf);
    queueMarks(ctx, markPlan, true);
    await ctx.sync();
    return { cleared: markPlan.restore.length, kept: markPlan.keep.length };
  });
}
