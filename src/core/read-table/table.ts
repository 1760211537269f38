/**
 * Reading a sheet's table against a plan: which column holds what, which row is which target or task.
 * Rows are matched by the hidden identity in the add-in's own sheets, else by number and by name.
 * Rows and columns that cannot be placed are listed, never dropped without a word.
 */
import { memo } from "../memo";
import { type Plan, type TargetRow } from "../plan";
import { itemRefOf } from "../row-id";
import { foldKey, nfc } from "../text";
import { type BlockRowInput, type TrafficRow, findTrafficRows, mayBeTrafficLabel } from "../traffic-block";
import type { ColumnRole } from "./columns";
import { type Grid, cellAt, cellText, colCount, isBlank, rowCount } from "./grid";
import { type FoundColumn, type FoundHeader, findHeader, isNumberingRow, looksLikeHeader } from "./headers";
import { type Candidate, MATCH, type NameMatch, blendScore, bestMatch, confident, foldedTokens, nameTokens, overlapScore } from "./match";

export type TableKind = "targets" | "tasks";

export interface TableColumn extends FoundColumn {
  /** Role within this kind of table (a targets sheet's "Trạng thái" is computed, a tasks sheet's is input). */
  role: ColumnRole;
}

export interface PlacedRow {
  row: number;
  /** The plan's target number or task code. */
  ref: string;
  how: "identity" | "number" | "name";
}

export type { TrafficRow };

export interface UnplacedRow {
  row: number;
  no: string;
  name: string;
  /** The closest plan row, for the message; null when nothing came near. */
  nearest: string | null;
}

export interface TableReading {
  sheet: string;
  kind: TableKind;
  /** Laid out by the add-in (hidden key row and identity column). */
  own: boolean;
  headerTop: number;
  headerBottom: number;
  columns: TableColumn[];
  unknownColumns: { col: number; header: string }[];
  rows: PlacedRow[];
  traffic: TrafficRow[];
  unplaced: UnplacedRow[];
  duplicates: { row: number; ref: string; first: number }[];
}

const TASK_ROLES: ColumnRole[] = ["directs", "lead", "partners", "timing", "group"];
const TARGET_ROLES: ColumnRole[] = ["unit", "plan", "actual", "previous"];

function kindOf(h: FoundHeader): TableKind {
  if (h.own) return h.own.layout;
  const roles = new Set(h.columns.map((c) => c.role));
  const task = TASK_ROLES.filter((r) => roles.has(r)).length + (roles.has("status") ? 1 : 0);
  const target = TARGET_ROLES.filter((r) => roles.has(r)).length;
  return task > target ? "tasks" : "targets";
}

/** Gives each column its role for the kind of table; a second column of a single role is unknown. */
function settleColumns(h: FoundHeader, kind: TableKind, year: number): { columns: TableColumn[]; unknown: { col: number; header: string }[] } {
  const columns: TableColumn[] = [];
  const unknown = [...h.unknown];
  const single = new Set<ColumnRole>(["no", "name", "unit", "plan", "previous", "note", "explanation", "id", "status", "result", "lead", "partners", "directs", "timing", "group"]);
  const hasActual = h.columns.some((c) => c.role === "actual");
  for (const c of h.columns) {
    let role = c.role;
    if (kind === "targets") {
      if (role === "status") role = "compare";
      if (role === "result") role = hasActual ? "note" : "actual";
      // "Mức giảm so với năm 2023" names last year as what the change is from, not as its figure's year.
      // "6 tháng 2023" in a 2024 table: last year's figure of that period (the *Cùng kỳ năm trước* columns); without a period, last year's.
      if (role === "actual" && c.year !== null && c.year < year && !c.change) role = c.period ? "same-period" : "previous";
      if (role === "previous" && c.period) role = "same-period";
    } else {
      if (role === "note" && !h.columns.some((x) => x.role === "result")) role = "result";
      if (role === "actual" || role === "compare" || role === "plan" || role === "previous" || role === "same-period" || role === "unit") role = "compare";
    }
    // A tasks table keeps one status and one result column per period ("Trạng thái" under "6 tháng").
    const perPeriod = kind === "tasks" && (role === "status" || role === "result");
    const period = perPeriod && role === "result" && c.period == null ? (besideStatus(columns, c.col) ?? null) : c.period;
    if (single.has(role) && columns.some((x) => x.role === role && (!perPeriod || x.period === period))) {
      if (!h.own) unknown.push({ col: c.col, header: c.header });
      continue;
    }
    columns.push({ ...c, role, period });
  }
  // Not where the key row names the columns: its bare "status" is a layout-1 book's single status column.
  if (kind === "tasks" && !h.own) barePeriods(columns);
  return { columns, unknown };
}

