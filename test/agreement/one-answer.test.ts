/**
 * One workbook, one answer, on the figures that used to split the paths: a number stored as text
 * ("35,6" typed in an en-US Excel), "khoảng 600", "chưa có số liệu", a `1.600` Excel read as 1,6, a
 * "50%" in a % row, ">85", lower-is-better targets (one met, one not), a typed traffic criterion
 * the six counts contradict, a figure no one can read ("đang tổng hợp") and empty rows, an override that is no status word
 * ("tốt", pasted past the list). The Office.js host's live judgement (the sheet's status
 * and % KH cells), `ktxh evaluate`, `ktxh check`, the report model (`ktxh report --json`) and the
 * host's report sheet and chart must give the same status, the same percent (none where the
 * judgement gives none) and the same problems (code and severity) for every target.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { STATUS_LABELS, type Status } from "../../src/core/evaluate";
import type { ReportModel } from "../../src/core/report/model";
import { SEVERITY } from "../../src/core/messages/severity";
import { defaultPlan } from "../../src/seeds";
import { cellOf, setup } from "../excel/support";
import { exportXlsx } from "./paths";

jest.setTimeout(120_000);

const SHEET = "Chỉ tiêu";
const plan = defaultPlan();
const yes = async (): Promise<boolean> => true;

/** What is typed in the year column, as an officer would in an en-US Excel. */
const TYPED: Record<string, string> = {
  "1": "25500",
  "3": "khoảng 600",
  "4": "chưa có số liệu",
  "5": "72939",
  "7": "35,6",
  "8": "1.600",
  "9": "50%",
  "10": "2",
  "13": "6.45",
  "15": "94.5",
  "17": ">80",
  "18": "giảm 02 tiêu chí",
  "19": "90",
  "20": "đang tổng hợp",
};
/** Last year's figures (the Năm 2023 column) of the lower-is-better rows. */
const LAST_YEAR: Record<string, number> = { "10": 3.51, "13": 6.1 };
/** Accidents 10 → 8, deaths 5 → 5, injuries 7 → 9: one criterion fell, not the two typed. */
const TRAFFIC: Record<string, number> = {
  "tn:accidents:prev": 10, "tn:accidents:cur": 8, "tn:deaths:prev": 5, "tn:deaths:cur": 5, "tn:injuries:prev": 7, "tn:injuries:cur": 9,
};

/** An override that is no status word, with its reason: pasted past the cell's list (a co-author's edit, as Excel lets a paste through). */
const BAD_OVERRIDE = { no: "5", status: "tốt", reason: "Đã đối chiếu với Chi cục Thống kê" };

