/**
 * seeds/binh-son-2023.json and its estimates against the table of report 783/BC
 * (seeds/sources/002_…txt), row by row, read here from the markdown table.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePlan } from "../../src/core/evaluate";
import { parseNumber } from "../../src/core/numbers";
import { type Plan, parsePlan, subRows } from "../../src/core/plan";
import { parseTarget } from "../../src/core/target";
import { builtInEstimates2023 } from "../../src/seeds";
import { sourceLines } from "./source";

const FILE = "002_e3836311bf2d29a3.txt";
const SEEDS = path.join(__dirname, "..", "..", "seeds");
const parsed = parsePlan(JSON.parse(fs.readFileSync(path.join(SEEDS, "binh-son-2023.json"), "utf8")), "binh-son-2023.json");
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan: Plan = parsed.value;
const estimates = JSON.parse(fs.readFileSync(path.join(SEEDS, "binh-son-2023.estimates.json"), "utf8")) as {
  plan: string; period: string; kind: string; source: string; rows: { no: string; actual: string }[];
};

type TableRow = { no: string; parent: string | null; name: string; unit: string; plan: string; estimate: string; status: string };

/**
 * The table's rows: separator and empty rows dropped, a row with only a name cell continues the
 * name above it (a page break), "-" rows numbered under the main row above them.
 */
function tableRows(): TableRow[] {
  const cells = sourceLines(FILE)
    .filter((l) => l.startsWith("|"))
    .map((l) => l.slice(1, -1).split("|").map((c) => c.trim()));
  const rows: TableRow[] = [];
  let main = "";
  let sub = 0;
  for (const c of cells.slice(1)) {
    if (c.every((x) => x === "" || /^-+$/.test(x))) continue;
    const [tt, name, unit, kh, th, status] = c;
    if (tt === "" && [unit, kh, th, status].every((x) => x === "")) {
      rows[rows.length - 1].name += ` ${name}`;
      continue;
    }
    if (tt === "-") rows.push({ no: `${main}.${++sub}`, parent: main, name, unit, plan: kh, estimate: th, status });
    else {
      main = tt;
      sub = 0;
      rows.push({ no: tt, parent: null, name, unit, plan: kh, estimate: th, status });
    }
  }
  return rows;
}

const table = tableRows();

describe("seeds/binh-son-2023.json against the 783/BC table", () => {
  it("has the table's 20 targets and 6 sector rows, in table order", () => {
    expect(table.filter((r) => r.parent === null)).toHaveLength(20);
    expect(table.filter((r) => r.parent !== null).map((r) => r.no)).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]);
    expect(plan.targets.map((t) => t.no)).toEqual(table.map((r) => r.no));
  });

  it.each(table.map((r) => [r.no, r] as const))("row %s: name, unit and plan figure as printed", (_no, r) => {
    const t = plan.targets.find((x) => x.no === r.no);
    expect(t).toBeDefined();
    expect({ parent: t?.parent ?? null, name: t?.name, unit: t?.unit, target: t?.target }).toEqual({
      parent: r.parent, name: r.name, unit: r.unit, target: r.plan,
    });
  });

  it("joins row 5's name across the page break and keeps 18's printed 'Phân đầu', recording both", () => {
    expect(plan.targets.find((t) => t.no === "5")?.name).toBe("Sản lượng lương thực cây có hạt");
    expect(plan.targets.find((t) => t.no === "18")?.name).toMatch(/^Phân đầu /);
    expect(plan.targets.find((t) => t.no === "18")?.unit).toBe("");
    const where = plan.corrections.map((c) => c.where);
    expect(where).toEqual(expect.arrayContaining(["chỉ tiêu 5", "chỉ tiêu 18"]));
  });

  it("marks the total of target 1 additive and the growth rates of target 2 not; 10 and 13 lower", () => {
    const flags = plan.targets.filter((t) => t.additive !== undefined).map((t) => [t.no, t.additive]);
    expect(flags).toEqual([["1", true], ["2", false]]);
    expect(plan.targets.filter((t) => t.direction === "lower").map((t) => t.no)).toEqual(["10", "13"]);
    expect(plan.targets.filter((t) => t.criteria).map((t) => t.no)).toEqual(["18"]);
  });

  it("has sector values of target 1 that add up to the total (2.907,66 + 7.983,83 + 11.402,00 = 22.293,49)", () => {
    const value = (s: string): number => {
      const r = parseNumber(s);
      if (!r.ok) throw new Error(s);
      return r.value;
    };
    const total = value(plan.targets.find((t) => t.no === "1")?.target ?? "");
    const parts = subRows(plan, "1").map((t) => value(t.target));
    expect(parts).toEqual([2907.66, 7983.83, 11402]);
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total * 100));
    // The sector estimates add up too.
    const est = (no: string): number => value(estimates.rows.find((r) => r.no === no)?.actual ?? "");
    expect(Math.round((est("1.1") + est("1.2") + est("1.3")) * 100)).toBe(Math.round(est("1") * 100));
  });

  it("reads every plan figure with the target parser (ranges for target 2 and its sectors)", () => {
    for (const t of plan.targets) {
      const r = parseTarget(t.target, { direction: t.direction, unit: t.unit, name: t.name });
      expect([t.no, r.ok]).toEqual([t.no, true]);
      if (r.ok && (t.no === "2" || t.parent === "2")) expect(r.value.kind).toBe("range");
    }
  });
});

describe("seeds/binh-son-2023.estimates.json against the 783/BC table", () => {
  it("is the year's estimate for binh-son-2023, one row per table row, figures as printed", () => {
    expect([estimates.plan, estimates.period, estimates.kind]).toEqual(["binh-son-2023", "year", "estimate"]);
    expect(estimates.source).toContain("783/BC-UBND");
    expect(estimates.rows).toEqual(table.map((r) => ({ no: r.no, actual: r.estimate })));
    expect(estimates.rows.find((r) => r.no === "17")?.actual).toBe(">80");
    expect(estimates.rows.find((r) => r.no === "18")?.actual).toBe("giảm 01 tiêu chí");
  });

  it("is what src/seeds.ts exports", () => {
    expect(builtInEstimates2023()).toEqual(estimates);
  });

  it("gives, evaluated against the plan, the status 783/BC prints on every main row (13 vượt, 06 đạt, 01 không đạt)", () => {
    const words: Record<string, string> = { "Đạt (vượt)": "vuot", "Đạt": "dat", "Không đạt": "khong-dat" };
    const e = evaluatePlan(plan, builtInEstimates2023());
    const main = table.filter((r) => r.parent === null);
    expect(e.rows.filter((r) => r.parent == null).map((r) => [r.no, r.status])).toEqual(main.map((r) => [r.no, words[r.status]]));
    expect(e.summary).toEqual({ vuot: 13, dat: 6, khongDat: 1, xemLai: 0, thieuSoLieu: 0, chuaDanhGia: 0 });
  });
});
