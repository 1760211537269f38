// The collection cycle in the production pane (dist/) on the strict Excel, in Chromium (issue 17): a plan
// with communes and reportedBy loaded from a file, "Tạo phiếu thu thập" (the books' code fetched on the
// press, one .zip downloaded), books filled with ExcelJS, "Tổng hợp phiếu" with the file chooser: figures
// merged into the open book, the officer's figure kept and its conflict listed, an unreadable file and the
// recipients who sent nothing named; at 320 and 450 px, axe-clean.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { COMMUNES, cyclePlan, fillBook } from "../cycle/fill";
import { ARTIFACTS, axeViolations, builtPane, eventually, expandAttention, screenshot } from "./support";

jest.setTimeout(300_000);

const { open } = builtPane();

interface StrictUser {
  type(sheet: string, a1: string, text: string): void;
  cell(sheet: string, a1: string): { value: string | number | boolean };
  sheetNames(): string[];
}

async function user<T>(page: Page, fn: keyof StrictUser, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => {
    const u = (window as unknown as { __strictExcel: { user: Record<string, (...x: unknown[]) => unknown> } }).__strictExcel.user;
    return u[f as string](...(a as unknown[]));
  }, [fn, args] as const) as Promise<T>;
}

/** The entries of a zip whose files are stored (the pane's .zip), by name. */
function unzipStored(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let p = 0;
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extra = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extra;
    expect([name, method]).toEqual([name, 0]);
    out.set(name, buf.subarray(start, start + size));
    p = start + size;
  }
  return out;
}

async function filled(bytes: Buffer, name: string, figure: (no: string) => number | undefined): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  fillBook(wb, name, figure);
  return { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

test.each([320, 450])("at %i px: submission books made and downloaded, returned books collected into the open book", async (width) => {
  const requested: string[] = [];
  const page = await open({ width, onPage: (p) => p.on("request", (r) => requested.push(r.url())) });
  await page.getByRole("heading", { name: "Kế hoạch KT-XH" }).waitFor();
  await page.getByTestId("plan-file").setInputFiles({ name: "ke-hoach-chu-ky.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(cyclePlan())) });
  await eventually(async () => expect(await page.getByTestId("plan-select").inputValue()).toBe("__file__"), 15000);
  await page.getByRole("button", { name: "Nạp kế hoạch" }).click();
  await page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 120000 });
  expect(await page.getByTestId("error").count()).toBe(0);
  await page.getByTestId("period-select").selectOption("6m");
  const items = page.locator('[data-testid="attention"] button.ktxh-item');
  await eventually(async () => expect(await items.count()).toBeGreaterThan(0), 60000);
  await expandAttention(page);
  const cells = new Map((await items.evaluateAll((bs) => bs.map((b) => [b.dataset.no ?? "", [b.dataset.sheet ?? "", b.dataset.cell ?? ""]] as const))));
  const [sheet, cell13] = cells.get("13") as readonly [string, string];
  const cell1 = cells.get("1")?.[1];
  const cell5 = cells.get("5")?.[1];
  expect([cell1, cell5]).not.toContain(undefined);
  // The officer's own figure, typed before the books come back.
  await user(page, "type", sheet, cell13, "6.5");

  // Tạo phiếu thu thập: nothing of ExcelJS fetched before the press.
  const before = requested.length;
  expect(requested.some((u) => /cycle-files/.test(u))).toBe(false);
  // The section is folded until opened.
  expect(await page.getByTestId("cycle-due").isVisible()).toBe(false);
  await page.getByTestId("cycle-fold").locator("summary").click();
  await page.getByTestId("cycle-due").fill("2024-06-20");
  await page.getByRole("button", { name: "Tạo phiếu thu thập" }).click();
  await page.locator('[data-testid="cycle-made"], [data-testid="cycle-error"]').first().waitFor({ timeout: 120000 });
  expect(await page.getByTestId("cycle-error").count()).toBe(0);
  expect(requested.slice(before).some((u) => /cycle-files\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  const made = await page.getByTestId("cycle-made").textContent();
  const count = Number(/Đã tạo (\d+) phiếu/.exec(made ?? "")?.[1]);
  expect(made).toContain("Phân công");
  expect(await user<string[]>(page, "sheetNames")).toContain("Phân công");
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `cycle-01-made-${width}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("cycle-download").click()]);
  expect(download.suggestedFilename()).toBe("phieu-thu-thap-6m-2024.zip");
  const books = unzipStored(fs.readFileSync(await download.path()));
  expect(books.size).toBe(count);
  for (const f of ["phong-y-te-huyen.xlsx", "phong-tai-chinh-ke-hoach-huyen.xlsx", "xa-binh-hai.xlsx", "xa-binh-tri.xlsx", "thi-tran-chau-o.xlsx"]) expect([f, books.has(f)]).toEqual([f, true]);

  // The books come back through the file chooser; one is not a workbook at all.
  const back = [
    await filled(books.get("phong-y-te-huyen.xlsx")!, "phong-y-te-huyen.xlsx", (no) => (no === "13" ? 5.8 : undefined)),
    await filled(books.get("phong-tai-chinh-ke-hoach-huyen.xlsx")!, "phong-tai-chinh-ke-hoach-huyen.xlsx", (no) => (no === "1" ? 12000 : undefined)),
    await filled(books.get("xa-binh-hai.xlsx")!, "xa-binh-hai.xlsx", (no) => (no === "5" ? 15000 : undefined)),
    await filled(books.get("xa-binh-tri.xlsx")!, "xa-binh-tri.xlsx", (no) => (no === "5" ? 20000 : undefined)),
    { name: "ghi-chu.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải sổ tính") },
  ];
  await page.getByTestId("cycle-files").setInputFiles(back);
  await page.locator('[data-testid="cycle-collected"], [data-testid="cycle-error"]').first().waitFor({ timeout: 120000 });
  expect(await page.getByTestId("cycle-error").count()).toBe(0);
  expect(await page.getByTestId("cycle-collected").textContent()).toContain("Đã tổng hợp 2 số liệu");
  // Into the open book: the office's total and the communes' sum; the officer's 6,5 kept, the conflict listed.
  expect(await user<{ value: unknown }>(page, "cell", sheet, cell1!)).toMatchObject({ value: 12000 });
  expect(await user<{ value: unknown }>(page, "cell", sheet, cell5!)).toMatchObject({ value: 35000 });
  expect(await user<{ value: unknown }>(page, "cell", sheet, cell13)).toMatchObject({ value: 6.5 });
  const conflicts = await page.getByTestId("cycle-conflicts").textContent();
  expect(conflicts).toContain(cell13);
  expect(conflicts).toContain("6,5");
  expect(conflicts).toContain("5,8 (Phòng Y tế huyện)");
  expect(await page.getByTestId("cycle-files-problems").textContent()).toContain("ghi-chu.xlsx: không đọc được");
  expect(await page.getByTestId("cycle-missing").textContent()).toContain(COMMUNES[2]);
  expect(await user<string[]>(page, "sheetNames")).toEqual(expect.arrayContaining(["Nguồn số liệu", "Xung đột"]));
  // Live judgement takes the merged figures like typed ones: target 1 is no longer without a figure.
  await eventually(async () => expect(await page.locator('[data-testid="attention"] button.ktxh-item[data-no="1"][data-status="thieu-so-lieu"]').count()).toBe(0), 30000);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `cycle-02-collected-${width}`);
  await page.getByTestId("cycle").screenshot({ path: path.join(ARTIFACTS, `cycle-03-section-${width}.png`) });
});
