/**
 * A lower-is-better target whose plan gives no *TH năm trước*, with only the sheet's last-year figure
 * (the *Năm 2023* column, typed or written by Lấy số liệu năm trước): the fall achieved against the fall
 * planned is reckoned from that figure in every path — the Office.js host's live judgement on the
 * strict in-memory Excel, `ktxh evaluate` and `ktxh report` of the same book exported as .xlsx — at
 * the year end as at mid-year (where the year's column is the figure a cumulative share takes too).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { STATUS_LABELS, type Status } from "../../src/core/evaluate";
import type { ReportModel } from "../../src/core/report/model";
import { defaultPlan } from "../../src/seeds";
import { exportXlsx } from "../agreement/paths";
import { cellOf, setup } from "./support";

jest.setTimeout(120_000);

const plan = defaultPlan();
const SHEET = "Chỉ tiêu";
const yes = async (): Promise<boolean> => true;
const STATUS_OF = new Map<string, Status>(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as Status]));

/** 10: poor households "giảm còn khoảng 2,14" (annual before the year end); 13: malnutrition "6", lower is better. */
const FIGURES: Record<string, string> = { "10": "2", "13": "5.95" };
/** Last year's year figures, only in the sheet (the plan has no TH năm trước). */
const LAST_YEAR: Record<string, string> = { "10": "3.51", "13": "6.1" };

async function cli(argv: string[], cwd: string): Promise<string> {
  let out = "";
  await main(argv, { cwd, out: (t) => void (out += t), err: () => undefined });
  return out;
}

type Row = { status: Status | null; percent: number | null };
const r1 = (n: unknown): number | null => (typeof n === "number" ? Math.round(n * 10) / 10 : null);

async function paths(period: "6m" | "year"): Promise<{ host: Map<string, Row>; evaluate: Map<string, Row>; report: Map<string, Row> }> {
  const { wb, ops } = setup({});
  await ops.loadPlan(plan, ["6m", "9m", "year"], yes);
  for (const [no, v] of Object.entries(FIGURES)) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, `p:${period}`), v);
  for (const [no, v] of Object.entries(LAST_YEAR)) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, "prev:year"), v);
  await ops.recheck(period);
  const at = (no: string, key: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${no}`, key)).value;
  const host = new Map<string, Row>();
  for (const no of Object.keys(FIGURES)) host.set(no, { status: STATUS_OF.get(String(at(no, "status"))) ?? null, percent: r1(at(no, "percent")) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-prev-"));
  try {
    fs.writeFileSync(path.join(dir, "book.xlsx"), await exportXlsx(wb));
    const ev = JSON.parse(await cli(["evaluate", "book.xlsx", "--period", period, "--json"], dir)) as { rows: { no: string; status: Status; percent: number | null }[] };
    const m = JSON.parse(await cli(["report", "book.xlsx", "--period", period, "--date", "2024-12-05", "--json"], dir)) as ReportModel;
    const evaluate = new Map<string, Row>();
    const report = new Map<string, Row>();
    for (const no of Object.keys(FIGURES)) {
      const e = ev.rows.find((x) => x.no === no);
      evaluate.set(no, { status: e?.status ?? null, percent: r1(e?.percent) });
      const r = m.rows.find((x) => x.no === no);
      report.set(no, { status: period === "year" ? (r?.status ?? null) : (e?.status ?? null), percent: r1(r?.percentPlan?.value) });
    }
    return { host, evaluate, report };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("a lower-is-better target with only the sheet's last-year figure", () => {
  test("the year end: the fall achieved against the fall planned, one status and percent in the host, ktxh evaluate and ktxh report", async () => {
    const p = await paths("year");
    // 10: 3,51 → 2 against 3,51 → 2,14: 110,2 %; 13: 6,1 → 5,95 against 6,1 → 6: 150 %.
    const expected = new Map<string, Row>([["10", { status: "vuot", percent: 110.2 }], ["13", { status: "vuot", percent: 150 }]]);
    expect(p.host).toEqual(expected);
    expect(p.evaluate).toEqual(expected);
    expect(p.report).toEqual(expected);
  });

  test("mid-year: the same figure of the year's column gives 13 the same percent in the three paths", async () => {
    const p = await paths("6m");
    expect(p.host.get("13")).toEqual({ status: "vuot", percent: 150 });
    expect(p.evaluate.get("13")).toEqual({ status: "vuot", percent: 150 });
    expect(p.report.get("13")?.percent).toBe(150);
    // 10 is judged only on the year's figure.
    expect(p.host.get("10")).toEqual({ status: "chua-danh-gia", percent: null });
    expect(p.evaluate.get("10")).toEqual({ status: "chua-danh-gia", percent: null });
  });
});
