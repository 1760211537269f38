/**
 * The reader's own way into ExcelJS (src/hosts/xlsx/load-inflated.ts: entries inflated once, rows read
 * from ExcelJS's models when no workbook is kept) gives the very grids ExcelJS's own `load` and its
 * Row and Cell objects give: over every workbook of the check corpus, the same books saved by
 * LibreOffice, and a book of every awkward shape (values in cells a merge covers, hyperlinks, formulas
 * whose cached result is 0, shared formulas, dates, styled empty cells and rows, hidden sheets, sheets
 * in another order than their parts, rows without numbers or cells without addresses).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parsePlan, type Plan } from "../../src/core/plan";
import type { Grid } from "../../src/core/read-table/grid";
import { loadInflated } from "../../src/hosts/xlsx/load-inflated";
import { readWorkbook, worksheetGrid } from "../../src/hosts/xlsx/read-workbook";
import { builtInPlans } from "../../src/seeds";
import { buildCases } from "../validate/cases";
import { ownWorkbook } from "../validate/corpus";

/** ExcelJS's own reading: JSZip, `load`, then the worksheets' cells. */
async function reference(buf: Buffer): Promise<Grid[] | string> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    return `corrupt: ${(e as Error).message}`;
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => grids.push(worksheetGrid(ws)));
  return grids;
}

async function both(buf: Buffer, name: string): Promise<{ fast: Grid[] | string; kept: Grid[] | string }> {
  const as = (r: Awaited<ReturnType<typeof readWorkbook>>): Grid[] | string => (r.ok ? r.grids : `${r.code}`);
  return { fast: as(await readWorkbook(buf, name, { keepWorkbook: false })), kept: as(await readWorkbook(buf, name, { keepWorkbook: true })) };
}

