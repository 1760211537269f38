// The production pane (dist/, as `npm test` builds it) in Chromium, with the strict in-memory Excel
// answering the office.js request: the Office.js host (src/hosts/excel) runs against it for real. Every
// other external request is blocked. Screenshots go to test-artifacts/browser/.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { DIST, axeViolations, builtPane, eventually, expandAttention, paneScripts, screenshot } from "./support";

type Item = { no: string; status: string; sheet: string; cell: string };

interface StrictWindow {
  __strictExcel: {
    user: {
      type(sheet: string, a1: string, text: string): void;
      cell(sheet: string, a1: string): { value: string | number | boolean };
      selection(): string;
      activeSheet(): string;
    };
    settle(): Promise<void>;
    handlerErrors: unknown[];
    counters: { syncs: number; requests: { ok: boolean }[] };
    setSyncLatency(ms: number): void;
  };
}

const { open } = builtPane();

async function counts(page: Page): Promise<Record<string, number>> {
  return page.locator('[data-testid="counts"] li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute("data-status") ?? "", Number(li.getAttribute("data-count"))])),
  );
}

async function waitCounts(page: Page, want: Record<string, number>): Promise<void> {
  await eventually(async () => expect(await counts(page)).toEqual(want), 10000);
}

async function items(page: Page): Promise<Map<string, Item>> {
  await expandAttention(page);
  const list = await page.locator('[data-testid="attention"] button.ktxh-item').evaluateAll((bs) =>
    bs.map((b) => ({ no: b.dataset.no ?? "", status: b.dataset.status ?? "", sheet: b.dataset.sheet ?? "", cell: b.dataset.cell ?? "" })),
  );
  return new Map(list.map((i) => [i.no, i]));
}

/** The user types into a cell in Excel; events fire as Excel would raise them. */
async function type(page: Page, item: Item, text: string): Promise<void> {
  await page.evaluate(([sheet, cell, t]) => (window as unknown as StrictWindow).__strictExcel.user.type(sheet, cell, t), [item.sheet, item.cell, text]);
}

