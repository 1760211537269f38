// The strict Excel bundled for the browser (src/testing/strict-excel/browser.ts) and served where
// office.js is fetched from the CDN: Office, Excel and OfficeExtension behave in Chromium as in jest.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { type Opened, bundle, launch, openPage, serve, type Server } from "../browser/support";

let dir: string;
let server: Server;
let browser: Browser;
let officeJs: string;
const opened: Opened[] = [];

beforeAll(async () => {
  dir = await bundle({ "strict-excel": "./src/testing/strict-excel/browser.ts" });
  officeJs = fs.readFileSync(path.join(dir, "strict-excel.js"), "utf8");
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>strict</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head><body></body></html>`,
  );
  server = await serve({ "/": dir });
  browser = await launch();
}, 240000);

afterAll(async () => {
  for (const o of opened) await o.context.close();
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function page(initScript?: string) {
  const o = await openPage(browser, server.origin, { officeJs, ...(initScript ? { initScript } : {}) });
  opened.push(o);
  await o.page.goto(`${server.origin}/index.html`);
  await o.page.waitForFunction(() => "__strictExcel" in window);
  return o;
}

test("the bundle pulls in no Node API", () => {
  expect(officeJs).not.toMatch(/require\(["'](fs|path|os|node:)/);
});

test("Office.onReady, isSetSupported, and a batch with Excel's load/sync rules in Chromium", async () => {
  const { page: p, errors } = await page();
  const result = await p.evaluate(async () => {
    const info = await Office.onReady();
    const out: Record<string, unknown> = { host: info.host, set17: Office.context.requirements.isSetSupported("ExcelApi", "1.17") };
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const r = sheet.getRange("A1:B1");
      r.values = [["1.234,5", "=SUM(3,4)"]];
      try {
        void r.values;
      } catch (e) {
        out.unloaded = (e as OfficeExtension.Error).code;
      }
      r.load("values, formulas");
      await ctx.sync();
      out.values = r.values;
      out.formulas = r.formulas;
      sheet.getRange("A1:B1").values = [[1]];
      try {
        await ctx.sync();
      } catch (e) {
        out.shape = [(e as OfficeExtension.Error).code, e instanceof OfficeExtension.Error];
      }
    });
    return out;
  });
  expect(result).toEqual({
    host: "Excel",
    set17: true,
    unloaded: "PropertyNotLoaded",
    values: [["1.234,5", 7]],
    formulas: [["1.234,5", "=SUM(3,4)"]],
    shape: ["InvalidArgument", true],
  });
  expect(errors).toEqual([]);
});

test("window.__strictExcel drives the user and counts syncs; events reach the page's handler", async () => {
  const { page: p } = await page(`window.__strictExcelOptions = { sheets: ["Chỉ tiêu"], requirements: { ExcelApi: "1.8" } };`);
  const result = await p.evaluate(async () => {
    type Strict = { user: { type(s: string, a: string, t: string): void; grid(s: string): unknown[][] }; counters: { syncs: number }; settle(): Promise<void> };
    const strict = (window as unknown as { __strictExcel: Strict }).__strictExcel;
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Chỉ tiêu").onChanged.add(async (e) => void seen.push(`${e.address} ${e.source}`));
      await ctx.sync();
    });
    strict.user.type("Chỉ tiêu", "E7", "12.5");
    await strict.settle();
    let apiNotFound = "";
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Chỉ tiêu").getRange("A1").format.indentLevel = 1;
        await ctx.sync();
      });
    } catch (e) {
      apiNotFound = (e as OfficeExtension.Error).code;
    }
    return { seen, grid: strict.user.grid("Chỉ tiêu"), syncs: strict.counters.syncs, apiNotFound, set19: Office.context.requirements.isSetSupported("ExcelApi", "1.9") };
  });
  expect(result).toEqual({ seen: ["E7 Local"], grid: [[12.5]], syncs: 2, apiNotFound: "ApiNotFound", set19: false });
});