/** A book of the shapes a reader of cells can get wrong. */
async function awkward(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Tổng hợp");
  a.getCell("A1").value = "Báo cáo";
  a.mergeCells("A1:D2");
  a.getCell("A3").value = { text: "Cổng thông tin", hyperlink: "https://example.vn" };
  a.getCell("B3").value = { formula: "0*1", result: 0 };
  a.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  a.getCell("D3").value = new Date(Date.UTC(2024, 5, 30));
  a.getCell("D3").numFmt = "dd/mm/yyyy";
  a.getCell("A4").value = 10;
  a.getCell("B4").value = { formula: "A4*2", result: 20, shareType: "shared", ref: "B4:B6" } as ExcelJS.CellValue;
  a.getCell("A5").value = 11;
  a.getCell("B5").value = { sharedFormula: "B4", result: 22 } as ExcelJS.CellValue;
  a.getCell("A6").value = 12;
  a.getCell("B6").value = { sharedFormula: "B4", result: 0 } as ExcelJS.CellValue;
  a.getCell("C4").value = { richText: [{ text: "Ước " }, { text: "TH", font: { bold: true } }] };
  a.getCell("D4").value = true;
  a.getCell("D5").value = { error: "#N/A" };
  a.getCell("C5").value = 1284.5;
  a.getCell("C5").numFmt = "#,##0.0";
  a.getCell("A8").numFmt = "0.00"; // a style, no value
  a.getRow(9).font = { bold: true }; // a styled row, no value
  a.getCell("B10").value = "dưới";
  a.mergeCells("B10:C11");
  a.getCell("F12").value = "cuối";
  const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
  hidden.getCell("A1").value = "không hiện";
  const b = wb.addWorksheet("Nhiệm vụ");
  b.getCell("B2").value = "Hoàn thành";
  b.mergeCells("A5:A7");
  // Sheets shown in another order than their parts.
  const order = (ws: ExcelJS.Worksheet, n: number): void => void ((ws as unknown as { orderNo: number }).orderNo = n);
  order(b, 0);
  order(hidden, 1);
  order(a, 2);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  // A value in a cell the merge A1:D2 covers (as some programs write one), then the package again.
  const zip = await JSZip.loadAsync(buf);
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(sheet)?.async("string");
  if (!xml) throw new Error("no sheet1");
  zip.file(sheet, xml.replace(/<c r="B1"([^>]*)\/>/, '<c r="B1"$1 t="inlineStr"><is><t>che khuất</t></is></c>'));
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The same book with one row's number and one cell's address taken out: ExcelJS's own ways then. */
async function unnumbered(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = (await zip.file(sheet)?.async("string")) ?? "";
  zip.file(sheet, xml.replace('<c r="A5"', "<c"));
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function soffice(): string {
  for (const cmd of ["soffice", "libreoffice"]) if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0) return cmd;
  throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc");
}

describe("reading a package through load-inflated.ts", () => {
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-load-inflated-"));
    const plans = builtInPlans();
    const plan2024 = plans.find((p) => p.id === "binh-son-2024") as Plan;
    const pledge = parsePlan(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/pledge-2024.json"), "utf8")));
    if (!pledge.ok) throw new Error("pledge fixture does not parse");
    await buildCases(dir, plan2024, pledge.value);
    await ownWorkbook(plan2024, {}).wb.xlsx.writeFile(path.join(dir, "own.xlsx"));
    const odd = await awkward();
    fs.writeFileSync(path.join(dir, "awkward.xlsx"), odd);
    fs.writeFileSync(path.join(dir, "unnumbered.xlsx"), await unnumbered(odd));
    files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-load-inflated-"));
    fs.mkdirSync(path.join(dir, "lo"));
    const lo = ["awkward.xlsx", "own.xlsx", ...files.filter((f) => f.startsWith("clean"))];
    const r = spawnSync(soffice(), ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx", "--outdir", "lo", ...lo], { cwd: dir, encoding: "utf8", timeout: 180_000 });
    fs.rmSync(profile, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    files.push(...fs.readdirSync(path.join(dir, "lo")).map((f) => path.join("lo", f)));
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every file: the grids ExcelJS's own load gives, with or without the workbook kept", async () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.startsWith("lo"))).toBe(true);
    for (const f of files) {
      const buf = fs.readFileSync(path.join(dir, f));
      const want = await reference(buf);
      const got = await both(buf, f);
      const readable = typeof want !== "string";
      // A package ExcelJS refuses is refused by the reader too (as file.corrupt, or before, as no workbook).
      if (!readable) {
        expect([f, typeof got.fast]).toEqual([f, "string"]);
        expect([f, typeof got.kept]).toEqual([f, "string"]);
        continue;
      }
      expect([f, got.fast]).toEqual([f, want]);
      expect([f, got.kept]).toEqual([f, want]);
    }
  });

  test("the awkward book reads as a person sees it: the covered cell's text dropped, results of 0 kept, the hidden sheet marked", async () => {
    const got = await readWorkbook(fs.readFileSync(path.join(dir, "awkward.xlsx")), "awkward.xlsx", { keepWorkbook: false });
    if (!got.ok) throw new Error(got.code);
    expect(got.grids.map((g) => [g.sheet, g.hidden ?? false])).toEqual([["Nhiệm vụ", false], ["Ẩn", true], ["Tổng hợp", false]]);
    const a = got.grids[2];
    expect(a.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }, { top: 9, left: 1, bottom: 10, right: 2 }]);
    expect(a.cells[0][1]).toBeUndefined();
    expect(a.cells[2].slice(0, 4)).toEqual([
      { value: "Cổng thông tin" }, { value: 0, formula: "0*1" }, { value: null, formula: "1/0", error: "#DIV/0!" }, { value: "2024-06-30", numFmt: "dd/mm/yyyy" },
    ]);
    expect(a.cells[5][1]).toEqual({ value: 0, formula: "B4" });
    expect(a.cells[7]).toBeUndefined();
    expect(a.cells[8]).toBeUndefined();
    expect(a.cells[11][5]).toEqual({ value: "cuối" });
  });

  test("ExcelJS shaped otherwise (a method gone): declined, the workbook left as it was", async () => {
    const wb = new ExcelJS.Workbook();
    (wb.xlsx as unknown as Record<string, unknown>)._processWorksheetEntry = undefined;
    expect(await loadInflated(wb, [{ name: "xl/workbook.xml", bytes: Buffer.from("<workbook/>") }], undefined)).toBe(false);
    expect(wb.worksheets).toHaveLength(0);
  });

  test("a part named in other than plain ASCII: declined (JSZip would read its name otherwise)", async () => {
    const wb = new ExcelJS.Workbook();
    expect(await loadInflated(wb, [{ name: "xl/thư.xml", bytes: Buffer.from("<x/>") }], undefined)).toBe(false);
  });
});
