import * as fs from "node:fs";
import * as path from "node:path";
import { type Plan, parsePlan } from "../../src/core/plan";
import { buildTargetsModel, buildTasksModel, type SheetModel } from "../../src/layout/sheet-model";

function seed(name: string): Plan {
  const file = path.join(__dirname, "../../seeds", `${name}.json`);
  const r = parsePlan(JSON.parse(fs.readFileSync(file, "utf8")), file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const ids = (m: SheetModel, prefix: string): string[] =>
  m.rows.map((r) => r.id ?? "").filter((id) => id.startsWith(prefix));

describe("the Bình Sơn 2024 plan", () => {
  const plan = seed("binh-son-2024");
  const targets = buildTargetsModel(plan, { periods: ["6m", "9m", "year"] });
  const tasks = buildTasksModel(plan, { periods: ["6m", "9m", "year"] });

  test("20 main targets, then the six traffic counts feeding target 18", () => {
    expect(targets.rows.filter((r) => r.kind === "main")).toHaveLength(20);
    expect(ids(targets, "t:")).toEqual(Array.from({ length: 20 }, (_, i) => `t:${i + 1}`));
    expect(ids(targets, "tn:")).toHaveLength(6);
    const header = targets.rows.find((r) => r.kind === "block-header");
    expect(header?.values.join(" ")).toContain("chỉ tiêu 18");
    const name = targets.columns.findIndex((c) => c.key === "name");
    const plannedTarget = targets.columns.findIndex((c) => c.key === "plan");
    const first = targets.rows.find((r) => r.id === "t:1")!;
    expect(first.values[name]).toBe("Tổng giá trị sản xuất");
    expect(first.values[plannedTarget]).toBe("khoảng 25.224");
  });

  test("33 tasks under their group headings", () => {
    expect(tasks.rows.filter((r) => r.kind === "task")).toHaveLength(33);
    expect(ids(tasks, "g:")).toEqual(["g:2", "g:3", "g:4"]);
    const codes = ids(tasks, "n:");
    expect(codes[0]).toBe("n:1");
    expect(codes[codes.length - 1]).toBe("n:5");
    expect(codes.filter((c) => c.startsWith("n:2."))).toHaveLength(19);
  });

  test("long task texts get tall rows, within Excel's limit", () => {
    const heights = tasks.rows.filter((r) => r.kind === "task").map((r) => r.height ?? 0);
    expect(Math.min(...heights)).toBeGreaterThan(15.75);
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
  });
});

test("the 2023 plan's sector rows are indented under their totals", () => {
  const plan = seed("binh-son-2023");
  const m = buildTargetsModel(plan, { periods: ["year"] });
  const name = m.columns.findIndex((c) => c.key === "name");
  const rowIds = m.rows.map((r) => r.id);
  for (const sub of plan.targets.filter((t) => t.parent != null)) {
    const r = rowIds.indexOf(`t:${sub.no}`);
    expect(m.rows[r].kind).toBe("sub");
    // Right after its total or after a sibling.
    const above = String(rowIds[r - 1]);
    expect([`t:${sub.parent}`, ...plan.targets.filter((t) => t.parent === sub.parent).map((t) => `t:${t.no}`)]).toContain(above);
    const indent = m.styles.filter((s) => s.area.row === r && s.area.col === name && s.format.indent != null);
    expect(indent.map((s) => s.format.indent)).toEqual([1]);
  }
  expect(plan.targets.filter((t) => t.parent != null).length).toBeGreaterThanOrEqual(6);
});
