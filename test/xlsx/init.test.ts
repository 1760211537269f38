import { type CellValue as XCellValue, Workbook, type Worksheet } from "exceljs";
import { mergeTargets } from "../../src/layout/merge";
import type { SheetModel } from "../../src/layout/sheet-model";
import { readWorksheetGrid } from "../../src/hosts/xlsx/apply-layout";
import { findLayoutSheets, initWorkbook, readMetaSheet } from "../../src/hosts/xlsx/workbook-init";
import { fixturePlan } from "../layout/fixture";

const plan = fixturePlan();

async function roundTrip(wb: Workbook): Promise<Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

const colOf = (m: SheetModel, key: string): number => m.columns.findIndex((c) => c.key === key) + 1;
const rowOf = (m: SheetModel, id: string): number => m.rows.findIndex((r) => r.id === id) + 1;
function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe("a workbook made by initWorkbook, read back by ExcelJS", () => {
  let back: Workbook;
  const made = initWorkbook(plan, { periods: ["year", "6m", "q1"], now: "2025-07-01T00:00:00Z" });

  beforeAll(async () => {
    back = await roundTrip(made.workbook);
  });

  test("holds the models' values cell for cell", () => {
    for (const model of [made.models.targets, made.models.tasks]) {
      const grid = readWorksheetGrid(sheet(back, model.name));
      model.rows.forEach((r, i) => {
        r.values.forEach((v, j) => {
          const merged = model.merges.some((m) => i >= m.row && i < m.row + m.rows && j >= m.col && j < m.col + m.cols && (i !== m.row || j !== m.col));
          expect([model.name, i, j, grid[i]?.[j] ?? null]).toEqual([model.name, i, j, merged ? null : v]);
        });
      });
    }
  });

  test("keeps formats: font, number formats, wrap, widths, hidden key row and identity column, frozen headers", () => {
    const m = made.models.targets;
    const ws = sheet(back, m.name);
    const figure = ws.getCell(rowOf(m, "t:1"), colOf(m, "p:6m"));
    expect(figure.numFmt).toBe("#,##0.0#");
    expect(figure.font.name).toBe("Times New Roman");
    expect(figure.protection?.locked).toBe(false);
    expect(ws.getCell(rowOf(m, "t:4"), colOf(m, "p:6m")).numFmt).toBe("#,##0");
    const name = ws.getCell(rowOf(m, "t:1.1"), colOf(m, "name"));
    expect(name.alignment).toMatchObject({ wrapText: true, indent: 1 });
    expect(name.numFmt).toBe("@");
    expect(ws.getColumn(colOf(m, "name")).width).toBe(38);
    expect(ws.getColumn(colOf(m, "id")).hidden).toBe(true);
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: m.freeze.rows, xSplit: 2 });
    expect(ws.getCell(m.printTitleRows!.first + 1, 1).isMerged).toBe(true);
  });

  test("keeps data validation on input cells and the status colours", () => {
    const m = made.models.targets;
    const ws = sheet(back, m.name);
    expect(ws.getCell(rowOf(m, "t:3"), colOf(m, "p:year")).dataValidation).toMatchObject({ type: "decimal", errorStyle: "warning" });
    expect(ws.getCell(rowOf(m, "tn:deaths:cur"), colOf(m, "p:year")).dataValidation).toMatchObject({ type: "whole" });
    expect(ws.getCell(rowOf(m, "t:3"), colOf(m, "note")).dataValidation).toMatchObject({ type: "textLength" });
    const mark = ws.getCell(m.printTitleRows!.last + 1, colOf(m, "p:6m"));
    expect(mark.value).toBe("Ước");
    expect(mark.dataValidation).toMatchObject({ type: "list", formulae: ['"Ước,Chính thức"'] });
    const t = made.models.tasks;
    const tws = sheet(back, t.name);
    expect(tws.getCell(rowOf(t, "n:2.1"), colOf(t, "status:year")).dataValidation).toMatchObject({ type: "list", formulae: ['"Hoàn thành,Đang thực hiện,Chưa thực hiện"'] });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const rules = cf.flatMap((c) => c.rules.map((r) => r.formulae?.[0]));
    expect(rules).toEqual(expect.arrayContaining(['"Không đạt"', '"Đạt (vượt)"', '"Đạt"', '"Chưa có số liệu"']));
  });

  test("shows a figure's decimals where its row's format would round them away (a conditional number format)", () => {
    const m = made.models.targets;
    const ws = sheet(back, m.name);
    type Cf = { ref: string; rules: { type: string; formulae?: string[]; style?: { numFmt?: unknown } }[] };
    const cf = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
    const year = colOf(m, "p:year");
    const letter = String.fromCharCode(64 + year);
    const first = m.body.first + 1;
    const mine = cf.find((c) => c.ref.startsWith(`${letter}${first}:`));
    expect(mine?.rules[0]).toMatchObject({
      type: "expression",
      formulae: [`AND(ISNUMBER(${letter}${first}),MOD(${letter}${first},1)<>0,OR($C${first}<>"%",${letter}${first}>=1))`],
    });
    // The format code itself is in the file's differential styles.
    expect(JSON.stringify(mine?.rules[0].style ?? {})).toContain("#,##0.0###");
  });

  test("sets the Decree 30/2020 page: A4 landscape, margins in inches, header rows repeated", () => {
    const m = made.models.targets;
    const ps = sheet(back, m.name).pageSetup;
    expect(ps).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(ps.margins?.left).toBeCloseTo(30 / 25.4, 3);
    expect(ps.margins?.top).toBeCloseTo(20 / 25.4, 3);
    expect(ps.printTitlesRow).toBe(`${m.printTitleRows!.first + 1}:${m.printTitleRows!.last + 1}`);
  });

  test("keeps the plan metadata in a hidden sheet", () => {
    expect(readMetaSheet(back)).toEqual(made.meta);
    expect(made.meta).toMatchObject({ planId: "thu-nghiem-2025", year: 2025, periods: ["q1", "6m", "year"], statusPeriod: "year" });
    expect(back.getWorksheet("_ktxh")?.state).toBe("veryHidden");
  });
});

