/**
 * The report files open in LibreOffice and print: both are converted to PDF, the PDF's text is
 * checked, and the pages are kept as PNGs under test-artifacts/report/ for a person to look at.
 * LibreOffice runs in the vi-VN locale, as on a Vietnamese office computer: the .xlsx holds real
 * numbers with en-US format codes and shows them with that locale's separators.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseActuals } from "../../src/core/actuals";
import { buildReport } from "../../src/core/report/build";
import { readReportExtras } from "../../src/core/report/extras";
import type { ReportModel } from "../../src/core/report/model";
import { reportDocx } from "../../src/hosts/docx/report-docx";
import { builtInEstimates2023, builtInPlan, defaultPlan } from "../../src/seeds";
import { reportXlsx } from "../../src/hosts/xlsx/report-xlsx";
import { main } from "../../src/cli/main";

const FIXTURES = join(__dirname, "../fixtures");

const ARTIFACTS = join(__dirname, "../../test-artifacts/report");
const EXAMPLE = join(__dirname, "../../seeds/examples/binh-son-2024.example-actuals.json");

function tool(name: string): string {
  for (const candidate of name === "soffice" ? ["soffice", "libreoffice"] : [name]) {
    try {
      execFileSync("which", [candidate], { stdio: "pipe" });
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error(`${name} không có trên máy: apt-get install -y libreoffice-calc libreoffice-writer poppler-utils`);
}

const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

function report2023(): ReportModel {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  return buildReport({
    plan, actuals: { rows: builtInEstimates2023().rows }, number: "783", date: { year: 2023, month: 12, day: 5 }, to: "Hội đồng nhân dân huyện.",
  });
}

function report2024Example(): ReportModel {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));
  const a = parseActuals(bytes, "example");
  if (!a.ok) throw new Error(JSON.stringify(a.problems));
  const { extras } = readReportExtras(JSON.parse(new TextDecoder().decode(bytes)));
  return buildReport({ plan: defaultPlan(), actuals: a.value, tasks: extras.tasks, note: extras.note, date: { year: 2025, month: 1, day: 8 } });
}

describe("LibreOffice renders the report", () => {
  const soffice = tool("soffice");
  const pdftotext = tool("pdftotext");
  const pdftoppm = tool("pdftoppm");
  const dir = mkdtempSync(join(tmpdir(), "ktxh-report-"));
  const profile = mkdtempSync(join(tmpdir(), `lo-report-${process.pid}-`));
  const texts: Record<string, string> = {};
  const models = { "783": report2023(), "2024-vi-du": report2024Example() };

  beforeAll(async () => {
    const files: string[] = [];
    for (const [name, model] of Object.entries(models)) {
      writeFileSync(join(dir, `bao-cao-${name}.xlsx`), await reportXlsx(model));
      writeFileSync(join(dir, `van-ban-${name}.docx`), await reportDocx(model));
      files.push(join(dir, `bao-cao-${name}.xlsx`), join(dir, `van-ban-${name}.docx`));
    }
    // A commune's plan typed as CSV with Vietnamese headers and a unit line, through `ktxh report`.
    const io = { cwd: FIXTURES, out: () => undefined, err: (t: string) => void (cliErr += t) };
    let cliErr = "";
    const args = ["report", "--plan", "xa-tan-phuoc-ke-hoach.csv", "--actuals", "xa-tan-phuoc-so-lieu.csv", "--number", "15", "--date", "2026-12-05",
      "--signer-title", "Chủ tịch", "--tasks", "24,20,4", "--docx", join(dir, "van-ban-xa-tan-phuoc.docx"), "-o", join(dir, "bao-cao-xa-tan-phuoc.xlsx")];
    if ((await main(args, io)) !== 0) throw new Error(cliErr);
    files.push(join(dir, "van-ban-xa-tan-phuoc.docx"), join(dir, "bao-cao-xa-tan-phuoc.xlsx"));
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], {
      env: { ...process.env, LANG: "vi_VN.UTF-8", LC_ALL: "vi_VN.UTF-8" },
      stdio: "pipe",
      timeout: 180_000,
    });
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".pdf"))) {
      const base = f.replace(/\.pdf$/, "");
      // Reading order, not layout: a cell wrapped over two lines reads as one run of words.
      texts[base] = flat(execFileSync(pdftotext, [join(dir, f), "-"], { encoding: "utf8" }));
      execFileSync(pdftoppm, ["-png", "-r", "60", join(dir, f), join(ARTIFACTS, base)]);
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("every file became a PDF with pages", () => {
    expect(Object.keys(texts).sort()).toEqual(["bao-cao-2024-vi-du", "bao-cao-783", "bao-cao-xa-tan-phuoc", "van-ban-2024-vi-du", "van-ban-783", "van-ban-xa-tan-phuoc"]);
    const pngs = readdirSync(ARTIFACTS).filter((f) => f.endsWith(".png"));
    for (const base of Object.keys(texts)) expect(pngs.some((p) => p.startsWith(`${base}-`))).toBe(true);
  });

  test.each(["bao-cao-783", "van-ban-783"])("%s: 783/BC's figures, status words and sentence are printed", (base) => {
    const t = texts[base];
    const model = models["783"];
    for (const c of model.columns) expect(t).toContain(flat(c.header).split(" ")[0]);
    for (const r of model.rows) {
      expect(t).toContain(r.plan.text);
      expect(t).toContain(r.actual.text);
    }
    for (const s of ["22.293,49", "11.402,00", "1.284,679", "Đạt (vượt)", "Không đạt", "giảm 01 tiêu chí"]) expect(t).toContain(s);
    expect(t).toContain("Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023");
    expect(t).toContain("Số: 783/BC-UBND");
    expect(t).toContain("Bình Sơn, ngày 05 tháng 12 năm 2023");
    expect(t).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  test("the Word file carries the title block and the signature", () => {
    const t = texts["van-ban-783"];
    for (const s of ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Kính gửi: Hội đồng nhân dân huyện.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]) {
      expect(t).toContain(s);
    }
  });

  test.each(["van-ban-xa-tan-phuoc", "bao-cao-xa-tan-phuoc"])("%s: a commune's CSV plan names the commune in heading, number, place and signature", (base) => {
    const t = texts[base];
    for (const s of ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC", "Số: 15/BC-UBND", "Tân Phước, ngày 05 tháng 12 năm 2026", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]) {
      expect(t).toContain(s);
    }
    expect(t).not.toMatch(/CHƯA GHI CƠ QUAN|GCQ|chưa ghi cơ quan/);
    expect(t).toContain("Tổng số nhiệm vụ giao: 24 nhiệm vụ; đã thực hiện hoàn thành 20 nhiệm vụ, đang thực hiện 04 nhiệm vụ.");
    expect(t).not.toContain("chưa thực hiện 00");
    expect(t).toContain("Đạt (vượt)");
  });

  test.each(["bao-cao-2024-vi-du", "van-ban-2024-vi-du"])("%s: the example is marked and the tasks are summed", (base) => {
    const t = texts[base];
    expect(t).toContain("SỐ LIỆU VÍ DỤ");
    expect(t).toContain("Tổng số nhiệm vụ giao: 33 nhiệm vụ");
    expect(t).toContain("Tổng cộng");
    expect(t).toContain("giảm 02 tiêu chí");
  });
});
