/**
 * "Kiểm tra số liệu" in a live workbook. Pure parts first (Office.js reads → grid cells, the marks
 * record, the issues sheet's rows), then the host on the strict in-memory Excel at ExcelApi 1.8: a
 * colleague's 783/BC-style table typed in by hand with a number stored as text, 1,72 for 1.720, a #REF!,
 * a missing row and a formula-looking text in decomposed letters, each found at its cell; marks that
 * change fills only and come off exactly; the issues sheet; fixes; protection; request counts.
 */
import { gridCell, gridOf } from "../../src/hosts/excel/check-grid";
import { MARKS_SETTING_KEY, MARK_COLORS, type Mark, decodeMarks, encodeMarks, markColor, planMarks } from "../../src/hosts/excel/check-marks";
import { issueRows, issuesSheetName } from "../../src/hosts/excel/check-sheet";
import ExcelJS from "exceljs";
import { annotateWorkbook, issuesWorkbook } from "../../src/hosts/xlsx/annotate";
import { issuesLayout } from "../../src/layout/sheets/issues";
import { issue } from "../../src/core/validate/issue";
import { type CheckedIssue, type WorkbookCheck, applyFixes, checkWorkbook, clearMarks } from "../../src/hosts/excel/check-workbook";
import { type ExcelRun, createExcelOperations } from "../../src/hosts/excel/host";
import { HOST_TEXT } from "../../src/hosts/excel/strings";
import type { Plan } from "../../src/core/plan";
import { defaultPlan } from "../../src/seeds";
import { type StrictWorkbook, asExcelContext, createWorkbook } from "../../src/testing/strict-excel";
import { type CellInput, type ForeignRow, goodRows } from "../validate/corpus";

const RED = MARK_COLORS.error ?? "";
const AMBER = MARK_COLORS.warning ?? "";

describe("cells read by Office.js become grid cells", () => {
  test("an error value read as text with value type Error is an error, not text", () => {
    expect(gridCell("#REF!", "=SUM(#REF!)", "General", "Error")).toEqual({ value: null, error: "#REF!", formula: "SUM(#REF!)" });
  });

  test("a text constant starting with = is text, not a formula", () => {
    expect(gridCell("=SUM(A1)", "=SUM(A1)", "General", "String")).toEqual({ value: "=SUM(A1)" });
  });

  test("a formula keeps its cached result and formula, a format other than General is kept", () => {
    expect(gridCell(12.5, "=A1/2", "0.00", "Double")).toEqual({ value: 12.5, formula: "A1/2", numFmt: "0.00" });
  });

  test("empty cells are null, empty results of formulas are kept", () => {
    expect(gridCell("", "", "General", "Empty")).toBeNull();
    expect(gridCell("", '=IF(A1,"x","")', "General", "String")).toEqual({ value: "", formula: 'IF(A1,"x","")' });
  });

  test("a used range starting at C3 lands at row 2, column 2 of the grid", () => {
    const g = gridOf({ sheet: "S", row: 2, col: 2, values: [[1, "a"]], formulas: [[1, "a"]], numberFormat: [["General", "@"]], valueTypes: [["Double", "String"]] });
    expect(g.cells).toHaveLength(3);
    expect(g.cells[2][2]).toEqual({ value: 1 });
    expect(g.cells[2][3]).toEqual({ value: "a", numFmt: "@" });
    expect(g.cells[2][1]).toBeNull();
  });
});

