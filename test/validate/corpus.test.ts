/**
 * The corpus of broken workbooks, checked by `ktxh check --json` as a user would run it: every seeded
 * defect found at its cell (code + sheet + cell), clean files without an issue, files that are no
 * workbook said to be unreadable, nothing crashing. Files made by ExcelJS and the same files saved by
 * LibreOffice (which also turns a CSV typed in an English-locale into the classic 1.720 → 1,72 slip).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parsePlan, type Plan } from "../../src/core/plan";
import { builtInPlans } from "../../src/seeds";
import { buildCases } from "./cases";
import type { Case, Expect } from "./corpus";

type JsonIssue = { code: string; severity: string; sheet: string | null; cell: string | null; target: string | null; message: string };
type JsonFile = { file: string; readable: boolean; reason: string | null; reasonCode: string | null; issues: JsonIssue[] };

function capture(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function soffice(): string {
  for (const cmd of ["soffice", "libreoffice"]) if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0) return cmd;
  throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc libreoffice-writer");
}

function convert(cwd: string, files: string[], to: string, infilter?: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lo-check-${process.pid}-`));
  const args = ["--headless", `-env:UserInstallation=file://${profile}`, ...(infilter ? [`--infilter=${infilter}`] : []), "--convert-to", to, "--outdir", "lo", ...files];
  const r = spawnSync(soffice(), args, { cwd, encoding: "utf8", timeout: 180_000 });
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

const key = (e: { code: string; sheet: string | null; cell: string | null; target?: string | null }): string =>
  `${e.code} ${e.sheet ?? "-"}!${e.cell ?? "-"} #${e.target ?? "-"}`;

describe("ktxh check over the corpus", () => {
  let dir: string;
  let cases: Case[];
  let plan2024: Plan;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-corpus-"));
    const plans = builtInPlans();
    plan2024 = plans.find((p) => p.id === "binh-son-2024") as Plan;
    const pledge = parsePlan(JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/pledge-2024.json"), "utf8")));
    if (!pledge.ok) throw new Error("pledge fixture does not parse");
    cases = await buildCases(dir, plan2024, pledge.value);
    fs.mkdirSync(path.join(dir, "lo"));
    const lo = cases.filter((c) => c.lo);
    convert(dir, lo.filter((c) => c.file.endsWith(".xlsx")).map((c) => c.file), "xlsx");
    convert(dir, lo.filter((c) => c.file.endsWith(".csv")).map((c) => c.file), "xlsx", "CSV:44,34,76,1,,1033,true,false");
    convert(dir, ["clean-colleague.xlsx"], "xls");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function check(args: string[]): Promise<{ code: number; files: Map<string, JsonFile>; io: ReturnType<typeof capture> }> {
    const io = capture(dir);
    const code = await main(["check", ...args, "--json"], io);
    const parsed = JSON.parse(io.stdout) as { files: JsonFile[] };
    return { code, files: new Map(parsed.files.map((f) => [f.file, f])), io };
  }

  test("files made by ExcelJS: every seeded defect at its cell, clean files clean, unreadable files said so", async () => {
    const { code, files, io } = await check(cases.map((c) => c.file));
    expect(io.stderr).toBe("");
    expect(code).toBe(2);
    expect(files.size).toBe(cases.length);
    for (const c of cases) {
      const f = files.get(c.file);
      expect(f).toBeDefined();
      if (!f) continue;
      if (c.unreadable) {
        expect({ file: c.file, readable: f.readable, reasonCode: f.reasonCode }).toEqual({ file: c.file, readable: false, reasonCode: c.unreadable });
        expect(f.reason).toMatch(/\S{3,}/);
        continue;
      }
      expect({ file: c.file, readable: f.readable }).toEqual({ file: c.file, readable: true });
      expect({ file: c.file, issues: f.issues.map(key).sort() }).toEqual({ file: c.file, issues: c.expect.map(key).sort() });
      for (const i of f.issues) expect(i.message.length).toBeGreaterThan(10);
    }
  });

  test("the same files saved by LibreOffice give the same issues; its .xls is the old binary format", async () => {
    const lo = cases.filter((c) => c.lo);
    expect(lo.length).toBeGreaterThanOrEqual(12);
    const { files } = await check(["lo"]);
    for (const c of lo) {
      const name = path.join("lo", c.file.replace(/\.csv$/, ".xlsx"));
      const f = files.get(name);
      expect({ name, readable: f?.readable }).toEqual({ name, readable: true });
      if (!f) continue;
      // LibreOffice reads the CSV in en-US: "1.720" typed for target 8 becomes 1,72, the classic slip.
      const expected: Expect[] = c.file === "en-typed.csv"
        ? [{ code: "value.decimal-confusion", sheet: "en-typed", cell: "E9", target: "8" }]
        : c.expect;
      expect({ name, issues: f.issues.map(key).sort() }).toEqual({ name, issues: expected.map(key).sort() });
    }
    const xls = files.get(path.join("lo", "clean-colleague.xls"));
    expect(xls).toMatchObject({ readable: false, reasonCode: "file.old-xls" });
    expect(xls?.reason).toContain(".xlsx");
  });

  test("the whole folder, walked recursively, gives exit code 2 and a summary per file", async () => {
    const io = capture(dir);
    const code = await main(["check", ".", "--progress"], io);
    expect(code).toBe(2);
    const readable = cases.filter((c) => !c.unreadable).length;
    expect(io.stdout).toContain(`Đã kiểm tra ${cases.length + cases.filter((c) => c.lo).length + 1} tệp`);
    expect(io.stdout).toMatch(/mixed\.xlsx: 4 lỗi, 2 cảnh báo/);
    expect(io.stdout).toMatch(/protected\.xlsx: KHÔNG ĐỌC ĐƯỢC\. .*mật khẩu/);
    expect(io.stdout).toMatch(/ô E13.*Đề xuất: 1\.720/);
    expect(io.stderr.split("\n").filter((l) => l.startsWith("Đang kiểm tra")).length).toBeGreaterThan(readable);
  });

  test("--out on LibreOffice's files: every readable file gets its output, and LibreOffice opens the annotated copy", async () => {
    const { files } = await check(["lo", "--out", "lo-out"]);
    for (const f of files.values()) {
      if (!f.readable) continue;
      expect(fs.existsSync(path.join(dir, (f as JsonFile & { output: string }).output))).toBe(true);
    }
    convert(path.join(dir, "lo-out"), ["mixed-kiem-tra.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76,1");
    const csv = fs.readFileSync(path.join(dir, "lo-out", "lo", "mixed-kiem-tra.csv"), "utf8");
    // The first sheet, values untouched: 1,72 is still there to be fixed by hand.
    expect(csv).toContain("Tổng giá trị sản xuất");
    expect(csv.split("\n").find((l) => l.startsWith('"8",'))).toContain(",1.72,");
  });
});
