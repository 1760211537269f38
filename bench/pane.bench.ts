/**
 * The task pane's weight and speed, measured on the production build in dist/ (built here if missing):
 *   pane.js.gz.kb  all JavaScript the pane loads on opening (the page's scripts and any chunk fetched
 *                  before it is ready), gzipped, office.js excluded
 *   pane.js.all.gz.kb  every script the built pane can load, the chunks fetched on first use of the
 *                  workbook check and the report included, gzipped
 *   pane.ready.ms  navigation start to the first enabled button, median of 10 loads in headless
 *                  Chromium with the strict in-memory Excel answering for office.js
 *   pane.heap.mb   used JS heap once the default plan is loaded (after a forced GC), pane and host
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { Browser } from "playwright-core";
import type { Bench } from "./run";
import { DIST, ensureDist, launch, openPage, paneScripts, serve, strictExcelScript } from "../test/browser/support";

const RUNS = 10;

// Records when the first enabled, visible button appears: the buttons are drawn disabled while the
// pane reads the workbook (the closed confirmation dialog's buttons do not count).
const READY_PROBE = `(() => {
  const done = () => {
    if (window.__paneReadyAt !== undefined) return true;
    for (const b of document.querySelectorAll("button")) {
      if (!b.disabled && b.checkVisibility()) { window.__paneReadyAt = performance.now(); return true; }
    }
    return false;
  };
  const mo = new MutationObserver(() => { if (done()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });
})();`;

/** Gzipped size of the dist/ scripts a page asked for (office.js is not in dist/). */
function gzipKb(files: Iterable<string>): number {
  let total = 0;
  for (const name of new Set(files)) {
    const file = path.join(DIST, name);
    if (fs.existsSync(file)) total += zlib.gzipSync(fs.readFileSync(file)).length;
  }
  return total / 1024;
}

// Scripts requested while the pane opened (chunks loaded on demand included), filled by readyMs.
const requested = new Set<string>();

/** The scripts taskpane.html lists plus any chunk the page fetched on its way to ready. */
async function jsGzipKb(): Promise<number> {
  ensureDist();
  await readyOnce();
  return gzipKb([...paneScripts(), ...requested]);
}

/** Every script in dist/: the entry's and every chunk split off for loading on demand. */
async function jsAllGzipKb(): Promise<number> {
  ensureDist();
  return gzipKb(fs.readdirSync(DIST).filter((f) => f.endsWith(".js")));
}

let host: Promise<string> | null = null;
// Built once for both measurements: the strict Excel stands in for office.js (production build).
const officeJs = () => (host ??= strictExcelScript(true));

async function withBrowser<T>(fn: (origin: string, browser: Browser) => Promise<T>): Promise<T> {
  ensureDist();
  const server = await serve({ "/": DIST });
  const browser = await launch();
  try {
    return await fn(server.origin, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function readyMs(): Promise<number> {
  const script = await officeJs();
  return withBrowser(async (origin, browser) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const o = await openPage(browser, origin, { officeJs: script, initScript: READY_PROBE });
      o.page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.origin === origin && url.pathname.endsWith(".js")) requested.add(url.pathname.slice(1));
      });
      await o.page.goto(`${origin}/taskpane.html`);
      await o.page.waitForFunction(() => (window as unknown as { __paneReadyAt?: number }).__paneReadyAt !== undefined);
      times.push(await o.page.evaluate(() => (window as unknown as { __paneReadyAt: number }).__paneReadyAt));
      await o.context.close();
    }
    times.sort((a, b) => a - b);
    return (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
  });
}

let ready: Promise<number> | null = null;
const readyOnce = () => (ready ??= readyMs());

async function heapMb(): Promise<number> {
  const script = await officeJs();
  return withBrowser(async (origin, browser) => {
    const o = await openPage(browser, origin, { officeJs: script });
    await o.page.goto(`${origin}/taskpane.html`);
    const load = o.page.getByRole("button", { name: "Nạp kế hoạch" });
    await o.page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Nạp kế hoạch" && !b.disabled));
    await load.click();
    await o.page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 60000 });
    if (await o.page.getByTestId("error").count()) throw new Error(`loading failed: ${await o.page.getByTestId("error").textContent()}`);
    const cdp = await o.context.newCDPSession(o.page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    return heap.usedSize / (1024 * 1024);
  });
}

export const benches: Bench[] = [
  { name: "pane.js.gz.kb", run: jsGzipKb },
  { name: "pane.js.all.gz.kb", run: jsAllGzipKb },
  { name: "pane.ready.ms", run: readyOnce },
  { name: "pane.heap.mb", run: heapMb },
];
