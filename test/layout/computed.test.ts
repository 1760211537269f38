import { STATUS_LABELS } from "../../src/core/evaluate";
import { PROJECTED_LABELS } from "../../src/core/messages/labels";
import { computedCells, readOverride } from "../../src/layout/computed";
import { buildTargetsModel, type SheetModel } from "../../src/layout/sheet-model";
import { TARGET_STATUS_WORDS } from "../../src/layout/sheets/styles";
import { targetsLayout } from "../../src/layout/sheets/targets";
import type { CellValue } from "../../src/layout/sheets/types";
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

test("the status words of the sheet are the evaluator's labels, and the projected ones before year end", () => {
  expect([...new Set([...Object.values(STATUS_LABELS), ...Object.values(PROJECTED_LABELS)])].sort()).toEqual([...TARGET_STATUS_WORDS].sort());
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
  // Jobs add up over the year: at 6 months the status is that of the projected year figure.
  expect(at(m, "t:4", "status")).toBe(PROJECTED_LABELS.vuot);
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

describe("before year end: the sheet's cells say the mid-year rule", () => {
  const annual = fixturePlan((p) => ({ ...p, targets: p.targets.map((t) => (t.no === "3" ? { ...t, annual: true } : t)) }));
  const model = (figures: Record<string, CellValue>) =>
    buildTargetsModel(annual, { periods: ["6m", "year"], statusPeriod: "6m" }, {
      inputs: Object.fromEntries(Object.entries(figures).map(([id, v]) => [id, { "p:6m": v }])), headerValues: {}, userRows: [], userColumns: [], kept: [],
    });

  test("cumulative: % of the year plan and the projected year's status; annual: Chưa đánh giá được, no percent; a level: the target itself", () => {
    const m = model({ "t:4": 700, "t:1": 700, "t:3": 2.5, "t:2": 7.5 });
    expect(at(m, "t:4", "status")).toBe(PROJECTED_LABELS["khong-dat"]);
    expect(at(m, "t:4", "percent")).toBe(43.75);
    expect(String(at(m, "t:4", "reason"))).toMatch(/^Lũy kế 6 tháng đạt 43,8% kế hoạch năm\. Dự kiến cả năm khoảng 1\.400 theo số tháng \(6\/12\)/);
    expect(at(m, "t:1", "status")).toBe(PROJECTED_LABELS.dat);
    expect(at(m, "t:3", "status")).toBe(STATUS_LABELS["chua-danh-gia"]);
    expect(at(m, "t:3", "percent")).toBeNull();
    expect(String(at(m, "t:3", "reason"))).toMatch(/cả năm/);
    expect(at(m, "t:2", "status")).toBe(STATUS_LABELS.dat);
  });
});

describe("staff override of a status, with a reason", () => {
  function withOverride(figures: Record<string, CellValue>, overrides: Record<string, [CellValue, CellValue]>): SheetModel {
    const inputs: Record<string, Record<string, CellValue>> = {};
    for (const [id, v] of Object.entries(figures)) inputs[id] = { "p:year": v };
    for (const [id, [status, reason]] of Object.entries(overrides)) inputs[id] = { ...inputs[id], override: status, "override-reason": reason };
    return buildTargetsModel(plan, { periods: ["6m", "year"], statusPeriod: "year" }, {
      inputs, headerValues: {}, userRows: [], userColumns: [], kept: [],
    });
  }

  test("a status word with a reason replaces the rule's status; the percent stays computed", () => {
    const m = withOverride({ "t:4": 1500 }, { "t:4": ["Đạt", "Số của Phòng Lao động chưa cộng lao động thời vụ"] });
    expect(at(m, "t:4", "status")).toBe(STATUS_LABELS.dat);
    expect(at(m, "t:4", "percent")).toBeCloseTo(93.75, 2);
    const reason = String(at(m, "t:4", "reason"));
    expect(reason).toContain("do cán bộ điều chỉnh");
    expect(reason).toContain("Số của Phòng Lao động chưa cộng lao động thời vụ");
    // The rule's own judgement is still said, so the override can be checked.
    expect(reason).toContain("không đạt");
    // The override cells are the staff's: the model never rewrites them.
    expect(at(m, "t:4", "override")).toBe("Đạt");
  });

  test("without a reason the override is not applied and the reason cell asks for one", () => {
    const m = withOverride({ "t:4": 1500 }, { "t:4": ["Đạt (vượt)", "  "] });
    expect(at(m, "t:4", "status")).toBe(STATUS_LABELS["khong-dat"]);
    const reason = String(at(m, "t:4", "reason"));
    expect(reason).toMatch(/cần ghi lý do/);
    expect(reason).not.toContain("do cán bộ điều chỉnh");
  });

  test("text that is no status word is not applied and is named", () => {
    const m = withOverride({ "t:4": 1500 }, { "t:4": ["đạt rồi", "đã kiểm tra"] });
    expect(at(m, "t:4", "status")).toBe(STATUS_LABELS["khong-dat"]);
    expect(String(at(m, "t:4", "reason"))).toContain("\"đạt rồi\" không hợp lệ");
  });

  test("an override applies to a row without a figure and to the traffic criterion", () => {
    const m = withOverride({}, {
      "t:3": ["Không đạt", "Số hộ nghèo phát sinh sau bão, chờ rà soát"],
      "t:5": ["khong-dat", "Công an huyện báo số vụ tăng"],
    });
    expect(at(m, "t:3", "status")).toBe(STATUS_LABELS["khong-dat"]);
    expect(at(m, "t:3", "percent")).toBeNull();
    expect(at(m, "t:5", "status")).toBe(STATUS_LABELS["khong-dat"]);
    // Other rows keep the rule's judgement.
    expect(at(m, "t:4", "status")).toBe(STATUS_LABELS["thieu-so-lieu"]);
  });

  test("a row never judged (growth rate by sector) says the override does not apply", () => {
    const m = withOverride({ "t:2.1": 3 }, { "t:2.1": ["Đạt", "theo Chi cục Thống kê"] });
    expect(at(m, "t:2.1", "status")).toBeNull();
    expect(String(at(m, "t:2.1", "reason"))).toMatch(/không áp dụng/);
  });

  test("live judgement sees an override typed into a sheet read back", () => {
    const m = withOverride({ "t:4": 1500 }, {});
    const grid = { columns: m.columns, rows: m.rows.map((r) => ({ id: r.id, values: [...r.values] })) };
    const row = grid.rows.findIndex((r) => r.id === "t:4");
    grid.rows[row].values[col(m, "override")] = "Đạt (vượt)";
    grid.rows[row].values[col(m, "override-reason")] = "Tính cả lao động xuất khẩu";
    const updates = computedCells(plan, grid, "year", new Set(["t:4"]));
    expect(updates.find((u) => u.col === col(m, "status"))?.value).toBe(STATUS_LABELS.vuot);
    expect(String(updates.find((u) => u.col === col(m, "reason"))?.value)).toContain("Tính cả lao động xuất khẩu");
  });
});

describe("readOverride", () => {
  test("words of the list, codes, blanks and non-words", () => {
    expect(readOverride("Đạt (vượt)", "lý do")).toEqual({ kind: "applied", override: { status: "vuot", reason: "lý do" } });
    expect(readOverride(" Không đạt ", "x")).toMatchObject({ kind: "applied", override: { status: "khong-dat" } });
    expect(readOverride("dat", "x")).toMatchObject({ kind: "applied", override: { status: "dat" } });
    expect(readOverride("Đạt", null)).toEqual({ kind: "no-reason", status: "dat" });
    expect(readOverride(null, "lý do")).toEqual({ kind: "none" });
    expect(readOverride("  ", null)).toEqual({ kind: "none" });
    expect(readOverride(1, "x")).toEqual({ kind: "invalid", text: "1" });
    // Decomposed marks (text pasted from a PDF) read as the word.
    expect(readOverride("Đạt (vượt)".normalize("NFD"), "x".normalize("NFD"))).toMatchObject({ kind: "applied", override: { status: "vuot" } });
  });
});

test("rows are tall enough for the judgement's reason, an override's included", () => {
  const m = buildTargetsModel(plan, { periods: ["year"] }, {
    inputs: { "t:4": { "p:year": 1500, override: "Đạt", "override-reason": "Đã kiểm tra" } },
    headerValues: {}, userRows: [], userColumns: [], kept: [],
  });
  const row = m.rows.find((r) => r.id === "t:4")!;
  const plain = m.rows.find((r) => r.id === "t:1.1")!;
  // A short reason typed, a long one computed (the staff's and the rule's): the height comes from the latter.
  expect(String(row.values[col(m, "reason")]).length).toBeGreaterThan(60);
  expect(row.height ?? 0).toBeGreaterThan(2 * 15);
  expect(plain.height).toBeNull();
});

test("every word the override list offers is read as a status, and shown as that status", () => {
  const layout = targetsLayout(plan, { periods: ["year"] });
  const c = layout.columns.find((x) => x.key === "override");
  expect(c).toMatchObject({ role: "input", validation: { rule: { kind: "list" }, allowBlank: true } });
  const words = c?.validation?.rule.kind === "list" ? c.validation.rule.values : [];
  expect(words).toEqual(["Đạt (vượt)", "Đạt", "Không đạt"]);
  for (const w of words) {
    const r = readOverride(w, "lý do");
    expect(r.kind === "applied" ? STATUS_LABELS[r.override.status] : null).toBe(w);
  }
  expect(layout.columns.find((x) => x.key === "override-reason")).toMatchObject({ role: "input", format: { numberFormat: "@", locked: false } });
});
