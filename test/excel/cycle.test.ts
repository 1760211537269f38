/**
 * The collection cycle through the Office.js host on the strict in-memory Excel (issue 17): the plan
 * loaded as the pane loads it, "Tạo phiếu thu thập" (books built by the same file functions the pane
 * loads on demand), the books filled with ExcelJS, "Tổng hợp phiếu" merging them into the open book:
 * figures, task statuses, explanations, the Nguồn số liệu and Xung đột sheets, nothing typed overwritten,
 * a book of another period named and not merged, and syncs constant in the number of books.
 */
import ExcelJS from "exceljs";
import type { CollectOutcome, CycleFileIn, SubmissionsOutcome } from "../../src/contract/operations";
import { cycleFiles } from "../../src/hosts/xlsx/cycle-files";
import { zipDirectory } from "../../src/hosts/xlsx/read-workbook";
import { CONFLICTS_SHEET, SOURCES_SHEET, ASSIGN_SHEET } from "../../src/layout/sheets/submission";
import { COMMUNES, cyclePlan, fillBook } from "../cycle/fill";
import { cellOf, setup, syncsOf } from "./support";
import { taskStatusKey } from "../../src/core/row-id";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";

jest.setTimeout(120_000);

const yes = async (): Promise<boolean> => true;
const SHEET = "Chỉ tiêu";
const TASKS = "Nhiệm vụ";
const FIGURE: Record<string, number> = { "1": 12000, "8": 900, "13": 5.8, "15": 93 };
const COMMUNE_FIGURE: Record<string, number> = { "Xã Bình Hải": 15000, "Xã Bình Trị": 20000 };

async function filled(book: SubmissionsOutcome["books"][number], figure: (no: string) => number | undefined, status?: (code: string) => string): Promise<CycleFileIn> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(book.bytes) as unknown as ArrayBuffer);
  fillBook(wb, book.recipient, figure, status);
  return { name: book.file, bytes: new Uint8Array(await wb.xlsx.writeBuffer()), received: "2024-06-18" };
}

