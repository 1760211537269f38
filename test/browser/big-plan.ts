/**
 * A plan of many targets in the built pane on the strict Excel, as a month's work looks: loaded from
 * a file, figures typed for half of them (every other one off target), the list folded back. Shared by
 * the browser test of the list and `npm run bench` (pane.height.500.px, pane.tabs.to.check.500).
 */
import type { Page } from "playwright-core";
import { expandAttention } from "./support";

/** Waits until `read` gives `want` (no jest here: the bench uses this too). */
async function until(what: string, read: () => Promise<string | null>, want: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let got: string | null = null;
  while (Date.now() < end) {
    got = await read();
    if (got === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: ${String(got)}, expected ${want}`);
}

export function bigPlan(n: number): object {
  return {
    id: `ke-hoach-${n}`,
    unit: "UBND xã Thử Nghiệm",
    year: 2024,
    source: { document: `Kế hoạch ${n} chỉ tiêu`, file: null },
    targets: Array.from({ length: n }, (_, i) => ({ no: String(i + 1), name: `Chỉ tiêu thử số ${i + 1}`, unit: "tỷ đồng", target: String(100 + i) })),
  };
}

interface StrictUser {
  type(sheet: string, a1: string, text: string): void;
}

/** Loads an `n`-target plan from a file and types figures for every second target (half of those below plan). */
export async function loadBigPlan(page: Page, n: number): Promise<void> {
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  await page.getByTestId("plan-file").setInputFiles({ name: `ke-hoach-${n}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bigPlan(n))) });
  await until("plan picked", () => page.getByTestId("plan-select").inputValue(), "__file__", 15000);
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 120000 });
  if (await page.getByTestId("error").count()) throw new Error(`the pane shows an error: ${await page.getByTestId("error").textContent()}`);
  const missing = () => page.locator('[data-group="thieu-so-lieu"]').getAttribute("data-count", { timeout: 120000 });
  await until("targets without a figure", missing, String(n), 60000);
  await expandAttention(page);
  const cells = await page.locator('[data-testid="attention"] button.ktxh-item').evaluateAll((bs) => bs.map((b) => [b.dataset.no ?? "", b.dataset.sheet ?? "", b.dataset.cell ?? ""]));
  const typed = cells.filter(([no]) => Number(no) % 2 === 0).map(([no, sheet, cell]) => {
    const planned = 100 + Number(no) - 1;
    return [sheet, cell, String(Number(no) % 4 === 0 ? planned - 50 : planned + 10)];
  });
  await page.evaluate((list) => {
    const u = (window as unknown as { __strictExcel: { user: StrictUser } }).__strictExcel.user;
    for (const [sheet, cell, text] of list) u.type(sheet, cell, text);
  }, typed);
  const half = Math.floor(n / 2);
  await until("targets without a figure", missing, String(n - half), 120000);
  // The list as an officer finds it on opening: every group folded.
  for (;;) {
    const fold = page.locator('[data-testid="attention-fold"]');
    if ((await fold.count()) === 0) break;
    await fold.first().click();
  }
}

/** The pane's scroll height in CSS pixels. */
export function paneHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/**
 * Keys from the pane's first focusable element to the check's button "Kiểm tra số liệu": Tab,
 * and Enter where the focus is on the "Đi tới" link to the check. Every press is counted.
 */
export async function keysToCheck(page: Page): Promise<number> {
  // Start on the pane's title (focused for a moment), so the first Tab lands on the first focusable element.
  await page.evaluate(() => {
    const h = document.querySelector("h1") as HTMLElement;
    h.tabIndex = -1;
    h.focus();
    h.removeAttribute("tabindex");
  });
  await page.keyboard.press("Tab"); // onto the first focusable element: not counted
  for (let presses = 0; presses < 300; presses++) {
    const at = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      if (el.getAttribute("data-focus") === "check-run") return "check";
      if (el.tagName === "A" && el.closest('[data-testid="goto"]') && el.getAttribute("href") === "#check-run") return "link";
      return "";
    });
    if (at === "check") return presses;
    await page.keyboard.press(at === "link" ? "Enter" : "Tab");
  }
  throw new Error("the check's button was not reached in 300 keys");
}