/**
 * The period of a result column whose header names none, written right after a period's status
 * column ("Cả năm" over "Trạng thái" only, the merge over both lost): that status's period, when it has
 * no result column yet. The layout writes each period's status and result side by side.
 */
function besideStatus(columns: readonly TableColumn[], col: number): string | undefined {
  const prev = columns[columns.length - 1];
  if (!prev || prev.role !== "status" || prev.col !== col - 1 || prev.period == null) return undefined;
  return columns.some((x) => x.role === "result" && x.period === prev.period) ? undefined : prev.period;
}

/**
 * A tasks table's status (and result) column whose header names no period ("Trạng thái" cut from under
 * "6 tháng" and put elsewhere) belongs to the one period that lost its own. Which periods may have:
 * given (`periods`: those the add-in's book was made with, from its record), the ones with no such
 * column; not given, for a status column, the ones whose result column is there without a status column
 * beside it (a result column is then left alone). Left naming none when no period, or several, lost theirs.
 * The one reading applies it as it reads; the Office.js host's recovery of its own sheet
 * (layout/recover.ts) again with the book's periods.
 */
export function barePeriods(columns: TableColumn[], periods?: readonly string[]): void {
  for (const role of ["status", "result"] as const) {
    const bare = columns.filter((c) => c.role === role && c.period == null);
    if (bare.length !== 1) continue;
    const has = (r: ColumnRole, p: string): boolean => columns.some((x) => x.role === r && x.period === p);
    let lost: string[];
    if (periods) lost = periods.filter((p) => !has(role, p));
    else if (role === "status") lost = [...new Set(columns.flatMap((c) => (c.role === "result" && c.period != null && !has("status", c.period) ? [c.period] : [])))];
    else continue;
    if (lost.length === 1) bare[0].period = lost[0];
  }
}

export function columnOf(t: TableReading, role: ColumnRole): TableColumn | null {
  return t.columns.find((c) => c.role === role) ?? null;
}

/**
 * A tasks table's status (or result) column for a period: the one naming that period, else the one
 * naming none (a single status column, as colleagues' tables and the add-in's books before per-period
 * statuses have it). Null when the table has columns for other periods only.
 */
export function taskColumnOf(t: TableReading, role: "status" | "result", period: string): TableColumn | null {
  return t.columns.find((c) => c.role === role && c.period === period) ?? t.columns.find((c) => c.role === role && c.period == null) ?? null;
}

function text(grid: Grid, row: number, col: TableColumn | null): string {
  return col ? nfc(cellText(cellAt(grid, row, col.col))) : "";
}

/** "01", "1.", "1)" → "1"; "I", "-" and the like stay as they are. */
function cleanNo(s: string): string {
  const t = s.trim();
  const m = /^0*(\d+(?:\.\d+)*)[.)]?$/.exec(t);
  if (!m) return t;
  return m[1].includes(".") ? m[1].replace(/\.0+(\d)/g, ".$1") : m[1];
}

const SUB_MARK = /^([-+–—•*·]|[a-zđ][.)])$/i;
/** A sub-row told by its name alone ("- Nông nghiệp"), and the mark set aside before matching it. */
const SUB_NAME = /^[-+–]\s/;
const LEADING_MARK = /^[-+–]\s*/;