describe("marks", () => {
  const open = () => ({ exists: true, protected: false });

  test("the worst problem of a cell picks its colour; info is not marked", () => {
    expect(markColor(["warning", "error"])).toBe(RED);
    expect(markColor(["warning"])).toBe(AMBER);
    expect(markColor(["info"])).toBeNull();
  });

  test("a first pass remembers each cell's own fill", () => {
    const p = planMarks([], [{ sheetId: "s1", cell: "E7", color: RED }], () => "#00B050", open);
    expect(p.paint).toEqual([{ sheetId: "s1", cell: "E7", color: RED }]);
    expect(p.keep).toEqual([{ s: "s1", c: "E7", o: "#00B050", m: RED }]);
  });

  test("a second pass keeps the fill under the earlier mark, and takes off marks no longer wanted", () => {
    const old: Mark[] = [
      { s: "s1", c: "E7", o: "#00B050", m: RED },
      { s: "s1", c: "E8", o: "#FFFFFF", m: AMBER },
    ];
    const now: Record<string, string> = { E7: RED, E8: AMBER };
    const p = planMarks(old, [{ sheetId: "s1", cell: "E7", color: AMBER }], (_s, c) => now[c], open);
    expect(p.keep).toEqual([{ s: "s1", c: "E7", o: "#00B050", m: AMBER }]);
    expect(p.restore).toEqual([{ sheetId: "s1", cell: "E8", fill: "#FFFFFF" }]);
  });

  test("a fill the user chose over our mark is theirs: not restored", () => {
    const old: Mark[] = [{ s: "s1", c: "E8", o: "#FFFFFF", m: AMBER }];
    const p = planMarks(old, [], () => "#0070C0", open);
    expect(p.restore).toEqual([]);
    expect(p.keep).toEqual([]);
  });

  test("a protected sheet is neither marked nor unmarked, and its marks stay on record", () => {
    const old: Mark[] = [{ s: "locked", c: "A1", o: "#FFFFFF", m: RED }];
    const p = planMarks(old, [{ sheetId: "locked", cell: "B2", color: RED }], () => RED, () => ({ exists: true, protected: true }));
    expect(p.paint).toEqual([]);
    expect(p.restore).toEqual([]);
    expect(p.keep).toEqual(old);
  });

  test("the record survives a round trip and anything else decodes to no marks", () => {
    const m: Mark[] = [{ s: "{1}", c: "A1", o: "#FFFFFF", m: RED }];
    expect(decodeMarks(encodeMarks(m))).toEqual(m);
    expect(decodeMarks("not json")).toEqual([]);
    expect(decodeMarks(JSON.stringify({ v: 2, marks: [] }))).toEqual([]);
  });
});

describe("the issues sheet's rows", () => {
  test("texts Excel would read as a formula or a number are written to stay text", () => {
    const rows = issueRows([
      issue("value.unreadable", { sheet: "Báo cáo", cell: "G8", target: "1.2" }, { written: "=HYPERLINK(\"x\")" }, { cell: "G8", value: 1600 }),
    ]);
    expect(rows[1]).toEqual(issuesLayout().columns.map((c) => c.header));
    const [no, severity, sheet, cell, target, text, fix, code] = rows[2];
    expect([no, severity, sheet, cell, target, fix, code]).toEqual(["'1", "Lỗi", "Báo cáo", "G8", "'1.2", "'1.600", "value.unreadable"]);
    expect(String(text)).toContain("=HYPERLINK");
  });

  test("a user's own sheet called Kiểm tra keeps its name: ours takes a free one", () => {
    expect(issuesSheetName(["Báo cáo"])).toBe("Kiểm tra");
    expect(issuesSheetName(["kiểm tra", "Kiểm tra (2)"])).toBe("Kiểm tra (3)");
  });
});

// ---- on the strict in-memory Excel ----

/** A colleague's 783/BC-style table typed into Excel by hand, with the defects of a real one. */
const S = "Báo cáo";
const NOTES = "Ghi chú";
const E = (k: number) => `E${5 + k}`; // target k's figure, for k before the removed row 13
const LINK = '=HYPERLINK("http://example.com","Bấm vào đây")';

function typeIn(v: CellInput | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return String(v);
  // Typed with Excel's apostrophe so that text stays text whatever it looks like.
  return typeof v === "string" ? `'${v}` : null;
}

interface Book {
  wb: StrictWorkbook;
  run: ExcelRun;
  plan: Plan;
}

