/**
 * Validation of figures and task statuses in a workbook, as a pure function over grids:
 * `validateGrid(plan, grids, options) → Issue[]`. Each issue has a code (docs/validation-codes.md),
 * a severity, a location (sheet, A1 cell, the plan's target or task) and, where the right value is
 * known, a fix as data. The CLI prints them; the pane lists them by sheet and applies fixes.
 */
import { parseCell } from "../address";
import type { Plan } from "../plan";
import { type Grid, cellAt } from "../read-table/grid";
import { type TableReading, readTables } from "../read-table/table";
import { cellRules } from "./cells";
import { coverageRules, splitMissing, splitTables, splitTwice } from "./coverage";
import { type Issue, issue } from "./issue";
import { isNoopFix } from "./shown";
import { targetRules } from "./targets";
import { taskRules } from "./tasks";

export type { FileCode, Fix, Issue, SkipCode, ValidateCode } from "./issue";
export { SEVERITY } from "./issue";
export { GROUP_MIN, GROUP_SHOWN, type ListedIssue, groupRepeated } from "./group";

export interface ValidateOptions {
  /** Tables already read (the pane keeps them); read from the grids otherwise. */
  tables?: TableReading[];
  /** A table that carries its own plan (`plan.sheet-own`) is checked against its plan column instead. */
  ownPlans?: boolean;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function validateGrid(plan: Plan, grids: readonly Grid[], options: ValidateOptions = {}): Issue[] {
  const out: Issue[] = [];
  for (const g of grids) out.push(...cellRules(g));
  const tables = options.tables ?? readTables(plan, grids);
  if (!tables.length) {
    out.push(issue("table.not-found", { sheet: grids[0]?.sheet, cell: null, target: null }, { sheets: grids.length }));
  }
  // A book whose sheets split the plan between them (one per office) is one table for what is missing.
  const split = [splitTables(tables, "targets"), splitTables(tables, "tasks")].filter((x): x is TableReading[] => x !== null);
  for (const s of split) out.push(...splitMissing(s, plan), ...splitTwice(s, plan));
  for (const t of tables) {
    const grid = grids.find((g) => g.sheet === t.sheet);
    if (!grid) continue;
    out.push(...coverageRules(t, plan, { missing: !split.some((s) => s.includes(t)) }));
    out.push(...(t.kind === "targets" ? targetRules(grid, t, plan, { ownPlans: options.ownPlans }) : taskRules(grid, t, plan)));
  }
  return sortIssues(grids, withoutNoopFixes(grids, out));
}

/**
 * A fix that would write what the cell already holds (`isNoopFix`) is no fix: the issue stays, said as
 * it is, but "Sửa" and "Sửa tất cả" do not offer it, nor the CLI a value to type.
 */
function withoutNoopFixes(grids: readonly Grid[], issues: Issue[]): Issue[] {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  return issues.map((i) => {
    if (!i.fix) return i;
    const g = bySheet.get(i.location.sheet ?? "");
    const pos = parseCell(i.fix.cell);
    const cell = g && pos ? cellAt(g, pos.row, pos.col) : null;
    if (!cell || cell.formula || cell.error || !isNoopFix(cell.value, i.fix.value)) return i;
    const { fix: _noop, ...rest } = i;
    return rest;
  });
}

/** By sheet in workbook order, then row, then column; issues without a cell last in their sheet. */
export function sortIssues(grids: readonly Grid[], issues: Issue[]): Issue[] {
  const sheetIndex = new Map(grids.map((g, i) => [g.sheet, i]));
  // Each issue's position is worked out once, into plain numbers (a list may hold 100,000 issues).
  const keyed = issues.map((i, k) => {
    const c = i.location.cell ? parseCell(i.location.cell) : null;
    return { i, k, s: sheetIndex.get(i.location.sheet ?? "") ?? 0, r: c ? c.row : Number.MAX_SAFE_INTEGER, c: c ? c.col : 0, o: ORDER[i.severity] };
  });
  return keyed.sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c || a.o - b.o || a.k - b.k).map((x) => x.i);
}
