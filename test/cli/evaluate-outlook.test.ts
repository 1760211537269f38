/**
 * `ktxh evaluate BOOK --period 6m` (issue 18): under each mid-year target, its year-end outlook sentence
 * — the verdict, the projected year figure and how it was made (the report's Dự kiến cả năm cell, from
 * the same evaluation) — and none under a level or at year end. A book's Cùng kỳ năm trước columns give
 * last year's share of the year.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { defaultPlan } from "../../src/seeds";

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-evaluate-outlook-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<string> {
  let out = "";
  await main(argv, { cwd: dir, out: (t) => void (out += t), err: () => undefined });
  return out;
}

test("each mid-year target's outlook line; last year's share where the book has it, else the months", async () => {
  const plan = defaultPlan();
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets!;
  const col = (key: string) => t.sheet.columns.find((c) => c.key === key)!.index + 1;
  const put = (no: string, key: string, v: number) => t.worksheet.getCell(t.sheet.rows.find((r) => r.id === `t:${no}`)!.index + 1, col(key)).value = v;
  put("1", "p:6m", 13000);
  put("1", "prev:6m", 12000);
  put("1", "prev:year", 22000);
  put("3", "p:6m", 250);
  put("7", "p:6m", 35.58);
  put("10", "p:6m", 2.5);
  await workbook.xlsx.writeFile(path.join(dir, "so.xlsx"));

  const text = await run(["evaluate", "so.xlsx", "--period", "6m"]);
  const lines = text.split("\n");
  const under = (no: string): string[] => {
    const i = lines.findIndex((l) => l.startsWith(no.padEnd(5) + " "));
    const out: string[] = [];
    for (let k = i + 1; k < lines.length && lines[k].startsWith("      "); k++) out.push(lines[k].trim());
    return out;
  };
  expect(under("1")).toContain("Dự kiến cả năm: Dự kiến không đạt: khoảng 23.833,33, theo tỷ trọng cùng kỳ năm trước (54,5% cả năm)");
  expect(under("3")).toContain("Dự kiến cả năm: Dự kiến không đạt: khoảng 500, theo số tháng (6/12)");
  expect(under("10")).toContain("Dự kiến cả năm: Chưa đánh giá được (chỉ có số liệu cả năm)");
  expect(under("7").some((l) => l.startsWith("Dự kiến cả năm:"))).toBe(false);

  const json = JSON.parse(await run(["evaluate", "so.xlsx", "--period", "6m", "--json"])) as { rows: { no: string; outlook?: string }[] };
  expect(json.rows.find((r) => r.no === "1")?.outlook).toBe("Dự kiến không đạt: khoảng 23.833,33, theo tỷ trọng cùng kỳ năm trước (54,5% cả năm)");
  expect(json.rows.find((r) => r.no === "7")?.outlook).toBeUndefined();
  // At year end there is no outlook.
  expect(await run(["evaluate", "so.xlsx", "--period", "year"])).not.toContain("Dự kiến cả năm:");
});
