import { columnLetter } from "../../src/core/address";
import { DROPPED_HEADING } from "../../src/layout/sheets/styles";
import { mergeTargets, mergeTasks } from "../../src/layout/merge";
import { readSheet } from "../../src/layout/read";
import { buildTargetsModel, buildTasksModel, type CellFormula, type SheetModel } from "../../src/layout/sheet-model";
import type { CellValue } from "../../src/layout/sheets/types";
import { fixturePlan } from "./fixture";

type Grid = CellValue[][];
const plan = fixturePlan();
const gridOf = (m: SheetModel): Grid => m.rows.map((r) => [...r.values]);
const keyCol = (g: Grid, key: string): number => g[0].indexOf(key);
const idCol = (g: Grid): number => g[0].findIndex((v) => typeof v === "string" && v.startsWith("#ktxh:"));
const rowIndex = (g: Grid, id: string): number => g.findIndex((r) => r[idCol(g)] === id);
function set(g: Grid, id: string, key: string, value: CellValue): void {
  g[rowIndex(g, id)][keyCol(g, key)] = value;
}
function valueIn(m: SheetModel, id: string, key: string): CellValue {
  const r = m.rows.find((x) => x.id === id);
  const c = m.columns.findIndex((x) => x.key === key);
  if (!r || c < 0) throw new Error(`no ${id}/${key}`);
  return r.values[c];
}
/** The user sorts the body rows by name, Z→A, as Excel's sort would (whole rows move). */
function sortBody(g: Grid, first: number, name: number): void {
  const body = g.splice(first);
  body.sort((a, b) => String(b[name] ?? "").localeCompare(String(a[name] ?? ""), "vi"));
  g.push(...body);
}
/** The user inserts a column before index `at`, with a header and some values. */
function insertColumn(g: Grid, at: number, headerRow: number, header: string, values: Record<number, CellValue>): void {
  g.forEach((r, i) => r.splice(at, 0, i === headerRow ? header : (values[i] ?? null)));
}

function filledTargets(): { model: SheetModel; grid: Grid } {
  const model = buildTargetsModel(plan, { periods: ["6m", "year"] });
  const grid = gridOf(model);
  set(grid, "t:1", "p:6m", 612.5);
  set(grid, "t:1.1", "p:6m", 120.25);
  set(grid, "t:3", "p:6m", 2.3);
  set(grid, "t:4", "p:6m", 900);
  set(grid, "t:4", "note", "Số của Phòng Lao động");
  set(grid, "t:2", "p:year", ">7");
  set(grid, "tn:deaths:cur", "p:6m", 4);
  grid[model.rows.findIndex((r) => r.kind === "header") + 2][keyCol(grid, "p:6m")] = "Chính thức";
  return { model, grid };
}

