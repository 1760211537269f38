// The pane itself in Chromium, over the in-memory FakeWorkbook (fake-host.ts) judged by the real core:
// loading, live counts, the list and its keyboard use, the period switch, plan files good and bad,
// the drop confirmation, host faults, and axe-core. The Office.js path is in pane.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { planTemplateCsv } from "../../src/core/plan-template";
import { type Opened, type Server, axeViolations, bundle, eventually, launch, openPage, screenshot, serve } from "./support";

let dir: string;
let server: Server;
let browser: Browser;
let opened: Opened[] = [];

beforeAll(async () => {
  dir = await bundle({ harness: "./test/browser/harness.tsx" });
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>KT-XH (thử)</title>
<style>html,body{margin:0;padding:0}body{font-family:"Segoe UI",sans-serif}</style></head>
<body><div id="container"></div><script src="harness.js"></script></body></html>`,
  );
  server = await serve({ "/": dir });
  browser = await launch();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const o of opened) {
    expect(o.errors).toEqual([]);
    expect(o.blocked).toEqual([]);
    await o.context.close();
  }
  opened = [];
});

async function open(query = "", width = 340, height = 900): Promise<Page> {
  const o = await openPage(browser, server.origin, { width, height });
  opened.push(o);
  await o.page.goto(`${server.origin}/index.html${query}`);
  await o.page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  return o.page;
}

/** The four counts as the pane shows them, read from its tiles. */
async function counts(page: Page): Promise<Record<string, number>> {
  return page.locator('[data-testid="counts"] li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute("data-status") ?? "", Number(li.getAttribute("data-count"))])),
  );
}

async function waitCounts(page: Page, want: Record<string, number>): Promise<void> {
  await eventually(async () => expect(await counts(page)).toEqual(want));
}

async function calls(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__fake.calls);
}

async function loadBuiltIn(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.getByTestId("outcome").waitFor();
}

test("a fresh workbook: no plan, the built-in plans offered, no axe violations", async () => {
  const page = await open();
  await expect(page.getByTestId("plan-name").textContent()).resolves.toBe("Chưa nạp kế hoạch nào vào sổ tính này.");
  const options = () => page.getByTestId("plan-select").locator("option").allTextContents();
  await eventually(async () => expect(await options()).toEqual(["UBND huyện Bình Sơn – năm 2024", "UBND huyện Bình Sơn – năm 2023"]));
  const periods = await page.getByTestId("period-select").locator("option").allTextContents();
  expect(periods.slice(0, 7)).toEqual(["Năm", "9 tháng", "6 tháng", "Quý I", "Quý II", "Quý III", "Quý IV"]);
  expect(periods.slice(7)).toEqual(Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`));
  await expect(page.getByRole("button", { name: "Kiểm tra lại" }).isDisabled()).resolves.toBe(true);
  expect(await calls(page)).toEqual(["readState"]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-01-fresh-340");
});

test("loading a plan starts live judgment; typed figures move the counts and the list", async () => {
  const page = await open();
  await loadBuiltIn(page);
  expect(await page.getByTestId("outcome").textContent()).toContain("Đã nạp 20 chỉ tiêu, 33 nhiệm vụ.");
  expect(await page.getByTestId("plan-name").textContent()).toContain("Bình Sơn");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 20 });
  await eventually(async () => expect(await calls(page)).toEqual(["readState", "loadPlan binh-son-2024 6m,9m,year", "readState", "watch year"]));

  await page.evaluate(() => {
    window.__fake.type("year", "3", "700"); // 623,17 planned: above
    window.__fake.type("year", "4", "800"); // 917,57 planned: below
    window.__fake.type("year", "11", "1"); // 01 trường: met
    window.__fake.type("year", "5", "nhiều lắm"); // not a figure
  });
  await waitCounts(page, { vuot: 1, dat: 1, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 17 });
  // Grouped by status, off target first: 1 Không đạt, 17 without a figure.
  await expect(page.locator('[data-group="khong-dat"]').getAttribute("data-count")).resolves.toBe("1");
  await expect(page.locator('[data-group="thieu-so-lieu"]').getAttribute("data-count")).resolves.toBe("17");
  const four = page.locator('[data-testid="attention"] button[data-no="4"]');
  await expect(four.getAttribute("data-status")).resolves.toBe("khong-dat");
  expect(await four.textContent()).toContain("Không đạt");
  const five = page.locator('[data-testid="attention"] button[data-no="5"]');
  await expect(five.getAttribute("data-status")).resolves.toBe("thieu-so-lieu");
  expect(await page.locator('[data-testid="attention"] button[data-no="3"]').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-02-live-340");

  // Clicking, and Enter on a focused item, both take the user to the row's figure cell.
  await four.click();
  await eventually(async () => expect(await page.evaluate(() => window.__fake.selection)).toEqual({ sheet: "Chỉ tiêu", cell: "F9" }));
  await five.focus();
  await page.keyboard.press("Enter");
  await eventually(async () => expect(await page.evaluate(() => window.__fake.selection)).toEqual({ sheet: "Chỉ tiêu", cell: "F10" }));

  // Fixing the figure takes the row off the list.
  await page.evaluate(() => window.__fake.type("year", "4", "1.000"));
  await waitCounts(page, { vuot: 2, dat: 1, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 17 });
});

