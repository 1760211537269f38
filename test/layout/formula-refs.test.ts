import { fromR1C1, toR1C1 } from "../../src/core/formula-refs";

describe("a user's formula moved by a reload keeps its meaning relative to its cell", () => {
  test.each([
    // formula, from (row, col) 0-based, to (row, col), expected
    ["=E7*2", [6, 7], [2, 7], "=E3*2"],
    ["=$E$7*2", [6, 7], [2, 7], "=$E$7*2"],
    ["=E$7+$E7", [6, 7], [9, 8], "=F$7+$E10"],
    ["=SUM(D2:D9)/COUNT(D2:D9)", [9, 3], [10, 3], "=SUM(D3:D10)/COUNT(D3:D10)"],
    ["=1200+350", [3, 4], [8, 4], "=1200+350"],
    ['=IF(E7>0,"A1 là ô","")', [6, 5], [7, 5], '=IF(E8>0,"A1 là ô","")'],
    ["='Số liệu xã'!B4+Sheet2!C1", [3, 1], [4, 1], "='Số liệu xã'!B5+Sheet2!C2"],
    ["=LOG10(E7)+ROUND(E7,1)", [6, 6], [5, 6], "=LOG10(E6)+ROUND(E6,1)"],
    ["=E2", [1, 5], [0, 5], "=E1"],
    ["=E1", [1, 5], [0, 5], "=#REF!"],
  ])("%s moved from %j to %j reads %s", (formula, from, to, expected) => {
    const r1c1 = toR1C1(formula as string, (from as number[])[0], (from as number[])[1]);
    expect(fromR1C1(r1c1, (to as number[])[0], (to as number[])[1])).toBe(expected);
  });

  test("in place, every formula comes back unchanged", () => {
    for (const f of ["=E7*2", "=$A$1", "=SUM(AB10:AC12)", '="=E7"&E7', "=Sheet1!Z99"]) expect(fromR1C1(toR1C1(f, 12, 4), 12, 4)).toBe(f);
  });
});