describe("merge on reload", () => {
  test("after the user sorted rows, inserted a row and a column and renamed the sheet, no figure is lost", () => {
    const { model, grid } = filledTargets();
    sortBody(grid, model.body.first, keyCol(grid, "name"));
    // A row of the user's own, just below target 4 wherever the sort put it.
    const at = rowIndex(grid, "t:4") + 1;
    const userRow: CellValue[] = grid[0].map(() => null);
    userRow[keyCol(grid, "name")] = "Trong đó: lao động đi làm việc ở nước ngoài";
    userRow[keyCol(grid, "p:6m")] = 45;
    grid.splice(at, 0, userRow);
    // A column of the user's own, after the 6-month figures.
    const headerLast = model.body.first - 1;
    const c = keyCol(grid, "p:6m") + 1;
    insertColumn(grid, c, headerLast, "Nguồn số liệu", { [rowIndex(grid, "t:1")]: "Chi cục Thống kê", [at]: "Sở LĐTBXH" });

    const current = readSheet(grid, "Chỉ tiêu (Hà sửa)");
    expect(current?.layoutId).toBe("targets");
    const r = mergeTargets(plan, current, { periods: ["6m", "year"] });
    const m = r.model;

    expect(r.dropped).toEqual([]);
    expect(m.name).toBe("Chỉ tiêu (Hà sửa)");
    expect(valueIn(m, "t:1", "p:6m")).toBe(612.5);
    expect(valueIn(m, "t:1.1", "p:6m")).toBe(120.25);
    expect(valueIn(m, "t:3", "p:6m")).toBe(2.3);
    expect(valueIn(m, "t:4", "p:6m")).toBe(900);
    expect(valueIn(m, "t:4", "note")).toBe("Số của Phòng Lao động");
    expect(valueIn(m, "t:2", "p:year")).toBe(">7");
    expect(valueIn(m, "tn:deaths:cur", "p:6m")).toBe(4);
    // Plan order is restored: the table reads as the plan does.
    const ids = m.rows.map((x) => x.id);
    expect(ids.indexOf("t:1")).toBeLessThan(ids.indexOf("t:2"));
    // The user's row stays below target 4 with its figure, unidentified.
    const mine = m.rows.findIndex((x) => x.values.includes("Trong đó: lao động đi làm việc ở nước ngoài"));
    expect(m.rows[mine]).toMatchObject({ kind: "user", id: null });
    expect(m.rows[mine - 1].id).toBe("t:4");
    expect(m.rows[mine].values[m.columns.findIndex((x) => x.key === "p:6m")]).toBe(45);
    // The user's column stays after the 6-month column, with its header and values.
    const uc = m.columns.findIndex((x) => x.role === "user");
    expect(m.columns[uc - 1].key).toBe("p:6m");
    expect(m.columns[uc].header).toBe("Nguồn số liệu");
    expect(valueIn(m, "t:1", m.columns[uc].key)).toBe("Chi cục Thống kê");
    expect(m.rows[mine].values[uc]).toBe("Sở LĐTBXH");
    // The estimate/official mark of the period survives.
    const header = m.rows.filter((x) => x.kind === "header");
    expect(header[header.length - 1].values[m.columns.findIndex((x) => x.key === "p:6m")]).toBe("Chính thức");
  });

  test("a merged sheet merges again to the same grid", () => {
    const { grid } = filledTargets();
    const once = mergeTargets(plan, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"] }).model;
    const twice = mergeTargets(plan, readSheet(gridOf(once), "Chỉ tiêu"), { periods: ["6m", "year"] }).model;
    expect(gridOf(twice)).toEqual(gridOf(once));
  });

  test("a plan change that drops a filled row reports it and keeps it under its heading", () => {
    const { grid } = filledTargets();
    const next = fixturePlan((p) => ({
      ...p,
      targets: [
        ...p.targets.filter((t) => t.no !== "4" && t.no !== "2.1"),
        { no: "6", name: "Tỷ lệ che phủ rừng", unit: "%", target: "35,6" },
      ],
    }));
    const r = mergeTargets(next, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"] });
    // 2.1 was empty: dropped silently. 4 was filled: reported with what the user typed.
    expect(r.dropped.map((d) => d.key)).toEqual(["t:4"]);
    expect(r.dropped[0].values).toMatchObject({ "p:6m": 900, note: "Số của Phòng Lao động", name: "Giải quyết việc làm" });
    const ids = r.model.rows.map((x) => x.id);
    expect(ids).toContain("t:6");
    expect(ids).not.toContain("t:2.1");
    const heading = r.model.rows.findIndex((x) => x.kind === "dropped-heading");
    expect(r.model.rows[heading].values).toContain(DROPPED_HEADING);
    expect(r.model.rows[heading + 1]).toMatchObject({ kind: "dropped", id: "x:t:4" });
    expect(valueIn(r.model, "x:t:4", "p:6m")).toBe(900);

    // Asked again, the kept row is not reported twice; back in the plan, its figure returns.
    const again = mergeTargets(next, readSheet(gridOf(r.model), "Chỉ tiêu"), { periods: ["6m", "year"] });
    expect(again.dropped).toEqual([]);
    expect(valueIn(again.model, "x:t:4", "note")).toBe("Số của Phòng Lao động");
    const back = mergeTargets(plan, readSheet(gridOf(again.model), "Chỉ tiêu"), { periods: ["6m", "year"] });
    expect(valueIn(back.model, "t:4", "p:6m")).toBe(900);
    expect(back.model.rows.some((x) => x.kind === "dropped")).toBe(false);
  });

  test("the host may decline to keep dropped rows: they are still reported", () => {
    const { grid } = filledTargets();
    const next = fixturePlan((p) => ({ ...p, targets: p.targets.filter((t) => t.no !== "4") }));
    const r = mergeTargets(next, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"], keepDropped: false });
    expect(r.dropped.map((d) => d.key)).toEqual(["t:4"]);
    expect(r.model.rows.some((x) => x.kind === "dropped" || x.kind === "dropped-heading")).toBe(false);
  });

  test("a period with figures stays open even when not asked for", () => {
    const { grid } = filledTargets();
    const r = mergeTargets(plan, readSheet(grid, "Chỉ tiêu"), { periods: ["year", "9m"] });
    expect(r.periods).toEqual(["6m", "9m", "year"]);
    expect(valueIn(r.model, "t:1", "p:6m")).toBe(612.5);
  });

  test("text typed as '=1+1' in a colleague's file stays text", () => {
    const { grid } = filledTargets();
    set(grid, "t:3", "note", "=1+1");
    set(grid, "t:3", "p:year", "=1+1");
    const m = mergeTargets(plan, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"] }).model;
    expect(valueIn(m, "t:3", "note")).toBe("=1+1");
    expect(valueIn(m, "t:3", "p:year")).toBe("=1+1");
  });

  test("a staff override and its reason follow their row through a sort and a plan reload", () => {
    const { model, grid } = filledTargets();
    set(grid, "t:4", "override", "Đạt");
    set(grid, "t:4", "override-reason", "Chưa cộng lao động thời vụ");
    set(grid, "t:3", "override", "Không đạt");
    set(grid, "t:3", "override-reason", "Số hộ nghèo phát sinh sau bão");
    sortBody(grid, model.body.first, keyCol(grid, "name"));
    // The next plan adds a target and renames another: the override is the staff's, not the plan's.
    const next = fixturePlan((p) => ({
      ...p,
      targets: [
        ...p.targets.map((t) => (t.no === "4" ? { ...t, name: "Giải quyết việc làm mới" } : t)),
        { no: "6", name: "Tỷ lệ che phủ rừng", unit: "%", target: "35,6" },
      ],
    }));
    const r = mergeTargets(next, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"], statusPeriod: "6m" });
    expect(r.dropped).toEqual([]);
    expect(valueIn(r.model, "t:4", "override")).toBe("Đạt");
    expect(valueIn(r.model, "t:4", "override-reason")).toBe("Chưa cộng lao động thời vụ");
    expect(valueIn(r.model, "t:3", "override")).toBe("Không đạt");
    expect(valueIn(r.model, "t:3", "override-reason")).toBe("Số hộ nghèo phát sinh sau bão");
    // The judgement laid out again takes the override (900 of 1.600 would be "Không đạt").
    expect(valueIn(r.model, "t:4", "status")).toBe("Đạt");
    expect(String(valueIn(r.model, "t:4", "reason"))).toContain("Chưa cộng lao động thời vụ");
    expect(valueIn(r.model, "t:6", "override")).toBeNull();
    // And once more: nothing moves.
    const again = mergeTargets(next, readSheet(gridOf(r.model), "Chỉ tiêu"), { periods: ["6m", "year"], statusPeriod: "6m" });
    expect(gridOf(again.model)).toEqual(gridOf(r.model));
  });

  test("a workbook laid out before the override columns existed gains them empty", () => {
    const { model, grid } = filledTargets();
    const drop = [keyCol(grid, "override-reason"), keyCol(grid, "override")];
    for (const row of grid) for (const c of drop) row.splice(c, 1);
    const r = mergeTargets(plan, readSheet(grid, "Chỉ tiêu"), { periods: ["6m", "year"] });
    expect(r.model.columns.filter((c) => c.key.startsWith("override")).map((c) => c.role)).toEqual(["input", "input"]);
    expect(r.model.columns.some((c) => c.role === "user")).toBe(false);
    expect(valueIn(r.model, "t:4", "p:6m")).toBe(900);
    expect(valueIn(r.model, "t:4", "override")).toBeNull();
    expect(model.columns.length).toBe(r.model.columns.length);
  });

  test("a grid without the layout's mark is not a KT-XH sheet", () => {
    expect(readSheet([["TT", "Chỉ tiêu"], ["1", "Tổng giá trị sản xuất"]], "Sheet1")).toBeNull();
  });
});

describe("merge of the tasks sheet", () => {
  test("status and result notes follow their task after a sort; the user's rows stay", () => {
    const model = buildTasksModel(plan, { periods: ["6m", "year"] });
    const grid = gridOf(model);
    set(grid, "n:2.2", "status:6m", "Hoàn thành");
    set(grid, "n:2.2", "result:6m", "Đã giải ngân 95%");
    set(grid, "n:1", "status:6m", "Đang thực hiện");
    sortBody(grid, model.body.first, keyCol(grid, "text"));
    const at = rowIndex(grid, "n:3.1") + 1;
    const extra: CellValue[] = grid[0].map(() => null);
    extra[keyCol(grid, "text")] = "Nhiệm vụ phát sinh: khắc phục hậu quả bão số 4";
    extra[keyCol(grid, "status:6m")] = "Đang thực hiện";
    grid.splice(at, 0, extra);

    const next = fixturePlan((p) => ({ ...p, tasks: (p.tasks ?? []).filter((t) => t.code !== "1") }));
    const r = mergeTasks(next, readSheet(grid, "Nhiệm vụ"), { periods: ["6m", "year"] });
    expect(r.dropped.map((d) => d.key)).toEqual(["n:1"]);
    expect(valueIn(r.model, "n:2.2", "status:6m")).toBe("Hoàn thành");
    expect(valueIn(r.model, "n:2.2", "result:6m")).toBe("Đã giải ngân 95%");
    expect(valueIn(r.model, "x:n:1", "status:6m")).toBe("Đang thực hiện");
    const mine = r.model.rows.findIndex((x) => x.kind === "user");
    expect(r.model.rows[mine - 1].id).toBe("n:3.1");
    expect(r.model.rows[mine].values).toContain("Nhiệm vụ phát sinh: khắc phục hậu quả bão số 4");
  });
});

describe("a task's status per period", () => {
  /** A tasks sheet of layout version 1 (one status, one result), as the add-in wrote it before. */
  function legacyGrid(): Grid {
    const g = gridOf(buildTasksModel(plan, { periods: ["year"] }));
    g[0] = g[0].map((k) => (k === "status:year" ? "status" : k === "result:year" ? "result" : k));
    return g;
  }

  test("the 6-month status survives the year-end entry: each period has its own columns, kept by every reload", () => {
    const six = buildTasksModel(plan, { periods: ["6m"] });
    expect(six.columns.map((c) => c.key)).toEqual(["code", "group", "text", "directs", "lead", "partners", "timing", "status:6m", "result:6m", "id"]);
    const g1 = gridOf(six);
    set(g1, "n:2.1", "status:6m", "Đang thực hiện");
    set(g1, "n:2.1", "result:6m", "Đã khảo sát 3/5 xã");
    // At year end the officer opens the year: its pair of columns comes after the 6 months'.
    const year = mergeTasks(plan, readSheet(g1, "Nhiệm vụ"), { periods: ["6m", "year"] });
    expect(year.periods).toEqual(["6m", "year"]);
    expect(valueIn(year.model, "n:2.1", "status:year")).toBeNull();
    const g2 = gridOf(year.model);
    set(g2, "n:2.1", "status:year", "Hoàn thành");
    // The next reload asks for the year only: the 6 months' column holds a status, so it stays.
    const again = mergeTasks(plan, readSheet(g2, "Nhiệm vụ"), { periods: ["year"] });
    expect(again.periods).toEqual(["6m", "year"]);
    expect(valueIn(again.model, "n:2.1", "status:6m")).toBe("Đang thực hiện");
    expect(valueIn(again.model, "n:2.1", "result:6m")).toBe("Đã khảo sát 3/5 xã");
    expect(valueIn(again.model, "n:2.1", "status:year")).toBe("Hoàn thành");
    // The period over each pair, the words people see under it.
    const header = again.model.rows.findIndex((r) => r.kind === "header");
    const col = (k: string): number => again.model.columns.findIndex((c) => c.key === k);
    expect(again.model.rows[header].values[col("status:6m")]).toBe("6 tháng");
    expect(again.model.rows[header].values[col("status:year")]).toBe("Cả năm");
    expect(again.model.rows[header + 1].values[col("status:year")]).toBe("Trạng thái");
    expect(again.model.merges).toContainEqual({ row: header, col: col("status:year"), rows: 1, cols: 2 });
  });

  test("a book with today's single status column: its status and result move to the period reported, nothing lost", () => {
    const g = legacyGrid();
    set(g, "n:1", "status", "Hoàn thành");
    set(g, "n:2.2", "status", "Đang thực hiện");
    set(g, "n:2.2", "result", "Đã giải ngân 60%");
    // The user's own column right after the status.
    const after = keyCol(g, "status") + 1;
    const headerLast = g.findIndex((r, i) => i > 0 && r[idCol(g)] === "#header" && g[i + 1]?.[idCol(g)] !== "#header");
    insertColumn(g, after, headerLast, "Người theo dõi", { [rowIndex(g, "n:2.2")]: "Anh Tùng" });
    const r = mergeTasks(plan, readSheet(g, "Nhiệm vụ"), { periods: ["6m", "9m", "year"], legacyPeriod: "6m" });
    expect(r.periods).toEqual(["6m", "9m", "year"]);
    expect(r.model.columns.some((c) => c.key === "status" || c.key === "result")).toBe(false);
    expect(valueIn(r.model, "n:1", "status:6m")).toBe("Hoàn thành");
    expect(valueIn(r.model, "n:2.2", "status:6m")).toBe("Đang thực hiện");
    expect(valueIn(r.model, "n:2.2", "result:6m")).toBe("Đã giải ngân 60%");
    expect(valueIn(r.model, "n:2.2", "status:year")).toBeNull();
    const keys = r.model.columns.map((c) => c.key);
    expect(keys[keys.indexOf("status:6m") + 1]).toBe("u:1");
    expect(valueIn(r.model, "n:2.2", "u:1")).toBe("Anh Tùng");
    // A second reload finds the new layout: nothing moves again.
    const again = mergeTasks(plan, readSheet(gridOf(r.model), "Nhiệm vụ"), { periods: ["6m", "9m", "year"], legacyPeriod: "year" });
    expect(valueIn(again.model, "n:2.2", "status:6m")).toBe("Đang thực hiện");
    expect(valueIn(again.model, "n:2.2", "status:year")).toBeNull();
  });
});

describe("the user's formulas on reload", () => {
  type Cell = { v: CellValue; f: string | null };
  /** The grid as values and formulas together, so a sort or an inserted column moves both. */
  const cellsOf = (g: Grid): Cell[][] => g.map((r) => r.map((v) => ({ v, f: null })));
  const split = (cells: Cell[][]): { grid: Grid; formulas: CellFormula[] } => ({
    grid: cells.map((r) => r.map((c) => c.v)),
    formulas: cells.flatMap((r, row) => r.flatMap((c, col) => (c.f ? [{ row, col, formula: c.f }] : []))),
  });
  const formulaIn = (m: SheetModel, id: string, key: string): string | undefined => {
    const row = m.rows.findIndex((x) => x.id === id);
    const col = m.columns.findIndex((x) => x.key === key);
    return m.formulas?.find((f) => f.row === row && f.col === col)?.formula;
  };

  test("a figure's formula and one in the user's column follow their rows through a sort and a plan reload", () => {
    const { model, grid } = filledTargets();
    const cells = cellsOf(grid);
    const at = (id: string, key: string): Cell => cells[rowIndex(grid, id)][keyCol(grid, key)];
    Object.assign(at("t:1", "p:6m"), { v: 612.5, f: "=600+12.5" });
    // Cells the add-in rewrites: a plan cell and a judgement cell.
    Object.assign(at("t:3", "name"), { v: "X", f: '=UPPER("x")' });
    Object.assign(at("t:1", "status"), { v: "Đạt", f: '="Đạt"' });
    const note = keyCol(grid, "note");
    // The user's own column after the notes, with a ratio of the row's figures.
    const headerLast = model.body.first - 1;
    cells.forEach((r, i) => r.splice(note + 1, 0, i === headerLast ? { v: "Tỷ lệ", f: null } : { v: null, f: null }));
    // The user sorts the body Z→A by name: values and formulas move with their rows.
    const body = cells.splice(model.body.first);
    const name = keyCol(grid, "name");
    const idCol = cells[0].findIndex((c) => typeof c.v === "string" && c.v.startsWith("#ktxh:"));
    body.sort((a, b) => String(b[name].v ?? "").localeCompare(String(a[name].v ?? ""), "vi"));
    cells.push(...body);
    // Then, in their column, twice the row's 6-month figure (a reference to a cell of the same row).
    const sorted4 = cells.findIndex((r) => r[idCol]?.v === "t:4");
    cells[sorted4][note + 1] = { v: 2, f: `=${columnLetter(keyCol(grid, "p:6m"))}${sorted4 + 1}*2` };

    const next = fixturePlan((p) => ({ ...p, targets: [{ no: "0", name: "Chỉ tiêu mới", unit: "%", target: "5" }, ...p.targets] }));
    const read = split(cells);
    const m = mergeTargets(next, readSheet(read.grid, "Chỉ tiêu", read.formulas), { periods: ["6m", "year"] }).model;
    const user = m.columns.find((c) => c.role === "user");
    expect(user?.header).toBe("Tỷ lệ");
    expect(formulaIn(m, "t:1", "p:6m")).toBe("=600+12.5");
    expect(valueIn(m, "t:1", "p:6m")).toBe(612.5);
    // Put back in plan order, the formula still points at its own row's figure (Excel's copy rule).
    const row4 = m.rows.findIndex((r) => r.id === "t:4");
    const fig = m.columns.findIndex((c) => c.key === "p:6m");
    expect(formulaIn(m, "t:4", user!.key)).toBe(`=${columnLetter(fig)}${row4 + 1}*2`);
    expect(valueIn(m, "t:4", user!.key)).toBe(2);
    expect(formulaIn(m, "t:3", "name")).toBeUndefined();
    expect(formulaIn(m, "t:1", "status")).toBeUndefined();
    expect(m.formulas).toHaveLength(2);

    // Reloaded once more from what was written, the formulas are where they were.
    const again = mergeTargets(next, readSheet(gridOf(m), "Chỉ tiêu", m.formulas), { periods: ["6m", "year"] }).model;
    expect(again.formulas).toEqual(m.formulas);
  });

  test("a formula in a row the user inserted stays in that row; a plan change keeps a dropped row's formula", () => {
    const { grid } = filledTargets();
    const cells = cellsOf(grid);
    const mine: Cell[] = grid[0].map(() => ({ v: null, f: null }));
    mine[keyCol(grid, "name")] = { v: "Dòng của tôi", f: '="Dòng "&"của tôi"' };
    mine[keyCol(grid, "p:6m")] = { v: 1550, f: "=1200+350" };
    cells.splice(rowIndex(grid, "t:4") + 1, 0, mine);
    cells[rowIndex(grid, "t:4")][keyCol(grid, "p:6m")].f = "=450*2";

    const next = fixturePlan((p) => ({ ...p, targets: p.targets.filter((t) => t.no !== "4") }));
    const read = split(cells);
    const m = mergeTargets(next, readSheet(read.grid, "Chỉ tiêu", read.formulas), { periods: ["6m", "year"] }).model;
    const row = m.rows.findIndex((x) => x.kind === "user");
    const figure = m.columns.findIndex((c) => c.key === "p:6m");
    expect(m.formulas).toContainEqual({ row, col: figure, formula: "=1200+350" });
    expect(m.formulas).toContainEqual({ row, col: m.columns.findIndex((c) => c.key === "name"), formula: '="Dòng "&"của tôi"' });
    expect(m.rows[row].values[figure]).toBe(1550);
    expect(formulaIn(m, "x:t:4", "p:6m")).toBe("=450*2");
    expect(valueIn(m, "x:t:4", "p:6m")).toBe(900);
  });
});
