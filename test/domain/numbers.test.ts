import { formatNumber, parseNumber, roundTo } from "../../src/core/numbers";
import fc from "fast-check";

type Ok = Extract<ReturnType<typeof parseNumber>, { ok: true }>;

function read(text: string): Ok {
  const r = parseNumber(text);
  if (!r.ok) throw new Error(`expected a number from ${JSON.stringify(text)}, got ${r.code}`);
  return r;
}

describe("parseNumber: vi-VN and unambiguous English forms", () => {
  it.each([
    ["1.284,679", 1284.679, 3, "vi"],
    ["0,79", 0.79, 2, "vi"],
    ["01", 1, 0, "plain"],
    ["689,60", 689.6, 2, "vi"],
    ["11.402,00", 11402, 2, "vi"],
    ["1.234.567", 1234567, 0, "vi"],
    ["1.234.567,5", 1234567.5, 1, "vi"],
    ["1,284.679", 1284.679, 3, "en"],
    ["1,234,567", 1234567, 0, "en"],
    ["1,234,567.25", 1234567.25, 2, "en"],
    ["0.79", 0.79, 2, "en"],
    ["3.5", 3.5, 1, "en"],
    ["1234.567", 1234.567, 3, "en"],
    ["1234,567", 1234.567, 3, "vi"],
    ["0.600", 0.6, 3, "en"],
    ["0,600", 0.6, 3, "vi"],
    ["1 284,679", 1284.679, 3, "vi"],
    ["1\u00a0284\u00a0679", 1284679, 0, "plain"],
    ["1\u202f284.5", 1284.5, 1, "en"],
    ["  42  ", 42, 0, "plain"],
    ["+5", 5, 0, "plain"],
    ["-2,5", -2.5, 1, "vi"],
    ["\u22123", -3, 0, "plain"],
    ["- 3", -3, 0, "plain"],
    ["0", 0, 0, "plain"],
    ["-0", 0, 0, "plain"],
  ] as const)("%j → %d (%d decimals, %s)", (text, value, decimals, style) => {
    const r = read(text);
    expect(r.value).toBe(value);
    expect(r.decimals).toBe(decimals);
    expect(r.style).toBe(style);
    expect(r.percent).toBe(false);
    expect(r.ambiguous).toBeNull();
  });

  it("reads a trailing percent sign", () => {
    const r = read("35,58%");
    expect([r.value, r.decimals, r.percent]).toEqual([35.58, 2, true]);
    expect(read("100 %").percent).toBe(true);
    expect(read("-1,5%").value).toBe(-1.5);
  });

  it("keeps the written text (NFC, trimmed)", () => {
    expect(read("  1.284,679 ").written).toBe("1.284,679");
  });

  it.each([
    ["1.600", 1600, 1.6, 0],
    ["25.224", 25224, 25.224, 0],
    ["1,600", 1.6, 1600, 3],
    ["-1.600", -1600, -1.6, 0],
    ["999,999", 999.999, 999999, 3],
  ] as const)("reports %j as ambiguous: vi reading %d, alternative %d", (text, value, alt, decimals) => {
    const r = read(text);
    expect(r.value).toBe(value);
    expect(r.decimals).toBe(decimals);
    expect(r.ambiguous).toEqual({ alternatives: [alt] });
    expect(r.style).toBe("vi");
  });

  it.each([
    "",
    "   ",
    "\u00a0",
  ])("reports %j as empty", (text) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("number.empty");
  });

  it.each([
    ["abc", "chars"],
    ["12a", "chars"],
    ["1e5", "chars"],
    ["-", "chars"],
    ["%", "chars"],
    ["+-3", "chars"],
    ["1.", "chars"],
    [",5", "chars"],
    ["5%%", "chars"],
    ["(5)", "chars"],
    ["1.2.3", "grouping"],
    ["1,2,3", "grouping"],
    ["1.,2", "grouping"],
    ["1..2", "grouping"],
    ["12.34,5", "grouping"],
    ["1.234,5.6", "grouping"],
    ["1,234.567,8", "grouping"],
    ["1.234 567", "grouping"],
    ["1 23", "grouping"],
    ["1  234", "grouping"],
    ["01.234,5", "grouping"],
    ["1 234.567.8", "grouping"],
    ["12345678901234567", "precision"],
    ["0,1234567890123456", "precision"],
  ] as const)("rejects %j (%s)", (text, reason) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("number.invalid");
      expect(r.reason).toBe(reason);
      expect(r.written).toBe(text.trim());
    }
  });
});

describe("formatNumber", () => {
  it.each([
    [1284.679, undefined, "1.284,679"],
    [11402, 2, "11.402,00"],
    [22293.49, 2, "22.293,49"],
    [25224, undefined, "25.224"],
    [1143.929, 3, "1.143,929"],
    [0.79, undefined, "0,79"],
    [-1234567.891, 1, "-1.234.567,9"],
    [-0.0001, 2, "0,00"],
    [1e-7, undefined, "0,0000001"],
    [999, 0, "999"],
    [1000, 0, "1.000"],
    [6, undefined, "6"],
  ] as const)("%d with %p decimals → %s", (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  it("refuses what is not a finite number", () => {
    expect(() => formatNumber(NaN)).toThrow(RangeError);
  });
});

describe("numbers: properties over random input", () => {
  it("reads back every vi-VN figure it writes", () => {
    const figure = fc
      .record({ decimals: fc.integer({ min: 0, max: 4 }), exponent: fc.integer({ min: 0, max: 9 }), unit: fc.double({ min: -0.3, max: 0.7, noNaN: true }) })
      .map(({ decimals, exponent, unit }) => ({ decimals, value: roundTo(unit * Math.pow(10, exponent), decimals) }));
    fc.assert(
      fc.property(figure, ({ value, decimals }) => {
        const back = read(formatNumber(value, decimals));
        expect(back.value).toBe(value);
        expect(back.decimals).toBe(decimals);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads English-typed figures to the same value, or names the alternative", () => {
    const typed = fc
      .record({ decimals: fc.integer({ min: 0, max: 3 }), exponent: fc.integer({ min: 0, max: 8 }), unit: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), grouped: fc.boolean() })
      .map(({ decimals, exponent, unit, grouped }) => {
        const value = roundTo(unit * Math.pow(10, exponent), decimals);
        const [int, frac] = value.toFixed(decimals).split(".");
        const head = grouped ? int.replace(/\B(?=(\d{3})+$)/g, ",") : int;
        return { value, text: frac ? `${head}.${frac}` : head };
      });
    fc.assert(
      fc.property(typed, ({ value, text }) => {
        const back = read(text);
        if (back.ambiguous) expect(back.ambiguous.alternatives).toContain(value);
        else expect(back.value).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on junk and never loses or invents a digit", () => {
    const alphabet = ["0", "1", "5", "9", ".", ",", " ", "\u00a0", "%", "+", "-", "a", "đ", "e", "/"];
    const junk = fc.array(fc.constantFrom(...alphabet), { maxLength: 9 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(junk, (text) => {
        const back = parseNumber(text);
        if (!back.ok) {
          expect(["number.empty", "number.invalid"]).toContain(back.code);
          return;
        }
        expect(Number.isFinite(back.value)).toBe(true);
        const digitsIn = text.replace(/\D/g, "").replace(/^0+/, "");
        const digitsOut = formatNumber(back.value, back.decimals).replace(/\D/g, "").replace(/^0+/, "");
        expect(digitsOut).toBe(digitsIn);
      }),
      { numRuns: 20000 },
    );
  });
});