function colleagueBook(extraSheets: string[] = []): Book {
  // The manifest's minimum, ExcelApi 1.8: nothing above it is used.
  const wb = createWorkbook({ sheets: [S, NOTES, ...extraSheets], requirements: { ExcelApi: "1.8" } });
  const run: ExcelRun = (batch) => wb.run((ctx) => batch(asExcelContext(ctx)));
  const plan = defaultPlan();
  const rows: ForeignRow[] = goodRows(plan);
  rows[2].actual = "650,2"; // a number stored as text (E8)
  rows[7].actual = 1.72; // "1.720" typed into an English-locale Excel (E13)
  rows[1].note = LINK.normalize("NFD"); // a formula-looking text in decomposed letters (G7)
  rows.splice(12, 1); // target 13's row is missing
  wb.user.type(S, "A1", "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024");
  ["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2024", "Ước TH năm 2024", "So với chỉ tiêu giao (%)", "Ghi chú"].forEach((h, i) => {
    wb.user.type(S, `${"ABCDEFG"[i]}5`, h);
  });
  rows.forEach((r, i) => {
    const put = (col: string, v: CellInput | undefined) => {
      const t = typeIn(v);
      if (t !== null) wb.user.type(S, `${col}${6 + i}`, t);
    };
    put("A", r.no);
    put("B", r.name);
    put("C", r.unit);
    put("D", r.plan);
    put("E", r.actual);
    put("G", r.note);
  });
  wb.user.type(S, E(4), "=Xoa!A1"); // a reference to a deleted sheet: #REF! (E9)
  wb.user.type(NOTES, "A1", "Tổng hợp");
  wb.user.type(NOTES, "B3", "=1/0"); // #DIV/0!
  return { wb, run, plan };
}

const EXPECTED = [
  { code: "text.decomposed", sheet: S, cell: "G7", target: null },
  { code: "value.text-number", sheet: S, cell: E(3), target: "3" },
  { code: "cell.error-value", sheet: S, cell: E(4), target: null },
  { code: "value.decimal-confusion", sheet: S, cell: E(8), target: "8" },
  { code: "row.missing", sheet: S, cell: null, target: "13" },
  { code: "cell.error-value", sheet: NOTES, cell: "B3", target: null },
];

const brief = (i: CheckedIssue) => ({ code: i.code, sheet: i.location.sheet, cell: i.location.cell ?? null, target: i.location.target ?? null });
const all = (r: WorkbookCheck) => r.sheets.flatMap((s) => s.issues);

/** Values and formulas of every cell of the used ranges: what marking must never change. */
function contents(wb: StrictWorkbook, sheets: string[]): unknown {
  return sheets.map((name) => {
    const g = wb.user.grid(name, "A1:H40");
    return g.map((line, r) => line.map((v, c) => [v, wb.user.cell(name, `${"ABCDEFGH"[c]}${r + 1}`).formula]));
  });
}

const fill = (wb: StrictWorkbook, sheet: string, cell: string) => wb.user.cell(sheet, cell).fill;

describe("checkWorkbook on a colleague's table", () => {
  test("finds each seeded defect at its sheet and cell, grouped by sheet in workbook order, in Vietnamese", async () => {
    const { run, plan } = colleagueBook();
    const r = await checkWorkbook(run, plan, { mark: false });
    expect(all(r).map(brief)).toEqual(EXPECTED);
    expect(r.sheets.map((s) => s.sheet)).toEqual([S, NOTES]);
    expect(r.checked).toEqual([S, NOTES]);
    expect(r.counts).toEqual({ error: 4, warning: 2, info: 0 });
    for (const i of all(r)) expect(i.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    const textNumber = all(r).find((i) => i.code === "value.text-number");
    expect(textNumber?.apply).toEqual({ sheet: S, cell: E(3), value: 650.2, was: "650,2", target: "3" });
    expect(textNumber?.fixText).toBe("650,2");
    // An error value has no proposed fix: the formula is the user's to mend.
    expect(all(r).find((i) => i.code === "cell.error-value")?.apply).toBeNull();
  });

  test("hidden sheets are not read", async () => {
    const { wb, run, plan } = colleagueBook(["Ẩn"]);
    wb.user.type("Ẩn", "A1", "=Xoa!B2");
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ẩn").visibility = "Hidden";
      await ctx.sync();
    });
    const r = await checkWorkbook(run, plan, { mark: false });
    expect(r.checked).toEqual([S, NOTES]);
    expect(all(r).map(brief)).toEqual(EXPECTED);
  });

  test("without a plan in settings or given, the check says so in Vietnamese", async () => {
    const { run } = colleagueBook();
    await expect(checkWorkbook(run, null)).rejects.toThrow(HOST_TEXT.noPlan);
  });
});

