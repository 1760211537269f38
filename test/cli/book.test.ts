/**
 * The one reading of a workbook through the CLI: a book knows its plan (its record), `check` and
 * `report` use it without `--plan`, a plan chosen against the record is said aloud, and the add-in's
 * own books read the same after their key row or identity column was deleted.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import type { ReportModel } from "../../src/core/report/model";
import { rowCells } from "../../src/core/report/model";
import { findLayoutSheets } from "../../src/hosts/xlsx/workbook-init";

const COMMUNE = join(__dirname, "../fixtures/xa-binh-hai-2025.json");

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

interface CheckJson {
  files: { file: string; plan: string; planSource?: string; issues: { code: string; severity: string; cell: string | null }[] }[];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ktxh-cli-book-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function init(args: string[], out: string): Promise<string> {
  const io = capture(dir);
  expect(await main(["init", ...args, "-o", out], io)).toBe(0);
  return join(dir, out);
}

async function checkJson(args: string[]): Promise<{ code: number; json: CheckJson }> {
  const io = capture(dir);
  const code = await main(["check", ...args, "--json"], io);
  return { code, json: JSON.parse(io.stdout()) as CheckJson };
}

describe("a book made from a plan file knows its plan", () => {
  test("`ktxh check` without --plan checks it against the recorded plan: 0 errors on the empty book", async () => {
    await init(["--plan", COMMUNE], "xa.xlsx");
    const { code, json } = await checkJson(["xa.xlsx"]);
    const f = json.files[0];
    expect(f.plan).toBe("xa-binh-hai-2025");
    expect(f.planSource).toBe("record");
    expect(f.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(f.issues.map((i) => i.code)).not.toContain("plan.differs");
    expect(code).toBe(0);
  });

  test("`ktxh report` without --plan reports it against the recorded plan, without the plan file", async () => {
    await init(["--plan", COMMUNE], "xa.xlsx");
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, "xa.xlsx"));
    const t = findLayoutSheets(wb).targets;
    if (!t) throw new Error("no targets sheet");
    const col = t.sheet.columns.find((c) => c.key === "p:year");
    const row = t.sheet.rows.find((r) => r.id === "t:2");
    if (!col || !row) throw new Error("no cell");
    t.worksheet.getCell(row.index + 1, col.index + 1).value = 3300;
    await wb.xlsx.writeFile(join(dir, "xa.xlsx"));
    const io = capture(dir);
    const code = await main(["report", "xa.xlsx", "--json"], io);
    expect(io.stderr()).not.toContain("không có kế hoạch");
    expect(code).toBeLessThan(2);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.rows.map((r) => r.no)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(rowCells(model, model.rows.find((r) => r.no === "2")!).slice(4)).toEqual(["3.300", "Đạt (vượt)"]);
  });

  test("the recorded plan is the plan itself: a plan file edited or gone later does not change the book's plan", async () => {
    await init(["--plan", COMMUNE], "xa.xlsx");
    const plan = JSON.parse(readFileSync(COMMUNE, "utf8")) as { targets: { target: string }[] };
    expect(plan.targets[0].target).toBe("khoảng 4.850");
    // Nothing but the book: checked from another folder, the plan file not beside it.
    const other = mkdtempSync(join(tmpdir(), "ktxh-cli-book-other-"));
    try {
      const io = capture(other);
      const code = await main(["check", join(dir, "xa.xlsx"), "--json"], io);
      expect((JSON.parse(io.stdout()) as CheckJson).files[0].plan).toBe("xa-binh-hai-2025");
      expect(code).toBe(0);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("a plan chosen against the book's record is said aloud", () => {
  test("`ktxh check` of a Bình Sơn book with --plan OTHER reports the mismatch", async () => {
    await init([], "bs.xlsx");
    const { json } = await checkJson(["bs.xlsx", "--plan", COMMUNE]);
    const f = json.files[0];
    expect(f.plan).toBe("xa-binh-hai-2025");
    expect(f.planSource).toBe("chosen");
    expect(f.issues.map((i) => i.code)).toContain("plan.mismatch");
  });

  test("the same plan chosen as recorded says nothing", async () => {
    await init([], "bs.xlsx");
    const { json } = await checkJson(["bs.xlsx", "--plan", "binh-son-2024"]);
    expect(json.files[0].issues.map((i) => i.code)).not.toContain("plan.mismatch");
  });

  test("`ktxh report` with --plan OTHER says so too", async () => {
    await init([], "bs.xlsx");
    const io = capture(dir);
    await main(["report", "bs.xlsx", "--plan", "binh-son-2023", "--json"], io);
    const model = JSON.parse(io.stdout()) as ReportModel;
    expect(model.problems.map((p) => p.code)).toContain("plan.mismatch");
  });
});

describe("`ktxh report` reads the add-in's own books however they were damaged", () => {
  const FIGURES: Record<string, number | string> = { "1": 25300, "2": 10.9, "3": 600.5, "8": 1720, "11": 1, "17": 82, "18": "giảm 02 tiêu chí" };
  const TRAFFIC: Record<string, number> = {
    "tn:accidents:prev": 20, "tn:accidents:cur": 15, "tn:deaths:prev": 10, "tn:deaths:cur": 9, "tn:injuries:prev": 12, "tn:injuries:cur": 13,
  };
  const TASKS: Record<string, string> = { "1": "Hoàn thành", "2.1": "Đang thực hiện" };

  /** A Bình Sơn book from `ktxh init`, filled, then damaged as a user may damage it. */
  async function book(damage: "none" | "key-row" | "identity-column" | "both"): Promise<string> {
    const file = await init(["--periods", "6m,year"], `${damage}.xlsx`);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const sheets = findLayoutSheets(wb);
    const t = sheets.targets;
    const n = sheets.tasks;
    if (!t || !n) throw new Error("no layout");
    const col = t.sheet.columns.find((c) => c.key === "p:year");
    if (!col) throw new Error("no year column");
    for (const row of t.sheet.rows) {
      const id = row.id ?? "";
      const v = id.startsWith("t:") ? FIGURES[id.slice(2)] : TRAFFIC[id];
      if (v !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = v;
    }
    const sc = n.sheet.columns.find((c) => c.key === "status:year");
    for (const row of n.sheet.rows) {
      const v = TASKS[(row.id ?? "").slice(2)];
      if (v && sc) n.worksheet.getCell(row.index + 1, sc.index + 1).value = v;
    }
    for (const s of [t, n]) {
      if (damage === "identity-column" || damage === "both") s.worksheet.spliceColumns(s.sheet.idCol + 1, 1);
      if (damage === "key-row" || damage === "both") s.worksheet.spliceRows(s.sheet.keyRow + 1, 1);
    }
    await wb.xlsx.writeFile(file);
    return file;
  }

  async function report(file: string): Promise<{ code: number; model: ReportModel; stderr: string }> {
    const io = capture(dir);
    const code = await main(["report", file, "--period", "year", "--json"], io);
    return { code, model: JSON.parse(io.stdout() || "null") as ReportModel, stderr: io.stderr() };
  }

  const view = (m: ReportModel) => ({
    plan: m.rows.length,
    rows: m.rows.map((r) => rowCells(m, r)),
    counts: m.counts,
    tasks: m.tasks,
    sentence: m.sentence,
  });

  test.each(["key-row", "identity-column", "both"] as const)("with the %s deleted: the same figures as the intact book", async (damage) => {
    const intact = await report(await book("none"));
    expect(intact.code).toBeLessThan(2);
    expect(rowCells(intact.model, intact.model.rows.find((r) => r.no === "8")!)[4]).toBe("1.720");
    expect(intact.model.tasks).toMatchObject({ done: 1, doing: 1 });
    const started = Date.now();
    const damaged = await report(await book(damage));
    expect(Date.now() - started).toBeLessThan(20000);
    expect(damaged.stderr).not.toContain("không có trang Chỉ tiêu");
    expect(damaged.code).toBe(intact.code);
    expect(view(damaged.model)).toEqual(view(intact.model));
  });

  test("`ktxh evaluate BOOK.xlsx` reads it the same way: the recorded plan, the same statuses intact or damaged", async () => {
    const evaluate = async (file: string) => {
      const io = capture(dir);
      const code = await main(["evaluate", file, "--period", "year", "--json"], io);
      return { code, json: JSON.parse(io.stdout()) as { plan: string; rows: { no: string; status: string; percent: number | null }[]; summary: unknown } };
    };
    const intact = await evaluate(await book("none"));
    expect(intact.json.plan).toBe("binh-son-2024");
    expect(intact.json.rows.find((r) => r.no === "8")?.status).toBe("vuot");
    const damaged = await evaluate(await book("both"));
    expect(damaged.json.rows).toEqual(intact.json.rows);
    expect(damaged.json.summary).toEqual(intact.json.summary);
  });

  test.each(["key-row", "identity-column"] as const)("`ktxh check` of the book with the %s deleted: no false warning on the traffic rows", async (damage) => {
    await book(damage);
    const { json } = await checkJson([`${damage}.xlsx`]);
    expect(json.files[0].issues.filter((i) => i.code === "row.unplaced")).toEqual([]);
  });
});

