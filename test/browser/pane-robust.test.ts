// The pane where a webview lacks something (issue 16, point 5): no modal <dialog> (Safari before 15.4,
// old webviews), and a fault while drawing. Over the in-memory FakeWorkbook, as pane-ui.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
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
  for (const o of opened) await o.context.close();
  opened = [];
});

/** A webview without the modal <dialog>: `showModal` is missing, as in Safari before 15.4. */
const NO_DIALOG = "delete HTMLDialogElement.prototype.showModal;";

async function open(query: string, initScript?: string): Promise<{ page: Page; o: Opened }> {
  const o = await openPage(browser, server.origin, { width: 340, height: 900, initScript });
  opened.push(o);
  await o.page.goto(`${server.origin}/index.html${query}`);
  return { page: o.page, o };
}

test("without a modal <dialog>, the drop question still shows, takes focus, and Esc answers no", async () => {
  const { page, o } = await open("", NO_DIALOG);
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  expect(await page.evaluate(() => typeof HTMLDialogElement.prototype.showModal)).toBe("undefined");
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.getByTestId("outcome").waitFor();
  await page.evaluate(() => window.__fake.type("year", "19", "90"));
  const small = {
    id: "xa-thu-2025", unit: "UBND xã Thử", year: 2025, source: { document: "Nghị quyết thử" },
    targets: [{ no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 1.200" }],
  };
  await page.getByTestId("plan-file").setInputFiles({ name: "xa-thu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("__file__"));

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.getByTestId("drop-rows").locator("li").count()).toBe(1);
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vẫn nạp"));
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "robust-01-overlay-dialog-340", false);
  await page.keyboard.press("Escape");
  await eventually(async () => expect(await page.getByTestId("outcome").textContent()).toContain("Đã thôi nạp kế hoạch"));
  expect(await page.getByRole("alertdialog").count()).toBe(0);

  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Vẫn nạp" }).click();
  await eventually(async () => expect(await page.evaluate(() => window.__fake.plan?.id)).toBe("xa-thu-2025"));
  expect(o.errors).toEqual([]);
});

test("a fault while drawing shows a Vietnamese message and a reload button, never a blank pane", async () => {
  const { page, o } = await open("?crash");
  const alert = page.getByTestId("crash");
  await alert.waitFor();
  expect(await alert.getByRole("heading").textContent()).toBe("KT-XH gặp lỗi khi hiển thị");
  expect(await alert.textContent()).toContain("không bị thay đổi");
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "robust-02-crash-340", false);
  // The error reached the console for whoever debugs it; the page itself did not go blank.
  expect(o.errors.some((e) => e.includes("thử lỗi khi vẽ"))).toBe(true);
  await alert.getByRole("button", { name: "Tải lại" }).click();
  await page.waitForURL((u) => u.search === "");
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
});

test("Sao chép bảng writes inside the click; where the Clipboard API is refused, a copy event carries the table (issue 16)", async () => {
  const { page, o } = await open("?loaded");
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  // Excel on the web's frame: no clipboard-write permission, every async write refused.
  await page.evaluate(() => {
    const w = window as unknown as { __copied: { html: string; text: string }[]; __asyncCalls: number };
    w.__copied = [];
    w.__asyncCalls = 0;
    const refuse = async () => {
      w.__asyncCalls++;
      throw new DOMException("Write permission denied.", "NotAllowedError");
    };
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { write: refuse, writeText: refuse } });
    // Runs after the pane's own listener (bubbling to window): what the copy event put on the clipboard.
    window.addEventListener("copy", (e) => w.__copied.push({ html: e.clipboardData?.getData("text/html") ?? "", text: e.clipboardData?.getData("text/plain") ?? "" }));
  });
  const button = page.getByRole("button", { name: "Sao chép bảng" });
  await button.hover();
  // The table is prepared while the pointer is on the button (one host call), before the click.
  await eventually(async () => expect((await page.evaluate(() => window.__fake.calls)).filter((c) => c.startsWith("copyReportTable")).length).toBe(1));
  await page.waitForTimeout(100);
  await button.click();
  await page.getByTestId("copy-outcome").waitFor();
  expect(await page.getByTestId("copy-outcome").textContent()).toContain("Đã chép bảng báo cáo");
  const got = await page.evaluate(() => {
    const w = window as unknown as { __copied: { html: string; text: string }[]; __asyncCalls: number };
    return { __copied: w.__copied, __asyncCalls: w.__asyncCalls };
  });
  expect(got.__asyncCalls).toBe(1);
  expect(got.__copied).toHaveLength(1);
  expect(got.__copied[0].html).toContain("<table");
  expect(got.__copied[0].text.split("\n").filter((l) => l.startsWith("4\t"))).toEqual(["4\tTổng chi ngân sách trên địa bàn\t800"]);
  // No second read at the click: the write happened in the click itself.
  expect((await page.evaluate(() => window.__fake.calls)).filter((c) => c.startsWith("copyReportTable")).length).toBe(1);
  expect(o.errors).toEqual([]);
});