type Row = { status: Status | null; percent: number | null };
type Codes = string[];
const round1 = (n: number | null | undefined): number | null => (n == null ? null : Math.round(n * 10) / 10);
const STATUS_OF = new Map<string, Status>(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as Status]));

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { cwd, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

interface Paths {
  sheet: Map<string, Row>;
  evaluate: Map<string, Row & { problems: Codes }>;
  report: Map<string, Row>;
  /** Every problem of `ktxh evaluate`, `ktxh check` and the report model, as code:severity. */
  all: { evaluate: Codes; check: Codes; report: Codes };
  /** The report model's problems on the overridden row. */
  reportProblems: Codes;
  /** `ktxh evaluate PLAN th.csv`: the row's figure and the same bad status, from an actuals file. */
  file: Row & { problems: Codes };
  /** The sheet's reason cell beside the bad override. */
  reason: string;
  check: Map<string, Codes>;
  chart: Map<string, number>;
  hostReport: Map<string, Status | null>;
}

async function allPaths(): Promise<Paths> {
  const { wb, ops } = setup({ culture: "en-US" });
  await ops.loadPlan(plan, ["6m", "9m", "year"], yes);
  for (const [no, text] of Object.entries(TYPED)) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, "p:year"), text);
  for (const [no, v] of Object.entries(LAST_YEAR)) wb.user.type(SHEET, cellOf(wb, SHEET, `t:${no}`, "prev:year"), String(v));
  for (const [id, v] of Object.entries(TRAFFIC)) wb.user.type(SHEET, cellOf(wb, SHEET, id, "p:year"), String(v));
  wb.user.type(SHEET, cellOf(wb, SHEET, `t:${BAD_OVERRIDE.no}`, "override-reason"), BAD_OVERRIDE.reason);
  wb.user.remoteEdit(SHEET, cellOf(wb, SHEET, `t:${BAD_OVERRIDE.no}`, "override"), BAD_OVERRIDE.status);
  await ops.recheck("year");
  const reason = String(wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${BAD_OVERRIDE.no}`, "reason")).value ?? "");
  const at = (no: string, key: string) => wb.user.cell(SHEET, cellOf(wb, SHEET, `t:${no}`, key)).value;
  const sheet = new Map<string, Row>();
  for (const t of plan.targets) {
    const p = at(t.no, "percent");
    sheet.set(t.no, { status: STATUS_OF.get(String(at(t.no, "status"))) ?? null, percent: typeof p === "number" ? round1(p) : null });
  }
  // The host's report sheet: its status words and its chart's helper range (label "N. name", percent).
  const r = await ops.buildReport("year", false);
  const grid = wb.user.grid(r.sheet, "A1:AZ200");
  const hostReport = new Map<string, Status | null>();
  const chart = new Map<string, number>();
  const head = grid.findIndex((row) => row.includes("So với chỉ tiêu giao (%)"));
  const statusCol = grid[head].indexOf("So với chỉ tiêu giao (%)");
  for (const row of grid.slice(head + 1)) {
    const t = plan.targets.find((x) => x.parent == null && x.no === String(row[0]) && x.name === row[1]);
    if (t) hostReport.set(t.no, STATUS_OF.get(String(row[statusCol])) ?? null);
  }
  const chartHead = grid.findIndex((row) => row.includes("% so với KH"));
  if (chartHead >= 0) {
    const col = grid[chartHead].indexOf("% so với KH");
    for (const row of grid.slice(chartHead + 1)) {
      const label = String(row[col - 1] ?? "");
      const no = /^(\d+)\. /.exec(label)?.[1];
      if (no && typeof row[col] === "number") chart.set(no, row[col] as number);
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-one-"));
  try {
    fs.writeFileSync(path.join(dir, "book.xlsx"), await exportXlsx(wb));
    const ev = await cli(["evaluate", "book.xlsx", "--json"], dir);
    const ej = JSON.parse(ev.out) as { rows: { no: string; status: Status; percent: number | null; printStatus: boolean }[]; problems: { code: string; severity: string; location: { target?: string } }[] };
    const evaluate = new Map<string, Row & { problems: Codes }>();
    for (const e of ej.rows) {
      const problems = ej.problems.filter((p) => p.location.target === e.no).map((p) => `${p.code}:${p.severity}`).sort();
      evaluate.set(e.no, { status: e.printStatus ? e.status : null, percent: round1(e.percent), problems });
    }
    const ch = await cli(["check", "book.xlsx", "--json"], dir);
    const cj = JSON.parse(ch.out) as { files: { issues: { code: string; severity: string; sheet: string; cell: string | null; target: string | null }[] }[] };
    const check = new Map<string, Codes>();
    for (const t of plan.targets) {
      // The check's word on the figure judged: the year column's cell of the row.
      const cell = cellOf(wb, SHEET, `t:${t.no}`, "p:year");
      check.set(t.no, cj.files[0].issues.filter((i) => i.sheet === SHEET && i.cell === cell && i.target === t.no).map((i) => `${i.code}:${i.severity}`).sort());
    }
    const rep = await cli(["report", "book.xlsx", "--period", "year", "--date", "2024-12-05", "-o", "report.xlsx", "--json"], dir);
    const model = JSON.parse(rep.out) as ReportModel;
    const report = new Map<string, Row>();
    for (const row of model.rows) report.set(row.no, { status: row.status, percent: round1(row.percentPlan?.value ?? null) });
    const reportProblems = model.problems.filter((x) => x.location.target === BAD_OVERRIDE.no).map((x) => `${x.code}:${x.severity}`).sort();
    const all = {
      evaluate: ej.problems.map((x) => `${x.code}:${x.severity}`),
      check: cj.files[0].issues.map((x) => `${x.code}:${x.severity}`),
      report: model.problems.map((x) => `${x.code}:${x.severity}`),
    };
    // The same figure and the same bad word in an actuals CSV, judged by `ktxh evaluate PLAN ACTUALS`.
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan));
    fs.writeFileSync(path.join(dir, "th.csv"), `no,actual,status,reason\n${BAD_OVERRIDE.no},${TYPED[BAD_OVERRIDE.no]},${BAD_OVERRIDE.status},${BAD_OVERRIDE.reason}\n`);
    const fe = await cli(["evaluate", "plan.json", "th.csv", "--json"], dir);
    const fj = JSON.parse(fe.out) as typeof ej;
    const fr = fj.rows.find((x) => x.no === BAD_OVERRIDE.no)!;
    const file = {
      status: fr.printStatus ? fr.status : null,
      percent: round1(fr.percent),
      problems: fj.problems.filter((x) => x.location.target === BAD_OVERRIDE.no).map((x) => `${x.code}:${x.severity}`).sort(),
    };
    return { sheet, evaluate, report, check, chart, hostReport, all, reportProblems, file, reason };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("one workbook of tricky figures, one answer in every path", () => {
  let p: Paths;
  beforeAll(async () => {
    p = await allPaths();
  });

  test("every target: the same status and percent in the sheet, `ktxh evaluate` and the report model", () => {
    const rows = (m: Map<string, Row>) => plan.targets.map((t) => [t.no, m.get(t.no)?.status ?? null, m.get(t.no)?.percent ?? null]);
    const ev = new Map([...p.evaluate].map(([k, v]) => [k, { status: v.status, percent: v.percent }]));
    expect(rows(p.report)).toEqual(rows(ev));
    expect(rows(p.sheet)).toEqual(rows(ev));
    // The host's report sheet prints the same status words.
    expect(plan.targets.filter((t) => t.parent == null).map((t) => [t.no, p.hostReport.get(t.no) ?? null])).toEqual(
      plan.targets.filter((t) => t.parent == null).map((t) => [t.no, ev.get(t.no)?.status ?? null]),
    );
  });

  test("the chart plots the judgement's percent, and only where there is one", () => {
    const expected = plan.targets.filter((t) => t.parent == null && p.evaluate.get(t.no)?.percent != null).map((t) => [t.no, p.evaluate.get(t.no)?.percent]);
    expect([...p.chart].map(([no, v]) => [no, round1(v)]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expected);
  });

  test("every target: the judgement's problems are the check's on the figure (code and severity), an empty figure's completeness warning aside", () => {
    const figureProblems = (codes: Codes) => codes.filter((c) => c.startsWith("value.") || c.startsWith("traffic."));
    const fromCheck = plan.targets.map((t) => [t.no, (p.check.get(t.no) ?? []).filter((c) => c !== "value.missing:warning")]);
    const fromEvaluate = plan.targets.map((t) => [t.no, figureProblems(p.evaluate.get(t.no)?.problems ?? [])]);
    expect(fromEvaluate).toEqual(fromCheck);
  });

  test("the rows of the brief, as each path now says them", () => {
    const ev = (no: string) => p.evaluate.get(no);
    // A number stored as text and a figure Excel read as 1,6: Cần xem lại, no percent anywhere.
    for (const no of ["7", "8"]) {
      expect(ev(no)).toMatchObject({ status: "xem-lai", percent: null });
      expect(p.report.get(no)).toEqual({ status: "xem-lai", percent: null });
      expect(p.chart.has(no)).toBe(false);
    }
    // "khoảng 600" is 600 for the judgement and for the report.
    expect(p.report.get("3")).toEqual({ status: "khong-dat", percent: 96.3 });
    // "chưa có số liệu" says there is no figure yet: no unreadable figure in the check.
    expect(ev("4")).toMatchObject({ status: "thieu-so-lieu", percent: null });
    expect(p.check.get("4")).toEqual(["value.missing:warning"]);
    // ">85": one planned level (86 at the written precision), so 90 is 104,7 % everywhere.
    expect([p.sheet.get("19")?.percent, p.report.get("19")?.percent, round1(p.chart.get("19"))]).toEqual([104.7, 104.7, 104.7]);
    // A lower-is-better target not met gets no 107,5 %.
    expect(p.report.get("13")).toEqual({ status: "khong-dat", percent: ev("13")?.percent ?? null });
    // A figure nobody can read: Chưa có số liệu, with the check's problem (an error) in the judgement too.
    expect(ev("20")).toMatchObject({ status: "thieu-so-lieu", percent: null, problems: ["value.unreadable:error"] });
    // The typed traffic criterion the counts contradict: one code, one severity.
    expect(figureProblemsOf(ev("18")?.problems ?? [])).toEqual(p.check.get("18"));
  });

  test("an override that is no status word: not applied anywhere, one code with one severity in the book and in an actuals file", () => {
    const no = BAD_OVERRIDE.no;
    // The rule judges the row in every path; the sheet says why the override was not applied.
    expect(p.evaluate.get(no)).toMatchObject({ status: "dat", percent: 100 });
    expect(p.sheet.get(no)).toEqual({ status: "dat", percent: 100 });
    expect(p.report.get(no)).toEqual({ status: "dat", percent: 100 });
    expect(p.reason).toContain(`Điều chỉnh "${BAD_OVERRIDE.status}" không hợp lệ`);
    const bad = `actuals.bad-status:${SEVERITY["actuals.bad-status"]}`;
    expect(bad).toBe("actuals.bad-status:warning");
    expect(p.evaluate.get(no)?.problems).toContain(bad);
    expect(p.reportProblems).toContain(bad);
    // From an actuals CSV: the same status and percent, the same code and severity (no longer a refused file).
    expect(p.file).toEqual({ status: "dat", percent: 100, problems: [bad] });
  });

  test("every problem of every path carries its code's declared severity", () => {
    for (const [path, codes] of Object.entries(p.all)) {
      expect({ path, wrong: codes.filter((c) => c.split(":")[1] !== SEVERITY[c.split(":")[0] as keyof typeof SEVERITY]) }).toEqual({ path, wrong: [] });
    }
  });
});

function figureProblemsOf(codes: Codes): Codes {
  return codes.filter((c) => c.startsWith("traffic."));
}
