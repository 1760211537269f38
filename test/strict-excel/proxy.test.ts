// Load/sync rules of the proxy layer: reads need load + sync, writes wait for sync, a failing operation
// rejects the sync and drops what was queued after it, null objects, Excel.run's own rules.
import { book, excel, rejection, thrown } from "./helpers";

describe("reading properties", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await ctx.sync();
      const e = thrown(() => r.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toContain("The property 'values' is not available");
    });
  });

  test("a loaded property is unreadable until the sync", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      expect(thrown(() => r.values).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
    });
  });

  test("load accepts a comma list, an array, {select} and object forms, each loading only what it names", async () => {
    const wb = book();
    wb.user.type("Sheet1", "A1", "5");
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const a = s.getRange("A1").load("values, address");
      const b = s.getRange("A1").load(["numberFormat"]);
      const c = s.getRange("A1").load({ select: "rowIndex,columnCount" });
      const d = s.getRange("A1").load({ format: { font: { bold: true } } });
      const e = s.getRange("A1").load("format/fill/color");
      await ctx.sync();
      expect([a.values, a.address]).toEqual([[[5]], "Sheet1!A1"]);
      expect(thrown(() => a.text).code).toBe("PropertyNotLoaded");
      expect(b.numberFormat).toEqual([["General"]]);
      expect([c.rowIndex, c.columnCount]).toEqual([0, 1]);
      expect(d.format.font.bold).toBe(false);
      expect(thrown(() => d.format.font.italic).code).toBe("PropertyNotLoaded");
      expect(e.format.fill.color).toBe("#FFFFFF");
    });
  });

  test("loaded values are those of the sync that loaded them", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[1]];
      r.load("values");
      r.values = [[2]];
      await ctx.sync();
      // The load ran between the two writes.
      expect(r.values).toEqual([[1]]);
      wb.user.type("Sheet1", "A1", "3");
      expect(r.values).toEqual([[1]]);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[3]]);
    });
  });

  test("collections load their items and the item properties asked for", async () => {
    const wb = book({ sheets: ["Chỉ tiêu", "Nhiệm vụ"] });
    await excel(wb, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Chỉ tiêu", "Nhiệm vụ"]);
      expect(thrown(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
    });
  });

  test("loading a property that does not exist fails the sync", async () => {
    const wb = book();
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuez");
      await ctx.sync();
    }));
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("the batch", () => {
  test("writes are applied at sync, not before", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      expect(wb.user.cell("Sheet1", "A1").value).toBe("");
      await ctx.sync();
      expect(wb.user.cell("Sheet1", "A1").value).toBe("x");
    });
  });

  test("a failing operation rejects the sync: earlier operations stay, later ones are dropped, loads are not delivered", async () => {
    const wb = book();
    const ctx = wb.newContext();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1").values = [["before"]];
    const probe = s.getRange("A1").load("values");
    s.getRange("A2:B2").values = [[1, 2, 3]];
    s.getRange("A3").values = [["after"]];
    const e = await rejection(ctx.sync());
    expect(e.code).toBe("InvalidArgument");
    expect(e.name).toBe("RichApi.Error");
    expect(wb.user.grid("Sheet1", "A1:A3")).toEqual([["before"], [""], [""]]);
    expect(thrown(() => probe.values).code).toBe("PropertyNotLoaded");
    // The queue is empty afterwards: the next sync applies nothing of the failed batch.
    await ctx.sync();
    expect(wb.user.cell("Sheet1", "A3").value).toBe("");
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound, only when used", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Không có");
      await ctx.sync();
    });
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
      await ctx.sync();
    }));
    expect(e.code).toBe("ItemNotFound");
  });

  test("Excel.run syncs what is still queued when the batch returns, and nothing if it throws", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["kept"]];
    });
    expect(wb.user.cell("Sheet1", "A1").value).toBe("kept");
    await expect(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["lost"]];
      throw new Error("host bug");
    })).rejects.toThrow("host bug");
    expect(wb.user.cell("Sheet1", "A1").value).toBe("kept");
  });

  test("a batch that returns no promise is refused", async () => {
    const wb = book();
    const noPromise = (() => undefined) as unknown as (c: unknown) => Promise<void>;
    const e = await rejection(wb.run(noPromise));
    expect(e.code).toBe("RunMustReturnPromise");
  });

  test("objects of a finished Excel.run cannot be used again", async () => {
    const wb = book();
    let kept: Excel.Range | null = null;
    await excel(wb, async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    });
    expect(thrown(() => ((kept as unknown as Excel.Range).values = [[1]])).code).toBe("InvalidObjectPath");
  });

  test("ClientResult values exist after the sync only", async () => {
    const wb = book({ sheets: ["A", "B"] });
    await excel(wb, async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(thrown(() => n.value).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });
});

describe("null objects", () => {
  test("getItemOrNullObject: isNullObject after sync, true for a missing sheet, false for a present one", async () => {
    const wb = book({ sheets: ["Chỉ tiêu"] });
    await excel(wb, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nhiệm vụ");
      const present = ctx.workbook.worksheets.getItemOrNullObject("CHỈ TIÊU");
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("loading a null object gives null properties; acting on it fails", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject().load("address");
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(used.address).toBeNull();
      used.values = [[1]];
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });

  test("setting getItemOrNullObject returns a null object for a missing key", async () => {
    const wb = book();
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.settings.getItemOrNullObject("ktxh.plan");
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
    });
  });
});
