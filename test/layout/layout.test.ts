import { FIGURE_MARKS } from "../../src/core/periods";
import { PAGE, TARGET_STATUS_WORDS, TASK_STATUS_WORDS } from "../../src/layout/sheets/styles";
import { targetsLayout } from "../../src/layout/sheets/targets";
import { tasksLayout } from "../../src/layout/sheets/tasks";
import type { SheetLayout } from "../../src/layout/sheets/types";
import { fixturePlan } from "./fixture";

const plan = fixturePlan();
const layouts: SheetLayout[] = [targetsLayout(plan, { periods: ["m1", "q1", "6m", "9m", "year"] }), tasksLayout(plan, { periods: ["6m", "9m", "year"] })];

describe.each(layouts.map((l) => [l.id, l] as const))("layout %s", (_id, layout) => {
  test("column keys are unique and one hidden identity column ends the sheet", () => {
    const keys = layout.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const identity = layout.columns.filter((c) => c.role === "identity");
    expect(identity).toHaveLength(1);
    expect(identity[0].hidden).toBe(true);
    expect(layout.columns[layout.columns.length - 1]).toBe(identity[0]);
  });

  test("widths are Excel character widths a page can hold", () => {
    for (const c of layout.columns) {
      expect(c.width).toBeGreaterThanOrEqual(4);
      expect(c.width).toBeLessThanOrEqual(60);
    }
    const visible = layout.columns.filter((c) => !c.hidden).reduce((s, c) => s + c.width, 0);
    // Fit to one A4 landscape width at no less than about 60 % scale with the default periods (6 months,
    // 9 months, year); five periods open, each with its *Cùng kỳ năm trước* column, at about half scale.
    expect(visible).toBeLessThan(layout.id === "targets" ? 262 : 215);
    if (layout.id === "targets") {
      const three = targetsLayout(plan, { periods: ["6m", "9m", "year"] }).columns.filter((c) => !c.hidden).reduce((s, c) => s + c.width, 0);
      expect(three).toBeLessThan(215);
    }
  });

  test("every input column has validation and stays unlocked", () => {
    const inputs = layout.columns.filter((c) => c.role === "input");
    expect(inputs.length).toBeGreaterThan(0);
    for (const c of inputs) {
      expect(c.validation).toBeDefined();
      expect(c.format.locked).toBe(false);
      expect(c.validation?.error.text.length).toBeLessThanOrEqual(225);
      expect(c.validation?.prompt?.title.length ?? 0).toBeLessThanOrEqual(32);
    }
    for (const h of layout.headerInputs) expect(h.validation.rule).toEqual({ kind: "list", values: [...FIGURE_MARKS] });
  });

  test("text columns are text-formatted so '=1+1' or '1.600' is never read as a formula or a number", () => {
    for (const key of ["name", "plan", "text", "note", "result", "lead"]) {
      const c = layout.columns.find((x) => x.key === key);
      if (c) expect(c.format.numberFormat).toBe("@");
    }
  });

  test("header groups name existing columns", () => {
    const keys = layout.columns.map((c) => c.key);
    for (const g of layout.groups) {
      expect(keys).toContain(g.from);
      expect(keys).toContain(g.to);
      expect(g.row).toBeLessThan(layout.headerRows - 1);
    }
  });

  test("is plain data: a JSON round trip changes nothing", () => {
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  test("uses Times New Roman and the Decree 30/2020 page", () => {
    expect(layout.baseFormat.font?.name).toBe("Times New Roman");
    const m = layout.page.marginsMm;
    expect(m.top).toBeGreaterThanOrEqual(20);
    expect(m.top).toBeLessThanOrEqual(25);
    expect(m.bottom).toBeGreaterThanOrEqual(20);
    expect(m.bottom).toBeLessThanOrEqual(25);
    expect(m.left).toBeGreaterThanOrEqual(30);
    expect(m.left).toBeLessThanOrEqual(35);
    expect(m.right).toBeGreaterThanOrEqual(15);
    expect(m.right).toBeLessThanOrEqual(20);
    expect(layout.page).toMatchObject({ paper: "A4", orientation: "landscape" });
  });
});

test("every status value has a conditional format, in colour and in words", () => {
  const targets = layouts[0].columns.find((c) => c.key === "status");
  expect(targets?.conditional?.map((f) => f.equals).sort()).toEqual([...TARGET_STATUS_WORDS].sort());
  const tasks = layouts[1].columns.find((c) => c.key === "status:9m");
  expect(tasks?.conditional?.map((f) => f.equals).sort()).toEqual([...TASK_STATUS_WORDS].sort());
  expect(tasks?.validation?.rule).toEqual({ kind: "list", values: [...TASK_STATUS_WORDS] });
  const fills = [...(targets?.conditional ?? []), ...(tasks?.conditional ?? [])].map((f) => f.format.fill);
  expect(new Set(fills.slice(0, 4)).size).toBe(4);
  expect(PAGE.fitToWidth).toBe(true);
});
