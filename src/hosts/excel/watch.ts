/**
 * Live judgment: the targets sheet's `onChanged` event, for edits of figures and traffic counts.
 * Bursts are gathered (debounce) and handled one at a time; each handling reads the sheet once and
 * writes the changed rows' status, percent and reason once. Ignored: the add-in's own writes (their
 * events would start it again). Co-authors' edits (`source: "Remote"`) are judged too: a co-author
 * without the add-in would otherwise leave the statuses stale for everyone. Two panes judging the same
 * edit agree (one core) and write only cells that differ, so the second writes nothing.
 *
 * Each handling also judges the rows whose inputs changed since they were last judged (the fingerprints
 * in the book's record, read and written in the same two requests): a co-author's edit (`source:
 * "Remote"`) whose event named other cells, or edits made while no event reached the pane. Activating
 * the targets sheet (`onActivated`, ExcelApi 1.7) starts such a handling with no edit of its own.
 *
 * A handling Excel refuses for a passing reason (`TRANSIENT`: the user is still editing the next cell,
 * Excel is busy) is tried again after a short wait; one that still fails is never dropped in silence:
 * `onStale` names its rows, and they are judged again with the next edit (or "Kiểm tra lại").
 */
import type { PeriodId } from "../../core/periods";
import type { CheckSummary, StaleJudgement } from "../../contract/operations";
import { targetNoOf } from "../../core/row-id";
import { parseArea } from "../../core/address";
import type { ExcelRun } from "./host";
import { affectedIds, judgeSheet, keyedGrid } from "../../layout/judge";
import type { OwnWrites, SeenInputs } from "./own-writes";
import { newHistoryId } from "../../core/history";
import { cellChanges, changeEntries } from "../../layout/history";
import { queueHistory, queueHistoryProbe } from "./history-sheet";
import { HostError } from "./errors";
import { queueJudgement } from "./recheck";
import { type OpenedTargets, changedSince, readTargetsById } from "./targets-sheet";
import { loadJudged } from "./judged";
import { HOST_TEXT } from "./strings";

/** Edits that move cells rather than change them: every row is judged again. */
const STRUCTURAL = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

export interface WatchOptions {
  run: ExcelRun;
  opened: OpenedTargets;
  period: PeriodId;
  own: OwnWrites;
  triggerSource: boolean;
  debounceMs: number;
  onSummary: (s: CheckSummary) => void;
  onStale?: (s: StaleJudgement | null) => void;
  /** Waits before each retry of a refused handling; by default `RETRY_DELAYS_MS`. */
  retryDelaysMs?: readonly number[];
  /** Rows judged because their fingerprints changed, beyond the edits the events named (see host.ts's onRowsChanged). */
  onRowsChanged?: (ids: string[]) => void;
  /** The inputs as last seen, for the history's old values; and the time of a change. */
  seen: SeenInputs;
  now: () => string;
}

/**
 * Codes Excel answers for a passing state, worth a retry (Microsoft's list of error codes,
 * learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 * cell-editing mode, "An internal error has occurred" and the activity limit.
 */
export const TRANSIENT = new Set(["InvalidOperationInCellEditMode", "GeneralException", "ActivityLimitReached"]);
/** About 5 seconds in all: a person presses Enter within that, or the pane says the rows are stale. */
export const RETRY_DELAYS_MS: readonly number[] = [300, 1200, 3500];

const codeOf = (err: unknown): string | null =>
  typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : null;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The targets sheet is protected: its statuses were judged but not written (a HostError passes `run` as it is). */
class ProtectedSheet extends HostError {
  constructor(readonly sheet: string) {
    super(HOST_TEXT.sheetProtected(sheet));
  }
}

interface Pending {
  rows: Set<number>;
  all: boolean;
}

