/** src/seeds.ts: the built-in plans as the pane and the CLI get them. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parsePlan } from "../../src/core/plan";
import { BUILT_IN_PLAN_NAMES } from "../../src/seed-names";
import { builtInEstimates2023, builtInPlan, builtInPlans, defaultPlan, DEFAULT_PLAN_ID, requireBuiltInPlan, SeedError } from "../../src/seeds";

const SEEDS = path.join(__dirname, "..", "..", "seeds");

describe("src/seeds.ts", () => {
  it("offers Bình Sơn 2024 (the default, first) and 2023", () => {
    expect(builtInPlans().map((p) => p.id)).toEqual(["binh-son-2024", "binh-son-2023"]);
    expect(DEFAULT_PLAN_ID).toBe("binh-son-2024");
    expect(defaultPlan().id).toBe("binh-son-2024");
    expect(defaultPlan().targets).toHaveLength(20);
    expect(defaultPlan().tasks).toHaveLength(33);
  });

  it("finds a plan by id and returns null for an unknown one", () => {
    expect(builtInPlan("binh-son-2023")?.year).toBe(2023);
    expect(builtInPlan("khong-co")).toBeNull();
    expect(requireBuiltInPlan("binh-son-2023").year).toBe(2023);
    expect(() => requireBuiltInPlan("khong-co")).toThrow(SeedError);
  });

  it("are named as src/seed-names.ts lists them, which the pane offers before it fetches the plans", () => {
    expect(builtInPlans().map(({ id, unit, year }) => ({ id, unit, year }))).toEqual(BUILT_IN_PLAN_NAMES);
    for (const n of BUILT_IN_PLAN_NAMES) expect(n.unit).toBe(n.unit.normalize("NFC"));
  });

  it("gives the same plans parsePlan makes from the JSON files", () => {
    for (const p of builtInPlans()) {
      const r = parsePlan(JSON.parse(fs.readFileSync(path.join(SEEDS, `${p.id}.json`), "utf8")));
      expect(r.ok && r.value).toEqual(p);
    }
  });

  it("does not let a caller's change to the list reach the next caller", () => {
    const list = builtInPlans();
    list.pop();
    expect(builtInPlans()).toHaveLength(2);
  });

  it("exports 783/BC's 2023 estimates for the 2023 plan, one per plan row", () => {
    const e = builtInEstimates2023();
    expect(e.plan).toBe("binh-son-2023");
    expect(e.rows.map((r) => r.no)).toEqual(builtInPlan("binh-son-2023")?.targets.map((t) => t.no));
  });

  it("imports no Node module, so the pane can bundle it: it requires only the seeds' JSON, by literal path", () => {
    const src = fs.readFileSync(path.join(__dirname, "..", "..", "src", "seeds.ts"), "utf8");
    expect(src).not.toMatch(/from "(node:)?(fs|path)"/);
    const required = [...src.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const r of required) expect(r).toMatch(/^"\.\.\/seeds\/[a-z0-9.-]+\.json"$/);
  });
});
