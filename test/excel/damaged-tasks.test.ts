/**
 * The add-in's tasks sheet (Nhiệm vụ) after the user deleted its hidden key row, its identity column or
 * both, sorted its rows or moved a column: the Office.js host still finds it as the book's tasks sheet
 * (layout/recover.ts), so the report counts its statuses, a reload keeps them on their tasks and makes
 * no second sheet, and the check finds on it what it finds on the intact sheet, no false warning; the
 * same book saved as .xlsx gives `ktxh report` (the ExcelJS path) the same counts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { ReportModel } from "../../src/core/report/model";
import { defaultPlan } from "../../src/seeds";
import { exportXlsx } from "../agreement/paths";
import { columnLetter } from "../../src/core/address";
import { readReportModel } from "../../src/hosts/excel/report-sheet";
import { setup } from "./support";
import { taskResultKey, taskStatusKey } from "../../src/core/row-id";

const plan = defaultPlan();
const SHEET = "Nhiệm vụ";
const yes = async (): Promise<boolean> => true;
const STATUSES: Record<string, string> = { "1": "Hoàn thành", "2.3": "Đang thực hiện", "2.19": "Hoàn thành", "4.6": "Chưa thực hiện" };

type Damage = "key-row" | "identity-column" | "both";
type Move = "none" | "sorted" | "status-moved";

/** 1-based row of the first cell holding `value` in the sheet. */
const rowOf = (g: unknown[][], value: string): number => g.findIndex((r) => r.includes(value)) + 1;

async function book(damage: Damage | "none", move: Move = "none") {
  const s = setup();
  await s.ops.loadPlan(plan, ["year"], yes);
  let g = s.wb.user.grid(SHEET, "A1:Z80");
  const keys = g[rowOf(g, "#ktxh:tasks") - 1];
  const idCol = keys.indexOf("#ktxh:tasks");
  const status = keys.indexOf(taskStatusKey("year"));
  for (const [code, text] of Object.entries(STATUSES)) s.wb.user.type(SHEET, `${columnLetter(status)}${rowOf(g, `n:${code}`)}`, text);
  if (damage === "identity-column" || damage === "both") s.wb.user.deleteColumns(SHEET, columnLetter(idCol));
  if (damage === "key-row" || damage === "both") s.wb.user.deleteRows(SHEET, rowOf(g, "#ktxh:tasks"));
  g = s.wb.user.grid(SHEET, "A1:Z80");
  const header = rowOf(g, "Trạng thái");
  if (move === "sorted") {
    // By the content, descending: group headings and tasks all change places.
    s.wb.user.sortRows(SHEET, header + 1, g.filter((r) => r.some((v) => v !== "")).length, "C", false);
  }
  if (move === "status-moved") {
    // Cut the status column and insert it before the first: its header and values go along.
    const from = g[header - 1].indexOf("Trạng thái");
    s.wb.user.insertColumns(SHEET, "A");
    g.forEach((r, i) => {
      const v = r[from];
      if (i + 1 >= header && v !== "" && v != null) s.wb.user.type(SHEET, `A${i + 1}`, String(v));
    });
    s.wb.user.deleteColumns(SHEET, columnLetter(from + 1));
  }
  return s;
}

/** Each task's status as the sheet shows it, by the code people see. */
function shown(s: Awaited<ReturnType<typeof book>>): Record<string, unknown> {
  const g = s.wb.user.grid(SHEET, "A1:Z80");
  const h = g.findIndex((r) => r.includes("Trạng thái"));
  // "Mã" spans the two header rows (its text in the upper one, over the period's "Trạng thái").
  const code = [g[h], g[h - 1] ?? []].map((r) => r.indexOf("Mã")).find((c) => c >= 0) ?? -1;
  const status = g[h].indexOf("Trạng thái");
  const out: Record<string, unknown> = {};
  for (const r of g.slice(h + 1)) if (plan.tasks.some((t) => t.code === r[code]) && r[status] !== "") out[String(r[code])] = r[status];
  return out;
}

