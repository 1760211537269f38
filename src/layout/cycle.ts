/**
 * The collection cycle over grids (issue 17), shared by `ktxh submissions`/`ktxh collect` (ExcelJS) and
 * the pane's "Tạo phiếu thu thập"/"Tổng hợp phiếu" (Office.js): who is asked for what in a plan book,
 * the submission books to make, a returned book read, checked and matched to its recipient, and the
 * merge turned into the cells to write, the *Nguồn số liệu* and *Xung đột* rows. Pure: each host reads
 * its grids and applies the cell writes; nothing here decides differently for one host.
 */
import { a1, parseCell } from "../core/address";
import { type CellKind, type Conflict, type CurrentBook, type MergeResult, type ReturnedBook, type SourceRow, type Value, mergeReturned, trafficKey } from "../core/collect";
import type { TrafficCounts } from "../core/traffic";
import { evaluatePlan } from "../core/evaluate";
import { type PeriodId, isPeriodId, listPeriods, period as periodOf } from "../core/periods";
import type { Plan } from "../core/plan";
import { type Grid, cellAt, cellText } from "../core/read-table/grid";
import { type TableReading, columnOf, taskColumnOf } from "../core/read-table/table";
import { explainKey, periodKey, targetId } from "../core/row-id";
import { type HistoryEntry, newHistoryId } from "../core/history";
import {
  type Assignment, type Recipient, askedOf, officeKey, parseRecipientList, planAssignments, recipientPlan, recipientsOf,
} from "../core/recipients";
import { type Issue, validateGrid } from "../core/validate";
import { issue } from "../core/validate/issue";
import { type BookReading, bookActuals, bookPeriods, readBook } from "./book";
import {
  ASKED_EXPLANATION, EXPLAIN_HEADER, type SubmissionBook, type SubmissionRecord, readAssignRows, readSubmissionRecord, submissionBook, viDate,
} from "./sheets/submission";
import type { CellValue } from "./sheets/types";

/** The plan workbook as the cycle reads it: its one reading, and who is asked for what. */
export interface CyclePlanBook {
  book: BookReading;
  assignments: Assignment[];
  recipients: Recipient[];
}

/** `assignRows`: the *Phân công* sheet's values, or null when the book has none (the plan's own assignment). */
export function cyclePlanBook(book: BookReading, assignRows: readonly (readonly CellValue[] | undefined)[] | null): CyclePlanBook {
  const base = planAssignments(book.plan);
  const assignments = assignRows ? readAssignRows(assignRows, base, parseRecipientList) : base;
  return { book, assignments, recipients: recipientsOf(book.plan, assignments) };
}

/** "2024-06-20" or "20/06/2024" → ISO; null when unreadable. */
export function readDate(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (m) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s.trim());
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return null;
}

/** Targets judged Không đạt in the last period before `target` that has figures in the plan book. */
export function explainTargets(book: BookReading, target: PeriodId): { period: string | null; targets: Set<string> } {
  const year = book.plan.year;
  const cutoff = periodOf(target, year).cutoff;
  const have = bookPeriods(book).filter(isPeriodId);
  const before = listPeriods(year, have).filter((p) => p.cutoff < cutoff);
  for (let i = before.length - 1; i >= 0; i--) {
    const a = bookActuals(book, before[i].id);
    if (!a || !a.actuals.rows.some((r) => r.actual !== null)) continue;
    const judged = evaluatePlan(book.plan, a.actuals);
    return { period: before[i].id, targets: new Set(judged.rows.filter((r) => r.status === "khong-dat").map((r) => r.no)) };
  }
  return { period: null, targets: new Set() };
}

/** One submission book to make: its layout and the plan it records (the recipient's part). */
export interface PlannedBook {
  recipient: Recipient;
  book: SubmissionBook;
  plan: Plan;
  targets: string[];
  tasks: string[];
  explain: string[];
}

/** Every recipient asked for something gets a book, in recipient order. */
export function plannedSubmissions(pb: CyclePlanBook, period: PeriodId, due: string | null): { books: PlannedBook[]; judgedPeriod: string | null } {
  const plan = pb.book.plan;
  const explain = explainTargets(pb.book, period);
  const books: PlannedBook[] = [];
  for (const rec of pb.recipients) {
    const own = recipientPlan(plan, pb.assignments, rec.name);
    if (!own) continue;
    const asked = askedOf(plan, pb.assignments, rec.name);
    books.push({
      recipient: rec, book: submissionBook(plan, rec, asked, { period, due, explain: explain.targets }), plan: own,
      targets: asked.targets.map((t) => t.no), tasks: asked.tasks.map((t) => t.code), explain: asked.targets.filter((t) => explain.targets.has(t.no)).map((t) => t.no),
    });
  }
  return { books, judgedPeriod: explain.period };
}

