/**
 * Loading a plan into a live workbook: read everything (locate), merge purely, ask before dropping
 * filled rows, refuse a protected sheet before writing anything, then write both sheets and the
 * settings in one request (a second one only records the ids of sheets just created). The book's
 * record (layout/sheets/record.ts) is rewritten in the same request as the metadata.
 */
import { mainTargets, type Plan } from "../../core/plan";
import { emptySummary } from "../../core/evaluate";
import { type DroppedRow, mergeTargets, legacyTaskPeriod, mergeTasks, taskPeriodsWithData } from "../../layout/merge";
import { META_SETTING_KEY, encodeMeta, makeMeta, type WorkbookMeta } from "../../layout/sheets/meta";
import { type BookRecord, JUDGED_KEY, RECORD_SHEET, encodeRecord, makeRecord, recordRectangle, withCulture } from "../../layout/sheets/record";
import { rowFingerprints } from "../../layout/fingerprint";
import { type PeriodId, latestPeriod, period as periodOf } from "../../core/periods";
import type { SheetModel } from "../../layout/sheet-model";
import type { TypingCulture } from "../../core/culture";
import { TARGETS_LAYOUT_VERSION } from "../../layout/sheets/targets";
import { TASKS_LAYOUT_VERSION } from "../../layout/sheets/tasks";
import type { LayoutId } from "../../layout/sheets/types";
import type { DropCandidate, LoadOutcome } from "../../contract/operations";
import { cellInput, jsonBytes } from "./cells";
import { HostError } from "./errors";
import { type Features, featureNotices } from "./features";
import { judgeSheet, keyedGrid } from "../../layout/judge";
import { newHistoryId } from "../../core/history";
import { isInputKey } from "../../layout/fingerprint";
import { cellChanges, changeEntries } from "../../layout/history";
import { queueHistory, queueOutside } from "./history-sheet";
import type { SeenInputs } from "./own-writes";
import { type Located, PLAN_SETTING_KEY } from "./locate";
import { RequestBudget, type WriteLog, writeModel } from "./write-model";
import { HOST_TEXT } from "./strings";

export const DEFAULT_NAMES: Record<LayoutId, string> = { targets: "Chỉ tiêu", tasks: "Nhiệm vụ" };

export interface Merged {
  loc: Located;
  models: Record<LayoutId, SheetModel>;
  periods: PeriodId[];
  statusPeriod: PeriodId | null;
  dropped: DroppedRow[];
  culture: TypingCulture | null;
  /** The period a one-status tasks sheet's statuses were moved to (said in the outcome). */
  tasksMovedTo: PeriodId | null;
}

export function mergeAll(plan: Plan, loc: Located, periods: readonly PeriodId[]): Merged {
  const previous = loc.meta?.statusPeriod ?? null;
  const statusPeriod = previous && periods.includes(previous) ? previous : null;
  const tasks = loc.found.tasks?.read ?? null;
  // Both sheets have the same periods: those asked, and those either sheet holds data for.
  const wanted = [...periods, ...(tasks ? taskPeriodsWithData(tasks) : [])];
  let t = mergeTargets(plan, loc.found.targets?.read ?? null, { periods: wanted, statusPeriod, culture: loc.culture });
  // A one-status tasks sheet (layout 1) speaks for the last period reported.
  const legacyPeriod = legacyTaskPeriod(plan.year, loc.found.targets?.read ?? null, previous, loc.meta?.periods ?? t.periods);
  const n = mergeTasks(plan, tasks, { periods: t.periods, legacyPeriod });
  if (n.periods.some((p) => !t.periods.includes(p))) t = mergeTargets(plan, loc.found.targets?.read ?? null, { periods: n.periods, statusPeriod, culture: loc.culture });
  return {
    loc,
    models: { targets: t.model, tasks: n.model },
    periods: t.periods,
    statusPeriod: statusPeriod ?? latestPeriod(plan.year, t.periods),
    dropped: [...t.dropped, ...n.dropped],
    culture: loc.culture,
    tasksMovedTo: n.migrated,
  };
}

