// Sheet protection: locked cells refuse values and formats, unlocked cells take them, structure is frozen.
import { book, excel, rejection } from "./helpers";

async function protectedBook(options?: Excel.WorksheetProtectionOptions) {
  const wb = book({ sheets: ["Chỉ tiêu"] });
  await excel(wb, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Chỉ tiêu");
    s.getRange("A1:C3").values = [["STT", "Chỉ tiêu", "Thực hiện"], ["1", "GRDP", ""], ["2", "Thu ngân sách", ""]];
    s.getRange("C2:C3").format.protection.locked = false;
    s.protection.protect(options);
    const p = s.protection.load("protected");
    await ctx.sync();
    expect(p.protected).toBe(true);
  });
  return wb;
}

test("writing a locked cell of a protected sheet fails at sync with AccessDenied", async () => {
  const wb = await protectedBook();
  const e = await rejection(excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("B2").values = [["GDP"]];
  }));
  expect(e.code).toBe("AccessDenied");
  expect(wb.user.cell("Chỉ tiêu", "B2").value).toBe("GRDP");
});

test("unlocked cells take values and formats", async () => {
  const wb = await protectedBook();
  await excel(wb, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("C2:C3");
    r.values = [[7.5], [1200]];
    r.numberFormat = [["0.0"], ["#,##0"]];
    r.format.font.bold = true;
  });
  expect(wb.user.grid("Chỉ tiêu", "C2:C3")).toEqual([[7.5], [1200]]);
  expect(wb.user.cell("Chỉ tiêu", "C3")).toMatchObject({ text: "1,200", bold: true });
});

test("a range that mixes locked and unlocked cells is refused whole", async () => {
  const wb = await protectedBook();
  const e = await rejection(excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("B2:C2").values = [["x", 1]];
  }));
  expect(e.code).toBe("AccessDenied");
  expect(wb.user.cell("Chỉ tiêu", "C2").value).toBe("");
});

test("formats of locked cells, locking itself, and structure changes are refused", async () => {
  const wb = await protectedBook();
  const attempts: ((s: Excel.Worksheet) => void)[] = [
    (s) => (s.getRange("A1").format.fill.color = "#FFFF00"),
    (s) => (s.getRange("C2").format.protection.locked = true),
    (s) => s.getRange("3:3").insert("Down"),
    (s) => s.getRange("2:2").delete("Up"),
    (s) => (s.getRange("C:C").format.columnWidth = 100),
    (s) => s.getRange("A1:B1").merge(),
    (s) => (s.getRange("C2:C3").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } }),
  ];
  for (const act of attempts) {
    const e = await rejection(excel(wb, async (ctx) => act(ctx.workbook.worksheets.getItem("Chỉ tiêu"))));
    expect(e.code).toBe("AccessDenied");
  }
  expect(wb.user.cell("Chỉ tiêu", "A1").fill).toBe("#FFFFFF");
});

test("protection options allow what they name", async () => {
  const wb = await protectedBook({ allowInsertRows: true, allowFormatColumns: true });
  await excel(wb, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Chỉ tiêu");
    s.getRange("3:3").insert("Down");
    s.getRange("C:C").format.columnWidth = 100;
  });
  expect(wb.user.grid("Chỉ tiêu", "A4")).toEqual([[2]]);
  expect(wb.user.sheetInfo("Chỉ tiêu").columnWidths).toEqual({ C: 100 });
});

test("protecting twice is an InvalidOperation; unprotect lifts it; a password must match", async () => {
  const wb = book();
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").protection.protect({}, "mật khẩu");
  });
  expect((await rejection(excel(wb, async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.protect()))).code).toBe("InvalidOperation");
  expect((await rejection(excel(wb, async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("sai")))).code).toBe("InvalidArgument");
  await excel(wb, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.protection.unprotect("mật khẩu");
    s.getRange("A1").values = [[1]];
  });
  expect(wb.user.cell("Sheet1", "A1").value).toBe(1);
});

test("the user cannot type into a locked cell but can into an unlocked one", async () => {
  const wb = await protectedBook();
  expect(() => wb.user.type("Chỉ tiêu", "B2", "x")).toThrow(expect.objectContaining({ reason: "protected" }));
  wb.user.type("Chỉ tiêu", "C2", "6.5");
  expect(wb.user.cell("Chỉ tiêu", "C2").value).toBe(6.5);
  expect(() => wb.user.insertRows("Chỉ tiêu", 2)).toThrow(expect.objectContaining({ code: "AccessDenied" }));
});