test("text that looks like a formula is written as text", async () => {
  const made = initWorkbook(plan, { periods: ["6m"] });
  const m = made.models.targets;
  const ws = sheet(made.workbook, m.name);
  ws.getCell(rowOf(m, "t:3"), colOf(m, "note")).value = "=1+1";
  const back = await roundTrip(made.workbook);
  const cell = sheet(back, m.name).getCell(rowOf(m, "t:3"), colOf(m, "note"));
  expect(cell.value).toBe("=1+1");
  expect(cell.formula).toBeUndefined();
});

test("a workbook the user sorted, extended and renamed in Excel merges back without losing a figure", async () => {
  const made = initWorkbook(plan, { periods: ["6m", "year"] });
  const m = made.models.targets;
  const ws = sheet(made.workbook, m.name);
  ws.getCell(rowOf(m, "t:1"), colOf(m, "p:6m")).value = 612.5;
  ws.getCell(rowOf(m, "t:4"), colOf(m, "p:year")).value = 1650;
  ws.getCell(rowOf(m, "t:4"), colOf(m, "note")).value = "=1+1";
  // Rows 't:1' and 't:4' swap places (a sort), a row goes in above the body, a column before 'TT'.
  const a = rowOf(m, "t:1");
  const b = rowOf(m, "t:4");
  const va = ws.getRow(a).values as XCellValue[];
  const vb = ws.getRow(b).values as XCellValue[];
  ws.getRow(a).values = vb;
  ws.getRow(b).values = va;
  ws.spliceRows(m.body.first + 1, 0, [null, null, "Dòng người dùng thêm", null, null, null, 7]);
  ws.spliceColumns(1, 0, [], []);
  ws.getCell(m.printTitleRows!.first + 1, 1).value = "Cột riêng";
  ws.getCell(m.body.first + 4, 1).value = "ghi chú riêng";
  ws.name = "CT 2025";

  const back = await roundTrip(made.workbook);
  const found = findLayoutSheets(back);
  expect(found.targets?.worksheet.name).toBe("CT 2025");
  expect(found.tasks?.worksheet.name).toBe("Nhiệm vụ");
  const r = mergeTargets(plan, found.targets!.sheet, { periods: ["6m", "year"] });
  const value = (id: string, key: string) => r.model.rows.find((x) => x.id === id)?.values[r.model.columns.findIndex((c) => c.key === key)];
  expect(value("t:1", "p:6m")).toBe(612.5);
  expect(value("t:4", "p:year")).toBe(1650);
  expect(value("t:4", "note")).toBe("=1+1");
  expect(r.model.name).toBe("CT 2025");
  expect(r.model.columns[0]).toMatchObject({ role: "user", header: "Cột riêng" });
  expect(r.model.rows.some((x) => x.kind === "user" && x.values.includes("Dòng người dùng thêm"))).toBe(true);
  expect(r.model.rows.some((x) => x.values.includes("ghi chú riêng"))).toBe(true);
});
