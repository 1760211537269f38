/**
 * What the browser tests and the pane bench share: bundling a test entry with webpack's Node API, a
 * tiny static server on 127.0.0.1, Debian's Chromium driven by playwright-core with every request
 * outside that server blocked (office.js is answered with a host of our choosing), axe-core, and
 * screenshots kept in test-artifacts/browser/.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import webpack from "webpack";

export const ROOT = path.resolve(__dirname, "../..");
/** The built pane the tests open: dist/, or another build (KTXH_DIST=/path/to/dist, an older pane to compare with). */
export const DIST = process.env.KTXH_DIST ? path.resolve(process.env.KTXH_DIST) : path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "browser");
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS_PATTERN = "https://appsforoffice.microsoft.com/**";

/** Bundles test entries (a harness page, the strict Excel host) into a fresh temporary folder. */
export async function bundle(entries: Record<string, string>, opts: { production?: boolean } = {}): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-browser-"));
  const compiler = webpack({
    mode: opts.production ? "production" : "development",
    devtool: false,
    context: ROOT,
    entry: entries,
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "esnext", sourceMap: false } } },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
  return out;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/** Serves folders under URL prefixes ("/" → dist, "/test/" → a bundle folder) on a random port. */
export async function serve(mounts: Record<string, string>): Promise<Server> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    const base = prefix === undefined ? null : mounts[prefix];
    const file = base && prefix !== undefined ? path.join(base, decodeURIComponent(url.pathname.slice(prefix.length))) : null;
    if (!file || !base || !file.startsWith(base) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** External requests the page tried; all were refused except office.js. */
  blocked: string[];
  /** Console errors and uncaught exceptions in the page. */
  errors: string[];
}

/**
 * A page of its own context: requests to `origin` pass, office.js is answered with `officeJs` (the
 * strict Excel bundle, or a stub), everything else is aborted and recorded.
 */
export async function openPage(
  browser: Browser,
  origin: string,
  opts: { officeJs?: string; width?: number; height?: number; initScript?: string } = {},
): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 340, height: opts.height ?? 900 }, locale: "vi-VN" });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route(OFFICE_JS_PATTERN, (route) =>
    opts.officeJs === undefined ? route.abort() : route.fulfill({ status: 200, contentType: "text/javascript", body: opts.officeJs }),
  );
  await context.route(
    (url) => url.origin !== origin && !url.href.startsWith("https://appsforoffice.microsoft.com/") && url.protocol !== "data:",
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
  return { context, page, blocked, errors };
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe-core in the page; returns the violations as short lines for a readable failure. Only
 * Tabster's focus bumpers are left out: Fluent UI's focus manager puts `<i tabindex=0 aria-hidden>`
 * at the edges of the page on purpose (they pass focus on as soon as they get it, and must stay
 * silent for screen readers), a known false positive of aria-hidden-focus (microsoft/tabster#288,
 * microsoft/fluentui#27517 "by design"); Accessibility Insights suppresses them the same way.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!hasAxe) await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  const violations = (await page.evaluate(async () => {
    // Colours are judged as the officer sees them once the pane is still: a button's colour transition
    // (Fluent animates background and text for ~100 ms when a button turns enabled) is finished first, or a
    // loaded machine catches it half-way and axe measures a mix of the two colours.
    for (const a of document.getAnimations()) if (a instanceof CSSTransition) a.finish();
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run({ include: [document], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations;
  })) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** The JS files taskpane.html loads, in order, as the build wrote them into its inline loader. */
export function paneScripts(dist = DIST): string[] {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const m = /\}\)\(window, (\[[^\]]*\])\);/.exec(html);
  if (!m) throw new Error("taskpane.html has no script list: was it built by webpack?");
  return JSON.parse(m[1]) as string[];
}

/** Retries an assertion until it holds or the time is up; the last failure is the one reported. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 40));
    }
  }
}

export const STRICT_EXCEL_ENTRY = "./src/testing/strict-excel/browser.ts";

/** The strict in-memory Excel as a script that stands in for office.js (its globals, and __strictExcel). */
export async function strictExcelScript(production = false): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, STRICT_EXCEL_ENTRY))) throw new Error(`${STRICT_EXCEL_ENTRY} is missing`);
  const dir = await bundle({ office: STRICT_EXCEL_ENTRY }, { production });
  try {
    return fs.readFileSync(path.join(dir, "office.js"), "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds dist/ with the production webpack config when it is not there (benches; `npm test` builds first). */
export function ensureDist(): void {
  if (fs.existsSync(path.join(DIST, "taskpane.html"))) return;
  const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("webpack --mode production failed");
}

/**
 * Jest hooks for tests of the built pane (`dist/`): a static server, Chromium, the strict Excel
 * answering the office.js request. Every page opened must end with no console error and no blocked
 * request. `onPage` runs before navigation (to listen to requests, say).
 */
export function builtPane(): {
  open(opts?: { width?: number; initScript?: string; onPage?: (page: Page) => void }): Promise<Page>;
} {
  let officeJs: string;
  let server: Server;
  let browser: Browser;
  let opened: Opened[] = [];
  beforeAll(async () => {
    ensureDist();
    officeJs = await strictExcelScript();
    server = await serve({ "/": DIST });
    browser = await launch();
  }, 240000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const o of opened) {
      expect(o.errors).toEqual([]);
      expect(o.blocked).toEqual([]);
      await o.context.close();
    }
    opened = [];
  });
  return {
    async open(opts = {}) {
      const o = await openPage(browser, server.origin, { officeJs, width: opts.width, initScript: opts.initScript });
      opened.push(o);
      opts.onPage?.(o.page);
      await o.page.goto(`${server.origin}/taskpane.html`);
      return o.page;
    },
  };
}

/** Unfolds every group of the pane's attention list ("Hiện thêm" until none is left). */
export async function expandAttention(page: Page): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const more = page.locator('[data-testid="attention-more"]');
    if ((await more.count()) === 0) return;
    await more.first().click();
  }
}

/** Calls the strict Excel's user (typing, reading cells, protecting a sheet) inside the page. */
export async function user<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => {
    const u = (window as unknown as { __strictExcel: { user: Record<string, (...x: unknown[]) => unknown> } }).__strictExcel.user;
    return u[f as string](...(a as unknown[]));
  }, [fn, args] as const) as Promise<T>;
}

/** Waits until the strict Excel has answered every request and fired its events. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __strictExcel: { settle(): Promise<void> } }).__strictExcel.settle());
}
