/**
 * "Lấy số liệu năm trước" in Excel: last year's file read in the pane by the one reader of workbooks
 * (the file host's `CycleFiles.readBook`, the same `readWorkbook` the CLI uses; an actuals CSV/JSON by
 * core/actuals.ts), matched and planned by the pure src/layout/previous.ts, then written to the targets
 * sheet's *Cùng kỳ năm trước* columns with the officer's corrections kept in the book's record.
 * The file is read before Excel is asked anything. Syncs, whatever the plan's size: the preview 2 (the
 * book located: settings and sheets, then used ranges and record; 3 when a renamed KT-XH sheet must be
 * read), the write the same and 1 more (cells and record together).
 */
import type { CycleFileIn, PreviousYearOutcome, PreviousYearPreview } from "../../contract/operations";
import { PERIOD_IDS, type PeriodId } from "../../core/periods";
import type { PreviousCorrections } from "../../core/report/previous-year";
import type { CycleFiles } from "../../layout/cycle";
import { sheetPeriods } from "../../layout/actuals";
import { type LastYear, type PreviousPlan, isBookFile, lastYearOfActuals, lastYearOfGrids, planPrevious, previousEntries, samePeriodWrites } from "../../layout/previous";
import { queueHistory } from "./history-sheet";
import { message } from "../../core/messages";
import { recordPrevious, withPrevious } from "../../layout/sheets/record";
import { builtInPlans } from "../../seeds";
import { cellInput } from "./cells";
import { HostError } from "./errors";
import type { ExcelRun } from "./host";
import { DEFAULT_NAMES, queueRecord } from "./load";
import { type Located, locate } from "./locate";
import { HOST_TEXT } from "./strings";

/** Last year's figures from the file the officer picked; a file that cannot be read rejects with why. */
async function readLastYear(files: () => Promise<CycleFiles>, file: CycleFileIn, period: PeriodId): Promise<LastYear> {
  if (!isBookFile(file.name)) {
    const r = lastYearOfActuals(file.bytes, file.name, period);
    if (!r.ok) throw new HostError(HOST_TEXT.previousUnreadable(file.name, r.problems.map((p) => message(p)).join(" ")));
    return r.value;
  }
  const read = await (await files()).readBook(file.bytes, file.name);
  if (!read.ok) throw new HostError(HOST_TEXT.previousUnreadable(file.name, read.reason));
  return lastYearOfGrids(read.grids, file.name, PERIOD_IDS, period, builtInPlans());
}

interface Planned {
  loc: Located;
  prev: PreviousPlan;
  preview: PreviousYearPreview;
  corrections: PreviousCorrections;
}

async function planIn(ctx: Excel.RequestContext, last: LastYear, given: PreviousCorrections | null): Promise<Planned> {
  const loc = await locate(ctx, Object.values(DEFAULT_NAMES));
  if (!loc.plan) throw new HostError(loc.meta ? HOST_TEXT.planUnknown(loc.meta.planId) : HOST_TEXT.noPlan);
  const targets = loc.found.targets;
  if (!targets) throw new HostError(HOST_TEXT.noTargetsSheet);
  const corrections = { ...recordPrevious(loc.record).corrections, ...(given ?? {}) };
  const opened = sheetPeriods(targets.read);
  const prev = planPrevious(loc.plan, { ...last, rows: Object.fromEntries(Object.entries(last.rows).filter(([p]) => opened.includes(p))) }, corrections);
  if (!prev.periods.length) throw new HostError(HOST_TEXT.previousNoPeriod(last.file));
  const missing = samePeriodWrites(targets.read, prev, prev.periods, recordPrevious(loc.record), corrections, last.file, "").missing;
  return {
    loc, prev, corrections,
    preview: { file: last.file, lines: prev.lines, candidates: prev.candidates, periods: prev.periods, missingColumns: missing },
  };
}

export async function previewPreviousYear(run: ExcelRun, files: () => Promise<CycleFiles>, file: CycleFileIn, period: PeriodId): Promise<PreviousYearPreview> {
  const last = await readLastYear(files, file, period);
  return run(async (ctx) => (await planIn(ctx, last, null)).preview);
}

export async function writePreviousYear(run: ExcelRun, files: () => Promise<CycleFiles>, file: CycleFileIn, period: PeriodId, given: PreviousCorrections, now: string): Promise<PreviousYearOutcome> {
  const last = await readLastYear(files, file, period);
  return run(async (ctx) => {
    const { loc, prev, preview, corrections } = await planIn(ctx, last, given);
    const targets = loc.found.targets;
    if (!targets) throw new HostError(HOST_TEXT.noTargetsSheet);
    if (preview.missingColumns.length === preview.periods.length) throw new HostError(HOST_TEXT.previousNoColumns);
    if (targets.protected) throw new HostError(HOST_TEXT.sheetProtected(targets.info.name));
    if (!loc.record || !loc.metaSheet || loc.metaProtected || loc.record.version < 2) throw new HostError(HOST_TEXT.recordProtected);
    const w = samePeriodWrites(targets.read, prev, prev.periods, recordPrevious(loc.record), corrections, last.file, now);
    const ws = ctx.workbook.worksheets.getItem(targets.info.id);
    for (const x of w.writes) ws.getRangeByIndexes(x.row, x.col, 1, 1).values = [[cellInput(x.value)]];
    queueRecord(ctx.workbook.worksheets.getItem(loc.metaSheet.id), withPrevious(loc.record, w.record));
    // Each figure written is a row of the book's history, in the same request.
    queueHistory(ctx, loc.history, previousEntries(loc.plan, targets.info.name, w.writes, last.file, now));
    await ctx.sync();
    return { ...preview, written: w.writes.map((x) => `${targets.info.name}!${x.cell}`), kept: w.kept };
  });
}
