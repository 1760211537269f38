// The culture typing is read in (application.cultureInfo, ExcelApi 1.11), typed dates, the Text format, cell-edit mode.
import { book, excel, rejection } from "./helpers";

describe("culture", () => {
  test("cultureInfo reports the separators of the culture (ExcelApi 1.11)", async () => {
    for (const [culture, decimal, group] of [["en-US", ".", ","], ["vi-VN", ",", "."]] as const) {
      const wb = book({ culture });
      const got = await excel(wb, async (ctx) => {
        const nf = ctx.application.cultureInfo.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
        const ci = ctx.application.cultureInfo.load("name");
        await ctx.sync();
        return [ci.name, nf.numberDecimalSeparator, nf.numberGroupSeparator];
      });
      expect(got).toEqual([culture, decimal, group]);
    }
  });

  test("cultureInfo needs ExcelApi 1.11", async () => {
    const wb = book({ requirements: { ExcelApi: "1.10" } });
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.application.cultureInfo.numberFormat.load("numberDecimalSeparator");
      await ctx.sync();
    }));
    expect(e.code).toBe("ApiNotFound");
  });

  test.each([
    ["en-US", "1.600", 1.6],
    ["en-US", "1,600", 1600],
    ["en-US", "1.234,5", "1.234,5"],
    ["vi-VN", "1.600", 1600],
    ["vi-VN", "1,6", 1.6],
    ["vi-VN", "1.234,5", 1234.5],
    ["vi-VN", "1,234.5", "1,234.5"],
    ["vi-VN", "36%", 0.36],
  ] as const)("%s reads typed %s as %p", (culture, text, value) => {
    const wb = book({ culture });
    wb.user.type("Sheet1", "A1", text);
    expect(wb.user.cell("Sheet1", "A1").value).toBe(value);
  });

  test("typed day-month text becomes a date serial with a date format, in the culture's order", () => {
    const en = book({ culture: "en-US", year: 2024 });
    en.user.type("Sheet1", "A1", "7-8");
    en.user.type("Sheet1", "A2", "1/2");
    // 8 July 2024 and 2 January 2024.
    expect(en.user.cell("Sheet1", "A1")).toMatchObject({ value: 45481, numberFormat: "d-mmm", text: "8-Jul", type: "Double" });
    expect(en.user.cell("Sheet1", "A2")).toMatchObject({ value: 45293, text: "2-Jan" });
    const vi = book({ culture: "vi-VN", year: 2024 });
    vi.user.type("Sheet1", "A1", "7-8");
    // 7 August 2024.
    expect(vi.user.cell("Sheet1", "A1")).toMatchObject({ value: 45511, text: "7-Aug" });
    // Not a date: 13 is no month in en-US, "7-8 tiêu chí" is text.
    en.user.type("Sheet1", "B1", "13-5");
    en.user.type("Sheet1", "B2", "7-8 tiêu chí");
    expect(en.user.cell("Sheet1", "B1").type).toBe("String");
    expect(en.user.cell("Sheet1", "B2").type).toBe("String");
  });

  test("values written through the API are read the same way", async () => {
    const wb = book({ culture: "en-US", year: 2024 });
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["7-8", "'7-8"]];
    });
    expect(wb.user.cell("Sheet1", "A1").value).toBe(45481);
    expect(wb.user.cell("Sheet1", "B1").value).toBe("7-8");
  });
});

describe("the Text format (@)", () => {
  test("keeps typed and written text exactly, a leading apostrophe included", async () => {
    const wb = book({ year: 2024 });
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E1");
      r.numberFormat = [["@", "@", "@", "@", "@"]];
      r.values = [["7-8", "1.600", "=1+1", "'>80", ">80"]];
    });
    expect(wb.user.grid("Sheet1")[0]).toEqual(["7-8", "1.600", "=1+1", "'>80", ">80"]);
    expect(wb.user.cell("Sheet1", "C1").formula).toBeNull();
    wb.user.type("Sheet1", "A1", "1/2");
    expect(wb.user.cell("Sheet1", "A1").value).toBe("1/2");
  });
});

describe("cell-edit mode", () => {
  test("a request while the user edits a cell fails with InvalidOperationInCellEditMode; after Enter it works", async () => {
    const wb = book();
    const write = () => excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    wb.user.startEditing();
    expect((await rejection(write())).code).toBe("InvalidOperationInCellEditMode");
    expect(wb.user.cell("Sheet1", "A1").value).toBe("");
    wb.user.finishEditing();
    await write();
    expect(wb.user.cell("Sheet1", "A1").value).toBe(1);
  });
});

describe("page zoom", () => {
  test("a scale of 10–400 or whole pages to fit; 0 pages (undocumented) fails the batch", async () => {
    const wb = book();
    const zoom = (z: Excel.PageLayoutZoomOptions) => excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = z;
      await ctx.sync();
    });
    await zoom({ scale: 80 });
    await zoom({ horizontalFitToPages: 1, verticalFitToPages: 2 });
    expect((await rejection(zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 }))).code).toBe("InvalidArgument");
    expect((await rejection(zoom({ scale: 5 }))).code).toBe("InvalidArgument");
  });
});
