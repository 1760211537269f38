/**
 * Rules on the table as a whole: plan rows the sheet lacks, sheet rows and columns that could not be
 * placed, rows given twice. A colleague's table is read, never silently trimmed.
 */
import type { Plan } from "../plan";
import { a1 } from "../address";
import type { TableReading } from "../read-table/table";
import { type Issue, issue } from "./issue";

/**
 * The tables of one kind that split the plan between them (one sheet per office or per group of
 * targets): two or more, each placing rows, each with at least as many rows of its own as rows another
 * sheet has too. Such a book is one table for coverage: a row is missing only when no sheet has it, and
 * a row on two sheets is a slip of its own (`splitTwice`). Sheets that repeat rows (one per period, per
 * commune, per version) share most of them, and are each checked whole. Null when the book is not split.
 */
export function splitTables(tables: readonly TableReading[], kind: TableReading["kind"]): TableReading[] | null {
  const of = tables.filter((t) => t.kind === kind && t.rows.length > 0);
  if (of.length < 2) return null;
  const sheets = new Map<string, number>();
  for (const t of of) for (const ref of new Set(t.rows.map((r) => r.ref))) sheets.set(ref, (sheets.get(ref) ?? 0) + 1);
  for (const t of of) {
    const shared = t.rows.filter((r) => (sheets.get(r.ref) ?? 0) > 1).length;
    if (shared > t.rows.length - shared) return null;
  }
  return of;
}

/** Plan rows on none of the sheets of a split book: one `row.missing` each, at the first sheet. */
export function splitMissing(split: readonly TableReading[], plan: Plan): Issue[] {
  const placed = new Set(split.flatMap((t) => t.rows.map((r) => r.ref)));
  return missingRules(split[0], plan, placed);
}

/** The column a row's problems are shown at: its name, else the table's first column. */
function labelCol(t: TableReading): number {
  return t.columns.find((c) => c.role === "name")?.col ?? t.columns[0]?.col ?? 0;
}

/**
 * Plan rows of a split book on a second sheet: one `row.two-sheets` at each later row, naming the
 * first sheet and cell (the report takes the first one's figure).
 */
export function splitTwice(split: readonly TableReading[], plan: Plan): Issue[] {
  const out: Issue[] = [];
  const first = new Map<string, { sheet: string; cell: string }>();
  for (const t of split) {
    const col = labelCol(t);
    for (const r of t.rows) {
      const cell = a1(r.row, col);
      const was = first.get(r.ref);
      if (!was) {
        first.set(r.ref, { sheet: t.sheet, cell });
        continue;
      }
      const task = t.kind === "tasks";
      const name = task ? plan.tasks.find((x) => x.code === r.ref)?.text.slice(0, 80) : plan.targets.find((x) => x.no === r.ref)?.name;
      const where = task ? { sheet: t.sheet, cell, task: r.ref } : { sheet: t.sheet, cell, target: r.ref };
      out.push(issue("row.two-sheets", where, { kind: task ? "task" : "target", name: name ?? r.ref, firstSheet: was.sheet, firstCell: was.cell, sheet: t.sheet, cell }));
    }
  }
  return out;
}

export function coverageRules(t: TableReading, plan: Plan, opts: { missing?: boolean } = {}): Issue[] {
  const out: Issue[] = [];
  const sheet = t.sheet;
  const nameCol = labelCol(t);
  for (const c of t.unknownColumns) {
    out.push(issue("column.unknown", { sheet, cell: a1(t.headerBottom, c.col), target: null }, { header: c.header }));
  }
  for (const u of t.unplaced) {
    const near = u.nearest === null ? null : t.kind === "targets"
      ? plan.targets.find((x) => x.no === u.nearest)?.name ?? null
      : plan.tasks.find((x) => x.code === u.nearest)?.text.slice(0, 60) ?? null;
    out.push(issue("row.unplaced", { sheet, cell: a1(u.row, nameCol), target: null }, {
      no: u.no, name: u.name, nearest: near === null ? null : `${u.nearest} ${near}`,
    }));
  }
  for (const d of t.duplicates) {
    out.push(issue("row.duplicate", { sheet, cell: a1(d.row, nameCol), target: d.ref }, { first: a1(d.first, nameCol) }));
  }
  if (opts.missing !== false) out.push(...missingRules(t, plan, new Set(t.rows.map((r) => r.ref))));
  return out;
}

function missingRules(t: TableReading, plan: Plan, placed: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  const sheet = t.sheet;
  if (t.kind === "targets") {
    for (const row of plan.targets) {
      if (placed.has(row.no)) continue;
      // A missing sector row is worth a look (its own code, a warning); a missing main target leaves the report incomplete.
      const where = { sheet, cell: null, target: row.no };
      out.push(row.parent == null ? issue("row.missing", where, { kind: "target", name: row.name }) : issue("row.missing-subrow", where, { kind: "target", name: row.name }));
    }
  } else {
    for (const task of plan.tasks) {
      if (!placed.has(task.code)) out.push(issue("row.missing", { sheet, cell: null, task: task.code }, { kind: "task", name: task.text.slice(0, 80) }));
    }
  }
  return out;
}