export function dropLabel(d: DroppedRow): DropCandidate {
  const no = d.key.slice(d.key.indexOf(":") + 1);
  const name = String(d.values.name ?? d.values.text ?? "").trim();
  const short = name.length > 80 ? `${name.slice(0, 79)}…` : name;
  return { key: d.key, label: short ? `${no}. ${short}` : no };
}

/** A name no sheet has (Excel compares names without case): "Chỉ tiêu", else "Chỉ tiêu (2)"… */
export function freeName(base: string, taken: readonly string[]): string {
  const keys = new Set(taken.map((n) => n.normalize("NFC").toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    if (!keys.has(name.normalize("NFC").toLowerCase())) return name;
  }
}

/** Refuses before anything is queued: a write to a protected sheet would fail half-way. */
function checkWritable(loc: Located): void {
  for (const layout of ["targets", "tasks"] as const) {
    const f = loc.found[layout];
    if (f?.protected) throw new HostError(HOST_TEXT.sheetProtected(f.info.name));
  }
  const creating = !loc.found.targets || !loc.found.tasks;
  if (creating && loc.workbookProtected) throw new HostError(HOST_TEXT.workbookProtected);
  // The record is written last in the same request: were it refused, the sheets would already be rewritten.
  if (loc.metaSheet && loc.metaProtected) throw new HostError(HOST_TEXT.recordProtected);
}

export interface WriteContext {
  features: Features;
  requestLimit: number;
  log: (sheetId: string) => WriteLog;
  now: () => string;
  /** The targets sheet's inputs as the load leaves them (live judgement's old values). */
  seen?: SeenInputs;
}

/** Writes the merged models and the settings; returns the outcome and the targets sheet's id. */
export async function writeMerged(
  ctx: Excel.RequestContext,
  plan: Plan,
  m: Merged,
  w: WriteContext,
): Promise<{ outcome: LoadOutcome; targetsId: string; culture: TypingCulture | null; recordId: string | null; historyExists: boolean }> {
  const { loc } = m;
  checkWritable(loc);
  const budget = new RequestBudget(ctx, w.requestLimit);
  const taken = loc.sheets.map((s) => s.name);
  const sheets = {} as Record<LayoutId, { ws: Excel.Worksheet; name: string; id: string | null }>;
  for (const layout of ["targets", "tasks"] as const) {
    const f = loc.found[layout];
    if (f) {
      sheets[layout] = { ws: ctx.workbook.worksheets.getItem(f.info.id), name: f.info.name, id: f.info.id };
      continue;
    }
    const name = freeName(DEFAULT_NAMES[layout], taken);
    taken.push(name);
    const ws = ctx.workbook.worksheets.add(name);
    ws.load("id");
    sheets[layout] = { ws, name, id: null };
  }
  for (const layout of ["targets", "tasks"] as const) {
    const s = sheets[layout];
    // A new sheet's events cannot be echoes of interest yet: its id is unknown until the sync.
    const log: WriteLog = s.id ? w.log(s.id) : () => undefined;
    await writeModel(s.ws, m.models[layout], { features: w.features, budget, log, old: loc.found[layout]?.used ?? null });
  }
  if (!loc.found.targets) sheets.targets.ws.activate();

  const metaOf = (): WorkbookMeta => {
    const meta = makeMeta({
      planId: plan.id, unit: plan.unit, year: plan.year, periods: m.periods, statusPeriod: m.statusPeriod,
      layoutVersion: { targets: TARGETS_LAYOUT_VERSION, tasks: TASKS_LAYOUT_VERSION },
      sheets: { targets: sheets.targets.name, tasks: sheets.tasks.name }, updated: w.now(),
    });
    meta.sheets.targets.id = sheets.targets.id ?? sheets.targets.ws.id;
    meta.sheets.tasks.id = sheets.tasks.id ?? sheets.tasks.ws.id;
    return meta;
  };
  let recordSheet: Excel.Worksheet | null = null;
  // Every row is judged by the load (buildTargetsModel): its inputs' fingerprints are the record's.
  const judged = Object.fromEntries(rowFingerprints(m.models.targets));
  const saveMeta = (meta: WorkbookMeta): void => {
    ctx.workbook.settings.add(META_SETTING_KEY, encodeMeta(meta));
    // A book with a record (made by `ktxh init`, or an older one's metadata sheet): rewrite it whole.
    // A book loaded for the first time gets its record here, in the same request (not where no sheet may be added).
    if (loc.metaSheet || !loc.workbookProtected) {
      const ws = loc.metaSheet ? ctx.workbook.worksheets.getItem(loc.metaSheet.id) : ctx.workbook.worksheets.add(RECORD_SHEET);
      if (!loc.metaSheet) ws.load("id");
      recordSheet = ws;
      // The culture this Excel types in goes with the book, so `ktxh check` reads its slips as the pane does.
      const extra = { ...withCulture(loc.record?.extra, m.culture), [JUDGED_KEY]: judged };
      queueRecord(ws, makeRecord(meta, plan, extra));
    }
  };
  const planJson = JSON.stringify(plan);
  await budget.room(jsonBytes(planJson) + 4096);
  ctx.workbook.settings.add(PLAN_SETTING_KEY, planJson);
  const old = loc.found.targets;
  // First the edits made while no pane watched (found by the record's fingerprints, which this load
  // rewrites: logged now or never), as recheck and catch-up log them, in the same request — `locate`
  // read the history with the sheets (`{ history: true }`).
  if (old && loc.plan) {
    const opened = {
      id: old.info.id, name: old.info.name, grid: old.grid, read: old.read, protected: old.protected, ...(old.formats ? { formats: old.formats } : {}),
      plan: loc.plan, meta: loc.meta, culture: loc.culture, judged: loc.judged, history: { probe: loc.history, entries: loc.historyEntries },
    };
    queueOutside(ctx, opened, w.now);
  }
  // The figures, overrides and plan values the reload rewrote, in the history, in the same request.
  if (old) {
    const before = keyedGrid(old.read, old.grid, old.formats);
    const changes = cellChanges(before, m.models.targets, { keys: (k) => isInputKey(k) || k === "plan" });
    queueHistory(ctx, loc.history, changeEntries(changes, { plan, sheet: sheets.targets.name, after: m.models.targets, at: w.now(), batch: newHistoryId(), action: () => "reload", source: () => plan.unit }));
  }
  const created = !loc.found.targets || !loc.found.tasks;
  if (!created) saveMeta(metaOf());
  await ctx.sync();
  if (created) {
    saveMeta(metaOf());
    await ctx.sync();
  }

  const targets = m.models.targets;
  w.seen?.set(sheets.targets.id ?? sheets.targets.ws.id, targets);
  const period = m.statusPeriod;
  const summary = period
    ? judgeSheet(plan, { ...targets, culture: m.culture }, period, sheets.targets.name).summary
    : { period: "year", counts: { ...emptySummary(), thieuSoLieu: mainTargets(plan).length }, items: [] };
  const kept = m.dropped.map(dropLabel);
  const message = HOST_TEXT.loaded(mainTargets(plan).length, plan.tasks.length, sheets.targets.name) + (kept.length ? HOST_TEXT.keptRows(kept.length) : "") +
    (m.tasksMovedTo ? HOST_TEXT.tasksMoved(sheets.tasks.name, periodOf(m.tasksMovedTo, plan.year).label) : "");
  return {
    outcome: { message, kept, notices: featureNotices(w.features), summary },
    targetsId: sheets.targets.id ?? sheets.targets.ws.id,
    culture: m.culture,
    recordId: loc.metaSheet?.id ?? (recordSheet as Excel.Worksheet | null)?.id ?? null,
    historyExists: loc.history.exists,
  };
}

/** Queues the whole record onto its (very hidden) sheet: the sheet cleared, then every entry written. */
export function queueRecord(ws: Excel.Worksheet, record: BookRecord): void {
  const rows = recordRectangle(encodeRecord(record));
  ws.getRange().clear("Contents");
  ws.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows.map((r) => r.map((v) => cellInput(v)));
  ws.visibility = "VeryHidden";
}
