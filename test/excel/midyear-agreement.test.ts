/**
 * One 6-month book, three paths, one answer (issue 18): the default plan's 2024 book with some 6-month
 * figures and last year's figures from a 2023 book (Lấy số liệu năm trước: the Cùng kỳ năm trước columns
 * of 6 months and of the year), judged by the Office.js host on the strict in-memory Excel, then the
 * same book exported as .xlsx through `ktxh evaluate` and `ktxh report` (ExcelJS): each target's status
 * and percent are the same, and a cumulative target's projection takes last year's share of the year in
 * every path (targets 1 and 3 would be judged the other way on the months alone).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { CycleFileIn } from "../../src/contract/operations";
import { OUTLOOK_LABELS } from "../../src/core/messages/labels";
import type { ReportModel } from "../../src/core/report/model";
import { cycleFiles } from "../../src/hosts/xlsx/cycle-files";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { builtInPlan, defaultPlan } from "../../src/seeds";
import { exportXlsx } from "../agreement/paths";
import { cellOf, setup } from "./support";

jest.setTimeout(120_000);

const plan = defaultPlan();
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;

/** This year's 6-month figures: 1 and 3 cumulative with last year's share, 5 cumulative without, 7 a level, 10 annual. */
const FIGURES: Record<string, string> = { "1": "13000", "3": "250", "5": "30000", "7": "35.58", "10": "2.5", "8": "700" };
/** Last year's: 1 reached 12.000 of 22.000 by June (54,5 %: 13.000 projects 23.833, short of 25.224); 3 150 of 400 (37,5 %: 250 projects 666,7). */
const LAST_6M: Record<string, number> = { "1": 12000, "3": 150, "8": 600 };
const LAST_YEAR: Record<string, number> = { "1": 22000, "3": 400, "8": 1500 };

async function book2023(): Promise<CycleFileIn> {
  const p = builtInPlan("binh-son-2023");
  if (!p) throw new Error("plan");
  const { workbook } = initWorkbook(p, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = (key: string) => (t.sheet.columns.find((c) => c.key === key)?.index ?? -1) + 1;
  for (const row of t.sheet.rows) {
    const no = (row.id ?? "").startsWith("t:") ? (row.id ?? "").slice(2) : "";
    if (LAST_6M[no] !== undefined) t.worksheet.getCell(row.index + 1, col("p:6m")).value = LAST_6M[no];
    if (LAST_YEAR[no] !== undefined) t.worksheet.getCell(row.index + 1, col("p:year")).value = LAST_YEAR[no];
  }
  return { name: "binh-son-2023.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), received: null };
}

async function cli(argv: string[], cwd: string): Promise<string> {
  let out = "";
  await main(argv, { cwd, out: (t) => void (out += t), err: () => undefined });
  return out;
}

test("the Office.js host, ktxh evaluate and ktxh report give each target the same status and percent, last year's share in all three", async () => {
  const { wb, ops } = setup({}, { cycleFiles: async () => cycleFiles });
  await ops.loadPlan(plan, ["6m", "9m", "year"], yes);
  for (const [no, v] of Object.entries(FIGURES)) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, "p:6m"), v);
  const written = await ops.writePreviousYear(await book2023(), "6m", {});
  expect(written.periods).toEqual(expect.arrayContaining(["6m", "year"]));
  const summary = await ops.recheck("6m");

  // The Office.js host: the sheet's status and percent cells.
  const at = (no: string, key: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${no}`, key)).value;
  const host = new Map(plan.targets.map((t) => [t.no, { status: String(at(t.no, "status") ?? ""), percent: at(t.no, "percent") }]));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-agree6m-"));
  try {
    fs.writeFileSync(path.join(dir, "book.xlsx"), await exportXlsx(wb));
    const ev = JSON.parse(await cli(["evaluate", "book.xlsx", "--period", "6m", "--json"], dir)) as {
      rows: { no: string; label: string; percent: number | null; printStatus: boolean; projection?: { basis: string; projected: number } }[];
      summary: Record<string, number>;
    };
    const m = JSON.parse(await cli(["report", "book.xlsx", "--period", "6m", "--date", "2024-07-05", "--json"], dir)) as ReportModel;

    // Last year's share, in every path: 1 and 3 are judged the other way than the months alone would say.
    const evRow = (no: string) => ev.rows.find((r) => r.no === no);
    expect(evRow("1")?.projection).toMatchObject({ basis: "last-year" });
    expect(evRow("1")?.projection?.projected).toBeCloseTo(13000 / (12000 / 22000), 3);
    expect(evRow("3")?.projection?.projected).toBeCloseTo(250 / (150 / 400), 3);
    expect(evRow("5")?.projection).toMatchObject({ basis: "months" });
    expect(["1", "3", "5", "7", "10"].map((no) => host.get(no)?.status)).toEqual(["Dự kiến không đạt", "Dự kiến đạt", "Dự kiến không đạt", "Đạt", "Chưa đánh giá được"]);

    for (const t of plan.targets) {
      const h = host.get(t.no);
      const e = evRow(t.no);
      const r = m.rows.find((x) => x.no === t.no);
      if (!h || !e || !r) throw new Error(`target ${t.no} missing`);
      // Status: the sheet's words are ktxh evaluate's; the report's Dự kiến cả năm says the same verdict.
      expect([t.no, h.status]).toEqual([t.no, e.printStatus ? e.label : ""]);
      if (r.outlook) expect([t.no, OUTLOOK_LABELS[r.outlook.status]]).toEqual([t.no, h.status]);
      // Percent: one number in the three (the report prints it to one decimal).
      const hp = typeof h.percent === "number" ? h.percent : null;
      expect([t.no, hp == null]).toEqual([t.no, e.percent == null || !e.printStatus]);
      if (hp != null && e.percent != null) {
        expect(Math.abs(hp - e.percent)).toBeLessThan(1e-9);
        if (r.percentPlan?.value != null) expect([t.no, Math.abs(r.percentPlan.value - e.percent) < 0.05]).toEqual([t.no, true]);
      }
    }
    // The counts agree too.
    expect(ev.summary).toEqual(summary.counts);
    expect(m.counts).toMatchObject(summary.counts);
    // The report's cell for target 1 gives the projected year figure and why.
    expect(m.rows.find((r) => r.no === "1")?.outlook?.text).toBe("Dự kiến không đạt: khoảng 23.833,33, theo tỷ trọng cùng kỳ năm trước (54,5% cả năm)");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