function decide(
  noHit: { ref: string; name: string; folded: string | null } | null,
  name: string,
  typed: { folded: string; tokens: string[] },
  cands: Candidate[],
  mode: "dice" | "overlap",
  all: ReadonlyMap<string, string | null>,
): { ref: string; how: "number" | "name" } | NameMatch | null {
  // The number and the name agree outright: no need to weigh every other candidate.
  const { folded, tokens } = typed;
  const score = mode === "dice" ? blendScore : overlapScore;
  // The name as the plan has it, once folded: the same tokens, so full marks without counting them.
  const s = noHit ? (name ? (tokens.length > 0 && folded === noHit.folded ? 1 : score(tokens, nameTokens(noHit.name))) : 1) : 0;
  if (noHit && s >= 0.8) return { ref: noHit.ref, how: "number" };
  // The plan's name word for word (the add-in writes it so), on one row of the plan only: sub-rows
  // whose names differ only by a number ("ngành 1", "ngành 2") share every token the score weighs,
  // but not their full text; rows sorted away from their parent are found the same way.
  const exact = name ? all.get(folded) ?? null : null;
  if (exact) return { ref: exact, how: "name" };
  const m = name ? bestMatch(name, cands, mode, tokens) : null;
  if (noHit) {
    const nameSaysOther = confident(m) && m.ref !== noHit.ref && m.score - s >= 0.3;
    if (s >= MATCH.numberAgrees && !nameSaysOther) return { ref: noHit.ref, how: "number" };
  }
  if (confident(m)) return { ref: m.ref, how: "name" };
  return m;
}

/** A candidate list, made once per table: bestMatch indexes each list once and scores every row against it. */
function candidates(items: readonly { ref: string; name: string }[]): Candidate[] {
  return items.map((x) => ({ ref: x.ref, name: x.name }));
}

/**
 * The plan's names word for word (case, marks and punctuation set aside) → the one row that has it,
 * or null when two rows share it. Made once per table, looked up once per row.
 */
function exactIndex(cands: readonly Candidate[]): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const c of cands) {
    const key = foldKey(c.name);
    index.set(key, index.has(key) ? null : c.ref);
  }
  return index;
}

/** A near miss worth naming in the message; a faint one would only mislead. */
function nearestOf(d: NameMatch | null): string | null {
  return d && d.score >= 0.35 ? d.ref : null;
}

/**
 * A body row as every plan reads it: its number and name as written (NFC), and, worked out on first
 * asking, the number cleaned, the name folded and split into tokens, whether the row is a numbering or
 * repeated-header row. The plans a book is matched against read the sheet in one pass (readTablesOf), so
 * this is done once a row, not once a row and plan, and nothing of it outlives the row.
 */
interface BodyRow {
  grid: Grid;
  r: number;
  no: string;
  name: string;
  numbered?: string;
  typed?: { folded: string; tokens: string[] };
  headerLike?: boolean;
}

function numberedOf(row: BodyRow): string {
  return (row.numbered ??= cleanNo(row.no));
}

/**
 * A typed name folded and split into tokens, by its text: the same names come back on the rows of
 * file after file (a task's text is long, and folded letter by letter). Bounded (memo.ts); read only.
 */
const typedName = memo(4096, (name: string): { folded: string; tokens: string[] } => {
  const folded = foldKey(name);
  return { folded, tokens: foldedTokens(folded) };
});

/** The name folded and its tokens; a leading bullet is set aside by the folding itself. */
function typedOf(row: BodyRow): { folded: string; tokens: string[] } {
  return (row.typed ??= typedName(row.name));
}

function headerLikeOf(row: BodyRow): boolean {
  return (row.headerLike ??= isNumberingRow(row.grid, row.r) || looksLikeHeader(row.grid, row.r));
}

type RowStep = (row: BodyRow) => void;

