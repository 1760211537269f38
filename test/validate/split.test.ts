/**
 * A colleague's book with one sheet per office, each target on exactly one sheet, is one plan split
 * over sheets: no `row.missing` per sheet; a target on no sheet is still missing, once. A book whose
 * sheets repeat the targets (one per commune) is several tables, each checked whole. A target on two
 * sheets of a split book is its own finding (`row.two-sheets`), naming both sheets and cells.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { Plan } from "../../src/core/plan";
import { builtInPlans } from "../../src/seeds";
import { type ForeignRow, foreignSheet, goodRows } from "./corpus";

const plan = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ktxh-split-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The plan's rows dealt to sheets: a main target and its sub-rows go to the same office. */
type Found = { code: string; severity: string; sheet: string | null; cell: string | null; target: string | null; message: string };

async function book(file: string, sheets: ForeignRow[][]): Promise<Found[]> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, k) => foreignSheet(wb, `Phòng ${k + 1}`, 2024, rows));
  await wb.xlsx.writeFile(join(dir, file));
  let out = "";
  await main(["check", file, "--json", "--plan", "binh-son-2024"], { cwd: dir, out: (t) => void (out += t), err: () => undefined });
  return (JSON.parse(out) as { files: { issues: Found[] }[] }).files[0].issues;
}

function dealt(offices: number): ForeignRow[][] {
  const rows = goodRows(plan());
  const out: ForeignRow[][] = Array.from({ length: offices }, () => []);
  let k = -1;
  for (const r of rows) {
    if (r.no !== "-") k = (k + 1) % offices;
    out[k].push(r);
  }
  return out;
}

describe("one sheet per office", () => {
  test("the plan split over three sheets: no row.missing, no error", async () => {
    const sheets = dealt(3);
    expect(sheets.every((s) => s.length > 0)).toBe(true);
    const issues = await book("phong.xlsx", sheets);
    expect(issues.filter((i) => i.code === "row.missing")).toEqual([]);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a target on no sheet is missing once, for the book", async () => {
    const sheets = dealt(3);
    const gone = sheets[1].findIndex((r) => r.no === "5");
    expect(gone).toBeGreaterThanOrEqual(0);
    sheets[1].splice(gone, 1);
    const missing = (await book("thieu.xlsx", sheets)).filter((i) => i.code === "row.missing");
    expect(missing.map((i) => i.target)).toEqual(["5"]);
  });

  test("sheets that repeat the targets (one per commune) are each checked whole", async () => {
    const full = goodRows(plan());
    const issues = await book("xa.xlsx", [full, full.filter((r) => r.no !== "5")]);
    expect(issues.filter((i) => i.code === "row.missing").map((i) => `${i.sheet}:${i.target}`)).toEqual(["Phòng 2:5"]);
  });

  test("a target on two sheets of a split book: one row.two-sheets naming both sheets and cells, no row.missing", async () => {
    const sheets = dealt(3);
    const five = sheets[1].find((r) => r.no === "5");
    expect(five).toBeDefined();
    sheets[2].push(five!);
    const issues = await book("hai-trang.xlsx", sheets);
    expect(issues.filter((i) => i.code === "row.missing")).toEqual([]);
    const twice = issues.filter((i) => i.code === "row.two-sheets");
    expect(twice.map((i) => [i.sheet, i.target, i.severity])).toEqual([["Phòng 3", "5", "warning"]]);
    // The cells are where the two rows are: the name column, each sheet's own row.
    const g = async (sheet: string): Promise<string[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "hai-trang.xlsx"));
      const ws = wb.getWorksheet(sheet)!;
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (c.value === five!.name && out.push(c.address))));
      return out;
    };
    const [first] = await g("Phòng 2");
    const [second] = await g("Phòng 3");
    expect(twice[0].cell).toBe(second);
    expect(twice[0].message).toContain(`"Phòng 2" (ô ${first})`);
    expect(twice[0].message).toContain(`"Phòng 3" (ô ${second})`);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a sheet that repeats most of another's targets makes the book several tables, not a split one", async () => {
    const full = goodRows(plan());
    const sheets = dealt(2);
    // The second sheet: the whole plan but target 5, so it shares more than it has of its own.
    const issues = await book("lap.xlsx", [sheets[0], full.filter((r) => r.no !== "5")]);
    expect(issues.filter((i) => i.code === "row.two-sheets")).toEqual([]);
    expect(issues.filter((i) => i.code === "row.missing" && i.sheet === "Phòng 2").map((i) => i.target)).toEqual(["5"]);
  });
});