test("changing the period re-judges for that period and restarts live judgment", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.evaluate(() => {
    window.__fake.type("year", "4", "800");
    window.__fake.type("6m", "4", "950");
  });
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
  await page.getByTestId("period-select").selectOption("6m");
  // At 6 months the poverty rate (annual in the default plan) has its own tile: Chưa đánh giá được.
  await waitCounts(page, { vuot: 1, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 18, "chua-danh-gia": 1 });
  expect((await calls(page)).slice(-3)).toEqual(["unwatch year", "recheck 6m", "watch 6m"]);
  // Only the 6m watcher is live now: typing into the year column changes nothing shown.
  await page.evaluate(() => window.__fake.type("year", "3", "1"));
  await page.evaluate(() => window.__fake.type("6m", "3", "1"));
  // 1 against a plan in the hundreds is what the check calls value.magnitude: to be looked at, not judged.
  await waitCounts(page, { vuot: 1, dat: 0, "khong-dat": 0, "xem-lai": 1, "thieu-so-lieu": 17, "chua-danh-gia": 1 });
  await page.getByRole("button", { name: "Kiểm tra lại" }).click();
  await eventually(async () => expect((await calls(page)).filter((c) => c === "recheck 6m")).toHaveLength(2));
});

test("a period the sheet has no columns for is not judged; the pane says to load it", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.getByTestId("period-select").selectOption("q1");
  await page.getByText("Sổ tính chưa có cột cho kỳ này").waitFor();
  await eventually(async () => expect((await calls(page)).slice(-1)).toEqual(["unwatch year"]));
  expect(await page.getByTestId("counts").count()).toBe(0);
  await expect(page.getByRole("button", { name: "Kiểm tra lại" }).isDisabled()).resolves.toBe(true);
  // Loading again lays the period out, and judgment starts for it.
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await eventually(async () => expect((await calls(page)).slice(-4)).toEqual(["loadPlan binh-son-2024 6m,9m,year,q1", "readState", "recheck q1", "watch q1"]));
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 19, "chua-danh-gia": 1 });
  expect(await page.getByText("Sổ tính chưa có cột cho kỳ này").count()).toBe(0);
});

test("leaving a period while it is being checked does not leave the pane busy", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.evaluate(() => (window.__fake.recheckDelayMs = 400));
  await page.getByTestId("period-select").selectOption("6m");
  await page.getByTestId("busy").waitFor();
  await page.getByTestId("period-select").selectOption("q1");
  await eventually(async () => expect(await page.getByTestId("busy").count()).toBe(0));
  await expect(page.getByRole("button", { name: "Nạp kế hoạch" }).isEnabled()).resolves.toBe(true);
  await page.waitForTimeout(500);
  // The late answer for 6m is dropped: nothing is shown for q1, which has no columns yet.
  expect(await page.getByTestId("counts").count()).toBe(0);
});

test("opening the pane on a workbook that has a plan starts judging at once", async () => {
  const page = await open("?loaded");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
  expect(await calls(page)).toEqual(["readState", "recheck year", "watch year"]);
  expect(await page.getByTestId("plan-name").textContent()).toContain("Bình Sơn – 2023");
  // The workbook's plan is the one offered for a reload.
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("binh-son-2023"));
  await page.evaluate(() => window.__fake.type("year", "4", "2.000"));
  await waitCounts(page, { vuot: 1, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 19 });
});

