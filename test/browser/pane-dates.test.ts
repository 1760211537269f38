// A figure Excel turned into a date (issue 16): in the production pane (dist/), in Chromium, with the strict
// Excel in an en-US culture answering for office.js. "7-8" typed in a figure cell becomes 8 July; the row
// waits for review, the check names the cell as a date typed where a figure belongs, and its one-click fix
// puts back "7-8" as text, at 320 and 450 px.
import type { Page } from "playwright-core";
import { axeViolations, builtPane, eventually, expandAttention, screenshot, settle, user } from "./support";

const { open } = builtPane();

async function counts(page: Page): Promise<Record<string, number>> {
  return page.locator('[data-testid="counts"] li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute("data-status") ?? "", Number(li.getAttribute("data-count"))])),
  );
}

test.each([320, 450])("at %i px, 7-8 that Excel made a date is reported at its cell and put back as 7-8 by Sửa", async (width) => {
  const page = await open({ width, initScript: "window.__strictExcelOptions = { culture: 'en-US', year: 2024 };" });
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.click();
  await page.getByTestId("outcome").waitFor({ timeout: 30000 });
  await eventually(async () => expect(await page.locator('[data-group="thieu-so-lieu"]').getAttribute("data-count")).toBe("20"), 15000);
  await expandAttention(page);
  const three = await page.locator('[data-testid="attention"] button.ktxh-item[data-no="13"]').evaluate((b) => ({ sheet: (b as HTMLElement).dataset.sheet ?? "", cell: (b as HTMLElement).dataset.cell ?? "" }));

  await user(page, "type", three.sheet, three.cell, "7-8");
  const date = await user<{ value: unknown; numberFormat: string }>(page, "cell", three.sheet, three.cell);
  expect(typeof date.value).toBe("number");
  await settle(page);
  await eventually(async () => expect((await counts(page))["xem-lai"]).toBe(1), 15000);

  await page.getByRole("button", { name: "Kiểm tra số liệu" }).click();
  await page.getByTestId("check-counts").waitFor({ timeout: 30000 });
  const issue = page.locator(`[data-testid="issue"][data-code="value.date"][data-cell="${three.cell}"]`);
  expect(await issue.count()).toBe(1);
  expect(await issue.textContent()).toContain("08/07");
  expect(await issue.textContent()).toContain('"7-8"');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `dates-01-check-${width}`);

  // "Sửa tất cả" says the cell's old value as the officer sees it (8 July in en-US), not Excel's serial.
  await page.getByRole("button", { name: /^Sửa tất cả/ }).click();
  const items = await page.getByTestId("confirm-items").locator("li").allTextContents();
  expect(items.filter((t) => t.includes(`ô ${three.cell}`))).toEqual([expect.stringContaining("08/07/2024 → 7-8")]);
  expect(items.join("\n")).not.toMatch(/45\.?4\d\d/);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `dates-01b-fix-all-${width}`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Không sửa" }).click();

  await issue.getByRole("button", { name: /^Sửa/ }).click();
  await page.getByTestId("check-outcome").waitFor({ timeout: 30000 });
  expect(await page.getByTestId("check-outcome").textContent()).toContain("Đã sửa 1 ô");
  const fixed = await user<{ value: unknown; type: string }>(page, "cell", three.sheet, three.cell);
  expect([fixed.value, fixed.type]).toEqual(["7-8", "String"]);
  // Judged again on the range put back: no longer a row to review.
  await settle(page);
  await eventually(async () => expect((await counts(page))["xem-lai"]).toBe(0), 15000);
  await eventually(async () => expect(await page.locator(`[data-testid="issue"][data-code="value.date"]`).count()).toBe(0), 15000);
});
