/**
 * The one reading of a workbook (layout/book.ts) on the add-in's own books after the key row or the
 * identity column was deleted: every row keeps its figure, sub-rows included, even where the plan's
 * sub-rows differ only by a number in their names ("ngành 1", "ngành 2").
 */
import { type Plan, parsePlan } from "../../src/core/plan";
import { bookActuals, readBook } from "../../src/layout/book";
import { worksheetGrid } from "../../src/hosts/xlsx/read-workbook";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { validateGrid } from "../../src/core/validate";
import { defaultPlan } from "../../src/seeds";
import { taskStatusKey } from "../../src/core/row-id";

type Worksheet = import("exceljs").Worksheet;
type ExcelJSValues = Parameters<Worksheet["spliceColumns"]>[2];

function plan(): Plan {
  const r = parsePlan({
    id: "thu-subrows-2024",
    unit: "UBND xã Thử",
    place: "Thử",
    parentUnit: null,
    year: 2024,
    source: { document: "Kế hoạch thử" },
    targets: [
      { no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 3.000", additive: true },
      { no: "1.1", parent: "1", name: "Tổng giá trị sản xuất ngành 1", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "1.2", parent: "1", name: "Tổng giá trị sản xuất ngành 2", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "1.3", parent: "1", name: "Tổng giá trị sản xuất ngành 3", unit: "tỷ đồng", target: "khoảng 1.000" },
      { no: "2", name: "Tổng thu ngân sách", unit: "tỷ đồng", target: "478,62" },
    ],
    tasks: [],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const FIGURES: Record<string, number> = { "1": 3100, "1.1": 1010, "1.2": 1020, "1.3": 1030, "2": 500 };

function figures(damage: "none" | "key-row" | "identity-column" | "both"): Record<string, unknown> {
  const p = plan();
  const { workbook } = initWorkbook(p, { periods: ["year"] });
  const t = findLayoutSheets(workbook).targets;
  if (!t) throw new Error("no targets sheet");
  const col = t.sheet.columns.find((c) => c.key === "p:year");
  if (!col) throw new Error("no year column");
  for (const row of t.sheet.rows) {
    const v = FIGURES[(row.id ?? "").replace(/^t:/, "")];
    if (v !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = v;
  }
  if (damage === "identity-column" || damage === "both") splice(t.worksheet, "col", t.sheet.idCol + 1, 1);
  if (damage === "key-row" || damage === "both") splice(t.worksheet, "row", t.sheet.keyRow + 1, 1);
  const book = readBook(workbook.worksheets.map(worksheetGrid), { plans: [p], chosenPlan: p });
  const a = bookActuals(book, "year");
  return Object.fromEntries((a?.actuals.rows ?? []).map((r) => [r.no, r.actual]));
}

describe("sub-rows of a damaged own book keep their figures", () => {
  test.each(["none", "key-row", "identity-column", "both"] as const)("with the %s deleted", (damage) => {
    expect(figures(damage)).toEqual(FIGURES);
  });
});

/**
 * The tasks sheet of a `ktxh init` book (ExcelJS), damaged as the targets sheet above and also sorted
 * or with its status column moved: the one reading finds every task's status by its code and content,
 * and the check says of it what it says of the intact sheet.
 */
/**
 * Deletes `remove` rows or columns at `at` (1-based) and inserts `insert` blank ones there, as Excel
 * does: every merge moves with its cells, and one that loses its first line keeps its text in its first
 * line left ("Cả năm" stays over the period's result column when the status column under it goes).
 * ExcelJS's spliceRows and spliceColumns leave merges where they were, so the header would read one
 * line off.
 */
function splice(ws: Worksheet, axis: "row" | "col", at: number, remove: number, insert = 0): void {
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letter = (c: number): string => (c <= 26 ? "" : letter(Math.floor((c - 1) / 26))) + String.fromCharCode(65 + ((c - 1) % 26));
  const merges = [...((ws.model as { merges?: string[] }).merges ?? [])];
  const ranges = merges.flatMap((m) => {
    const x = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    return x ? [{ l: col(x[1]), t: Number(x[2]), r: col(x[3]), b: Number(x[4]), text: ws.getCell(Number(x[2]), col(x[1])).value }] : [];
  });
  for (const m of merges) ws.unMergeCells(m);
  const blank = Array.from({ length: insert }, () => [] as unknown[]) as ExcelJSValues[];
  if (axis === "col") ws.spliceColumns(at, remove, ...blank);
  else ws.spliceRows(at, remove, ...blank);
  const kept = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; i <= to; i++) if (i < at) out.push(i); else if (i >= at + remove) out.push(i - remove + insert);
    return out;
  };
  for (const m of ranges) {
    const cols = axis === "col" ? kept(m.l, m.r) : [m.l, m.r];
    const rows = axis === "row" ? kept(m.t, m.b) : [m.t, m.b];
    if (!cols.length || !rows.length) continue;
    const [l, r, t, b] = [cols[0], cols[cols.length - 1], rows[0], rows[rows.length - 1]];
    ws.getCell(t, l).value = m.text;
    if (l !== r || t !== b) ws.mergeCells(`${letter(l)}${t}:${letter(r)}${b}`);
  }
}

/**
 * Cuts column `from` (0-based) and inserts it before the first, as the Office.js test does it
 * (test/excel/damaged-tasks.test.ts): a column inserted at A, the moved column's values typed into it
 * from its header (1-based row `header`) down, the old column deleted; above the header its cells go
 * with it (the hidden key), so the moved "Trạng thái" names no period.
 */
function moveColumnFirst(ws: Worksheet, from: number, header: number): void {
  splice(ws, "col", 1, 0, 1);
  for (let r = header; r <= ws.rowCount; r++) ws.getCell(r, 1).value = ws.getCell(r, from + 2).value;
  splice(ws, "col", from + 2, 1);
}

describe("the tasks sheet of a damaged own book keeps its statuses", () => {
  const seed = defaultPlan();
  const STATUSES: Record<string, string> = { "1": "Hoàn thành", "2.3": "Đang thực hiện", "3.2": "Hoàn thành", "4.6": "Chưa thực hiện" };
  type Damage = "none" | "key-row" | "identity-column" | "both";
  type Move = "none" | "sorted" | "status-moved";

  function read(damage: Damage, move: Move) {
    const { workbook } = initWorkbook(seed, { periods: ["year"] });
    const n = findLayoutSheets(workbook).tasks;
    if (!n) throw new Error("no tasks sheet");
    const ws = n.worksheet;
    const status = n.sheet.columns.find((c) => c.key === taskStatusKey("year"));
    const text = n.sheet.columns.find((c) => c.key === "text");
    if (!status || !text) throw new Error("no status column");
    for (const row of n.sheet.rows) {
      const v = STATUSES[(row.id ?? "").replace(/^n:/, "")];
      if (v !== undefined) ws.getCell(row.index + 1, status.index + 1).value = v;
    }
    const body = n.sheet.rows.map((r) => r.index + 1);
    if (move === "sorted") {
      // Sorted by the content, descending, as Excel's sort moves whole rows.
      const rows = body.map((r) => (ws.getRow(r).values as unknown[]).slice(1));
      rows.sort((a, b) => String(b[text.index] ?? "").localeCompare(String(a[text.index] ?? "")));
      body.forEach((r, i) => (ws.getRow(r).values = rows[i] as ExcelJSValues));
    }
    if (move === "status-moved") moveColumnFirst(ws, status.index, Math.max(...n.sheet.headerRows) + 1);
    // The identity column moves one right when the status column came from its right.
    const idCol = move === "status-moved" && status.index > n.sheet.idCol ? n.sheet.idCol + 1 : n.sheet.idCol;
    expect(worksheetGrid(ws).cells.map((r) => r?.[idCol]?.value ?? null)).toContain("n:1");
    if (damage === "identity-column" || damage === "both") splice(ws, "col", idCol + 1, 1);
    if (damage === "key-row" || damage === "both") splice(ws, "row", n.sheet.keyRow + 1, 1);
    // The sheet mark is gone: only the reading by headers, codes and content can find the sheet now.
    if (damage !== "none") expect(findLayoutSheets(workbook).tasks).toBeUndefined();
    const grids = workbook.worksheets.map(worksheetGrid);
    const book = readBook(grids, { plans: [seed], chosenPlan: seed });
    const tasks = Object.fromEntries(book.tasks.filter((t) => t.status).map((t) => [t.code, t.status]));
    // The period each status was read for: the moved "Trạng thái" names none, but is the year's.
    const periods = [...new Set(book.tasks.filter((t) => t.status).map((t) => t.period))];
    const issues = validateGrid(book.plan, book.grids, { tables: book.tables }).filter((i) => i.location.sheet === ws.name);
    const codeAt = (cell: string | null | undefined): string => {
      const row = Number(/\d+$/.exec(cell ?? "")?.[0] ?? 0);
      const t = book.tables.find((x) => x.sheet === ws.name);
      return t?.rows.find((r) => r.row === row - 1)?.ref ?? "-";
    };
    return { tasks, periods, codes: issues.map((i) => `${i.code}@${codeAt(i.location.cell)}`).sort() };
  }

  const intact = read("none", "none");
  const damagedCase = (damage: Damage, move: Move) => {
    expect(intact.tasks).toEqual(STATUSES);
    expect(intact.codes.some((c) => c.startsWith("task.status-missing@"))).toBe(true);
    const damaged = read(damage, move);
    expect(damaged.tasks).toEqual(STATUSES);
    expect(intact.periods).toEqual(["year"]);
    expect(damaged.periods).toEqual(intact.periods);
    expect(damaged.codes.filter((c) => /^(row\.|column\.)/.test(c))).toEqual([]);
    expect(damaged.codes).toEqual(intact.codes);
  };
  test.each([
    ["key-row", "none"], ["identity-column", "none"], ["both", "none"],
    ["key-row", "sorted"], ["identity-column", "sorted"], ["both", "sorted"],
  ] as [Damage, Move][])("with the %s deleted (%s)", damagedCase);
  // The status column cut from under its period's header ("Cả năm" stays over the result column): its
  // "Trạng thái" names no period, and is read as the status of the period that lost its own.
  test.each([
    ["key-row", "status-moved"], ["identity-column", "status-moved"], ["both", "status-moved"],
  ] as [Damage, Move][])("with the %s deleted (%s)", damagedCase);
});
