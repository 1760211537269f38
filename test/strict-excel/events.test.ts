// Events: registered at sync, raised after the change with who made it, and args that reach the range.
import { book, excel } from "./helpers";

type Seen = Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType" | "source" | "triggerSource" | "worksheetId">;

async function watch(wb: ReturnType<typeof book>, sheet: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
      seen.push({ address: e.address, changeType: e.changeType, source: e.source, triggerSource: e.triggerSource, worksheetId: e.worksheetId });
    });
    await ctx.sync();
  });
  return seen;
}

test("a registration only counts once synced", async () => {
  const wb = book();
  const ctx = wb.newContext();
  ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => undefined);
  expect(wb.model.events.count(`changed:${wb.model.sheets[0].id}`)).toBe(0);
  await ctx.sync();
  expect(wb.model.events.count(`changed:${wb.model.sheets[0].id}`)).toBe(1);
});

test("typing, a co-author's edit and the add-in's own write each raise onChanged with their source", async () => {
  const wb = book({ sheets: ["Chỉ tiêu"] });
  const seen = await watch(wb, "Chỉ tiêu");
  wb.user.type("Chỉ tiêu", "E7", "1.234,5");
  wb.user.remoteEdit("Chỉ tiêu", "E8", "12");
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("E9:E10").values = [[1], [2]];
  });
  expect(seen).toEqual([]);
  await wb.settle();
  const id = wb.model.sheets[0].id;
  expect(seen).toEqual([
    { address: "E7", changeType: "RangeEdited", source: "Local", triggerSource: "Unknown", worksheetId: id },
    { address: "E8", changeType: "RangeEdited", source: "Remote", triggerSource: "Unknown", worksheetId: id },
    { address: "E9:E10", changeType: "RangeEdited", source: "Local", triggerSource: "ThisLocalAddin", worksheetId: id },
  ]);
  expect(wb.user.cell("Chỉ tiêu", "E7")).toMatchObject({ value: "1.234,5", type: "String" });
});

test("inserted and deleted rows are reported with their change type", async () => {
  const wb = book();
  const seen = await watch(wb, "Sheet1");
  wb.user.insertRows("Sheet1", 3, 2);
  wb.user.deleteRows("Sheet1", 1);
  await wb.settle();
  expect(seen.map((s) => [s.changeType, s.address])).toEqual([["RowInserted", "3:4"], ["RowDeleted", "1:1"]]);
});

test("the handler can read the changed range in a new batch; details carry the single cell's values", async () => {
  const wb = book({ sheets: ["Chỉ tiêu"] });
  wb.user.type("Chỉ tiêu", "B2", "5");
  const read: unknown[] = [];
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Chỉ tiêu").onChanged.add(async (e) => {
      read.push(e.details);
      await excel(wb, async (c) => {
        const r = e.getRange(c).load("values, address");
        await c.sync();
        read.push(r.address, r.values);
      });
    });
  });
  wb.user.type("Chỉ tiêu", "B2", "7");
  await wb.settle();
  expect(read).toEqual([
    { valueBefore: 5, valueAfter: 7, valueTypeBefore: "Double", valueTypeAfter: "Double" },
    "'Chỉ tiêu'!B2",
    [[7]],
  ]);
});

test("removing a handler stops it; events of other sheets do not reach it", async () => {
  const wb = book({ sheets: ["A", "B"] });
  let calls = 0;
  const handler = async () => void (calls += 1);
  const ctx = wb.newContext();
  const reg = ctx.workbook.worksheets.getItem("A").onChanged.add(handler);
  await ctx.sync();
  wb.user.type("B", "A1", "1");
  wb.user.type("A", "A1", "1");
  await wb.settle();
  expect(calls).toBe(1);
  reg.remove();
  await ctx.sync();
  wb.user.type("A", "A1", "2");
  await wb.settle();
  expect(calls).toBe(1);
});

test("collection events: onAdded, onDeleted and onChanged for every sheet", async () => {
  const wb = book();
  const log: string[] = [];
  await excel(wb, async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.onAdded.add(async (e) => void log.push(`added ${e.source}`));
    sheets.onDeleted.add(async (e) => void log.push(`deleted ${e.source}`));
    sheets.onChanged.add(async (e) => void log.push(`changed ${e.address}`));
  });
  wb.user.addSheet("Nhiệm vụ");
  wb.user.type("Nhiệm vụ", "C3", "x");
  await excel(wb, async (ctx) => ctx.workbook.worksheets.getItem("Nhiệm vụ").delete());
  await wb.settle();
  expect(log).toEqual(["added Local", "changed C3", "deleted Local"]);
});

test("errors thrown by handlers are kept for the test, not lost", async () => {
  const wb = book();
  await excel(wb, async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => {
      throw new Error("handler bug");
    });
  });
  wb.user.type("Sheet1", "A1", "1");
  await wb.settle();
  expect(wb.handlerErrors).toEqual([new Error("handler bug")]);
});