async function strict<T>(page: Page, fn: (s: StrictWindow["__strictExcel"]) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__strictExcel)`) as Promise<T>;
}

async function loadPlan(page: Page): Promise<string> {
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15000);
  await button.click();
  // Either the outcome or an error in the pane; an error fails with the pane's own words.
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 30000 });
  const error = page.getByTestId("error");
  if (await error.count()) throw new Error(`the pane shows an error: ${await error.textContent()}`);
  return (await page.getByTestId("outcome").textContent()) ?? "";
}

const quote = (sheet: string) => (/^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

test("load the plan, type figures, watch the counts, go to a row, reload and keep every figure", async () => {
  const page = await open();
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  // The pane is drawn before its first read of the workbook ends ("Đang đọc sổ tính…" meanwhile).
  await eventually(async () => expect(await page.getByTestId("plan-name").textContent()).toBe("Chưa nạp kế hoạch nào vào sổ tính này."));
  await screenshot(page, "pane-01-open-340", false);

  expect(await loadPlan(page)).toContain("Đã nạp 20 chỉ tiêu, 33 nhiệm vụ");
  expect(await page.getByTestId("plan-name").textContent()).toContain("Bình Sơn");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 20 });
  const before = await items(page);
  expect([...before.keys()]).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  const at = (no: string) => before.get(no) as Item;

  // Good, off target and unreadable figures, typed as a vi-VN user would into the year column.
  const typed: [string, string, string | number][] = [
    ["3", "700", 700], // 623,17 planned: above
    ["4", "800", 800], // 917,57 planned: below
    ["11", "1", 1], // 01 trường: met
    ["5", "nhiều lắm", "nhiều lắm"], // not a figure
  ];
  for (const [no, text] of typed) await type(page, at(no), text);
  await strict(page, (s) => s.settle());
  await waitCounts(page, { vuot: 1, dat: 1, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 17 });
  const after = await items(page);
  expect(after.get("4")?.status).toBe("khong-dat");
  expect(after.get("5")?.status).toBe("thieu-so-lieu");
  expect(after.has("3")).toBe(false);
  expect(after.has("11")).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-02-live-340");

  // Clicking an off-target item selects its figure cell in Excel; so does Enter on a focused one.
  await page.locator('[data-testid="attention"] button[data-no="4"]').click();
  await eventually(async () => expect(await strict(page, (s) => s.user.selection())).toBe(`${quote(at("4").sheet)}!${at("4").cell}`));
  expect(await strict(page, (s) => s.user.activeSheet())).toBe(at("4").sheet);
  await page.locator('[data-testid="attention"] button[data-no="5"]').focus();
  await page.keyboard.press("Enter");
  await eventually(async () => expect(await strict(page, (s) => s.user.selection())).toBe(`${quote(at("5").sheet)}!${at("5").cell}`));

  // Loading the plan again lays the sheet out anew and keeps what was typed.
  expect(await loadPlan(page)).toContain("Đã nạp 20 chỉ tiêu");
  await waitCounts(page, { vuot: 1, dat: 1, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 17 });
  const reloaded = await items(page);
  for (const [no, , value] of typed) {
    const item = reloaded.get(no) ?? before.get(no);
    const cell = await page.evaluate(([s, c]) => (window as unknown as StrictWindow).__strictExcel.user.cell(s, c).value, [at(no).sheet, at(no).cell]);
    expect([no, item?.cell, cell]).toEqual([no, at(no).cell, value]);
  }
  // Live judgment still runs after the reload.
  await type(page, at("4"), "1000"); // en-US Excel would read "1.000" as 1
  await waitCounts(page, { vuot: 2, dat: 1, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 17 });
  expect(await strict(page, (s) => s.handlerErrors.length)).toBe(0);
});

test("a plan that drops a filled row asks first; cancelling writes nothing, confirming keeps the row", async () => {
  const page = await open();
  await loadPlan(page);
  const year = await items(page);
  const twenty = year.get("20") as Item;
  await type(page, twenty, "1500");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });

  // The same plan without target 20, as a file the user picks.
  const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../seeds/binh-son-2024.json"), "utf8")) as { targets: { no: string }[] };
  const smaller = { ...seed, targets: seed.targets.filter((t) => t.no !== "20") };
  await page.getByTestId("plan-file").setInputFiles({ name: "binh-son-2024-bot-20.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(smaller)) });
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("__file__"));

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 30000 });
  expect(await dialog.getByTestId("drop-rows").locator("li").count()).toBe(1);
  expect(await dialog.getByTestId("drop-rows").textContent()).toContain("20");
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-06-drop-dialog-340", false);
  await dialog.getByRole("button", { name: "Không nạp" }).click();
  await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã thôi nạp kế hoạch"), 15000);
  const cellValue = () => page.evaluate(([s, c]) => (window as unknown as StrictWindow).__strictExcel.user.cell(s, c).value, [twenty.sheet, twenty.cell]);
  expect(await cellValue()).toBe(1500);

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Vẫn nạp" }).click();
  await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã nạp 19 chỉ tiêu"), 30000);
  expect(await page.getByTestId("outcome").textContent()).toContain("20");
  // The 19 targets are judged; the kept row is no longer one of them.
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 19 });
  expect(await page.getByTestId("error").count()).toBe(0);
});

test("another period is judged on its own column", async () => {
  const page = await open();
  await loadPlan(page);
  const year = await items(page);
  await type(page, year.get("4") as Item, "800");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
  await page.getByTestId("period-select").selectOption("6m");
  // Target 10 is annual (a rate known only at year end): at 6 months it is not yet assessable, never missing.
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 19, "chua-danh-gia": 1 });
  const half = await items(page);
  expect(half.get("4")?.cell).not.toBe(year.get("4")?.cell);
  await type(page, half.get("4") as Item, "2000");
  await waitCounts(page, { vuot: 1, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 18, "chua-danh-gia": 1 });
  expect(await page.getByTestId("error").count()).toBe(0);
});

test("with a slow Excel the pane is usable at once: buttons enabled before the workbook answers, a load waits for the first read with its spinner", async () => {
  // Every sync takes 3 s to answer, so the pane's first read of the workbook is still out while we look.
  const page = await open({ initScript: "window.__strictExcelOptions = { syncLatencyMs: 3000 };" });
  const answered = () => strict(page, (s) => s.counters.requests.filter((r) => r.ok).length);
  const button = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 2500);
  // Usable, not a disabled screen waiting on Excel: no sync has come back yet, the first read is under way.
  // (The button is enabled at first paint, before the host's code has asked Excel anything.)
  await eventually(async () => expect(await strict(page, (s) => s.counters.syncs)).toBeGreaterThan(0), 2500);
  expect(await answered()).toBe(0);
  expect(await page.getByTestId("busy").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Chọn tệp kế hoạch…" }).isEnabled()).toBe(true);
  // A load clicked now shows its spinner at once and waits for the first read, then goes on.
  await button.click();
  await page.getByTestId("busy").waitFor();
  expect(await answered()).toBe(0);
  await strict(page, (s) => s.setSyncLatency(0));
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 30000 });
  expect(await page.getByTestId("error").count()).toBe(0);
  expect(await page.getByTestId("outcome").textContent()).toContain("Đã nạp 20 chỉ tiêu, 33 nhiệm vụ");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 20 });
  expect(await page.getByTestId("busy").count()).toBe(0);
});

test("an old Office host (Internet Explorer's document mode) gets the Vietnamese upgrade notice", async () => {
  const requests: string[] = [];
  const page = await open({
    initScript: "Object.defineProperty(Document.prototype, 'documentMode', { get: () => 11, configurable: true });",
    onPage: (p) => p.on("request", (r) => requests.push(new URL(r.url()).pathname)),
  });
  const notice = page.locator("#ktxh-unsupported");
  await notice.waitFor({ state: "visible" });
  const text = (await notice.textContent()) ?? "";
  for (const words of ["Phiên bản Office này chưa chạy được KT-XH", "Microsoft 365", "WebView2", "Excel trên web"]) expect(text).toContain(words);
  // The bundle is never run: no script tag for it. Chromium playing Internet Explorer fetches it from
  // the markup's preload links, and nothing else; a real Internet Explorer (or EdgeHTML) knows no
  // rel=preload and fetches nothing (build.test.ts reads the links).
  const bundle = paneScripts().map((f) => `/${f}`);
  expect(await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src || location.href).pathname).filter((p) => p.endsWith(".js") && !p.endsWith("office.js")))).toEqual([]);
  expect(requests.filter((p) => p.endsWith(".js") && !p.endsWith("office.js")).every((p) => bundle.includes(p))).toBe(true);
  expect(await page.locator("#container").innerHTML()).toBe("");
  await screenshot(page, "pane-03-old-host-340", false);
});

test("an Excel with only the minimum API says, in the pane, what the add-in does instead", async () => {
  const page = await open({ initScript: "window.__strictExcelOptions = { requirements: { ExcelApi: '1.8' } };" });
  const notices = page.getByTestId("notice");
  await eventually(async () => expect(await notices.count()).toBeGreaterThan(0), 15000);
  for (const text of await notices.allTextContents()) expect(text).toMatch(/ExcelApi 1\.\d+/);
  const summary = page.locator('[data-testid="notices"] summary');
  expect(await summary.textContent()).toBe(`Lưu ý: Excel này thiếu ${await notices.count()} chức năng, KT-XH làm cách khác`);
  // Folded by default; Enter on the summary opens it.
  expect(await notices.first().isVisible()).toBe(false);
  await summary.focus();
  await page.keyboard.press("Enter");
  await notices.first().waitFor({ state: "visible" });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-05-notices-340", false);
});

test("the production pane fits 320 px and passes axe with a plan loaded", async () => {
  const page = await open({ width: 320 });
  await loadPlan(page);
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 20 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-04-loaded-320", false);
  expect(fs.existsSync(path.join(DIST, "taskpane.html"))).toBe(true);
});
