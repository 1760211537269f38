/** A1 addresses: every address built parses back to what built it; anything else is refused. */
import {
  MAX_COLS, MAX_ROWS, a1, areaA1, columnIndex, columnLetter, normalAddress, parseArea, parseCell, qualified, splitSheet,
} from "../../src/core/address";
import { rng } from "../domain/rng";

const SEED = Number(process.env.SEED ?? 20261201);
const RUNS = 500;

function forAll(name: string, body: (r: ReturnType<typeof rng>) => void): void {
  test(`${name} (seed ${SEED})`, () => {
    const r = rng(SEED);
    for (let i = 0; i < RUNS; i++) body(r);
  });
}

/** Small indexes most of the time (where the letters change length), any index sometimes. */
const col = (r: ReturnType<typeof rng>): number => (r.bool(0.7) ? r.int(0, 800) : r.int(0, MAX_COLS - 1));
const row = (r: ReturnType<typeof rng>): number => (r.bool(0.7) ? r.int(0, 2000) : r.int(0, MAX_ROWS - 1));

describe("column letters", () => {
  test.each([[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [52, "BA"], [701, "ZZ"], [702, "AAA"], [MAX_COLS - 1, "XFD"]])(
    "column %i is %s", (c, s) => {
      expect(columnLetter(c)).toBe(s);
      expect(columnIndex(s)).toBe(c);
    });

  test("letters are in Excel's order: each index one more than the last", () => {
    let prev = "";
    for (let c = 0; c < MAX_COLS; c++) {
      const s = columnLetter(c);
      expect(s.length > prev.length || (s.length === prev.length && s > prev)).toBe(true);
      expect(columnIndex(s)).toBe(c);
      expect(columnIndex(s.toLowerCase())).toBe(c);
      prev = s;
    }
  });

  test.each(["", "1", "A1", "ABCD", "Ä", " A", "A-"])("%j is not column letters", (s) => {
    expect(columnIndex(s)).toBeNull();
  });
});

describe("cells", () => {
  forAll("a1 parses back, with or without $, in any case", (r) => {
    const p = { row: row(r), col: col(r) };
    const s = a1(p.row, p.col);
    expect(s).toMatch(/^[A-Z]+[1-9]\d*$/);
    expect(parseCell(s)).toEqual(p);
    const m = /^([A-Z]+)(\d+)$/.exec(s) as RegExpExecArray;
    const absolute = `${r.bool() ? "$" : ""}${m[1]}${r.bool() ? "$" : ""}${m[2]}`;
    expect(parseCell(r.bool() ? absolute.toLowerCase() : absolute)).toEqual(p);
    expect(normalAddress(absolute.toLowerCase())).toBe(s);
  });

  test.each(["", "A", "1", "A0", "0A", "A01x", "$$A1", "A1$", "A1:B2", "A:A", "3:3", "ABCD1", "A12345678", "Sheet1!A1", "E 7", "R1C1", "#REF!"])(
    "%j is not a cell", (s) => {
      expect(parseCell(s)).toBeNull();
    });

  forAll("junk is refused: any text that is not letters then digits", (r) => {
    const chars = "AZaz09$:!' .-#";
    const s = Array.from({ length: r.int(0, 8) }, () => r.pick([...chars])).join("");
    const ok = /^\s*\$?[A-Za-z]{1,3}\$?\d{1,7}\s*$/.test(s) && !/^\s*\$?[A-Za-z]+\$?0+\s*$/.test(s);
    const p = parseCell(s);
    if (!ok) expect(p).toBeNull();
    else expect(p && a1(p.row, p.col)).toBe(normalAddress(s.trim()).replace(/^([A-Z]+)0*/, "$1"));
  });
  forAll("read without a regular expression, it agrees with one, whatever the text (spaces, marks, symbols)", (r) => {
    const part = (xs: string[], n: number): string => Array.from({ length: r.int(0, n) }, () => r.pick(xs)).join("");
    const s = part([" ", "\t", "\u00a0", "\u3000", "\ufeff", "é"], 2) + part(["$"], 2) + part(["A", "z", "Q", "é", "Ạ", "\u0130", "@", "[", "`", "{"], 4)
      + part(["$"], 1) + part(["0", "1", "9", "٣"], 8) + part([" ", "\u3000", ":", "x", "$"], 2);
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s.trim());
    const col = m ? columnIndex(m[1]) : null;
    const want = m && col !== null && Number(m[2]) >= 1 ? { row: Number(m[2]) - 1, col } : null;
    expect(parseCell(s)).toEqual(want);
  });
});

describe("areas", () => {
  forAll("areaA1 parses back, from either corner, with a sheet or dollars", (r) => {
    const a = { row: row(r), col: col(r), rows: 1, cols: 1 };
    a.rows = r.int(1, Math.min(50, MAX_ROWS - a.row));
    a.cols = r.int(1, Math.min(20, MAX_COLS - a.col));
    const s = areaA1(a);
    expect(s.includes(":")).toBe(a.rows > 1 || a.cols > 1);
    expect(parseArea(s)).toEqual(a);
    const [from, to = from] = s.split(":");
    expect(parseArea(`${to}:${from}`)).toEqual(a);
    const sheet = r.pick(["Sheet1", "Chỉ tiêu", "Kế hoạch 2024", "O'Brien", "A1", "x!y"]);
    const q = qualified(sheet, s.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"));
    expect(splitSheet(q)).toEqual({ sheet, ref: s.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") });
    expect(normalAddress(q)).toBe(s);
    expect(parseArea(q)).toEqual(a);
  });

  test.each(["", "A:A", "3:3", "A1:B", "A1:B2:C3", "A1:", ":A1", "A1,B2", "Sheet1!"])("%j is not an area", (s) => {
    expect(parseArea(s)).toBeNull();
  });

  test("sheet names are quoted only where Excel needs it", () => {
    expect(qualified("Sheet1", "A1")).toBe("Sheet1!A1");
    expect(qualified("Chỉ tiêu", "A1")).toBe("'Chỉ tiêu'!A1");
    expect(qualified("O'Brien", "A1")).toBe("'O''Brien'!A1");
    expect(qualified("A1", "B2")).toBe("'A1'!B2");
    expect(splitSheet("A1")).toEqual({ sheet: null, ref: "A1" });
  });
});
