// Validation, conditional formats, charts, page layout, panes, settings, borders, merges, clearing.
import { book, excel, rejection } from "./helpers";

describe("data validation", () => {
  test("valid is computed from the cells and the rule; formulas are relative to the rule's first cell", async () => {
    const wb = book();
    wb.user.type("Sheet1", "B1", "10");
    wb.user.type("Sheet1", "B2", "2.5");
    wb.user.type("Sheet1", "C1", "x");
    wb.user.type("Sheet1", "C2", "");
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B1:B2").dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: "Between" } };
      s.getRange("C1:C2").dataValidation.rule = { list: { inCellDropDown: true, source: "x,y" } };
      s.getRange("D1:D2").dataValidation.rule = { custom: { formula: "=ISNUMBER(B1)" } };
      const b = s.getRange("B1:B2").dataValidation.load("valid, type, rule");
      const b1 = s.getRange("B1").dataValidation.load("valid");
      const c = s.getRange("C1:C2").dataValidation.load("valid");
      await ctx.sync();
      expect([b.valid, b.type, b1.valid, c.valid]).toEqual([false, "WholeNumber", true, true]);
      expect(b.rule.wholeNumber?.formula2).toBe(100);
    });
    wb.user.type("Sheet1", "D2", "z");
    expect(wb.user.cell("Sheet1", "D2").valid).toBe(true);
    expect(wb.user.cell("Sheet1", "D1").valid).toBe(true);
    // A co-author's text in B2 gets past B2's own rule (no alert on their side) and breaks D2's.
    wb.user.remoteEdit("Sheet1", "B2", "abc");
    expect(wb.user.cell("Sheet1", "B2").valid).toBe(false);
    expect(wb.user.cell("Sheet1", "D2").valid).toBe(false);
  });

  test("a rule with two kinds, or missing fields, is refused; clear() removes the rule", async () => {
    const wb = book();
    for (const rule of [
      { wholeNumber: { formula1: 0, operator: "GreaterThan" }, decimal: { formula1: 0, operator: "GreaterThan" } },
      { wholeNumber: { formula1: 0, operator: "Between" } },
      { list: { inCellDropDown: true, source: "" } },
    ] as Excel.DataValidationRule[]) {
      expect((await rejection(excel(wb, async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = rule)))).code).toBe("InvalidArgument");
    }
    await excel(wb, async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
      dv.rule = { decimal: { formula1: 0, operator: "GreaterThan" } };
      dv.clear();
      const t = dv.load("type");
      await ctx.sync();
      expect(t.type).toBe("None");
    });
  });
});

describe("conditional formats", () => {
  test("add(type) with its rule and format is stored; the wrong sub-object is refused; clearAll empties", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("F5:F20");
      const text = r.conditionalFormats.add("ContainsText");
      text.textComparison.rule = { operator: "Contains", text: "Không đạt" };
      text.textComparison.format.font.color = "#C00000";
      const value = r.conditionalFormats.add("CellValue");
      value.cellValue.rule = { formula1: "=100", operator: "GreaterThanOrEqual" };
      value.cellValue.format.fill.color = "#C6EFCE";
      const custom = r.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$E5<$D5";
      custom.custom.format.font.bold = true;
      custom.custom.format.numberFormat = "#,##0.0###";
      const n = r.conditionalFormats.getCount();
      await ctx.sync();
      expect(n.value).toBe(3);
    });
    expect(wb.user.sheetInfo("Sheet1").conditionalFormats).toEqual([
      { address: "F5:F20", type: "Custom", rule: { formula: "=$E5<$D5" }, format: { bold: true, numberFormat: "#,##0.0###" } },
      { address: "F5:F20", type: "CellValue", rule: { formula1: "=100", operator: "GreaterThanOrEqual" }, format: { fillColor: "#C6EFCE" } },
      { address: "F5:F20", type: "ContainsText", rule: { operator: "Contains", text: "Không đạt" }, format: { fontColor: "#C00000" } },
    ]);
    const e = await rejection(excel(wb, async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("CellValue");
      cf.textComparison.rule = { operator: "Contains", text: "x" };
    }));
    expect(e.code).toBe("InvalidOperation");
    await excel(wb, async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Sheet1").getRange("F1:F30").conditionalFormats;
      cfs.clearAll();
      cfs.load("items");
      await ctx.sync();
      expect(cfs.items).toEqual([]);
    });
  });
});

describe("charts, page layout, panes", () => {
  test("a chart keeps its type, source, title, position and colours", async () => {
    const wb = book({ sheets: ["Báo cáo"] });
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Báo cáo");
      s.getRange("A1:B4").values = [["", "Số lượng"], ["Đạt", 10], ["Vượt", 4], ["Không đạt", 2]];
      const chart = s.charts.add("Pie", s.getRange("A1:B4"), "Columns");
      chart.title.text = "Kết quả thực hiện";
      chart.setPosition("D2", "J18");
      chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("#C00000");
      chart.load("name");
      await ctx.sync();
      expect(chart.name).toBe("Chart 1");
    });
    expect(wb.user.sheetInfo("Báo cáo").charts).toEqual([{
      name: "Chart 1", type: "Pie", title: "Kết quả thực hiện", seriesBy: "Columns", position: { start: "D2", end: "J18" },
      source: "'Báo cáo'!A1:B4", seriesFill: {}, pointFill: { "0:2": "#C00000" },
    }]);
    expect((await rejection(excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Báo cáo");
      s.charts.add("PieChart" as Excel.ChartType, s.getRange("A1:B4"), "Auto");
    }))).code).toBe("InvalidArgument");
  });

  test("page layout and print titles; frozen rows reported by getLocationOrNullObject", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const none = s.freezePanes.getLocationOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      s.pageLayout.orientation = "Landscape";
      s.pageLayout.paperSize = "A4";
      s.pageLayout.leftMargin = 36;
      s.pageLayout.setPrintTitleRows("$4:$5");
      s.freezePanes.freezeRows(5);
      const loc = s.freezePanes.getLocationOrNullObject().load("address");
      const pl = s.pageLayout.load("orientation, paperSize, leftMargin");
      await ctx.sync();
      expect([loc.isNullObject, loc.address]).toEqual([false, "Sheet1!1:5"]);
      expect([pl.orientation, pl.paperSize, pl.leftMargin]).toEqual(["Landscape", "A4", 36]);
    });
    expect(wb.user.sheetInfo("Sheet1")).toMatchObject({ frozen: { rows: 5, cols: 0 }, pageLayout: { printTitleRows: "4:5" } });
    expect((await rejection(excel(wb, async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Sideways" as Excel.PageOrientation)))).code).toBe("InvalidArgument");
  });
});

