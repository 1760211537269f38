// Checks what `npm run build` put in dist/ (`npm test` builds first): the pages and their scripts,
// the old-host fallback, the manifest and icons, and the size of the JavaScript the pane loads.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import * as zlib from "node:zlib";
// acorn comes with webpack; it parses at an exact ECMAScript level, which is what these checks need.
import * as acorn from "acorn";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const GZIP_BUDGET = 165 * 1024; // Microsoft's React task-pane template ships about this much

function distFile(name: string): string {
  const file = path.join(dist, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return fs.readFileSync(file, "utf8");
}

interface ScriptTag { src: string | null; code: string }

function scriptTags(html: string): ScriptTag[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => {
    const src = /\bsrc\s*=\s*"?([^"\s>]+)"?/i.exec(m[1]);
    return { src: src ? src[1] : null, code: m[2] };
  });
}

const html = distFile("taskpane.html");
const tags = scriptTags(html);
const inline = tags.filter((t) => t.src === null).map((t) => t.code);

interface PageRun {
  injected: { src?: string; async?: boolean }[];
  preloaded: { rel?: string; as?: string; href?: string }[];
  noticeShown: boolean;
  onReadyCalls: number;
}

/**
 * Runs the page's inline scripts in a bare JavaScript context standing in for a webview, with
 * office.js simulated between them (it polyfills Promise on old hosts, so it must not fool the check).
 */
function runPage(opts: { userAgent: string; documentMode?: number; fetch?: boolean; remove?: string[] }): PageRun {
  const injected: PageRun["injected"] = [];
  const preloaded: PageRun["preloaded"] = [];
  const notice = { style: { display: "none" } };
  let onReadyCalls = 0;
  const document = {
    documentMode: opts.documentMode,
    getElementById: (id: string) => (id === "ktxh-unsupported" ? notice : null),
    createElement: () => ({}),
    head: { appendChild: (el: { rel?: string; as?: string; href?: string }) => preloaded.push(el) },
    body: { appendChild: (el: { src?: string; async?: boolean }) => injected.push(el) },
  };
  const sandbox: Record<string, unknown> = { document, navigator: { userAgent: opts.userAgent } };
  if (opts.fetch !== false) sandbox.fetch = () => undefined;
  const context = vm.createContext(sandbox);
  vm.runInContext("var window = this;", context);
  for (const name of opts.remove ?? []) vm.runInContext(`delete ${name};`, context);
  const officeJs = () => {
    vm.runInContext("if (typeof Promise === 'undefined') { this.Promise = function () {}; }", context);
    sandbox.Office = { onReady: () => { onReadyCalls++; } };
  };
  expect(inline).toHaveLength(2);
  vm.runInContext(inline[0], context);
  officeJs();
  vm.runInContext(inline[1], context);
  return { injected, preloaded, noticeShown: notice.style.display === "block", onReadyCalls };
}

const CHROMIUM_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko";
const EDGE_LEGACY_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const ES5_ONLY = ["Promise", "Symbol", "Proxy", "Object.fromEntries", "String.prototype.replaceAll"];

