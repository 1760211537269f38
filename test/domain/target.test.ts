import * as fs from "node:fs";
import * as path from "node:path";
import { formatNumber } from "../../src/core/numbers";
import { parsePlan } from "../../src/core/plan";
import { type TargetHints, type TargetSpec, parseTarget, splitTargetText } from "../../src/core/target";
import fc from "fast-check";

const root = path.join(__dirname, "..", "..");

function spec(text: string, hints?: TargetHints): TargetSpec {
  const r = parseTarget(text, hints);
  if (!r.ok) throw new Error(`could not read ${JSON.stringify(text)}: ${r.problems.map((p) => p.code).join(", ")}`);
  return r.value;
}

/** The fields that must survive a round trip through the canonical text. */
function essence(s: TargetSpec): Omit<TargetSpec, "written" | "canonical"> {
  const { written: _w, canonical: _c, ...rest } = s;
  return rest;
}

function expectRoundTrip(s: TargetSpec, hints: TargetHints = {}): void {
  const back = spec(s.canonical, { ...hints, unit: s.unit ?? undefined });
  expect(essence(back)).toEqual(essence(s));
  expect(back.canonical).toBe(s.canonical);
}

describe("parseTarget: the wordings of the seeds and GUIDE.md", () => {
  it.each([
    ["khoảng 25.224", "point", 25224, 25224, true, "khoảng 25.224"],
    ["623,17", "point", 623.17, 623.17, false, "623,17"],
    [">80", "more-than", 80, null, false, "> 80"],
    [">80%", "more-than", 80, null, false, "> 80"],
    ["> 85 %", "more-than", 85, null, false, "> 85"],
    ["7-8", "range", 7, 8, false, "từ 7 đến 8"],
    ["7–8", "range", 7, 8, false, "từ 7 đến 8"],
    ["7 - 8", "range", 7, 8, false, "từ 7 đến 8"],
    ["từ 7 đến 8", "range", 7, 8, false, "từ 7 đến 8"],
    ["khoảng 7-8%", "range", 7, 8, true, "khoảng từ 7 đến 8"],
    ["giảm còn khoảng 2,14%", "point", 2.14, 2.14, true, "giảm còn khoảng 2,14"],
    ["giảm còn 2,14", "point", 2.14, 2.14, false, "giảm còn 2,14"],
    ["Giảm 3 tiêu chí", "reduce-criteria", 3, null, false, "giảm 3 tiêu chí"],
    ["giảm 03 tiêu chí", "reduce-criteria", 3, null, false, "giảm 3 tiêu chí"],
    ["100% theo chỉ tiêu cấp trên giao", "point", 100, 100, false, "100"],
    ["đạt 100% chỉ tiêu giao", "point", 100, 100, false, "100"],
    ["01 trường", "point", 1, 1, false, "1"],
    ["01", "point", 1, 1, false, "1"],
    ["Phấn đấu khoảng 50%", "point", 50, 50, true, "khoảng 50"],
    ["Phấn đấu giảm tiêu chí tai nạn giao thông so với năm 2023: Giảm 3 tiêu chí", "reduce-criteria", 3, null, false, "giảm 3 tiêu chí"],
    ["≥ 50", "at-least", 50, null, false, "≥ 50"],
    [">= 50", "at-least", 50, null, false, "≥ 50"],
    ["ít nhất 50%", "at-least", 50, null, false, "≥ 50"],
    ["tối thiểu 10 xã", "at-least", 10, null, false, "≥ 10"],
    ["từ 90% trở lên", "at-least", 90, null, false, "≥ 90"],
    ["không dưới 90", "at-least", 90, null, false, "≥ 90"],
    ["trên 80%", "more-than", 80, null, false, "> 80"],
    ["dưới 5%", "less-than", null, 5, false, "< 5"],
    ["<5", "less-than", null, 5, false, "< 5"],
    ["tối đa 5", "at-most", null, 5, false, "≤ 5"],
    ["không quá 1,5%", "at-most", null, 1.5, false, "≤ 1,5"],
    ["≤ 2", "at-most", null, 2, false, "≤ 2"],
    ["giảm còn dưới 2%", "less-than", null, 2, false, "< 2"],
    ["tăng 5%", "point", 5, 5, false, "tăng 5%"],
    ["tăng khoảng 10%", "point", 10, 10, true, "tăng khoảng 10%"],
    ["giảm 1-1,5%", "range", 1, 1.5, false, "giảm từ 1,0 đến 1,5%"],
    ["giảm từ 1 đến 1,5%", "range", 1, 1.5, false, "giảm từ 1,0 đến 1,5%"],
    ["tăng trên 5%", "more-than", 5, null, false, "tăng trên 5%"],
    ["khoảng 25 224 tỷ đồng", "point", 25224, 25224, true, "khoảng 25.224"],
    ["1.284,679", "point", 1284.679, 1284.679, false, "1.284,679"],
    ["11.402,00", "point", 11402, 11402, false, "11.402,00"],
    ["=100", "point", 100, 100, false, "100"],
    ["khoảng 2.000 giấy.", "point", 2000, 2000, true, "khoảng 2.000"],
  ] as const)("%j → %s [%p, %p]", (text, kind, min, max, approx, canonical) => {
    const s = spec(text);
    expect(s.kind).toBe(kind);
    expect(s.min).toBe(min);
    expect(s.max).toBe(max);
    expect(s.approx).toBe(approx);
    expect(s.canonical).toBe(canonical);
    expect(s.written).toBe(text.normalize("NFC").trim());
    expectRoundTrip(s);
  });

  it("keeps the written precision", () => {
    expect(spec("689,60").decimals).toBe(2);
    expect(spec("1-1,5").decimals).toBe(1);
    expect(spec("820,886").decimals).toBe(3);
    expect(spec("25.224").decimals).toBe(0);
  });

  it("reads the unit written after the number, else takes the row's", () => {
    expect(spec("01 trường").unit).toBe("trường");
    expect(spec("khoảng 25.224 tỷ đồng").unit).toBe("tỷ đồng");
    expect(spec("35,58%").unit).toBe("%");
    expect(spec("0,79‰").unit).toBe("‰");
    expect(spec("5 bác sĩ/vạn dân").unit).toBe("bác sĩ/vạn dân");
    expect(spec("623,17", { unit: "tỷ đồng" }).unit).toBe("tỷ đồng");
    expect(spec("623,17").unit).toBeNull();
  });

  it("warns when the written unit differs from the row's", () => {
    const r = parseTarget("10 tấn", { unit: "ha", no: "5" });
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.code, p.location.target])).toEqual([["target.unit-mismatch", "5"]]);
    expect(parseTarget("01 trường", { unit: "Trường" }).problems).toEqual([]);
  });

  it("notes an ambiguous figure without failing", () => {
    const r = parseTarget("khoảng 1.600");
    expect(r.ok && r.value.min).toBe(1600);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([["number.ambiguous", "info"]]);
  });
});

