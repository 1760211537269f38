/**
 * The task pane's weight and speed against its anchor, Microsoft's React task-pane template as built
 * in shared/anchors/template-pane (its README). Both pages are served over http on 127.0.0.1 by one
 * server, load in the same headless Chromium, and get the same office.js stand-in (the strict
 * in-memory Excel, production build) in answer to their CDN request for office.js. One alternated
 * run (alternate.ts: a warm-up pair, then KT-XH, template, KT-XH, template …) gives three ratios:
 *   pane.ready.vs-template  navigation start → the first enabled, visible button
 *   pane.js.vs-template     gzipped JavaScript the page had asked for when it got there (office.js
 *                           excluded); the line's note gives the same once at rest
 *   pane.heap.vs-template   used JS heap at rest after a forced GC (KT-XH: its first read of the
 *                           workbook done), the stand-in's own heap included on both sides
 * and, run on its own the same way:
 *   pane.ready.standin.vs-template  a page that loads only the stand-in and shows a button on
 *                           Office.onReady, against the template: the floor the stand-in sets
 * Absolute figures kept for history: pane.js.gz.kb, pane.js.all.gz.kb (every chunk the pane can
 * load), pane.ready.ms (median of the KT-XH loads above), pane.heap.mb (heap once the default plan is
 * loaded).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { Browser } from "playwright-core";
import { type Ratio, alternate, compare, median, ratioOf } from "./alternate";
import type { Bench } from "./run";
import { keysToCheck, loadBigPlan, paneHeight } from "../test/browser/big-plan";
import { DIST, ROOT, ensureDist, launch, openPage, serve, strictExcelScript } from "../test/browser/support";

// Records when the first enabled, visible button appears (the closed confirmation dialogs' buttons
// do not count).
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

// The stand-in alone: office.js from the CDN address (answered with the stand-in), one button once
// Office is ready. Nothing a page could do with the same stand-in is faster.
const STANDIN_HTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>stand-in</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>
<body><div id="container"></div><script>Office.onReady(function () {
  var b = document.createElement("button"); b.textContent = "OK"; document.getElementById("container").appendChild(b);
});</script></body></html>`;

/** shared/anchors/template-pane beside the repository or beside one of its parent folders. */
export function templateDir(): string {
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "anchors", "template-pane");
    if (fs.existsSync(path.join(candidate, "taskpane.html"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error("shared/anchors/template-pane not found beside the repository");
  }
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;

interface Load {
  readyMs: number;
  /** Gzipped bytes of the scripts the page had fetched from our server when it became ready. */
  jsBytes: number;
  /** The same once at rest (KT-XH: the host and seed chunks fetched after the first paint included). */
  restJsBytes: number;
  heapBytes: number;
}

interface Site {
  origin: string;
  browser: Browser;
  officeJs: string;
  mounts: Record<string, string>;
}

/** One fresh page: its ready time, the JS it fetched, its heap at rest. */
async function loadOnce(site: Site, page: string, settled?: string): Promise<Load> {
  const o = await openPage(site.browser, site.origin, { officeJs: site.officeJs, initScript: READY_PROBE });
  try {
    const scripts = new Set<string>();
    o.page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.origin === site.origin && url.pathname.endsWith(".js")) scripts.add(url.pathname);
    });
    await o.page.goto(`${site.origin}${page}`);
    await o.page.waitForFunction(() => (window as unknown as { __paneReadyAt?: number }).__paneReadyAt !== undefined, undefined, { timeout: 60000 });
    const readyMs = await o.page.evaluate(() => (window as unknown as { __paneReadyAt: number }).__paneReadyAt);
    // Scripts whose fetch started before the ready moment (the page's own record, not our listener's timing).
    const atReady = new Set(
      await o.page.evaluate((t) => performance.getEntriesByType("resource").filter((e) => e.startTime <= t && new URL(e.name).pathname.endsWith(".js")).map((e) => new URL(e.name).pathname), readyMs),
    );
    // Waited for in the page's main world, as the ready probe is: a locator would inject Playwright's
    // script into a second (utility) world, ~0.4 MB of heap the template's run does not carry.
    if (settled) await o.page.waitForFunction((sel) => document.querySelector(sel) !== null, settled, { timeout: 60000 });
    const cdp = await o.context.newCDPSession(o.page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    if (o.errors.length || o.blocked.length) throw new Error(`${page}: ${[...o.errors, ...o.blocked].join("; ")}`);
    let jsBytes = 0;
    let restJsBytes = 0;
    for (const p of scripts) {
      const prefix = Object.keys(site.mounts).sort((a, b) => b.length - a.length).find((m) => p.startsWith(m)) as string;
      const bytes = gz(path.join(site.mounts[prefix], decodeURIComponent(p.slice(prefix.length))));
      restJsBytes += bytes;
      if (atReady.has(p)) jsBytes += bytes;
    }
    return { readyMs, jsBytes, restJsBytes, heapBytes: heap.usedSize };
  } finally {
    await o.context.close();
  }
}

async function withSite<T>(fn: (site: Site) => Promise<T>): Promise<T> {
  ensureDist();
  const standin = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bench-standin-"));
  fs.writeFileSync(path.join(standin, "index.html"), STANDIN_HTML);
  const mounts = { "/": DIST, "/template/": templateDir(), "/standin/": standin };
  const server = await serve(mounts);
  const browser = await launch();
  try {
    return await fn({ origin: server.origin, browser, officeJs: await officeJs(), mounts });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(standin, { recursive: true, force: true });
  }
}

