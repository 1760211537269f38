/**
 * `ktxh report BOOK.xlsx` marks the figures revised since the last report of the period that the
 * book's record lists, from its *Lịch sử số liệu* (ExcelJS host): "(*)" after the name in the sheet
 * and the .docx, with the footnote.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { HistoryEntry } from "../../src/core/history";
import type { ReportModel } from "../../src/core/report/model";
import { appendHistory } from "../../src/hosts/xlsx/history";
import { findLayoutSheets, initWorkbook, readRecordSheet, writeRecordSheet } from "../../src/hosts/xlsx/workbook-init";
import { withReport } from "../../src/layout/sheets/record";
import { defaultPlan } from "../../src/seeds";

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "ktxh-revised-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (target: string, old: number | null, value: number, at: string): HistoryEntry => ({
  id: `${target}-${at}`, at, action: "typed", batch: at, period: "6m", target, name: "", key: "p:6m", row: `t:${target}`,
  sheet: "Chỉ tiêu", cell: "A1", old, new: value, mark: "Ước", source: "",
});

test("a figure revised after the recorded 6-month report is marked (*) with the footnote, in the model, the .xlsx and the .docx", async () => {
  const plan = defaultPlan();
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets!;
  const col = t.sheet.columns.find((c) => c.key === "p:6m")!;
  for (const row of t.sheet.rows) {
    if (row.id === "t:3") t.worksheet.getCell(row.index + 1, col.index + 1).value = 320;
    if (row.id === "t:4") t.worksheet.getCell(row.index + 1, col.index + 1).value = 450;
  }
  const record = readRecordSheet(workbook)!;
  writeRecordSheet(workbook, withReport(record, { period: "6m", at: "2024-07-10T01:00:00.000Z" }));
  appendHistory(workbook, [
    entry("3", null, 300, "2024-07-01T01:00:00.000Z"),
    entry("3", 300, 320, "2024-07-12T01:00:00.000Z"),
    entry("4", null, 450, "2024-07-12T01:00:00.000Z"),
  ]);
  await workbook.xlsx.writeFile(join(dir, "so.xlsx"));

  let out = "";
  const io: CliIO = { cwd: dir, out: (s) => void (out += s), err: () => undefined };
  await main(["report", "so.xlsx", "--period", "6m", "--json", "-o", "bc.xlsx", "--docx", "bc.docx"], io);
  const model = JSON.parse(out) as ReportModel;
  expect(model.rows.filter((r) => r.revised).map((r) => r.no)).toEqual(["3"]);
  expect(model.revision?.footnote).toBe("(*) Số liệu đã điều chỉnh so với báo cáo lập lúc 08:00 ngày 10/07/2024: chỉ tiêu 3.");

  const name3 = plan.targets.find((x) => x.no === "3")!.name;
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.readFile(join(dir, "bc.xlsx"));
  const texts: string[] = [];
  xlsx.worksheets[0].eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
  expect(texts).toContain(`${name3} (*)`);
  expect(texts).toContain(model.revision?.footnote);
  const xml = (await (await JSZip.loadAsync(readFileSync(join(dir, "bc.docx")))).file("word/document.xml")?.async("string")) ?? "";
  expect(xml).toContain("(*) Số liệu đã điều chỉnh so với báo cáo lập lúc 08:00 ngày 10/07/2024");
  expect(xml).toContain(`${name3} (*)`);
});

test("no report recorded yet: nothing is marked", async () => {
  const plan = defaultPlan();
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  appendHistory(workbook, [entry("3", 300, 320, "2024-07-12T01:00:00.000Z")]);
  await workbook.xlsx.writeFile(join(dir, "so.xlsx"));
  let out = "";
  await main(["report", "so.xlsx", "--period", "6m", "--json"], { cwd: dir, out: (s) => void (out += s), err: () => undefined });
  const model = JSON.parse(out) as ReportModel;
  expect([model.revision, model.rows.some((r) => r.revised)]).toEqual([null, false]);
});
