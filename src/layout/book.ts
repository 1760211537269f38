/**
 * One reading of a workbook, for every path that reads one (`ktxh check`, `ktxh evaluate`,
 * `ktxh report`): which plan it belongs to, where its tables are, and what each figure cell holds.
 * Pure: grids in (src/core/read-table/grid.ts), data out.
 *
 * The plan: the one the user chose (a recorded plan that differs is said aloud as `plan.mismatch`,
 * never silently replaced), else the plan recorded in the book (layout/sheets/record.ts), else the known
 * plan whose rows the book's tables match best (ties: the plan of the year its headers name, then the
 * list's order), else the first known plan (the default).
 *
 * The tables are read as the check reads a colleague's (src/core/read-table): by the hidden key row
 * and identity column where they survive, else by headers, target numbers and names, so the add-in's
 * own books read the same after the key row or the identity column was deleted, rows sorted or
 * columns moved. The add-in's traffic-count rows are found by their names when their identities are
 * gone. Every loop here is bounded by the grids' size and the plans' count.
 */
import type { HistoryEntry } from "../core/history";
import { HISTORY_SHEET, readHistory } from "./sheets/history";
import { type ActualRow, type Actuals, withLastYear } from "../core/evaluate";
import { FIGURE_MARKS, isPeriodId } from "../core/periods";
import { type Plan, parsePlan } from "../core/plan";
import { type Problem, problem } from "../core/problems";
import { ANY_PERIOD, type TaskStatusInput, taskStatusAt } from "../core/report/tasks";
import { formatDecimals } from "../core/report/cells";
import type { CountPair, TrafficCounts } from "../core/traffic";
import { a1 } from "../core/address";
import { type Grid, type GridCell, cellAt, cellText } from "../core/read-table/grid";
import { type TableReading, columnOf, headerYear, readTables, readTablesOf } from "../core/read-table/table";
import { TRAFFIC_CRITERIA, type TrafficCriterion, type TrafficSide } from "../core/row-id";
import { foldKey } from "../core/text";
import { type Issue, issue } from "../core/validate/issue";
import { applySheetOverrides, sheetOverrides } from "./computed";
import { sheetSamePeriod } from "./actuals";
import { readSheet } from "./read";
import { type BookRecord, RECORD_SHEET, decodeRecord, recordCulture } from "./sheets/record";
import { mayBeTrafficLabel, readTrafficCount, trafficLabel } from "../core/traffic-block";
import type { CellValue } from "./sheets/types";

export type PlanSource = "record" | "chosen" | "matched" | "default";

export interface BookOptions {
  /** The plans the caller knows (the built-in ones), the default first. */
  plans: readonly Plan[];
  /** The plan the user named (`--plan`); it wins, and a recorded plan that differs is a problem. */
  chosenPlan?: Plan | null;
}

/** A figure cell: a target's figure for a period (null: a column that names no period). */
export interface FigureCell {
  target: string;
  period: string | null;
  sheet: string;
  /** A1 address, and the 0-based position in the grid. */
  cell: string;
  row: number;
  col: number;
  /** The column's header as written (or its key in an intact own sheet). */
  header: string;
  value: GridCell | null;
  /** The column says it holds the change ("Mức giảm"), not the level. */
  change?: "increase" | "decrease";
}

export interface TrafficCell {
  criterion: TrafficCriterion;
  side: TrafficSide;
  period: string | null;
  sheet: string;
  cell: string;
  col: number;
  value: GridCell | null;
}

/** A task's status cell: one per status column (the tasks sheet has one per period). */
export interface TaskCell {
  code: string;
  /** The period the column reports for; null for a single status column naming none. */
  period: string | null;
  sheet: string;
  cell: string | null;
  status: string | null;
}

export interface BookReading {
  plan: Plan;
  planSource: PlanSource;
  /** The book's record as read (migrated from older books), or null. */
  record: BookRecord | null;
  /** The recorded plan's id when the user chose another one. */
  mismatch: { recorded: string; chosen: string } | null;
  /** The sheets that hold data: every grid but the record's. */
  grids: Grid[];
  tables: TableReading[];
  figures: FigureCell[];
  traffic: TrafficCell[];
  tasks: TaskCell[];
  /** What the reading itself has to say (the plan mismatch); the check's findings come from validate. */
  problems: Issue[];
  /** The *Lịch sử số liệu* sheet's entries (empty when the book has none); that sheet is not among `grids`. */
  history: HistoryEntry[];
}

function isHistoryGrid(g: Grid): boolean {
  return g.sheet === HISTORY_SHEET;
}

function isRecordGrid(g: Grid): boolean {
  return g.sheet === RECORD_SHEET;
}

