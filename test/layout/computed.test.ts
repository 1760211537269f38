import { STATUS_LABELS } from "../../src/domain/evaluate";
import { computedCells } from "../../src/layout/computed";
import { buildTargetsModel, type SheetModel } from "../../src/layout/sheet-model";
import { TARGET_STATUS_WORDS } from "../../src/layout/styles";
import type { CellValue } from "../../src/layout/types";
import { fixturePlan } from "./fixture";

const plan = fixturePlan();
const col = (m: SheetModel, key: string): number => m.columns.findIndex((c) => c.key === key);
function at(m: SheetModel, id: string, key: string): CellValue {
  return m.rows.find((r) => r.id === id)!.values[col(m, key)];
}
function withFigures(period: "6m" | "year", figures: Record<string, CellValue>): SheetModel {
  const inputs = Object.fromEntries(Object.entries(figures).map(([id, v]) => [id, { [`p:${period}`]: v }]));
  return buildTargetsModel(plan, { periods: ["6m", "year"], statusPeriod: period }, {
    inputs, headerValues: {}, userRows: [], userColumns: [], kept: [],
  });
}

test("the status words of the sheet are the evaluator's labels", () => {
  expect(Object.values(STATUS_LABELS).sort()).toEqual([...TARGET_STATUS_WORDS].sort());
});

test("status, percent and reason come from the evaluator for the chosen period", () => {
  const m = withFigures("year", {
    "t:4": 2000, "t:3": 2.0, "t:1": 1200, "t:2.1": 3.1,
    "tn:accidents:prev": 20, "tn:accidents:cur": 15, "tn:deaths:prev": 10, "tn:deaths:cur": 8,
    "tn:injuries:prev": 12, "tn:injuries:cur": 9,
  });
  expect(at(m, "t:4", "status")).toBe(STATUS_LABELS.vuot);
  expect(at(m, "t:4", "percent")).toBeCloseTo(125, 1);
  expect(at(m, "t:3", "status")).toBe(STATUS_LABELS.vuot);
  expect(at(m, "t:1", "status")).toBe(STATUS_LABELS["khong-dat"]);
  expect(String(at(m, "t:1", "reason"))).not.toBe("");
  // Three criteria fell: "Giảm 3 tiêu chí" is met from the six counts.
  expect([STATUS_LABELS.dat, STATUS_LABELS.vuot]).toContain(at(m, "t:5", "status"));
  // Growth-rate sub-rows do not add up: no judgement printed, as in 783/BC.
  expect(at(m, "t:2.1", "status")).toBeNull();
  expect(at(m, "t:2", "status")).toBe(STATUS_LABELS["thieu-so-lieu"]);
});

test("only the figures of the judged period count", () => {
  const m = withFigures("6m", { "t:4": 2000 });
  expect(at(m, "t:4", "status")).toBe(STATUS_LABELS.vuot);
  const y = buildTargetsModel(plan, { periods: ["6m", "year"], statusPeriod: "year" }, {
    inputs: { "t:4": { "p:6m": 2000 } }, headerValues: {}, userRows: [], userColumns: [], kept: [],
  });
  expect(at(y, "t:4", "status")).toBe(STATUS_LABELS["thieu-so-lieu"]);
});

test("live judgement may recompute only the rows that changed", () => {
  const m = withFigures("year", { "t:4": 2000, "t:3": 2.0 });
  const updates = computedCells(plan, m, "year", new Set(["t:4"]));
  const rows = new Set(updates.map((u) => m.rows[u.row].id));
  expect(rows).toEqual(new Set(["t:4"]));
  expect(updates.map((u) => m.columns[u.col].key).sort()).toEqual(["percent", "reason", "status"]);
});
