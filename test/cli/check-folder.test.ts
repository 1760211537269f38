/**
 * `ktxh check FOLDER` reports every file of the folder: read, refused with what to do, or skipped with
 * why — nothing passed over in silence. Other programs' spreadsheets (.ods, .numbers, .xls), a
 * password-protected .xlsx (a real compound file, ../xlsx/cfb.ts), CSV in other encodings and a plan CSV
 * beside the tables (skipped as a plan) are built here.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/hosts/xlsx/read-workbook";
import { builtInPlans } from "../../src/seeds";
import { encode1258 } from "../domain/cp1258";
import { deflated, zip } from "../xlsx/bomb";
import { encryptedXlsx, oldXls } from "../xlsx/cfb";

type Json = {
  files: { file: string; readable: boolean; reason: string | null; reasonCode: string | null }[];
  skipped: { file: string; reason: string; reasonCode: string }[];
};

const ODS = zip([
  deflated("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
  deflated("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
  deflated("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
]);
const NUMBERS = zip([deflated("Index/Document.iwa", "iwa"), deflated("Metadata/Properties.plist", "<plist/>")]);

describe("ktxh check on a folder of every kind of file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-folder-"));
    const d = path.join(dir, "thu-muc");
    fs.mkdirSync(path.join(d, "bang-mac.numbers", "Index"), { recursive: true });
    fs.writeFileSync(path.join(d, "bang-mac.numbers", "Index", "Document.iwa"), "iwa");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Xã A");
    ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]);
    ws.addRow([1, "Tổng giá trị sản xuất", "tỷ đồng", "khoảng 25.224", 25300]);
    await wb.xlsx.writeFile(path.join(d, "a-xa.xlsx"));
    fs.writeFileSync(path.join(d, "b-libre.ods"), ODS);
    fs.writeFileSync(path.join(d, "c-mac.numbers"), NUMBERS);
    fs.writeFileSync(path.join(d, "d-cu.xls"), oldXls());
    fs.writeFileSync(path.join(d, "e-mat-khau.xlsx"), encryptedXlsx());
    const csv = "TT;Chỉ tiêu;ĐVT;KH 2024;Ước TH 2024\n1;Tổng giá trị sản xuất;tỷ đồng;khoảng 25.224;25.300\n";
    fs.writeFileSync(path.join(d, "f-utf16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]));
    fs.writeFileSync(path.join(d, "g-1258.csv"), Buffer.from(encode1258(csv)));
    fs.writeFileSync(path.join(d, "ghi-chu.txt"), "không phải sổ tính");
    // The plan beside the tables (the --plan file, say): a plan, not a colleague's table.
    fs.copyFileSync(path.join(__dirname, "../fixtures/xa-tan-phuoc-ke-hoach.csv"), path.join(d, "h-ke-hoach.csv"));
    fs.writeFileSync(path.join(d, "~$a-xa.xlsx"), "tệp khóa");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the reader tells .ods, .numbers, .xls and a real encrypted compound file apart", async () => {
    expect(await readWorkbook(ODS, "b.ods")).toMatchObject({ ok: false, code: "file.ods" });
    expect(await readWorkbook(NUMBERS, "c.numbers")).toMatchObject({ ok: false, code: "file.numbers" });
    expect(await readWorkbook(oldXls(), "d.xls")).toMatchObject({ ok: false, code: "file.old-xls" });
    expect(await readWorkbook(encryptedXlsx(), "e.xlsx")).toMatchObject({ ok: false, code: "file.encrypted" });
  });

  test("--json lists every file: read, refused with its code, skipped with its reason", async () => {
    let stdout = "";
    const code = await main(["check", "thu-muc", "--json"], { cwd: dir, out: (t) => void (stdout += t), err: () => undefined });
    expect(code).toBe(2);
    const j = JSON.parse(stdout) as Json;
    const at = (f: string): string => path.join("thu-muc", f);
    expect(j.files.map((f) => [f.file, f.readable ? "read" : f.reasonCode])).toEqual([
      [at("a-xa.xlsx"), "read"],
      [at("b-libre.ods"), "file.ods"],
      [at("bang-mac.numbers"), "file.numbers"],
      [at("c-mac.numbers"), "file.numbers"],
      [at("d-cu.xls"), "file.old-xls"],
      [at("e-mat-khau.xlsx"), "file.encrypted"],
      [at("f-utf16.csv"), "read"],
      [at("g-1258.csv"), "read"],
    ]);
    expect(j.skipped.map((s) => [s.file, s.reasonCode])).toEqual([
      [at("~$a-xa.xlsx"), "skip.lock-file"],
      [at("ghi-chu.txt"), "skip.not-spreadsheet"],
      [at("h-ke-hoach.csv"), "skip.plan-file"],
    ]);
    expect(j.skipped.find((s) => s.reasonCode === "skip.plan-file")?.reason).toMatch(/Tệp kế hoạch.*--plan h-ke-hoach\.csv/);
    const reason = (f: string): string => j.files.find((x) => x.file === at(f))?.reason ?? "";
    expect(reason("b-libre.ods")).toMatch(/Lưu thành.*\.xlsx/);
    expect(reason("c-mac.numbers")).toMatch(/\.xlsx/);
    expect(reason("e-mat-khau.xlsx")).toMatch(/mật khẩu/);
  });

  test("the text output names every file too, and the summary counts the skipped ones", async () => {
    let stdout = "";
    await main(["check", "thu-muc"], { cwd: dir, out: (t) => void (stdout += t), err: () => undefined });
    for (const f of ["a-xa.xlsx", "b-libre.ods", "bang-mac.numbers", "c-mac.numbers", "d-cu.xls", "e-mat-khau.xlsx", "f-utf16.csv", "g-1258.csv", "ghi-chu.txt", "h-ke-hoach.csv", "~$a-xa.xlsx"]) {
      expect({ f, listed: stdout.includes(path.join("thu-muc", f) + ":") }).toEqual({ f, listed: true });
    }
    expect(stdout).toMatch(/ghi-chu\.txt: BỎ QUA\./);
    expect(stdout).toMatch(/b-libre\.ods: KHÔNG ĐỌC ĐƯỢC\..*Lưu thành/);
    expect(stdout).toMatch(/h-ke-hoach\.csv: BỎ QUA\. Tệp kế hoạch/);
    expect(stdout).toMatch(/Đã kiểm tra 8 tệp: 5 không đọc được.*bỏ qua 3 tệp/);
  });
});

describe("ktxh check groups a warning repeated down a column in its text output", () => {
  test("30 unplaced rows: two listed and one '… và 28 dòng khác' line; --json keeps all 30", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-group-"));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Xã B");
      ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]);
      ws.addRow([1, "Tổng giá trị sản xuất", "tỷ đồng", "khoảng 25.224", 25300]);
      for (let k = 0; k < 30; k++) ws.addRow([k + 2, `Số hộ nuôi ong mật thôn ${k + 1}`, "hộ", 10, 12]);
      await wb.xlsx.writeFile(path.join(dir, "b.xlsx"));
      const io = (sink: { s: string }) => ({ cwd: dir, out: (t: string) => void (sink.s += t), err: () => undefined });
      const json = { s: "" };
      await main(["check", "b.xlsx", "--json", "--plan", "binh-son-2024"], io(json));
      const issues = (JSON.parse(json.s) as { files: { issues: { code: string; cell: string | null }[] }[] }).files[0].issues;
      const unplaced = issues.filter((i) => i.code === "row.unplaced");
      expect(unplaced.length).toBeGreaterThanOrEqual(30);
      const text = { s: "" };
      await main(["check", "b.xlsx", "--plan", "binh-son-2024"], io(text));
      const lines = text.s.split("\n").filter((l) => l.includes("[row.unplaced]"));
      expect(lines).toHaveLength(2);
      expect(text.s).toContain(`… và ${unplaced.length - 2} dòng khác`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("two warnings interleaved row by row: each '… và N dòng khác' line stands under an issue of its own code and column", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-group-"));
    try {
      // Placed targets with a figure typed as text (value.text-number in E) between unplaced rows (row.unplaced in B).
      const plan = builtInPlans().find((p) => p.id === "binh-son-2024");
      if (!plan) throw new Error("no plan");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Xã C");
      ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]);
      plan.targets.filter((t) => !t.parent && /^\d+(,\d+)?%?$/.test(t.target.trim())).slice(0, 8).forEach((t, k) => {
        ws.addRow([t.no, t.name, t.unit, t.target, t.target.replace("%", "").trim()]);
        ws.addRow([null, `Số hộ nuôi ong mật thôn ${k + 1}`, "hộ", 10, 12]);
      });
      await wb.xlsx.writeFile(path.join(dir, "c.xlsx"));
      let stdout = "";
      await main(["check", "c.xlsx", "--plan", "binh-son-2024"], { cwd: dir, out: (t) => void (stdout += t), err: () => undefined });
      const lines = stdout.split("\n");
      const more = lines.flatMap((l, n) => (l.includes("dòng khác cùng cảnh báo này") ? [n] : []));
      expect(more.length).toBeGreaterThanOrEqual(2);
      for (const n of more) {
        const column = /ở cột ([A-Z]+)/.exec(lines[n])?.[1];
        const above = lines[n - 1];
        const code = /\[([a-z.-]+)\]/.exec(above)?.[1];
        const cell = /ô ([A-Z]+)\d+/.exec(above)?.[1];
        expect({ line: lines[n], above: `${code} ${cell}` }).toEqual({ line: lines[n], above: `${column === "B" ? "row.unplaced" : "value.text-number"} ${column}` });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