describe("dist/taskpane.html", () => {
  const modern = runPage({ userAgent: CHROMIUM_UA });
  const bundle = modern.injected.map((s) => s.src ?? "");

  test("loads office.js from Microsoft's CDN, between the check and the loader, and nothing else by tag", () => {
    expect(tags.map((t) => t.src ?? "inline")).toEqual(["inline", OFFICE_JS, "inline"]);
  });

  test("inline scripts are ES3, so even Internet Explorer runs them", () => {
    for (const code of inline) expect(() => acorn.parse(code, { ecmaVersion: 3 })).not.toThrow();
  });

  test("a current webview gets the bundle, in order, and no notice", () => {
    expect(bundle.length).toBeGreaterThanOrEqual(1);
    expect(bundle[bundle.length - 1]).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
    for (const src of bundle) expect(fs.existsSync(path.join(dist, src))).toBe(true);
    expect(modern.injected.every((s) => s.async === false)).toBe(true);
    expect(modern.noticeShown).toBe(false);
  });

  test("the page's markup preloads the bundle before office.js, so the two downloads overlap from the first bytes", () => {
    // In the markup, not added by a script: the browser's preload scanner requests them as the page
    // arrives, before the page commits and runs any script. Engines that cannot run the bundle
    // (Internet Explorer, EdgeHTML) do not implement rel=preload and fetch nothing.
    const head = html.slice(0, html.indexOf(OFFICE_JS));
    const links = [...head.matchAll(/<link\b([^>]*)>/g)].map((m) => m[1]);
    const preloads = links.filter((a) => /\brel="preload"/.test(a) && /\bas="script"/.test(a)).map((a) => /\bhref="([^"]+)"/.exec(a)?.[1]);
    expect(preloads).toEqual(bundle);
    expect(modern.preloaded).toEqual([]);
  });

  test.each([
    ["Internet Explorer 11", { userAgent: IE11_UA, documentMode: 11, fetch: false, remove: ES5_ONLY }],
    ["Edge Legacy (EdgeHTML 18)", { userAgent: EDGE_LEGACY_UA, remove: ["Object.fromEntries", "String.prototype.replaceAll"] }],
    ["an engine without ES2020 syntax (Safari 13.0)", { userAgent: "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)", remove: ["String.prototype.replaceAll"] }],
    ["a webview without fetch", { userAgent: CHROMIUM_UA, fetch: false }],
  ])("%s gets the Vietnamese notice instead of the bundle", (_name, opts) => {
    const run = runPage(opts);
    expect(run.injected).toEqual([]);
    expect(run.preloaded).toEqual([]);
    expect(run.noticeShown).toBe(true);
    expect(run.onReadyCalls).toBe(1);
  });

  test("the notice names what to upgrade to", () => {
    const notice = /<div id="ktxh-unsupported"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    for (const words of ["Microsoft 365", "Office 2021", "Excel trên web", "WebView2", "Internet Explorer"]) {
      expect(notice).toContain(words);
    }
  });

  test("the bundle uses no syntax newer than ES2020, which the check guarantees", () => {
    for (const src of bundle) {
      expect(() => acorn.parse(distFile(src), { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    }
  });

  test(`the pane's JavaScript is under ${GZIP_BUDGET / 1024} KB gzipped (office.js excluded)`, () => {
    const sizes = bundle.map((src) => {
      const raw = fs.readFileSync(path.join(dist, src));
      return { src, raw: raw.length, gz: zlib.gzipSync(raw).length };
    });
    const total = sizes.reduce((sum, s) => sum + s.gz, 0);
    console.log(
      sizes.map((s) => `${s.src}: ${(s.raw / 1024).toFixed(1)} KB, ${(s.gz / 1024).toFixed(1)} KB gz`).join("\n") +
        `\npane JavaScript total: ${(total / 1024).toFixed(1)} KB gz (budget ${GZIP_BUDGET / 1024} KB)`,
    );
    expect(total).toBeLessThan(GZIP_BUDGET);
  });
});

describe("dist/ for sideloading", () => {
  const manifest = distFile("manifest.xml");
  const base = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1] ?? "";

  test("holds the manifest, and every URL in it under the add-in's base names a built file", () => {
    expect(base).toMatch(/^https:\/\/.+\/$/);
    const urls = [...manifest.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith(base));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect([url, fs.existsSync(path.join(dist, url.slice(base.length)))]).toEqual([url, true]);
  });

  test("has the icons exactly as in assets/", () => {
    for (const size of [16, 32, 64, 80]) {
      const name = `icon-${size}.png`;
      expect(fs.readFileSync(path.join(dist, "assets", name))).toEqual(fs.readFileSync(path.join(root, "assets", name)));
    }
  });

  test("commands.html, the manifest's function file, loads office.js and initialises", () => {
    const page = distFile("commands.html");
    expect(scriptTags(page).map((t) => t.src ?? "inline")).toEqual([OFFICE_JS, "inline"]);
    expect(page).toContain("Office.onReady");
  });
});