// ——— Collection ———

/** One returned file, read and checked. */
export interface ReturnedFile {
  file: string;
  recipient: string | null;
  readable: boolean;
  /** Why it could not be read (Vietnamese), or null. */
  reason: string | null;
  issues: Issue[];
  how: "record" | "title" | "rows" | null;
  /** What the merge takes from it; null when it is not merged (no recipient, another period or plan). */
  returned: ReturnedBook | null;
}

export function unreadableFile(file: string, reason: string): ReturnedFile {
  return { file, recipient: null, readable: false, reason, issues: [], how: null, returned: null };
}

function textOf(grid: Grid, row: number, col: number): string {
  return cellText(cellAt(grid, row, col)).normalize("NFC").trim();
}

/** The recipient a header block names ("Đơn vị báo cáo: Phòng Y tế huyện"). */
function titleRecipient(grids: readonly Grid[], recipients: readonly Recipient[]): Recipient | null {
  for (const g of grids) {
    for (let r = 0; r < Math.min(g.cells.length, 12); r++) {
      const row = g.cells[r] ?? [];
      for (let c = 0; c < Math.min(row.length, 4); c++) {
        if (!/^đơn vị báo cáo\s*:?$/i.test(textOf(g, r, c))) continue;
        for (let v = c + 1; v < Math.min(row.length, c + 4); v++) {
          const name = textOf(g, r, v);
          const hit = name ? recipients.find((x) => officeKey(x.name) === officeKey(name)) : null;
          if (hit) return hit;
        }
      }
    }
  }
  return null;
}

/** The recipient whose asked rows the book's rows match best (more than half in common). */
function rowsRecipient(book: BookReading, pb: CyclePlanBook): Recipient | null {
  const has = new Set(book.tables.flatMap((t) => t.rows.map((r) => `${t.kind}:${r.ref}`)));
  let best: { r: Recipient; score: number } | null = null;
  for (const r of pb.recipients) {
    const asked = askedOf(pb.book.plan, pb.assignments, r.name);
    const want = new Set([...asked.targets.map((t) => `targets:${t.no}`), ...asked.tasks.map((t) => `tasks:${t.code}`)]);
    const common = [...want].filter((k) => has.has(k)).length;
    const score = common / new Set([...want, ...has]).size;
    if (score > 0.5 && (!best || score > best.score)) best = { r, score };
  }
  return best?.r ?? null;
}

function errorCells(issues: readonly Issue[]): Set<string> {
  return new Set(issues.filter((i) => i.severity === "error" && i.location.cell).map((i) => `${i.location.sheet}!${i.location.cell}`));
}

/** A returned book's values as the merge takes them: the period's figures, explanations, task rows. */
function returnedOf(book: BookReading, period: PeriodId, who: Recipient, file: string, received: string | null, issues: readonly Issue[]): ReturnedBook {
  const held = errorCells(issues);
  const figures: ReturnedBook["figures"] = [];
  const a = bookActuals(book, period);
  const cellOf = new Map(book.figures.map((f) => [`${f.target}`, f] as const));
  for (const r of a?.actuals.rows ?? []) {
    const f = cellOf.get(r.no);
    if (r.actual === null || (f && held.has(`${f.sheet}!${f.cell}`))) continue;
    figures.push({ target: r.no, value: r.actual });
  }
  const explanations: ReturnedBook["explanations"] = [];
  const tasks: ReturnedBook["tasks"] = [];
  for (const t of book.tables) {
    const grid = book.grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    if (t.kind === "targets") {
      const ex = columnOf(t, "explanation");
      if (!ex) continue;
      for (const r of t.rows) {
        const text = textOf(grid, r.row, ex.col);
        if (text && text !== ASKED_EXPLANATION) explanations.push({ target: r.ref, text });
      }
    } else {
      const st = taskColumnOf(t, "status", period);
      const rs = taskColumnOf(t, "result", period);
      for (const r of t.rows) {
        const status = st && !held.has(`${t.sheet}!${a1(r.row, st.col)}`) ? textOf(grid, r.row, st.col) || null : null;
        const result = rs ? textOf(grid, r.row, rs.col) || null : null;
        if (status || result) tasks.push({ code: r.ref, status, result });
      }
    }
  }
  const traffic = trafficOf(a?.actuals.traffic, book, period, held);
  return { recipient: who.name, commune: who.kind === "commune", file, received, figures, explanations, tasks, traffic };
}

