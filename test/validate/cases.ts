/**
 * The corpus cases: each file with the defect seeded into it and the issues it must give.
 * Rows of the 2024 plan sit at index no-1 in `foreignSheet`, so target k's figure is at E(5+k).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Plan } from "../../src/core/plan";
import {
  type Case, type ForeignRow, PNG_1x1, TRAFFIC_TWO_FELL, at, encryptedLooking, foreignSheet, goodActual, goodRows, ownWorkbook,
  save, table783,
} from "./corpus";

const S = "Báo cáo";

function colleague(plan: Plan, edit: (rows: ForeignRow[]) => void = () => {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rows = goodRows(plan);
  edit(rows);
  foreignSheet(wb, S, plan.year, rows);
  return wb;
}

const E = (k: number) => at("E", k - 1);

/** Writes every case into `dir` and returns them. `pledge` is test/fixtures/pledge-2024.json's plan; 783/BC files name their year (2023) and are checked against the 2023 plan. */
export async function buildCases(dir: string, p2024: Plan, pledge: Plan): Promise<Case[]> {
  const cases: Case[] = [];
  const add = async (file: string, wb: ExcelJS.Workbook, expect: Case["expect"], lo = false) => {
    await save(wb, path.join(dir, file));
    cases.push({ file, expect, lo });
  };

  await add("clean-colleague.xlsx", colleague(p2024), [], true);
  await add("missing-value.xlsx", colleague(p2024, (r) => (r[4].actual = null)), [{ code: "value.missing", sheet: S, cell: E(5), target: "5" }], true);
  await add("text-number.xlsx", colleague(p2024, (r) => (r[2].actual = "650,2")), [{ code: "value.text-number", sheet: S, cell: E(3), target: "3" }], true);
  await add("decimal-confusion.xlsx", colleague(p2024, (r) => (r[7].actual = 1.72)), [{ code: "value.decimal-confusion", sheet: S, cell: E(8), target: "8" }], true);
  await add("percent-fraction.xlsx", colleague(p2024, (r) => (r[6].actual = 0.356)), [{ code: "value.percent-fraction", sheet: S, cell: E(7), target: "7" }], true);
  await add("out-of-range.xlsx", colleague(p2024, (r) => {
    r[5].actual = -35100;
    r[14].actual = 104;
  }), [
    { code: "value.out-of-range", sheet: S, cell: E(6), target: "6" },
    { code: "value.out-of-range", sheet: S, cell: E(15), target: "15" },
  ], true);
  await add("magnitude.xlsx", colleague(p2024, (r) => (r[4].actual = 75_000_000)), [{ code: "value.magnitude", sheet: S, cell: E(5), target: "5" }]);
  await add("plan-differs.xlsx", colleague(p2024, (r) => (r[2].plan = "632,17")), [{ code: "plan.differs", sheet: S, cell: at("D", 2), target: "3" }]);
  await add("missing-target.xlsx", colleague(p2024, (r) => r.splice(12, 1)), [{ code: "row.missing", sheet: S, cell: null, target: "13" }]);
  await add("excel-errors.xlsx", colleague(p2024, (r) => {
    r[3].actual = { error: "#REF!" };
    r[8].actual = { error: "#N/A" };
    r[0].compare = { formula: "E6/0", result: { error: "#DIV/0!" } };
    r[1].compare = { error: "#VALUE!" };
  }), [
    { code: "cell.error-value", sheet: S, cell: E(4), target: null },
    { code: "cell.error-value", sheet: S, cell: E(9), target: null },
    { code: "cell.error-value", sheet: S, cell: at("F", 0), target: null },
    { code: "cell.error-value", sheet: S, cell: at("F", 1), target: null },
  ], true);
  await add("decomposed.xlsx", colleague(p2024, (r) => {
    r[1].name = r[1].name.normalize("NFD");
    r[2].note = '=HYPERLINK("http://example.com","Bấm vào đây")'.normalize("NFD");
  }), [
    { code: "text.decomposed", sheet: S, cell: at("B", 1), target: null },
    { code: "text.decomposed", sheet: S, cell: at("G", 2), target: null },
  ], true);
  {
    const wb = colleague(p2024, (r) => r.push({ no: 21, name: "Số hợp tác xã thành lập mới", unit: "HTX", plan: "5", actual: 6 }));
    const ws = wb.getWorksheet(S);
    if (ws) ws.getCell("H4").value = "Người nhập";
    await add("unplaced.xlsx", wb, [
      { code: "column.unknown", sheet: S, cell: "H5", target: null },
      { code: "row.unplaced", sheet: S, cell: at("B", 20), target: null },
    ]);
  }
  {
    // The pledge's targets typed as a colleague's plan listing: TT · Chỉ tiêu · ĐVT · KH 2024, no figures.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Giao ước");
    ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "KH 2024"]);
    for (const x of pledge.targets) ws.addRow([x.no, x.name, x.unit, x.target]);
    await add("pledge.xlsx", wb, [{ code: "plan.differs", sheet: "Giao ước", cell: "D2", target: "1" }], true);
  }
  {
    // No numbers, rows reversed, names as the pledge writes them ("Phần đầu", "quyền sử dụng đất").
    const rows: ForeignRow[] = pledge.targets.map((x) => ({
      no: null, name: x.name, unit: x.unit, plan: p2024.targets.find((y) => y.no === x.no)?.target ?? null,
      actual: goodActual(p2024.targets.find((y) => y.no === x.no) ?? x),
    }));
    const wb = new ExcelJS.Workbook();
    foreignSheet(wb, S, 2024, rows.reverse());
    await add("names-only.xlsx", wb, []);
  }
  const fell3 = { "tn:accidents:prev": 120, "tn:accidents:cur": 100, "tn:deaths:prev": 30, "tn:deaths:cur": 25, "tn:injuries:prev": 80, "tn:injuries:cur": 70 };
  {
    const own = ownWorkbook(p2024, { traffic: fell3 });
    await add("own-clean.xlsx", own.wb, [], true);
  }
  {
    const own = ownWorkbook(p2024, { traffic: TRAFFIC_TWO_FELL, actual: (no) => (no === "18" ? "giảm 01 tiêu chí" : goodActual(p2024.targets[Number(no) - 1])) });
    await add("own-traffic.xlsx", own.wb, [{ code: "traffic.inconsistent", sheet: "Chỉ tiêu", cell: own.cellOf("targets", "t:18", "p:year"), target: "18" }], true);
  }
  {
    const own = ownWorkbook(p2024, { traffic: fell3, status: (c) => (c === "2.3" ? "Tạm dừng" : c === "2.5" ? null : c === "3.1" ? "đã hoàn thành" : "Đang thực hiện") });
    await add("own-status.xlsx", own.wb, [
      { code: "task.status-unknown", sheet: "Nhiệm vụ", cell: own.cellOf("tasks", "n:2.3", "status:year"), target: "2.3" },
      { code: "task.status-missing", sheet: "Nhiệm vụ", cell: own.cellOf("tasks", "n:2.5", "status:year"), target: "2.5" },
      { code: "task.status-variant", sheet: "Nhiệm vụ", cell: own.cellOf("tasks", "n:3.1", "status:year"), target: "3.1" },
    ], true);
  }
  {
    const own = ownWorkbook(p2024, { traffic: { ...fell3, "tn:injuries:prev": "1.050", "tn:injuries:cur": 900 } });
    await add("own-ambiguous.xlsx", own.wb, [{ code: "value.ambiguous", sheet: "Chỉ tiêu", cell: own.cellOf("targets", "tn:injuries:prev", "p:year"), target: "18" }]);
  }
  {
    const wb = colleague(p2024);
    const ws = wb.addWorksheet("Nhiệm vụ");
    ws.addRow(["DANH MỤC NHIỆM VỤ NĂM 2024"]);
    ws.addRow(["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái", "Kết quả"]);
    for (const task of p2024.tasks) if (task.code !== "2.5") ws.addRow([task.code, task.text, task.lead, "Hoàn thành", ""]);
    await add("colleague-tasks.xlsx", wb, [{ code: "row.missing", sheet: "Nhiệm vụ", cell: null, target: "2.5" }]);
  }
  const rows783 = (edit: (r: ForeignRow[]) => void = () => {}) => {
    const rows = table783().map((r) => ({ ...r, actual: typeof r.actual === "string" && /^[\d.,]+$/.test(r.actual) ? Number(r.actual.replace(/\./g, "").replace(",", ".")) : r.actual }));
    edit(rows);
    const wb = new ExcelJS.Workbook();
    foreignSheet(wb, "Biểu 01", 2023, rows, "783");
    return wb;
  };
  await add("bc-783.xlsx", rows783(), [], true);
  await add("bc-783-sum.xlsx", rows783((r) => (r[2].actual = 8304.95)), [{ code: "subrows.sum", sheet: "Biểu 01", cell: at("E", 0), target: "1" }]);
  await add("mixed.xlsx", colleague(p2024, (r) => {
    r[0].plan = "khoảng 25.242";
    r[2].actual = "650,2";
    r[3].actual = { error: "#REF!" };
    r[6].actual = 0.356;
    r[7].actual = 1.72;
    r[10].actual = null;
  }), [
    { code: "plan.differs", sheet: S, cell: at("D", 0), target: "1" },
    { code: "value.text-number", sheet: S, cell: E(3), target: "3" },
    { code: "cell.error-value", sheet: S, cell: E(4), target: null },
    { code: "value.percent-fraction", sheet: S, cell: E(7), target: "7" },
    { code: "value.decimal-confusion", sheet: S, cell: E(8), target: "8" },
    { code: "value.missing", sheet: S, cell: E(11), target: "11" },
  ], true);
  {
    const wb = colleague(p2024);
    const ws = wb.getWorksheet(S);
    if (ws) ws.addImage(wb.addImage({ buffer: PNG_1x1 as unknown as ExcelJS.Buffer, extension: "png" }), "I2:J4");
    await add("with-drawing.xlsx", wb, []);
  }
  // A CSV as an English-locale Excel saves it: "," decimals, the figure of target 8 typed "1.720".
  {
    const lines = ["TT,Chỉ tiêu,ĐVT,KH 2024,Ước TH 2024"];
    for (const x of p2024.targets) {
      const a = goodActual(x);
      const fig = x.no === "8" ? "1.720" : typeof a === "number" ? String(a) : `"${a}"`;
      lines.push([x.no, `"${x.name}"`, `"${x.unit}"`, `"${x.target}"`, fig].join(","));
    }
    fs.writeFileSync(path.join(dir, "en-typed.csv"), "\ufeff" + lines.join("\r\n") + "\r\n");
    cases.push({ file: "en-typed.csv", expect: [], lo: true });
  }
  {
    // A Vietnamese CSV: ";" between fields, vi-VN figures as text.
    const lines = ["TT;Chỉ tiêu;Đơn vị tính;Kế hoạch năm 2024;Ước thực hiện năm 2024;Ghi chú"];
    for (const x of p2024.targets) {
      const a = goodActual(x);
      const fig = typeof a === "number" ? a.toLocaleString("vi-VN", { maximumFractionDigits: 3 }) : String(a);
      lines.push([x.no, x.name, x.unit, x.target, fig, ""].join(";"));
    }
    fs.writeFileSync(path.join(dir, "vi-semicolon.csv"), lines.join("\n") + "\n");
    cases.push({ file: "vi-semicolon.csv", expect: [] });
  }
  fs.writeFileSync(path.join(dir, "not-a-workbook.xlsx"), "Đây là một tệp văn bản, không phải sổ tính.\n");
  cases.push({ file: "not-a-workbook.xlsx", expect: [], unreadable: "file.not-workbook" });
  const whole = fs.readFileSync(path.join(dir, "clean-colleague.xlsx"));
  fs.writeFileSync(path.join(dir, "truncated.xlsx"), whole.subarray(0, Math.floor(whole.length * 0.6)));
  cases.push({ file: "truncated.xlsx", expect: [], unreadable: "file.corrupt" });
  fs.writeFileSync(path.join(dir, "protected.xlsx"), encryptedLooking());
  cases.push({ file: "protected.xlsx", expect: [], unreadable: "file.encrypted" });
  return cases.map((c) => ({ ...c, expect: c.expect.map((e) => ({ ...e, target: e.target ?? null })) }));
}

export { S };
