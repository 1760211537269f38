/**
 * Edits made outside the add-in, through the ExcelJS host (issue 18): a figure typed in the book with
 * no add-in since it was last judged is found by the row fingerprints of the book's record and is a
 * "sửa ngoài add-in" row of the merged book's history (`ktxh collect`), a revision for `ktxh report`
 * (marked "(*)", the book itself not written); and a report compares with the revision point of the
 * report before it, so the marks survive a report made again.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { HistoryEntry } from "../../src/core/history";
import type { ReportModel } from "../../src/core/report/model";
import { appendHistory } from "../../src/hosts/xlsx/history";
import { findLayoutSheets, initWorkbook, readRecordSheet, writeRecordSheet } from "../../src/hosts/xlsx/workbook-init";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { withReport } from "../../src/layout/sheets/record";
import { defaultPlan } from "../../src/seeds";

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-outside-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const plan = defaultPlan();
const quiet = (cwd: string): CliIO & { stdout: () => string } => {
  let out = "";
  return { cwd, out: (t) => void (out += t), err: () => undefined, stdout: () => out };
};

const entry = (target: string, old: number | null, value: number, at: string): HistoryEntry => ({
  id: `${target}-${at}`, at, action: "typed", batch: at, period: "6m", target, name: "", key: "p:6m", row: `t:${target}`,
  sheet: "Chỉ tiêu", cell: "A1", old, new: value, mark: "Ước", source: "",
});

/** A book as `ktxh init` makes it (every row judged, its fingerprints in the record), then `edit` with no add-in. */
async function book(file: string, edit: (set: (no: string, v: number) => void, wb: ExcelJS.Workbook) => void): Promise<string> {
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets!;
  const col = t.sheet.columns.find((c) => c.key === "p:6m")!;
  const set = (no: string, v: number) => {
    const row = t.sheet.rows.find((r) => r.id === `t:${no}`)!;
    t.worksheet.getCell(row.index + 1, col.index + 1).value = v;
  };
  edit(set, workbook);
  await workbook.xlsx.writeFile(path.join(dir, file));
  return file;
}

async function historyOf(file: string): Promise<HistoryEntry[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const values: unknown[][] = [];
  wb.getWorksheet(HISTORY_SHEET)?.eachRow({ includeEmpty: true }, (row, r) => (values[r - 1] = Array.from(row.values as unknown[]).slice(1)));
  return readHistory(values) ?? [];
}

async function report(file: string): Promise<ReportModel> {
  const io = quiet(dir);
  await main(["report", file, "--period", "6m", "--json"], io);
  return JSON.parse(io.stdout()) as ReportModel;
}

test("ktxh collect: a figure typed outside the add-in is a sửa ngoài add-in row of the merged book; one the history knows has its old value", async () => {
  await book("plan.xlsx", (set, wb) => {
    // 3 was typed through the add-in (its history row), then changed with no add-in; 4 typed with no add-in.
    appendHistory(wb, [entry("3", null, 300, "2024-07-01T01:00:00.000Z")]);
    set("3", 320);
    set("4", 450);
  });
  fs.mkdirSync(path.join(dir, "nhan"));
  await main(["collect", "plan.xlsx", "nhan", "--period", "6m", "-o", "tong-hop.xlsx"], quiet(dir));
  const h = await historyOf("tong-hop.xlsx");
  const outside = h.filter((e) => e.action === "outside");
  expect(outside.map((e) => [e.target, e.period, e.key, e.old, e.new])).toEqual([["3", "6m", "p:6m", 300, 320], ["4", "6m", "p:6m", null, 450]]);
  expect(outside.every((e) => e.id.length === 12 && e.at > "2024")).toBe(true);
  expect(new Set(outside.map((e) => e.id)).size).toBe(2);
  // The history row written before is kept as it was.
  expect(h[0]).toMatchObject({ id: "3-2024-07-01T01:00:00.000Z", old: null, new: 300 });
  // The plan book itself is not written.
  expect(await historyOf("plan.xlsx")).toHaveLength(1);
});

test("ktxh collect on a book with no edit outside the add-in logs none", async () => {
  await book("plan.xlsx", () => undefined);
  fs.mkdirSync(path.join(dir, "nhan"));
  await main(["collect", "plan.xlsx", "nhan", "--period", "6m", "-o", "tong-hop.xlsx"], quiet(dir));
  expect((await historyOf("tong-hop.xlsx")).filter((e) => e.action === "outside")).toEqual([]);
});

test("ktxh report: a figure revised outside the add-in after the last report is marked (*); the book is not written", async () => {
  await book("so.xlsx", (set, wb) => {
    appendHistory(wb, [entry("3", null, 300, "2024-07-01T01:00:00.000Z"), entry("4", null, 450, "2024-07-01T01:00:00.000Z")]);
    writeRecordSheet(wb, withReport(readRecordSheet(wb)!, { period: "6m", at: "2024-07-10T01:00:00.000Z" }));
    // The fingerprints are as init judged the rows (empty): through the add-in these would have been judged; 4 stays 450.
    set("3", 330);
    set("4", 450);
  });
  const before = fs.readFileSync(path.join(dir, "so.xlsx"));
  const m = await report("so.xlsx");
  expect(m.rows.filter((r) => r.revised).map((r) => r.no)).toEqual(["3"]);
  expect(m.revision?.footnote).toBe("(*) Số liệu đã điều chỉnh so với báo cáo lập lúc 08:00 ngày 10/07/2024: chỉ tiêu 3.");
  expect(fs.readFileSync(path.join(dir, "so.xlsx")).equals(before)).toBe(true);
});

test("a report made again keeps its marks: it compares with the revision point of the report before it, not with itself", async () => {
  const hist = [entry("3", null, 300, "2024-07-01T01:00:00.000Z"), entry("3", 300, 320, "2024-07-12T01:00:00.000Z")];
  const made = (reports: string[]) => (set: (no: string, v: number) => void, wb: ExcelJS.Workbook): void => {
    appendHistory(wb, hist);
    let r = readRecordSheet(wb)!;
    for (const at of reports) r = withReport(r, { period: "6m", at });
    writeRecordSheet(wb, r);
    set("3", 320);
  };
  // First the report of the 10th only; then with the report of the 13th (made after the change, marking it) recorded too.
  await book("a.xlsx", made(["2024-07-10T01:00:00.000Z"]));
  await book("b.xlsx", made(["2024-07-10T01:00:00.000Z", "2024-07-13T01:00:00.000Z"]));
  const a = await report("a.xlsx");
  const b = await report("b.xlsx");
  expect(a.rows.filter((r) => r.revised).map((r) => r.no)).toEqual(["3"]);
  expect(b.rows.filter((r) => r.revised).map((r) => r.no)).toEqual(["3"]);
  expect(b.revision?.footnote).toBe(a.revision?.footnote);
  expect(b.revision?.since).toBe("2024-07-10T01:00:00.000Z");
  // A change after the report of the 13th: the next report marks only it, against the 13th.
  await book("c.xlsx", (set, wb) => {
    made(["2024-07-10T01:00:00.000Z", "2024-07-13T01:00:00.000Z"])(set, wb);
    appendHistory(wb, [entry("4", 450, 460, "2024-07-14T01:00:00.000Z")]);
    set("4", 460);
  });
  const c = await report("c.xlsx");
  expect(c.rows.filter((r) => r.revised).map((r) => r.no)).toEqual(["4"]);
  expect(c.revision?.since).toBe("2024-07-13T01:00:00.000Z");
});
