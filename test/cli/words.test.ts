/** `ktxh plan --template`, `--year`/`--issuer`, `ktxh evaluate` without a year, `ktxh report --signer --tasks`. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { parsePlanCsv } from "../../src/core/plan-csv";
import { planTemplateCsv } from "../../src/core/plan-template";
import type { ReportModel } from "../../src/core/report/model";

const FIXTURES = path.join(__dirname, "../fixtures");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-words-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ktxh(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir };
  return { code: await main(argv, io), out, err };
}

describe("ktxh plan --template", () => {
  it("writes the core's template, which reads back as a plan once its year is typed", async () => {
    const r = await ktxh("plan", "--template", "-o", "ke-hoach.csv");
    expect([r.code, r.err]).toEqual([0, ""]);
    const bytes = fs.readFileSync(path.join(dir, "ke-hoach.csv"));
    expect(new Uint8Array(bytes)).toEqual(new TextEncoder().encode(planTemplateCsv()));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const noYear = parsePlanCsv(new Uint8Array(bytes), "ke-hoach.csv");
    expect(noYear.problems.map((p) => p.code)).toEqual(["csv.year-missing"]);
    const filled = new TextDecoder().decode(bytes).replace("Đơn vị:;", "Đơn vị:;UBND xã Tân Phước").replace("Năm:;", "Năm:;2026");
    const plan = parsePlanCsv(new TextEncoder().encode(filled), "ke-hoach.csv");
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.problems).toEqual([]);
    expect([plan.value.unit, plan.value.year, plan.value.targets.length]).toEqual(["UBND xã Tân Phước", 2026, 2]);
  });

  it("prints it without -o, and fills the year and unit given", async () => {
    const r = await ktxh("plan", "--template", "--year", "2027", "--issuer", "UBND phường An Hòa");
    expect(r.code).toBe(0);
    expect(r.out).toContain("STT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch");
    const plan = parsePlanCsv(new TextEncoder().encode(r.out), "x.csv");
    expect(plan.ok && [plan.value.unit, plan.value.year]).toEqual(["UBND phường An Hòa", 2027]);
  });

  it("refuses a bad --year and -o without --template", async () => {
    expect((await ktxh("plan", "--template", "--year", "26")).code).toBe(2);
    expect((await ktxh("plan", "-o", "x.csv")).code).toBe(2);
  });
});

describe("plans without a year, and --year / --issuer", () => {
  const csv = "STT;Tên chỉ tiêu;ĐVT;Kế hoạch\n1;Giao quân;%;100%\n";
  it("ktxh evaluate judges a CSV plan that gives no year", async () => {
    fs.writeFileSync(path.join(dir, "ke-hoach.csv"), csv);
    fs.writeFileSync(path.join(dir, "so-lieu.csv"), "no,actual\n1,100\n");
    const r = await ktxh("evaluate", "ke-hoach.csv", "so-lieu.csv", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows[0].status).toBe("dat");
  });

  it("ktxh plan refuses it without --year and reads it with --year and --issuer", async () => {
    fs.writeFileSync(path.join(dir, "ke-hoach.csv"), csv);
    const refused = await ktxh("plan", "ke-hoach.csv");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--year");
    const r = await ktxh("plan", "ke-hoach.csv", "--json", "--year", "2026", "--issuer", "UBND xã Tân Phước");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ unit: "UBND xã Tân Phước", year: 2026 });
  });
});

describe("ktxh report: the commune's head, signer and task counts", () => {
  const plan = path.join(FIXTURES, "xa-tan-phuoc-ke-hoach.csv");
  const actuals = path.join(FIXTURES, "xa-tan-phuoc-so-lieu.csv");
  it("names the commune from the plan's unit line, its signer, and prints given task counts", async () => {
    const r = await ktxh("report", "--plan", plan, "--actuals", actuals, "--json", "--number", "15", "--tasks", "118,109,9");
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out) as ReportModel;
    expect(m.heading).toMatchObject({ issuer: ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC"], number: "Số: 15/BC-UBND", signerName: "Nguyễn Văn An" });
    expect(m.heading.placeDate.startsWith("Tân Phước, ngày")).toBe(true);
    expect(m.tasks?.sentence).toBe("Tổng số nhiệm vụ giao: 118 nhiệm vụ; đã thực hiện hoàn thành 109 nhiệm vụ, đang thực hiện 09 nhiệm vụ.");
  });

  it("--signer, --signer-title and --issuer win", async () => {
    const r = await ktxh("report", "--plan", plan, "--actuals", actuals, "--json", "--signer", "Trần Thị Bình", "--signer-title", "Phó Chủ tịch", "--issuer", "UBND xã Tân Phước Mới");
    const m = JSON.parse(r.out) as ReportModel;
    expect(m.heading).toMatchObject({ signer: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signerName: "Trần Thị Bình" });
    expect(m.heading.issuer[1]).toBe("XÃ TÂN PHƯỚC MỚI");
  });

  it("refuses task counts that do not add up", async () => {
    const r = await ktxh("report", "--plan", plan, "--actuals", actuals, "--json", "--tasks", "10,9,5");
    expect(r.code).toBe(2);
    expect(r.err).toContain("118,109,9");
  });
});
