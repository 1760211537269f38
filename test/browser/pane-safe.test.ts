// Issue 15's safety points in the production pane (dist/), in Chromium, over the strict in-memory Excel:
// a sheet that carries its own plan is never rewritten with the book's plan values. Each at 320 and 450 px,
// axe clean; screenshots go to test-artifacts/browser/.
import type { Page } from "playwright-core";
import { axeViolations, builtPane, eventually, expandAttention, screenshot, settle, user } from "./support";

type Grid = (string | number | boolean)[][];

const { open } = builtPane();

async function loadPlan(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.click();
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 30000 });
  if (await page.getByTestId("error").count()) throw new Error(`the pane shows an error: ${await page.getByTestId("error").textContent()}`);
  await page.getByTestId("counts").waitFor({ timeout: 15000 });
}

const COMMUNE = "Xã Bình Hải";

/**
 * A commune's sheet pasted into the district's book: its own plan values (12,5 where the district plans
 * 623,17; 3000 where it plans khoảng 72.939) and figures, one of them a number stored as text.
 */
async function communeSheet(page: Page): Promise<void> {
  await user(page, "addSheet", COMMUNE);
  const rows: string[][] = [
    ["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"],
    ["3", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "12.5", "13.1"],
    ["5", "Sản lượng lương thực cây có hạt", "tấn", "3000", "3050"],
    ["8", "Giải quyết việc làm trong năm", "người", "120", "'125"],
    ["9", "Tỷ lệ lao động qua đào tạo", "%", "khoảng 45", "46"],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => void user(page, "type", COMMUNE, `${"ABCDE"[c]}${i + 1}`, v)));
  await settle(page);
}

