/** `ktxh report` in-process: from data files, from a filled `ktxh init` workbook, and its refusals. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { ReportModel } from "../../src/core/report/model";
import { rowCells } from "../../src/core/report/model";
import { builtInEstimates2023, builtInPlan } from "../../src/seeds";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { fixturePlan } from "../layout/fixture";

const ROOT = join(__dirname, "../..");
const ESTIMATES = join(ROOT, "seeds/binh-son-2023.estimates.json");
const EXAMPLE = join(ROOT, "seeds/examples/binh-son-2024.example-actuals.json");

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ktxh-cli-report-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ktxh report --plan --actuals", () => {
  test("writes the .xlsx and .docx and prints the table and 783/BC's sentence", async () => {
    const io = capture(dir);
    const code = await main(["report", "--plan", "binh-son-2023", "--actuals", ESTIMATES, "-o", "bc.xlsx", "--docx", "bc.docx", "--number", "783", "--date", "2023-12-05"], io);
    expect(io.stderr()).toBe("");
    expect(code).toBe(0);
    expect(io.stdout()).toContain("có 13 chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt");
    expect(statSync(join(dir, "bc.xlsx")).size).toBeGreaterThan(5000);
    expect(readFileSync(join(dir, "bc.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  test("--json prints the model; the example file's note, tasks and traffic come through", async () => {
    const io = capture(dir);
    const code = await main(["report", "--plan", "binh-son-2024", "--actuals", EXAMPLE, "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.note).toBe("SỐ LIỆU VÍ DỤ — không phải số liệu thật");
    expect(model.tasks?.total).toBe(33);
    expect(model.rows.find((r) => r.no === "18")?.actual.text).toBe("giảm 02 tiêu chí");
    // The example types "giảm 03" against counts giving 2: the check says so and the exit code shows it.
    expect(model.problems.map((p) => p.code)).toContain("traffic.inconsistent");
    expect(code).toBe(1);
  });

  test("never writes over an input file", async () => {
    const actuals = join(dir, "so-lieu.json");
    copyFileSync(ESTIMATES, actuals);
    const before = readFileSync(actuals);
    const io = capture(dir);
    expect(await main(["report", "--plan", "binh-son-2023", "--actuals", "so-lieu.json", "-o", "so-lieu.json"], io)).toBe(2);
    expect(readFileSync(actuals).equals(before)).toBe(true);
    expect(io.stderr()).toContain("trùng với tệp đầu vào");
  });

  test("bad usage exits 2", async () => {
    expect(await main(["report", "--plan", "binh-son-2023", "--actuals", ESTIMATES, "--period", "half", "-o", "x.xlsx"], capture(dir))).toBe(2);
    expect(await main(["report", "--plan", "binh-son-2023", "-o", "x.xlsx"], capture(dir))).toBe(2);
    expect(await main(["report", "--plan", "binh-son-2023", "--actuals", ESTIMATES, "--date", "32/12/2023", "-o", "x.xlsx"], capture(dir))).toBe(2);
    expect(await main(["report", "--plan", "binh-son-2023", "--actuals", join(dir, "khong-co.json"), "-o", "x.xlsx"], capture(dir))).toBe(2);
  });
});

describe("ktxh report WORKBOOK", () => {
  /** A workbook as `ktxh init` makes it, with figures typed into the given period's column. */
  async function filledWorkbook(
    planId: string, period: string, figures: Record<string, string | number>, tasks: Record<string, string> = {}, traffic: Record<string, number> = {},
    overrides: Record<string, [string, string | null]> = {},
  ): Promise<string> {
    const plan = builtInPlan(planId);
    if (!plan) throw new Error(planId);
    const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
    const sheets = findLayoutSheets(workbook);
    const t = sheets.targets;
    if (!t) throw new Error("no targets sheet");
    const col = t.sheet.columns.find((c) => c.key === `p:${period}`);
    if (!col) throw new Error("no period column");
    for (const row of t.sheet.rows) {
      const id = row.id ?? "";
      const v = id.startsWith("t:") ? figures[id.slice(2)] : traffic[id];
      if (v !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = v;
      const o = overrides[id.slice(2)];
      if (id.startsWith("t:") && o) {
        for (const [key, value] of [["override", o[0]], ["override-reason", o[1]]] as const) {
          const c = t.sheet.columns.find((x) => x.key === key);
          if (!c) throw new Error(`no ${key} column`);
          t.worksheet.getCell(row.index + 1, c.index + 1).value = value;
        }
      }
    }
    const n = sheets.tasks;
    if (n) {
      const sc = n.sheet.columns.find((c) => c.key === `status:${period}`);
      for (const row of n.sheet.rows) {
        const v = tasks[(row.id ?? "").slice(2)];
        if (v && sc) n.worksheet.getCell(row.index + 1, sc.index + 1).value = v;
      }
    }
    const file = join(dir, "so.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }

  /** 783/BC's 2023 estimates: plain figures typed as numbers, as Excel stores them; the rest as text (">80", "giảm 01 tiêu chí"). */
  function estimates2023(): Record<string, string | number> {
    const figures: Record<string, string | number> = {};
    for (const r of builtInEstimates2023().rows) {
      const n = Number(r.actual.replace(/\./g, "").replace(",", "."));
      figures[r.no] = Number.isFinite(n) ? n : r.actual;
    }
    return figures;
  }

  test("reads the year's figures by row identity and prints them at the written precision", async () => {
    await filledWorkbook("binh-son-2023", "year", estimates2023());
    const io = capture(dir);
    const code = await main(["report", "so.xlsx", "--period", "year", "-o", "bc.xlsx", "--json"], io);
    expect(io.stderr()).toBe("");
    expect(code).toBe(0);
    const model = JSON.parse(io.stdout()) as ReportModel;
    const cells = Object.fromEntries(model.rows.map((r) => [r.no, rowCells(model, r)]));
    expect(cells["1"]).toEqual(["1", "Tổng giá trị sản xuất", "Tỷ đồng", "22.293,49", "22.801,39", "Đạt (vượt)"]);
    expect(cells["1.3"][4]).toBe("11.657,00");
    expect(cells["3"][4]).toBe("1.284,679");
    expect(cells["18"].slice(4)).toEqual(["giảm 01 tiêu chí", "Không đạt"]);
    expect(model.counts).toMatchObject({ vuot: 13, dat: 6, khongDat: 1 });
    expect(statSync(join(dir, "bc.xlsx")).size).toBeGreaterThan(5000);
  });

  test("a mid-year report from the 6-month column, with traffic counts and task statuses", async () => {
    await filledWorkbook(
      "binh-son-2024", "6m", { "3": 400.5, "8": 900 }, { "1": "Hoàn thành", "2.1": "Đang thực hiện" },
      { "tn:accidents:prev": 20, "tn:accidents:cur": 15, "tn:deaths:prev": 10, "tn:deaths:cur": 9, "tn:injuries:prev": 12, "tn:injuries:cur": 11 },
    );
    const io = capture(dir);
    await main(["report", "so.xlsx", "--period", "6m", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.columns.map((c) => c.key)).toEqual(["no", "name", "unit", "plan", "actual", "percentPlan", "outlook"]);
    expect(model.rows.find((r) => r.no === "3")?.percentPlan?.text).toBe("64,3");
    // 400,5 in 6 months points to 801 for the year (no 2023 book given: linear in months), above 623,17.
    expect(model.rows.find((r) => r.no === "3")?.outlook).toMatchObject({ status: "du-kien-dat", projected: 801, basis: "months" });
    expect(model.rows.find((r) => r.no === "18")?.actual.text).toBe("giảm 03 tiêu chí");
    expect(model.tasks).toMatchObject({ total: 33, done: 1, doing: 1, unreported: 31 });
    // Timeliness at 30 June: the default plan's tasks are due at year end ("Năm 2024") or never; the 31
    // unreported ones are in none of the four counts.
    expect(model.tasks).toMatchObject({ onTime: 1, late: 0, openInTime: 1, overdue: 0 });
  });

  test("at year end a task of \"Năm 2024\" not done is overdue; one \"Thường xuyên\" is not", async () => {
    await filledWorkbook("binh-son-2024", "year", {}, { "1": "Hoàn thành", "2.1": "Đang thực hiện", "5": "Đang thực hiện" });
    const io = capture(dir);
    await main(["report", "so.xlsx", "--period", "year", "-o", "bc.xlsx", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    const plan = builtInPlan("binh-son-2024");
    const ongoing = plan?.tasks.filter((t) => /Thường xuyên/.test(t.timing ?? "") || t.timing == null).map((t) => t.code) ?? [];
    expect(ongoing).toEqual(["1", "4.6", "5"]);
    // 1 is done (no deadline: on time); 5 runs all year; 2.1 was due on 31 December. The other 30 have
    // no status: counted "chưa báo cáo", never overdue.
    expect(model.tasks).toMatchObject({ onTime: 1, late: 0, openInTime: 1, overdue: 1, unreported: 30 });
    expect(model.tasks?.columns.map((c) => c.header).slice(-4)).toEqual(["Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Đang thực hiện trong hạn", "Quá hạn"]);
    expect(model.tasks?.sentence).toContain("quá hạn chưa hoàn thành 01 nhiệm vụ, chưa báo cáo 30 nhiệm vụ");
  });

  test("--previous 2023 book: a 6-month report with So với cùng kỳ from the same period of 2023", async () => {
    await filledWorkbook("binh-son-2023", "6m", { "3": 300, "8": 800, "14": 1, "20": 1000, "1.1": 1500 });
    const { renameSync } = await import("fs");
    renameSync(join(dir, "so.xlsx"), join(dir, "2023.xlsx"));
    await filledWorkbook("binh-son-2024", "6m", { "3": 400.5, "8": 900, "20": 1100 });
    const io = capture(dir);
    await main(["report", "so.xlsx", "--period", "6m", "--previous", "2023.xlsx", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.columns.find((c) => c.key === "percentPrevious")?.header).toBe("So với cùng kỳ (%)");
    const pp = (no: string): string | undefined => model.rows.find((r) => r.no === no)?.percentPrevious?.text;
    expect([pp("3"), pp("8"), pp("20")]).toEqual(["133,5", "112,5", "110,0"]);
    // 2024 has no sector rows: 2023's 1.1 matches nothing.
    expect(model.rows.some((r) => r.no === "1.1")).toBe(false);
    // The text form names the matches made by name or by number alone.
    const text = capture(dir);
    expect(await main(["report", "so.xlsx", "--period", "6m", "--previous", "2023.xlsx", "-o", "bc.xlsx"], text)).toBeLessThan(2);
    expect(text.stdout()).toContain("So với cùng kỳ");
  });

  test("--previous that cannot be read exits 2; it is never written over", async () => {
    await filledWorkbook("binh-son-2024", "6m", { "3": 400.5 });
    expect(await main(["report", "so.xlsx", "--period", "6m", "--previous", "khong-co.xlsx", "-o", "bc.xlsx"], capture(dir))).toBe(2);
    writeFileSync(join(dir, "nam-truoc.json"), JSON.stringify({ rows: [{ no: "3", actual: "300" }] }));
    expect(await main(["report", "so.xlsx", "--period", "6m", "--previous", "nam-truoc.json", "-o", "nam-truoc.json"], capture(dir))).toBe(2);
    const io = capture(dir);
    await main(["report", "so.xlsx", "--period", "6m", "--previous", "nam-truoc.json", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.rows.find((r) => r.no === "3")?.percentPrevious?.text).toBe("133,5");
  });

  test("a staff override with its reason is the report's status for that row, and the reason is kept", async () => {
    await filledWorkbook("binh-son-2023", "year", estimates2023(), {}, {}, { "1": ["Không đạt", "Số liệu ngành xây dựng chưa được Cục Thống kê xác nhận"] });
    const io = capture(dir);
    const code = await main(["report", "so.xlsx", "--period", "year", "--json"], io);
    expect(code).toBe(0);
    const model = JSON.parse(io.stdout()) as ReportModel;
    const row = model.rows.find((r) => r.no === "1");
    expect(rowCells(model, row!)[5]).toBe("Không đạt");
    expect(row).toMatchObject({ overridden: true });
    expect(row?.reason).toContain("Số liệu ngành xây dựng chưa được Cục Thống kê xác nhận");
    // 783/BC's 13 / 6 / 1 becomes 12 / 6 / 2: the count follows the override.
    expect(model.counts).toMatchObject({ vuot: 12, dat: 6, khongDat: 2 });
  });

  test("an override without a reason is not applied and is reported", async () => {
    await filledWorkbook("binh-son-2023", "year", estimates2023(), {}, {}, { "1": ["Không đạt", null], "3": ["đạt rồi", "đã kiểm tra"] });
    const io = capture(dir);
    const code = await main(["report", "so.xlsx", "--period", "year", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(rowCells(model, model.rows.find((r) => r.no === "1")!)[5]).toBe("Đạt (vượt)");
    expect(model.counts).toMatchObject({ vuot: 13, dat: 6, khongDat: 1 });
    expect(model.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: "evaluate.override-invalid", location: expect.objectContaining({ target: "1" }) }),
      expect.objectContaining({ code: "actuals.bad-status", location: expect.objectContaining({ target: "3" }) }),
    ]));
    expect(code).toBe(1);
  });

  test("an override made against the year's judgement does not reach a 6-month report", async () => {
    // initWorkbook judges the latest period opened, the year.
    await filledWorkbook("binh-son-2024", "6m", { "3": 400.5 }, {}, {}, { "3": ["Đạt (vượt)", "Thu ngân sách cả năm đã vượt dự toán"] });
    const io = capture(dir);
    await main(["report", "so.xlsx", "--period", "6m", "--json"], io);
    const six = JSON.parse(io.stdout()) as ReportModel;
    expect(six.rows.find((r) => r.no === "3")).toMatchObject({ overridden: false });
    const year = capture(dir);
    await main(["report", "so.xlsx", "--period", "year", "--json"], year);
    expect((JSON.parse(year.stdout()) as ReportModel).rows.find((r) => r.no === "3")).toMatchObject({ overridden: true });
  });

  test("a period the workbook has no column for is refused with the periods it has", async () => {
    await filledWorkbook("binh-son-2023", "year", {});
    const io = capture(dir);
    expect(await main(["report", "so.xlsx", "--period", "q1", "-o", "bc.xlsx"], io)).toBe(2);
    expect(io.stderr()).toContain("6m, year");
  });

  test("a file that is no workbook is unreadable input, not a crash", async () => {
    writeFileSync(join(dir, "so.xlsx"), "không phải xlsx");
    const io = capture(dir);
    expect(await main(["report", "so.xlsx", "-o", "bc.xlsx"], io)).toBe(2);
    expect(io.stderr()).toContain("Không mở được sổ Excel");
  });
});

describe("ktxh report: each period's task statuses", () => {
  /** The fixture plan's book with statuses typed per period: "2.1" is due by Quý I. */
  async function book(statuses: Record<string, Record<string, string>>, legacy = false): Promise<string> {
    const plan = fixturePlan();
    const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
    const n = findLayoutSheets(workbook).tasks;
    if (!n) throw new Error("no tasks sheet");
    if (legacy) {
      // A book of layout 1: one status column, keyed "status" (the year's column renamed, the 6 months' gone).
      const keyRow = n.worksheet.getRow(n.sheet.keyRow + 1);
      keyRow.eachCell((c) => {
        if (c.value === "status:year") c.value = "status";
        if (c.value === "status:6m" || c.value === "result:6m") c.value = null;
      });
    }
    for (const [period, byCode] of Object.entries(statuses)) {
      const col = n.sheet.columns.find((c) => c.key === (legacy ? "status:year" : `status:${period}`));
      if (!col) throw new Error(`no status column for ${period}`);
      for (const row of n.sheet.rows) {
        const v = byCode[(row.id ?? "").slice(2)];
        if (v) n.worksheet.getCell(row.index + 1, col.index + 1).value = v;
      }
    }
    const file = join(dir, "nv.xlsx");
    await workbook.xlsx.writeFile(file);
    return file;
  }

  async function tasksOf(period: string): Promise<ReportModel["tasks"]> {
    const io = capture(dir);
    expect(await main(["report", "nv.xlsx", "--period", period, "--json"], io)).toBeLessThan(2);
    return (JSON.parse(io.stdout()) as ReportModel).tasks;
  }

  test("the 6-month report counts the 6-month statuses, the year's the year's; a task due in Quý I done after June is late", async () => {
    await book({
      "6m": { "1": "Đang thực hiện", "2.1": "Đang thực hiện", "2.2": "Hoàn thành" },
      year: { "1": "Hoàn thành", "2.1": "Hoàn thành", "2.2": "Hoàn thành", "3.1": "Đang thực hiện" },
    });
    const six = await tasksOf("6m");
    expect(six).toMatchObject({ total: 4, done: 1, doing: 2, unreported: 1 });
    // At 30 June: 2.1 (due 31 March) not done is overdue; 1 (due 31 December) is open within the deadline; 3.1 has no status (unreported).
    expect(six).toMatchObject({ onTime: 1, late: 0, openInTime: 1, overdue: 1 });
    const year = await tasksOf("year");
    expect(year).toMatchObject({ total: 4, done: 3, doing: 1, unreported: 0 });
    // The 6 months' report had 2.1 not done past its deadline: done late. 3.1 is overdue at 31 December.
    expect(year).toMatchObject({ onTime: 2, late: 1, openInTime: 0, overdue: 1 });
    expect(year?.sentence).toContain("hoàn thành trễ hạn 01 nhiệm vụ");
  });

  test("a book with one status column (layout 1) gives that status to every period, as before", async () => {
    await book({ year: { "1": "Hoàn thành", "2.1": "Hoàn thành" } }, true);
    expect(await tasksOf("6m")).toMatchObject({ done: 2, unreported: 2 });
    expect(await tasksOf("year")).toMatchObject({ done: 2, unreported: 2, late: 0 });
  });
});