describe("marks", () => {
  test("fill problem cells by severity and change nothing else; clearMarks restores each fill exactly", async () => {
    const { wb, run, plan } = colleagueBook();
    wb.user.format(S, E(3), "fill.color", "#00B050"); // the user's own green under a problem cell
    const before = contents(wb, [S, NOTES]);
    const r = await checkWorkbook(run, plan);
    expect(r.marked).toBe(5);
    expect(contents(wb, [S, NOTES])).toEqual(before);
    expect(fill(wb, S, E(3))).toBe(MARK_COLORS.warning);
    expect(fill(wb, S, "G7")).toBe(MARK_COLORS.warning);
    expect(fill(wb, S, E(4))).toBe(MARK_COLORS.error);
    expect(fill(wb, S, E(8))).toBe(MARK_COLORS.error);
    expect(fill(wb, NOTES, "B3")).toBe(MARK_COLORS.error);
    expect(fill(wb, S, E(5))).toBe("#FFFFFF");
    expect(wb.user.settings()[MARKS_SETTING_KEY]).toBeDefined();

    // A second check must not take our first mark for the user's fill.
    await checkWorkbook(run, plan);
    const cleared = await clearMarks(run);
    expect(cleared).toEqual({ cleared: 5, kept: 0 });
    expect(fill(wb, S, E(3))).toBe("#00B050");
    for (const [s, c] of [[S, "G7"], [S, E(4)], [S, E(8)], [NOTES, "B3"]]) expect(fill(wb, s, c)).toBe("#FFFFFF");
    expect(contents(wb, [S, NOTES])).toEqual(before);
    expect(wb.user.settings()[MARKS_SETTING_KEY]).toBeUndefined();
  });

  test("a fill the user changed after marking stays; a fixed cell loses its mark on the next check", async () => {
    const { wb, run, plan } = colleagueBook();
    await checkWorkbook(run, plan);
    wb.user.format(S, E(8), "fill.color", "#0070C0");
    wb.user.type(S, E(3), "650.2");
    const r = await checkWorkbook(run, plan);
    expect(all(r).map((i) => i.location.cell)).not.toContain(E(3));
    expect(fill(wb, S, E(3))).toBe("#FFFFFF");
    await clearMarks(run);
    expect(fill(wb, S, E(8))).toBe("#0070C0");
  });

  test("a protected sheet is listed but not marked", async () => {
    const { wb, run, plan } = colleagueBook();
    wb.user.protect(NOTES);
    const r = await checkWorkbook(run, plan);
    expect(r.unmarkedSheets).toEqual([NOTES]);
    expect(fill(wb, NOTES, "B3")).toBe("#FFFFFF");
    expect(fill(wb, S, E(4))).toBe(MARK_COLORS.error);
  });
});

