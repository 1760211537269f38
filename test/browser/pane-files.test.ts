// Issue 15 points 2 and 3 in the production pane (dist/), in Chromium, over the strict in-memory Excel:
// a refused plan file clears the choice so that nothing else loads under its error, and each fault is
// one plain Vietnamese sentence at the row and column the officer sees, said once. At 320 and 450 px.
import type { Page } from "playwright-core";
import { axeViolations, builtPane, eventually, screenshot } from "./support";

const { open } = builtPane();

async function choose(page: Page, name: string, mimeType: string, text: string): Promise<void> {
  await page.getByTestId("plan-file").setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

const problems = (page: Page) => page.locator('[data-testid="file-problems"] li').allTextContents();

const BAD = { id: "Sai Mã", unit: "UBND xã Thử", year: 2025, source: { document: "x" }, targets: [{ no: "1", name: "", unit: "%", target: "50" }] };

async function opened(page: Page) {
  const load = page.getByRole("button", { name: "Nạp kế hoạch" });
  await eventually(async () => expect(await load.isEnabled()).toBe(true), 15000);
  expect(await page.getByTestId("plan-select").inputValue()).toBe("binh-son-2024");
  return load;
}

for (const width of [320, 450]) {
  test(`${width} px (point 2): a refused plan file clears the choice, so nothing else loads under its error`, async () => {
    const page = await open({ width });
    const load = await opened(page);
    await choose(page, "sai.json", "application/json", JSON.stringify(BAD));
    await page.getByTestId("file-problems").waitFor({ timeout: 15000 });
    // Nothing is left chosen: the built-in plan cannot be loaded by accident under the error.
    expect(await page.getByTestId("plan-select").inputValue()).toBe("");
    expect(await load.isDisabled()).toBe(true);
    expect(await page.getByTestId("outcome").count()).toBe(0);
    await choose(page, "danh-ba.csv", "text/csv", "Họ tên;Điện thoại\nNguyễn Văn An;0905123456\n");
    await eventually(async () => expect(await page.getByTestId("file-problems").textContent()).toContain("danh-ba.csv"));
    expect(await load.isDisabled()).toBe(true);
    // Choosing a built-in plan again is a deliberate act; then it loads.
    await page.getByTestId("plan-select").selectOption("binh-son-2024");
    await load.click();
    await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã nạp 20 chỉ tiêu"), 30000);
  });

  test(`${width} px (point 3): a plan file's faults are one plain sentence each, at the row and column, said once`, async () => {
    const page = await open({ width });
    await opened(page);
    // A JSON plan with a blank name and a bad id.
    await choose(page, "sai.json", "application/json", JSON.stringify(BAD));
    const box = page.getByTestId("file-problems");
    await box.waitFor({ timeout: 15000 });
    expect(await box.textContent()).toContain("Không dùng được tệp sai.json");
    expect(await problems(page)).toContain('Chỉ tiêu 1, mục "name": tên chỉ tiêu không được để trống.');
    expect(await box.textContent()).not.toMatch(/targets\[|\(gốc\)|mong đợi|undefined|string/);

    // A CSV fault: once, at its row and under its column's heading.
    await choose(page, "xa-2025.csv", "text/csv", "STT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch\n1;Tổng giá trị;tỷ đồng;100\n2;Tỷ lệ hộ nghèo;%;\n");
    await eventually(async () => expect(await box.textContent()).toContain("Không dùng được tệp xa-2025.csv"));
    const csv = await problems(page);
    expect(csv).toHaveLength(1);
    expect(csv[0]).toMatch(/^Dòng 3, cột Chỉ tiêu kế hoạch: /);

    // A file that is no plan at all: one line, not five.
    await choose(page, "danh-ba.csv", "text/csv", "Họ tên;Điện thoại\nNguyễn Văn An;0905123456\n");
    await eventually(async () => expect(await box.textContent()).toContain("Không dùng được tệp danh-ba.csv"));
    expect(await problems(page)).toEqual([expect.stringMatching(/^Dòng 1: tệp này không phải một kế hoạch: dòng tiêu đề \(Họ tên, Điện thoại\)/)]);
    expect(await page.getByRole("button", { name: "Tải mẫu kế hoạch" }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `files-01-refused-${width}`, false);
  });
}
