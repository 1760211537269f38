// A figure Excel turned into a date is a slip, read the same from Office.js (a serial) and from a file (ExcelJS's Date, as yyyy-mm-dd).
import { isDateFormat, readFigure } from "../../src/core/validate/figures";
import { message } from "../../src/core/messages";

const ctx = { sheet: "Chỉ tiêu", cell: "H10", target: "3", unit: "tiêu chí", name: "Số tiêu chí", refs: [7], textOnly: false };

test("a date serial and the file reader's ISO date give one issue, naming both texts", () => {
  const live = readFigure({ value: 45481, numFmt: "d-mmm" }, ctx);
  const file = readFigure({ value: "2024-07-08", numFmt: "d-mmm" }, ctx);
  expect(live.issues.map((i) => i.code)).toEqual(["value.date"]);
  expect(file.issues).toEqual(live.issues);
  expect(live.figure.kind).toBe("bad");
  expect(live.issues[0].params).toEqual({ day: 8, month: 7, typed: "8-7", alternative: "7-8" });
  expect(message(live.issues[0])).toContain("08/07");
});

test("only date formats count: a number in a number format stays a figure", () => {
  expect(isDateFormat("d-mmm")).toBe(true);
  expect(isDateFormat("m/d/yyyy")).toBe(true);
  expect(isDateFormat("#,##0.###")).toBe(false);
  expect(isDateFormat('0.0 "người"')).toBe(false);
  expect(isDateFormat("[Red]0.00%")).toBe(false);
  expect(readFigure({ value: 7, numFmt: "#,##0.###" }, ctx).issues).toEqual([]);
});