describe("parseTarget: direction", () => {
  it.each([
    ["giảm còn khoảng 2,14%", {}, "lower", "wording"],
    ["dưới 5%", {}, "lower", "wording"],
    ["tối đa 5", {}, "lower", "wording"],
    [">80", {}, "higher", "wording"],
    ["6,1", { direction: "lower" }, "lower", "hint"],
    ["6,1", { name: "Tỷ lệ trẻ em <5 tuổi bị suy dinh dưỡng" }, "lower", "name"],
    ["3,51", { name: "Tỷ lệ hộ nghèo" }, "lower", "name"],
    ["3,51", { name: "Tỷ lệ HỘ NGHÈO".normalize("NFD") }, "lower", "name"],
    ["10", { name: "Số vụ tai nạn giao thông" }, "lower", "name"],
    ["10", { name: "Tỷ lệ giảm nghèo" }, "higher", "default"],
    ["10", { name: "Số hộ thoát nghèo" }, "higher", "default"],
    ["6,1", { direction: "higher", name: "suy dinh dưỡng" }, "higher", "hint"],
    ["khoảng 25.224", {}, "higher", "default"],
  ] as const)("%j with %j → %s (from %s)", (text, hints, direction, from) => {
    const s = spec(text, hints as TargetHints);
    expect(s.direction).toBe(direction);
    expect(s.directionFrom).toBe(from);
    expectRoundTrip(s, hints as TargetHints);
  });

  it("reports wording that contradicts the row's direction, and follows the wording", () => {
    const r = parseTarget("giảm còn 2%", { direction: "higher" });
    expect(r.ok && r.value.direction).toBe("lower");
    expect(r.problems.map((p) => p.code)).toContain("target.direction-conflict");
  });
});