let host: Promise<string> | null = null;
const officeJs = () => (host ??= strictExcelScript(true));

// The pane's <main> says aria-busy="false" once its first read of the workbook is done.
const PANE = { page: "/taskpane.html", settled: 'main[aria-busy="false"]' };
const TEMPLATE = { page: "/template/taskpane.html" };

interface PaneRun {
  ready: Ratio;
  js: Ratio;
  heap: Ratio;
  paneReadyMs: number;
  paneJsKb: number;
}

let paneRun: Promise<PaneRun> | null = null;
function againstTemplate(): Promise<PaneRun> {
  return (paneRun ??= withSite(async (site) => {
    const { a: p, b: t } = await alternate(
      () => loadOnce(site, PANE.page, PANE.settled),
      () => loadOnce(site, TEMPLATE.page),
    );
    const kb = (xs: Load[]) => median(xs.map((x) => x.jsBytes)) / 1024;
    const ms = (xs: Load[]) => median(xs.map((x) => x.readyMs));
    const mb = (xs: Load[]) => median(xs.map((x) => x.heapBytes)) / (1024 * 1024);
    return {
      ready: ratioOf(p.map((x) => x.readyMs), t.map((x) => x.readyMs), `${ms(p).toFixed(0)} vs ${ms(t).toFixed(0)} ms`),
      js: ratioOf(
        p.map((x) => x.jsBytes),
        t.map((x) => x.jsBytes),
        `${kb(p).toFixed(1)} vs ${kb(t).toFixed(1)} KB gz at ready; at rest ${(median(p.map((x) => x.restJsBytes)) / 1024).toFixed(1)} vs ${(median(t.map((x) => x.restJsBytes)) / 1024).toFixed(1)}`,
      ),
      heap: ratioOf(p.map((x) => x.heapBytes), t.map((x) => x.heapBytes), `${mb(p).toFixed(2)} vs ${mb(t).toFixed(2)} MB`),
      paneReadyMs: ms(p),
      paneJsKb: kb(p),
    };
  }));
}

async function standinFloor(): Promise<Ratio> {
  return withSite(async (site) => {
    return compare(
      async () => (await loadOnce(site, "/standin/index.html")).readyMs,
      async () => (await loadOnce(site, TEMPLATE.page)).readyMs,
      { note: (a, b) => `${median(a).toFixed(0)} vs ${median(b).toFixed(0)} ms` },
    );
  });
}

/** Every script in dist/: the entry's and every chunk split off for loading on demand. */
function jsAllGzipKb(): number {
  ensureDist();
  return fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + gz(path.join(DIST, f)), 0) / 1024;
}

/** Used JS heap once the default plan is loaded (after a forced GC), pane and stand-in. */
async function loadedHeapMb(): Promise<number> {
  return withSite(async (site) => {
    const o = await openPage(site.browser, site.origin, { officeJs: site.officeJs });
    try {
      await o.page.goto(`${site.origin}/taskpane.html`);
      const load = o.page.getByRole("button", { name: "Nạp kế hoạch" });
      await o.page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Nạp kế hoạch" && !b.disabled));
      await load.click();
      await o.page.locator('[data-testid="outcome"], [data-testid="error"]').first().waitFor({ timeout: 60000 });
      if (await o.page.getByTestId("error").count()) throw new Error(`loading failed: ${await o.page.getByTestId("error").textContent()}`);
      const cdp = await o.context.newCDPSession(o.page);
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      return heap.usedSize / (1024 * 1024);
    } finally {
      await o.context.close();
    }
  });
}

/**
 * A month's work: a 500-target plan loaded from a file, figures for half of them, at 340 × 900 px.
 * The pane's scroll height (the list grouped and folded) and the keys from its first focusable
 * element to the check's button (Tab, and Enter on the "Đi tới" link).
 */
let bigRun: Promise<{ height: number; keys: number }> | null = null;
function bigPlanRun(): Promise<{ height: number; keys: number }> {
  return (bigRun ??= withSite(async (site) => {
    const o = await openPage(site.browser, site.origin, { officeJs: site.officeJs, width: 340, height: 900 });
    try {
      await o.page.goto(`${site.origin}/taskpane.html`);
      await loadBigPlan(o.page, 500);
      const height = await paneHeight(o.page);
      const keys = await keysToCheck(o.page);
      if (o.errors.length || o.blocked.length) throw new Error([...o.errors, ...o.blocked].join("; "));
      return { height, keys };
    } finally {
      await o.context.close();
    }
  }));
}

export const benches: Bench[] = [
  { name: "pane.height.500.px", run: async () => (await bigPlanRun()).height },
  { name: "pane.tabs.to.check.500", run: async () => (await bigPlanRun()).keys },
  { name: "pane.ready.vs-template", run: async () => (await againstTemplate()).ready },
  { name: "pane.js.vs-template", run: async () => (await againstTemplate()).js },
  { name: "pane.heap.vs-template", run: async () => (await againstTemplate()).heap },
  { name: "pane.ready.standin.vs-template", run: standinFloor },
  { name: "pane.js.gz.kb", run: async () => (await againstTemplate()).paneJsKb },
  { name: "pane.js.all.gz.kb", run: jsAllGzipKb },
  { name: "pane.ready.ms", run: async () => (await againstTemplate()).paneReadyMs },
  { name: "pane.heap.mb", run: loadedHeapMb },
];
