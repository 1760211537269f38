/**
 * `PaneOperations` over a live workbook. Production passes `Excel.run`; tests pass the strict
 * in-memory Excel's `run`. Every operation is a fixed, small number of `context.sync` calls whatever
 * the plan's size; every failure reaches the pane as an Error with a Vietnamese message.
 */
import type { Plan } from "../../core/plan";
import { type PeriodId, isPeriodId } from "../../core/periods";
import type { CheckSummary, DropCandidate, LoadOutcome, PaneOperations, PeriodCode, StaleJudgement, WorkbookState } from "../../contract/operations";
import { HostError, hostError } from "./errors";
import { type IsSetSupported, detectFeatures, featureNotices, officeRequirements } from "./features";
import { DEFAULT_NAMES, type WriteContext, dropLabel, mergeAll, writeMerged } from "./load";
import { loadRecord, loadSettings, locate, recordOf, settingsMeta } from "./locate";
import { OwnWrites, SeenInputs } from "./own-writes";
import { queueJudgement } from "./recheck";
import { HOST_TEXT } from "./strings";
import { type OpenedTargets, type TargetsHints, changedSince, openTargets } from "./targets-sheet";
import type { RowsChanged } from "../../layout/fingerprint";
import { RECORD_SHEET } from "../../layout/sheets/record";
import { isReportPeriod } from "../../core/report/period";
import { type BookRecord, recordReportFields } from "../../layout/sheets/record";
import { watchTargets } from "./watch";
import type { TypingCulture } from "../../core/culture";
import type { CycleFiles } from "../../layout/cycle";
import { queueOutside } from "./history-sheet";
import { HISTORY_SHEET } from "../../layout/sheets/history";
import { withChanges } from "../../layout/history";

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Rows (ids such as `t:3`) of the targets sheet `sheet` whose inputs changed since last judged, judged now for `period`. */
export interface RowsChangedEvent {
  period: PeriodId;
  sheet: string;
  when: "recheck" | "catch-up" | "live";
  ids: string[];
}

export interface HostOptions {
  /** Requirement-set check; by default Office's own. */
  isSetSupported?: IsSetSupported;
  /** Bytes one request may carry; Excel on the web refuses more than 5 MB, so stay well below. */
  requestLimitBytes?: number;
  /** How long live judgment waits for a burst of edits to end. */
  debounceMs?: number;
  /** Waits before each retry of a live judgement Excel refused (watch.ts's RETRY_DELAYS_MS by default). */
  retryDelaysMs?: readonly number[];
  /** ISO time of a write, recorded in the metadata. */
  now?: () => string;
  /**
   * Told of the target rows whose inputs changed since they were last judged, once they are judged
   * again: at the opening recheck and when the pane comes back into view, these are the rows edited
   * while the pane was closed or hidden ("catch-up", "recheck"); during live judgement, rows a co-author
   * or a lost event changed beside the edit handled ("live"). Only where the book's record keeps the
   * rows' fingerprints (never a guess: a book without them reports nothing). For the book's history.
   */
  onRowsChanged?: (e: RowsChangedEvent) => void;
  /**
   * A request context outside `Excel.run` for live judgment (`new Excel.RequestContext()` by default
   * where Office.js is loaded): an event handler must be removed through the context that added it.
   */
  newContext?: (() => Excel.RequestContext) | null;
  /**
   * The file host's cycle functions (src/hosts/xlsx/cycle-files.ts), loaded on first use: the pane's
   * entry passes a dynamic import, tests the module itself. Without them the cycle's buttons say so.
   */
  cycleFiles?: () => Promise<CycleFiles>;
  /** `Office.context.platform` ("OfficeOnline", "PC", "Mac", …): how the books are handed over. */
  platform?: string | null;
}

function officeContext(): (() => Excel.RequestContext) | null {
  return typeof Excel !== "undefined" && typeof Excel.RequestContext === "function" ? () => new Excel.RequestContext() : null;
}

const DEFAULT_REQUEST_LIMIT = 4 * 1024 * 1024;
const DEFAULTS = Object.values(DEFAULT_NAMES);

