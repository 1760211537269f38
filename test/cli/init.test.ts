import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Workbook } from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readWorksheetGrid } from "../../src/hosts/xlsx/apply-layout";
import { findLayoutSheets, readMetaSheet } from "../../src/hosts/xlsx/workbook-init";

const ARTIFACTS = path.join(__dirname, "../../test-artifacts/init");

function capture(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function need(cmd: string): void {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`]);
  if (r.status !== 0) throw new Error(`${cmd} is not installed: apt-get install -y libreoffice-calc libreoffice-writer poppler-utils`);
}

describe("ktxh init", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-init-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes the default plan's targets and tasks sheets, read back with the same values and formats", async () => {
    const io = capture(dir);
    expect(await main(["init", "--periods", "6m,9m,year", "-o", "so.xlsx"], io)).toBe(0);
    expect(io.stdout).toContain("so.xlsx");
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(dir, "so.xlsx"));
    const meta = readMetaSheet(wb);
    expect(meta).toMatchObject({ planId: "binh-son-2024", year: 2024, periods: ["6m", "9m", "year"], statusPeriod: "year" });
    const found = findLayoutSheets(wb);
    const targets = found.targets!;
    expect(targets.worksheet.name).toBe("Chỉ tiêu");
    expect(found.tasks?.worksheet.name).toBe("Nhiệm vụ");
    const byId = new Map(targets.sheet.rows.map((r) => [r.id, r]));
    const col = (key: string) => targets.sheet.columns.find((c) => c.key === key)!.index;
    expect(byId.get("t:1")?.values[col("name")]).toBe("Tổng giá trị sản xuất");
    expect(byId.get("t:1")?.values[col("plan")]).toBe("khoảng 25.224");
    expect(byId.get("t:20")?.values[col("plan")]).toBe("khoảng 2.000");
    expect([...byId.keys()].filter((id) => id?.startsWith("tn:"))).toHaveLength(6);
    const row = (id: string) => byId.get(id)!.index + 1;
    expect(targets.worksheet.getCell(row("t:3"), col("p:6m") + 1).numFmt).toBe("#,##0.00#");
    expect(targets.worksheet.getCell(row("t:3"), col("p:6m") + 1).dataValidation?.type).toBe("decimal");
    expect(targets.worksheet.getCell(row("t:3"), col("name") + 1).font.name).toBe("Times New Roman");
    const tasks = found.tasks!.sheet;
    expect(tasks.rows.filter((r) => r.id?.startsWith("n:"))).toHaveLength(33);
    const status = tasks.columns.find((c) => c.key === "status:year")!.index + 1;
    const task = tasks.rows.find((r) => r.id === "n:2.14")!.index + 1;
    expect(found.tasks!.worksheet.getCell(task, status).dataValidation).toMatchObject({ type: "list" });
    expect(readWorksheetGrid(found.tasks!.worksheet)[task - 1][tasks.columns.find((c) => c.key === "code")!.index]).toBe("2.14");
  });

  test("never overwrites a file without --force", async () => {
    const file = path.join(dir, "co-san.xlsx");
    fs.writeFileSync(file, "bảng của đồng nghiệp");
    const io = capture(dir);
    expect(await main(["init", "-o", "co-san.xlsx"], io)).toBe(2);
    expect(io.stderr).toContain("--force");
    expect(fs.readFileSync(file, "utf8")).toBe("bảng của đồng nghiệp");
    expect(await main(["init", "--force", "-o", "co-san.xlsx"], capture(dir))).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test("refuses unknown periods and a missing output", async () => {
    const io = capture(dir);
    expect(await main(["init", "--periods", "year,m13", "-o", "x.xlsx"], io)).toBe(2);
    expect(io.stderr).toContain("m13");
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    expect(await main(["init"], capture(dir))).toBe(2);
  });

  test("takes a built-in plan by id", async () => {
    expect(await main(["init", "--plan", "binh-son-2023", "--periods", "year", "-o", "2023.xlsx"], capture(dir))).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(dir, "2023.xlsx"));
    const sheet = findLayoutSheets(wb).targets!.sheet;
    expect(sheet.rows.filter((r) => /^t:\d+\.\d+$/.test(r.id ?? ""))).toHaveLength(6);
  });

  test("takes a plan file, and refuses one that does not read", async () => {
    const plan = JSON.parse(fs.readFileSync(path.join(__dirname, "../../seeds/binh-son-2024.json"), "utf8"));
    plan.id = "xa-moi-2025";
    plan.unit = "UBND xã Mới";
    plan.year = 2025;
    plan.targets = plan.targets.slice(0, 3);
    fs.writeFileSync(path.join(dir, "ke-hoach.json"), JSON.stringify(plan));
    const io = capture(dir);
    expect(await main(["init", "--plan", "ke-hoach.json", "--periods", "q1", "-o", "moi.xlsx"], io)).toBe(0);
    expect(io.stdout).toContain("Quý I");
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(dir, "moi.xlsx"));
    expect(readMetaSheet(wb)).toMatchObject({ planId: "xa-moi-2025", unit: "UBND xã Mới", periods: ["q1"] });
    expect(findLayoutSheets(wb).targets!.sheet.rows.filter((r) => r.id?.startsWith("t:"))).toHaveLength(3);

    fs.writeFileSync(path.join(dir, "hong.json"), "{ \"id\": ");
    const bad = capture(dir);
    expect(await main(["init", "--plan", "hong.json", "-o", "hong.xlsx"], bad)).toBe(2);
    expect(bad.stderr).toContain("hong.json");
    expect(fs.existsSync(path.join(dir, "hong.xlsx"))).toBe(false);
  });

  test("LibreOffice prints it: headers and target names in the PDF, first page kept as PNG", () => {
    need("soffice");
    need("pdftotext");
    need("pdftoppm");
    const xlsx = path.join(dir, "so.xlsx");
    expect(fs.existsSync(xlsx)).toBe(true);
    const profile = `file:///tmp/lo-init-${process.pid}`;
    const conv = spawnSync("soffice", ["--headless", `-env:UserInstallation=${profile}`, "--convert-to", "pdf", "--outdir", dir, xlsx], {
      encoding: "utf8",
      timeout: 120_000,
    });
    fs.rmSync(`/tmp/lo-init-${process.pid}`, { recursive: true, force: true });
    const pdf = path.join(dir, "so.pdf");
    expect([conv.status, fs.existsSync(pdf)]).toEqual([0, true]);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.normalize("NFC");
    for (const s of [
      "THEO DÕI THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024", "Chỉ tiêu", "Đơn vị", "KH 2024", "6 tháng", "9 tháng",
      "Trạng thái", "Ghi chú", "Tổng giá trị sản xuất", "Tỷ lệ che phủ rừng", "khoảng 25.224", "Tai nạn giao thông",
      "THEO DÕI THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2024", "Cơ quan chủ trì", "Cơ quan phối hợp", "Tiến độ",
    ]) {
      expect([s, text.includes(s)]).toEqual([s, true]);
    }
    // The key row and the identity column are hidden: they do not print.
    expect(text).not.toContain("#ktxh:");
    expect(text).not.toMatch(/\bt:1\b/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const png = path.join(ARTIFACTS, "targets-page1");
    const r = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
    expect(r.status).toBe(0);
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(5000);
    fs.copyFileSync(pdf, path.join(ARTIFACTS, "so.pdf"));
  });
});
