import { layoutOfMark } from "../../src/core/row-id";
import { buildTargetsModel, buildTasksModel, type SheetModel } from "../../src/layout/sheet-model";
import { fixturePlan } from "./fixture";
import { resolveFormats } from "../../src/layout/format";
import { INPUT_FILL } from "../../src/layout/sheets/styles";

const plan = fixturePlan();

function col(m: SheetModel, key: string): number {
  const i = m.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}
const rowOf = (m: SheetModel, id: string) => m.rows.find((r) => r.id === id);

describe("targets sheet model", () => {
  const m = buildTargetsModel(plan, { periods: ["year", "6m"] });

  test("a hidden key row names every column and the layout", () => {
    expect(m.rows[0]).toMatchObject({ kind: "keys", hidden: true });
    expect(m.rows[0].values.slice(0, 7)).toEqual(["no", "name", "unit", "plan", "previous", "p:6m", "p:year"]);
    expect(layoutOfMark(m.rows[0].values[col(m, "id")])).toBe("targets");
    expect(m.columns[col(m, "id")].hidden).toBe(true);
  });

  test("no merge covers the hidden identity column: every header row keeps its marker for the next reload", () => {
    const id = col(m, "id");
    expect(m.merges.filter((a) => id >= a.col && id < a.col + a.cols)).toEqual([]);
    for (const r of m.rows.filter((row) => row.kind === "header")) expect(r.values[id]).toBeTruthy();
  });

  test("input cells (figures, their estimate marks, overrides, notes) are filled, the add-in's are not; a legend row above the table says so", () => {
    const f = resolveFormats(m);
    const r = m.rows.findIndex((row) => row.id === "t:1");
    for (const key of ["p:6m", "p:year", "override", "override-reason", "note"]) expect([key, f[r][col(m, key)].fill]).toEqual([key, INPUT_FILL]);
    for (const key of ["no", "name", "plan", "status", "percent", "reason"]) expect([key, f[r][col(m, key)].fill]).not.toEqual([key, INPUT_FILL]);
    const header = m.rows.map((row, i) => (row.kind === "header" ? i : -1)).filter((i) => i >= 0);
    expect(f[header[header.length - 1]][col(m, "p:year")].fill).toBe(INPUT_FILL);
    const legend = m.rows.findIndex((row) => row.kind === "legend");
    expect(legend).toBeGreaterThan(0);
    expect(legend).toBeLessThan(header[0]);
    expect(f[legend][0].fill).toBe(INPUT_FILL);
    expect(m.rows[legend].values.join(" ")).toContain("Ô nền vàng nhạt: ô nhập");
  });

  test("plan columns hold the plan as written; figures are left for the user", () => {
    expect(rowOf(m, "t:1")?.values.slice(0, 7)).toEqual(["1", "Tổng giá trị sản xuất", "tỷ đồng", "khoảng 1.250,5", "1.100,25", null, null]);
    expect(rowOf(m, "t:3")?.values[col(m, "plan")]).toBe("giảm còn khoảng 2,14%");
  });

  test("sub-rows follow their total, indented one step in the name column", () => {
    const ids = m.rows.map((r) => r.id);
    expect(ids.indexOf("t:1.1")).toBe(ids.indexOf("t:1") + 1);
    const sub = m.rows.findIndex((r) => r.id === "t:1.1");
    expect(m.rows[sub].kind).toBe("sub");
    const indent = m.styles.find((s) => s.area.row === sub && s.area.col === col(m, "name") && s.format.indent);
    expect(indent?.format.indent).toBe(1);
  });

  test("the traffic block sits below the table with its own identities", () => {
    const ids = m.rows.map((r) => r.id ?? "");
    const block = ids.filter((id) => id.startsWith("tn:"));
    expect(block).toEqual([
      "tn:accidents:prev", "tn:accidents:cur", "tn:deaths:prev", "tn:deaths:cur", "tn:injuries:prev", "tn:injuries:cur",
    ]);
    expect(ids.indexOf("tn:accidents:prev")).toBeGreaterThan(ids.indexOf("t:5"));
    const counts = m.validations.find((v) => v.area.row === ids.indexOf("tn:accidents:prev") && v.area.col === col(m, "p:6m"));
    expect(counts?.validation.rule.kind).toBe("whole");
  });

  test("period columns in cut-off order under a merged group, each with its estimate/official mark", () => {
    const header = m.rows.filter((r) => r.kind === "header");
    expect(header).toHaveLength(3);
    const c6 = col(m, "p:6m");
    expect(header[1].values[c6]).toBe("6 tháng");
    expect(header[2].values[c6]).toBe("Ước");
    expect(header[1].values[col(m, "p:year")]).toBe("Năm");
    const first = m.rows.indexOf(header[0]);
    expect(m.merges).toContainEqual({ row: first, col: c6, rows: 1, cols: 2 });
    expect(m.validations.find((v) => v.area.row === first + 2 && v.area.col === c6)?.validation.rule.kind).toBe("list");
    expect(m.freeze).toEqual({ rows: first + 3, columns: 2 });
    expect(m.printTitleRows).toEqual({ first, last: first + 2 });
  });

  test("figures show at least the plan's decimals", () => {
    const r = m.rows.findIndex((x) => x.id === "t:1");
    const f = m.styles.filter((s) => s.area.row === r && s.area.col === col(m, "p:6m") && s.format.numberFormat);
    expect(f[f.length - 1].format.numberFormat).toBe("#,##0.0#");
    const jobs = m.rows.findIndex((x) => x.id === "t:4");
    const g = m.styles.filter((s) => s.area.row === jobs && s.area.col === col(m, "p:6m") && s.format.numberFormat);
    expect(g[g.length - 1].format.numberFormat).toBe("#,##0");
  });

  test("every input cell of the body is validated; status cells carry the conditional formats", () => {
    const body = m.rows.map((r, i) => ({ r, i })).filter(({ r }) => ["main", "sub", "block"].includes(r.kind));
    for (const key of ["p:6m", "p:year", "note"]) {
      for (const { i } of body) {
        const c = col(m, key);
        const hit = m.validations.some((v) => v.area.col === c && i >= v.area.row && i < v.area.row + v.area.rows);
        expect([key, i, hit]).toEqual([key, i, true]);
      }
    }
    const cf = m.conditionalFormats.find((c) => c.area.col === col(m, "status"));
    expect(cf?.area).toMatchObject({ row: m.body.first, rows: m.body.count });
    // Every figure column shows the decimals a typed figure has, whatever its row's plan decimals.
    for (const f of m.fractionFormats) {
      expect(m.columns[f.area.col].role).toBe("input");
      expect(f.area).toMatchObject({ row: m.body.first, rows: m.body.count });
    }
    expect(m.fractionFormats.length).toBe(m.columns.filter((c) => c.key.startsWith("p:")).length);
  });

  test("is plain data", () => {
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe("tasks sheet model", () => {
  const m = buildTasksModel(plan, { periods: ["6m", "9m", "year"] });

  test("group headings precede their tasks; tasks keep their code, offices and timing", () => {
    expect(m.rows.filter((r) => r.kind === "task").map((r) => r.id)).toEqual(["n:1", "n:2.1", "n:2.2", "n:3.1"]);
    const ids = m.rows.map((r) => r.id);
    expect(ids.indexOf("g:2")).toBe(ids.indexOf("n:2.1") - 1);
    expect(rowOf(m, "g:2")?.values.slice(0, 3)).toEqual(["2", null, "Về phát triển kinh tế"]);
    expect(rowOf(m, "n:2.1")?.values.slice(0, 7)).toEqual([
      "2.1", "Về phát triển kinh tế", "Ban hành kế hoạch thực hiện.", null, "Ban Tài chính", "Các thôn", "Quý I",
    ]);
  });

  test("status is a validated list on task rows only", () => {
    const c = col(m, "status:6m");
    const v = m.validations.filter((x) => x.area.col === c);
    const rows = v.flatMap((x) => Array.from({ length: x.area.rows }, (_, k) => m.rows[x.area.row + k].kind));
    expect(new Set(rows)).toEqual(new Set(["task"]));
    expect(rows).toHaveLength(4);
  });
});
