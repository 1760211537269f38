// Offline checks of manifest.xml: what Office's online validator (`npm run validate`) would reject
// and what sideloading trips on (icons of the wrong size, dangling resids, http URLs).
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ManifestUrlError, normalizeBaseUrl, rewriteManifestUrls } from "../scripts/manifest-url";

const root = path.resolve(__dirname, "..");
const manifestXml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toNodes(items: Ordered[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const inner = item[name] as Ordered[];
    nodes.push({
      name,
      attrs: (item[":@"] as Record<string, string> | undefined) ?? {},
      children: toNodes(inner),
      text: inner.filter((c) => "#text" in c).map((c) => String(c["#text"])).join(""),
    });
  }
  return nodes;
}

function parse(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const top = toNodes(parser.parse(xml) as Ordered[]);
  expect(top).toHaveLength(1);
  return top[0];
}

function walk(node: XmlNode, visit: (n: XmlNode) => void): void {
  visit(node);
  node.children.forEach((c) => walk(c, visit));
}

function all(node: XmlNode, pred: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  walk(node, (n) => { if (pred(n)) out.push(n); });
  return out;
}

function child(node: XmlNode, name: string): XmlNode {
  const c = node.children.find((n) => n.name === name);
  if (!c) throw new Error(`<${node.name}> has no <${name}>`);
  return c;
}

function at(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(child, node);
}

/** Width and height from a PNG's IHDR, after checking every chunk's CRC and that the pixels inflate. */
function readPng(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("ascii", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    expect(buf.readUInt32BE(pos + 8 + len)).toBe(zlib.crc32(buf.subarray(pos + 4, pos + 8 + len)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]] ?? 0;
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  expect(zlib.inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * channels));
  return { width, height };
}

const app = parse(manifestXml);
const DEV = "https://localhost:3000/";