/**
 * What a plan's rows are matched by, made once per plan object (plans are immutable data; its rows
 * array and length checked, as in evaluate.ts, so a plan whose rows were replaced is read again), not
 * once per sheet of every file: the lookups by number, the plan's names folded, the candidate lists
 * (bestMatch indexes each list once, by the list itself, so the same lists are indexed once in all).
 */
interface TargetLists {
  rows: Plan["targets"];
  length: number;
  byNo: Map<string, TargetRow>;
  /** Each target's name folded, by its number. */
  folded: Map<string, string>;
  all: Map<string, string | null>;
  mains: Candidate[];
  allSubs: Candidate[];
  subsOf: Map<string, Candidate[]>;
}

const targetLists = new WeakMap<Plan, TargetLists>();

function targetListsOf(plan: Plan): TargetLists {
  const known = targetLists.get(plan);
  if (known && known.rows === plan.targets && known.length === plan.targets.length) return known;
  const cands = candidates(plan.targets.map((x) => ({ ref: x.no, name: x.name })));
  const asCands = (rows: TargetRow[]): Candidate[] => candidates(rows.map((x) => ({ ref: x.no, name: x.name })));
  const subsOf = new Map<string, Candidate[]>();
  for (const x of plan.targets) if (x.parent != null) subsOf.set(x.parent, [...(subsOf.get(x.parent) ?? []), ...asCands([x])]);
  const lists: TargetLists = {
    rows: plan.targets,
    length: plan.targets.length,
    byNo: new Map(plan.targets.map((x) => [x.no, x])),
    folded: foldedOf(cands),
    all: exactIndex(cands),
    mains: asCands(plan.targets.filter((x) => x.parent == null)),
    allSubs: asCands(plan.targets.filter((x) => x.parent != null)),
    subsOf,
  };
  targetLists.set(plan, lists);
  return lists;
}

interface TaskLists {
  rows: Plan["tasks"];
  length: number;
  byCode: Map<string, Plan["tasks"][number]>;
  folded: Map<string, string>;
  cands: Candidate[];
  all: Map<string, string | null>;
  /** Every code some task's code continues with a dot ("2" of "2.1"): a group heading's number. */
  groups: Set<string>;
}

const taskLists = new WeakMap<Plan, TaskLists>();

function taskListsOf(plan: Plan): TaskLists {
  const known = taskLists.get(plan);
  if (known && known.rows === plan.tasks && known.length === plan.tasks.length) return known;
  const cands = candidates(plan.tasks.map((x) => ({ ref: x.code, name: x.text })));
  const groups = new Set<string>();
  for (const x of plan.tasks) for (let i = x.code.indexOf("."); i >= 0; i = x.code.indexOf(".", i + 1)) groups.add(x.code.slice(0, i));
  const lists: TaskLists = {
    rows: plan.tasks,
    length: plan.tasks.length,
    byCode: new Map(plan.tasks.map((x) => [x.code, x])),
    folded: foldedOf(cands),
    cands,
    all: exactIndex(cands),
    groups,
  };
  taskLists.set(plan, lists);
  return lists;
}

/** Each row's name folded, by its number or code: the last row of a number, as the lookup by number finds it. */
function foldedOf(cands: readonly Candidate[]): Map<string, string> {
  return new Map(cands.map((c) => [c.ref, foldKey(c.name)]));
}

