/**
 * `ktxh collect` logs each figure it merges in the merged book's *Lịch sử số liệu* (ExcelJS host):
 * `collect` from one returned book with its sender and file, `merge` for the communes' roll-up; a
 * second collection appends below the first, rewriting nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readWorkbook } from "../../src/hosts/xlsx/read-workbook";
import { readBook } from "../../src/layout/book";
import { HISTORY_SHEET, readHistory } from "../../src/layout/sheets/history";
import { builtInPlans } from "../../src/seeds";
import { cyclePlan, fillBook } from "./fill";

jest.setTimeout(120_000);

const quiet = (cwd: string): CliIO & { stdout: () => string } => {
  let out = "";
  return { cwd, out: (t) => void (out += t), err: () => undefined, stdout: () => out };
};

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-hist-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function historyOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(HISTORY_SHEET);
  const values: unknown[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, r) => (values[r - 1] = Array.from(row.values as unknown[]).slice(1)));
  return { ws, entries: readHistory(values) ?? [] };
}

test("collect and merge rows, with sender, period, mark and old → new; a second collection appends", async () => {
  fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(cyclePlan()));
  expect(await main(["init", "--plan", "plan.json", "-o", "plan.xlsx"], quiet(dir))).toBe(0);
  const sub = quiet(dir);
  expect(await main(["submissions", "plan.xlsx", "--period", "6m", "--out", "phieu", "--json"], sub)).toBe(0);
  const books = (JSON.parse(sub.stdout()) as { books: { name: string; file: string }[] }).books;
  fs.mkdirSync(path.join(dir, "nhan"));
  const fill = async (name: string, figure: (no: string) => number | undefined) => {
    const b = books.find((x) => x.name === name)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, b.file));
    fillBook(wb, name, figure);
    await wb.xlsx.writeFile(path.join(dir, "nhan", path.basename(b.file)));
  };
  await fill("Phòng Tài chính – Kế hoạch huyện", (no) => (no === "1" ? 12000 : undefined));
  await fill("Xã Bình Hải", (no) => (no === "5" ? 15000 : undefined));
  await fill("Xã Bình Trị", (no) => (no === "5" ? 20000 : undefined));
  await main(["collect", "plan.xlsx", "nhan", "--period", "6m", "-o", "tong-hop.xlsx", "--json"], quiet(dir));

  const { entries } = await historyOf(path.join(dir, "tong-hop.xlsx"));
  const byTarget = new Map(entries.map((e) => [e.target, e]));
  expect(byTarget.get("1")).toMatchObject({ action: "collect", period: "6m", old: null, new: 12000, mark: "Ước", key: "p:6m", row: "t:1", sheet: "Chỉ tiêu" });
  expect(byTarget.get("1")!.source).toMatch(/^Phòng Tài chính – Kế hoạch huyện — nhan.phong-tai-chinh-ke-hoach-huyen\.xlsx$/);
  expect(byTarget.get("5")).toMatchObject({ action: "merge", new: 35000 });
  expect(byTarget.get("5")!.source).toContain("Xã Bình Hải");
  expect(new Set(entries.map((e) => e.batch)).size).toBe(1);
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  // The merged book's reading keeps the history apart from its tables.
  const read = await readWorkbook(fs.readFileSync(path.join(dir, "tong-hop.xlsx")), "tong-hop.xlsx");
  if (!read.ok) throw new Error("unreadable");
  const book = readBook(read.grids, { plans: builtInPlans() });
  expect(book.history.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
  expect(book.grids.map((g) => g.sheet)).not.toContain(HISTORY_SHEET);

  // The officer collects again into a new copy of the merged book, after a late, revised figure.
  await fill("Phòng Tài chính – Kế hoạch huyện", (no) => (no === "1" ? 12000 : undefined));
  fs.rmSync(path.join(dir, "nhan", path.basename(books.find((x) => x.name === "Xã Bình Hải")!.file)));
  fs.rmSync(path.join(dir, "nhan", path.basename(books.find((x) => x.name === "Xã Bình Trị")!.file)));
  await fill("Phòng Lao động thương binh và Xã hội huyện", (no) => (no === "8" ? 900 : undefined));
  await main(["collect", "tong-hop.xlsx", "nhan", "--period", "6m", "-o", "tong-hop-2.xlsx", "--json"], quiet(dir));
  const second = await historyOf(path.join(dir, "tong-hop-2.xlsx"));
  expect(second.entries.slice(0, entries.length)).toEqual(entries);
  expect(second.entries.slice(entries.length).map((e) => [e.action, e.target, e.new])).toEqual([["collect", "8", 900]]);
});
