/**
 * Issue 17, the cycle's finer points through the CLI: the traffic counts the criterion is derived from
 * are asked of whoever reports it and collected into the plan book's traffic block (the report then
 * derives the criterion from them); the submission books' header and long rows are as tall as their
 * wrapped text; a book of another period is named (`submission.other-cycle`) and not merged.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { parsePlan } from "../../src/core/plan";
import type { ReportModel } from "../../src/core/report/model";
import { trafficLabel } from "../../src/core/traffic-block";
import { wrappedRowHeight } from "../../src/layout/format";
import { cyclePlan, submissionTable } from "./fill";

jest.setTimeout(240_000);

function capture(cwd: string): CliIO & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-cycle-traffic-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COUNTS: Record<string, number> = {
  [trafficLabel("accidents", "prev")]: 10, [trafficLabel("accidents", "cur")]: 8,
  [trafficLabel("deaths", "prev")]: 5, [trafficLabel("deaths", "cur")]: 3,
  [trafficLabel("injuries", "prev")]: 7, [trafficLabel("injuries", "cur")]: 9,
};

test("traffic counts asked of the police and collected; rows as tall as their text; another period's book not merged", async () => {
  const base = cyclePlan();
  const r = parsePlan({ ...base, targets: base.targets.map((t) => (t.criteria === "traffic-accidents" ? { ...t, reportedBy: "Công an huyện" } : t)) });
  if (!r.ok) throw new Error("bad plan");
  fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(r.value));
  expect(await main(["init", "--plan", "plan.json", "--periods", "q1,6m,year", "-o", "plan.xlsx"], capture(dir))).toBe(0);
  expect(await main(["submissions", "plan.xlsx", "--period", "6m", "--out", "phieu"], capture(dir))).toBe(0);
  expect(await main(["submissions", "plan.xlsx", "--period", "q1", "--out", "quy1"], capture(dir))).toBe(0);

  // The police's book: target 18 and the six counts, each an input row labelled as the plan book's block.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "phieu", "cong-an-huyen.xlsx"));
  const ts = wb.getWorksheet("Chỉ tiêu")!;
  const t = submissionTable(ts);
  const names = Array.from({ length: ts.rowCount - t.header }, (_, i) => String(ts.getCell(t.header + 1 + i, 2).value ?? ""));
  expect(names.filter((n) => n in COUNTS)).toEqual(Object.keys(COUNTS));
  const figureCol = t.col("Ước TH");
  for (let row = t.header + 1; row <= ts.rowCount; row++) {
    const label = String(ts.getCell(row, 2).value ?? "");
    if (label in COUNTS) {
      expect(ts.getCell(row, figureCol).protection?.locked).toBe(false);
      ts.getCell(row, figureCol).value = COUNTS[label];
    }
  }
  // Heights: the header row as tall as its wrapped headers (the layout's one estimate), a task's long text in its 60.
  const headers = Array.from({ length: 7 }, (_, i) => ({ text: String(ts.getCell(t.header, i + 1).value ?? ""), width: ts.getColumn(i + 1).width ?? 10, size: 12, bold: true }));
  expect(ts.getRow(t.header).height ?? null).toBe(wrappedRowHeight(headers));
  expect(wrappedRowHeight(headers.map((h) => ({ ...h, width: 6 })))).toBeGreaterThan(31);
  const ks = wb.getWorksheet("Nhiệm vụ")!;
  const k = submissionTable(ks);
  const longest = Array.from({ length: ks.rowCount - k.header }, (_, i) => k.header + 1 + i).sort((a, b) => String(ks.getCell(b, 2).value ?? "").length - String(ks.getCell(a, 2).value ?? "").length)[0];
  const lines = Math.ceil(String(ks.getCell(longest, 2).value).length / 60);
  expect(lines).toBeGreaterThan(2);
  // Times New Roman is narrower than one character a width unit: at least half the naive line count.
  expect(ks.getRow(longest).height).toBeGreaterThanOrEqual((lines / 2) * 15.75);
  fs.mkdirSync(path.join(dir, "nhan"));
  await wb.xlsx.writeFile(path.join(dir, "nhan", "cong-an-huyen.xlsx"));
  // The health office sends its first-quarter book again.
  const q1 = new ExcelJS.Workbook();
  await q1.xlsx.readFile(path.join(dir, "quy1", "phong-y-te-huyen.xlsx"));
  const qs = q1.getWorksheet("Chỉ tiêu")!;
  const qt = submissionTable(qs);
  qs.getCell(qt.header + 1, qt.col("Ước TH")).value = 6.1;
  await q1.xlsx.writeFile(path.join(dir, "nhan", "phong-y-te-huyen-q1.xlsx"));

  const io = capture(dir);
  await main(["collect", "plan.xlsx", "nhan", "--period", "6m", "-o", "tong-hop.xlsx", "--json"], io);
  const out = JSON.parse(io.stdout()) as { merged: { traffic: number; figures: number }; missing: string[]; files: { file: string; issues: { code: string; message: string }[] }[] };
  expect(out.merged.traffic).toBe(6);
  const health = out.files.find((f) => f.file.endsWith("phong-y-te-huyen-q1.xlsx"))!;
  expect(health.issues[0].code).toBe("submission.other-cycle");
  expect(health.issues[0].message).toContain("KTXH-q1-2024-phong-y-te-huyen");
  expect(out.missing).toContain("Phòng Y tế huyện");
  expect(out.merged.figures).toBe(0);

  // The report on the merged book derives the criterion from the counts collected: two of three fell.
  const rep = capture(dir);
  expect(await main(["report", "tong-hop.xlsx", "--period", "6m", "-o", "bc.xlsx", "--json"], rep)).not.toBe(2);
  const model = JSON.parse(rep.stdout()) as ReportModel;
  const row18 = model.rows.find((x) => x.no === "18")!;
  expect(JSON.stringify(row18)).toMatch(/giảm 0?2 tiêu chí/i);
});