function period(code: PeriodCode): PeriodId {
  if (!isPeriodId(code)) throw new HostError(HOST_TEXT.periodMissing(code));
  return code;
}

export function createExcelOperations(run: ExcelRun, options: HostOptions = {}): PaneOperations {
  const features = detectFeatures(options.isSetSupported ?? officeRequirements());
  const requestLimit = options.requestLimitBytes ?? DEFAULT_REQUEST_LIMIT;
  const debounceMs = options.debounceMs ?? 300;
  const now = options.now ?? (() => new Date().toISOString());
  const own = new OwnWrites();
  const inputsSeen = new SeenInputs();
  const newContext = options.newContext === undefined ? officeContext() : options.newContext;
  // The targets sheet's id as last seen: lets recheck and live judgment read it in one request.
  let targetsId: string | null = null;
  // The culture figures are typed in, as last seen (this Excel's, else the record's): what an Excel
  // below ExcelApi 1.11 falls back on between the reads that see the record.
  let culture: TypingCulture | null = null;
  // The record sheet's id, where the book has one: the rows' fingerprints are read from it with the targets sheet.
  let recordId: string | null = null;
  // Whether the history sheet was seen: its values are then read with the targets sheet (edits made outside the add-in).
  let historyExists = false;
  const hints = (): TargetsHints => ({ cultureSupported: features.culture, culture, recordId, historyExists });
  const cultureRead = () => ({ supported: features.culture, known: culture });
  const seen = (t: OpenedTargets): void => {
    targetsId = t.id;
    culture = t.culture;
    if (t.judged) recordId = t.judged.recordId;
    if (t.history) historyExists = t.history.probe.exists;
  };
  /**
   * The edits made while no pane watched, in the action's write batch (no request of its own): "sửa
   * ngoài add-in" rows, and what the add-in has seen of the sheet brought up to them.
   */
  const outside = (ctx: Excel.RequestContext, t: OpenedTargets): boolean => {
    const logged = queueOutside(ctx, t, now);
    if (!logged.length) return false;
    const before = inputsSeen.get(t.id);
    if (before) inputsSeen.set(t.id, withChanges(before, logged));
    historyExists = true;
    return true;
  };
  const changedRows = (t: OpenedTargets, period: PeriodId, when: RowsChangedEvent["when"], changed: RowsChanged, judged: boolean): void => {
    if (judged && changed.known && changed.changed.length) options.onRowsChanged?.({ period, sheet: t.name, when, ids: changed.changed });
  };

  // `return await` so that a failure is turned into the pane's message here, not lost (see STYLE.md).
  const call = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await run(batch);
    } catch (err) {
      throw hostError(err);
    }
  };

  async function readState(): Promise<WorkbookState> {
    return call(async (ctx) => {
      const settings = loadSettings(ctx);
      const sheets = ctx.workbook.worksheets.load("items/id,items/name");
      await ctx.sync();
      let meta = settingsMeta(settings);
      const infos = sheets.items.map((w) => ({ id: w.id, name: w.name }));
      // The book's record: the metadata of a workbook made by `ktxh init`, the report fields last used.
      const range = loadRecord(sheets, infos);
      let record: BookRecord | null = null;
      if (range) {
        await ctx.sync();
        record = recordOf(range);
        meta = meta ?? record?.meta ?? null;
      }
      const id = meta?.sheets.targets.id;
      if (id && sheets.items.some((s) => s.id === id)) targetsId = id;
      recordId = infos.find((s) => s.name === RECORD_SHEET)?.id ?? null;
      historyExists = infos.some((s) => s.name === HISTORY_SHEET);
      return {
        planId: meta?.planId ?? null,
        planTitle: meta ? `${meta.unit} – ${meta.year}` : null,
        periods: meta?.periods ?? [],
        notices: featureNotices(features),
        reportFields: recordReportFields(record),
      };
    });
  }

  async function loadPlan(
    plan: Plan,
    periods: PeriodCode[],
    confirmDrop: (rows: DropCandidate[]) => Promise<boolean>,
  ): Promise<LoadOutcome | { cancelled: true }> {
    const ids = periods.filter(isPeriodId);
    const write: WriteContext = { features, requestLimit, now, seen: inputsSeen, log: (sheet) => (a) => own.note(sheet, a) };
    const first = await call(async (ctx) => {
      // The history travels with the sheets (no request of its own): the edits made outside the add-in are logged before the reload.
      const merged = mergeAll(plan, await locate(ctx, DEFAULTS, features.culture, { history: true }), ids);
      if (merged.dropped.length) return { ask: merged.dropped.map(dropLabel) };
      return { done: await writeMerged(ctx, plan, merged, write) };
    });
    let result: Awaited<ReturnType<typeof writeMerged>>;
    if (first.done) result = first.done;
    else {
      // The question waits on the user: no Excel request is held open meanwhile.
      if (!(await confirmDrop(first.ask ?? []))) return { cancelled: true };
      // Read again after the answer: what the user typed meanwhile is kept too (dropped rows are
      // kept under their heading, so a row that became filled in between is not lost either).
      result = await call(async (ctx) => writeMerged(ctx, plan, mergeAll(plan, await locate(ctx, DEFAULTS, features.culture, { history: true }), ids), write));
    }
    targetsId = result.targetsId;
    culture = result.culture;
    recordId = result.recordId;
    historyExists = historyExists || result.historyExists;
    return result.outcome;
  }

  async function recheck(code: PeriodCode): Promise<CheckSummary> {
    const p = period(code);
    return call(async (ctx) => {
      const t = await openTargets(ctx, targetsId, DEFAULTS, hints(), true);
      seen(t);
      // Before the judgement rewrites the fingerprints that find them.
      const logged = outside(ctx, t);
      const { summary, queued, changed } = queueJudgement(ctx, t, p, (a) => own.note(t.id, a));
      if (queued || logged) await ctx.sync();
      changedRows(t, p, "recheck", changed, true);
      return summary;
    });
  }

  /**
   * Judges again only the rows whose inputs changed since they were last judged (the fingerprints in
   * the book's record), and those whose judgement they decide: one read, one write when something
   * changed. A book whose record keeps no fingerprints is judged whole, as `recheck` does.
   */
  async function catchUp(code: PeriodCode): Promise<CheckSummary> {
    const p = period(code);
    return call(async (ctx) => {
      const t = await openTargets(ctx, targetsId, DEFAULTS, hints(), true);
      seen(t);
      const rows = changedSince(t);
      const logged = outside(ctx, t);
      const { summary, queued, changed } = queueJudgement(ctx, t, p, (a) => own.note(t.id, a), rows?.only, rows?.handled);
      if (queued || logged) await ctx.sync();
      changedRows(t, p, "catch-up", changed, true);
      return summary;
    });
  }

  async function watch(
    code: PeriodCode,
    onSummary: (s: CheckSummary) => void,
    onStale?: (s: StaleJudgement | null) => void,
  ): Promise<() => Promise<void>> {
    const p = period(code);
    const start = async (ctx: Excel.RequestContext): Promise<() => Promise<void>> => {
      const opened = await openTargets(ctx, targetsId, DEFAULTS, hints(), true);
      seen(opened);
      // A watch started with no recheck before it (the pane's own order is recheck, then watch) still logs them.
      outside(ctx, opened);
      const remove = watchTargets(ctx, {
        run: call, opened, period: p, own, triggerSource: features.triggerSource, debounceMs, onSummary, onStale, retryDelaysMs: options.retryDelaysMs,
        onRowsChanged: (ids) => options.onRowsChanged?.({ period: p, sheet: opened.name, when: "live", ids }),
        seen: inputsSeen, now,
      });
      await ctx.sync();
      return remove;
    };
    const wrap = (f: () => Promise<void>) => async () => {
      try {
        await f();
      } catch (err) {
        throw hostError(err);
      }
    };
    if (newContext) {
      // A context of its own outlives any Excel.run: the handler is removed in the context that added it.
      const ctx = newContext();
      try {
        return wrap(await start(ctx));
      } catch (err) {
        throw hostError(err);
      }
    }
    // No free-standing context: keep one Excel.run open for the watch's lifetime instead.
    let release = (): void => undefined;
    const released = new Promise<void>((r) => (release = r));
    let started: (() => void) | null = null;
    const ready = new Promise<void>((r) => (started = r));
    const done = call(async (ctx) => {
      const remove = await start(ctx);
      started?.();
      await released;
      await remove();
    });
    await Promise.race([ready, done]);
    return wrap(async () => {
      release();
      await done;
    });
  }

  async function select(sheet: string, cell: string): Promise<void> {
    await call(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  // The workbook check and the report are fetched on first use (webpack splits them off), so
  // opening the pane loads only what its first screen needs; a chunk that fails to arrive is a host
  // fault like any other and reaches the pane in Vietnamese.
  const load = async <M>(chunk: () => Promise<M>): Promise<M> => {
    try {
      return await chunk();
    } catch (err) {
      throw hostError(err);
    }
  };
  const check = () => load(() => import(/* webpackChunkName: "check" */ "./check-workbook"));
  const undo = () => load(() => import(/* webpackChunkName: "undo" */ "./undo"));
  const reports = async () => (await load(() => import(/* webpackChunkName: "report" */ "./report-sheet"))).reportOperations(call, { isSetSupported: options.isSetSupported, now: () => new Date(now()) });
  const cycle = () => load(() => import(/* webpackChunkName: "cycle" */ "./cycle"));
  const previous = () => load(() => import(/* webpackChunkName: "previous" */ "./previous"));
  const cycleFiles = async (): Promise<CycleFiles> => {
    if (!options.cycleFiles) throw new HostError(HOST_TEXT.cycleUnavailable);
    return load(options.cycleFiles);
  };
  const platform = options.platform !== undefined ? options.platform : typeof Office !== "undefined" ? String(Office.context?.platform ?? "") || null : null;
  const isSet = options.isSetSupported ?? officeRequirements();
  const reportPeriod = (code: PeriodCode) => {
    if (!isReportPeriod(code)) throw new HostError(HOST_TEXT.periodMissing(code));
    return code;
  };

  return {
    readState,
    loadPlan,
    recheck,
    catchUp,
    watch,
    select,
    checkWorkbook: async (o) => (await check()).checkWorkbook(call, null, o, { culture: features.culture }),
    // The fixes and the judgement of the target rows they touched, in one action.
    applyFixes: async (fixes) => (await check()).applyFixes(call, fixes, { log: (sheet, a) => own.note(sheet, a), culture: cultureRead(), recordId, now, seen: inputsSeen }),
    clearMarks: async () => (await check()).clearMarks(call),
    lastUndo: async () => (await undo()).lastUndo(call),
    rowChanges: async (no, limit) => (await undo()).rowChanges(call, no, limit),
    undoLast: async () => (await undo()).undoLast(call, { log: (sheet, a) => own.note(sheet, a), now, seen: inputsSeen }),
    buildReport: async (code, keepPrevious, fields) => (await reports()).buildReport(reportPeriod(code), keepPrevious, fields),
    copyReportTable: async (code, write, fields) => (await reports()).copyReportTable(reportPeriod(code), write, fields),
    makeSubmissions: async (code, due, onProgress) => {
      const c = await cycle();
      return c.makeSubmissions(call, cycleFiles, period(code), due, now(), c.cycleDelivery(platform, isSet), onProgress);
    },
    collectReturned: async (files, code, onProgress) => (await cycle()).collectReturned(call, cycleFiles, files, period(code), onProgress),
    previewPreviousYear: async (file, code) => (await previous()).previewPreviousYear(call, cycleFiles, file, period(code)),
    writePreviousYear: async (file, code, corrections) => (await previous()).writePreviousYear(call, cycleFiles, file, period(code), corrections, now()),
    openBook: async (bytes) => {
      const c = await cycle();
      try {
        await c.openBook(bytes);
      } catch (err) {
        throw hostError(err);
      }
    },
  };
}
