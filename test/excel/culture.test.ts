// The culture a book was typed in (issue 16): the pane reads it from Excel (cultureInfo, ExcelApi 1.11) in
// the batches it already makes, keeps it in the book's record, and `ktxh check` of the saved file reads a
// slip exactly as the pane did; a book with no record is read culture-free, the ambiguity said aloud.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { Plan } from "../../src/core/plan";
import { message } from "../../src/core/messages";
import { defaultPlan } from "../../src/seeds";
import type { CheckedIssue, WorkbookCheck } from "../../src/contract/operations";
import { RECORD_SHEET, decodeRecord, recordCulture } from "../../src/layout/sheets/record";
import { exportXlsx } from "../agreement/paths";
import { cellOf, setup, syncsOf } from "./support";

const SHEET = "Chỉ tiêu";
const PERIODS = ["6m", "9m", "year"];
const yes = async (): Promise<boolean> => true;
const issuesOf = (c: WorkbookCheck): CheckedIssue[] => c.sheets.flatMap((s) => s.issues);

/** The built-in plan with target 8 at about 40 people: neither 1600 nor 1,6 is near, so only a culture decides `1.600`. */
function planNear40(): Plan {
  const p = structuredClone(defaultPlan());
  const t = p.targets.find((x) => x.no === "8");
  if (!t) throw new Error("no target 8");
  t.target = "khoảng 40";
  return p;
}

type CliIssue = { code: string; cell: string | null; fix: { value: unknown } | null; message: string };

/** `ktxh check --json` of the saved book (with `plan`: `--plan`, for a book whose record is gone). */
async function cliCheck(xlsx: Buffer, plan?: Plan): Promise<CliIssue[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-culture-"));
  try {
    fs.writeFileSync(path.join(dir, "book.xlsx"), xlsx);
    if (plan) fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan));
    let out = "";
    await main(["check", "book.xlsx", "--json", ...(plan ? ["--plan", "plan.json"] : [])], { cwd: dir, out: (t) => void (out += t), err: () => undefined });
    return (JSON.parse(out) as { files: { issues: CliIssue[] }[] }).files[0].issues;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The saved book without its record sheet: a book the add-in never wrote a record into. */
async function withoutRecord(xlsx: Buffer): Promise<Buffer> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = x.getWorksheet(RECORD_SHEET);
  if (ws) x.removeWorksheet(ws.id);
  return Buffer.from(await x.xlsx.writeBuffer());
}

/** A book loaded in an Excel of `culture`, with `1.600` typed into target 8's cell formatted as Text. */
async function typedAsText(culture: "vi-VN" | "en-US", requirements?: Record<string, string>) {
  const s = setup({ culture, ...(requirements ? { requirements } : {}) });
  const plan = planNear40();
  await s.ops.loadPlan(plan, PERIODS, yes);
  const cell = cellOf(s.wb, SHEET, "t:8", "p:year");
  s.wb.user.format(SHEET, cell, "numberFormat", "@");
  s.wb.user.type(SHEET, cell, "1.600");
  expect(s.wb.user.cell(SHEET, cell).value).toBe("1.600");
  return { ...s, cell };
}

const recordOf = (wb: ReturnType<typeof setup>["wb"]) => decodeRecord(wb.user.grid(RECORD_SHEET));

