/** The book's own record (layout/sheets/record.ts) and the one reading of a workbook (layout/book.ts). */
import { readFileSync } from "fs";
import { join } from "path";
import { type Plan, parsePlan } from "../../src/core/plan";
import type { Grid } from "../../src/core/read-table/grid";
import { readBook } from "../../src/layout/book";
import { encodeMeta, makeMeta } from "../../src/layout/sheets/meta";
import { CHUNK, RECORD_SHEET, decodeRecord, encodeRecord, makeRecord } from "../../src/layout/sheets/record";
import { initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { worksheetGrid } from "../../src/hosts/xlsx/read-workbook";
import { builtInPlan, builtInPlans } from "../../src/seeds";

function commune(): Plan {
  const r = parsePlan(JSON.parse(readFileSync(join(__dirname, "../fixtures/xa-binh-hai-2025.json"), "utf8")));
  if (!r.ok) throw new Error("fixture");
  return r.value;
}

const meta = (plan: Plan) =>
  makeMeta({
    planId: plan.id, unit: plan.unit, year: plan.year, periods: ["6m", "year"], statusPeriod: "year",
    layoutVersion: { targets: 1, tasks: 1 }, sheets: { targets: "Chỉ tiêu", tasks: "Nhiệm vụ" }, updated: "2025-07-01T00:00:00Z",
  });

function grids(plan: Plan): Grid[] {
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  return workbook.worksheets.map(worksheetGrid);
}

describe("the record", () => {
  test("key/value rows from A1, read back whole", () => {
    const plan = commune();
    const rows = encodeRecord(makeRecord(meta(plan), plan));
    // The fingerprints of the rows as last judged come first, so a judgement rewrites that row alone.
    expect(rows[1]).toEqual(["rows.judged", "null"]);
    expect(rows[2]).toEqual(["version", "2"]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["plan.id", "plan.title", "plan.year", "plan.json", "sheet.targets", "sheet.tasks"]));
    const back = decodeRecord(rows);
    expect(back?.meta).toEqual(meta(plan));
    expect(back?.plan).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  test("a long plan is cut into cells of at most 32,000 characters and joined again", () => {
    const base = builtInPlan("binh-son-2024")!;
    const long: Plan = { ...base, tasks: Array.from({ length: 60 }, (_, i) => ({ ...base.tasks[0], code: String(i + 1) })) };
    const rows = encodeRecord(makeRecord(meta(long), long));
    const planRow = rows.find((r) => r[0] === "plan.json")!;
    expect(planRow.length).toBeGreaterThan(2);
    expect(planRow.every((c) => c.length <= CHUNK)).toBe(true);
    expect(parsePlan(decodeRecord(rows)?.plan).ok).toBe(true);
  });

  test("entries of a later version are kept; a book of version 1 (metadata JSON in A2) is migrated", () => {
    const plan = commune();
    const rows = [...encodeRecord(makeRecord(meta(plan), null)), ["culture", '"en-US"'], ["history", "[1,2]"]];
    expect(decodeRecord(rows)?.extra).toEqual({ "rows.judged": null, culture: "en-US", history: [1, 2] });
    const old = decodeRecord([["note"], [encodeMeta(meta(plan))]]);
    expect(old).toMatchObject({ version: 1, plan: null, meta: { planId: "xa-binh-hai-2025" } });
  });

  test("not a record: null, never a throw", () => {
    expect(decodeRecord([])).toBeNull();
    expect(decodeRecord([["x"], ["version", "{"]])).toBeNull();
    expect(decodeRecord([["x"], ["plan.id", '"a"']])).toBeNull();
  });
});

describe("readBook: which plan a workbook belongs to", () => {
  const plans = () => builtInPlans();

  test("the recorded plan wins over the default, even one no caller knows", () => {
    const b = readBook(grids(commune()), { plans: plans() });
    expect(b.planSource).toBe("record");
    expect(b.plan.id).toBe("xa-binh-hai-2025");
    expect(b.grids.map((g) => g.sheet)).not.toContain(RECORD_SHEET);
    expect(b.figures.filter((f) => f.period === "year").map((f) => f.target)).toHaveLength(10);
  });

  test("a book without its record is matched by its rows", () => {
    const g = grids(commune()).filter((x) => x.sheet !== RECORD_SHEET);
    const b = readBook(g, { plans: [...plans(), commune()] });
    expect(b).toMatchObject({ planSource: "matched", plan: { id: "xa-binh-hai-2025" } });
    const bs = readBook(grids(builtInPlan("binh-son-2023")!).filter((x) => x.sheet !== RECORD_SHEET), { plans: plans() });
    expect(bs).toMatchObject({ planSource: "matched", plan: { id: "binh-son-2023" } });
  });

  test("nothing matched: the default plan", () => {
    const b = readBook([{ sheet: "Sheet1", cells: [[{ value: "xin chào" }]], merges: [] }], { plans: plans() });
    expect(b).toMatchObject({ planSource: "default", plan: { id: "binh-son-2024" } });
  });

  test("a chosen plan that differs from the record is a problem, and the chosen plan is used", () => {
    const b = readBook(grids(builtInPlan("binh-son-2024")!), { plans: plans(), chosenPlan: commune() });
    expect(b).toMatchObject({ planSource: "chosen", plan: { id: "xa-binh-hai-2025" }, mismatch: { recorded: "binh-son-2024", chosen: "xa-binh-hai-2025" } });
    expect(b.problems.map((p) => p.code)).toEqual(["plan.mismatch"]);
  });
});
