import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const root = path.join(__dirname, "..", "..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-evaluate-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", cwd: dir, out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

type Out = { rows: { no: string; status: string; percent: number | null; reason: string }[]; summary: Record<string, number>; sentence: string };

describe("ktxh evaluate", () => {
  it("evaluates the built-in 2023 plan against its estimates (JSON actuals) as 783/BC does", async () => {
    const io = capture();
    const code = await main(["evaluate", "binh-son-2023", path.join(root, "seeds/binh-son-2023.estimates.json"), "--json"], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout) as Out;
    expect(out.summary).toEqual({ vuot: 13, dat: 6, khongDat: 1, xemLai: 0, thieuSoLieu: 0, chuaDanhGia: 0 });
    expect(out.rows).toHaveLength(26);
    const byNo = new Map(out.rows.map((r) => [r.no, r]));
    expect(byNo.get("9")).toMatchObject({ status: "dat", percent: 100, reason: "49 > 48: đạt" });
    expect(byNo.get("18")).toMatchObject({ status: "khong-dat", percent: null });
    expect(byNo.get("1.3")!.status).toBe("vuot");
    expect(out.sentence).toContain("13 chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt");
  });

  it("reads a CSV of actuals, sub-rows included, and counts missing figures", async () => {
    fs.writeFileSync(path.join(dir, "th.csv"), 'no,actual\n9,49\n10,"2,82"\n1.1,"2.939,44"\n17,\n');
    const io = capture();
    const code = await main(["evaluate", "binh-son-2023", "th.csv", "--json"], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout) as Out;
    const byNo = new Map(out.rows.map((r) => [r.no, r.status]));
    expect([byNo.get("9"), byNo.get("10"), byNo.get("1.1"), byNo.get("17")]).toEqual(["dat", "vuot", "vuot", "thieu-so-lieu"]);
    expect(out.summary).toEqual({ vuot: 1, dat: 1, khongDat: 0, xemLai: 0, thieuSoLieu: 18, chuaDanhGia: 0 });
  });

  it("a figure the workbook check calls a slip is Cần xem lại with the check's proposed value, in text and --json", async () => {
    // What an en-US Excel keeps of `1.720` (khoảng 1.600) and of `52%` (khoảng 50).
    fs.writeFileSync(path.join(dir, "slips.json"), JSON.stringify({ rows: [{ no: "8", actual: 1.72 }, { no: "9", actual: 0.52 }, { no: "3", actual: 700 }] }));
    const io = capture();
    const code = await main(["evaluate", "binh-son-2024", "slips.json", "--json"], io);
    expect(code).toBe(1);
    const out = JSON.parse(io.stdout) as Out & { rows: { review?: { code: string; proposed: number } }[]; problems: { code: string }[] };
    const byNo = new Map(out.rows.map((r) => [r.no, r]));
    expect(byNo.get("8")).toMatchObject({ status: "xem-lai", percent: null, review: { code: "value.decimal-confusion", proposed: 1720 } });
    expect(byNo.get("9")).toMatchObject({ status: "xem-lai", review: { code: "value.percent-fraction", proposed: 52 } });
    expect(byNo.get("8")!.reason).toContain("1.720");
    expect(out.summary).toEqual({ vuot: 1, dat: 0, khongDat: 0, xemLai: 2, thieuSoLieu: 17, chuaDanhGia: 0 });
    expect(out.problems.map((p) => p.code)).toEqual(expect.arrayContaining(["value.decimal-confusion", "value.percent-fraction"]));
    const text = capture();
    await main(["evaluate", "binh-son-2024", "slips.json"], text);
    expect(text.stdout).toMatch(/Cần xem lại/);
    expect(text.stdout).toContain("19 chỉ tiêu chưa đánh giá được");
  });

  it("takes traffic counts from JSON actuals and exits 1 on the problem it finds", async () => {
    const actuals = { rows: [{ no: "18", actual: "giảm 01 tiêu chí" }], traffic: { accidents: [120, 100], deaths: [50, 45], injuries: [80, 90] } };
    fs.writeFileSync(path.join(dir, "traffic.json"), JSON.stringify(actuals));
    const io = capture();
    const code = await main(["evaluate", "binh-son-2023", "traffic.json", "--json"], io);
    expect(code).toBe(1);
    const out = JSON.parse(io.stdout) as Out & { problems: { code: string }[] };
    expect(out.rows.find((r) => r.no === "18")!.reason).toMatch(/^giảm 2\/3 tiêu chí/);
    expect(out.problems.map((p) => p.code)).toEqual(["traffic.inconsistent"]);
  });

  it("reads a plan typed as a semicolon CSV", async () => {
    fs.writeFileSync(path.join(dir, "ke-hoach-2024.csv"), "no;name;unit;target\n1;Tổng giá trị sản xuất;tỷ đồng;khoảng 25.224\n2;Tỷ lệ hộ nghèo;%;giảm còn khoảng 2,14%\n");
    fs.writeFileSync(path.join(dir, "th-2024.csv"), 'no,actual\n1,"25.300"\n2,"2,3"\n');
    const io = capture();
    expect(await main(["evaluate", "ke-hoach-2024.csv", "th-2024.csv", "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout) as Out;
    expect(out.rows.map((r) => r.status)).toEqual(["vuot", "khong-dat"]);
  });

  it("prints a readable table without --json", async () => {
    const io = capture();
    expect(await main(["evaluate", "binh-son-2023", path.join(root, "seeds/binh-son-2023.estimates.json")], io)).toBe(0);
    expect(io.stdout).toContain("Đạt (vượt)");
    expect(io.stdout).toContain("49 > 48: đạt");
    expect(io.stdout).toContain("Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023");
  });

  it("exits 2 on unreadable input", async () => {
    fs.writeFileSync(path.join(dir, "bad.json"), "{ rows: ");
    expect(await main(["evaluate", "binh-son-2023", "bad.json", "--json"], capture())).toBe(2);
    expect(await main(["evaluate", "binh-son-2023", "missing.csv"], capture())).toBe(2);
    expect(await main(["evaluate", "no-such-plan", "missing.csv"], capture())).toBe(2);
    expect(await main(["evaluate", "binh-son-2023"], capture())).toBe(2);
  });
});
