// Issue 15 point 8 in the production pane (dist/), in Chromium, over the strict in-memory Excel: a task
// has a status per reporting period. The 6-month status and the year's are typed side by side in the
// tasks sheet, a reload keeps both, the pane's task counts are those of the period chosen, and the
// 6-month report counts the 6-month statuses (not the year's). At 320 and 450 px, axe clean.
import type { Page } from "playwright-core";
import { axeViolations, builtPane, eventually, screenshot, settle, user } from "./support";

type Grid = (string | number | boolean | null)[][];

const { open } = builtPane();
const TASKS = "Nhiệm vụ";
const REPORT = "Báo cáo";

async function loadPlan(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.click();
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 30000 });
  if (await page.getByTestId("error").count()) throw new Error(`the pane shows an error: ${await page.getByTestId("error").textContent()}`);
  await eventually(async () => expect(await page.locator('[data-testid="counts"] li[data-status="thieu-so-lieu"]').getAttribute("data-count")).toBe("20"), 15000);
  await settle(page);
}

/** The tasks sheet's cell for a task and a column key ("status:6m"), found by the sheet's key row and identity column. */
async function taskCell(page: Page, code: string, key: string): Promise<string> {
  const grid = await user<Grid>(page, "grid", TASKS, "A1:Z60");
  const keys = grid[0].map((k) => String(k ?? ""));
  const idCol = keys.indexOf("#ktxh:tasks");
  const col = keys.indexOf(key);
  if (idCol < 0 || col < 0) throw new Error(`the tasks sheet has no column ${key}: ${keys.filter(Boolean).join(", ")}`);
  const row = grid.findIndex((r) => r[idCol] === `n:${code}`);
  if (row < 0) throw new Error(`no task ${code}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

async function taskCounts(page: Page): Promise<Record<string, number>> {
  const block = page.getByTestId("report-tasks");
  await block.waitFor({ timeout: 15000 });
  return block.locator("li").evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.getAttribute("data-key") ?? "", Number(li.getAttribute("data-count"))])));
}

async function makeReport(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Tạo báo cáo" }).click();
  await page.getByTestId("report-outcome").waitFor({ timeout: 30000 });
  await settle(page);
}

/** The report sheet's task sentence (783/BC's "Tổng số nhiệm vụ giao: …"). */
async function reportSentence(page: Page): Promise<string> {
  const grid = await user<Grid>(page, "grid", REPORT, "A1:J120");
  const found = grid.flat().find((v) => typeof v === "string" && v.includes("Tổng số nhiệm vụ giao"));
  if (typeof found !== "string") throw new Error("the report sheet has no task sentence");
  return found;
}

// Typed as an officer would, in each period's own column: at 6 months, 1 done and 2.1 in progress;
// at the year's end, 1 and 2.1 done, 2.2 in progress, 2.3 not started.
const SIX: [string, string][] = [["1", "Hoàn thành"], ["2.1", "Đang thực hiện"]];
const YEAR: [string, string][] = [["1", "Hoàn thành"], ["2.1", "Hoàn thành"], ["2.2", "Đang thực hiện"], ["2.3", "Chưa thực hiện"]];

for (const width of [320, 450]) {
  test(`${width} px: a task's 6-month and year statuses side by side, kept by a reload, counted for the period chosen and in its report`, async () => {
    const page = await open({ width });
    await loadPlan(page);
    for (const [code, word] of SIX) await user(page, "type", TASKS, await taskCell(page, code, "status:6m"), word);
    for (const [code, word] of YEAR) await user(page, "type", TASKS, await taskCell(page, code, "status:year"), word);
    await settle(page);

    // A reload lays the sheets out again: each period's status is still in its own column.
    await loadPlan(page);
    for (const [key, typed] of [["status:6m", SIX], ["status:year", YEAR]] as const) {
      for (const [code, word] of typed) {
        expect([key, code, (await user<{ value: unknown }>(page, "cell", TASKS, await taskCell(page, code, key))).value]).toEqual([key, code, word]);
      }
    }
    expect((await user<{ value: unknown }>(page, "cell", TASKS, await taskCell(page, "2.2", "status:6m"))).value).toBe("");

    // The 6-month report counts the 6-month statuses: the year's do not leak into it.
    await page.getByTestId("period-select").selectOption("6m");
    await makeReport(page);
    expect(await page.getByTestId("report-tasks").getByRole("heading").textContent()).toBe("Nhiệm vụ đến hết kỳ “6 tháng”");
    expect(await taskCounts(page)).toMatchObject({ total: 33, done: 1, doing: 1, notStarted: 0, unreported: 31 });
    // At 30 June every task still open is within its deadline (the default plan's timings are the year's);
    // the 31 without a status are counted apart, in no timeliness count.
    expect(await reportSentence(page)).toBe(
      "Tổng số nhiệm vụ giao: 33 nhiệm vụ; đã thực hiện hoàn thành 01 nhiệm vụ, đang thực hiện 01 nhiệm vụ, chưa có báo cáo tình hình 31 nhiệm vụ." +
        " Về tiến độ: hoàn thành đúng hạn 01 nhiệm vụ, hoàn thành trễ hạn 00 nhiệm vụ, đang thực hiện trong hạn 01 nhiệm vụ, quá hạn chưa hoàn thành 00 nhiệm vụ, chưa báo cáo 31 nhiệm vụ.",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("report-tasks").scrollIntoViewIfNeeded();
    await screenshot(page, `tasks-01-6m-${width}`, false);

    // Another period chosen: the 6-month counts are not shown as its counts; its own report gives its own.
    await page.getByTestId("period-select").selectOption("year");
    await eventually(async () => {
      const heading = page.getByTestId("report-tasks").getByRole("heading");
      expect((await heading.count()) === 0 || (await heading.textContent()) === "Nhiệm vụ đến hết kỳ “Năm”").toBe(true);
    });
    await makeReport(page);
    expect(await page.getByTestId("report-tasks").getByRole("heading").textContent()).toBe("Nhiệm vụ đến hết kỳ “Năm”");
    expect(await taskCounts(page)).toMatchObject({ total: 33, done: 2, doing: 1, notStarted: 1, unreported: 29 });
    expect(await reportSentence(page)).toMatch(
      /^Tổng số nhiệm vụ giao: 33 nhiệm vụ; đã thực hiện hoàn thành 02 nhiệm vụ, đang thực hiện 01 nhiệm vụ, chưa thực hiện 01 nhiệm vụ, chưa có báo cáo tình hình 29 nhiệm vụ\. Về tiến độ: hoàn thành đúng hạn 02 nhiệm vụ, hoàn thành trễ hạn 00 nhiệm vụ,/,
    );
    // The year's report left the 6-month statuses as they were.
    for (const [code, word] of SIX) expect((await user<{ value: unknown }>(page, "cell", TASKS, await taskCell(page, code, "status:6m"))).value).toBe(word);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("report-tasks").scrollIntoViewIfNeeded();
    await screenshot(page, `tasks-02-year-${width}`, false);
  });
}
