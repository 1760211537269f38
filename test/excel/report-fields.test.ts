/**
 * The report's document fields from the pane (number, date, addressee, signer, the work programme's
 * task counts) through the contract: on the report sheet, in the Word copy, in the .docx, kept in the
 * book's record so that the next report starts from them, and refused in Vietnamese when they do not
 * read. The Office.js host on the strict in-memory Excel; the .docx through `ktxh report` on a book
 * carrying the record the host wrote.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { message } from "../../src/core/messages";
import { EMPTY_REPORT_FIELDS, type ReportFields, readReportFields } from "../../src/core/report/fields";
import { RECORD_SHEET, decodeRecord, recordReportFields, withReportFields } from "../../src/layout/sheets/record";
import { readReportModel } from "../../src/hosts/excel/report-sheet";
import { createExcelOperations } from "../../src/hosts/excel/host";
import { reportDocx } from "../../src/hosts/docx/report-docx";
import { initWorkbook, readRecordSheet, writeRecordSheet } from "../../src/hosts/xlsx/workbook-init";
import { builtInPlan } from "../../src/seeds";
import { type Setup, setup, snapshot } from "./support";

const REPORT = "Báo cáo";
const yes = async (): Promise<boolean> => true;

const FIELDS: ReportFields = {
  ...EMPTY_REPORT_FIELDS,
  number: "783",
  date: "05/12/2023",
  to: "Hội đồng nhân dân huyện",
  signer: "Nguyễn Văn An",
  signerTitle: "Phó Chủ tịch",
  tasksTotal: "118",
  tasksDone: "109",
  tasksDoing: "9",
};

async function book2023(): Promise<Setup> {
  const s = setup({}, { now: () => "2023-12-05T08:00:00.000Z" });
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  await s.ops.loadPlan(plan, ["year"], yes);
  return s;
}

const sheetText = (s: Setup, sheet: string): string => s.wb.user.grid(sheet, "A1:J200").flat().filter((v) => v !== "").join(" | ");

describe("the report fields (core)", () => {
  test("blank fields give nothing: today's date and the tasks sheet's counts are the caller's", () => {
    expect(readReportFields(EMPTY_REPORT_FIELDS)).toEqual({
      input: { number: null, date: null, to: null, signer: null, signerTitle: null, taskCounts: null },
      problems: [],
    });
  });

  test("783/BC's fields read as typed (09 is nine)", () => {
    const r = readReportFields({ ...FIELDS, tasksDoing: "09", signer: "  Nguyễn   Văn An " });
    expect(r.problems).toEqual([]);
    expect(r.input).toEqual({
      number: "783", date: { year: 2023, month: 12, day: 5 }, to: "Hội đồng nhân dân huyện", signer: "Nguyễn Văn An",
      signerTitle: "Phó Chủ tịch", taskCounts: { total: 118, done: 109, doing: 9 },
    });
  });

  test.each([
    [{ date: "31/02/2023" }, "date", "report.bad-date", 'Ngày "31/02/2023" không hợp lệ'],
    [{ tasksDone: "một trăm" }, "tasksDone", "report.bad-task-count", 'Đã hoàn thành: "một trăm" không phải số nhiệm vụ'],
    [{ tasksDoing: "" }, "tasksDoing", "report.task-count-missing", 'Còn trống ô "Đang thực hiện"'],
    [{ tasksTotal: "100" }, "tasksTotal", "report.task-counts-sum", "(109) và đang thực hiện (9) cộng lại nhiều hơn tổng số nhiệm vụ (100)"],
    [{ tasksTotal: "-5" }, "tasksTotal", "report.bad-task-count", 'Tổng số nhiệm vụ: "-5"'],
  ] as const)("%j is refused at its field with a Vietnamese message", (change, field, code, text) => {
    const r = readReportFields({ ...FIELDS, ...change });
    expect(r.problems.map((p) => ({ field: p.field, code: p.problem.code }))).toEqual([{ field, code }]);
    expect(message(r.problems[0].problem)).toContain(text);
  });
});

describe("the report fields through the Office.js host", () => {
  test("they head and sign the report sheet, give its task sentence, and are kept in the book's record", async () => {
    const s = await book2023();
    const out = await s.ops.buildReport("year", false, FIELDS);
    expect(out.fieldsSaved).toBe(true);
    const text = sheetText(s, REPORT);
    expect(text).toContain("Số: 783/BC-UBND");
    expect(text).toContain("Bình Sơn, ngày 05 tháng 12 năm 2023");
    expect(text).toContain("Kính gửi: Hội đồng nhân dân huyện");
    expect(text).toContain("KT. CHỦ TỊCH | PHÓ CHỦ TỊCH");
    expect(text).toContain("Nguyễn Văn An");
    expect(text).toMatch(/Tổng số nhiệm vụ giao: 118 nhiệm vụ;.*hoàn thành 109 nhiệm vụ.*đang thực hiện 09 nhiệm vụ/);
    expect(text).not.toContain("chưa thực hiện 00");
    const record = decodeRecord(s.wb.user.grid(RECORD_SHEET, "A1:Z100"));
    expect(recordReportFields(record)).toEqual(FIELDS);
    // The rest of the record is what the load wrote.
    expect(record?.meta.planId).toBe("binh-son-2023");
  });

  test("a second report in the same book starts from them: the pane reads them back with the workbook's state", async () => {
    const s = await book2023();
    expect((await s.ops.readState()).reportFields).toBeNull();
    await s.ops.buildReport("year", false, FIELDS);
    // A new pane (the book reopened) on the same workbook.
    const ops = createExcelOperations(s.run, { isSetSupported: (n, v) => s.wb.model.isSetSupported(n, v), newContext: null });
    expect((await ops.readState()).reportFields).toEqual(FIELDS);
    // A later report with other fields replaces them; the plan stays recorded.
    const next = { ...FIELDS, number: "801", tasksTotal: "", tasksDone: "", tasksDoing: "" };
    await ops.buildReport("year", true, next);
    expect((await ops.readState()).reportFields).toEqual(next);
    const text = sheetText(s, REPORT);
    expect(text).toContain("Số: 801/BC-UBND");
    expect(text).not.toContain("Tổng số nhiệm vụ giao: 118");
  });

  test("a field that does not read is refused with the core's message, nothing written", async () => {
    const s = await book2023();
    const before = snapshot(s.wb);
    await expect(s.ops.buildReport("year", false, { ...FIELDS, tasksTotal: "100" })).rejects.toThrow(
      "Số đã hoàn thành (109) và đang thực hiện (9) cộng lại nhiều hơn tổng số nhiệm vụ (100).",
    );
    await expect(s.ops.buildReport("year", false, { ...FIELDS, date: "32/12/2023" })).rejects.toThrow('Ngày "32/12/2023" không hợp lệ');
    expect(snapshot(s.wb)).toEqual(before);
  });

  test("the Word copy carries the task sentence of the counts given", async () => {
    const s = await book2023();
    const got: string[] = [];
    await s.ops.copyReportTable("year", async (html, text) => void got.push(html, text), FIELDS);
    expect(got[0]).toContain("Tổng số nhiệm vụ giao: 118 nhiệm vụ");
    expect(got[0]).toContain("đang thực hiện 09 nhiệm vụ");
    // The text form stays the bare table, for a spreadsheet.
    expect(got[1]).not.toContain("nhiệm vụ giao");
  });

  test("the .docx of the pane's report carries them: from the model the host reads, and from the book's record through ktxh report", async () => {
    const s = await book2023();
    await s.ops.buildReport("year", false, FIELDS);
    const docText = async (bytes: Uint8Array): Promise<string> => {
      const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
      return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
    };
    const expectFields = (t: string) => {
      expect(t).toContain("783/BC-UBND");
      expect(t).toContain("ngày 05 tháng 12 năm 2023");
      expect(t).toContain("Hội đồng nhân dân huyện");
      expect(t).toContain("PHÓ CHỦ TỊCH");
      expect(t).toContain("Nguyễn Văn An");
      expect(t).toContain("Tổng số nhiệm vụ giao: 118 nhiệm vụ");
    };
    expectFields(await docText(await reportDocx(await readReportModel(s.run, "year", FIELDS))));

    // The record the host wrote, in a book made by ktxh init: `ktxh report --docx` starts from its fields.
    const kept = recordReportFields(decodeRecord(s.wb.user.grid(RECORD_SHEET, "A1:Z100")));
    if (!kept) throw new Error("no fields in the record");
    const plan = builtInPlan("binh-son-2023");
    if (!plan) throw new Error("binh-son-2023 missing");
    const { workbook } = initWorkbook(plan, { periods: ["year"] });
    const record = readRecordSheet(workbook);
    if (!record) throw new Error("no record in the init book");
    writeRecordSheet(workbook, withReportFields(record, kept));
    const dir = mkdtempSync(join(tmpdir(), "ktxh-fields-"));
    try {
      writeFileSync(join(dir, "so.xlsx"), Buffer.from(await workbook.xlsx.writeBuffer()));
      let err = "";
      const io: CliIO = { cwd: dir, out: () => undefined, err: (t) => void (err += t) };
      const code = await main(["report", "so.xlsx", "--docx", "bc.docx"], io);
      expect(err).not.toMatch(/Lỗi/);
      expect(code).not.toBe(2);
      expectFields(await docText(new Uint8Array(readFileSync(join(dir, "bc.docx")))));
      // An option given wins over the kept field.
      await main(["report", "so.xlsx", "--docx", "bc2.docx", "--signer", "Trần Thị Bình"], io);
      const t2 = await docText(new Uint8Array(readFileSync(join(dir, "bc2.docx"))));
      expect(t2).toContain("Trần Thị Bình");
      expect(t2).not.toContain("Nguyễn Văn An");
      expect(t2).toContain("Tổng số nhiệm vụ giao: 118 nhiệm vụ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the record is rewritten only when the fields change", () => {
  test("a report made with blank fields in a book that kept none keeps no fields (only the report's time)", async () => {
    const s = await book2023();
    const out = await s.ops.buildReport("year", false, EMPTY_REPORT_FIELDS);
    expect(out.fieldsSaved).toBe(true);
    const kept = decodeRecord(s.wb.user.grid(RECORD_SHEET, "A1:Z100"));
    expect(kept?.extra["report.fields"]).toBeUndefined();
    expect(kept?.extra["reports"]).toHaveLength(1);
    // Cleared fields are kept as cleared: the next report starts blank.
    await s.ops.buildReport("year", false, FIELDS);
    await s.ops.buildReport("year", false, EMPTY_REPORT_FIELDS);
    expect((await s.ops.readState()).reportFields).toEqual(EMPTY_REPORT_FIELDS);
  });
});
