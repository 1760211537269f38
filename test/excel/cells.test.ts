import { normalAddress, parseArea } from "../../src/core/address";
import { cellInput, gridFrom, rowBlocks, widthPoints } from "../../src/hosts/excel/cells";
import { freeName } from "../../src/hosts/excel/load";
import { OwnWrites } from "../../src/hosts/excel/own-writes";

describe("what the Office.js host writes into cells", () => {
  test.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+84 255 3851", "'+84 255 3851"],
    ["- Ngành Nông, lâm, thủy sản", "'- Ngành Nông, lâm, thủy sản"],
    ["1.600", "'1.600"],
    ["7-8", "'7-8"],
    ["100% theo chỉ tiêu cấp trên giao", "'100% theo chỉ tiêu cấp trên giao"],
    ["TRUE", "'TRUE"],
    ["'đã có dấu nháy", "''đã có dấu nháy"],
    ["khoảng 25.224", "khoảng 25.224"],
    [">80", ">80"],
  ])("text %j is written as %j so that it stays text", (text, written) => {
    expect(cellInput(text)).toBe(written);
  });

  test("numbers stay numbers and empty cells are cleared", () => {
    expect(cellInput(1284.679)).toBe(1284.679);
    expect(cellInput(null)).toBe("");
  });

  test("a used range that starts below and right of A1 is padded into sheet coordinates", () => {
    const grid = gridFrom([["a", "", 3], [true, null, "x"]], 2, 1);
    expect(grid).toHaveLength(4);
    expect(grid[2]).toEqual([null, "a", null, 3]);
    expect(grid[3]).toEqual([null, "TRUE", null, "x"]);
  });

  test("addresses from events are compared without sheet names and dollar signs", () => {
    expect(normalAddress("'Chỉ tiêu'!$F$9:$F$12")).toBe("F9:F12");
    expect(parseArea("Sheet1!F9:F12")).toEqual({ row: 8, col: 5, rows: 4, cols: 1 });
    expect(parseArea("AA1")).toEqual({ row: 0, col: 26, rows: 1, cols: 1 });
    expect(parseArea("A:A")).toBeNull();
  });

  test("row blocks split only where the budget is passed", () => {
    expect(rowBlocks([10, 10, 10], 100)).toEqual([{ from: 0, to: 3 }]);
    expect(rowBlocks([40, 40, 40, 40], 100)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 4 }]);
    // A single row bigger than the budget still goes, alone.
    expect(rowBlocks([150, 10], 100)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2 }]);
  });

  test("column widths in characters become points", () => {
    expect(widthPoints(10)).toBeCloseTo(56.25, 2);
    expect(widthPoints(38)).toBeGreaterThan(widthPoints(12));
  });

  test("a new sheet never takes a name in use, whatever its case", () => {
    expect(freeName("Chỉ tiêu", ["Sheet1"])).toBe("Chỉ tiêu");
    expect(freeName("Chỉ tiêu", ["CHỈ TIÊU", "Chỉ tiêu (2)"])).toBe("Chỉ tiêu (3)");
  });

  test("an event is recognised as the echo of our own write once, and only on the same sheet", () => {
    let now = 0;
    const own = new OwnWrites(() => now);
    own.note("s1", { row: 8, col: 5, rows: 1, cols: 3 });
    expect(own.consume("s2", "F9:H9")).toBe(false);
    expect(own.consume("s1", "$F$9:$H$9")).toBe(true);
    expect(own.consume("s1", "F9:H9")).toBe(false);
    own.note("s1", { row: 0, col: 0, rows: 1, cols: 1 });
    now = 60_000;
    expect(own.consume("s1", "A1")).toBe(false);
  });
});