async function checkCodes(s: Awaited<ReturnType<typeof book>>): Promise<string[]> {
  const c = await s.ops.checkWorkbook({ mark: false });
  const g = s.wb.user.grid(SHEET, "A1:Z80");
  const h = g.findIndex((r) => r.includes("Trạng thái"));
  // "Mã" spans the two header rows (its text in the upper one, over the period's "Trạng thái").
  const code = [g[h], g[h - 1] ?? []].map((r) => r.indexOf("Mã")).find((c) => c >= 0) ?? -1;
  // Each issue by its code and the task code on its row (cells move when columns and rows do).
  return c.sheets
    .filter((x) => x.sheet === SHEET)
    .flatMap((x) => x.issues)
    .map((i) => {
      const row = Number(/\d+$/.exec(i.location.cell ?? "")?.[0] ?? 0);
      return `${i.code}@${row ? String(g[row - 1]?.[code] ?? "") : "-"}`;
    })
    .sort();
}

const CASES: [Damage, Move][] = [
  ["key-row", "none"], ["identity-column", "none"], ["both", "none"],
  ["key-row", "sorted"], ["both", "sorted"], ["identity-column", "status-moved"], ["both", "status-moved"],
];

describe("a tasks sheet without its key row or identity column", () => {
  test.each(CASES)("with the %s deleted (%s): the report counts its statuses as on the intact sheet", async (damage, move) => {
    const intact = await book("none");
    const damaged = await book(damage, move);
    const a = await readReportModel(intact.run, "year");
    const b = await readReportModel(damaged.run, "year");
    expect(a.tasks).toMatchObject({ done: 2, doing: 1 });
    expect(b.tasks).toEqual(a.tasks);
  });

  test.each(CASES)("with the %s deleted (%s): a reload keeps every status on its task, in the same sheet", async (damage, move) => {
    const s = await book(damage, move);
    const before = shown(s);
    expect(before).toEqual(STATUSES);
    await s.ops.loadPlan(plan, ["year"], yes);
    expect(s.wb.user.sheetNames().filter((n) => n.startsWith(SHEET))).toEqual([SHEET]);
    expect(shown(s)).toEqual(STATUSES);
    // The layout is whole again: its key row and identity column are back, each task once.
    const g = s.wb.user.grid(SHEET, "A1:Z80");
    const keys = g.find((r) => r.includes("#ktxh:tasks"));
    expect(keys).toBeDefined();
    const ids = g.map((r) => r[keys!.indexOf("#ktxh:tasks")]).filter((v) => typeof v === "string" && v.startsWith("n:"));
    expect(ids.length).toBe(plan.tasks.length);
    expect(new Set(ids).size).toBe(plan.tasks.length);
    // No row of the old sheet came back as a row of the user's (a group heading twice, say).
    const id = keys!.indexOf("#ktxh:tasks");
    const header = g.findIndex((r) => r[id] === "#header");
    expect(g.slice(header + 1).filter((r) => r[id] === "" && r.some((v) => v !== ""))).toEqual([]);
  });

  test.each(CASES)("with the %s deleted (%s): the check finds what it finds on the intact sheet, no false warning", async (damage, move) => {
    const intact = await checkCodes(await book("none"));
    const damaged = await checkCodes(await book(damage, move));
    expect(intact.some((c) => c.startsWith("task.status-missing@"))).toBe(true);
    expect(damaged.filter((c) => /^(row\.|column\.)/.test(c))).toEqual([]);
    expect(damaged).toEqual(intact);
  });
});

