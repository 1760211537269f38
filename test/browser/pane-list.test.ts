// The list of a month's work in the production pane on the strict Excel (issue 15, point 1): grouped by
// status (Không đạt, Cần xem lại, Chưa có số liệu), folded past a handful, a filter and a search, the
// "Đi tới" links, and focus on the result of each action; at 320 and 450 px, axe-clean.
import type { Page } from "playwright-core";
import { keysToCheck, loadBigPlan, paneHeight } from "./big-plan";
import { axeViolations, builtPane, eventually, screenshot } from "./support";

const { open } = builtPane();

const shown = (page: Page) =>
  page.locator('[data-testid="attention"] button.ktxh-item').evaluateAll((bs) => bs.map((b) => `${b.dataset.status}:${b.dataset.no}`));
const groups = (page: Page) =>
  page.locator('[data-testid="attention"] [data-group]').evaluateAll((gs) => gs.map((g) => `${g.getAttribute("data-group")}:${g.getAttribute("data-count")}`));
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute("data-focus") ?? el?.getAttribute("data-no") ?? el?.tagName ?? "";
  });

test.each([320, 450])("at %i px: 60 targets, half with figures, grouped and folded, filtered, searched, every action a few keys away", async (width) => {
  const page = await open({ width });
  await loadBigPlan(page, 60);
  // Off target first, then the missing ones; each group says how many it holds and shows a handful.
  expect(await groups(page)).toEqual(["khong-dat:15", "thieu-so-lieu:30"]);
  expect(await shown(page)).toEqual(["khong-dat:4", "khong-dat:8", "khong-dat:12", "khong-dat:16", "thieu-so-lieu:1", "thieu-so-lieu:3", "thieu-so-lieu:5", "thieu-so-lieu:7"]);
  expect(await paneHeight(page)).toBeLessThanOrEqual(2000);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `list-01-folded-${width}`);
  // The search box's placeholder shows whole (measured at the box's own font), and the template link
  // starts where the hint's text does when it wraps under it, or sits on the hint's line.
  const fit = await page.getByTestId("attention-search").evaluate((el) => {
    const input = el as HTMLInputElement;
    const cs = getComputedStyle(input);
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return { placeholder: input.placeholder, text: ctx.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
  });
  expect(fit.placeholder.length).toBeGreaterThan(0);
  expect(fit.text).toBeLessThanOrEqual(fit.room);
  const template = await page.getByTestId("plan-template").evaluate((b) => {
    const hint = b.parentElement!;
    const lines = document.createRange();
    lines.selectNodeContents(hint);
    const first = lines.getClientRects()[0];
    const words = document.createRange();
    words.selectNodeContents(b);
    const t = words.getClientRects()[0];
    return { wrapped: t.top > first.bottom - 2, hintLeft: hint.getBoundingClientRect().left, textLeft: t.left, textBottom: t.bottom, firstBottom: first.bottom };
  });
  if (template.wrapped) expect(Math.abs(template.textLeft - template.hintLeft)).toBeLessThan(0.5);
  else expect(Math.abs(template.textBottom - template.firstBottom)).toBeLessThanOrEqual(2);

  // "Hiện thêm" shows more, and focus lands on the first row it brought in.
  await page.locator('[data-group="khong-dat"] [data-testid="attention-more"]').click();
  await eventually(async () => expect(await focused(page)).toBe("20"));
  expect((await shown(page)).filter((s) => s.startsWith("khong-dat")).length).toBe(15);

  // The filter keeps one status; the search finds by number (from its start) or by name, diacritics aside.
  await page.getByTestId("attention-filter").selectOption("thieu-so-lieu");
  expect(await groups(page)).toEqual(["thieu-so-lieu:30"]);
  await page.getByTestId("attention-filter").selectOption("all");
  await page.getByTestId("attention-search").fill("5");
  expect(await shown(page)).toEqual(["khong-dat:52", "khong-dat:56", "thieu-so-lieu:5", "thieu-so-lieu:51", "thieu-so-lieu:53", "thieu-so-lieu:55"]);
  await page.getByTestId("attention-search").fill("thu so 8");
  expect(await shown(page)).toEqual(["khong-dat:8"]);
  await page.getByTestId("attention-search").fill("không có");
  expect(await page.getByTestId("attention-none").count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId("attention-search").fill("");

  // From the pane's first focusable element the check is at most 6 keys away ("Đi tới"), and after
  // Enter on it focus lands on the check's results, not on the page's body.
  const keys = await keysToCheck(page);
  expect(keys).toBeLessThanOrEqual(6);
  await page.keyboard.press("Enter");
  await eventually(async () => expect(await focused(page)).toBe("check-results"), 30000);
  // "Kiểm tra lại" puts focus on the counts it refreshed.
  await page.getByRole("button", { name: "Kiểm tra lại" }).click();
  await eventually(async () => expect(await focused(page)).toBe("counts"), 30000);
  // Each "Đi tới" link puts focus on its section.
  for (const [link, target] of [["Chỉ tiêu", "section-list"], ["Báo cáo", "section-report"], ["Kế hoạch", "section-plan"], ["Kết quả", "section-results"]]) {
    await page.getByTestId("goto").getByRole("link", { name: link, exact: true }).click();
    expect(await focused(page)).toBe(target);
  }
  await screenshot(page, `list-02-checked-${width}`);
}, 240000);

test("after a load focus lands on its outcome; the outcome is dismissable, and goes by itself once focus has left it", async () => {
  const page = await open();
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.focus();
  await page.keyboard.press("Enter");
  await eventually(async () => expect(await focused(page)).toBe("outcome"), 30000);
  // "Đóng" closes it, and focus goes to the results rather than the page's body.
  await page.getByTestId("outcome-close").click();
  expect(await page.getByTestId("outcome").count()).toBe(0);
  expect(await focused(page)).toBe("section-results");
  // Loaded again: while focus is in the notice it stays; once focus moves on it goes (a confirmation only).
  await button.click();
  await page.getByTestId("outcome").waitFor({ timeout: 30000 });
  await page.getByTestId("period-select").focus();
  await page.getByTestId("outcome").waitFor({ state: "detached", timeout: 15000 });
  // Gone by itself, it leaves the user's focus where it was.
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("period-select");
  expect(await axeViolations(page)).toEqual([]);
}, 60000);
