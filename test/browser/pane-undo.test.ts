// "Hoàn tác" in the production pane (dist/), in Chromium, with the strict in-memory Excel answering
// for office.js: after "Sửa tất cả", the button undoes the fix from the book's history, leaves a cell
// typed since as it is and says so; at 450 and 320 px, axe clean. Screenshots in test-artifacts/browser/.
import type { Page } from "playwright-core";
import { axeViolations, builtPane, eventually, expandAttention, screenshot, settle, user } from "./support";

type Item = { no: string; sheet: string; cell: string };

const { open } = builtPane();

const value = async (page: Page, i: Item) => (await user<{ value: unknown }>(page, "cell", i.sheet, i.cell)).value;

async function loadPlan(page: Page): Promise<Map<string, Item>> {
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.click();
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 30000 });
  // The counts, not the grouped list (issue 15 point 1): this test is about its own point.
  await eventually(async () => expect(await page.locator('[data-testid="counts"] li[data-status="thieu-so-lieu"]').getAttribute("data-count")).toBe("20"), 15000);
  await expandAttention(page);
  const list = await page.locator('[data-testid="attention"] button.ktxh-item').evaluateAll((bs) =>
    bs.map((b) => ({ no: b.dataset.no ?? "", sheet: b.dataset.sheet ?? "", cell: b.dataset.cell ?? "" })),
  );
  return new Map(list.map((i) => [i.no, i]));
}

for (const width of [450, 320]) {
  test(`Hoàn tác after Sửa tất cả puts the old values back, keeps a value typed since and names it (${width} px)`, async () => {
    const page = await open({ width });
    const items = await loadPlan(page);
    const three = items.get("3") as Item;
    const eight = items.get("8") as Item;
    await user(page, "type", three.sheet, three.cell, "'650,2");
    await user(page, "type", eight.sheet, eight.cell, "1.720");
    await settle(page);
    expect(await page.getByTestId("undo").count()).toBe(0);

    await page.getByRole("button", { name: "Kiểm tra số liệu" }).click();
    await page.getByTestId("check-counts").waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: /^Sửa tất cả \(\d+\)$/ }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sửa tất cả" }).click();
    await page.getByTestId("check-outcome").waitFor({ timeout: 30000 });
    expect([await value(page, three), await value(page, eight)]).toEqual([650.2, 1720]);

    // The button offers the fix just made, with what it would do.
    const undo = page.getByRole("button", { name: "Hoàn tác" });
    await eventually(async () => expect(await undo.isEnabled()).toBe(true), 15000);
    expect(await page.getByTestId("undo-hint").textContent()).toMatch(/^Hoàn tác lần sửa theo kiểm tra lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(\d+ ô\)/);

    // The officer types a new figure for target 8 after the fix: the undo must not write over it.
    await user(page, "type", eight.sheet, eight.cell, "1730");
    await settle(page);
    await undo.click();
    const outcome = page.getByTestId("undo-outcome");
    await outcome.waitFor({ timeout: 30000 });
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("undo-outcome"));
    const text = (await outcome.textContent()) ?? "";
    expect(text).toContain("Đã hoàn tác: trả lại giá trị cũ cho");
    expect(text).toContain(`ô ${eight.cell}, chỉ tiêu 8: đã đổi từ lúc đó (nay là 1.730), không ghi đè`);
    expect(await value(page, three)).toBe("650,2");
    expect(await value(page, eight)).toBe(1730);
    expect(await user<string[]>(page, "sheetNames")).toContain("Lịch sử số liệu");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("check").scrollIntoViewIfNeeded();
    await screenshot(page, `undo-01-${width}`);
  });
}
