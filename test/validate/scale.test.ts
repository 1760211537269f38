/**
 * Check time grows with the rows, not faster: header search, row matching and the grouping of repeated
 * warnings cost the same per row on a sheet of 3,000 rows as on one of 30,000 (issue 12: a 100,000-row
 * sheet took 87 s where opening it took 4.7 s). The old code asked the sheet's width on every row and
 * copied each run of warnings on every new one: ten times the rows took a hundred times as long.
 */
import type { Plan } from "../../src/core/plan";
import type { Grid, GridCell } from "../../src/core/read-table/grid";
import { readTable } from "../../src/core/read-table/table";
import { validateGrid } from "../../src/core/validate";
import { groupRepeated } from "../../src/core/validate/group";
import { builtInPlans } from "../../src/seeds";

const plan = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;

/** A colleague's table: title, header, the plan's rows, then rows that are no target (each one unplaced). */
function bigGrid(rows: number): Grid {
  const p = plan();
  const v = (x: string | number): GridCell => ({ value: x });
  const cells: (GridCell | null)[][] = [[v("BÁO CÁO KẾT QUẢ NĂM 2024")], [], [v("TT"), v("Chỉ tiêu"), v("ĐVT"), v("KH 2024"), v("Ước TH 2024"), v("Ghi chú")]];
  for (const t of p.targets) cells.push([v(t.parent == null ? t.no : "-"), v(t.name), v(t.unit), v(t.target), null, null]);
  for (let i = cells.length; i < rows; i++) cells.push([v(i), v(`Hộ thôn ${i % 17} số ${i}`), v("hộ"), v(i % 100), v((i * 3) % 1000), null]);
  // Merged cells down the body (a note merged over two rows here and there): looked up per cell.
  const merges = Array.from({ length: Math.floor(rows / 10) }, (_, k) => ({ top: 40 + k * 10, left: 5, bottom: 41 + k * 10, right: 5 }));
  return { sheet: "Tổng hợp", cells, merges };
}

function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** The median, over alternated pairs, of the time on 10× the rows over the time on 1×. */
function growth(run: (rows: number) => void, small: number): number {
  run(small);
  const ratios: number[] = [];
  for (let k = 0; k < 3; k++) {
    const a = cpuMs(() => run(small * 10));
    const b = cpuMs(() => run(small));
    ratios.push(a / Math.max(b, 1));
  }
  return ratios.sort((x, y) => x - y)[1];
}

describe("check time is linear in the rows", () => {
  test("reading a table: 10× the rows costs about 10× the time, not 100×", () => {
    const grids = new Map([3000, 30000].map((n) => [n, bigGrid(n)]));
    // A fresh grid object each time: the readings cached per grid must not hide the work.
    const r = growth((n) => {
      const g = grids.get(n) as Grid;
      const t = readTable({ ...g }, plan());
      expect(t?.unplaced.length).toBeGreaterThan(n / 2);
    }, 3000);
    expect(r).toBeLessThan(30);
  }, 120000);

  test("grouping the repeated warnings of a large sheet: linear too", () => {
    const issues = new Map([2000, 20000].map((n) => [n, validateGrid(plan(), [bigGrid(n)])]));
    expect(issues.get(20000)!.filter((i) => i.code === "row.unplaced").length).toBeGreaterThan(15000);
    const r = growth((n) => {
      const list = groupRepeated(issues.get(n)!);
      // One grouped line for the unplaced rows of the name column, not one line per row.
      expect(list.filter((l) => l.kind === "more" && l.code === "row.unplaced")).toHaveLength(1);
      expect(list.length).toBeLessThan(100);
    }, 2000);
    expect(r).toBeLessThan(30);
  }, 120000);
});