test("the keyboard reaches every control in reading order, with a visible focus", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.evaluate(() => window.__fake.type("year", "4", "800"));
  await page.locator('[data-testid="attention"] button').first().waitFor();
  const seen: string[] = [];
  // Start from the top of the page: a click on the title moves the focus starting point there.
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).click();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return `${el.tagName.toLowerCase()}:${el.getAttribute("data-testid") ?? el.getAttribute("data-no") ?? el.textContent?.trim().slice(0, 20)}`;
      }),
    );
  }
  expect(seen).toEqual([
    // "Đi tới": a link to each section.
    "a:Kết quả",
    "a:Chỉ tiêu",
    "a:Kiểm tra số liệu",
    "a:Báo cáo",
    "a:Kế hoạch",
    "button:outcome-close",
    "select:plan-select",
    "button:Nạp kế hoạch",
    "button:Chọn tệp kế hoạch…",
    "button:plan-template",
    "select:period-select",
    "button:Kiểm tra lại",
    // The report for the period just chosen, then the indicators to look at.
    "summary:Thông tin văn bản",
    "button:Tạo báo cáo",
    "button:Sao chép bảng",
    // The list's filter and search, then the indicators, off target first, each with its "Vì sao?".
    "select:attention-filter",
    "input:attention-search",
    "button:4",
    "button:Vì sao?",
    "button:1",
  ]);
  // Keyboard focus shows an outline on the item (and on Fluent's controls, which draw their own).
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const css = getComputedStyle(el);
    return { visible: el.matches(":focus-visible"), style: css.outlineStyle, width: parseFloat(css.outlineWidth) };
  });
  expect(outline).toEqual({ visible: true, style: "solid", width: 2 });
});

test("a plan file: a good JSON plan is offered and loaded; rows it drops are confirmed first", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.evaluate(() => {
    window.__fake.type("year", "1", "25.300");
    window.__fake.type("year", "19", "90");
  });
  const small = {
    id: "xa-thu-2025",
    unit: "UBND xã Thử",
    year: 2025,
    source: { document: "Nghị quyết thử" },
    targets: [
      { no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 1.200" },
      { no: "2", name: "Tỷ lệ hộ nghèo", unit: "%", target: "giảm còn 3,5", direction: "lower" },
    ],
  };
  await page.getByTestId("plan-file").setInputFiles({ name: "xa-thu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("__file__"));
  expect(await page.getByTestId("plan-select").locator("option:checked").textContent()).toBe("Từ tệp: xa-thu.json");

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.getByTestId("drop-rows").locator("li").allTextContents()).toEqual(["Chỉ tiêu 19 (year)"]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-03-drop-dialog-340", false);
  await dialog.getByRole("button", { name: "Không nạp" }).click();
  await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã thôi nạp kế hoạch"));
  expect(await page.evaluate(() => window.__fake.plan?.id)).toBe("binh-son-2024");

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Vẫn nạp" }).click();
  await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã nạp 2 chỉ tiêu"));
  expect(await page.getByTestId("outcome").textContent()).toContain("Chỉ tiêu 19 (year)");
  expect(await page.evaluate(() => window.__fake.plan?.id)).toBe("xa-thu-2025");
  // Target 1 kept its figure (25.300 against about 1.200 now: 21 times the plan, which the check
  // calls value.magnitude, so it waits for a look); target 2 has none yet.
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 1, "thieu-so-lieu": 1 });
});