/** The traffic counts read (whole counts only: a bad count is the check's error and is held back). */
function trafficOf(counts: TrafficCounts | undefined, book: BookReading, period: PeriodId, held: ReadonlySet<string>): { key: string; value: number }[] {
  if (!counts) return [];
  const out: { key: string; value: number }[] = [];
  for (const criterion of ["accidents", "deaths", "injuries"] as const) {
    (["prev", "cur"] as const).forEach((side, i) => {
      const v = counts[criterion][i];
      const cell = book.traffic.find((x) => x.criterion === criterion && x.side === side && (x.period === period || x.period === null));
      if (v === null || (cell && held.has(`${cell.sheet}!${cell.cell}`))) return;
      out.push({ key: trafficKey(criterion, side), value: v });
    });
  }
  return out;
}

/** "6 tháng năm 2024": a period as the books and messages say it. */
function periodLabel(period: string, year: number): string {
  return isPeriodId(period) ? `${periodOf(period, year).label} năm ${year}` : `${period} năm ${year}`;
}

/**
 * A submission book made for another period, plan or year than the one collected: named, never merged.
 * Its record says what it was made for; a book without a record is judged by its rows only.
 */
function otherCycle(sub: SubmissionRecord, plan: Plan, period: PeriodId, recordedYear: number | null): Issue | null {
  const year = recordedYear ?? plan.year;
  if (sub.period === period && sub.plan === plan.id && year === plan.year) return null;
  return issue("submission.other-cycle", { cell: null, target: null }, {
    form: sub.form || sub.recipient, book: `${periodLabel(sub.period, year)}${sub.plan !== plan.id ? ` (kế hoạch ${sub.plan})` : ""}`,
    wanted: `${periodLabel(period, plan.year)}${sub.plan !== plan.id ? ` (kế hoạch ${plan.id})` : ""}`,
  });
}

/**
 * A returned book's grids read as `ktxh check` reads them (against the plan it records: a submission
 * book records its recipient's part), matched to its recipient (its record, else the header block's
 * title, else its rows) and taken apart for the merge. `plans`: the plans the caller knows (built-in).
 */
export function readReturnedGrids(grids: readonly Grid[], name: string, received: string | null, pb: CyclePlanBook, period: PeriodId, plans: readonly Plan[]): ReturnedFile {
  const plan = pb.book.plan;
  let book = readBook(grids, { plans: [plan, ...plans] });
  const sub = readSubmissionRecord(book.record?.extra);
  let who: Recipient | null = null;
  let how: ReturnedFile["how"] = null;
  if (sub) {
    who = pb.recipients.find((r) => r.id === sub.recipient) ?? pb.recipients.find((r) => officeKey(r.name) === officeKey(sub.recipientName)) ?? null;
    how = who ? "record" : null;
  }
  if (!who) {
    who = titleRecipient(grids, pb.recipients);
    how = who ? "title" : null;
  }
  if (!who) {
    who = rowsRecipient(readBook(grids, { plans: [plan], chosenPlan: plan }), pb);
    how = who ? "rows" : null;
  }
  if (who && how !== "record") {
    // A book that lost its record is checked against what its recipient was asked for.
    const own = recipientPlan(plan, pb.assignments, who.name);
    if (own) book = readBook(grids, { plans: [own], chosenPlan: own });
  }
  const other = sub ? otherCycle(sub, plan, period, book.record?.meta.year ?? null) : null;
  const found = [...(other ? [other] : []), ...book.problems, ...validateGrid(book.plan, book.grids, { tables: book.tables })];
  const issues = found.map((i) => ({ ...i, location: { file: name, ...i.location } }));
  return {
    file: name, recipient: who?.name ?? null, readable: true, reason: null, issues, how,
    returned: who && !other ? returnedOf(book, period, who, name, received, issues) : null,
  };
}

/** A cell of the plan book, 0-based, on a sheet named as the book reads it. */
export interface Place {
  sheet: string;
  row: number;
  col: number;
}

export interface CellWrite extends Place {
  value: Value;
}

