// Sheet names by Excel's rules, ids that survive renames, positions, deletion, activation and selection.
import { book, excel, rejection } from "./helpers";

describe("sheet names", () => {
  test.each([
    ["empty", ""],
    ["longer than 31 characters", "Kế hoạch phát triển kinh tế xã hội năm 2024"],
    ["a colon", "Q1:2024"],
    ["a slash", "6/2024"],
    ["a backslash", "a\\b"],
    ["a question mark", "Đạt?"],
    ["a star", "A*"],
    ["brackets", "[Tổng]"],
    ["a leading apostrophe", "'Chỉ tiêu"],
    ["a trailing apostrophe", "Chỉ tiêu'"],
    ["the reserved name", "history"],
  ])("%s is refused with InvalidArgument", async (_why, name) => {
    const wb = book();
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.add(name);
    }));
    expect(e.code).toBe("InvalidArgument");
    expect(wb.user.sheetNames()).toEqual(["Sheet1"]);
  });

  test("31 characters and Vietnamese letters are fine", async () => {
    const wb = book();
    const name = "Nhiệm vụ trọng tâm năm 2024 (1)";
    expect([...name].length).toBe(31);
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.add(name);
    });
    expect(wb.user.sheetNames()).toEqual(["Sheet1", name]);
  });

  test("names are unique without regard to case, Vietnamese capitals and Unicode form included", async () => {
    const wb = book({ sheets: ["Chỉ tiêu"] });
    for (const dup of ["CHỈ TIÊU", "chỉ tiêu", "Chỉ tiêu".normalize("NFD")]) {
      const e = await rejection(excel(wb, async (ctx) => {
        ctx.workbook.worksheets.add(dup);
      }));
      expect(e.code).toBe("ItemAlreadyExists");
    }
    // Different marks are a different name.
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.add("Chi tieu");
    });
    expect(wb.user.sheetNames()).toEqual(["Chỉ tiêu", "Chi tieu"]);
  });

  test("renaming to a taken or bad name fails; the user is held to the same rules", async () => {
    const wb = book({ sheets: ["A", "B"] });
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("B").name = "a";
    }));
    expect(e.code).toBe("ItemAlreadyExists");
    expect(() => wb.user.renameSheet("A", "x/y")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });
});

describe("identity and order", () => {
  test("rename keeps the id; the sheet is found by its new name and by its id", async () => {
    const wb = book({ sheets: ["Chỉ tiêu"] });
    const id = await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Chỉ tiêu").load("id");
      await ctx.sync();
      return s.id;
    });
    wb.user.renameSheet("Chỉ tiêu", "Chỉ tiêu 2024");
    await excel(wb, async (ctx) => {
      const byId = ctx.workbook.worksheets.getItem(id).load("name, id");
      await ctx.sync();
      expect(byId.name).toBe("Chỉ tiêu 2024");
      ctx.workbook.worksheets.getItem(id).name = "Chỉ tiêu 2025";
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem("Chỉ tiêu 2025").load("id");
      await ctx.sync();
      expect(again.id).toBe(id);
    });
  });

  test("position can be read and set; delete keeps one visible sheet", async () => {
    const wb = book({ sheets: ["A", "B", "C"] });
    await excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("C").position = 0;
      const b = ctx.workbook.worksheets.getItem("B").load("position");
      await ctx.sync();
      expect(b.position).toBe(2);
      ctx.workbook.worksheets.getItem("A").delete();
      ctx.workbook.worksheets.getItem("B").delete();
      await ctx.sync();
    });
    expect(wb.user.sheetNames()).toEqual(["C"]);
    const e = await rejection(excel(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem("C").delete();
    }));
    expect(e.code).toBe("InvalidOperation");
  });

  test("add() without a name picks the next SheetN; activate and select move the active sheet and selection", async () => {
    const wb = book({ sheets: ["Sheet1", "Sheet2"] });
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.add().load("name");
      await ctx.sync();
      expect(s.name).toBe("Sheet3");
      s.activate();
      s.getRange("B2:C3").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      expect([sel.address, active.name, cell.address]).toEqual(["Sheet3!B2:C3", "Sheet3", "Sheet3!B2"]);
    });
    expect(wb.user.selection()).toBe("Sheet3!B2:C3");
  });

  test("the used range, whole rows and whole columns have Excel's addresses", async () => {
    const wb = book({ sheets: ["Chỉ tiêu"] });
    wb.user.type("Chỉ tiêu", "B3", "1");
    wb.user.type("Chỉ tiêu", "D5", "x");
    await excel(wb, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Chỉ tiêu");
      const used = s.getUsedRange().load("address, rowIndex, columnIndex, rowCount, columnCount");
      const col = s.getRange("B:B").load("address, isEntireColumn");
      const row = s.getRange("3:3").load("address");
      const idx = s.getRangeByIndexes(2, 1, 3, 3).load("address");
      const cell = s.getCell(4, 3).load("values");
      await ctx.sync();
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual(["'Chỉ tiêu'!B3:D5", 2, 1, 3, 3]);
      expect([col.address, col.isEntireColumn, row.address]).toEqual(["'Chỉ tiêu'!B:B", true, "'Chỉ tiêu'!3:3"]);
      expect(idx.address).toBe("'Chỉ tiêu'!B3:D5");
      expect(cell.values).toEqual([["x"]]);
    });
  });
});