describe("parseTarget: what it refuses, quoting the text", () => {
  it.each([
    ["", "target.empty"],
    ["   ", "target.empty"],
    ["abc", "target.unknown-wording"],
    ["khoảng", "target.unknown-wording"],
    ["hoàn thành", "target.unknown-wording"],
    ["> 7-8", "target.unknown-wording"],
    ["trên dưới 5 hoặc hơn nữa", "target.unknown-wording"],
    ["5 tấn trên", "target.unknown-wording"],
    ["≥ > 5", "target.unknown-wording"],
    ["ít nhất 5 trở xuống", "target.unknown-wording"],
    ["8-7", "target.bad-range"],
    ["1.2.3 tấn", "target.bad-number"],
    ["12345678901234567", "target.bad-number"],
    ["xấp xỉ 1,2,3", "target.bad-number"],
    ["5 ha 7", "target.unknown-wording"],
  ])("%j → %s", (text, code) => {
    const r = parseTarget(text, { no: "7" });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain(code);
    const p = r.problems.find((x) => x.code === code);
    expect(p?.location.target).toBe("7");
    if (code !== "target.empty") expect(p?.params.text).toBe(text.trim());
  });
});

describe("the 2024 plan", () => {
  const source = fs.readFileSync(path.join(root, "seeds/sources/000_5132e6f28ee0e927.txt"), "utf8").normalize("NFC");
  const section = source.slice(source.indexOf("II. CÁC CHỈ TIÊU CHỦ YẾU"), source.indexOf("III. NHIỆM VỤ"));
  const lines = section
    .split("\n")
    .map((l) => /^\s*(\d+)\.\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);

  it("has 20 targets in section II of the decision", () => {
    expect(lines.map((m) => m[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it.each(lines.map((m) => [m[1], m[2].trim()]))("target %s of the decision reads and round-trips: %s", (_no, line) => {
    const split = splitTargetText(line);
    expect(split).not.toBeNull();
    const s = spec(split!.target, { name: split!.name });
    expect(split!.name.length).toBeGreaterThan(3);
    expectRoundTrip(s, { name: split!.name });
  });

  it("reads the decision's figures as written", () => {
    const read = new Map(lines.map((m) => [m[1], spec(splitTargetText(m[2])!.target, { name: splitTargetText(m[2])!.name })]));
    expect(read.get("1")).toMatchObject({ kind: "point", min: 25224, approx: true, unit: "tỷ đồng" });
    expect(read.get("10")).toMatchObject({ kind: "point", min: 2.14, direction: "lower", approx: true, canonical: "giảm còn khoảng 2,14" });
    expect(read.get("11")).toMatchObject({ kind: "point", min: 1, unit: "trường" });
    expect(read.get("13")).toMatchObject({ min: 6, direction: "lower", directionFrom: "name" });
    expect(read.get("16")).toMatchObject({ kind: "point", min: 100, unit: "%" });
    expect(read.get("17")).toMatchObject({ kind: "more-than", min: 80 });
    expect(read.get("18")).toMatchObject({ kind: "reduce-criteria", min: 3 });
    expect(read.get("20")).toMatchObject({ kind: "point", min: 2000, approx: true, unit: "giấy" });
  });

  it.each(["binh-son-2024", "binh-son-2023"])("every target of seeds/%s.json reads and round-trips", (id) => {
    const plan = parsePlan(JSON.parse(fs.readFileSync(path.join(root, "seeds", `${id}.json`), "utf8")));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    for (const row of plan.value.targets) {
      const hints = { direction: row.direction, unit: row.unit, name: row.name };
      const r = parseTarget(row.target, hints);
      expect([row.no, r.ok]).toEqual([row.no, true]);
      if (r.ok) {
        expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
        expectRoundTrip(r.value, hints);
      }
    }
  });
});

describe("parseTarget: properties over generated wordings", () => {
  const units = ["", "%", " tỷ đồng", " tấn", " người", " trường", " ha"];
  const unit = fc.constantFrom(...units);
  /** A figure with `decimals` places and the way the plan writes it (vi-VN). */
  const num = (decimals: fc.Arbitrary<number>): fc.Arbitrary<[number, string]> =>
    fc
      .tuple(decimals, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 6 }))
      .map(([d, u, e]) => {
        const v = Number((u * Math.pow(10, e)).toFixed(d));
        return [v, formatNumber(v, d)];
      });
  const d2 = fc.integer({ min: 0, max: 2 });
  type Gen = { text: string; kind: TargetSpec["kind"]; min: number | null; max: number | null; approx: boolean };
  const word = (...ws: string[]): fc.Arbitrary<string> => fc.constantFrom(...ws);
  const wording: fc.Arbitrary<Gen> = fc.oneof(
    fc.tuple(word("", "Phấn đấu ", "đạt "), fc.boolean(), word("khoảng ", "xấp xỉ ", "~"), num(fc.integer({ min: 0, max: 3 })), unit)
      .map(([lead, ap, about, [v, t], u]) => ({ text: `${lead}${ap ? about : ""}${t}${u}`, kind: "point" as const, min: v, max: v, approx: ap })),
    fc.tuple(word(">", "> ", "trên ", "hơn ", "lớn hơn "), num(d2), unit).map(([w, [v, t], u]) => ({ text: `${w}${t}${u}`, kind: "more-than" as const, min: v, max: null, approx: false })),
    fc.tuple(word("≥", ">= ", "ít nhất ", "tối thiểu ", "không dưới "), num(d2), unit).map(([w, [v, t], u]) => ({ text: `${w}${t}${u}`, kind: "at-least" as const, min: v, max: null, approx: false })),
    fc.tuple(num(d2), unit).map(([[v, t], u]) => ({ text: `từ ${t}${u} trở lên`, kind: "at-least" as const, min: v, max: null, approx: false })),
    fc.tuple(word("<", "dưới ", "thấp hơn "), num(d2), unit).map(([w, [v, t], u]) => ({ text: `${w}${t}${u}`, kind: "less-than" as const, min: null, max: v, approx: false })),
    fc.tuple(word("≤", "<= ", "tối đa ", "không quá ", "không vượt quá "), num(d2), unit).map(([w, [v, t], u]) => ({ text: `${w}${t}${u}`, kind: "at-most" as const, min: null, max: v, approx: false })),
    d2.chain((d) => fc.tuple(fc.constant(d), num(fc.constant(d)), num(fc.constant(d)), fc.integer({ min: 0, max: 2 }), unit)).map(([d, [a, ta], [b0], form, u]) => {
      const b = Number((a + b0).toFixed(d));
      const tb = formatNumber(b, d);
      const text = form === 0 ? `${ta}-${tb}` : form === 1 ? `${ta} – ${tb}` : `từ ${ta} đến ${tb}`;
      return { text: text + u, kind: "range" as const, min: a, max: b, approx: false };
    }),
    fc.tuple(word("Giảm", "giảm"), fc.boolean(), fc.integer({ min: 0, max: 9 })).map(([w, zero, n]) => ({ text: `${w} ${zero ? "0" : ""}${n} tiêu chí`, kind: "reduce-criteria" as const, min: n, max: null, approx: false })),
    fc.tuple(num(d2), fc.boolean()).map(([[v, t], ap]) => ({ text: `giảm còn ${ap ? "khoảng " : ""}${t}%`, kind: "point" as const, min: v, max: v, approx: ap })),
  );

  it("reads every generated wording to the generated bounds and round-trips it", () => {
    fc.assert(
      fc.property(wording, (g) => {
        const s = spec(g.text);
        expect({ text: g.text, kind: s.kind, min: s.min, max: s.max, approx: s.approx }).toEqual(g);
        expectRoundTrip(s);
      }),
      { numRuns: 4000 },
    );
  });

  it("never throws on junk, and what it accepts round-trips", () => {
    const pieces = ["khoảng", "trên", "dưới", "giảm", "còn", "tăng", "từ", "đến", "-", ">", "<", "≥", "%", "1", "25", "1.600", "2,5", "tiêu chí", "tấn", " ", "x", ":", ";", "trở lên", "không quá"];
    const junk = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.boolean()), { maxLength: 6 })
      .map((ps) => ps.map(([p, space]) => p + (space ? " " : "")).join(""));
    let accepted = 0;
    fc.assert(
      fc.property(junk, (text) => {
        const res = parseTarget(text);
        if (!res.ok) {
          expect(res.problems.length).toBeGreaterThan(0);
          expect(res.problems.every((p) => p.code.startsWith("target.") || p.code.startsWith("number."))).toBe(true);
          return;
        }
        accepted++;
        const s = res.value;
        if (s.min !== null && s.max !== null) expect(s.min).toBeLessThanOrEqual(s.max);
        expectRoundTrip(s);
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

describe("parseTarget: words before the figure that do not change it are passed over (issue 13)", () => {
  // Forms of published plans: a verb or phrase, then the figure; the phrase is not in any list.
  it.each([
    ["Tiếp tục duy trì 100%", "point", 100, 100, false],
    ["đảm bảo 100%", "point", 100, 100, false],
    ["Hoàn thành 01 trường", "point", 1, 1, false],
    ["Phấn đấu đạt khoảng 25.224", "point", 25224, 25224, true],
    ["duy trì tỷ lệ trên 95%", "more-than", 95, null, false],
    ["Thu hút, giải quyết việc làm cho khoảng 1.600", "point", 1600, 1600, true],
    ["Nâng tỷ lệ xã đạt chuẩn quốc gia về y tế lên 100%", "point", 100, 100, false],
    ["Kiên quyết giữ mức không quá 1,5%", "at-most", null, 1.5, false],
  ] as const)("%j → %s [%p, %p]", (text, kind, min, max, approx) => {
    const s = spec(text);
    expect([s.kind, s.min, s.max, s.approx]).toEqual([kind, min, max, approx]);
  });

  it.each([
    // The words that do carry meaning keep it, wherever the noise before them ends.
    ["phấn đấu giảm còn khoảng 2,14%", "point", "lower", null],
    ["tiếp tục giảm 1-1,5%", "range", "lower", "decrease"],
    ["bảo đảm tăng trên 5%", "more-than", "higher", "increase"],
    ["đảm bảo dưới 5%", "less-than", "lower", null],
  ] as const)("%j keeps its meaning (%s, %s)", (text, kind, direction, change) => {
    const s = spec(text);
    expect([s.kind, s.direction, s.change]).toEqual([kind, direction, change]);
  });

  it("still refuses words with no figure", () => {
    expect(parseTarget("tiếp tục duy trì").ok).toBe(false);
  });

  it("splitTargetText still ends the name where the figure's wording starts", () => {
    expect(splitTargetText("Tốc độ tăng trưởng giá trị sản xuất khoảng 10,7%")).toEqual({ name: "Tốc độ tăng trưởng giá trị sản xuất", target: "khoảng 10,7%" });
  });
});

describe("parseTarget: tone marks placed either way (issue 12)", () => {
  it.each([
    ["khỏang 25.224", "khoảng 25.224"],
    ["Khỏang 7-8%", "khoảng từ 7 đến 8"],
    ["phấn đấu khỏang 50%", "khoảng 50"],
    ["khỏang 25.224".normalize("NFD"), "khoảng 25.224"],
  ])("%j reads as %j", (typed, canonical) => {
    expect(spec(typed).canonical).toBe(canonical);
  });
});