describe("the collection cycle in Excel", () => {
  test("submissions, collect: merged into the open plan book in constant syncs", async () => {
    const plan = cyclePlan();
    const { wb, ops } = setup({}, { cycleFiles: async () => cycleFiles, platform: "OfficeOnline" });
    await ops.loadPlan(plan, ["q1", "6m", "9m", "year"], yes);
    // Typed by the officer before the books come back: target 13 at 6 months, and task 2.1's result.
    wb.user.type(SHEET, cellOf(wb, SHEET, "t:13", "p:6m"), "6.5");

    // Tạo phiếu thu thập: the Phân công sheet written once (3 syncs), then read from it (2 syncs).
    let made: SubmissionsOutcome | null = null;
    const progress: number[] = [];
    expect(await syncsOf(wb, async () => void (made = await ops.makeSubmissions("6m", "2024-06-20", (d) => progress.push(d))))).toBe(3);
    const sub = made as unknown as SubmissionsOutcome;
    expect(wb.user.sheetNames()).toContain(ASSIGN_SHEET);
    expect(sub.delivery).toBe("download");
    expect(sub.books.find((b) => b.file === "phong-y-te-huyen.xlsx")?.targets).toEqual(["13"]);
    expect(sub.books.filter((b) => b.kind === "commune").map((b) => b.recipient)).toEqual(COMMUNES);
    expect(progress[progress.length - 1]).toBe(sub.books.length);
    // The zip holds every book, byte for byte.
    const entries = zipDirectory(Buffer.from(sub.zip.bytes));
    expect(entries?.map((e) => e.name)).toEqual(sub.books.map((b) => b.file));
    expect(entries?.map((e) => e.uncompressed)).toEqual(sub.books.map((b) => b.bytes.length));

    // The officer's edit on Phân công wins: task 2.19 also goes to Phòng Nội vụ huyện.
    const assign = wb.user.grid(ASSIGN_SHEET, "A1:E60");
    const r219 = assign.findIndex((r) => r[0] === "Nhiệm vụ" && r[1] === "2.19");
    wb.user.type(ASSIGN_SHEET, `E${r219 + 1}`, `${String(assign[r219][4])}; Phòng Nội vụ huyện`);
    expect(await syncsOf(wb, async () => void (made = await ops.makeSubmissions("6m", "2024-06-20")))).toBe(2);
    const again = made as unknown as SubmissionsOutcome;
    expect(again.books.find((b) => b.file === "phong-noi-vu-huyen.xlsx")?.tasks).toContain("2.19");

    // The books come back: two communes, three offices; the health office gives 5,8 against the 6,5 typed.
    const by = (file: string) => again.books.find((b) => b.file === file)!;
    const returned: CycleFileIn[] = [
      await filled(by("xa-binh-hai.xlsx"), (no) => (no === "5" ? COMMUNE_FIGURE["Xã Bình Hải"] : no === "15" ? 90 : undefined)),
      await filled(by("xa-binh-tri.xlsx"), (no) => (no === "5" ? COMMUNE_FIGURE["Xã Bình Trị"] : no === "15" ? 95 : undefined)),
      await filled(by("phong-tai-chinh-ke-hoach-huyen.xlsx"), (no) => FIGURE[no]),
      await filled(by("phong-y-te-huyen.xlsx"), (no) => FIGURE[no]),
      await filled(by("phong-lao-dong-thuong-binh-va-xa-hoi-huyen.xlsx"), (no) => FIGURE[no]),
    ];
    // A book for the first quarter sent again by mistake: named, not merged.
    const q1 = await ops.makeSubmissions("q1", null);
    const old = await filled(q1.books.find((b) => b.file === "phong-van-hoa-va-thong-tin-huyen.xlsx")!, () => 77);
    returned.push({ ...old, name: "phong-van-hoa-quy-1.xlsx" });

    let out: CollectOutcome | null = null;
    expect(await syncsOf(wb, async () => void (out = await ops.collectReturned(returned, "6m")))).toBe(3);
    const c = out as unknown as CollectOutcome;

    // Figures into the period's column; the communes' sum for target 5; 6,5 kept and the conflict listed.
    const at = (id: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, id, "p:6m")).value;
    expect([at("t:1"), at("t:8"), at("t:5"), at("t:13")]).toEqual([12000, 900, 35000, 6.5]);
    expect(c.conflicts.map((x) => [x.row, x.current, x.values.map((v) => v.value)])).toEqual([["13", 6.5, [5.8]]]);
    expect(c.merged.figures).toBe(3);
    // Target 15 is collected from the communes without a roll-up: nothing summed into the plan book.
    expect(at("t:15")).toBe("");
    // Task statuses and results into the tasks sheet.
    expect(c.merged.tasks).toBeGreaterThan(0);
    const tasks = wb.user.grid(TASKS, "A1:Z80");
    // Into the 6-month status column (the tasks sheet keeps one per period).
    const statusCol = tasks[0].indexOf(taskStatusKey("6m"));
    expect(statusCol).toBeGreaterThan(0);
    expect(tasks.some((r) => r[statusCol] === "Hoàn thành")).toBe(true);

    // The quarter's book: named by its form code, not merged; its sender still missing.
    const q = c.files.find((f) => f.file === "phong-van-hoa-quy-1.xlsx")!;
    expect([q.merged, q.issues.map((i) => i.code)]).toEqual([false, ["submission.other-cycle"]]);
    expect(q.issues[0].message).toContain("KTXH-q1-2024-phong-van-hoa-va-thong-tin-huyen");
    expect(c.missing).toContain("Phòng Văn hoá và Thông tin huyện");
    expect(c.missing).toContain("Thị trấn Châu Ổ");

    // Each figure written is in the book's history: collect from one book, merge for the communes' sum.
    const history = readHistory(wb.user.grid(HISTORY_SHEET, "A1:T40"))!;
    const logged = new Map(history.map((e) => [e.target, e]));
    expect(logged.get("1")).toMatchObject({ action: "collect", period: "6m", old: null, new: 12000 });
    expect(logged.get("5")).toMatchObject({ action: "merge", new: 35000 });
    expect(logged.has("13")).toBe(false);

    // Sources and conflicts sheets.
    const sources = wb.user.grid(SOURCES_SHEET, "A1:F60");
    expect(sources[2]).toEqual(["Loại", "Số", "Ô", "Giá trị", "Tình trạng", "Nguồn (đơn vị — tệp — ngày nhận)"]);
    const s5 = sources.find((r) => r[0] === "Chỉ tiêu" && r[1] === "5")!;
    expect(String(s5[5])).toContain("Xã Bình Hải: 15000 — xa-binh-hai.xlsx — 18/06/2024");
    const conflicts = wb.user.grid(CONFLICTS_SHEET, "A1:E10");
    expect(conflicts[3].slice(0, 4)).toEqual(["Chỉ tiêu", "13", `${SHEET}!${cellOf(wb, SHEET, "t:13", "p:6m")}`, 6.5]);
    expect(String(conflicts[3][4])).toContain("5.8 — Phòng Y tế huyện — phong-y-te-huyen.xlsx");

    // Collected again with one book more: the syncs stay 3, nothing already merged is changed.
    const more = [...returned, await filled(by("phong-noi-vu-huyen.xlsx"), () => undefined)];
    expect(await syncsOf(wb, async () => void (out = await ops.collectReturned(more, "6m")))).toBe(3);
    expect([at("t:1"), at("t:5"), at("t:13")]).toEqual([12000, 35000, 6.5]);
    expect((out as unknown as CollectOutcome).merged.figures).toBe(0);
  });

  test("without the file functions the buttons say so in Vietnamese", async () => {
    const { ops } = setup();
    await ops.loadPlan(cyclePlan(), ["6m"], yes);
    await expect(ops.makeSubmissions("6m", null)).rejects.toThrow(/tạo và tổng hợp phiếu/);
  });
});