describe("the culture a book is typed in", () => {
  test("a vi-VN Excel's 1.600 is 1600 in the pane's check and in `ktxh check` of the saved book; without the record, the ambiguity is said", async () => {
    const { wb, ops, cell } = await typedAsText("vi-VN");
    expect(recordCulture(recordOf(wb))).toEqual({ name: "vi-VN", decimal: ",", group: "." });

    const pane = issuesOf(await ops.checkWorkbook({ mark: false })).filter((i) => i.location.cell === cell);
    expect(pane.map((i) => [i.code, i.params.value])).toEqual([["value.text-number", 1600]]);

    const xlsx = await exportXlsx(wb);
    const cli = (await cliCheck(xlsx)).filter((i) => i.cell === cell);
    expect(cli.map((i) => [i.code, i.fix?.value])).toEqual([["value.text-number", 1600]]);

    const bare = (await cliCheck(await withoutRecord(xlsx), planNear40())).filter((i) => i.cell === cell);
    expect(bare.map((i) => i.code)).toEqual(["value.ambiguous"]);
    expect(bare[0].message).toContain("1.600 (cách viết Việt Nam) hoặc 1,6");
  });

  test("an en-US Excel's text 1.600 stays ambiguous (the culture and Vietnamese writing disagree), in the pane and the command line alike", async () => {
    const { wb, ops, cell } = await typedAsText("en-US");
    expect(recordCulture(recordOf(wb))?.name).toBe("en-US");
    const pane = issuesOf(await ops.checkWorkbook({ mark: false })).filter((i) => i.location.cell === cell);
    expect(pane.map((i) => i.code)).toEqual(["value.ambiguous"]);
    const cli = (await cliCheck(await exportXlsx(wb))).filter((i) => i.cell === cell);
    expect(cli.map((i) => i.code)).toEqual(["value.ambiguous"]);
  });

  test("an Excel below ExcelApi 1.11 is not asked: nothing is recorded and the figure is read culture-free", async () => {
    const { wb, ops, cell } = await typedAsText("vi-VN", { ExcelApi: "1.10" });
    expect(recordCulture(recordOf(wb))).toBeNull();
    const pane = issuesOf(await ops.checkWorkbook({ mark: false })).filter((i) => i.location.cell === cell);
    expect(pane.map((i) => i.code)).toEqual(["value.ambiguous"]);
  });

  test("a number a thousand times small says how it was typed in that culture: 1,720 the English way in a vi-VN Excel", async () => {
    const s = setup({ culture: "vi-VN" });
    await s.ops.loadPlan(defaultPlan(), PERIODS, yes);
    const cell = cellOf(s.wb, SHEET, "t:8", "p:year");
    s.wb.user.type(SHEET, cell, "1,720");
    expect(s.wb.user.cell(SHEET, cell).value).toBe(1.72);
    const slip = issuesOf(await s.ops.checkWorkbook({ mark: false })).find((i) => i.location.cell === cell);
    expect(slip?.code).toBe("value.decimal-confusion");
    expect(slip?.params).toMatchObject({ fixed: 1720, excelDecimal: "," });
    expect(message(slip as CheckedIssue)).toContain('"1,720"');
    const cli = (await cliCheck(await exportXlsx(s.wb))).find((i) => i.cell === cell);
    expect([cli?.code, cli?.fix?.value, cli?.message]).toEqual([slip?.code, 1720, message(slip as CheckedIssue)]);
  });

  test("7-8 that Excel made a date is put back as 7-8 by the command line's fix too, from the culture the record keeps", async () => {
    const s = setup({ culture: "en-US", year: 2024 });
    await s.ops.loadPlan(defaultPlan(), PERIODS, yes);
    const cell = cellOf(s.wb, SHEET, "t:13", "p:year");
    s.wb.user.type(SHEET, cell, "7-8");
    const pane = issuesOf(await s.ops.checkWorkbook({ mark: false })).find((i) => i.location.cell === cell);
    const cli = (await cliCheck(await exportXlsx(s.wb))).find((i) => i.cell === cell);
    expect([cli?.code, cli?.fix?.value, cli?.message]).toEqual(["value.date", "7-8", message(pane as CheckedIssue)]);
  });

  test("reading the culture costs no request: the check and the recheck make as many syncs as without it", async () => {
    const counts: number[][] = [];
    for (const requirements of [{ ExcelApi: "1.10" }, { ExcelApi: "1.17" }]) {
      const s = setup({ culture: "vi-VN", requirements });
      await s.ops.loadPlan(defaultPlan(), PERIODS, yes);
      s.wb.user.type(SHEET, cellOf(s.wb, SHEET, "t:1", "p:year"), "25.300");
      counts.push([await syncsOf(s.wb, () => s.ops.recheck("year")), await syncsOf(s.wb, () => s.ops.checkWorkbook({ mark: false }))]);
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});
