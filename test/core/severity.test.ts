/**
 * Severity is a property of the code: one table in core (`src/core/messages/severity.ts`), read by the
 * one constructor `problem()`. Every code has its severity there, no source file chooses or changes a
 * severity, and every producer (actuals file and sheet, plan CSV, the check, the judgement, the report
 * fields, target wordings) gives each code the declared one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseActuals } from "../../src/core/actuals";
import { type ActualRow, evaluatePlan } from "../../src/core/evaluate";
import { CODES } from "../../src/core/messages";
import { SEVERITY } from "../../src/core/messages/severity";
import { parsePlanCsv } from "../../src/core/plan-csv";
import type { Plan } from "../../src/core/plan";
import { type Problem, problem } from "../../src/core/problems";
import type { Grid, GridCell } from "../../src/core/read-table/grid";
import { EMPTY_REPORT_FIELDS, readReportFields } from "../../src/core/report/fields";
import { parseTarget } from "../../src/core/target";
import { validateGrid } from "../../src/core/validate";
import { applySheetOverrides } from "../../src/layout/computed";
import { builtInPlans } from "../../src/seeds";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const plan2023 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2023") as Plan;
const plan2024 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe("one severity per code, declared once", () => {
  test("every code of the catalog has its severity in the table, and the table names no other code", () => {
    expect(Object.keys(SEVERITY).sort()).toEqual([...CODES].sort());
    for (const c of CODES) expect({ c, s: ["error", "warning", "info"].includes(SEVERITY[c]) }).toEqual({ c, s: true });
  });

  test("problem() gives every code its declared severity", () => {
    for (const c of CODES) expect({ c, s: problem(c, {}, {} as never).severity }).toEqual({ c, s: SEVERITY[c] });
  });

  test("no source file sets a severity: a `severity:` outside the table only copies a problem's own or names the type", () => {
    const root = process.env.SEVERITY_SRC ?? path.join(__dirname, "../../src");
    const own = path.join(root, "core/problems.ts");
    const table = path.join(root, "core/messages/severity.ts");
    const found: string[] = [];
    for (const file of walk(root)) {
      if (file === table) continue;
      fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
        for (const m of line.matchAll(/\bseverity\s*:\s*([^,;})]+)/g)) {
          const v = m[1].trim();
          const copies = /^[\w.]+\.severity$/.test(v) || /^SEVERITY_WORDS\[\w+\.severity\]$/.test(v);
          const typed = /^(Severity|Issue\["severity"\])$/.test(v);
          const constructor = file === own && v === "SEVERITY[code]";
          if (!copies && !typed && !constructor) found.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        }
        // A problem spread and given another severity (`{ ...p, severity: … }`) is a second severity for one code.
        if (/\.\.\.[\w.]+,\s*severity\b/.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  test("every producer gives each code the declared severity; a bad status is one warning in an actuals file and in the sheet", () => {
    const all: Problem[] = [];
    // An actuals CSV and the sheet's override column, the same wrong word.
    const file = parseActuals(utf8("no,actual,status,reason\n1,25500,tốt,đã kiểm tra\n9,2,,\n99,3,,\n9,4,,\n"), "th.csv");
    all.push(...file.problems);
    const sheetProblems: Problem[] = [];
    const rows: ActualRow[] = [{ no: "1", actual: "25500" }];
    applySheetOverrides(rows, new Map([["1", { reading: { kind: "invalid", text: "tốt" }, cell: "M5" }]]), "Chỉ tiêu", sheetProblems);
    all.push(...sheetProblems);
    const bad = all.filter((p) => p.code === "actuals.bad-status").map((p) => [p.location.file ?? p.location.sheet, p.severity]);
    expect(bad).toEqual([["th.csv", SEVERITY["actuals.bad-status"]], ["Chỉ tiêu", SEVERITY["actuals.bad-status"]]]);
    // Plan CSVs: without a year (refused), with one lent, with every kind of slip.
    all.push(...parsePlanCsv(utf8("STT,Tên chỉ tiêu,ĐVT,Kế hoạch\n1,Giao quân,%,100%\n"), "kh.csv").problems);
    all.push(...parsePlanCsv(utf8("STT,Tên chỉ tiêu,ĐVT,Kế hoạch\n1,Giao quân,%,100%\n"), "kh.csv", { defaultYear: 2026 }).problems);
    all.push(...parsePlanCsv(utf8("STT,Tên chỉ tiêu,ĐVT,Kế hoạch 2026,Hướng,Lạ\nI,Kinh tế,,,,\nx,Tên,%,5,ngang,\n2,,%,,,\n3,Tỷ lệ,%,phấn đấu vượt,,\n"), "kh.csv").problems);
    // The check on a colleague's sheet of the 2023 plan with a sector row missing, a main target missing,
    // a duplicate, a slip, an error value and an unknown column.
    const cell = (v: string | number | null | GridCell): GridCell | null => (v === null ? null : typeof v === "object" ? v : { value: v });
    const p23 = plan2023();
    const lines: (string | number | null | GridCell)[][] = [["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2023", "Ước TH năm 2023", "Cột lạ"]];
    for (const t of p23.targets) {
      if (t.no === "1.3" || t.no === "3") continue;
      lines.push([t.parent ? "-" : t.no, t.name, t.unit, t.target, t.no === "5" ? "1.720" : t.no === "6" ? { value: null, error: "#REF!" } : 1, null]);
    }
    lines.push(lines[2]);
    const g: Grid = { sheet: "S", cells: lines.map((r) => r.map(cell)), merges: [] };
    const issues = validateGrid(p23, [g]);
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(["row.missing", "row.missing-subrow"]));
    all.push(...issues);
    // The judgement on figures of every kind.
    const p24 = plan2024();
    const figures: Record<string, string> = { "1": "khoảng 600", "3": "1.600", "7": "abc", "10": "giảm 01 tiêu chí", "17": ">70", "18": "25500", "2": "1.600" };
    all.push(...evaluatePlan(p24, { rows: [...p24.targets.map((t) => ({ no: t.no, actual: figures[t.no] ?? null })), { no: "99", actual: "1" }, { no: "1", actual: "2" }] }).problems);
    // The report's fields, target wordings.
    all.push(...readReportFields({ ...EMPTY_REPORT_FIELDS, date: "31/02/2024", tasksTotal: "5", tasksDone: "x" }).problems.map((f) => f.problem));
    for (const t of ["", "phấn đấu vượt", "khoảng 1..2", "8-7", "giảm còn 2%", "80 người", "1.600"]) all.push(...parseTarget(t, { unit: "%", direction: "higher" }).problems);
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter((p) => p.severity !== SEVERITY[p.code]).map((p) => `${p.code}:${p.severity}`)).toEqual([]);
  });
});