describe("a tasks sheet with two periods, the identity column (or it and the key row) deleted and the 6-month status column moved", () => {
  const SIX: Record<string, string> = { "1": "Đang thực hiện", "2.3": "Chưa thực hiện" };
  const YEAR: Record<string, string> = { "1": "Hoàn thành", "2.3": "Hoàn thành", "4.6": "Đang thực hiện" };
  const SIX_RESULTS: Record<string, string> = { "1": "Đã họp 2 lần" };
  const YEAR_RESULTS: Record<string, string> = { "1": "Đã họp 4 lần", "2.3": "Xong" };

  async function twoPeriods(move: boolean, damage: "identity-column" | "both" = "identity-column") {
    const s = setup();
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    let g = s.wb.user.grid(SHEET, "A1:Z80");
    const keys = g[rowOf(g, "#ktxh:tasks") - 1];
    for (const [period, statuses] of [["6m", SIX], ["year", YEAR]] as const) {
      const col = keys.indexOf(taskStatusKey(period));
      for (const [code, text] of Object.entries(statuses)) s.wb.user.type(SHEET, `${columnLetter(col)}${rowOf(g, `n:${code}`)}`, text);
    }
    for (const [period, results] of [["6m", SIX_RESULTS], ["year", YEAR_RESULTS]] as const) {
      const col = keys.indexOf(taskResultKey(period));
      for (const [code, text] of Object.entries(results)) s.wb.user.type(SHEET, `${columnLetter(col)}${rowOf(g, `n:${code}`)}`, text);
    }
    if (!move) return s;
    s.wb.user.deleteColumns(SHEET, columnLetter(keys.indexOf("#ktxh:tasks")));
    if (damage === "both") s.wb.user.deleteRows(SHEET, rowOf(g, "#ktxh:tasks"));
    g = s.wb.user.grid(SHEET, "A1:Z80");
    const header = rowOf(g, "Trạng thái");
    // The first "Trạng thái" is the 6 months': cut it and insert it before the first column, as above.
    const from = g[header - 1].indexOf("Trạng thái");
    s.wb.user.insertColumns(SHEET, "A");
    g.forEach((r, i) => {
      const v = r[from];
      if (i + 1 >= header && v !== "" && v != null) s.wb.user.type(SHEET, `A${i + 1}`, String(v));
    });
    s.wb.user.deleteColumns(SHEET, columnLetter(from + 1));
    return s;
  }

  test.each(["identity-column", "both"] as const)("with the %s deleted: each period's report counts its own statuses, as on the intact sheet", async (damage) => {
    const intact = await twoPeriods(false);
    const moved = await twoPeriods(true, damage);
    for (const period of ["6m", "year"] as const) {
      const a = await readReportModel(intact.run, period);
      const b = await readReportModel(moved.run, period);
      expect({ period, tasks: b.tasks }).toEqual({ period, tasks: a.tasks });
    }
    expect((await readReportModel(intact.run, "year")).tasks).toMatchObject({ done: 2, doing: 1 });
  });

  test.each(["identity-column", "both"] as const)("with the %s deleted: `ktxh report` of the same book saved as .xlsx counts each period's statuses as on the intact book", async (damage) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-moved-"));
    try {
      fs.writeFileSync(path.join(dir, "intact.xlsx"), await exportXlsx((await twoPeriods(false)).wb));
      fs.writeFileSync(path.join(dir, "moved.xlsx"), await exportXlsx((await twoPeriods(true, damage)).wb));
      for (const period of ["6m", "year"] as const) {
        const tasks = async (file: string) => {
          let out = "";
          await main(["report", file, "--period", period, "--json"], { cwd: dir, out: (t) => void (out += t), err: () => undefined });
          return (JSON.parse(out || "null") as ReportModel | null)?.tasks;
        };
        const intact = await tasks("intact.xlsx");
        expect(intact).toMatchObject(period === "year" ? { done: 2, doing: 1 } : { doing: 1, notStarted: 1 });
        expect({ period, tasks: await tasks("moved.xlsx") }).toEqual({ period, tasks: intact });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(["identity-column", "both"] as const)("with the %s deleted: a reload puts each period's statuses back in that period's column", async (damage) => {
    const s = await twoPeriods(true, damage);
    await s.ops.loadPlan(plan, ["6m", "year"], yes);
    const g = s.wb.user.grid(SHEET, "A1:Z80");
    const keys = g.find((r) => r.includes("#ktxh:tasks")) ?? [];
    const id = keys.indexOf("#ktxh:tasks");
    const column = (key: string): Record<string, unknown> => {
      const col = keys.indexOf(key);
      const got: Record<string, unknown> = {};
      for (const r of g) if (typeof r[id] === "string" && String(r[id]).startsWith("n:") && r[col] !== "") got[String(r[id]).slice(2)] = r[col];
      return got;
    };
    for (const [period, statuses, results] of [["6m", SIX, SIX_RESULTS], ["year", YEAR, YEAR_RESULTS]] as const) {
      expect({ period, statuses: column(taskStatusKey(period)), results: column(taskResultKey(period)) }).toEqual({ period, statuses, results });
    }
  });
});
