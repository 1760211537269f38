// Values, formulas and number formats as Excel en-US stores and shows them.
import { book, excel, rejection } from "./helpers";

async function write(values: unknown, address = "A1") {
  const wb = book();
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange(address).values = values as unknown[][];
  });
  return wb;
}

describe("shapes", () => {
  test.each([
    ["too few columns", [[1]], "A1:B1"],
    ["too many rows", [[1], [2]], "A1"],
    ["ragged rows", [[1, 2], [3]], "A1:B2"],
    ["a flat array", [1, 2], "A1:B1"],
  ])("%s fails with InvalidArgument", async (_what, values, address) => {
    const e = await rejection(write(values, address));
    expect(e.code).toBe("InvalidArgument");
  });

  test("a single scalar (not an array) fills every cell", async () => {
    const wb = await write(7, "A1:B2");
    expect(wb.user.grid("Sheet1")).toEqual([[7, 7], [7, 7]]);
  });

  test("numberFormat and formulas are held to the same shape", async () => {
    const wb = book();
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").numberFormat = [["0"]];
    }));
    expect(e.code).toBe("InvalidArgument");
    const f = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["=1"], ["=2"], ["=3"]];
    }));
    expect(f.code).toBe("InvalidArgument");
  });

  test("null in the array leaves that cell alone; undefined, NaN and objects are refused", async () => {
    const wb = await write([[1, 2]], "A1:B1");
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, 5]];
    });
    expect(wb.user.grid("Sheet1")).toEqual([[1, 5]]);
    for (const bad of [[[undefined]], [[NaN]], [[{ a: 1 }]], [[new Date(0)]]]) {
      expect((await rejection(write(bad))).code).toBe("InvalidArgument");
    }
  });
});

describe("what a written value becomes", () => {
  test("'=' strings become formulas; formulas show them, values compute them", async () => {
    const wb = await write([[2, 3, "=A1+B1*2", "=SUM(A1:C1)", "=FOO(1)"]], "A1:E1");
    const c = wb.user.cell("Sheet1", "C1");
    expect(c.formula).toBe("=A1+B1*2");
    expect(c.value).toBe(8);
    expect(wb.user.cell("Sheet1", "D1").value).toBe(13);
    expect(wb.user.cell("Sheet1", "E1")).toMatchObject({ value: "#NAME?", type: "Error" });
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C1:D1").load("values, formulas, valueTypes");
      await ctx.sync();
      expect(r.values).toEqual([[8, 13]]);
      expect(r.formulas).toEqual([["=A1+B1*2", "=SUM(A1:C1)"]]);
      expect(r.valueTypes).toEqual([["Double", "Double"]]);
    });
  });

  test("a broken formula is refused", async () => {
    expect((await rejection(write([["=SUM(A1"]]))).code).toBe("InvalidArgument");
  });

  test("a leading apostrophe keeps text as text, without the apostrophe", async () => {
    const wb = await write([["'=x", "'0123"]], "A1:B1");
    expect(wb.user.cell("Sheet1", "A1")).toMatchObject({ value: "=x", formula: null, type: "String" });
    expect(wb.user.cell("Sheet1", "B1").value).toBe("0123");
  });

  test("strings are read as en-US input: 1234.5 and 1,234.5 are numbers, Vietnamese 1.234,5 stays text", async () => {
    const wb = await write([["1234.5", "1,234.5", "1.234,5", "12%", "TRUE", "-abc"]], "A1:F1");
    expect(wb.user.grid("Sheet1")).toEqual([[1234.5, 1234.5, "1.234,5", 0.12, true, "#NAME?"]]);
    expect(wb.user.cell("Sheet1", "D1").numberFormat).toBe("0%");
    expect(wb.user.cell("Sheet1", "F1").formula).toBe("=-abc");
  });

  test("numbers and booleans stay what they are; \"\" clears; 15 significant digits are kept", async () => {
    const wb = await write([[0.1 + 0.2, false, "x"]], "A1:C1");
    expect(wb.user.grid("Sheet1")).toEqual([[0.3, false, "x"]]);
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [[""]];
    });
    expect(wb.user.cell("Sheet1", "C1").type).toBe("Empty");
  });

  test("valueTypes report Double, String, Boolean, Empty and Error", async () => {
    const wb = await write([[1, "a", true, "", "=1/0"]], "A1:E1");
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").load("valueTypes, values");
      await ctx.sync();
      expect(r.valueTypes).toEqual([["Double", "String", "Boolean", "Empty", "Error"]]);
      expect(r.values[0][4]).toBe("#DIV/0!");
    });
  });

  test("references to another sheet compute", async () => {
    const wb = book({ sheets: ["Chỉ tiêu", "Tổng hợp"] });
    wb.user.type("Chỉ tiêu", "B2", "40");
    wb.user.type("Tổng hợp", "A1", "='Chỉ tiêu'!B2/4");
    expect(wb.user.cell("Tổng hợp", "A1").value).toBe(10);
  });
});

describe("text follows the number format (en-US)", () => {
  test.each([
    ["General", 1234.5, "1234.5"],
    ["0", 1234.5, "1235"],
    ["0.00", 2.5, "2.50"],
    ["#,##0", 1234567.8, "1,234,568"],
    ["#,##0.00", -1234.5, "-1,234.50"],
    ["0%", 0.125, "13%"],
    ["0.00%", 0.125, "12.50%"],
    ["@", 12, "12"],
    ["General", 1 / 3, "0.333333333"],
  ])("%s shows %p as %s", async (format, value, shown) => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.numberFormat = [[format]];
      r.values = [[value]];
      r.load("text");
      await ctx.sync();
      expect(r.text).toEqual([[shown]]);
    });
  });
});