describe("settings", () => {
  test("add, read back, overwrite and delete JSON values; getItem of a missing key fails", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      ctx.workbook.settings.add("ktxh.plan", { id: "binh-son-2024", rows: [1, 2] });
      const s = ctx.workbook.settings.getItem("ktxh.plan").load("value, key");
      await ctx.sync();
      expect(s.value).toEqual({ id: "binh-son-2024", rows: [1, 2] });
      s.value = "v2";
      ctx.workbook.settings.load("items/key");
      await ctx.sync();
      expect(ctx.workbook.settings.items.map((i) => i.key)).toEqual(["ktxh.plan"]);
    });
    expect(wb.user.settings()).toEqual({ "ktxh.plan": "v2" });
    expect((await rejection(excel(wb, async (ctx) => void ctx.workbook.settings.getItem("nope").load("value")))).code).toBe("ItemNotFound");
    expect((await rejection(excel(wb, async (ctx) => void ctx.workbook.settings.add("bad", () => 1)))).code).toBe("InvalidArgument");
    await excel(wb, async (ctx) => ctx.workbook.settings.getItem("ktxh.plan").delete());
    expect(wb.user.settings()).toEqual({});
  });
});

describe("formats", () => {
  test("font, fill, alignment, wrap, indent and borders read back; mixed ranges read null", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C3");
      r.format.font.name = "Times New Roman";
      r.format.font.size = 13;
      r.format.font.color = "red";
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.getCell(0, 0).format.indentLevel = 2;
      r.format.borders.getItem("EdgeBottom").style = "Continuous";
      r.format.borders.getItem("InsideHorizontal").style = "Dash";
      const f = r.format.load("wrapText, horizontalAlignment, indentLevel");
      const font = r.format.font.load("name, size, color");
      const bottom = r.format.borders.getItem("EdgeBottom").load("style");
      const inside = r.format.borders.getItem("InsideHorizontal").load("style");
      const top = r.format.borders.getItem("EdgeTop").load("style");
      await ctx.sync();
      expect([f.wrapText, f.horizontalAlignment, f.indentLevel]).toEqual([true, "Center", null]);
      expect([font.name, font.size, font.color]).toEqual(["Times New Roman", 13, "#FF0000"]);
      expect([bottom.style, inside.style, top.style]).toEqual(["Continuous", "Dash", "None"]);
    });
    expect(wb.user.cell("Sheet1", "A1").indentLevel).toBe(2);
    expect(wb.user.cell("Sheet1", "B3").format["border.EdgeBottom.style"]).toBe("Continuous");
    expect(wb.user.cell("Sheet1", "B2").format["border.EdgeTop.style"]).toBe("Dash");
  });

  test("bad format values are refused", async () => {
    const wb = book();
    const bad: ((r: Excel.Range) => void)[] = [
      (r) => (r.format.font.color = "đỏ"),
      (r) => (r.format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment),
      (r) => (r.format.font.size = 0),
      (r) => (r.format.borders.getItem("EdgeTop").weight = "Bold" as Excel.BorderWeight),
    ];
    for (const f of bad) {
      expect((await rejection(excel(wb, async (ctx) => f(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1"))))).code).toBe("InvalidArgument");
    }
  });

  test("autofitColumns widens a column to its longest text; merge keeps the top-left value; clear empties", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B2").values = [["Tăng trưởng kinh tế (GRDP)", "b"], ["c", "d"]];
      s.getRange("A:B").format.autofitColumns();
      s.getRange("A1:B1").merge();
      s.getRange("A2:B2").clear("Contents");
    });
    const info = wb.user.sheetInfo("Sheet1");
    expect(info.columnWidths.A).toBeGreaterThan(info.columnWidths.B * 5);
    expect(info.merges).toEqual(["A1:B1"]);
    expect(wb.user.grid("Sheet1", "A1:B2")).toEqual([["Tăng trưởng kinh tế (GRDP)", ""], ["", ""]]);
  });

  test("a whole-column number format applies to cells written later", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("D:D").numberFormat = "#,##0.00" as unknown as string[][];
      s.getRange("D7").values = [[1284.679]];
      const t = s.getRange("D7").load("text");
      await ctx.sync();
      expect(t.text).toEqual([["1,284.68"]]);
    });
  });

  test("sort.apply sorts the rows of a range by a key column", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B4");
      r.values = [["Tên", "Số"], ["c", 3], ["a", 1], ["b", 2]];
      r.sort.apply([{ key: 1, ascending: false }], false, true);
    });
    expect(wb.user.grid("Sheet1")).toEqual([["Tên", "Số"], ["c", 3], ["b", 2], ["a", 1]]);
  });
});