export function gridValues(g: Grid): CellValue[][] {
  // Dense, holes and all: a sheet read by ExcelJS leaves holes where rows or cells were never written,
  // and `map` keeps holes (a row that is no array breaks whoever measures the grid).
  return Array.from(g.cells, (row) => Array.from(row ?? [], (c) => (c == null ? null : (c.value as CellValue))));
}

/**
 * A recorded plan's JSON value parsed, once per value: decodeRecord gives the same value for the same
 * JSON text, so the books of one plan share one plan object (and what is worked out per plan object).
 */
const recordedPlans = new WeakMap<object, Plan | null>();

function parsedPlan(value: unknown): Plan | null {
  if (typeof value !== "object" || value === null) {
    const r = parsePlan(value);
    return r.ok ? r.value : null;
  }
  const known = recordedPlans.get(value);
  if (known !== undefined) return known;
  const r = parsePlan(value);
  const plan = r.ok ? r.value : null;
  recordedPlans.set(value, plan);
  return plan;
}

/** The plan a record names: its own copy when that parses, else the known plan of that id. */
function recordedPlan(record: BookRecord, plans: readonly Plan[]): Plan | null {
  if (record.plan != null) {
    const plan = parsedPlan(record.plan);
    if (plan) return plan;
  }
  return plans.find((p) => p.id === record.meta.planId) ?? null;
}

function samePlan(a: Plan, b: Plan): boolean {
  if (a.id !== b.id || a.targets.length !== b.targets.length) return false;
  return a.targets.every((t, i) => t.no === b.targets[i].no && t.target === b.targets[i].target);
}

const placedCount = (tables: readonly TableReading[]): number => tables.reduce((n, t) => n + t.rows.length, 0);

/** The known plan whose rows the book's tables place best; null when none places a row. All are read in one pass. */
function matchPlan(grids: readonly Grid[], plans: readonly Plan[]): { plan: Plan; tables: TableReading[] } | null {
  const year = headerYear(grids);
  const order = [...plans].sort((a, b) => Number(b.year === year) - Number(a.year === year));
  const read = readTablesOf(order, grids);
  let best: { plan: Plan; tables: TableReading[]; placed: number } | null = null;
  for (const [i, plan] of order.entries()) {
    const tables = read[i];
    const placed = placedCount(tables);
    if (placed > 0 && (!best || placed > best.placed)) best = { plan, tables, placed };
  }
  return best;
}

const TRAFFIC_NAMES = new Map<string, { criterion: TrafficCriterion; side: TrafficSide }>(
  TRAFFIC_CRITERIA.flatMap((criterion) => (["prev", "cur"] as const).map((side) => [foldKey(trafficLabel(criterion, side)), { criterion, side }] as const)),
);

/** The add-in's traffic-count rows whose identities were lost, found again by their names. */
function recoverTraffic(grid: Grid, t: TableReading): void {
  if (t.kind !== "targets" || t.traffic.length) return;
  const nameCol = columnOf(t, "name");
  if (!nameCol) return;
  const seen = new Set<string>();
  t.unplaced = t.unplaced.filter((u) => {
    const name = cellText(cellAt(grid, u.row, nameCol.col));
    // Every count's label begins "Số …": other rows are passed over before folding (each unplaced row is asked).
    const hit = mayBeTrafficLabel(name) ? TRAFFIC_NAMES.get(foldKey(name)) : undefined;
    const key = hit ? `${hit.criterion}:${hit.side}` : "";
    if (!hit || seen.has(key)) return true;
    seen.add(key);
    t.traffic.push({ row: u.row, ...hit });
    return false;
  });
}

function cellsOf(grids: readonly Grid[], tables: readonly TableReading[]): Pick<BookReading, "figures" | "traffic" | "tasks"> {
  const figures: FigureCell[] = [];
  const traffic: TrafficCell[] = [];
  const tasks: TaskCell[] = [];
  for (const t of tables) {
    const grid = grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    if (t.kind === "targets") {
      for (const c of t.columns.filter((x) => x.role === "actual")) {
        for (const r of t.rows) {
          const f: FigureCell = { target: r.ref, period: c.period, sheet: t.sheet, cell: a1(r.row, c.col), row: r.row, col: c.col, header: c.header, value: cellAt(grid, r.row, c.col) };
          if (c.change) f.change = c.change;
          figures.push(f);
        }
        for (const r of t.traffic) {
          traffic.push({ criterion: r.criterion, side: r.side, period: c.period, sheet: t.sheet, cell: a1(r.row, c.col), col: c.col, value: cellAt(grid, r.row, c.col) });
        }
      }
    } else {
      const statuses = t.columns.filter((c) => c.role === "status");
      for (const r of t.rows) {
        if (!statuses.length) tasks.push({ code: r.ref, period: null, sheet: t.sheet, cell: null, status: null });
        for (const c of statuses) {
          const text = cellText(cellAt(grid, r.row, c.col)).normalize("NFC");
          tasks.push({ code: r.ref, period: c.period, sheet: t.sheet, cell: a1(r.row, c.col), status: text || null });
        }
      }
    }
  }
  return { figures, traffic, tasks };
}