/** One plan's reading of a colleague's targets table, fed row after row: its lookups are made once per plan. */
function targetStep(grid: Grid, plan: Plan, t: TableReading): RowStep {
  const figureCols = t.columns.filter((c) => c.role === "plan" || c.role === "actual" || c.role === "previous");
  const { byNo, folded, all, mains, allSubs, subsOf } = targetListsOf(plan);
  let lastMain: string | null = null;
  return (row) => {
    const { r, no, name } = row;
    let hasFigures = false;
    for (const c of figureCols) if (!isBlank(cellAt(grid, r, c.col))) hasFigures = true;
    // A name alone, no number, no figure: a heading or the rest of a name split by a page break.
    if (!no && !hasFigures) return;
    if (headerLikeOf(row)) return;
    const sub = SUB_MARK.test(no) || (!no && SUB_NAME.test(name));
    const hit = byNo.get(numberedOf(row));
    let cands: Candidate[];
    if (sub) cands = (lastMain !== null ? subsOf.get(lastMain) : undefined) ?? allSubs;
    else cands = hit?.parent != null ? allSubs : mains;
    const noHit = !sub && hit ? { ref: hit.no, name: hit.name, folded: folded.get(hit.no) ?? null } : null;
    const d = decide(noHit, LEADING_MARK.test(name) ? name.replace(LEADING_MARK, "") : name, typedOf(row), cands, "dice", all);
    if (d && "how" in d) {
      place(t, r, d.ref, d.how);
      const placed = byNo.get(d.ref);
      if (placed && placed.parent == null) lastMain = placed.no;
    } else {
      t.unplaced.push({ row: r, no, name, nearest: nearestOf(d) });
    }
  };
}

/** One plan's reading of a colleague's tasks table, fed row after row. */
function taskStep(grid: Grid, plan: Plan, t: TableReading): RowStep {
  const inputCols = t.columns.filter((c) => c.role === "status" || c.role === "result");
  const { byCode, folded, cands, all, groups } = taskListsOf(plan);
  return (row) => {
    const { r, name } = row;
    const code = numberedOf(row);
    const hasInput = inputCols.some((c) => !isBlank(cellAt(grid, r, c.col)));
    if (!code && !hasInput) return;
    if (headerLikeOf(row)) return;
    // A group heading ("2. Về phát triển kinh tế") numbers tasks 2.1, 2.2 … but is no task itself.
    if (code && !byCode.has(code) && groups.has(code) && !hasInput) return;
    const hit = byCode.get(code);
    const d = decide(hit ? { ref: hit.code, name: hit.text, folded: folded.get(hit.code) ?? null } : null, name, typedOf(row), cands, "overlap", all);
    if (d && "how" in d) place(t, r, d.ref, d.how);
    else t.unplaced.push({ row: r, no: code, name, nearest: nearestOf(d) });
  };
}

/**
 * The body of one sheet read for several plans at once. Their tables share the header, so the number
 * and name columns: each row is read and folded once, then put to every plan. A row with no number,
 * no name and nothing in any column of the table is passed over before any plan is asked.
 */
function readBody(grid: Grid, tables: readonly { t: TableReading; plan: Plan }[]): void {
  const first = tables[0].t;
  const noCol = columnOf(first, "no");
  const nameCol = columnOf(first, "name");
  const from = first.headerBottom + 1;
  let counts = new Set<number>();
  if (first.kind === "targets") {
    // The traffic counts' rows, by their labels (no identity column here): counts, not targets.
    // Only rows whose label may be a count's ("Số …") are put to the finder: it would refuse the others.
    const block: BlockRowInput[] = [];
    for (let r = from; r < rowCount(grid); r++) {
      const raw = nameCol ? cellText(cellAt(grid, r, nameCol.col)) : "";
      if (mayBeTrafficLabel(raw)) block.push({ row: r, id: null, label: nfc(raw) });
    }
    const traffic = findTrafficRows(block);
    for (const { t } of tables) t.traffic = traffic.map((x) => ({ ...x }));
    counts = new Set(traffic.map((x) => x.row));
  }
  const steps = tables.map(({ t, plan }) => (t.kind === "targets" ? targetStep(grid, plan, t) : taskStep(grid, plan, t)));
  const width = colCount(grid);
  for (let r = from; r < rowCount(grid); r++) {
    if (counts.has(r)) continue;
    const no = text(grid, r, noCol);
    const name = text(grid, r, nameCol);
    if (!no && !name) {
      let any = false;
      for (let c = 0; c < width && !any; c++) any = !isBlank(cellAt(grid, r, c));
      if (!any) continue;
    }
    // Every field present from the start: the object keeps one shape and its fields in place.
    const row: BodyRow = { grid, r, no, name, numbered: undefined, typed: undefined, headerLike: undefined };
    for (const step of steps) step(row);
  }
}