test("a bad plan file is refused with Vietnamese problems that say where", async () => {
  const page = await open();
  const bad = { id: "Sai Mã", unit: "UBND xã Thử", year: 2025, source: { document: "x" }, targets: [{ no: "1", name: "", unit: "%", target: "50" }] };
  await page.getByTestId("plan-file").setInputFiles({ name: "sai.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  const box = page.getByTestId("file-problems");
  await box.waitFor();
  const text = await box.textContent();
  expect(text).toContain("Không dùng được tệp sai.json");
  // One plain sentence per fault, placed as the officer finds it: no schema paths, no parser words.
  const lines = () => page.locator('[data-testid="file-problems"] li').allTextContents();
  expect(await lines()).toContain('Chỉ tiêu 1, mục "name": tên chỉ tiêu không được để trống.');
  expect((await lines()).some((l) => l.startsWith('Mục "id": '))).toBe(true);
  expect(text).not.toMatch(/targets\[|\(gốc\)|mong đợi|undefined/);
  // The refused file clears the choice: nothing else loads by accident under the error.
  expect(await page.getByTestId("plan-select").inputValue()).toBe("");
  expect(await page.getByRole("button", { name: "Nạp kế hoạch" }).isDisabled()).toBe(true);

  await page.getByTestId("plan-file").setInputFiles({ name: "hong.json", mimeType: "application/json", buffer: Buffer.from('{"id": "x",') });
  await eventually(async () => expect(await box.textContent()).toContain("không phải JSON hợp lệ"));
  // The same problem as `ktxh plan hong.json`: the place as line and column, the reason in Vietnamese.
  expect(await box.textContent()).toMatch(/Dòng 1, cột \d+/);

  // A CSV fault is said once, at its row and under its column's heading.
  await page.getByTestId("plan-file").setInputFiles({ name: "xa-2025.csv", mimeType: "text/csv", buffer: Buffer.from("no,name,unit,Chỉ tiêu kế hoạch\n1,Tổng giá trị,tỷ đồng,100\n2,,%,5\n") });
  await eventually(async () => expect(await box.textContent()).toContain("Không dùng được tệp xa-2025.csv"));
  expect((await lines()).length).toBe(1);
  expect((await lines())[0]).toMatch(/^Dòng 3, cột name: /);

  const csv = "no;name;unit\n1;Tổng giá trị;tỷ đồng\n";
  await page.getByTestId("plan-file").setInputFiles({ name: "thieu-cot.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await eventually(async () => expect(await box.textContent()).toContain("Không dùng được tệp thieu-cot.csv"));
  expect(await page.locator('[data-testid="file-problems"] li').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-04-bad-file-340");

  // "Tải mẫu kế hoạch", beside "Chọn tệp kế hoạch…", saves the core's template.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải mẫu kế hoạch" }).click()]);
  expect(download.suggestedFilename()).toBe("mau-ke-hoach.csv");
  expect(fs.readFileSync(await download.path(), "utf8")).toBe(planTemplateCsv());
});

test("a CSV plan, as Vietnamese Excel saves it, loads", async () => {
  const page = await open();
  const csv = "no;name;unit;target\n1;Tổng giá trị sản xuất;tỷ đồng;khoảng 1.200\n2;Tỷ lệ hộ nghèo;%;giảm còn 3,5\n";
  await page.getByTestId("plan-file").setInputFiles({ name: "xa-thu-2025.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("__file__"));
  await loadBuiltIn(page);
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 0, "xem-lai": 0, "thieu-so-lieu": 2 });
});

test("rows live judgement could not update are said to be 'chưa cập nhật', with a retry; the pane catches up when it comes back into view", async () => {
  const page = await open();
  await loadBuiltIn(page);
  await page.evaluate(() => window.__fake.staleRows("year", ["4", "7"]));
  const stale = page.getByTestId("stale");
  await stale.waitFor();
  expect(await stale.textContent()).toContain("Chỉ tiêu 4, 7 chưa cập nhật");
  await stale.getByRole("button", { name: "Kiểm tra lại" }).click();
  await eventually(async () => expect(await stale.count()).toBe(0));
  // Back in view: the rows changed meanwhile are judged (the host's catch-up, from the book's fingerprints).
  const before = await page.evaluate(() => window.__fake.calls.filter((c) => c.startsWith("catch-up")).length);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await eventually(async () => expect(await page.evaluate(() => window.__fake.calls.filter((c) => c.startsWith("catch-up")).length)).toBe(before + 1));
});

test("host faults show in the pane, never as unhandled errors", async () => {
  const page = await open();
  await page.evaluate(() => window.__fake.failNext("Excel đang bận, hãy thử lại."));
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  const error = page.getByTestId("error");
  await error.waitFor();
  expect(await error.textContent()).toContain("Excel đang bận, hãy thử lại.");
  await screenshot(page, "ui-05-error-340");
  await error.getByRole("button", { name: "Đóng" }).click();
  await eventually(async () => expect(await error.count()).toBe(0));
  await loadBuiltIn(page);
  await page.evaluate(() => window.__fake.failNext("Không chọn được ô."));
  await page.evaluate(() => window.__fake.type("year", "4", "800"));
  await page.locator('[data-testid="attention"] button[data-no="4"]').click();
  await eventually(async () => expect(await error.textContent()).toContain("Không chọn được ô."));
});

test("outside Excel the pane says so and offers no actions", async () => {
  const page = await open("?outside");
  expect(await page.getByRole("note").textContent()).toContain("đang mở ngoài Excel");
  await expect(page.getByRole("button", { name: "Nạp kế hoạch" }).isDisabled()).resolves.toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test.each([320, 350])("at %i px nothing overflows sideways", async (width) => {
  const page = await open("", width, 700);
  await loadBuiltIn(page);
  await page.evaluate(() => {
    window.__fake.type("year", "4", "800");
    window.__fake.type("year", "18", "giảm 1 tiêu chí");
  });
  await page.locator('[data-testid="attention"] button[data-no="4"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await screenshot(page, `ui-06-width-${width}`);
  await screenshot(page, `ui-06-width-${width}-top`, false);
});

test("Kiểm tra số liệu: Sửa tất cả asks first, cancelling writes nothing, confirming fixes every proposal and checks again", async () => {
  const page = await open("?loaded");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
  await page.evaluate(() => {
    window.__fake.type("year", "3", "650,2");
    window.__fake.type("year", "11", "1,0");
    window.__fake.type("year", "5", "nhiều lắm");
  });
  await page.getByTestId("check-sheet").check();
  await page.getByRole("button", { name: "Kiểm tra số liệu" }).click();
  await page.getByTestId("check-counts").waitFor();
  expect((await calls(page)).filter((c) => c.startsWith("checkWorkbook"))).toEqual(["checkWorkbook mark=true sheet=true"]);
  const counts = await page.locator('[data-testid="check-counts"] li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute("data-severity")}:${li.getAttribute("data-count")} ${li.textContent}`));
  expect(counts).toEqual(["error:1 1Lỗi", "warning:2 2Cảnh báo", "info:0 0Lưu ý"]);
  expect(await page.getByTestId("issue-group").locator("h3").allTextContents()).toEqual(["Chỉ tiêu"]);
  expect(await page.getByTestId("issue").count()).toBe(3);
  // The unreadable figure has no proposal, hence no "Sửa".
  expect(await page.locator('[data-testid="issue"][data-code="value.unreadable"] button', { hasText: "Sửa" }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Sửa tất cả (2)" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.getByTestId("confirm-items").locator("li").count()).toBe(2);
  // Old → new for every cell.
  const changes = await dialog.getByTestId("confirm-items").locator("li").allTextContents();
  expect(changes.every((c) => / → /.test(c))).toBe(true);
  expect(changes.some((c) => c.includes("650,2 → "))).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-09-fix-all-dialog-340", false);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  expect((await calls(page)).some((c) => c.startsWith("applyFixes"))).toBe(false);
  expect(await page.evaluate(() => window.__fake.figures.get("year")?.get("3"))).toBe("650,2");

  await page.getByRole("button", { name: "Sửa tất cả (2)" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sửa tất cả" }).click();
  await eventually(async () => expect(await page.getByTestId("check-outcome").locator(".ktxh-notice-body").textContent()).toBe("Đã sửa 2 ô. Đã kiểm tra lại."));
  expect(await page.evaluate(() => [...(window.__fake.figures.get("year") ?? new Map<string, string>())])).toEqual([["4", "800"], ["3", "650.2"], ["11", "1"], ["5", "nhiều lắm"]]);
  expect((await calls(page)).filter((c) => c.startsWith("checkWorkbook") || c.startsWith("applyFixes")).length).toBe(3);
  expect(await page.getByTestId("issue").count()).toBe(1);

  // A host fault during the check is shown in the section, in the host's words.
  await page.evaluate(() => window.__fake.failNext("Sổ tính đang bị khóa."));
  await page.getByRole("button", { name: "Bỏ đánh dấu" }).click();
  await eventually(async () => expect(await page.getByTestId("check-error").textContent()).toContain("Sổ tính đang bị khóa."));
  await page.getByTestId("check-error").getByRole("button", { name: "Đóng" }).click();
  expect(await page.getByTestId("check-error").count()).toBe(0);
});

test("Tạo báo cáo shows the outcome and warnings; Sao chép bảng falls back to text when rich content is refused", async () => {
  const page = await open("?loaded");
  await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
  // "Giữ bản báo cáo trước" sits in the fold with the document's fields; once checked, the closed fold says so.
  await page.getByTestId("report-fields").locator("summary").click();
  await page.getByTestId("report-keep").check();
  await page.getByTestId("report-fields").locator("summary").click();
  expect(await page.getByTestId("report-fields").locator("summary").textContent()).toBe("Thông tin văn bản · giữ bản báo cáo trước");
  await page.getByRole("button", { name: "Tạo báo cáo" }).click();
  await page.getByTestId("report-outcome").waitFor();
  expect(await page.getByTestId("report-outcome").textContent()).toContain('Đã lập báo cáo ở trang "Báo cáo".');
  expect(await page.getByTestId("report-warnings").locator("li").count()).toBe(2);
  expect((await calls(page)).filter((c) => c.startsWith("buildReport"))).toEqual(["buildReport year keep=true"]);
  // "Mở báo cáo" selects the report sheet in Excel.
  await page.getByRole("button", { name: "Mở báo cáo" }).click();
  await eventually(async () => expect(await page.evaluate(() => window.__fake.selection)).toEqual({ sheet: "Báo cáo", cell: "A1" }));

  await page.evaluate(() => {
    const w = window as unknown as { __text: string[] };
    w.__text = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: {
        write: async () => Promise.reject(new DOMException("no rich content", "NotAllowedError")),
        writeText: async (t: string) => void w.__text.push(t),
      },
    });
  });
  // A click the table was not prepared for (no pointer or focus before it): read, then written as allowed.
  await page.getByRole("button", { name: "Sao chép bảng" }).evaluate((b) => (b as HTMLButtonElement).click());
  await page.getByTestId("copy-outcome").waitFor();
  expect(await page.getByTestId("copy-outcome").textContent()).toContain("dạng chữ");
  const text = await page.evaluate(() => (window as unknown as { __text: string[] }).__text);
  expect(text).toHaveLength(1);
  expect(text[0].split("\n").filter((l) => l.startsWith("4\t"))).toEqual(["4\tTổng chi ngân sách trên địa bàn\t800"]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "ui-10-report-340");
});

test("a book whose record keeps the last report's fields: the pane starts from them and sends them with Tạo báo cáo", async () => {
  for (const width of [320, 450]) {
    const page = await open("?loaded&fields", width);
    await waitCounts(page, { vuot: 0, dat: 0, "khong-dat": 1, "xem-lai": 0, "thieu-so-lieu": 19 });
    const fields = page.getByTestId("report-fields");
    // Closed, saying what is kept; open, every field as kept.
    await eventually(async () => expect(await fields.locator("summary").textContent()).toBe("Thông tin văn bản · Đã lưu: số 783, Nguyễn Văn An, 118 nhiệm vụ"));
    await fields.locator("summary").click();
    const values = await page.locator('[data-testid^="report-field-"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [(e.getAttribute("data-testid") ?? "").replace("report-field-", ""), (e as HTMLInputElement).value])),
    );
    expect(values).toEqual({ number: "783", date: "05/12/2024", to: "Hội đồng nhân dân huyện", signer: "Nguyễn Văn An", signerTitle: "Chủ tịch", tasksTotal: "118", tasksDone: "109", tasksDoing: "9" });
    await page.getByTestId("report-field-number").fill("801");
    await page.getByRole("button", { name: "Tạo báo cáo" }).click();
    await page.getByTestId("report-outcome").waitFor();
    const sent = (await calls(page)).filter((c) => c.startsWith("buildReport"));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].replace(/^buildReport year keep=false fields=/, ""))).toMatchObject({ number: "801", signer: "Nguyễn Văn An", tasksTotal: "118" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `ui-11-report-fields-saved-${width}`);
  }
});
