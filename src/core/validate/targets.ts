/**
 * Rules on a targets table: every figure read against the plan's value and last year's, the plan
 * column compared with the official plan, missing figures in the period being reported, sector rows
 * that should add up to their total, and the traffic counts against the criterion typed.
 */
import { formatNumber, numberValue } from "../numbers";
import type { Plan, TargetRow } from "../plan";
import { a1 } from "../address";
import { type Grid, type GridCell, cellAt, isBlank } from "../read-table/grid";
import { type TableColumn, type TableReading, columnOf } from "../read-table/table";
import { type TargetSpec, hintsOf, parseTarget } from "../target";
import { foldKey } from "../text";
import { type Figure, type FigureContext, checkNumber, isPercentFormat, readFigure } from "./figures";
import { type Issue, issue } from "./issue";
import { trafficRules } from "./traffic";

export interface TargetInfo {
  row: TargetRow;
  spec: TargetSpec | null;
  unit: string;
  /** Plan bounds and last year's figure: the yardsticks of scale. */
  refs: number[];
}

const infos = new WeakMap<TargetRow, TargetInfo>();

/** A plan row's reading, kept per row object: plans are immutable and read for every file checked. */
export function targetInfo(row: TargetRow): TargetInfo {
  const known = infos.get(row);
  if (known) return known;
  const info = readInfo(row);
  infos.set(row, info);
  return info;
}

function readInfo(row: TargetRow): TargetInfo {
  const r = parseTarget(row.target, hintsOf(row));
  const spec = r.ok ? r.value : null;
  const unit = row.unit || spec?.unit || "";
  const refs: number[] = [];
  if (spec && spec.kind !== "reduce-criteria" && !spec.change) {
    for (const b of [spec.min, spec.max]) if (b !== null && b > 0 && !refs.includes(b)) refs.push(b);
  }
  const prev = row.previous ? numberValue(row.previous) : null;
  if (prev !== null && prev > 0) refs.push(prev);
  return { row, spec, unit, refs };
}

function bounds(spec: TargetSpec): number[] {
  return [spec.min, spec.max].filter((b): b is number => b !== null).filter((b, i, all) => all.indexOf(b) === i);
}

function sameBounds(a: number[], b: number[]): boolean {
  const eq = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return a.length === b.length && a.every((x) => b.some((y) => eq(x, y)));
}

/** The plan column against the official plan: 25.242 where the plan says 25.224. */
function planRule(cell: GridCell | null, info: TargetInfo, ctx: FigureContext): Issue[] {
  if (isBlank(cell) || cell?.error || !cell) return [];
  const loc = { sheet: ctx.sheet, cell: ctx.cell, target: info.row.no };
  const planBounds = info.spec ? bounds(info.spec) : null;
  let sheetBounds: number[] | null = null;
  let written: string;
  const numberCell = typeof cell.value === "number";
  if (typeof cell.value === "number") {
    const v = isPercentFormat(cell.numFmt) ? Number((cell.value * 100).toPrecision(12)) : cell.value;
    const issues: Issue[] = [];
    if (checkNumber(v, { ...ctx, refs: planBounds?.filter((b) => b > 0) ?? [] }, issues, !cell.formula)) return issues;
    sheetBounds = [v];
    written = String(v);
  } else {
    written = String(cell.value).normalize("NFC").trim();
    if (foldKey(written) === foldKey(info.row.target)) return [];
    const t = parseTarget(written, { ...hintsOf(info.row), unit: info.unit || null, no: undefined });
    if (t.ok) sheetBounds = bounds(t.value);
    else {
      const n = numberValue(written);
      if (n !== null) sheetBounds = [n];
    }
  }
  if (planBounds && sheetBounds && sameBounds(planBounds, sheetBounds)) return [];
  const pointPlan = info.spec?.kind === "point" && info.spec.min !== null;
  const fixValue = numberCell && pointPlan && info.spec?.min != null ? info.spec.min : info.row.target;
  return [issue("plan.differs", loc, { written, plan: info.row.target }, { cell: ctx.cell, value: fixValue })];
}