function place(t: TableReading, row: number, ref: string, how: PlacedRow["how"]): void {
  const first = t.rows.find((x) => x.ref === ref);
  if (first) t.duplicates.push({ row, ref, first: first.row });
  else t.rows.push({ row, ref, how });
}

/** Rows of the add-in's own sheets, placed by the identity written in the hidden column. */
function readOwnRows(grid: Grid, plan: Plan, t: TableReading): void {
  const idCol = columnOf(t, "id");
  if (!idCol) return;
  const known = t.kind === "targets" ? new Set(plan.targets.map((x) => x.no)) : new Set(plan.tasks.map((x) => x.code));
  const block: BlockRowInput[] = [];
  for (let r = t.headerBottom + 1; r < rowCount(grid); r++) {
    const id = cellText(cellAt(grid, r, idCol.col));
    const ref = itemRefOf(t.kind, id);
    if (ref != null) {
      if (known.has(ref)) place(t, r, ref, "identity");
      else t.unplaced.push({ row: r, no: text(grid, r, columnOf(t, "no")), name: text(grid, r, columnOf(t, "name")), nearest: null });
      continue;
    }
    block.push({ row: r, id: id || null, label: text(grid, r, columnOf(t, "name")) });
  }
  t.traffic = findTrafficRows(block);
}

function hasIdentities(grid: Grid, t: TableReading): boolean {
  const idCol = columnOf(t, "id");
  if (!idCol) return false;
  for (let r = t.headerBottom + 1; r < rowCount(grid); r++) if (itemRefOf(t.kind, cellText(cellAt(grid, r, idCol.col))) != null) return true;
  return false;
}

/** A sheet's table for a plan, its header settled, its rows not read yet; null when it holds none for this plan. */
function tableOf(grid: Grid, h: FoundHeader, plan: Plan): TableReading | null {
  const kind = kindOf(h);
  if (kind === "tasks" && plan.tasks.length === 0 && !h.own) return null;
  const { columns, unknown } = settleColumns(h, kind, plan.year);
  return {
    sheet: grid.sheet,
    kind,
    own: h.own !== null,
    headerTop: h.top,
    headerBottom: h.bottom,
    columns,
    unknownColumns: unknown,
    rows: [],
    traffic: [],
    unplaced: [],
    duplicates: [],
  };
}

/**
 * Each sheet's table read against each plan: `[plan][table]`, a plan's tables in sheet order. What the
 * plans share is read once: the header, and every body row of a colleague's table (readBody).
 */
export function readTablesOf(plans: readonly Plan[], grids: readonly Grid[]): TableReading[][] {
  const out: TableReading[][] = plans.map(() => []);
  for (const g of grids) {
    const h = findHeader(g);
    if (!h) continue;
    const body: { t: TableReading; plan: Plan }[] = [];
    plans.forEach((plan, i) => {
      const t = tableOf(g, h, plan);
      if (!t) return;
      out[i].push(t);
      // The hidden identity column decides where present, even when the key row above it was deleted.
      if (hasIdentities(g, t)) readOwnRows(g, plan, t);
      else body.push({ t, plan });
    });
    if (body.length) readBody(g, body);
  }
  return out;
}

/** Reads one sheet; null when it holds no table this reader recognises. */
export function readTable(grid: Grid, plan: Plan): TableReading | null {
  return readTablesOf([plan], [grid])[0][0] ?? null;
}

export function readTables(plan: Plan, grids: readonly Grid[]): TableReading[] {
  return readTablesOf([plan], grids)[0];
}

/** The plan year a sheet's headers name ("KH 2023"), to pick the plan a file is checked against. */
export function headerYear(grids: readonly Grid[]): number | null {
  for (const g of grids) {
    const h = findHeader(g);
    const c = h?.columns.find((x) => x.role === "plan" && x.year !== null) ?? h?.columns.find((x) => x.role === "actual" && x.year !== null);
    if (c?.year) return c.year;
  }
  return null;
}
