/**
 * The add-in's targets sheet after the user deleted its hidden key row or its identity column: the
 * Office.js host still finds the sheet and its rows through the one reading of a workbook
 * (layout/recover.ts over layout/book.ts), judges them and writes status, percent and reason at the
 * right cells, in as many syncs as on the intact sheet (Kiểm tra lại, Tạo báo cáo, Sửa).
 */
import { defaultPlan } from "../../src/seeds";
import { columnLetter } from "../../src/core/address";
import type { FixToApply } from "../../src/contract/operations";
import { cellOf, setup, syncsOf } from "./support";

const plan = defaultPlan();
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const FIGURES: Record<string, string> = { "3": "600", "8": "1720", "11": "1", "9": "52%" };

type Damage = "none" | "key-row" | "identity-column";

async function book(damage: Damage) {
  const s = setup();
  await s.ops.loadPlan(plan, ["6m", "year"], yes);
  for (const [no, text] of Object.entries(FIGURES)) s.wb.user.type(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:year"), text);
  const g = s.wb.user.grid(SHEET);
  if (damage === "key-row") s.wb.user.deleteRows(SHEET, g.findIndex((r) => r.includes("#ktxh:targets")) + 1);
  if (damage === "identity-column") s.wb.user.deleteColumns(SHEET, columnLetter(g[0].indexOf("#ktxh:targets")));
  return s;
}

/** Status and percent of a target's row, found by its visible name and the visible headers. */
function shown(s: Awaited<ReturnType<typeof book>>, no: string): { status: unknown; percent: unknown } {
  const g = s.wb.user.grid(SHEET);
  const name = plan.targets.find((t) => t.no === no)?.name ?? "";
  const head = g.findIndex((r) => r.includes("Trạng thái"));
  const row = g.find((r) => r.includes(name));
  if (head < 0 || !row) throw new Error(`no row ${no}`);
  return { status: row[g[head].indexOf("Trạng thái")], percent: row[g[head].indexOf("% KH")] };
}

describe("a targets sheet without its key row or identity column", () => {
  test.each(["key-row", "identity-column"] as const)("with the %s deleted: Kiểm tra lại judges it, in the syncs of the intact sheet", async (damage) => {
    const intact = await book("none");
    const damaged = await book(damage);
    const a = await syncsOf(intact.wb, () => intact.ops.recheck("year"));
    let summary: Awaited<ReturnType<typeof damaged.ops.recheck>> | null = null;
    const b = await syncsOf(damaged.wb, async () => void (summary = await damaged.ops.recheck("year")));
    expect(b).toBe(a);
    expect(summary!.counts).toEqual((await intact.ops.recheck("year")).counts);
    for (const no of ["3", "8", "9", "11", "1"]) expect(shown(damaged, no)).toEqual(shown(intact, no));
    expect(shown(damaged, "8").status).toBe("Đạt (vượt)");
    expect(shown(damaged, "3").status).toBe("Không đạt");
  });

  test.each(["key-row", "identity-column"] as const)("with the %s deleted: Tạo báo cáo gives the intact sheet's counts, in as many syncs", async (damage) => {
    const intact = await book("none");
    const damaged = await book(damage);
    const counts: unknown[] = [];
    const a = await syncsOf(intact.wb, async () => void counts.push((await intact.ops.buildReport("year", false)).counts));
    const b = await syncsOf(damaged.wb, async () => void counts.push((await damaged.ops.buildReport("year", false)).counts));
    expect(counts[1]).toEqual(counts[0]);
    expect(b).toBe(a);
  });

  test.each(["key-row", "identity-column"] as const)("with the %s deleted: Sửa writes the fixes and judges their rows in the same action, as on the intact sheet", async (damage) => {
    const fixed = async (d: Damage) => {
      const s = await book(d);
      await s.ops.recheck("year");
      const check = await s.ops.checkWorkbook({ mark: false });
      const fixes = check.sheets.flatMap((x) => x.issues).flatMap((i) => (i.apply && i.apply.sheet === SHEET ? [i.apply] : [])) as FixToApply[];
      const syncs = await syncsOf(s.wb, () => s.ops.applyFixes(fixes));
      await s.wb.settle();
      return { s, fixes: fixes.length, syncs };
    };
    const intact = await fixed("none");
    const damaged = await fixed(damage);
    expect(intact.fixes).toBeGreaterThan(0);
    expect(damaged.fixes).toBe(intact.fixes);
    expect(damaged.syncs).toBe(intact.syncs);
    for (const no of Object.keys(FIGURES)) expect(shown(damaged.s, no)).toEqual(shown(intact.s, no));
  });
});

describe("a targets sheet reloaded after its key row or identity column was deleted", () => {
  test.each(["key-row", "identity-column"] as const)("with the %s deleted: every figure stays, and the layout's own rows (the traffic block's heading) come back once", async (damage) => {
    const s = await book(damage);
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    expect(s.wb.user.sheetNames().filter((n) => n.startsWith(SHEET))).toEqual([SHEET]);
    for (const [no, text] of Object.entries(FIGURES)) {
      const v = s.wb.user.grid(SHEET, cellOf(s.wb, SHEET, `t:${no}`, "p:year"))[0][0];
      expect(String(v)).toBe(text.endsWith("%") ? String(Number(text.slice(0, -1)) / 100) : text);
    }
    const g = s.wb.user.grid(SHEET, "A1:AZ200");
    const id = g[0].findIndex((v) => v === "#ktxh:targets");
    const header = g.map((r) => r[id]).lastIndexOf("#header");
    expect(g.slice(header + 1).filter((r) => r[id] === "" && r.some((v) => v !== ""))).toEqual([]);
    expect(g.filter((r) => r[id] === "#block:traffic")).toHaveLength(1);
  });
});
