/**
 * Live judgment: the targets sheet's `onChanged` event, for edits of figures and traffic counts.
 * Bursts are gathered (debounce) and handled one at a time; each handling reads the sheet once and
 * writes the changed rows' status, percent and reason once. Ignored: the add-in's own writes (their
 * events would start it again) and co-authors' edits (`source: "Remote"`: their own pane judges them).
 */
import type { PeriodId } from "../../core/periods";
import type { CheckSummary } from "../../contract/operations";
import { parseArea } from "../../core/address";
import type { ExcelRun } from "./host";
import { affectedIds, judgeSheet, keyedGrid } from "../../layout/judge";
import type { OwnWrites } from "./own-writes";
import { queueJudgement } from "./recheck";
import { type OpenedTargets, readTargetsById } from "./targets-sheet";

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
}

interface Pending {
  rows: Set<number>;
  all: boolean;
}

/** Registers the handler (in the caller's batch); returns a function that removes it. */
export function watchTargets(ctx: Excel.RequestContext, o: WatchOptions): () => Promise<void> {
  const { plan, id } = o.opened;
  let pending: Pending | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  const handle = async (p: Pending): Promise<void> => {
    await o.run(async (c) => {
      const finish = readTargetsById(c, id);
      await c.sync();
      const sheet = finish(plan);
      if (!sheet) return;
      const t: OpenedTargets = { ...sheet, plan, meta: null };
      const grid = keyedGrid(t.read, t.grid, t.formats);
      const only = p.all ? undefined : affectedIds(plan, grid, p.rows);
      if (only && only.size === 0) return;
      // A sheet protected since: judged but not written, the summary still tells the user.
      if (t.protected) {
        if (!stopped) o.onSummary(judgeSheet(plan, grid, o.period, t.name).summary);
        return;
      }
      const { summary, queued } = queueJudgement(c, t, o.period, (a) => o.own.note(id, a), only);
      if (queued) await c.sync();
      if (!stopped) o.onSummary(summary);
    });
  };

  const flush = (): void => {
    timer = null;
    const p = pending;
    pending = null;
    // A failed handling must not stop the next one; the pane's "Kiểm tra lại" shows any lasting fault.
    if (p) queue = queue.then(() => handle(p)).catch(() => undefined);
  };

  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped || e.source === "Remote") return;
    if (o.triggerSource && e.triggerSource === "ThisLocalAddin") return;
    if (o.own.consume(id, e.address)) return;
    pending ??= { rows: new Set(), all: false };
    const area = parseArea(e.address);
    if (!area || STRUCTURAL.has(e.changeType)) pending.all = true;
    else for (let r = area.row; r < area.row + area.rows; r++) pending.rows.add(r);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, o.debounceMs);
  };

  const registration = ctx.workbook.worksheets.getItem(id).onChanged.add(onChanged);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    registration.remove();
    await ctx.sync();
    await queue;
  };
}
