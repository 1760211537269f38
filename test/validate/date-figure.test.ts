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

describe("a figure put back from a date only when it is near the row's plan (issue 15 fixes, point 2)", () => {
  const vi = { name: "vi-VN", decimal: "," as const, group: "." };
  // "6/7" typed in a vi-VN Excel: 6 July, serial 45479 (2024), shown d-mmm.
  const sixSeven = { value: 45479, numFmt: "d-mmm" };
  const count = { sheet: "Chỉ tiêu", cell: "H20", target: "11", unit: "trường", name: "Số trường đạt chuẩn Quốc gia", textOnly: false, culture: vi };

  test("in a row planned at 01, 6-7 is not put back: no fix, the officer is asked to type the number again", () => {
    const r = readFigure(sixSeven, { ...count, refs: [1] });
    expect(r.figure.kind).toBe("bad");
    expect(r.issues.map((i) => [i.code, i.fix ?? null])).toEqual([["value.date", null]]);
    expect(r.issues[0].params).toMatchObject({ typed: "6-7", retype: true });
    expect(r.issues[0].params.restore).toBeUndefined();
    const m = message(r.issues[0]);
    expect(m).toContain("Excel đã đổi số này thành ngày 06/07");
    expect(m).toContain("gõ lại số");
  });

  test("in a row planned at 623,17 or with no yardstick at all, nothing is put back either", () => {
    for (const refs of [[623.17], []]) {
      const r = readFigure(sixSeven, { ...count, refs });
      expect(r.issues.map((i) => [i.code, i.fix ?? null])).toEqual([["value.date", null]]);
    }
  });

  test("near the plan (6 %, or last year's 7), 6-7 is put back as typed", () => {
    for (const refs of [[6], [100, 7]]) {
      const r = readFigure(sixSeven, { ...count, refs });
      expect(r.issues.map((i) => i.fix)).toEqual([{ cell: "H20", value: "6-7" }]);
      expect(r.issues[0].params).toMatchObject({ restore: "6-7" });
    }
  });
});
