/**
 * One workbook, one answer (issue 11, point 5): 200 generated workbooks, each through the Office.js host
 * on the strict Excel (live, recheck, check, report sheet, fixes), the pane's counts, `ktxh check`,
 * `ktxh evaluate`, `ktxh report` (.xlsx, and .docx on a quarter). Every disagreement must belong to a
 * KNOWN class (known.ts), and every KNOWN class must still occur, so the table shrinks as fixes land.
 */
import { DEFAULT_N, failureText, knownSummary, runAgreement, settings, total } from "./agree";
import { compareBook } from "./compare";
import { generateBook } from "./generate";
import { KNOWN, classify } from "./known";
import { type Answers, runBook } from "./paths";

jest.setTimeout(600_000);

describe("every path gives one answer per workbook", () => {
  const { seed, n } = settings();

  test(`${n} workbooks (seed ${seed}): no disagreement outside KNOWN, every KNOWN class still occurs`, async () => {
    const run = await runAgreement(seed, n);
    const summary = `agreement: ${run.books.length} workbooks, seed ${seed}, ${(run.ms / 1000).toFixed(1)} s (CPU ${(run.cpuMs / 1000).toFixed(1)} s); ` +
      `${run.unknown.length} unknown + ${total(run) - run.unknown.length} KNOWN disagreements\n${knownSummary(run)}`;
    process.stdout.write(summary + "\n");
    if (run.unknown.length) throw new Error(`${failureText(run, n)}\n\n${summary}`);
    // A class that no longer occurs was fixed: delete its entry in known.ts. Only a full run can tell.
    if (n >= DEFAULT_N) {
      expect({ vanished: run.vanished, seed }).toEqual({ vanished: [], seed });
    }
    expect(run.books.length).toBe(n);
    expect(run.unknown).toEqual([]);
  });

  // The harness can fail: a path that says otherwise on one row, or prints other counts, is found.
  test("a planted disagreement is found (the comparison is not vacuous)", async () => {
    const spec = generateBook(settings().seed, 1);
    const answers = await runBook(spec, { docx: false });
    expect(compareBook(spec, answers)).toEqual([]);
    const report = answers["cli.report.xlsx"];
    const row = report?.rows && [...report.rows].find(([, r]) => r.status === "vuot" || r.status === "dat" || r.status === "khong-dat");
    if (!report?.rows || !row) throw new Error("book 1 has no judged row in its .xlsx report");
    const flipped = row[1].status === "khong-dat" ? "dat" : "khong-dat";
    const planted: Answers = { ...answers, "cli.report.xlsx": { ...report, rows: new Map([...report.rows, [row[0], { ...row[1], status: flipped }]]) } };
    const found = compareBook(spec, planted);
    expect(found.some((d) => d.path === "cli.report.xlsx" && d.field === "status" && d.row === row[0])).toBe(true);
    expect(KNOWN.length === 0 || found.some((d) => !classify(d, spec))).toBe(true);
  });
});
