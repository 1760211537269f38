/**
 * The report built from the 2023 plan and 783/BC's estimates must print 783/BC's table cell for cell.
 * The expected table is parsed from the source text itself (seeds/sources/002_…), not copied here.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildReport } from "../../src/core/report/build";
import { rowCells } from "../../src/core/report/model";
import { builtInEstimates2023, builtInPlan } from "../../src/seeds";

const SOURCE = join(__dirname, "../../seeds/sources/002_e3836311bf2d29a3.txt");

/**
 * The markdown table of 783/BC. A page break splits it after target 5: an empty table (header and
 * separator of blanks) then a row holding only the rest of target 5's name ("có hạt"), joined back.
 */
function sourceTable(): { header: string[]; rows: string[][] } {
  const lines = readFileSync(SOURCE, "utf8").normalize("NFC").split("\n");
  const start = lines.findIndex((l) => l.startsWith("| TT |"));
  const end = lines.findIndex((l, i) => i > start && l.startsWith("Trong 20 chỉ tiêu"));
  const rows: string[][] = [];
  for (const line of lines.slice(start, end)) {
    if (!line.startsWith("|")) continue;
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells.every((c) => /^-*$/.test(c))) continue;
    if (cells[0] === "" && cells.slice(2).every((c) => c === "")) {
      rows[rows.length - 1][1] += ` ${cells[1]}`;
      continue;
    }
    rows.push(cells);
  }
  return { header: rows[0], rows: rows.slice(1) };
}

function report() {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  const est = builtInEstimates2023();
  return buildReport({ plan, actuals: { rows: est.rows }, period: "year", figures: est.kind });
}

describe("783/BC table", () => {
  const expected = sourceTable();

  test("the source table has 26 rows (20 targets and 6 sector rows)", () => {
    expect(expected.rows).toHaveLength(26);
    expect(expected.rows.find((r) => r[0] === "5")?.[1]).toBe("Sản lượng lương thực cây có hạt");
  });

  test("header matches", () => {
    expect(report().columns.map((c) => c.header)).toEqual(expected.header);
  });

  test("every cell matches the printed table", () => {
    const model = report();
    const actual = model.rows.map((r) => rowCells(model, r));
    expect(actual).toHaveLength(expected.rows.length);
    expected.rows.forEach((row, i) => {
      expect({ row: i + 1, cells: actual[i] }).toEqual({ row: i + 1, cells: row });
    });
  });

  test("the summary sentence reads 13 / 06 / 01 as printed", () => {
    const text = readFileSync(SOURCE, "utf8").normalize("NFC");
    const printed = /Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023[^\n]*/.exec(text)?.[0];
    expect(printed).toBeDefined();
    const model = report();
    expect(model.sentence).toBe(printed);
    expect(model.counts).toMatchObject({ vuot: 13, dat: 6, khongDat: 1, main: 20 });
  });

  test("target 1's sector rows carry a status, target 2's do not", () => {
    const model = report();
    const status = (no: string) => model.rows.find((r) => r.no === no)?.statusText;
    expect(["1.1", "1.2", "1.3"].map(status)).toEqual(["Đạt (vượt)", "Đạt (vượt)", "Đạt (vượt)"]);
    expect(["2.1", "2.2", "2.3"].map(status)).toEqual(["", "", ""]);
  });
});