describe("the issues sheet", () => {
  test("lists every problem with texts kept as text, and is replaced, not added again, on the next run", async () => {
    const { wb, run, plan } = colleagueBook();
    const r = await checkWorkbook(run, plan, { issuesSheet: true });
    expect(r.issuesSheet).toBe("Kiểm tra");
    const g = wb.user.grid("Kiểm tra");
    expect(g).toHaveLength(2 + EXPECTED.length);
    expect(g.slice(2).map((l) => [l[2], l[3], l[4], l[7]])).toEqual(EXPECTED.map((x) => [x.sheet, x.cell ?? "", x.target ?? "", x.code]));
    const link = wb.user.cell("Kiểm tra", "G3");
    expect(link.value).toBe(LINK);
    expect(link.formula).toBeNull();
    expect(link.type).toBe("String");
    expect(wb.user.cell("Kiểm tra", "E4")).toMatchObject({ value: "3", type: "String" });

    wb.user.type(S, E(3), "650.2");
    await checkWorkbook(run, plan, { issuesSheet: true, mark: false });
    expect(wb.user.sheetNames()).toEqual([S, NOTES, "Kiểm tra"]);
    expect(wb.user.grid("Kiểm tra")).toHaveLength(1 + EXPECTED.length);
  });

  test("a workbook whose structure is protected gets no new sheet, and says why", async () => {
    const { wb, run, plan } = colleagueBook();
    wb.user.protectWorkbook();
    const r = await checkWorkbook(run, plan, { issuesSheet: true });
    expect(r.issuesSheet).toBeNull();
    expect(r.issuesSheetSkipped).toMatch(/bảo vệ/);
    expect(wb.user.sheetNames()).toEqual([S, NOTES]);
    expect(r.marked).toBe(5);
  });

  test("a user's own sheet called Kiểm tra is never touched", async () => {
    const { wb, run, plan } = colleagueBook(["Kiểm tra"]);
    wb.user.type("Kiểm tra", "A1", "Việc của tôi");
    const r = await checkWorkbook(run, plan, { issuesSheet: true });
    expect(r.issuesSheet).toBe("Kiểm tra (2)");
    expect(wb.user.grid("Kiểm tra")).toEqual([["Việc của tôi"]]);
    // Ours is not read as a colleague's table on the next run.
    const again = await checkWorkbook(run, plan, { issuesSheet: true });
    expect(again.checked).toEqual([S, NOTES, "Kiểm tra"]);
    expect(wb.user.sheetNames()).toEqual([S, NOTES, "Kiểm tra", "Kiểm tra (2)"]);
  });
});

describe("applyFixes", () => {
  test("one accepted fix changes only its cell, and takes its mark off", async () => {
    const { wb, run, plan } = colleagueBook();
    wb.user.format(S, E(3), "fill.color", "#00B050");
    const r = await checkWorkbook(run, plan);
    const fix = all(r).find((i) => i.code === "value.text-number")?.apply;
    if (!fix) throw new Error("no fix proposed for E8");
    const before = contents(wb, [S, NOTES]) as unknown[][][][];
    const out = await applyFixes(run, [fix]);
    expect(out).toEqual({ applied: [{ sheet: S, cell: E(3) }], skipped: [] });
    expect(wb.user.cell(S, E(3))).toMatchObject({ value: 650.2, type: "Double", formula: null });
    const after = contents(wb, [S, NOTES]) as unknown[][][][];
    after[0][7][4] = before[0][7][4];
    expect(after).toEqual(before);
    expect(fill(wb, S, E(3))).toBe("#00B050");
    expect(fill(wb, S, E(8))).toBe(MARK_COLORS.error);
  });

  test("a text fix is written as text, even when it looks like a formula", async () => {
    const { wb, run, plan } = colleagueBook();
    const r = await checkWorkbook(run, plan, { mark: false });
    const fixes = all(r).flatMap((i) => (i.apply ? [i.apply] : []));
    expect(fixes.map((f) => f.cell)).toEqual(["G7", E(3), E(8)]);
    await applyFixes(run, fixes);
    expect(wb.user.cell(S, "G7")).toMatchObject({ value: LINK, formula: null, type: "String" });
    expect(wb.user.cell(S, E(8)).value).toBe(1720);
    const again = await checkWorkbook(run, plan, { mark: false });
    expect(all(again).map((i) => i.code)).toEqual(["cell.error-value", "row.missing", "cell.error-value"]);
  });

  test("a cell changed since the check is left alone", async () => {
    const { wb, run, plan } = colleagueBook();
    const r = await checkWorkbook(run, plan, { mark: false });
    wb.user.type(S, E(8), "1800");
    const fix = all(r).find((i) => i.code === "value.decimal-confusion")?.apply;
    if (!fix) throw new Error("no fix proposed for E13");
    const out = await applyFixes(run, [fix]);
    expect(out).toEqual({ applied: [], skipped: [{ sheet: S, cell: E(8), reason: "changed" }] });
    expect(wb.user.cell(S, E(8)).value).toBe(1800);
  });

  test("a protected sheet refuses with a Vietnamese message and nothing is written anywhere", async () => {
    const { wb, run, plan } = colleagueBook(["Khác"]);
    wb.user.type("Khác", "B2", "Số liệu đã kiểm tra".normalize("NFD"));
    const r = await checkWorkbook(run, plan);
    const fixes = all(r).flatMap((i) => (i.apply ? [i.apply] : []));
    expect(fixes.map((f) => f.sheet)).toEqual([S, S, S, "Khác"]);
    // The last sheet is protected: the fixes queued before it must not be written either.
    wb.user.protect("Khác");
    const before = contents(wb, [S, NOTES, "Khác"]);
    const fills = [fill(wb, S, E(3)), fill(wb, "Khác", "B2")];
    const settings = wb.user.settings();
    await expect(applyFixes(run, fixes)).rejects.toThrow(HOST_TEXT.sheetProtected("Khác"));
    expect([fill(wb, S, E(3)), fill(wb, "Khác", "B2")]).toEqual(fills);
    expect(contents(wb, [S, NOTES, "Khác"])).toEqual(before);
    expect(wb.user.settings()).toEqual(settings);
  });
});