function currentOf(pb: CyclePlanBook, period: PeriodId, explainCol: (t: TableReading) => number | null): CurrentBook {
  const figures = new Map<string, Value>();
  for (const r of bookActuals(pb.book, period)?.actuals.rows ?? []) if (r.actual !== null) figures.set(r.no, r.actual);
  const explanations = new Map<string, string>();
  const tasks = new Map<string, { status: string | null; result: string | null }>();
  for (const t of pb.book.tables) {
    const grid = pb.book.grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    if (t.kind === "targets") {
      const c = explainCol(t);
      if (c !== null) for (const r of t.rows) { const s = textOf(grid, r.row, c); if (s) explanations.set(r.ref, s); }
    } else {
      const st = taskColumnOf(t, "status", period);
      const rs = taskColumnOf(t, "result", period);
      for (const r of t.rows) tasks.set(r.ref, { status: st ? textOf(grid, r.row, st.col) || null : null, result: rs ? textOf(grid, r.row, rs.col) || null : null });
    }
  }
  const traffic = new Map<string, number>();
  for (const t of trafficOf(bookActuals(pb.book, period)?.actuals.traffic, pb.book, period, new Set())) traffic.set(t.key, t.value);
  return { figures, explanations, tasks, traffic };
}

/** Where each merged kind of value goes in the plan book, per row. */
interface Places {
  figure(target: string): Place | null;
  explanation(target: string): Place | null;
  status(code: string): Place | null;
  result(code: string): Place | null;
  traffic(key: string): Place | null;
}

function places(pb: CyclePlanBook, period: PeriodId, explainCol: number | null): Places {
  const book = pb.book;
  const targets = book.tables.find((t) => t.kind === "targets");
  const tasks = book.tables.find((t) => t.kind === "tasks");
  const rowOf = (t: TableReading | undefined, ref: string): number | null => t?.rows.find((r) => r.ref === ref)?.row ?? null;
  const at = (t: TableReading | undefined, ref: string, col: number | null | undefined): Place | null => {
    const row = rowOf(t, ref);
    return t && row !== null && col != null ? { sheet: t.sheet, row, col } : null;
  };
  return {
    figure: (no) => {
      const f = book.figures.find((x) => x.target === no && x.period === period);
      return f ? { sheet: f.sheet, row: f.row, col: f.col } : null;
    },
    explanation: (no) => at(targets, no, explainCol),
    status: (code) => at(tasks, code, tasks ? taskColumnOf(tasks, "status", period)?.col : null),
    result: (code) => at(tasks, code, tasks ? taskColumnOf(tasks, "result", period)?.col : null),
    traffic: (key) => {
      const x = book.traffic.find((c) => c.period === period && trafficKey(c.criterion, c.side) === key);
      const pos = x ? parseCell(x.cell) : null;
      return x && pos ? { sheet: x.sheet, row: pos.row, col: pos.col } : null;
    },
  };
}

function placeOf(where: Places, kind: CellKind, row: string): Place | null {
  if (kind === "traffic") return where.traffic(row);
  return kind === "figure" ? where.figure(row) : kind === "explanation" ? where.explanation(row) : kind === "task-status" ? where.status(row) : where.result(row);
}

/** The explanation column of a targets sheet: the one the merge added before (its key or header), else a new one at the right. */
function explainColumn(grid: Grid, t: TableReading, period: PeriodId): { col: number; isNew: boolean } {
  const key = explainKey(period);
  const keyRow = t.own ? t.headerTop : null;
  const width = Math.max(...grid.cells.map((r) => r?.length ?? 0));
  for (let c = 0; c < width; c++) {
    if (keyRow !== null && textOf(grid, keyRow, c) === key) return { col: c, isNew: false };
    for (let r = t.headerTop; r <= t.headerBottom; r++) if (textOf(grid, r, c).startsWith(EXPLAIN_HEADER)) return { col: c, isNew: false };
  }
  return { col: width, isNew: true };
}

const NOTE: Record<SourceRow["note"], string> = {
  merged: "đã tổng hợp", same: "trùng số đã có", conflict: "xung đột, chưa ghi", "rollup-part": "cộng vào tổng các xã", "kept-apart": "số của xã, không cộng",
};
export const KIND_LABEL: Record<CellKind, string> = { figure: "Chỉ tiêu", explanation: "Giải trình", "task-status": "Trạng thái NV", "task-result": "Kết quả NV", traffic: "Tai nạn GT" };
const CELL_MAX = 32000;

