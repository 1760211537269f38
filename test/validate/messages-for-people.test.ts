/**
 * Messages for people (issue 11, point 4): a problem found in the add-in's own sheets names the
 * column header and a cell people see, never a column key, the hidden key row or "0 lần".
 */
import { message } from "../../src/core/messages";
import type { Plan } from "../../src/core/plan";
import type { Grid } from "../../src/core/read-table/grid";
import { a1, parseCell as parseA1 } from "../../src/core/address";
import { validateGrid } from "../../src/core/validate";
import { buildTargetsModel, buildTasksModel, type SheetModel } from "../../src/layout/sheet-model";
import { fixturePlan } from "../layout/fixture";

function gridOf(m: SheetModel): Grid {
  return {
    sheet: m.name,
    cells: m.rows.map((r) => r.values.map((v) => (v === null || v === undefined ? null : { value: v }))),
    merges: m.merges.map((x) => ({ top: x.row, left: x.col, bottom: x.row + x.rows - 1, right: x.col + x.cols - 1 })),
  };
}

const rowOf = (m: SheetModel, id: string): number => m.rows.findIndex((r) => r.id === id);
const colOf = (m: SheetModel, key: string): number => m.columns.findIndex((c) => c.key === key);
const keyRow = (m: SheetModel): number => m.rows.findIndex((r) => r.kind === "keys");

function book(plan: Plan, figures: Record<string, number>): { targets: SheetModel; tasks: SheetModel; grids: Grid[] } {
  const targets = buildTargetsModel(plan, { periods: ["year"], statusPeriod: "year" });
  const tasks = buildTasksModel(plan, { periods: ["6m", "9m", "year"] });
  for (const [id, v] of Object.entries(figures)) targets.rows[rowOf(targets, id)].values[colOf(targets, "p:year")] = v;
  return { targets, tasks, grids: [gridOf(targets), gridOf(tasks)] };
}

describe("problems in the add-in's own sheets speak of what people see", () => {
  const plan = fixturePlan();
  const made = book(plan, { "t:1": 1300, "t:1.1": 260, "t:1.2": 1040 });
  const issues = validateGrid(plan, made.grids);

  test("a missing figure names the column's visible header, not its key (p:year)", () => {
    const missing = issues.filter((i) => i.code === "value.missing");
    expect(missing.length).toBeGreaterThan(0);
    const header = made.targets.columns[colOf(made.targets, "p:year")].header;
    for (const i of missing) {
      expect(i.params.column).not.toMatch(/^[a-z]+:/);
      expect(String(i.params.column)).toContain(header);
      expect(message(i)).not.toContain("p:year");
    }
  });

  test("no problem is located in the hidden key row; the task warning sits on the status header", () => {
    for (const i of issues) {
      if (!i.location.cell) continue;
      const m = i.location.sheet === made.tasks.name ? made.tasks : made.targets;
      expect({ code: i.code, row: parseA1(i.location.cell)?.row }).not.toEqual({ code: i.code, row: keyRow(m) });
    }
    const none = issues.find((i) => i.code === "task.no-statuses");
    expect(none?.location.sheet).toBe(made.tasks.name);
    const at = parseA1(String(none?.location.cell));
    expect(at?.col).toBe(colOf(made.tasks, "status:6m"));
    // The cell named holds the status column's header, as shown.
    const shown = made.tasks.rows[at?.row ?? -1]?.values[at?.col ?? -1];
    expect(shown).toBe(made.tasks.columns[colOf(made.tasks, "status:6m")].header);
  });
});

describe("a figure far off its plan says how far in words that hold", () => {
  test("a ratio that rounds to 0 is not printed as '0 lần'", () => {
    const plan = fixturePlan();
    // 0,5 người against a plan of 1.600: 3.200 times smaller.
    const made = book(plan, { "t:4": 0.5 });
    const far = validateGrid(plan, made.grids).filter((i) => i.code === "value.magnitude");
    expect(far.map((i) => i.location.cell)).toEqual([a1(rowOf(made.targets, "t:4"), colOf(made.targets, "p:year"))]);
    const text = message(far[0]);
    expect(text).not.toMatch(/(^|[^\d.,])0 lần/);
    expect(text).toMatch(/nhỏ hơn .* khoảng 3\.200 lần/);
  });

  test("the ratio the rule keeps may round to 0: the sentence does not depend on it", () => {
    const text = message({ code: "value.magnitude", severity: "error", location: {}, params: { value: 0.5, reference: 25224, ratio: 0 } });
    expect(text).not.toMatch(/(^|[^\d.,])0 lần/);
    expect(text).toMatch(/nhỏ hơn .* khoảng 50\.000 lần/);
  });

  test("a figure far above its plan says 'lớn hơn … lần'", () => {
    const text = message({ code: "value.magnitude", severity: "error", location: {}, params: { value: 480000, reference: 1600, ratio: 300 } });
    expect(text).toMatch(/lớn hơn .* khoảng 300 lần/);
  });
});
