// The test "user": sorting and inserting move every attribute with the cells; formulas follow inserted rows.
import { book, excel } from "./helpers";

/** Three target rows (5..7) with a value column, a bold/red row, validation on the actual column. */
async function planSheet() {
  const wb = book({ sheets: ["Chỉ tiêu"] });
  await excel(wb, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Chỉ tiêu");
    s.getRange("A4:C4").values = [["STT", "Chỉ tiêu", "Thực hiện"]];
    s.getRange("A5:C7").values = [[3, "Thu ngân sách", 900], [1, "GRDP", 7.5], [2, "Dân số", ""]];
    s.getRange("A6:C6").format.font.bold = true;
    s.getRange("A6:C6").format.fill.color = "#FF0000";
    s.getRange("C6").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    s.getRange("C6").numberFormat = [["0.0"]];
    s.getRange("C8").formulas = [["=SUM(C5:C7)"]];
  });
  return wb;
}

test("sorting rows moves values, formats and validation together", async () => {
  const wb = await planSheet();
  wb.user.sortRows("Chỉ tiêu", 5, 7, "A", true);
  expect(wb.user.grid("Chỉ tiêu", "A5:C7")).toEqual([[1, "GRDP", 7.5], [2, "Dân số", ""], [3, "Thu ngân sách", 900]]);
  const grdp = wb.user.cell("Chỉ tiêu", "C5");
  expect(grdp).toMatchObject({ bold: true, fill: "#FF0000", text: "7.5", numberFormat: "0.0" });
  expect(grdp.validation?.type).toBe("Decimal");
  expect(wb.user.cell("Chỉ tiêu", "C6").validation).toBeNull();
  expect(wb.user.cell("Chỉ tiêu", "B6").bold).toBe(false);
});

test("descending sort keeps blanks last", async () => {
  const wb = await planSheet();
  wb.user.sortRows("Chỉ tiêu", 5, 7, "C", false);
  expect(wb.user.grid("Chỉ tiêu", "B5:B7")).toEqual([["Thu ngân sách"], ["GRDP"], ["Dân số"]]);
});

test("inserting rows moves cells down with their formats and validation, and fixes formulas", async () => {
  const wb = await planSheet();
  wb.user.insertRows("Chỉ tiêu", 6, 2);
  expect(wb.user.grid("Chỉ tiêu", "B5:B9")).toEqual([["Thu ngân sách"], [""], [""], ["GRDP"], ["Dân số"]]);
  expect(wb.user.cell("Chỉ tiêu", "C8")).toMatchObject({ value: 7.5, bold: true, fill: "#FF0000" });
  expect(wb.user.cell("Chỉ tiêu", "C8").validation?.type).toBe("Decimal");
  expect(wb.user.cell("Chỉ tiêu", "C10")).toMatchObject({ formula: "=SUM(C5:C9)", value: 907.5 });
});

test("an inserted row takes the format of the row above it, not its values", async () => {
  const wb = await planSheet();
  wb.user.insertRows("Chỉ tiêu", 7);
  expect(wb.user.cell("Chỉ tiêu", "C7")).toMatchObject({ value: "", bold: true, fill: "#FF0000" });
  expect(wb.user.cell("Chỉ tiêu", "C7").validation?.type).toBe("Decimal");
});

test("deleting rows moves cells up and turns references to them into #REF!", async () => {
  const wb = await planSheet();
  wb.user.type("Chỉ tiêu", "E5", "=C6*2");
  wb.user.deleteRows("Chỉ tiêu", 6);
  expect(wb.user.cell("Chỉ tiêu", "E5")).toMatchObject({ formula: "=#REF!*2", value: "#REF!", type: "Error" });
  expect(wb.user.grid("Chỉ tiêu", "B5:B6")).toEqual([["Thu ngân sách"], ["Dân số"]]);
  expect(wb.user.cell("Chỉ tiêu", "C7")).toMatchObject({ formula: "=SUM(C5:C6)", value: 900 });
  expect(wb.user.sheetInfo("Chỉ tiêu").hiddenRows).toEqual([]);
});

test("inserting columns moves hidden columns and widths with them", async () => {
  const wb = await planSheet();
  await excel(wb, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Chỉ tiêu");
    s.getRange("B:B").columnHidden = true;
    s.getRange("C:C").format.columnWidth = 80;
  });
  wb.user.insertColumns("Chỉ tiêu", "B", 1);
  const info = wb.user.sheetInfo("Chỉ tiêu");
  expect(info.hiddenColumns).toEqual(["C"]);
  expect(info.columnWidths).toEqual({ D: 80 });
  expect(wb.user.cell("Chỉ tiêu", "D6").value).toBe(7.5);
  expect(wb.user.cell("Chỉ tiêu", "D8").formula).toBe("=SUM(D5:D7)");
});

test("typing follows Excel en-US: numbers, text, formulas; a Stop validation refuses a bad entry", async () => {
  const wb = await planSheet();
  wb.user.type("Chỉ tiêu", "D5", "1234.5");
  wb.user.type("Chỉ tiêu", "D6", "1.234,5");
  wb.user.type("Chỉ tiêu", "D7", "=D5*2");
  expect(wb.user.grid("Chỉ tiêu", "D5:D7")).toEqual([[1234.5], ["1.234,5"], [2469]]);
  expect(() => wb.user.type("Chỉ tiêu", "C6", "-1")).toThrow(expect.objectContaining({ reason: "validation" }));
  expect(wb.user.cell("Chỉ tiêu", "C6").value).toBe(7.5);
  // Text is not a decimal either; a warning-style alert would let it through.
  expect(() => wb.user.type("Chỉ tiêu", "C6", "bảy")).toThrow(expect.objectContaining({ reason: "validation" }));
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("C6").dataValidation.errorAlert = { style: "Warning", showAlert: true, message: "", title: "" };
  });
  wb.user.type("Chỉ tiêu", "C6", "bảy");
  expect(wb.user.cell("Chỉ tiêu", "C6")).toMatchObject({ value: "bảy", valid: false });
});

test("sheet actions: add, rename, protect; the grid and sheet names reflect them", async () => {
  const wb = book();
  wb.user.addSheet("Nhiệm vụ");
  wb.user.renameSheet("Sheet1", "Chỉ tiêu");
  wb.user.protect("Nhiệm vụ");
  expect(wb.user.sheetNames()).toEqual(["Chỉ tiêu", "Nhiệm vụ"]);
  expect(wb.user.sheetInfo("Nhiệm vụ").protection.protected).toBe(true);
  expect(wb.user.grid("Chỉ tiêu")).toEqual([]);
});