/** Figures read in one actual column, by target number. */
export type ColumnFigures = Map<string, { figure: Figure; row: number }>;

function sumRule(grid: Grid, plan: Plan, col: TableColumn, figures: ColumnFigures): Issue[] {
  const out: Issue[] = [];
  for (const total of plan.targets) {
    if (!total.additive) continue;
    const subs = plan.targets.filter((x) => x.parent === total.no);
    const t = figures.get(total.no);
    if (!subs.length || !t || t.figure.kind !== "number" || t.figure.suspect) continue;
    const values: number[] = [];
    for (const s of subs) {
      const f = figures.get(s.no)?.figure;
      if (!f || f.kind !== "number" || f.suspect) break;
      values.push(f.value);
    }
    if (values.length !== subs.length) continue;
    const sum = Number(values.reduce((a, b) => a + b, 0).toPrecision(12));
    const decimals = Math.max(...[...values, t.figure.value].map((v) => (String(v).split(".")[1] ?? "").length));
    const tolerance = Math.pow(10, -decimals) * 0.5 * (values.length + 1);
    if (Math.abs(sum - t.figure.value) > tolerance) {
      out.push(issue("subrows.sum", { sheet: grid.sheet, cell: a1(t.row, col.col), target: total.no }, {
        total: t.figure.value, sum, difference: Number((t.figure.value - sum).toPrecision(12)), count: subs.length,
      }));
    }
  }
  return out;
}

/** A table carries its own plan (a commune's sheet in a district's book) when its plan column differs from the book's on most rows, at least two. */
export function carriesOwnPlan(differs: number, compared: number): boolean {
  return differs >= 2 && differs * 2 > compared;
}

/** Codes whose proposed value is scaled by the plan's figures: not offered against a plan that is not the sheet's. */
const PLAN_SCALED = new Set(["value.decimal-confusion"]);

export interface TargetRuleOptions {
  /** A table that carries its own plan is checked against it (its plan column) rather than the book's. */
  ownPlans?: boolean;
}

/** The plan column as the sheet writes it: each row's text (vi-VN figures), and the rows where it differs from the book's plan. */
function sheetPlan(grid: Grid, t: TableReading, byNo: Map<string, TargetRow>, planCol: TableColumn) {
  const written = new Map<string, string>();
  const issues = new Map<string, Issue[]>();
  let example: { written: string; plan: string } | null = null;
  for (const p of t.rows) {
    const row = byNo.get(p.ref);
    const cell = cellAt(grid, p.row, planCol.col);
    if (!row || isBlank(cell) || !cell || cell.error) continue;
    const text = typeof cell.value === "number"
      ? formatNumber(isPercentFormat(cell.numFmt) ? Number((cell.value * 100).toPrecision(12)) : cell.value)
      : String(cell.value).normalize("NFC").trim();
    written.set(row.no, text);
    const info = targetInfo(row);
    const found = planRule(cell, info, {
      sheet: grid.sheet, cell: a1(p.row, planCol.col), target: row.no, unit: info.unit, name: row.name, refs: info.refs, textOnly: grid.textOnly === true,
    });
    if (found.length) {
      issues.set(row.no, found);
      example ??= { written: text, plan: row.target };
    }
  }
  return { written, issues, example, own: carriesOwnPlan(issues.size, written.size) };
}

