import { HostError } from "../../src/hosts/excel/errors";
import { PLAN_SETTING_KEY } from "../../src/hosts/excel/locate";
import type { PlanInput } from "../../src/core/plan";
import { parsePlan } from "../../src/core/plan";
import { META_SETTING_KEY, type WorkbookMeta, encodeMeta, makeMeta } from "../../src/layout/sheets/meta";
import { decodeRecord } from "../../src/layout/sheets/record";
import { DROPPED_HEADING } from "../../src/layout/sheets/styles";
import { defaultPlan } from "../../src/seeds";
import type { DropCandidate } from "../../src/contract/operations";
import { cellOf, setup, snapshot, syncsOf } from "./support";

const plan = defaultPlan();
const PERIODS = ["6m", "9m", "year"];
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;

/** The 2024 plan without its last target (a later plan that dropped it). */
function withoutTarget20(): ReturnType<typeof defaultPlan> {
  const input = JSON.parse(JSON.stringify(plan)) as PlanInput;
  input.id = "binh-son-2024-sua";
  input.targets = input.targets.filter((t) => t.no !== "20");
  const r = parsePlan(input);
  if (!r.ok) throw new Error("bad test plan");
  return r.value;
}

describe("loading a plan into a live workbook", () => {
  test("into an empty workbook: both sheets laid out in full, metadata in settings, in 4 syncs", async () => {
    const { wb, ops } = setup();
    let outcome: Awaited<ReturnType<typeof ops.loadPlan>> | null = null;
    const syncs = await syncsOf(wb, async () => void (outcome = await ops.loadPlan(plan, PERIODS, yes)));
    expect(syncs).toBe(4);
    expect(wb.user.sheetNames()).toEqual(["Sheet1", "Chỉ tiêu", "Nhiệm vụ", "_ktxh"]);
    expect(wb.user.activeSheet()).toBe(SHEET);
    // The book's record, written in the same syncs: very hidden, holding the plan itself and the sheets' ids.
    expect(wb.user.sheetInfo("_ktxh").visibility).toBe("VeryHidden");
    const record = decodeRecord(wb.user.grid("_ktxh", "A1:E30"));
    expect(record?.plan).toMatchObject({ id: plan.id });
    expect(record?.meta.sheets.targets.id).toBe(wb.user.sheetInfo(SHEET).id);

    // Values: the plan's text as written, the hidden key row and identity column.
    expect(wb.user.cell(SHEET, "B8").value).toBe("Tổng giá trị sản xuất");
    expect(wb.user.cell(SHEET, "D8").value).toBe("khoảng 25.224");
    expect(wb.user.cell(SHEET, "D23").value).toBe("100% theo chỉ tiêu cấp trên giao");
    expect(wb.user.cell(SHEET, "D24").value).toBe(">80");
    expect(wb.user.cell(SHEET, "A15").value).toBe("8");
    expect(wb.user.cell(SHEET, "A15").type).toBe("String");
    const keys = wb.user.grid(SHEET, "A1:Z1")[0];
    const idCol = keys.indexOf("#ktxh:targets");
    expect(wb.user.grid(SHEET, "A8:Z8")[0][idCol]).toBe("t:1");
    expect(wb.user.cell(SHEET, "E7").value).toBe("Ước");
    expect(wb.user.cell(SHEET, "K8").value).toBe("Chưa có số liệu");

    // Formats: text columns as text, figures with en-US codes, fonts, fills, borders.
    const figure = wb.user.cell(SHEET, "G8");
    expect(figure.numberFormat).toBe("#,##0");
    expect(figure.locked).toBe(false);
    expect(wb.user.cell(SHEET, "D8").numberFormat).toBe("@");
    expect(wb.user.cell(SHEET, "G9").numberFormat).toBe("#,##0.0#");
    expect(wb.user.cell(SHEET, "B8").format["font.name"]).toBe("Times New Roman");
    expect(wb.user.cell(SHEET, "B8").format["border.EdgeTop.style"]).toBe("Continuous");
    expect(wb.user.cell(SHEET, "A5").bold).toBe(true);
    expect(wb.user.cell(SHEET, "A5").fill).toBe("#DDEBF7");
    expect(wb.user.cell(SHEET, "A5").merged).toBe("A5:A7");
    expect(wb.user.cell(SHEET, "B30").indentLevel).toBe(1);

    // Validation, conditional formats, frozen panes, hidden key row and column, page setup.
    expect(figure.validation?.type).toBe("Decimal");
    expect(figure.validation?.errorAlert.style).toBe("Warning");
    expect(wb.user.cell(SHEET, "E30").validation?.type).toBe("WholeNumber");
    expect(wb.user.cell(SHEET, "E7").validation?.rule.list?.source).toBe("Ước,Chính thức");
    const info = wb.user.sheetInfo(SHEET);
    expect(info.conditionalFormats.filter((c) => c.type === "CellValue").map((c) => c.address)).toEqual(Array(8).fill("K8:K34"));
    // A figure typed with decimals its row's format rounds away (5,8 in a row planned as 6) shows them.
    expect(info.conditionalFormats).toContainEqual({
      address: "G8:G34", type: "Custom", rule: { formula: '=AND(ISNUMBER(G8),MOD(G8,1)<>0,OR($C8<>"%",G8>=1))' }, format: { numberFormat: "#,##0.0###" },
    });
    expect(info.conditionalFormats.map((c) => c.rule)).toContainEqual({ formula1: '="Không đạt"', operator: "EqualTo" });
    expect(info.frozen).toEqual({ rows: 7, cols: 2 });
    expect(info.hiddenRows).toEqual(["1"]);
    expect(info.hiddenColumns).toEqual([String.fromCharCode(65 + idCol)]);
    expect(info.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "5:7", centerHorizontally: true });
    expect(info.columnWidths.B).toBeGreaterThan(info.columnWidths.A);

    // The tasks sheet and the settings: ids kept, so a renamed sheet is found again.
    expect(wb.user.cell("Nhiệm vụ", "C7").value).toMatch(/^Giữ vững|^Tập trung|^\S/);
    const settings = wb.user.settings();
    const meta = JSON.parse(settings[META_SETTING_KEY] as string) as { planId: string; periods: string[]; sheets: Record<string, { id: string }> };
    expect(meta.planId).toBe("binh-son-2024");
    expect(meta.periods).toEqual(["6m", "9m", "year"]);
    expect(meta.sheets.targets.id).toBe(info.id);
    expect(meta.sheets.tasks.id).toBe(wb.user.sheetInfo("Nhiệm vụ").id);
    expect(JSON.parse(settings[PLAN_SETTING_KEY] as string)).toMatchObject({ id: "binh-son-2024" });

    expect(outcome).toMatchObject({ kept: [], notices: [], summary: { period: "year", counts: { thieuSoLieu: 20 } } });
    expect(await ops.readState()).toMatchObject({ planId: "binh-son-2024", planTitle: "UBND huyện Bình Sơn – 2024", periods: PERIODS });
  });

  test("a reload after the user sorted rows, inserted a row and a column and renamed the sheet loses no figure", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "25300");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:10", "p:6m"), "2.3");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:17", "p:year"), ">80");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:8", "note"), "Số của Phòng Lao động");
    wb.user.type(SHEET, cellOf(wb, SHEET, "tn:deaths:cur", "p:year"), "4");
    wb.user.type(SHEET, "G7", "Chính thức");
    // Sort the 20 target rows by name, Z→A; insert a row under target 8 and a column after "Năm".
    wb.user.sortRows(SHEET, 8, 27, "B", false);
    const under8 = Number(cellOf(wb, SHEET, "t:8", "name").slice(1)) + 1;
    wb.user.insertRows(SHEET, under8);
    wb.user.type(SHEET, `B${under8}`, "Trong đó: lao động đi làm việc ở nước ngoài");
    wb.user.type(SHEET, `G${under8}`, "45");
    wb.user.insertColumns(SHEET, "H");
    wb.user.type(SHEET, "H6", "Nguồn số liệu");
    wb.user.type(SHEET, `H${Number(cellOf(wb, SHEET, "t:3", "name").slice(1))}`, "Kho bạc");
    wb.user.renameSheet(SHEET, "CT 2024");

    const syncs = await syncsOf(wb, () => ops.loadPlan(plan, PERIODS, yes));
    expect(syncs).toBe(3);
    // The figures typed with no pane watching are logged first, as sửa ngoài add-in, in the same syncs.
    expect(wb.user.sheetNames()).toEqual(["Sheet1", "CT 2024", "Nhiệm vụ", "_ktxh", "Lịch sử số liệu"]);
    const at = (id: string, key: string) => wb.user.cell("CT 2024", cellOf(wb, "CT 2024", id, key)).value;
    expect(at("t:1", "p:year")).toBe(25300);
    expect(at("t:10", "p:6m")).toBe(2.3);
    expect(at("t:17", "p:year")).toBe(">80");
    expect(at("t:8", "note")).toBe("Số của Phòng Lao động");
    expect(at("tn:deaths:cur", "p:year")).toBe(4);
    expect(at("t:1", "status")).toBe("Đạt (vượt)");
    // Rows are back in plan order, the user's row under target 8, the user's column beside "Năm".
    expect(cellOf(wb, "CT 2024", "t:1", "name")).toBe("B8");
    const grid = wb.user.grid("CT 2024", "A1:Z60");
    const userRow = grid.findIndex((r) => r[1] === "Trong đó: lao động đi làm việc ở nước ngoài");
    expect(grid[userRow - 1][grid[0].indexOf("id")]).toBeUndefined();
    expect(userRow).toBe(Number(cellOf(wb, "CT 2024", "t:8", "name").slice(1)));
    expect(grid[userRow][grid[0].indexOf("p:year")]).toBe(45);
    const sourceCol = grid[4].indexOf("Nguồn số liệu");
    expect(sourceCol).toBe(grid[0].indexOf("p:year") + 1);
    expect(grid[Number(cellOf(wb, "CT 2024", "t:3", "name").slice(1)) - 1][sourceCol]).toBe("Kho bạc");
    expect(wb.user.cell("CT 2024", cellOf(wb, "CT 2024", "t:1", "p:year").replace(/\d+/, "7")).value).toBe("Chính thức");
  });

  test("a reload keeps the user's formulas (a figure, their own column) as formulas; text typed with an apostrophe stays text", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:1", "p:year"), "=1200+350");
    // The note column is Text ("@"): typed as it is, it stays text (an apostrophe there would be kept).
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:5", "note"), "=SUM(A1)");
    wb.user.insertColumns(SHEET, "H");
    wb.user.type(SHEET, "H6", "Hệ số");
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:year"), "21");
    wb.user.sortRows(SHEET, 8, 27, "B", false);
    expect(cellOf(wb, SHEET, "t:1", "name")).not.toBe("B8");
    // After the sort, in their own column: twice the row's figure (a reference within the row).
    const before = Number(cellOf(wb, SHEET, "t:3", "name").slice(1));
    const figCol = cellOf(wb, SHEET, "t:3", "p:year").replace(/\d+/, "");
    wb.user.type(SHEET, `H${before}`, `=${figCol}${before}*2`);

    const syncs = await syncsOf(wb, () => ops.loadPlan(plan, PERIODS, yes));
    expect(syncs).toBe(3);
    expect(cellOf(wb, SHEET, "t:1", "name")).toBe("B8");
    const figure = wb.user.cell(SHEET, cellOf(wb, SHEET, "t:1", "p:year"));
    expect(figure.formula).toBe("=1200+350");
    expect(figure.value).toBe(1550);
    const grid = wb.user.grid(SHEET, "A1:Z60");
    const mine = grid[4].indexOf("Hệ số");
    expect(mine).toBe(grid[0].indexOf("p:year") + 1);
    const ratio = wb.user.cell(SHEET, `${String.fromCharCode(65 + mine)}${cellOf(wb, SHEET, "t:3", "name").slice(1)}`);
    // Back in plan order, the formula moved with its row and still doubles that row's figure.
    const after = Number(cellOf(wb, SHEET, "t:3", "name").slice(1));
    expect(after).not.toBe(before);
    expect(ratio.formula).toBe(`=${cellOf(wb, SHEET, "t:3", "p:year")}*2`);
    expect(ratio.value).toBe(42);
    const text = wb.user.cell(SHEET, cellOf(wb, SHEET, "t:5", "note"));
    expect(text.formula).toBeNull();
    expect(text.value).toBe("=SUM(A1)");
    // The judgement read the formula's value; its own cells hold values, not formulas.
    const status = wb.user.cell(SHEET, cellOf(wb, SHEET, "t:1", "status"));
    expect(status.value).not.toBe("Chưa có số liệu");
    expect(status.formula).toBeNull();

    // Reloaded again, nothing changes: the formulas read back are the ones written.
    await ops.loadPlan(plan, PERIODS, yes);
    expect(wb.user.cell(SHEET, cellOf(wb, SHEET, "t:1", "p:year")).formula).toBe("=1200+350");
    expect(wb.user.cell(SHEET, `${String.fromCharCode(65 + mine)}${cellOf(wb, SHEET, "t:3", "name").slice(1)}`).formula).toBe(
      `=${cellOf(wb, SHEET, "t:3", "p:year")}*2`,
    );
  });

  test("sheets renamed in a workbook whose settings know no sheet ids are found by their key row", async () => {
    const { wb, ops, run } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:6", "p:9m"), "30000");
    // As `ktxh init` writes it: names only.
    const meta = JSON.parse(wb.user.settings()[META_SETTING_KEY] as string) as WorkbookMeta;
    await run(async (ctx) => {
      ctx.workbook.settings.add(META_SETTING_KEY, encodeMeta({ ...meta, sheets: { targets: { name: SHEET }, tasks: { name: "Nhiệm vụ" } } }));
      await ctx.sync();
    });
    wb.user.renameSheet(SHEET, "Theo dõi");
    wb.user.renameSheet("Nhiệm vụ", "Việc");
    // A new pane (no remembered ids): one extra read finds both sheets by their marks.
    const syncs = await syncsOf(wb, () => ops.loadPlan(plan, PERIODS, yes));
    expect(syncs).toBe(4);
    // 6's 30.000, typed with no pane watching, logged as sửa ngoài add-in in the same syncs.
    expect(wb.user.sheetNames()).toEqual(["Sheet1", "Theo dõi", "Việc", "_ktxh", "Lịch sử số liệu"]);
    expect(wb.user.cell("Theo dõi", cellOf(wb, "Theo dõi", "t:6", "p:9m")).value).toBe(30000);
    const after = JSON.parse(wb.user.settings()[META_SETTING_KEY] as string) as WorkbookMeta;
    expect(after.sheets.targets).toEqual({ name: "Theo dõi", id: wb.user.sheetInfo("Theo dõi").id });
  });

  test("an older book's metadata sheet is read there, and rewritten as the book's record (migrated), very hidden", async () => {
    const { wb, ops } = setup({ sheets: ["Sheet1", "_ktxh"] });
    const meta = makeMeta({
      planId: plan.id, unit: plan.unit, year: plan.year, periods: ["year"], statusPeriod: "year",
      layoutVersion: { targets: 1, tasks: 1 }, sheets: { targets: SHEET, tasks: "Nhiệm vụ" },
    });
    wb.user.type("_ktxh", "A2", encodeMeta(meta));
    expect(await ops.readState()).toMatchObject({ planId: plan.id, periods: ["year"] });
    await ops.loadPlan(plan, PERIODS, yes);
    const record = decodeRecord(wb.user.grid("_ktxh", "A1:E30"));
    expect(record?.version).toBe(2);
    expect(record?.meta.periods).toEqual(PERIODS);
    expect(record?.meta.sheets.targets.id).toBe(wb.user.sheetInfo(SHEET).id);
    expect(record?.plan).toMatchObject({ id: plan.id, targets: expect.any(Array) });
    expect(wb.user.sheetInfo("_ktxh").visibility).toBe("VeryHidden");
  });

  test("a tasks sheet of today's one status column: a reload moves each status and note to the period reported, nothing lost", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    // Make it a sheet of layout 1: one status and one result column, keyed "status" and "result".
    const TASKS = "Nhiệm vụ";
    const keyCell = (key: string): string => cellOf(wb, TASKS, "n:1", key).replace(/\d+$/, "1");
    wb.user.type(TASKS, keyCell("status:year"), "status");
    wb.user.type(TASKS, keyCell("result:year"), "result");
    for (const key of ["result:9m", "status:9m", "result:6m", "status:6m"]) wb.user.deleteColumns(TASKS, keyCell(key).replace(/1$/, ""));
    wb.user.type(TASKS, cellOf(wb, TASKS, "n:2.1", "status"), "Hoàn thành");
    wb.user.type(TASKS, cellOf(wb, TASKS, "n:2.2", "status"), "Đang thực hiện");
    wb.user.type(TASKS, cellOf(wb, TASKS, "n:2.2", "result"), "Đã giải ngân 60%");
    // The figures typed are the 6 months': the statuses were reported with them.
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:6m"), "300");

    const outcome = await ops.loadPlan(plan, PERIODS, yes);
    // Said once, in the load's message: where the statuses went.
    expect("message" in outcome && outcome.message).toContain("chuyển vào cột kỳ “6 tháng”");
    const at = (id: string, key: string): unknown => wb.user.cell(TASKS, cellOf(wb, TASKS, id, key)).value;
    expect(wb.user.grid(TASKS, "A1:Z1")[0].filter((k) => /^(status|result)/.test(String(k)))).toEqual(["status:6m", "result:6m", "status:9m", "result:9m", "status:year", "result:year"]);
    expect([at("n:2.1", "status:6m"), at("n:2.2", "status:6m"), at("n:2.2", "result:6m")]).toEqual(["Hoàn thành", "Đang thực hiện", "Đã giải ngân 60%"]);
    expect([at("n:2.1", "status:year"), at("n:2.2", "status:year")]).toEqual(["", ""]);
    expect(wb.user.cell(TASKS, cellOf(wb, TASKS, "n:2.2", "status:year")).validation?.type).toBe("List");
    const record = decodeRecord(wb.user.grid("_ktxh", "A1:E30"));
    expect(record?.meta.layoutVersion.tasks).toBe(2);
    // The next reload has nothing to move and says nothing of it.
    const again = await ops.loadPlan(plan, PERIODS, yes);
    expect("message" in again && again.message).not.toContain("chuyển vào cột");
  });

  test("a plan change that would drop a filled row asks first; no writes nothing, yes keeps the row", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:20", "p:year"), "2150");
    const before = snapshot(wb);
    const asked: DropCandidate[][] = [];
    const no = await ops.loadPlan(withoutTarget20(), PERIODS, async (rows) => (asked.push(rows), false));
    expect(no).toEqual({ cancelled: true });
    expect(asked).toEqual([[{ key: "t:20", label: "20. Cấp giấy chứng nhận QSDĐ lần đầu" }]]);
    expect(snapshot(wb)).toEqual(before);

    const ok = await ops.loadPlan(withoutTarget20(), PERIODS, async (rows) => (asked.push(rows), true));
    expect(asked).toHaveLength(2);
    expect(ok).toMatchObject({ kept: [{ key: "t:20" }] });
    const grid = wb.user.grid(SHEET, "A1:Z60");
    const heading = grid.findIndex((r) => r[1] === DROPPED_HEADING);
    expect(heading).toBeGreaterThan(0);
    expect(grid[heading + 1][grid[0].indexOf("p:year")]).toBe(2150);
    expect(grid[heading + 1][grid[0].indexOf("#ktxh:targets")]).toBe("x:t:20");
    expect(JSON.parse(wb.user.settings()[META_SETTING_KEY] as string)).toMatchObject({ planId: "binh-son-2024-sua" });
  });

  test("a sheet named like the layout but belonging to the user is never overwritten", async () => {
    const { wb, ops } = setup({ sheets: ["Chỉ tiêu"] });
    wb.user.type("Chỉ tiêu", "A1", "Bảng của tôi");
    wb.user.type("Chỉ tiêu", "B2", "123");
    const mine = wb.user.grid("Chỉ tiêu");
    const r = await ops.loadPlan(plan, PERIODS, yes);
    expect(wb.user.sheetNames()).toEqual(["Chỉ tiêu", "Chỉ tiêu (2)", "Nhiệm vụ", "_ktxh"]);
    expect(wb.user.grid("Chỉ tiêu")).toEqual(mine);
    expect(wb.user.cell("Chỉ tiêu (2)", "B8").value).toBe("Tổng giá trị sản xuất");
    expect(r).toMatchObject({ summary: { items: expect.arrayContaining([expect.objectContaining({ sheet: "Chỉ tiêu (2)", cell: "G8" })]) } });
    // And a reload finds the add-in's sheet again by its id, not the user's by its name.
    await ops.loadPlan(plan, PERIODS, yes);
    expect(wb.user.sheetNames()).toEqual(["Chỉ tiêu", "Chỉ tiêu (2)", "Nhiệm vụ", "_ktxh"]);
    expect(wb.user.grid("Chỉ tiêu")).toEqual(mine);
  });

  test("a protected sheet: a clear Vietnamese refusal and the workbook exactly as it was", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:3", "p:year"), "700");
    wb.user.protect(SHEET);
    const before = snapshot(wb);
    const err = await ops.loadPlan(plan, ["q1", ...PERIODS], yes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as Error).message).toContain(`"${SHEET}"`);
    expect((err as Error).message).toMatch(/bảo vệ/);
    expect(snapshot(wb)).toEqual(before);
  });

  test("a protected workbook structure: refused before anything is written when a sheet must be added", async () => {
    const { wb, ops } = setup();
    wb.user.protectWorkbook();
    const before = snapshot(wb);
    await expect(ops.loadPlan(plan, PERIODS, yes)).rejects.toThrow(HostError);
    expect(snapshot(wb)).toEqual(before);
  });

  test("a colleague's text that looks like a formula stays text through a reload", async () => {
    const { wb, ops } = setup();
    await ops.loadPlan(plan, PERIODS, yes);
    const note = cellOf(wb, SHEET, "t:4", "note");
    const figure = cellOf(wb, SHEET, "t:2", "p:6m");
    // The note column is Text ("@"): no apostrophe needed (one would be kept); the figure column is not.
    wb.user.type(SHEET, note, "=SUM(A1)");
    wb.user.type(SHEET, figure, "'-5,2");
    await ops.loadPlan(plan, PERIODS, yes);
    for (const [cell, text] of [[note, "=SUM(A1)"], [figure, "-5,2"]]) {
      const c = wb.user.cell(SHEET, cell);
      expect(c.formula).toBeNull();
      expect(c.value).toBe(text);
    }
  });
});