// ids of every resource, by kind, and the kind each referring element needs
const resources = at(app, "VersionOverrides", "Resources");
const resourceIds = new Map<string, { kind: string; value: string }>();
for (const kind of resources.children) {
  for (const r of kind.children) resourceIds.set(r.attrs.id, { kind: kind.name, value: r.attrs.DefaultValue });
}
function kindFor(n: XmlNode): string {
  if (n.name === "bt:Image") return "bt:Images";
  if (["LearnMoreUrl", "SourceLocation", "FunctionFile"].includes(n.name)) return "bt:Urls";
  if (n.name === "Description") return "bt:LongStrings";
  return "bt:ShortStrings"; // Label, Title
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestXml)).toBe(true);
  });

  test("is a task-pane add-in whose top-level elements follow the schema's order", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const order = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
      "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "AllowSnapshot", "VersionOverrides"];
    const names = app.children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(names);
  });

  test("has the required elements, in Vietnamese", () => {
    for (const name of ["Id", "Version", "ProviderName", "DefaultLocale", "Permissions"]) {
      expect(child(app, name).text.trim()).not.toBe("");
    }
    for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
      expect(child(app, name).attrs.DefaultValue?.trim()).toBeTruthy();
    }
    expect(child(app, "DefaultLocale").text).toBe("vi-VN");
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("KT-XH – Kế hoạch KT-XH");
    expect(child(app, "Description").attrs.DefaultValue).toMatch(/kinh tế - xã hội/);
    expect(at(app, "Hosts").children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(at(app, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(`${DEV}taskpane.html`);
  });

  test("keeps vi-VN as the default and overrides name and description in English (en-US)", () => {
    for (const name of ["DisplayName", "Description"]) {
      const overrides = child(app, name).children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attrs.Value).toMatch(/[A-Za-z]{4}/);
      expect(overrides[0].attrs.Value).not.toBe(child(app, name).attrs.DefaultValue);
    }
    expect(child(app, "DisplayName").children.find((c) => c.name === "Override")!.attrs.Value.length).toBeLessThanOrEqual(125);
    expect(child(app, "Description").children.find((c) => c.name === "Override")!.attrs.Value.length).toBeLessThanOrEqual(250);
  });

  test("has a GUID Id and a four-part version matching package.json", () => {
    expect(child(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(child(app, "Version").text).toBe(`${pkg.version}.0`);
  });

  test("asks for no more than ReadWriteDocument", () => {
    // least to most, as Office documents the levels for task-pane add-ins (ReadWriteMailbox: Outlook's top)
    const rank = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument", "ReadWriteMailbox"];
    const permission = child(app, "Permissions").text;
    expect(rank).toContain(permission);
    expect(rank.indexOf(permission)).toBeLessThanOrEqual(rank.indexOf("ReadWriteDocument"));
  });

  test("requires ExcelApi 1.8 and nothing newer (newer sets are checked at run time)", () => {
    const sets = at(app, "Requirements", "Sets").children;
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.8"]]);
  });

  test("uses https for every URL", () => {
    const urls: string[] = [];
    walk(app, (n) => {
      for (const [k, v] of Object.entries(n.attrs)) if (!k.startsWith("xmlns") && /^\w+:\/\//.test(v)) urls.push(v);
      if (/^\w+:\/\//.test(n.text.trim())) urls.push(n.text.trim());
    });
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^\s"<>]+$/);
  });

  test("every icon is a PNG in assets/ with its declared pixel size", () => {
    const declared: [string, number][] = [
      [child(app, "IconUrl").attrs.DefaultValue, 32],
      [child(app, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of all(app, (n) => n.name === "bt:Image" && "resid" in n.attrs)) {
      declared.push([resourceIds.get(img.attrs.resid)?.value ?? "(missing)", Number(img.attrs.size)]);
    }
    expect(new Set(declared.map(([, s]) => s))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of declared) {
      expect(url.startsWith(`${DEV}assets/`)).toBe(true);
      const file = path.join(root, url.slice(DEV.length));
      expect(fs.existsSync(file)).toBe(true);
      expect([url, readPng(file)]).toEqual([url, { width: size, height: size }]);
    }
  });

  test("every resid names a resource of the right kind, and every resource is used", () => {
    const refs = all(app, (n) => "resid" in n.attrs);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.attrs.resid.length).toBeLessThanOrEqual(32);
      expect([ref.attrs.resid, resourceIds.get(ref.attrs.resid)?.kind]).toEqual([ref.attrs.resid, kindFor(ref)]);
    }
    const used = new Set(refs.map((r) => r.attrs.resid));
    expect([...resourceIds.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("ids are unique and strings fit Office's limits", () => {
    const ids = all(app, (n) => "id" in n.attrs).map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of at(resources, "bt:ShortStrings").children) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of at(resources, "bt:LongStrings").children) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    expect(child(app, "DisplayName").attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(app, "Description").attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    expect(child(app, "ProviderName").text.length).toBeLessThanOrEqual(125);
  });

  test("a Home-tab button opens the same pane as the default source location", () => {
    const host = at(app, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const tab = at(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const buttons = all(tab, (n) => n.name === "Control" && n.attrs["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const url = resourceIds.get(child(action, "SourceLocation").attrs.resid)?.value;
    expect(url).toBe(at(app, "DefaultSettings", "SourceLocation").attrs.DefaultValue);
  });
});

describe("production URL rewrite (scripts/manifest-url.js)", () => {
  const localhostCount = manifestXml.split(DEV).length - 1;

  test("points every development URL at the production base and keeps the XML valid", () => {
    const out = rewriteManifestUrls(manifestXml, "https://kehoach.binhson.local/ktxh/");
    expect(localhostCount).toBeGreaterThanOrEqual(8);
    expect(out).not.toContain("://localhost");
    expect(out.split("https://kehoach.binhson.local/ktxh/").length - 1).toBe(localhostCount);
    expect(XMLValidator.validate(out)).toBe(true);
    const rewritten = parse(out);
    expect(at(rewritten, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe("https://kehoach.binhson.local/ktxh/taskpane.html");
    expect(child(rewritten, "Id").text).toBe(child(app, "Id").text);
  });

  test("adds the missing trailing slash and escapes XML characters", () => {
    expect(normalizeBaseUrl("https://server/path")).toBe("https://server/path/");
    expect(normalizeBaseUrl("https://Server")).toBe("https://server/");
    const out = rewriteManifestUrls(manifestXml, "https://server/a&b");
    expect(out).toContain('DefaultValue="https://server/a&amp;b/taskpane.html"');
    expect(XMLValidator.validate(out)).toBe(true);
  });

  test("refuses a base Office would not load", () => {
    expect(() => rewriteManifestUrls(manifestXml, "http://server/ktxh/")).toThrow(ManifestUrlError);
    expect(() => rewriteManifestUrls(manifestXml, "server/ktxh")).toThrow(ManifestUrlError);
    expect(() => rewriteManifestUrls(manifestXml, "https://server/?v=1")).toThrow(ManifestUrlError);
  });

  test("webpack.config.js applies it to dist/manifest.xml only when urlProd is given", async () => {
    type CopyPattern = { from: string; transform?: (content: Buffer) => Buffer | string };
    type Config = { plugins: { patterns?: CopyPattern[] }[] };
    const makeConfig = createRequire(__filename)(path.join(root, "webpack.config.js")) as (env: object, argv: object) => Promise<Config | Config[]>;
    const manifestPattern = async (env: object) => {
      const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
      const config = await makeConfig(env, { mode: "production" });
      log.mockRestore();
      // A production build is the pane's config and the CLI's: the manifest is the pane's.
      const configs = Array.isArray(config) ? config : [config];
      const pattern = configs.flatMap((c) => c.plugins ?? []).flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
      if (!pattern?.transform) throw new Error("no manifest.xml copy pattern with a transform");
      return pattern.transform;
    };
    const prod = String((await manifestPattern({ urlProd: "https://server/ktxh" }))(Buffer.from(manifestXml)));
    expect(prod).toBe(rewriteManifestUrls(manifestXml, "https://server/ktxh/"));
    const dev = String((await manifestPattern({}))(Buffer.from(manifestXml)));
    expect(dev).toBe(manifestXml);
  });
});