export function targetRules(grid: Grid, t: TableReading, bookPlan: Plan, options: TargetRuleOptions = {}): Issue[] {
  const out: Issue[] = [];
  const planCol = columnOf(t, "plan");
  const bookRows = new Map(bookPlan.targets.map((x) => [x.no, x]));
  const sheet = planCol ? sheetPlan(grid, t, bookRows, planCol) : null;
  const headerCell = planCol ? a1(t.headerBottom, planCol.col) : null;
  let plan = bookPlan;
  if (sheet?.own) {
    const params = { differs: sheet.issues.size, compared: sheet.written.size };
    if (options.ownPlans) {
      // The sheet's plan column becomes the plan its figures are read against.
      plan = { ...bookPlan, targets: bookPlan.targets.map((r) => (sheet.written.has(r.no) ? { ...r, target: sheet.written.get(r.no) ?? r.target } : r)) };
      out.push(issue("plan.sheet-own-checked", { sheet: grid.sheet, cell: headerCell, target: null }, params));
    } else {
      out.push(issue("plan.sheet-own", { sheet: grid.sheet, cell: headerCell, target: null }, { ...params, ...(sheet.example ?? { written: "", plan: "" }) }));
    }
  }
  const byNo = plan === bookPlan ? bookRows : new Map(plan.targets.map((x) => [x.no, x]));
  const prevCol = columnOf(t, "previous");
  const actualCols = t.columns.filter((c) => c.role === "actual");
  const perColumn = new Map<number, ColumnFigures>(actualCols.map((c) => [c.col, new Map()]));
  // Against a plan that is not the sheet's, no fix scaled by it (nor any of its plan values) is proposed.
  const foreign = sheet?.own === true && !options.ownPlans;
  const keep = (issues: Issue[]): Issue[] =>
    foreign ? issues.map((i) => (i.fix && PLAN_SCALED.has(i.code) ? { ...i, fix: undefined } : i)) : issues;
  for (const p of t.rows) {
    const row = byNo.get(p.ref);
    if (!row) continue;
    const info = targetInfo(row);
    const ctx = (col: number, refs: number[]): FigureContext => ({
      sheet: grid.sheet, cell: a1(p.row, col), target: row.no, unit: info.unit, name: row.name, refs, textOnly: grid.textOnly === true, culture: grid.culture ?? null,
    });
    if (planCol && !sheet?.own) out.push(...(sheet?.issues.get(row.no) ?? []));
  const refs = [...info.refs];
    if (prevCol) {
      const r = readFigure(cellAt(grid, p.row, prevCol.col), ctx(prevCol.col, info.refs));
      out.push(...keep(r.issues));
      if (r.figure.kind === "number" && !r.figure.suspect && r.figure.value > 0 && !refs.length) refs.push(r.figure.value);
    }
    for (const c of actualCols) {
      const cell = cellAt(grid, p.row, c.col);
      if (isBlank(cell)) continue;
      const r = readFigure(cell, ctx(c.col, refs));
      out.push(...keep(r.issues));
      // "chưa có số liệu" typed is no figure: the row is missing one, as an empty cell is.
      if (r.figure.kind !== "empty") perColumn.get(c.col)?.set(row.no, { figure: r.figure, row: p.row });
    }
  }
  const filled = actualCols.filter((c) => (perColumn.get(c.col)?.size ?? 0) > 0);
  // The counts are read even before any figure is typed: a bad count is never passed over.
  const traffic = trafficRules(grid, t, plan, actualCols, perColumn);
  out.push(...traffic.issues);
  if (!filled.length) {
    // A table without any figure column is a plan listing (a pledge): nothing is missing from it.
    if (t.rows.length && actualCols.length) {
      const cell = actualCols.length ? a1(t.headerBottom, actualCols[0].col) : null;
      out.push(issue("table.no-figures", { sheet: grid.sheet, cell, target: null }, { columns: actualCols.length }));
    }
    return out;
  }
  // The period being reported is the rightmost column with figures; earlier ones may be complete.
  // A column of changes ("Mức giảm so với năm trước") holds the fall targets' figures only: it is not
  // the period's column, and a target with its figure there is not missing.
  const levels = filled.filter((c) => !c.change);
  const current = levels[levels.length - 1] ?? filled[filled.length - 1];
  const changes = filled.filter((c) => c.change && c !== current);
  for (const p of t.rows) {
    if (perColumn.get(current.col)?.has(p.ref)) continue;
    if (changes.some((c) => perColumn.get(c.col)?.has(p.ref))) continue;
    if (traffic.derived.has(`${current.col}:${p.ref}`)) continue;
    out.push(issue("value.missing", { sheet: grid.sheet, cell: a1(p.row, current.col), target: p.ref }, { column: current.header }));
  }
  for (const c of filled) out.push(...sumRule(grid, plan, c, perColumn.get(c.col) ?? new Map()));
  return out;
}
