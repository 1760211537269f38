/** Files to grids: ExcelJS values of every shape, merges, number formats, CSV code pages, and files that are no workbook. */
import ExcelJS from "exceljs";
import { csvRows } from "../../src/core/csv";
import { readWorksheetGrid } from "../../src/hosts/xlsx/apply-layout";
import { readWorkbook, zipEntries } from "../../src/hosts/xlsx/read-workbook";
import { PNG_1x1, encryptedLooking } from "./corpus";

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Windows-1258 bytes of a Vietnamese text: letters with â ê ô ă ơ ư đ precomposed, the five tone marks combining. */
function cp1258(text: string): Buffer {
  const table = new Map<string, number>();
  const dec = new TextDecoder("windows-1258");
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  const byte = (ch: string): number => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in cp1258: ${ch}`);
    return b;
  };
  const out: number[] = [];
  for (const cluster of text.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? []) {
    const marks = [...cluster.slice(1)];
    const tones = marks.filter((m) => "\u0300\u0301\u0303\u0309\u0323".includes(m));
    const letter = (cluster[0] + marks.filter((m) => !tones.includes(m)).join("")).normalize("NFC");
    out.push(byte(letter), ...tones.map(byte));
  }
  return Buffer.from(out);
}

describe("reading workbooks", () => {
  test("values of every shape: numbers, text, rich text, formulas with results or errors, errors, dates, hyperlinks; formats; merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.getCell("A1").value = 1284.679;
    ws.getCell("A1").numFmt = "#,##0.000";
    ws.getCell("B1").value = "Tổng thu";
    ws.getCell("C1").value = { richText: [{ text: "Ước " }, { text: "TH", font: { bold: true } }] };
    ws.getCell("D1").value = { formula: "A1*2", result: 2569.358 };
    ws.getCell("E1").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
    ws.getCell("F1").value = { error: "#N/A" };
    ws.getCell("G1").value = new Date(Date.UTC(2024, 11, 14));
    ws.getCell("H1").value = { text: "Cổng thông tin", hyperlink: "https://example.com" };
    ws.getCell("A2").value = 0.3558;
    ws.getCell("A2").numFmt = "0.00%";
    ws.getCell("A3").value = "Năm 2024";
    ws.mergeCells("A3:C4");
    const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("A1").value = "x";
    const r = await readWorkbook(await bytes(wb), "a.xlsx");
    if (!r.ok) throw new Error(r.code);
    expect(r).toMatchObject({ format: "xlsx", unsupported: [] });
    const [g, h] = r.grids;
    expect(g.sheet).toBe("Số liệu");
    expect(g.cells[0]).toEqual([
      { value: 1284.679, numFmt: "#,##0.000" },
      { value: "Tổng thu" },
      { value: "Ước TH" },
      { value: 2569.358, formula: "A1*2" },
      { value: null, formula: "A1/0", error: "#DIV/0!" },
      { value: null, error: "#N/A" },
      { value: "2024-12-14", numFmt: expect.any(String) },
      { value: "Cổng thông tin" },
    ]);
    expect(g.cells[1][0]).toEqual({ value: 0.3558, numFmt: "0.00%" });
    expect(g.merges).toEqual([{ top: 2, left: 0, bottom: 3, right: 2 }]);
    expect(h).toMatchObject({ sheet: "Ẩn", hidden: true });
  });

  test("drawings (and charts, pivots, macros) are listed as parts a rewrite would lose", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    ws.getCell("A1").value = 1;
    ws.addImage(wb.addImage({ buffer: PNG_1x1 as unknown as ExcelJS.Buffer, extension: "png" }), "B2:C3");
    const buf = await bytes(wb);
    expect(zipEntries(buf)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/drawings/drawing1.xml"]));
    const r = await readWorkbook(buf, "a.xlsx");
    expect(r.ok && r.unsupported).toEqual(["xl/drawings"]);
  });

  let good: Buffer;
  beforeAll(async () => {
    const small = new ExcelJS.Workbook();
    small.addWorksheet("A").getCell("A1").value = 1;
    good = await bytes(small);
  });

  test("files that are no workbook are told apart, never thrown", async () => {
    const cases: [Buffer, string, string][] = [
      [Buffer.alloc(0), "a.xlsx", "file.empty"],
      [Buffer.from("Xin chào, đây là văn bản."), "a.xlsx", "file.not-workbook"],
      [good.subarray(0, good.length - 30), "a.xlsx", "file.corrupt"],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]), "a.xls", "file.old-xls"],
      [encryptedLooking(), "a.xlsx", "file.encrypted"],
    ];
    for (const [buf, name, code] of cases) {
      const r = await readWorkbook(buf, name);
      expect({ code, got: r.ok ? "ok" : r.code }).toEqual({ code, got: code });
    }
    // A zip that is not a workbook (a .docx renamed): the directory has no xl/workbook.xml.
    const zipOnly = Buffer.from(good);
    const idx = zipOnly.indexOf("xl/workbook.xml");
    expect(idx).toBeGreaterThan(0);
    let at = -1;
    while ((at = zipOnly.indexOf("xl/workbook.xml", at + 1)) >= 0) zipOnly.write("xl/workbook.xmm", at);
    expect(await readWorkbook(zipOnly, "a.xlsx")).toMatchObject({ ok: false, code: "file.not-workbook" });
  });

  test("damaged bytes inside a well-formed zip directory are a corrupt file, not a crash", async () => {
    for (let k = 0; k < 20; k++) {
      const broken = Buffer.from(good);
      // Scramble the compressed data of the entries, keep the directory at the end intact.
      for (let i = 40 + k; i < broken.length - 400; i += 7) broken[i] = (broken[i] * 31 + k) & 0xff;
      const r = await readWorkbook(broken, "a.xlsx");
      expect(r.ok ? "ok" : r.code).toMatch(/^(ok|file\.corrupt|file\.not-workbook)$/);
    }
  });
});

describe("reading CSV", () => {
  test("UTF-8 with BOM, comma-separated, quoted fields with separators, quotes and line breaks", async () => {
    const text = '\ufeffTT,Chỉ tiêu,Ghi chú\r\n1,"Thu, chi ngân sách","ghi ""chú""\ndòng hai"\r\n';
    const r = await readWorkbook(Buffer.from(text), "/x/bao-cao.csv");
    if (!r.ok) throw new Error(r.code);
    expect(r).toMatchObject({ format: "csv", workbook: null });
    expect(r.grids[0]).toMatchObject({ sheet: "bao-cao", textOnly: true });
    expect(r.grids[0].cells.map((row) => row.map((c) => c?.value ?? null))).toEqual([
      ["TT", "Chỉ tiêu", "Ghi chú"],
      ["1", "Thu, chi ngân sách", 'ghi "chú"\ndòng hai'],
    ]);
  });

  test("semicolons and the Windows-1258 code page a Vietnamese Excel saves in, composed to NFC", async () => {
    const text = "TT;Chỉ tiêu;Đơn vị tính;Ước thực hiện\n1;Tổng giá trị sản xuất;tỷ đồng;25.500\n";
    const buf = cp1258(text);
    expect(buf.length).toBeGreaterThan(text.length);
    const r = await readWorkbook(buf, "xa.csv");
    if (!r.ok) throw new Error(r.code);
    expect(r.grids[0].cells.map((row) => row.map((c) => c?.value ?? null))).toEqual([
      ["TT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện"],
      ["1", "Tổng giá trị sản xuất", "tỷ đồng", "25.500"],
    ]);
  });

  test("tabs are a separator too", () => {
    expect(csvRows("a\tb\tc\n1\t2\t3").records.map((r) => r.cells)).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
  });
});

describe("a formula whose cached result is 0, false or empty text", () => {
  // ExcelJS's `cell.value` drops a falsy cached result once a file is read back: `=0*1` must still read as 0.
  async function roundTrip(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("a");
    ws.getCell("A1").value = { formula: "0*1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = { formula: "1>2", result: false } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: "5*1", result: 5 } as ExcelJS.CellFormulaValue;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await bytes(wb)) as unknown as ArrayBuffer);
    return back;
  }

  test("readWorkbook keeps the result 0 (and false) with the formula", async () => {
    const r = await readWorkbook(await bytes(await roundTrip()), "a.xlsx");
    if (!r.ok) throw new Error(r.code);
    const [a1, b1, c1] = r.grids[0].cells[0];
    expect(a1).toMatchObject({ value: 0, formula: "0*1" });
    expect(b1).toMatchObject({ value: false, formula: "1>2" });
    expect(c1).toMatchObject({ value: 5, formula: "5*1" });
  });

  test("readWorksheetGrid (a sheet merged back) reads 0, not blank", async () => {
    const wb = await roundTrip();
    expect(readWorksheetGrid(wb.worksheets[0])[0]).toEqual([0, "FALSE", 5]);
  });
});
