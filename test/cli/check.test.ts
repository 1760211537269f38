/**
 * `ktxh check` as a command: exit codes, the JSON shape, the plan option, progress, folders, and
 * `--out` (an annotated copy that leaves values and the original alone, or a separate issues workbook).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parsePlan, type Plan } from "../../src/core/plan";
import { builtInPlans } from "../../src/seeds";
import { readWorkbook } from "../../src/hosts/xlsx/read-workbook";
import { buildCases } from "../validate/cases";

function capture(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

type JsonFile = {
  file: string; readable: boolean; reason: string | null; plan: string | null; output: string | null; outputKind: string | null;
  issues: { code: string; severity: string; sheet: string | null; cell: string | null; target: string | null; message: string; fix: { cell: string; value: string | number } | null }[];
};

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("ktxh check", () => {
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-check-"));
    const pledge = parsePlan(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/pledge-2024.json"), "utf8")));
    if (!pledge.ok) throw new Error("pledge fixture");
    await buildCases(dir, builtInPlans().find((p) => p.id === "binh-son-2024") as Plan, pledge.value);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; io: ReturnType<typeof capture> }> {
    const io = capture(dir);
    return { code: await main(["check", ...args], io), io };
  }

  async function json(...args: string[]): Promise<{ code: number; files: JsonFile[] }> {
    const { code, io } = await run(...args, "--json");
    return { code, files: (JSON.parse(io.stdout) as { files: JsonFile[] }).files };
  }

  test("exit codes: 0 for a clean file, 1 for errors, 1 is not raised by warnings alone, 2 for an unreadable file", async () => {
    expect((await run("clean-colleague.xlsx")).code).toBe(0);
    expect((await run("decimal-confusion.xlsx")).code).toBe(1);
    expect((await run("text-number.xlsx")).code).toBe(0);
    expect((await run("clean-colleague.xlsx", "decimal-confusion.xlsx", "truncated.xlsx")).code).toBe(2);
  });

  test("bad usage and missing paths are exit code 2 with a Vietnamese message", async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.io.stderr).toContain("cần ít nhất một tệp");
    const opt = await run("--bogus", "x.xlsx");
    expect(opt.code).toBe(2);
    expect(opt.io.stderr).toContain("--bogus");
    const missing = await json("khong-co.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.files[0]).toMatchObject({ file: "khong-co.xlsx", readable: false, issues: [] });
    expect(missing.files[0].reason).toContain("Không tìm thấy");
    const plan = await run("clean-colleague.xlsx", "--plan", "khong-co-ke-hoach");
    expect(plan.code).toBe(2);
  });

  test("--json gives file, readable, reason and issues with code, severity, sheet, cell (null without one), target", async () => {
    // An OLE compound file without EncryptionInfo: the old binary .xls.
    fs.writeFileSync(path.join(dir, "old.xls"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2040)]));
    const { files } = await json("missing-target.xlsx", "excel-errors.xlsx", "protected.xlsx", "old.xls");
    const [missing, errors, protectedFile] = files;
    expect(missing).toMatchObject({ file: "missing-target.xlsx", readable: true, reason: null, plan: "binh-son-2024" });
    expect(missing.issues).toEqual([
      expect.objectContaining({ code: "row.missing", severity: "error", sheet: "Báo cáo", cell: null, target: "13" }),
    ]);
    expect(errors.issues.every((i) => i.code === "cell.error-value" && i.target === null && /^[A-Z]+\d+$/.test(i.cell ?? ""))).toBe(true);
    expect(protectedFile).toMatchObject({ readable: false, issues: [] });
    expect(protectedFile.reason).toContain("mật khẩu");
    expect(files[3]).toMatchObject({ file: "old.xls", readable: false });
    expect(files[3].reason).toContain(".xlsx");
  });

  test("fixes come as data: the number a cell should hold", async () => {
    const { files } = await json("mixed.xlsx");
    const fixes = Object.fromEntries(files[0].issues.filter((i) => i.fix).map((i) => [i.code, i.fix]));
    expect(fixes["value.decimal-confusion"]).toEqual({ cell: "E13", value: 1720 });
    expect(fixes["value.percent-fraction"]).toEqual({ cell: "E12", value: 35.6 });
    expect(fixes["value.text-number"]).toEqual({ cell: "E8", value: 650.2 });
    expect(fixes["plan.differs"]).toEqual({ cell: "D6", value: "khoảng 25.224" });
  });

  test("--plan takes a built-in id or a plan file; without it the year in the headers picks the plan", async () => {
    const auto = await json("bc-783.xlsx");
    expect(auto.files[0]).toMatchObject({ plan: "binh-son-2023", issues: [] });
    const forced = await json("bc-783.xlsx", "--plan", "binh-son-2024");
    expect(forced.files[0].plan).toBe("binh-son-2024");
    // A 2023 book carries its own plan against the 2024 one: said once, never "fixed" to the 2024 values.
    expect(forced.files[0].issues.some((i) => i.code === "plan.sheet-own")).toBe(true);
    expect(forced.files[0].issues.some((i) => i.code === "plan.differs")).toBe(false);
    const file = await json("clean-colleague.xlsx", "--plan", path.join(__dirname, "../fixtures/pledge-2024.json"));
    expect(file.files[0].issues.map((i) => `${i.code} ${i.cell} ${i.target}`)).toEqual(["plan.differs D6 1"]);
  });

  test("folders are walked recursively for .xlsx/.xlsm/.xls/.csv; progress shows on stderr only when asked (not a TTY)", async () => {
    const sub = path.join(dir, "thu-muc", "con");
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(path.join(dir, "clean-colleague.xlsx"), path.join(sub, "xa-a.xlsx"));
    fs.copyFileSync(path.join(dir, "text-number.xlsx"), path.join(sub, "xa-b.xlsm"));
    fs.copyFileSync(path.join(dir, "vi-semicolon.csv"), path.join(dir, "thu-muc", "xa-c.csv"));
    fs.copyFileSync(path.join(dir, "pledge.xlsx"), path.join(dir, "thu-muc", "xa-d.xlsx"));
    fs.writeFileSync(path.join(sub, "ghi-chu.txt"), "không phải sổ tính");
    fs.writeFileSync(path.join(sub, "~$xa-a.xlsx"), "tệp khóa của Excel");
    const quiet = await json("thu-muc");
    expect(quiet.files.map((f) => f.file)).toEqual([
      path.join("thu-muc", "con", "xa-a.xlsx"), path.join("thu-muc", "con", "xa-b.xlsm"), path.join("thu-muc", "xa-c.csv"), path.join("thu-muc", "xa-d.xlsx"),
    ]);
    const loud = await run("thu-muc", "--progress");
    expect(loud.io.stderr.trim().split("\n")).toHaveLength(4);
    expect(loud.io.stderr).toContain("Đang kiểm tra 4/4");
    const silent = await run("thu-muc");
    expect(silent.io.stderr).toBe("");
  });

  test("--out writes an annotated copy: values unchanged, cells marked with fill and note, an issues sheet; the original untouched", async () => {
    const before = sha(path.join(dir, "mixed.xlsx"));
    const { files } = await json("mixed.xlsx", "--out", "ra");
    expect(sha(path.join(dir, "mixed.xlsx"))).toBe(before);
    expect(files[0]).toMatchObject({ output: path.join("ra", "mixed-kiem-tra.xlsx"), outputKind: "annotated" });
    const copyBytes = fs.readFileSync(path.join(dir, "ra", "mixed-kiem-tra.xlsx"));
    const original = await readWorkbook(fs.readFileSync(path.join(dir, "mixed.xlsx")), "mixed.xlsx");
    const copy = await readWorkbook(copyBytes, "copy.xlsx");
    if (!original.ok || !copy.ok) throw new Error("unreadable");
    const values = (g: (typeof original.grids)[number]) => g.cells.map((r) => (r ?? []).map((c) => (c ? [c.value, c.error ?? null] : null)));
    expect(values(copy.grids[0])).toEqual(values(original.grids[0]));
    expect(copy.grids.map((g) => g.sheet)).toEqual(["Báo cáo", "Kiểm tra"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copyBytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Báo cáo");
    const e13 = ws?.getCell("E13");
    expect(e13?.value).toBe(1.72);
    expect((e13?.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(JSON.stringify(e13?.note)).toContain("1.720");
    expect((ws?.getCell("E8").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(ws?.getCell("E7").fill).toBeUndefined();
    const issuesSheet = wb.getWorksheet("Kiểm tra");
    expect(issuesSheet?.getCell("B2").value).toBe("Mức độ");
    const rows: string[] = [];
    issuesSheet?.eachRow((row, r) => {
      if (r > 2) rows.push(`${row.getCell(4).value} ${row.getCell(8).value}`);
    });
    expect(rows).toEqual(files[0].issues.map((i) => `${i.cell} ${i.code}`));
  });

  test("text from other files stays text in the issues sheet: a fix \"=HYPERLINK(…)\" is not a formula", async () => {
    await json("decomposed.xlsx", "--out", "ra2");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "ra2", "decomposed-kiem-tra.xlsx"));
    const sheet = wb.getWorksheet("Kiểm tra");
    const fixes: ExcelJS.Cell[] = [];
    sheet?.eachRow((row, r) => {
      if (r > 2) fixes.push(row.getCell(7));
    });
    const link = fixes.find((c) => String(c.value).startsWith("=HYPERLINK"));
    expect(link?.type).toBe(ExcelJS.ValueType.String);
    expect(link?.value).toBe('=HYPERLINK("http://example.com","Bấm vào đây")');
    expect(link?.formula).toBeUndefined();
    // The colleague's own cell is left as it was: decomposed, and text.
    const g8 = wb.getWorksheet("Báo cáo")?.getCell("G8");
    expect(g8?.type).toBe(ExcelJS.ValueType.String);
    expect(g8?.value).toBe('=HYPERLINK("http://example.com","Bấm vào đây")'.normalize("NFD"));
  });

  test("a workbook with parts ExcelJS cannot carry (drawings) and a CSV get a separate issues workbook", async () => {
    const before = sha(path.join(dir, "with-drawing.xlsx"));
    const { files } = await json("with-drawing.xlsx", "vi-semicolon.csv", "--out", "ra3");
    expect(sha(path.join(dir, "with-drawing.xlsx"))).toBe(before);
    expect(files.map((f) => [f.output, f.outputKind])).toEqual([
      [path.join("ra3", "with-drawing-danh-sach-loi.xlsx"), "issues"],
      [path.join("ra3", "vi-semicolon-danh-sach-loi.xlsx"), "issues"],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "ra3", "with-drawing-danh-sach-loi.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kiểm tra"]);
    expect(fs.readdirSync(path.join(dir, "ra3")).sort()).toEqual(["vi-semicolon-danh-sach-loi.xlsx", "with-drawing-danh-sach-loi.xlsx"]);
  });
});
