/**
 * The traffic criterion against its counts: where the six counts are in the sheet (the add-in's
 * block under the table, found by ../traffic-block.ts), the number of criteria that fell is derived,
 * and a hand-typed "giảm 01 tiêu chí" that says otherwise is an error (derived figures beat typed
 * ones, GUIDE.md). A count is read as the judgement and the report read it (`readTrafficCounts`);
 * a count typed as text also gets the figure reader's warning and fix.
 */
import type { Plan } from "../plan";
import { a1 } from "../address";
import { type Grid, cellAt, isBlank } from "../read-table/grid";
import type { TableColumn, TableReading } from "../read-table/table";
import { deriveTrafficCriteria, hasTrafficCounts } from "../traffic";
import { readTrafficCount, readTrafficCounts } from "../traffic-block";
import { readFigure } from "./figures";
import { type Issue, issue } from "./issue";
import type { ColumnFigures } from "./targets";

/** How the criterion is written: "giảm 02 tiêu chí" as 783/BC pads it, or none fell. */
export function criteriaText(fell: number): string {
  return fell === 0 ? "không giảm tiêu chí nào" : `giảm ${String(fell).padStart(2, "0")} tiêu chí`;
}

export function trafficRules(
  grid: Grid,
  t: TableReading,
  plan: Plan,
  actualCols: TableColumn[],
  perColumn: Map<number, ColumnFigures>,
): { issues: Issue[]; derived: Set<string> } {
  const issues: Issue[] = [];
  const derived = new Set<string>();
  const target = plan.targets.find((x) => x.criteria === "traffic-accidents");
  if (!target || !t.traffic.length) return { issues, derived };
  const placed = t.rows.find((r) => r.ref === target.no);
  for (const col of actualCols) {
    const valueAt = (row: number) => {
      const cell = cellAt(grid, row, col.col);
      return cell && !cell.error ? cell.value : null;
    };
    const read = readTrafficCounts(t.traffic, valueAt, { sheet: grid.sheet, cellOf: (row) => a1(row, col.col), target: target.no });
    issues.push(...read.problems.map((p) => issue(p.code, p.location, p.params)));
    for (const tr of t.traffic) {
      const cell = cellAt(grid, tr.row, col.col);
      if (isBlank(cell) || !readTrafficCount(valueAt(tr.row)).ok) continue;
      // A whole count typed as text: the figure reader's warning, with the number as the fix.
      const r = readFigure(cell, {
        sheet: grid.sheet, cell: a1(tr.row, col.col), target: target.no, unit: "Vụ", name: tr.criterion, refs: [], textOnly: grid.textOnly === true, culture: grid.culture ?? null,
      });
      issues.push(...r.issues);
    }
    const counts = read.counts;
    if (!counts || !hasTrafficCounts(counts)) continue;
    const d = deriveTrafficCriteria(counts, target.no);
    if (d.unknown > 0 || !placed) continue;
    derived.add(`${col.col}:${target.no}`);
    const typed = perColumn.get(col.col)?.get(target.no)?.figure;
    let said: number | null = null;
    if (typed?.kind === "worded" && typed.spec.kind === "reduce-criteria") said = typed.spec.min;
    else if (typed?.kind === "number" && !typed.suspect) said = typed.value;
    if (said !== null && said !== d.fell) {
      const cell = a1(placed.row, col.col);
      issues.push(issue("traffic.inconsistent", { sheet: grid.sheet, cell, target: target.no }, {
        typed: said, derived: d.fell, detail: d.detail,
      }, { cell, value: criteriaText(d.fell) }));
    }
  }
  return { issues, derived };
}