/** Reads a workbook: its plan, its tables and the cells of its figures, traffic counts and tasks. */
export function readBook(allGrids: readonly Grid[], options: BookOptions): BookReading {
  const recordGrid = allGrids.find(isRecordGrid);
  const record = recordGrid ? decodeRecord(gridValues(recordGrid)) : null;
  // The culture the pane saw the figures typed in: a slip is read as the pane read it (culture-free without one).
  const culture = recordCulture(record);
  const historyGrid = allGrids.find(isHistoryGrid);
  const history = historyGrid ? (readHistory(gridValues(historyGrid)) ?? []) : [];
  const grids = allGrids.filter((g) => !isRecordGrid(g) && !isHistoryGrid(g)).map((g) => (culture && g.culture === undefined ? { ...g, culture } : g));
  const recorded = record ? recordedPlan(record, options.plans) : null;
  const problems: Issue[] = [];
  let plan: Plan;
  let planSource: PlanSource;
  let tables: TableReading[] | null = null;
  let mismatch: BookReading["mismatch"] = null;
  if (options.chosenPlan) {
    plan = options.chosenPlan;
    planSource = "chosen";
    const recordedId = recorded?.id ?? record?.meta.planId ?? null;
    if (recordedId !== null && (recorded ? !samePlan(recorded, plan) : recordedId !== plan.id)) {
      mismatch = { recorded: recordedId, chosen: plan.id };
      problems.push(issue("plan.mismatch", { cell: null, target: null }, { recorded: recordedId, chosen: plan.id, title: record?.meta.unit ?? "" }));
    }
  } else if (recorded) {
    plan = recorded;
    planSource = "record";
  } else {
    const m = matchPlan(grids, options.plans);
    if (m) {
      plan = m.plan;
      planSource = "matched";
      tables = m.tables;
    } else {
      const year = headerYear(grids);
      const first = options.plans.find((p) => p.year === year) ?? options.plans[0];
      if (!first) throw new Error("readBook: no plan known");
      plan = first;
      planSource = "default";
    }
  }
  tables ??= readTables(plan, grids);
  for (const t of tables) {
    const grid = grids.find((g) => g.sheet === t.sheet);
    if (grid) recoverTraffic(grid, t);
  }
  return { plan, planSource, record, mismatch, grids, tables, ...cellsOf(grids, tables), problems, history };
}

/** Each task's status for a period (its own column, else a single status column) with the other periods' beside it. */
export function bookTasks(book: BookReading, period: string): TaskStatusInput[] {
  const written = new Map<string, Record<string, string | null>>();
  for (const x of book.tasks) {
    const w = written.get(x.code) ?? {};
    const key = x.period ?? ANY_PERIOD;
    if (!(key in w) || w[key] == null) w[key] = x.status;
    written.set(x.code, w);
  }
  return [...written].map(([code, w]) => taskStatusAt(code, w, period));
}

/** The figure a cell gives to the judgement: a number, trimmed NFC text, or null when empty. */
export function figureValue(cell: GridCell | null): string | number | null {
  if (!cell || cell.error) return null;
  const v = cell.value;
  if (v == null) return null;
  if (typeof v === "number") return v;
  const s = String(v).normalize("NFC").trim();
  return s === "" ? null : s;
}

/** The periods the book has figure columns for, in sheet order. */
export function bookPeriods(book: BookReading): string[] {
  const out: string[] = [];
  for (const t of book.tables) for (const c of t.columns) if (c.role === "actual" && c.period && !out.includes(c.period)) out.push(c.period);
  return out;
}

/** A period's figures as the judgement and the report take them, read from the book. */
export interface BookActuals {
  actuals: Actuals;
  /** The period's mark in the sheet: "Ước" → estimate, "Chính thức" → official; null when unmarked. */
  figures: "estimate" | "official" | null;
  tasks: TaskStatusInput[] | null;
  /** Last year's figures of the same period from the add-in's *Cùng kỳ năm trước* column (layout/actuals.ts), by target number. */
  samePeriod: Record<string, string | number>;
  problems: Problem[];
}

/** The "Ước" / "Chính thức" mark of a period's column: in its header rows or the line just below them. */
function periodMark(grid: Grid, t: TableReading, col: number): "estimate" | "official" | null {
  let found: string | null = null;
  const from = t.own ? 0 : t.headerTop;
  for (let r = from; r <= t.headerBottom + 1; r++) {
    const s = cellText(cellAt(grid, r, col)).normalize("NFC");
    if ((FIGURE_MARKS as readonly string[]).includes(s)) found = s;
  }
  return found === "Chính thức" ? "official" : found === "Ước" ? "estimate" : null;
}

