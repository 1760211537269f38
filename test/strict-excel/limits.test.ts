// Counting syncs and request bytes, the request size limit, and requirement sets.
import { createWorkbook } from "../../src/testing/strict-excel";
import { book, excel, rejection } from "./helpers";

describe("counters", () => {
  test("syncs are counted per context and for the workbook, and can be reset", async () => {
    const wb = book();
    let perContext = 0;
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      await ctx.sync();
      perContext = ctx.syncCount;
    });
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      // No explicit sync: Excel.run's final one counts.
    });
    expect(perContext).toBe(2);
    expect(wb.counters.syncs).toBe(3);
    expect(wb.counters.contexts).toBe(2);
    wb.counters.reset();
    expect(wb.counters.syncs).toBe(0);
  });

  test("request bytes grow with the values sent", async () => {
    const wb = book();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, `Nhiệm vụ ${i}`]);
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B10").values = rows(10);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1000").values = rows(1000);
      await ctx.sync();
    });
    const [small, big] = wb.counters.requests.map((r) => r.bytes);
    expect(big).toBeGreaterThan(small * 50);
    expect(wb.counters.maxBytes).toBe(big);
  });
});

describe("request size limit", () => {
  test("a request over maxRequestBytes fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const wb = book({ maxRequestBytes: 20_000 });
    const values = Array.from({ length: 2000 }, (_, i) => [`dòng ${i}`]);
    const e = await rejection(excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B1").values = [["first"]];
      s.getRange("A1:A2000").values = values;
      await ctx.sync();
    }));
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.user.cell("Sheet1", "B1").value).toBe("");
    // The same data in chunks under the limit goes through.
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      for (let i = 0; i < 2000; i += 500) {
        s.getRange(`A${i + 1}:A${i + 500}`).values = values.slice(i, i + 500);
        await ctx.sync();
      }
    });
    expect(wb.user.cell("Sheet1", "A2000").value).toBe("dòng 1999");
    expect(wb.counters.requests.filter((r) => r.ok).every((r) => r.bytes <= 20_000)).toBe(true);
  });

  test("the default limit is Excel on the web's 5 MB", async () => {
    const wb = createWorkbook();
    expect(wb.model.maxRequestBytes).toBe(5 * 1024 * 1024);
  });
});

describe("requirement sets", () => {
  test("isSetSupported answers from the configured sets", () => {
    const wb = book({ requirements: { ExcelApi: "1.8" } });
    const restore = wb.installGlobals(globalThis);
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
      expect(Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
    } finally {
      restore();
    }
  });

  test("the default is ExcelApi 1.17", () => {
    const wb = book();
    expect(wb.model.isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(wb.model.isSetSupported("ExcelApi", "1.18")).toBe(false);
  });

  const uses: [string, string, (s: Excel.Worksheet) => void][] = [
    ["format.indentLevel", "1.8", (s) => (s.getRange("A1").format.indentLevel = 1)],
    ["pageLayout", "1.8", (s) => (s.pageLayout.orientation = "Landscape")],
    ["worksheet.onChanged", "1.6", (s) => void s.onChanged.add(async () => undefined)],
    ["conditionalFormats", "1.5", (s) => void s.getRange("A1").conditionalFormats.add("ContainsText")],
    ["dataValidation", "1.7", (s) => (s.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } })],
    ["format.autofitColumns", "1.1", (s) => s.getRange("A:A").format.autofitColumns()],
    ["freezePanes", "1.6", (s) => s.freezePanes.freezeRows(1)],
    ["charts", "1.0", (s) => void s.charts.add("ColumnClustered", s.getRange("A1:B2"), "Auto")],
  ];
  test.each(uses)("%s on an Excel with ExcelApi %s fails with ApiNotFound", async (_what, version, use) => {
    const wb = book({ requirements: { ExcelApi: version } });
    const e = await rejection(excel(wb, async (ctx) => use(ctx.workbook.worksheets.getItem("Sheet1"))));
    expect(e.code).toBe("ApiNotFound");
  });

  test("the same calls work one version up", async () => {
    for (const [, version, use] of uses) {
      const next = version === "1.0" ? "1.1" : `1.${Number(version.split(".")[1]) + 1}`;
      const wb = book({ requirements: { ExcelApi: next } });
      await excel(wb, async (ctx) => use(ctx.workbook.worksheets.getItem("Sheet1")));
    }
  });

  test("loading a property of a newer set fails too", async () => {
    const wb = book({ requirements: { ExcelApi: "1.8" } });
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.load("indentLevel");
    }));
    expect(e.code).toBe("ApiNotFound");
  });
});
