/**
 * A colleague's workbook whose column says it holds the fall ("Mức giảm so với năm trước", "Giảm so
 * với năm trước", "Ước TH (mức giảm)"): for a fall target the figure there is the fall itself, whatever
 * the plan says (no `actualIs`), and the reason names the column; the new rate with last year's still
 * works; `ktxh check` does not call the fall column last year's figure, nor the other targets missing
 * from it. Books made by ExcelJS, read through `ktxh evaluate` and `ktxh check`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { classifyHeader } from "../../src/core/read-table/columns";

const PLAN = {
  id: "xa-tan-phuoc-2024",
  unit: "UBND xã Tân Phước",
  year: 2024,
  source: { document: "Kế hoạch phát triển kinh tế - xã hội xã Tân Phước năm 2024 (thử)", file: null, date: null },
  targets: [
    { no: "1", name: "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", unit: "%", target: "giảm 1-1,5%", previous: "3,51" },
    { no: "2", name: "Tổng thu ngân sách nhà nước trên địa bàn xã", unit: "triệu đồng", target: "khoảng 4.850" },
    { no: "3", name: "Tỷ lệ hộ cận nghèo", unit: "%", target: "giảm còn 4%", direction: "lower" },
    { no: "4", name: "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", unit: "%", target: "giảm 0,5%", previous: "12,4" },
  ],
  tasks: [],
};

type Row = (string | number | null)[];

async function colleagueBook(file: string, header: string[], rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Báo cáo xã");
  ws.addRow(["UBND XÃ TÂN PHƯỚC"]);
  ws.addRow(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024"]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ktxh-fall-"));
  writeFileSync(join(dir, "ke-hoach.json"), JSON.stringify(PLAN));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { cwd: dir, out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

type Judged = { no: string; status: string; reason: string };
async function evaluate(book: string): Promise<Map<string, Judged>> {
  const r = await run("evaluate", book, "ke-hoach.json", "--json");
  expect(r.err).toBe("");
  return new Map((JSON.parse(r.out) as { rows: Judged[] }).rows.map((x) => [x.no, x]));
}

type Checked = { files: { issues: { code: string; location: { cell?: string; target?: string } }[] }[] };
async function check(book: string): Promise<Checked["files"][number]["issues"]> {
  const r = await run("check", book, "--plan", "ke-hoach.json", "--json");
  return (JSON.parse(r.out) as Checked).files.flatMap((f) => f.issues);
}

describe("headers that say the column holds the change", () => {
  test.each([
    ["Mức giảm", "decrease"],
    ["Mức giảm so với năm trước", "decrease"],
    ["Mức giảm so với năm 2023", "decrease"],
    ["Giảm so với năm trước", "decrease"],
    ["Giảm so với cuối năm trước (%)", "decrease"],
    ["Ước TH 2024 (mức giảm)", "decrease"],
    ["Mức tăng", "increase"],
    ["Tăng so với năm trước", "increase"],
    ["MUC GIAM", "decrease"],
  ])("%j is a figure column holding the %s", (header, change) => {
    expect(classifyHeader(header)).toMatchObject({ role: "actual", change });
  });

  test.each([
    ["Tăng, giảm so với cùng kỳ (%)", "compare"],
    ["So với năm trước (%)", "compare"],
    ["TH năm trước", "previous"],
    ["Ước TH 2024", "actual"],
  ])("%j is not: %s", (header, role) => {
    const r = classifyHeader(header);
    expect(r?.role).toBe(role);
    expect(r?.change).toBeUndefined();
  });
});

describe("a colleague's book with a column of falls", () => {
  const HEADER = ["STT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024", "Mức giảm so với năm trước"];

  test.each(["Mức giảm so với năm trước", "Mức giảm so với năm 2023"])("the fall typed in a column %j judges the fall target, the reason names the column; the other rows from Ước TH", async (fall) => {
    await colleagueBook(join(dir, "xa.xlsx"), [...HEADER.slice(0, 5), fall], [
      [1, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "giảm 1-1,5%", null, 1.2],
      [2, "Tổng thu ngân sách nhà nước trên địa bàn xã", "triệu đồng", 4850, 5020, null],
      [3, "Tỷ lệ hộ cận nghèo", "%", "giảm còn 4%", 3.8, null],
      [4, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "giảm 0,5%", null, 0.3],
    ]);
    const got = await evaluate("xa.xlsx");
    expect(got.get("1")).toMatchObject({ status: "dat" });
    expect(got.get("1")?.reason).toContain(`giảm 1,2 điểm % (cột "${fall}" ghi mức giảm)`);
    expect(got.get("4")).toMatchObject({ status: "khong-dat" });
    expect(got.get("4")?.reason).toContain(`cột "${fall}" ghi mức giảm`);
    expect(got.get("2")).toMatchObject({ status: "vuot" });
    expect(got.get("3")).toMatchObject({ status: "vuot" });
    // ktxh check: the fall column is no "last year's figure", and nothing is missing from it.
    const issues = await check("xa.xlsx");
    expect(issues.filter((i) => i.code === "value.missing")).toEqual([]);
    expect(issues.filter((i) => i.code.startsWith("column."))).toEqual([]);
  });

  test("the same targets typed as the new rate in Ước TH are judged from last year's figure, and the reason says so", async () => {
    await colleagueBook(join(dir, "xa.xlsx"), HEADER.slice(0, 5), [
      [1, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "giảm 1-1,5%", 2.3],
      [2, "Tổng thu ngân sách nhà nước trên địa bàn xã", "triệu đồng", 4850, 5020],
      [3, "Tỷ lệ hộ cận nghèo", "%", "giảm còn 4%", 3.8],
      [4, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "giảm 0,5%", 11.8],
    ]);
    const got = await evaluate("xa.xlsx");
    expect(got.get("1")).toMatchObject({ status: "dat" });
    expect(got.get("1")?.reason).toContain("tính từ số năm nay 2,3 và năm trước 3,51");
    expect(got.get("4")).toMatchObject({ status: "vuot" });
    expect(got.get("4")?.reason).toContain("năm trước 12,4");
  });

  test("a book whose only figure column is 'Giảm so với năm trước': the falls are judged, a level target there is not guessed", async () => {
    await colleagueBook(join(dir, "xa.xlsx"), ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Giảm so với năm trước"], [
      [1, "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "giảm 1-1,5%", 1.6],
      [2, "Tổng thu ngân sách nhà nước trên địa bàn xã", "triệu đồng", 4850, null],
      [3, "Tỷ lệ hộ cận nghèo", "%", "giảm còn 4%", 0.4],
      [4, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "giảm 0,5%", 0.5],
    ]);
    const got = await evaluate("xa.xlsx");
    expect(got.get("1")).toMatchObject({ status: "vuot" });
    expect(got.get("1")?.reason).toContain('cột "Giảm so với năm trước" ghi mức giảm');
    expect(got.get("4")).toMatchObject({ status: "dat" });
    // "giảm còn 4%" is a level: 0,4 in a column of falls says nothing of it.
    expect(got.get("3")).toMatchObject({ status: "thieu-so-lieu" });
    expect(got.get("3")?.reason).toContain('cột "Giảm so với năm trước" ghi mức tăng, giảm');
    expect(got.get("2")).toMatchObject({ status: "thieu-so-lieu" });
  });
});