describe("requests", () => {
  async function syncs(wb: StrictWorkbook, step: () => Promise<unknown>): Promise<number> {
    wb.counters.reset();
    await step();
    return wb.counters.syncs;
  }

  test("the number of syncs does not grow with sheets or problems", async () => {
    const small = colleagueBook();
    const big = colleagueBook(["P1", "P2", "P3", "P4", "P5"]);
    for (const s of ["P1", "P2", "P3", "P4", "P5"]) {
      for (let r = 1; r <= 40; r++) big.wb.user.type(s, `C${r}`, "=1/0");
    }
    const counts = async (b: Book) => {
      const check = await syncs(b.wb, () => checkWorkbook(b.run, b.plan, { issuesSheet: true }));
      const r = await checkWorkbook(b.run, b.plan, { mark: false });
      const fixes = all(r).flatMap((i) => (i.apply ? [i.apply] : []));
      const fix = await syncs(b.wb, () => applyFixes(b.run, fixes));
      const clear = await syncs(b.wb, () => clearMarks(b.run));
      return { check, fix, clear, problems: all(r).length };
    };
    const a = await counts(small);
    const b = await counts(big);
    expect(b.problems).toBeGreaterThan(a.problems + 150);
    expect({ ...b, problems: 0 }).toEqual({ ...a, problems: 0 });
    expect([a.check, a.fix, a.clear]).toEqual([4, 3, 3]);
  });
});

