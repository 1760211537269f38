/**
 * The collection cycle end to end (issue 17), in-process: `ktxh init` on the default plan with three
 * invented communes and a few `reportedBy`/`fromCommunes` targets, `ktxh submissions`, the books filled
 * by a script with ExcelJS and a few saved again by LibreOffice, two left missing, one conflicting (an
 * office's total against the communes' roll-up, and a figure already in the plan book that differs),
 * one with a checker error; `ktxh collect`; then `ktxh report` on the merged book.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { officeKey, planAssignments, planOffices, splitLead } from "../../src/core/recipients";
import type { ReportModel } from "../../src/core/report/model";
import { ASSIGN_SHEET, SOURCES_SHEET } from "../../src/layout/sheets/submission";
import { RECORD_SHEET } from "../../src/layout/sheets/record";
import { COMMUNES, cyclePlan, submissionTable, taskStatus } from "./fill";

jest.setTimeout(300_000);

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** Figures each recipient gives: the same for every book, except where the test wants a conflict. */
const FIGURE: Record<string, number> = { "1": 12000, "8": 900, "13": 5.8, "15": 93 };
const COMMUNE_FIGURE: Record<string, number> = { "Xã Bình Hải": 15000, "Xã Bình Trị": 20000 };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-cycle-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the collection cycle", () => {
  test("init, submissions, fill, collect, report", async () => {
    const plan = cyclePlan();
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan));
    expect(await main(["init", "--plan", "plan.json", "-o", "plan.xlsx"], capture(dir))).toBe(0);
    const planXlsx = path.join(dir, "plan.xlsx");

    // The plan book carries the assignment; the officer's edit there wins: 2.19 goes to Phòng Nội vụ too.
    const pwb = new ExcelJS.Workbook();
    await pwb.xlsx.readFile(planXlsx);
    const assign = pwb.getWorksheet(ASSIGN_SHEET);
    expect(assign).toBeDefined();
    let edited = false;
    assign!.eachRow((row) => {
      if (row.getCell(1).value === "Nhiệm vụ" && row.getCell(2).value === "2.19") {
        row.getCell(5).value = `${String(row.getCell(5).value)}; Phòng Nội vụ huyện`;
        edited = true;
      }
    });
    expect(edited).toBe(true);
    // An earlier figure in the plan book: target 13 already holds 6,5 for 6 months (a conflict to come).
    const targets = pwb.getWorksheet("Chỉ tiêu")!;
    let t13 = 0;
    targets.eachRow((row, r) => {
      if (row.getCell(1).value === "13") t13 = r;
    });
    const keys = Array.from(targets.getRow(1).values as unknown[], (v) => (typeof v === "string" ? v : ""));
    targets.getCell(t13, keys.indexOf("p:6m")).value = 6.5;
    await pwb.xlsx.writeFile(planXlsx);

    // Submissions: one book per office named in the task matrix, per commune, per reportedBy office.
    const sub = capture(dir);
    expect(await main(["submissions", "plan.xlsx", "--period", "6m", "--due", "20/06/2024", "--out", "phieu", "--json"], sub)).toBe(0);
    const made = JSON.parse(sub.stdout()) as { cutoff: string; due: string; books: { recipient: string; name: string; kind: string; file: string; form: string; targets: string[]; tasks: string[] }[] };
    expect([made.cutoff, made.due]).toEqual(["2024-06-14", "2024-06-20"]);
    const keysMade = new Set(made.books.map((b) => officeKey(b.name)));
    const named = [
      ...plan.tasks.flatMap((t) => splitLead(t.lead).offices),
      ...plan.targets.flatMap((t) => (t.reportedBy ? [t.reportedBy] : [])),
      ...COMMUNES,
    ];
    for (const n of named) expect([n, keysMade.has(officeKey(n))]).toEqual([n, true]);
    expect(made.books).toHaveLength(planOffices(plan).length + COMMUNES.length);
    const yTe = made.books.find((b) => b.recipient === "phong-y-te-huyen")!;
    expect(yTe.form).toBe("KTXH-6m-2024-phong-y-te-huyen");
    expect(yTe.targets).toEqual(["13"]);
    expect(made.books.find((b) => b.recipient === "phong-noi-vu-huyen")!.tasks).toContain("2.19");
    expect(made.books.find((b) => b.recipient === "xa-binh-hai")!.targets).toEqual(["5", "15"]);
    expect(planAssignments(plan).find((a) => a.ref === "2.19")!.recipients).not.toContain("Phòng Nội vụ huyện");

    // The book as sent: protected, inputs unlocked, validation on them, the record hidden.
    const y = new ExcelJS.Workbook();
    await y.xlsx.readFile(path.join(dir, yTe.file));
    const ys = y.getWorksheet("Chỉ tiêu")!;
    const yt = submissionTable(ys);
    expect((ys.getRow(yt.header).values as unknown[]).slice(1)).toEqual(["TT", "Chỉ tiêu", "Đơn vị tính", "KH 2024", "Ước TH 6 tháng", "Ghi chú", "Giải trình"]);
    const protection = (ys as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect([protection?.sheet, protection?.hashValue]).toEqual([true, undefined]);
    const input = ys.getCell(yt.header + 1, yt.col("Ước TH"));
    expect([input.protection?.locked, input.dataValidation?.type]).toEqual([false, "decimal"]);
    expect(ys.getCell(yt.header + 1, yt.col("Chỉ tiêu")).protection?.locked).not.toBe(false);
    expect(y.getWorksheet(RECORD_SHEET)?.state).toBe("veryHidden");
    const tasksHeader = y.getWorksheet("Nhiệm vụ")!;
    expect((tasksHeader.getRow(submissionTable(tasksHeader).header).values as unknown[]).slice(1)).toEqual(["Mã", "Nội dung nhiệm vụ, giải pháp", "Tiến độ", "Trạng thái", "Kết quả / ghi chú"]);

    // Fill: every book but two (one office, one commune).
    const missing = ["Thanh tra huyện", "Thị trấn Châu Ổ"];
    const back = path.join(dir, "nhan");
    fs.mkdirSync(back);
    const byLibre: string[] = [];
    for (const b of made.books) {
      if (missing.includes(b.name)) continue;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, b.file));
      const ts = wb.getWorksheet("Chỉ tiêu");
      if (ts) {
        const t = submissionTable(ts);
        for (let r = t.header + 1; r <= ts.rowCount; r++) {
          const no = String(ts.getCell(r, 1).value ?? "");
          const v = b.kind === "commune" ? (no === "5" ? COMMUNE_FIGURE[b.name] : no === "15" ? 90 : undefined) : no === "5" ? 40000 : FIGURE[no];
          if (v !== undefined) ts.getCell(r, t.col("Ước TH")).value = v;
          if (no === "13") ts.getCell(r, t.col("Giải trình")).value = "Tỷ lệ suy dinh dưỡng giảm chậm ở vùng ven biển.";
        }
      }
      const ks = wb.getWorksheet("Nhiệm vụ");
      if (ks) {
        const t = submissionTable(ks);
        for (let r = t.header + 1; r <= ks.rowCount; r++) {
          const code = String(ks.getCell(r, 1).value ?? "");
          if (!code) continue;
          // The checker error: a status word the check does not know, in Công an huyện's book.
          ks.getCell(r, t.col("Trạng thái")).value = b.recipient === "cong-an-huyen" && code === "4.5" ? "Tạm dừng" : taskStatus(code);
          ks.getCell(r, t.col("Kết quả")).value = `${b.name}: đã triển khai`;
        }
      }
      // One book comes back without its record (copied into a new workbook, say): matched by its title.
      if (b.recipient === "phong-giao-duc-va-dao-tao-huyen") wb.removeWorksheet(wb.getWorksheet(RECORD_SHEET)!.id);
      const out = path.join(back, path.basename(b.file));
      await wb.xlsx.writeFile(out);
      if (["phong-y-te-huyen", "xa-binh-tri", "phong-tu-phap-huyen"].includes(b.recipient)) byLibre.push(out);
    }
    // A few saved again by LibreOffice, as a colleague without Excel would.
    if (spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) throw new Error("soffice is not installed: apt-get install -y libreoffice-calc");
    const lo = path.join(dir, "lo");
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-cycle-"));
    const conv = spawnSync("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, ...byLibre], { encoding: "utf8", timeout: 240_000 });
    fs.rmSync(profile, { recursive: true, force: true });
    expect(conv.status).toBe(0);
    for (const f of byLibre) {
      const was = sha(f);
      fs.copyFileSync(path.join(lo, path.basename(f)), f);
      expect(sha(f)).not.toBe(was);
    }

    const before = new Map([planXlsx, ...fs.readdirSync(back).map((f) => path.join(back, f))].map((f) => [f, sha(f)]));
    const io = capture(dir);
    const code = await main(["collect", "plan.xlsx", "nhan", "--period", "6m", "-o", "tong-hop.xlsx", "--json"], io);
    expect(io.stderr()).toBe("");
    const r = JSON.parse(io.stdout()) as {
      merged: { figures: number; tasks: number; explanations: number };
      conflicts: { row: string; cell: string | null; current: unknown; values: { value: unknown; recipient: string; file: string }[] }[];
      missing: string[];
      files: { file: string; recipient: string | null; matchedBy: string | null; readable: boolean; issues: { code: string; severity: string; cell: string | null }[] }[];
    };
    expect(code).toBe(1);
    // Inputs never changed.
    for (const [f, h] of before) expect([f, sha(f)]).toEqual([f, h]);
    expect(r.missing.sort()).toEqual([...missing].sort());
    expect(r.files.every((f) => f.readable && f.recipient)).toBe(true);
    expect(r.files).toHaveLength(made.books.length - 2);
    const how = new Map(r.files.map((f) => [path.basename(f.file), f.matchedBy]));
    expect([how.get("phong-giao-duc-va-dao-tao-huyen.xlsx"), how.get("phong-y-te-huyen.xlsx"), how.get("cong-an-huyen.xlsx")]).toEqual(["title", "record", "record"]);
    expect(r.files.find((f) => f.file.endsWith("phong-giao-duc-va-dao-tao-huyen.xlsx"))!.issues.filter((i) => i.severity === "error")).toEqual([]);
    const police = r.files.find((f) => f.recipient === "Công an huyện")!;
    expect(police.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["task.status-unknown"]);
    // Conflicts: the office's total against the communes' roll-up (5), the plan book's figure (13).
    const c5 = r.conflicts.find((c) => c.row === "5")!;
    expect(c5.values.map((v) => v.value).sort()).toEqual([35000, 40000]);
    expect(c5.values.map((v) => v.file)).toContain(path.join("nhan", "phong-nong-nghiep-va-phat-trien-nong-thon.xlsx"));
    const c13 = r.conflicts.find((c) => c.row === "13")!;
    expect([c13.current, c13.values.map((v) => v.value), c13.cell]).toEqual([6.5, [5.8], expect.stringMatching(/^Chỉ tiêu!/)]);
    // 4.5: Công an's unknown word held back, the others agree; tasks given by many agree (same status).
    expect(r.conflicts.filter((c) => c.row !== "5" && c.row !== "13")).toEqual([]);
    expect(r.merged.figures).toBe(3); // 1, 8, 15 (15's communes kept apart, the office's figure merged)
    expect(r.merged.explanations).toBe(1);
    // Every task with a lead office, but 4.1 (Thanh tra huyện sent nothing); 4.5 by its result only.
    expect(r.merged.tasks).toBe(plan.tasks.filter((t) => t.lead).length - 1);

    const merged = new ExcelJS.Workbook();
    await merged.xlsx.readFile(path.join(dir, "tong-hop.xlsx"));
    const sources = merged.getWorksheet(SOURCES_SHEET)!;
    const sourceOf = (kind: string, no: string): string[] => {
      let found: string[] = [];
      sources.eachRow((row) => {
        if (row.getCell(1).value === kind && row.getCell(2).value === no) found = Array.from(row.values as unknown[], (v) => String(v ?? "")).slice(1);
      });
      return found;
    };
    // Target 1: written, from the finance office's book; target 5: the conflict, with both values.
    expect(sourceOf("Chỉ tiêu", "1").slice(3, 5)).toEqual(["12000", "đã tổng hợp"]);
    expect(sourceOf("Chỉ tiêu", "1")[5]).toMatch(/^Phòng Tài chính – Kế hoạch huyện: 12000 — nhan.phong-tai-chinh-ke-hoach-huyen\.xlsx — \d\d\/\d\d\/\d{4}$/);
    expect(sourceOf("Chỉ tiêu", "5")[4]).toContain("xung đột");
    expect(sourceOf("Chỉ tiêu", "5")[5].split("\n")).toHaveLength(3);

    const rep = capture(dir);
    expect(await main(["report", "tong-hop.xlsx", "--period", "6m", "-o", "bc.xlsx", "--json"], rep)).toBeLessThanOrEqual(1);
    const model = JSON.parse(rep.stdout()) as ReportModel;
    const actual = (no: string): string => model.rows.find((x) => x.no === no)?.actual.text ?? "";
    expect([actual("1"), actual("8"), actual("15"), actual("13"), actual("5")]).toEqual(["12.000", "900", "93", "6,5", ""]);
    // Not reported: 4.1 (missing book), 4.5 (the word held back), 5 (no lead office).
    expect(model.tasks).toMatchObject({ total: plan.tasks.length, unreported: 3 });
    const odd = plan.tasks.filter((t) => !["4.1", "4.5", "5"].includes(t.code) && taskStatus(t.code) === "Hoàn thành").length;
    expect([model.tasks!.done, model.tasks!.doing]).toEqual([odd, plan.tasks.length - 3 - odd]);
    // The statuses went into the 6 months' column: the year's report has none of them yet.
    const yearRep = capture(dir);
    expect(await main(["report", "tong-hop.xlsx", "--period", "year", "--json"], yearRep)).toBeLessThanOrEqual(1);
    expect((JSON.parse(yearRep.stdout()) as ReportModel).tasks).toMatchObject({ total: plan.tasks.length, done: 0, doing: 0, unreported: plan.tasks.length });
  });

  test("a target Không đạt in the last judged period asks for Giải trình in the next book", async () => {
    // After the first test, plan.xlsx holds 6,5 for target 13 at 6 months (plan: 6 %, lower is better).
    const io = capture(dir);
    expect(await main(["submissions", "plan.xlsx", "--period", "9m", "--out", "phieu-9m", "--json"], io)).toBe(0);
    const r = JSON.parse(io.stdout()) as { judgedPeriod: string; books: { recipient: string; file: string; explain: string[] }[] };
    expect(r.judgedPeriod).toBe("6m");
    const yTe = r.books.find((b) => b.recipient === "phong-y-te-huyen")!;
    expect(yTe.explain).toEqual(["13"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, yTe.file));
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const t = submissionTable(ws);
    expect(ws.getCell(t.header, t.col("Ước TH")).value).toBe("Ước TH 9 tháng");
    expect(ws.getCell(t.header + 1, t.col("Giải trình")).value).toBe("Cần giải trình");
    expect(r.books.filter((b) => b.explain.length).map((b) => b.recipient)).toEqual(["phong-y-te-huyen"]);
  });
});