/** Registers the handler (in the caller's batch); returns a function that removes it. */
export function watchTargets(ctx: Excel.RequestContext, o: WatchOptions): () => Promise<void> {
  const { plan, id } = o.opened;
  // Where no action has seen the sheet yet (a pane opened on a saved book), the sheet as the watch starts.
  if (!o.seen.get(id)) o.seen.set(id, keyedGrid(o.opened.read, o.opened.grid, o.opened.formats));
  let pending: Pending | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  // Rows whose last handling failed: handled again with the next one.
  let stale: Pending | null = null;

  const judge = async (p: Pending): Promise<void> => {
    await o.run(async (c) => {
      const finish = readTargetsById(c, id);
      const judged = loadJudged(c, o.opened.judged?.recordId ?? null);
      const probe = queueHistoryProbe(c);
      await c.sync();
      const sheet = finish(plan);
      if (!sheet) return;
      const t: OpenedTargets = { ...sheet, plan, meta: null, culture: o.opened.culture, judged: judged() };
      const grid = keyedGrid(t.read, t.grid, t.formats, t.culture);
      // The edited rows, and those whose inputs changed since last judged without an event saying so.
      const since = p.all ? null : changedSince(t);
      const edited = new Set([...p.rows].map((r) => grid.rows[r]?.id).filter((x): x is string => !!x));
      const beyond = since ? [...since.handled].filter((x) => !edited.has(x)) : [];
      const only = p.all ? undefined : new Set([...affectedIds(plan, grid, p.rows), ...(since?.only ?? [])]);
      const handled = new Set([...edited, ...(since?.handled ?? [])]);
      // The history of the edit, in the same request as its judgement: the edited rows' inputs against
      // what the add-in saw last (typed figures, overrides and their reasons).
      const before = o.seen.get(id);
      const changes = before ? cellChanges(before, grid, p.all ? {} : { rows: handled }) : [];
      o.seen.set(id, grid);
      const entries = changeEntries(changes, { plan, sheet: t.name, after: grid, at: o.now(), batch: newHistoryId() });
      const logged = queueHistory(c, probe(), entries);
      if (only && only.size === 0 && handled.size === 0) {
        if (logged) await c.sync();
        return;
      }
      // A sheet protected since: judged but not written (nothing half-written); the summary still
      // tells the counts, and the rows whose status could not be written are stale, with the reason.
      if (t.protected) {
        if (logged) await c.sync();
        if (!stopped) o.onSummary(judgeSheet(plan, grid, o.period, t.name).summary);
        if (judgeSheet(plan, grid, o.period, t.name, only).writes.length) throw new ProtectedSheet(t.name);
        return;
      }
      const { summary, queued } = queueJudgement(c, t, o.period, (a) => o.own.note(id, a), only, handled);
      if (queued || logged) await c.sync();
      if (beyond.length) o.onRowsChanged?.(beyond);
      if (!stopped) o.onSummary(summary);
    });
  };

  const staleOf = (p: Pending): StaleJudgement => {
    if (p.all) return { period: o.period, targets: [] };
    const byRow = new Map(o.opened.read.rows.map((r) => [r.index, r.id]));
    const nos = [...p.rows].map((r) => targetNoOf(byRow.get(r) ?? "")).filter((n): n is string => n != null);
    return { period: o.period, targets: [...new Set(nos)] };
  };

  const handle = async (next: Pending): Promise<void> => {
    const p: Pending = stale ? { rows: new Set([...stale.rows, ...next.rows]), all: stale.all || next.all } : next;
    const delays = o.retryDelaysMs ?? RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await judge(p);
        if (stale && !stopped) o.onStale?.(null);
        stale = null;
        return;
      } catch (err) {
        if (stopped) return;
        if (attempt < delays.length && TRANSIENT.has(codeOf(err) ?? "")) {
          await wait(delays[attempt]);
          if (stopped) return;
          continue;
        }
        stale = p;
        o.onStale?.(err instanceof ProtectedSheet ? { ...staleOf(p), protectedSheet: err.sheet } : staleOf(p));
        return;
      }
    }
  };

  const flush = (): void => {
    timer = null;
    const p = pending;
    pending = null;
    // A failed handling must not stop the next one; `handle` reports it (onStale) and keeps its rows.
    if (p) queue = queue.then(() => handle(p)).catch(() => undefined);
  };

  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    // Where Excel names the source, it alone says what is ours: a note of our write left unconsumed
    // would otherwise swallow the user's next edit of that cell (and it went unjudged for 30 s).
    if (o.triggerSource) {
      if (e.triggerSource === "ThisLocalAddin") return;
    } else if (o.own.consume(id, e.address)) return;
    pending ??= { rows: new Set(), all: false };
    const area = parseArea(e.address);
    if (!area || STRUCTURAL.has(e.changeType)) pending.all = true;
    else for (let r = area.row; r < area.row + area.rows; r++) pending.rows.add(r);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, o.debounceMs);
  };

  // The targets sheet brought to the front (from another sheet, or back from another workbook's edits):
  // a handling with no edit of its own judges the rows whose fingerprints changed.
  const onActivated = async (): Promise<void> => {
    if (stopped) return;
    pending ??= { rows: new Set(), all: false };
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, o.debounceMs);
  };

  const sheet = ctx.workbook.worksheets.getItem(id);
  const registration = sheet.onChanged.add(onChanged);
  const activation = sheet.onActivated.add(onActivated);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    registration.remove();
    activation.remove();
    await ctx.sync();
    await queue;
  };
}