describe("`ktxh check` of the add-in's own book after damage finds what it finds on the intact book", () => {
  test.each(["key-row", "identity-column", "both"] as const)("with the %s deleted: no column.unknown on the override columns, no row.unplaced, the same codes", async (damage) => {
    const codes = async (d: "none" | typeof damage): Promise<string[]> => {
      const file = await init(["--periods", "6m,9m,year"], `${d}.xlsx`);
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      const sheets = findLayoutSheets(wb);
      for (const s of [sheets.targets, sheets.tasks]) {
        if (!s) throw new Error("no layout");
        if (s === sheets.targets) {
          for (const col of s.sheet.columns.filter((c) => c.key === "p:6m" || c.key === "p:year")) {
            for (const row of s.sheet.rows) if (row.id?.startsWith("t:") || row.id?.startsWith("tn:")) s.worksheet.getCell(row.index + 1, col.index + 1).value = row.id.startsWith("tn:") ? 3 : 5;
          }
        }
        if (d === "identity-column" || d === "both") s.worksheet.spliceColumns(s.sheet.idCol + 1, 1);
        if (d === "key-row" || d === "both") s.worksheet.spliceRows(s.sheet.keyRow + 1, 1);
      }
      await wb.xlsx.writeFile(file);
      const { json } = await checkJson([`${d}.xlsx`]);
      return json.files[0].issues.map((i) => i.code).sort();
    };
    const intact = await codes("none");
    const damaged = await codes(damage);
    expect(damaged.filter((c) => c === "column.unknown" || c === "row.unplaced" || c === "row.duplicate")).toEqual([]);
    expect(damaged).toEqual(intact);
  });
});
