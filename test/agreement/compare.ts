/**
 * Comparing the paths' answers for one workbook: every disagreement with a reference, as data.
 * References: `cli.evaluate` (the core's judgement of what the cells hold) for rows and counts;
 * `cli.check --plan` for problems, for which figures are slips to review (issue 11, point 3) and for
 * how tasks are counted; the recheck after fixes for the sheet after fixes, whose statuses are also
 * what the report made then must count.
 */
import { mainTargets } from "../../src/core/plan";
import type { BookSpec } from "./generate";
import type { Answer, Answers, Counts, PathName, RowAnswer, TaskCounts } from "./paths";

export type Reference = PathName | "cli.check.slips" | "visible-cell";

export interface Disagreement {
  book: number;
  path: PathName;
  reference: Reference;
  /** "status" / "percent" of a row; a "problem" code (cells in want/got); "counts", "tasks", or the path's "error". */
  field: "status" | "percent" | "problem" | "counts" | "tasks" | "error" | "missing-row";
  /** Target number, problem code, or "". */
  row: string;
  want: string;
  got: string;
}

/** The settled statuses; any other status a path gives is taken as "to review" (Cần xem lại). */
const SETTLED = new Set(["vuot", "dat", "khong-dat", "thieu-so-lieu"]);
export const REVIEW = "cần-xem-lại";

const ROW_PATHS: PathName[] = ["excel.live", "excel.recheck", "excel.report", "cli.report.xlsx", "cli.report.docx"];
const show = (v: unknown): string => (v === undefined ? "—" : v === null ? "∅" : String(v));

function compareRows(spec: BookSpec, ref: Answer, got: Answer, path: PathName, reference: PathName, out: Disagreement[]): void {
  const d = (field: Disagreement["field"], row: string, want: unknown, g: unknown) =>
    out.push({ book: spec.index, path, reference, field, row, want: show(want), got: show(g) });
  if (!ref.rows || !got.rows) return;
  for (const t of spec.plan.targets) {
    const want = ref.rows.get(t.no);
    const have = got.rows.get(t.no);
    if (!want) continue;
    if (!have) {
      d("missing-row", t.no, want.status, undefined);
      continue;
    }
    if (want.status !== have.status) d("status", t.no, want.status, have.status);
    else if (have.percent !== undefined && want.percent !== undefined && !samePercent(want, have)) d("percent", t.no, want.percent, have.percent);
  }
}

function samePercent(a: RowAnswer, b: RowAnswer): boolean {
  if (a.percent == null || b.percent == null) return a.percent == b.percent;
  return Math.abs(a.percent - b.percent) <= 0.051;
}

/** A figure the check calls a slip must not be judged as settled by any path (issue 11, point 3). */
function compareSlips(spec: BookSpec, slips: Map<string, string>, got: Answer, path: PathName, out: Disagreement[]): void {
  if (!got.rows) return;
  for (const [no, code] of slips) {
    const s = got.rows.get(no)?.status;
    if (s && SETTLED.has(s)) out.push({ book: spec.index, path, reference: "cli.check.slips", field: "status", row: no, want: `${REVIEW} (${code})`, got: s });
  }
}

/** vượt/đạt/không đạt/cần xem lại/chưa có số liệu. */
const countsText = (c: Counts): string => `${c.vuot}/${c.dat}/${c.khongDat}/${c.xemLai}/${c.thieuSoLieu}`;
const tasksText = (c: TaskCounts): string => `${c.done}/${c.doing}/${c.notStarted}/${c.unreported}`;

/** Counts over main targets of a path's rows (what its table shows). */
function countsOfRows(spec: BookSpec, rows: Map<string, RowAnswer>): Counts {
  const c: Counts = { vuot: 0, dat: 0, khongDat: 0, xemLai: 0, thieuSoLieu: 0 };
  for (const t of mainTargets(spec.plan)) {
    const s = rows.get(t.no)?.status;
    if (s === "vuot") c.vuot++;
    else if (s === "dat") c.dat++;
    else if (s === "khong-dat") c.khongDat++;
    else if (s === "xem-lai") c.xemLai++;
    else c.thieuSoLieu++;
  }
  return c;
}

