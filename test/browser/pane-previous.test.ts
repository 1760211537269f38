// Issue 18 "Same period last year" in the production pane (dist/) on the strict Excel, in Chromium: the
// default 2024 plan loaded, "Lấy số liệu năm trước" with a 2023 book made by `ktxh init` picked in the file
// chooser (read in the browser by the same reader as the CLI), the matching shown, one match corrected
// (this year's 14 has no counterpart), the 2023 figures written to the Cùng kỳ năm trước column, and the
// 6-month report's "So với cùng kỳ (%)" from it. At 320 and 450 px, axe clean, screenshots kept.
import type { Page } from "playwright-core";
import { builtInPlan } from "../../src/seeds";
import { findLayoutSheets, initWorkbook } from "../../src/hosts/xlsx/workbook-init";
import { CONTENT_TYPES, WORKBOOK, deflated, deflatedRepeat, zip } from "../xlsx/bomb";
import { axeViolations, builtPane, eventually, screenshot, settle, user } from "./support";

jest.setTimeout(300_000);

const { open } = builtPane();
const SHEET = "Chỉ tiêu";

async function book2023(): Promise<Buffer> {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("plan");
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const t = findLayoutSheets(workbook).targets;
  const col = t?.sheet.columns.find((c) => c.key === "p:6m");
  if (!t || !col) throw new Error("no 6m column");
  const figures: Record<string, number> = { "3": 300, "8": 800, "14": 7 };
  for (const row of t.sheet.rows) {
    const no = (row.id ?? "").slice(2);
    if ((row.id ?? "").startsWith("t:") && figures[no] !== undefined) t.worksheet.getCell(row.index + 1, col.index + 1).value = figures[no];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The A1 address of a row (by identity) and column (by key) on the targets sheet, as the strict Excel holds it now. */
async function cellOf(page: Page, id: string, key: string): Promise<string> {
  const g = await user<unknown[][]>(page, "grid", SHEET, "A1:AZ80");
  const idCol = g[0].findIndex((v) => typeof v === "string" && v.startsWith("#ktxh:"));
  const col = g[0].indexOf(key);
  const row = g.findIndex((r) => r[idCol] === id);
  if (idCol < 0 || col < 0 || row < 0) throw new Error(`no cell ${id}/${key}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

for (const width of [320, 450]) {
  test(`${width} px: last year's book picked, a match corrected, the Cùng kỳ column written, the 6-month report compares with it`, async () => {
    const page = await open({ width });
    const load = page.getByRole("button", { name: "Nạp kế hoạch" });
    await eventually(async () => expect(await load.isEnabled()).toBe(true), 15000);
    await load.click();
    await page.getByTestId("outcome").waitFor({ timeout: 60000 });
    await page.getByTestId("period-select").selectOption("6m");
    for (const [no, v] of [["3", "400.5"], ["8", "900"]] as const) await user(page, "type", SHEET, await cellOf(page, `t:${no}`, "p:6m"), v);
    await settle(page);

    // Folded until wanted.
    const pick = page.getByTestId("previous-pick");
    await eventually(async () => expect(await page.getByTestId("previous").count()).toBe(1), 30000);
    expect(await pick.isVisible()).toBe(false);
    await page.getByText("Số liệu năm trước", { exact: true }).click();
    await eventually(async () => expect(await pick.isEnabled()).toBe(true), 15000);
    await page.getByTestId("previous-file").setInputFiles({ name: "binh-son-2023.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await book2023() });
    await page.getByTestId("previous-matching").waitFor({ timeout: 60000 });
    expect(await page.getByTestId("previous-error").count()).toBe(0);

    // Every line, then the officer's correction: this year's 14 has no counterpart in 2023.
    await page.getByTestId("previous-all").click();
    const lines = page.getByTestId("previous-line");
    expect(await lines.count()).toBe(builtInPlan("binh-son-2024")?.targets.length);
    const line3 = page.locator('[data-testid="previous-line"][data-no="3"]');
    expect(await line3.getAttribute("data-how")).toBe("number-and-name");
    expect(await line3.locator("select").inputValue()).toBe("3");
    const line14 = page.locator('[data-testid="previous-line"][data-no="14"]');
    await line14.locator("select").selectOption("");
    expect(await line14.getAttribute("data-how")).toBe("officer");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await line14.scrollIntoViewIfNeeded();
    await screenshot(page, `previous-01-matching-${width}`, false);

    await page.getByTestId("previous-write").click();
    await page.getByTestId("previous-done").waitFor({ timeout: 60000 });
    await settle(page);
    const value = async (no: string) => (await user<{ value: unknown }>(page, "cell", SHEET, await cellOf(page, `t:${no}`, "prev:6m"))).value;
    expect([await value("3"), await value("8"), await value("14")]).toEqual([300, 800, ""]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("previous-done").scrollIntoViewIfNeeded();
    await screenshot(page, `previous-02-written-${width}`, false);

    // The 6-month report from the pane: So với cùng kỳ from the column (400,5 / 300; 900 / 800).
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await page.getByTestId("report-outcome").waitFor({ timeout: 60000 });
    const grid = await user<unknown[][]>(page, "grid", "Báo cáo", "A1:L60");
    const header = grid.find((r) => r.includes("So với cùng kỳ (%)")) ?? [];
    const col = header.indexOf("So với cùng kỳ (%)");
    expect(col).toBeGreaterThan(0);
    const at = (no: string): string => String(grid.find((r) => r[0] === no)?.[col]);
    expect([at("3"), at("8")]).toEqual(["133.5", "112.5"]);
    expect(at("14")).not.toMatch(/\d/);
  });
}

test("a zip bomb whose directory lies about its sizes is refused in the browser (bounded DecompressionStream), nothing expanded past the limit", async () => {
  const strings = await deflatedRepeat("xl/sharedStrings.xml", "<sst>", "<si><t>Tổng giá trị sản xuất</t></si>", 15_000_000, "</sst>");
  // About 500 MB of shared strings, declared as small as their compressed data: the directory check sees nothing wrong.
  const bomb = zip([deflated("[Content_Types].xml", CONTENT_TYPES), deflated("xl/workbook.xml", WORKBOOK), { ...strings, size: strings.data.length }]);
  const page = await open({ width: 320 });
  const load = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await load.isEnabled()).toBe(true), 15000);
  await load.click();
  await page.getByTestId("outcome").waitFor({ timeout: 60000 });
  await eventually(async () => expect(await page.getByTestId("previous").count()).toBe(1), 30000);
  await page.getByText("Số liệu năm trước", { exact: true }).click();
  const t0 = Date.now();
  await page.getByTestId("previous-file").setInputFiles({ name: "noi-doi.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb });
  const error = page.getByTestId("previous-error");
  await error.waitFor({ timeout: 60000 });
  const text = (await error.textContent()) ?? "";
  expect(text).toContain("noi-doi.xlsx");
  expect(text).toContain("Tệp quá lớn để kiểm tra");
  expect(text).toContain("giới hạn là 50 MB");
  // Refused within the budget (a few seconds on a loaded machine), the page's heap never holding the ~500 MB.
  expect(Date.now() - t0).toBeLessThan(30000);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  expect(heap).toBeLessThan(300 * 1024 * 1024);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "previous-03-bomb-320", false);
});