describe("a workbook too large for one response", () => {
  test("is read again in row blocks and gives the same problems", async () => {
    const whole = colleagueBook();
    const expected = (await checkWorkbook(whole.run, whole.plan, { mark: false })).sheets;
    const { wb, run, plan } = colleagueBook();
    wb.model.maxResponseBytes = 6000;
    await expect(wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(S).getUsedRange().load("values,formulas,numberFormat,valueTypes");
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    wb.counters.reset();
    const r = await checkWorkbook(run, plan, { mark: false, cellsPerSync: 40 });
    expect(r.sheets).toEqual(expected);
    expect(wb.counters.syncs).toBeGreaterThan(4);
  });
});

describe("the add-in's own targets sheet", () => {
  test("is checked against the plan kept in settings: a figure typed as text is found at its cell", async () => {
    // ExcelApi 1.8, the manifest's minimum: the layout is written without the page setup.
    const wb = createWorkbook({ sheets: ["Sheet1"], requirements: { ExcelApi: "1.8" } });
    const run: ExcelRun = (batch) => wb.run((ctx) => batch(asExcelContext(ctx)));
    const ops = createExcelOperations(run, { isSetSupported: (n, v) => wb.model.isSetSupported(n, v), now: () => "2024-07-15T08:00:00.000Z" });
    const loaded = await ops.loadPlan(defaultPlan(), ["year"], async () => true);
    if ("cancelled" in loaded) throw new Error("load cancelled");
    const item = loaded.summary.items.find((i) => i.no === "3");
    if (!item) throw new Error("target 3 not listed as missing");
    wb.user.type(item.sheet, item.cell, "'650,2");
    const r = await checkWorkbook(run, null, { mark: false });
    expect(r.planId).toBe(defaultPlan().id);
    const found = all(r).filter((i) => i.code === "value.text-number");
    expect(found.map(brief)).toEqual([{ code: "value.text-number", sheet: item.sheet, cell: item.cell, target: "3" }]);
  });
});

describe("one issues sheet for both hosts", () => {
  /** The issues sheet as ExcelJS wrote it (bytes read back), and an annotated copy of the same sheets. */
  async function fromExcelJS(issues: readonly CheckedIssue[]) {
    const listed = new ExcelJS.Workbook();
    await listed.xlsx.load((await issuesWorkbook(issues, "x.xlsx").xlsx.writeBuffer()) as ExcelJS.Buffer);
    const copy = new ExcelJS.Workbook();
    copy.addWorksheet(S);
    copy.addWorksheet(NOTES);
    annotateWorkbook(copy, issues, "x.xlsx");
    return { listed, copy };
  }
  const text = (v: unknown): string => (v == null ? "" : String(v));

  test("the sheet the add-in writes and the one ktxh check --out writes have the same name, header, rows and colours", async () => {
    const { wb, run, plan } = colleagueBook();
    const r = await checkWorkbook(run, plan, { issuesSheet: true });
    const issues = all(r);
    const { listed, copy } = await fromExcelJS(issues);
    expect(listed.worksheets.map((w) => w.name)).toEqual([r.issuesSheet]);
    const ws = listed.getWorksheet(r.issuesSheet ?? "");
    if (!ws) throw new Error("no issues sheet from ExcelJS");
    const g = wb.user.grid(r.issuesSheet ?? "");
    const width = issuesLayout().columns.length;
    const exceljsRows = g.map((_, i) => Array.from({ length: width }, (_c, c) => text(ws.getRow(i + 1).getCell(c + 1).value)));
    // Row 1 is the title (the CLI names the file); from the header down every cell is the same.
    expect(g.slice(1).map((l) => l.slice(0, width).map(text))).toEqual(exceljsRows.slice(1));
    expect(g[1]).toEqual(issuesLayout().columns.map((c) => c.header));

    // Severity colours of the issues sheet: the same fills on the same words.
    const strictRules = wb.user.sheetInfo(r.issuesSheet ?? "").conditionalFormats.map((cf) => [cf.format.fillColor?.toUpperCase(), cf.format.fontColor?.toUpperCase()]);
    const read = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const cliRules = read.flatMap((cf) => cf.rules.map((rule) => {
      const style = (rule as ExcelJS.CellIsRuleType).style;
      const fill = (style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb;
      return [fill ? `#${fill.slice(2)}` : undefined, style?.font?.color?.argb ? `#${style.font.color.argb.slice(2)}` : undefined];
    }));
    expect(strictRules.length).toBeGreaterThan(0);
    expect(strictRules.sort()).toEqual(cliRules.sort());

    // Mark colours: each problem cell has the same fill in the workbook and in the annotated copy.
    const cells = issues.filter((i) => i.location.sheet && i.location.cell);
    expect(cells.length).toBeGreaterThan(0);
    for (const i of cells) {
      const sheet = i.location.sheet ?? "", cell = i.location.cell ?? "";
      const argb = (copy.getWorksheet(sheet)?.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect([sheet, cell, argb ? `#${argb.slice(2)}` : null]).toEqual([sheet, cell, fill(wb, sheet, cell)]);
    }
  });
});