for (const width of [320, 450]) {
  test(`${width} px: Sửa tất cả on a commune's sheet checked against the district's plan leaves its own plan alone and offers its own plan`, async () => {
    const page = await open({ width });
    await loadPlan(page);
    await communeSheet(page);
    const planBefore = await user<Grid>(page, "grid", COMMUNE, "D1:D5");

    await page.getByRole("button", { name: "Kiểm tra số liệu" }).click();
    await page.getByTestId("check-counts").waitFor({ timeout: 30000 });
    const group = page.locator(`[data-testid="issue-group"][data-sheet="${COMMUNE}"]`);
    // Said once, at the plan column's header, with the way to check against the sheet's own plan.
    const own = group.locator('[data-testid="issue"][data-code="plan.sheet-own"]');
    await expect(own.count()).resolves.toBe(1);
    expect(await own.textContent()).toContain("kế hoạch riêng");
    expect(await group.locator('[data-testid="issue"][data-code="plan.differs"]').count()).toBe(0);
    // No single fix on the plan column.
    const fixable = await group.locator('[data-testid="issue"]').evaluateAll((lis) =>
      lis.filter((li) => li.querySelector(".ktxh-issue-fix[aria-label]")).map((li) => li.getAttribute("data-cell") ?? ""),
    );
    expect(fixable.filter((c) => c.startsWith("D"))).toEqual([]);
    expect(fixable).toContain("E4");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `safe-01-own-plan-${width}`);

    // "Sửa tất cả": old → new for every cell, none of them the commune's plan.
    await page.getByRole("button", { name: /^Sửa tất cả/ }).click();
    const items = await page.getByTestId("confirm-items").locator("li").allTextContents();
    expect(items.some((t) => t.includes(COMMUNE) && /ô D\d/.test(t))).toBe(false);
    expect(items.some((t) => t.includes(COMMUNE) && t.includes("ô E4"))).toBe(true);
    await page.getByRole("alertdialog").getByRole("button", { name: "Sửa tất cả" }).click();
    await page.getByTestId("check-outcome").waitFor({ timeout: 30000 });
    await settle(page);
    expect(await user<Grid>(page, "grid", COMMUNE, "D1:D5")).toEqual(planBefore);
    expect((await user<{ value: unknown }>(page, "cell", COMMUNE, "E4")).value).toBe(125);

    // Checked against its own plan: said so, and still nothing proposed for its plan values.
    await eventually(async () => expect(await page.getByTestId("check-own-plans").isEnabled()).toBe(true), 30000);
    await page.getByTestId("check-own-plans").click();
    await eventually(async () => expect(await group.locator('[data-testid="issue"][data-code="plan.sheet-own-checked"]').count()).toBe(1), 30000);
    expect(await group.locator('[data-testid="issue"][data-code="plan.sheet-own"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `safe-02-own-plan-checked-${width}`);
  });
}

/** Where the attention list takes the user for target `no`: its figure cell for the period. */
async function figureCell(page: Page, no: string): Promise<{ sheet: string; cell: string }> {
  await expandAttention(page);
  const b = page.locator(`[data-testid="attention"] button.ktxh-item[data-no="${no}"]`);
  return { sheet: (await b.getAttribute("data-sheet")) ?? "", cell: (await b.getAttribute("data-cell")) ?? "" };
}

async function counts(page: Page): Promise<Record<string, number>> {
  return page.locator('[data-testid="counts"] li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute("data-status") ?? "", Number(li.getAttribute("data-count"))])),
  );
}

for (const width of [320, 450]) {
  test(`${width} px: a figure typed into a protected targets sheet is counted, nothing is written, and the pane says why and how to unprotect`, async () => {
    const page = await open({ width });
    await loadPlan(page);
    const four = await figureCell(page, "4");
    await user(page, "protect", four.sheet);
    await user(page, "type", four.sheet, four.cell, "950");
    const typed = await user<Grid>(page, "grid", four.sheet);
    await settle(page);
    await eventually(async () => expect((await counts(page)).vuot).toBe(1), 15000);
    const stale = page.getByTestId("stale");
    await stale.waitFor({ timeout: 15000 });
    const text = (await stale.textContent()) ?? "";
    expect(text).toContain(`Trang “${four.sheet}” đang được bảo vệ`);
    expect(text).toContain("chỉ tiêu 4");
    expect(text).toContain("Bỏ bảo vệ trang tính");
    await settle(page);
    // Nothing half-written: the sheet holds what was typed, no status.
    expect(await user<Grid>(page, "grid", four.sheet)).toEqual(typed);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await stale.scrollIntoViewIfNeeded();
    await screenshot(page, `safe-03-protected-${width}`, false);

    // Unprotected, "Kiểm tra lại" writes the statuses and the notice goes.
    await user(page, "unprotect", four.sheet);
    await stale.getByRole("button", { name: "Kiểm tra lại" }).click();
    await eventually(async () => expect(await page.getByTestId("stale").count()).toBe(0), 15000);
    await settle(page);
    expect(await user<Grid>(page, "grid", four.sheet)).not.toEqual(typed);
  });
}

/** The row (1-based) of the targets sheet whose hidden identity ends with `suffix`. */
async function rowById(page: Page, sheet: string, suffix: string): Promise<number> {
  const grid = await user<Grid>(page, "grid", sheet);
  const idCol = grid[0].findIndex((v) => typeof v === "string" && v.startsWith("#ktxh:"));
  const r = grid.findIndex((row) => typeof row[idCol] === "string" && (row[idCol] as string).endsWith(suffix));
  if (r < 0) throw new Error(`no row ${suffix}`);
  return r + 1;
}

for (const width of [320, 450]) {
  test(`${width} px: input cells are filled with a legend above the table; a typed traffic criterion the counts overrule is said in the reason, kept in its cell`, async () => {
    const page = await open({ width });
    await loadPlan(page);
    const target = await figureCell(page, "18");
    const sheet = target.sheet;
    const column = target.cell.replace(/\d+$/, "");
    const row = Number(target.cell.slice(column.length));
    const grid = await user<Grid>(page, "grid", sheet);
    const letterOf = (header: string) => {
      const h = grid.find((r) => r.includes(header));
      if (!h) throw new Error(`no column ${header}`);
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[h.indexOf(header)];
    };
    const statusCol = letterOf("Trạng thái");
    const fill = async (a1: string) => (await user<{ fill: string }>(page, "cell", sheet, a1)).fill.toUpperCase();
    // The figure cell is filled, the status cell the add-in writes is not; the legend says what the fill means.
    expect(await fill(target.cell)).toContain("FFF2CC");
    expect(await fill(`${statusCol}${row}`)).not.toContain("FFF2CC");
    const legend = grid.findIndex((r) => r.some((v) => typeof v === "string" && v.startsWith("Ô nền vàng nhạt: ô nhập")));
    expect(legend).toBeGreaterThan(0);
    expect(legend).toBeLessThan(grid.findIndex((r) => r.includes("Trạng thái")));
    expect(await fill(`A${legend + 1}`)).toContain("FFF2CC");

    // Accidents and deaths fell, injuries rose: the counts say 2 criteria; the officer typed 1.
    const counts: [string, number][] = [["accidents:prev", 10], ["accidents:cur", 8], ["deaths:prev", 3], ["deaths:cur", 2], ["injuries:prev", 5], ["injuries:cur", 7]];
    for (const [id, n] of counts) await user(page, "type", sheet, `${column}${await rowById(page, sheet, id)}`, String(n));
    await user(page, "type", sheet, target.cell, "giảm 01 tiêu chí");
    await settle(page);
    const reasonCol = letterOf("Lý do");
    await eventually(async () => expect(String((await user<{ value: unknown }>(page, "cell", sheet, `${reasonCol}${row}`)).value)).toContain("Ghi giảm 1 tiêu chí nhưng số liệu tai nạn giao thông cho thấy giảm 2 tiêu chí"), 15000);
    const reason = String((await user<{ value: unknown }>(page, "cell", sheet, `${reasonCol}${row}`)).value);
    expect(reason).toContain("Điều chỉnh đánh giá");
    expect(reason).toContain("đã đánh giá theo số tính được, số đã ghi vẫn giữ trong ô");
    expect((await user<{ value: unknown }>(page, "cell", sheet, target.cell)).value).toBe("giảm 01 tiêu chí");
    // The pane's list shows the same reason at target 18.
    await expandAttention(page);
    const item = page.locator('[data-testid="attention"] button.ktxh-item[data-no="18"]');
    await eventually(async () => expect(await item.textContent()).toContain("Ghi giảm 1 tiêu chí nhưng số liệu tai nạn giao thông cho thấy giảm 2 tiêu chí"), 15000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, `safe-04-traffic-${width}`, false);
  });
}