const isBlankFigure = (f: FigureCell): boolean => {
  const v = figureValue(f.value);
  return v === null || (typeof v === "string" && v.trim() === "");
};

/**
 * The figures of one period: each target's cell in the column of that period (a colleague's table
 * whose columns name no period gives its rightmost figure column), the traffic counts, the staff's
 * overrides (in the add-in's own sheet, where its key row names the override columns), the task
 * statuses. Null when no targets table has a column for the period.
 */
export function bookActuals(book: BookReading, period: string): BookActuals | null {
  const targets = book.tables.filter((t) => t.kind === "targets");
  const named = book.figures.filter((f) => f.period === period);
  let figures = named;
  if (!named.length && !book.figures.some((f) => f.period !== null)) {
    // The rightmost column of levels; a column of changes only when there is none.
    const levels = book.figures.filter((f) => !f.change);
    const cols = [...new Set((levels.length ? levels : book.figures).map((f) => `${f.sheet}\u0001${f.col}`))];
    const last = cols[cols.length - 1];
    figures = last ? book.figures.filter((f) => `${f.sheet}\u0001${f.col}` === last) : [];
  }
  const column = figures[0];
  if (!column && !targets.some((t) => t.columns.some((c) => c.role === "actual" && c.period === period))) return null;
  const problems: Problem[] = [];
  const rows: ActualRow[] = [];
  const seen = new Set<string>();
  // A target left blank in the period's column may have its figure in a column that holds the change
  // ("Mức giảm so với năm trước") beside it, on the same sheet: that figure is the change itself.
  const changeCols = column ? book.figures.filter((f) => f.change && f.sheet === column.sheet && f.col !== column.col) : [];
  for (const chosen of figures) {
    if (seen.has(chosen.target)) continue;
    seen.add(chosen.target);
    const f = isBlankFigure(chosen) ? (changeCols.find((c) => c.target === chosen.target && !isBlankFigure(c)) ?? chosen) : chosen;
    const shown = formatDecimals(f.value?.numFmt);
    const row: ActualRow = { no: f.target, actual: figureValue(f.value) };
    if (shown !== null) row.shownDecimals = shown;
    if (f.change) row.changeColumn = f.header;
    rows.push(row);
  }
  let mark: BookActuals["figures"] = null;
  let samePeriod: Record<string, string | number> = {};
  let sameYear: Record<string, string | number> = {};
  for (const t of targets) {
    const grid = book.grids.find((g) => g.sheet === t.sheet);
    const c = t.columns.find((x) => x.role === "actual" && (x.period === period || (column && x.col === column.col && t.sheet === column.sheet)));
    if (!grid || !c) continue;
    mark ??= periodMark(grid, t, c.col);
    if (!t.own) continue;
    const sheet = readSheet(gridValues(grid), grid.sheet);
    if (sheet?.layoutId !== "targets") continue;
    applySheetOverrides(rows, sheetOverrides(sheet, period), sheet.name, problems);
    samePeriod = { ...sheetSamePeriod(sheet, period), ...samePeriod };
    if (period !== "year") sameYear = { ...sheetSamePeriod(sheet, "year"), ...sameYear };
  }
  const cells = book.traffic.filter((x) => (column ? x.sheet === column.sheet && x.col === column.col : x.period === period));
  let traffic: TrafficCounts | undefined;
  if (cells.length) {
    const pair = (c: TrafficCriterion): CountPair =>
      (["prev", "cur"] as const).map((side) => {
        const x = cells.find((y) => y.criterion === c && y.side === side);
        if (!x) return null;
        const read = readTrafficCount(figureValue(x.value));
        if (read.ok) return read.value;
        problems.push(problem("traffic.bad-count", { sheet: x.sheet, cell: x.cell }, { criterion: trafficLabel(c, side), value: read.text }));
        return null;
      }) as CountPair;
    traffic = { accidents: pair("accidents"), deaths: pair("deaths"), injuries: pair("injuries") };
  }
  const tasks = book.tables.some((t) => t.kind === "tasks") ? bookTasks(book, period) : null;
  // A workbook's cells (not a CSV's text): a number stored as text there is a slip to review.
  const inCells = !book.grids.some((g) => g.textOnly === true);
  const culture = recordCulture(book.record);
  // Last year's same-period figure rides on each row: the projection of a cumulative target takes it.
  const withLast = withLastYear(rows, samePeriod, sameYear);
  const actuals: Actuals = traffic ? { rows: withLast, traffic, cells: inCells } : { rows: withLast, cells: inCells };
  if (culture) actuals.culture = culture;
  // The period's figures: before year end the mid-year rule judges them (src/core/evaluate/midyear.ts).
  if (isPeriodId(period)) actuals.period = period;
  return { actuals, figures: mark, tasks, samePeriod, problems };
}