/** The *Nguồn số liệu* rows: one per plan-book cell, its sources one per line (with their value where it matters). */
function sourceRows(merged: MergeResult, where: Places): CellValue[][] {
  const groups = new Map<string, SourceRow[]>();
  for (const s of merged.sources) {
    const k = `${s.kind}\u0001${s.row}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const written = new Map<string, Value>();
  for (const f of merged.figures) written.set(`figure\u0001${f.target}`, f.value);
  for (const e of merged.explanations) written.set(`explanation\u0001${e.target}`, e.text);
  for (const t of merged.traffic) written.set(`traffic\u0001${t.key}`, t.value);
  for (const t of merged.tasks) {
    if (t.status !== undefined) written.set(`task-status\u0001${t.code}`, t.status);
    if (t.result !== undefined) written.set(`task-result\u0001${t.code}`, t.result);
  }
  const rollups = new Map(merged.rollups.map((r) => [r.target, r]));
  return [...groups].map(([k, list]) => {
    const { kind, row } = list[0];
    const p = placeOf(where, kind, row);
    const notes = [...new Set(list.map((s) => NOTE[s.note]))];
    const roll = kind === "figure" ? rollups.get(row) : undefined;
    if (roll) notes.push(`tổng ${roll.communes} xã: ${roll.sum}${roll.differs ? " (khác số tổng)" : ""}`);
    const showValue = (s: SourceRow): boolean => s.note === "conflict" || s.note === "rollup-part" || s.note === "kept-apart" || kind === "figure" || kind === "traffic";
    const lines = list.map((s) => `${s.recipient}${showValue(s) ? `: ${s.value}` : ""} — ${s.file} — ${s.received ? viDate(s.received) : ""}`);
    return [KIND_LABEL[kind], row, p ? a1(p.row, p.col) : null, written.get(k) ?? null, notes.join("; "), lines.join("\n").slice(0, CELL_MAX)];
  });
}

export interface CycleConflict {
  kind: CellKind;
  row: string;
  /** "Chỉ tiêu!H12", or null when the plan book has no such cell. */
  cell: string | null;
  current: Value | null;
  values: { value: Value; recipient: string; file: string }[];
}

/** The *Xung đột* rows: one per conflict, every value given with its sender, for the officer to choose. */
export function conflictRows(conflicts: readonly CycleConflict[]): CellValue[][] {
  return conflicts.map((c) => [
    KIND_LABEL[c.kind], c.row, c.cell, c.current ?? null,
    c.values.map((v) => `${v.value} — ${v.recipient} — ${v.file}`).join("\n").slice(0, CELL_MAX),
  ]);
}

/** What a collection does to the plan book, and what it says. */
export interface CollectPlan {
  merged: MergeResult;
  /** Cells to write (figures, explanations, task statuses and results); every one was empty before. */
  writes: CellWrite[];
  counts: { figures: number; tasks: number; explanations: number; traffic: number };
  /** The new explanation column's key cell (own sheets) and header, when the column is new. */
  explainHeader: { sheet: string; keyRow: number | null; headerRow: number; col: number; key: string; header: string } | null;
  sources: CellValue[][];
  conflicts: CycleConflict[];
  rollups: { target: string; sum: number; communes: number; differs: MergeResult["rollups"][number]["differs"] }[];
  /** Recipients asked for something who sent no book. */
  missing: string[];
  /** The *Lịch sử số liệu* rows of the figures written: `collect` from one book, `merge` for a communes' roll-up. */
  history: HistoryEntry[];
}

/**
 * The history entry of a figure merged into the plan book: `collect` from one returned book (its
 * sender and file), `merge` for the communes' roll-up (the sum of several books).
 */
function collectEntry(
  plan: Plan, period: PeriodId, target: string, old: Value | null, value: Value,
  p: { sheet: string; row: number; col: number }, merged: MergeResult,
  x: { batch: string; at: string; mark: "estimate" | "official" | null },
): HistoryEntry {
  const roll = merged.rollups.find((r) => r.target === target);
  const from = merged.sources.filter((s) => s.kind === "figure" && s.row === target && (roll ? s.note === "rollup-part" : s.note === "merged"));
  return {
    id: newHistoryId(), at: x.at, action: roll ? "merge" : "collect", batch: x.batch, period, target,
    name: plan.targets.find((t) => t.no === target)?.name ?? "", key: periodKey(period), row: targetId(target),
    sheet: p.sheet, cell: a1(p.row, p.col), old, new: value,
    mark: x.mark === "official" ? "Chính thức" : x.mark === "estimate" ? "Ước" : null,
    source: roll ? `tổng ${roll.communes} xã: ${from.map((s) => s.recipient).join("; ")}` : from.map((s) => `${s.recipient} — ${s.file}`).join("; "),
  };
}

/** `at`: the collection's time (ISO), given by the host that runs it. */
export function planCollect(pb: CyclePlanBook, results: readonly ReturnedFile[], period: PeriodId, at: string = new Date().toISOString()): CollectPlan {
  const plan = pb.book.plan;
  const targetsTable = pb.book.tables.find((t) => t.kind === "targets");
  const targetsGrid = targetsTable ? pb.book.grids.find((g) => g.sheet === targetsTable.sheet) : undefined;
  const ex = targetsTable && targetsGrid ? explainColumn(targetsGrid, targetsTable, period) : null;
  const cur = currentOf(pb, period, (t) => (ex && !ex.isNew && t === targetsTable ? ex.col : null));
  const returned = results.flatMap((x) => (x.returned ? [x.returned] : []));
  const merged = mergeReturned(plan, returned, cur);
  const where = places(pb, period, ex?.col ?? null);
  const writes: CellWrite[] = [];
  const counts = { figures: 0, tasks: 0, explanations: 0, traffic: 0 };
  const history: HistoryEntry[] = [];
  const logged = { batch: newHistoryId(), at, mark: bookActuals(pb.book, period)?.figures ?? null };
  for (const f of merged.figures) {
    const p = where.figure(f.target);
    if (p) {
      writes.push({ ...p, value: f.value });
      counts.figures++;
      history.push(collectEntry(plan, period, f.target, cur.figures.get(f.target) ?? null, f.value, p, merged, logged));
    }
  }
  for (const t of merged.traffic) {
    const p = where.traffic(t.key);
    if (p) { writes.push({ ...p, value: t.value }); counts.traffic++; }
  }
  let explainHeader: CollectPlan["explainHeader"] = null;
  if (merged.explanations.length && targetsTable && ex) {
    if (ex.isNew) {
      explainHeader = {
        sheet: targetsTable.sheet, keyRow: targetsTable.own ? targetsTable.headerTop : null, headerRow: targetsTable.headerBottom, col: ex.col,
        key: explainKey(period), header: `${EXPLAIN_HEADER} ${periodOf(period, plan.year).label.toLowerCase()}`,
      };
    }
    for (const e of merged.explanations) {
      const p = where.explanation(e.target);
      if (p) { writes.push({ ...p, value: e.text }); counts.explanations++; }
    }
  }
  for (const t of merged.tasks) {
    const s = t.status !== undefined ? where.status(t.code) : null;
    const r = t.result !== undefined ? where.result(t.code) : null;
    if (!s && !r) continue;
    if (s && t.status !== undefined) writes.push({ ...s, value: t.status });
    if (r && t.result !== undefined) writes.push({ ...r, value: t.result });
    counts.tasks++;
  }
  const cellOf = (c: Conflict): string | null => {
    const p = placeOf(where, c.kind, c.row);
    return p ? `${p.sheet}!${a1(p.row, p.col)}` : null;
  };
  // A book of another period or plan is not this cycle's answer: its sender is still missing.
  const sent = new Set(results.flatMap((x) => (x.recipient && x.returned ? [officeKey(x.recipient)] : [])));
  const missing = pb.recipients.filter((x) => recipientPlan(plan, pb.assignments, x.name) && !sent.has(officeKey(x.name))).map((x) => x.name);
  return {
    merged, writes, counts, explainHeader,
    sources: sourceRows(merged, where),
    conflicts: merged.conflicts.map((c) => ({ kind: c.kind, row: c.row, cell: cellOf(c), current: c.current, values: c.values.map((x) => ({ value: x.value, recipient: x.recipient, file: x.file })) })),
    rollups: merged.rollups.map((x) => ({ target: x.target, sum: x.sum, communes: x.communes, differs: x.differs })),
    missing,
    history,
  };
}

/**
 * What the pane's cycle needs from the file host (src/hosts/xlsx/cycle-files.ts), handed to the
 * Office.js host by the pane's entry and loaded only when a button asks for it: a submission book's
 * bytes, a returned file's grids, a .zip of books.
 */
export interface CycleFiles {
  buildBook(book: SubmissionBook, plan: Plan, now: string | null): Promise<Uint8Array>;
  /** A returned file's sheets, or why it cannot be read (Vietnamese). */
  readBook(bytes: Uint8Array, name: string): Promise<{ ok: true; grids: Grid[] } | { ok: false; reason: string }>;
  zip(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array;
}