function compareProblems(spec: BookSpec, ref: Set<string>, got: Set<string>, path: PathName, out: Disagreement[]): void {
  // One disagreement per code and direction, the cells listed: a shifted column is one finding, not twenty.
  const byCode = new Map<string, { missing: string[]; extra: string[] }>();
  const entry = (k: string) => {
    const code = k.split("@")[0];
    const e = byCode.get(code) ?? { missing: [], extra: [] };
    byCode.set(code, e);
    return { e, where: k.slice(code.length + 1) };
  };
  for (const p of ref) if (!got.has(p)) { const { e, where } = entry(p); e.missing.push(where); }
  for (const p of got) if (!ref.has(p)) { const { e, where } = entry(p); e.extra.push(where); }
  for (const [code, e] of byCode) {
    if (e.missing.length) out.push({ book: spec.index, path, reference: "cli.check", field: "problem", row: code, want: e.missing.join(" "), got: "absent" });
    if (e.extra.length) out.push({ book: spec.index, path, reference: "cli.check", field: "problem", row: code, want: "absent", got: e.extra.join(" ") });
  }
}

/** Every disagreement of one workbook's answers. */
export function compareBook(spec: BookSpec, a: Answers): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [p, ans] of Object.entries(a) as [PathName, Answer][]) {
    if (ans.error !== undefined) out.push({ book: spec.index, path: p, reference: p, field: "error", row: "", want: "an answer", got: ans.error });
  }
  const ev = a["cli.evaluate"];
  if (ev) {
    for (const p of ROW_PATHS) if (a[p]) compareRows(spec, ev, a[p] as Answer, p, "cli.evaluate", out);
    if (ev.counts) {
      for (const p of ["pane.counts", "excel.report", "cli.report.xlsx"] as PathName[]) {
        const c = a[p]?.counts;
        if (c && countsText(c) !== countsText(ev.counts)) out.push({ book: spec.index, path: p, reference: "cli.evaluate", field: "counts", row: "", want: countsText(ev.counts), got: countsText(c) });
      }
    }
  }
  const fixedRef = a["excel.fixed.recheck"];
  const fixedSheet = a["excel.fixed.sheet"];
  if (fixedRef && fixedSheet) compareRows(spec, fixedRef, fixedSheet, "excel.fixed.sheet", "excel.fixed.recheck", out);
  const fixedReport = a["excel.fixed.report"]?.counts;
  if (fixedReport && fixedSheet?.rows) {
    // The pane and the sheet after Sửa tất cả, against the report made right then.
    const shown = countsOfRows(spec, fixedSheet.rows);
    if (countsText(shown) !== countsText(fixedReport)) out.push({ book: spec.index, path: "excel.fixed.report", reference: "excel.fixed.sheet", field: "counts", row: "", want: countsText(shown), got: countsText(fixedReport) });
  }
  const check = a["cli.check"];
  if (check?.problems) for (const p of ["excel.check", "cli.check.noplan"] as PathName[]) if (a[p]?.problems) compareProblems(spec, check.problems, a[p]?.problems as Set<string>, p, out);
  if (check?.slips) for (const p of ["cli.evaluate", ...ROW_PATHS] as PathName[]) if (a[p]) compareSlips(spec, check.slips, a[p] as Answer, p, out);
  const hidden = a["excel.check"]?.hidden;
  if (hidden?.size) {
    const byCode = new Map<string, string[]>();
    for (const k of hidden) byCode.set(k.split("@")[0], [...(byCode.get(k.split("@")[0]) ?? []), k.slice(k.indexOf("@") + 1)]);
    for (const [code, cells] of byCode) out.push({ book: spec.index, path: "excel.check", reference: "visible-cell", field: "problem", row: code, want: "a visible cell", got: cells.join(" ") });
  }
  const reportTasks = a["cli.report.xlsx"]?.tasks;
  if (check?.tasks && reportTasks && spec.tasks.length && tasksText(check.tasks) !== tasksText(reportTasks)) {
    out.push({ book: spec.index, path: "cli.report.xlsx", reference: "cli.check", field: "tasks", row: "", want: tasksText(check.tasks), got: tasksText(reportTasks) });
  }
  return out;
}

/** A table of disagreements for a failure message. */
export function table(ds: readonly Disagreement[]): string {
  const rows = [["book", "path", "vs", "field", "row", "want", "got"], ...ds.map((d) => [String(d.book), d.path, d.reference, d.field, d.row, d.want, d.got])];
  const w = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
  return rows.map((r) => r.map((c, i) => c.slice(0, 60).padEnd(w[i])).join(" | ")).join("\n");
}
