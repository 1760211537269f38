/**
 * Row identities, column keys and A1 addresses each have one home in the core: `src/core/row-id.ts`
 * builds and parses identities and keys, `src/core/address.ts` builds and parses addresses. This scan
 * fails when any other file in src/ takes them apart by hand (a prefix literal such as `"t:"` or
 * `startsWith("p:")`, an A1 regex, column-letter arithmetic). The strict Excel in src/testing models
 * Excel on its own and is not scanned.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const HOMES = new Set(["core/row-id.ts", "core/address.ts"]);

const PREFIX = "(?:tn|t|n|g|x|p|mark|u)";
const RULES: { what: string; re: RegExp }[] = [
  // "t:", 'p:…', `u:${n}`: a string that starts with an identity or column-key prefix.
  { what: "identity/key prefix literal", re: new RegExp(`["'\`]${PREFIX}:`) },
  // /^tn:([a-z]+)/: a regex that takes an identity apart.
  { what: "identity/key prefix regex", re: new RegExp(`/\\^${PREFIX}:`) },
  // key.slice(2), id.slice(2): the length of a two-character prefix cut off by hand.
  { what: "prefix cut by length", re: /\b(?:key|id)\.slice\(2\)/ },
  // /^([A-Z]+)(\d+)/, /[A-Za-z]{1,3}\$?(\d{1,7})/: column letters followed by row digits.
  { what: "A1 regex", re: /\[A-Z(?:a-z)?\](?:\+|\{1,3\})[^\n]{0,16}?(?:\\d|\[1-9\]|\[0-9\])/ },
  // ch.charCodeAt(0) - 64, String.fromCharCode(65 + m): column letters computed by hand.
  { what: "column-letter arithmetic", re: /charCodeAt\([^)]*\)\s*-\s*64|fromCharCode\(\s*65\b/ },
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every hand-made split in src/, as "file:line: what: text". */
export function handMadeSplits(): string[] {
  const found: string[] = [];
  for (const file of sources(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    if (rel.startsWith("testing/") || HOMES.has(rel)) continue;
    fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      const code = line.replace(/^\s*(?:\/\*|\*|\/\/).*$/, ""); // comments may quote an identity
      for (const r of RULES) if (r.re.test(code)) found.push(`${rel}:${i + 1}: ${r.what}: ${line.trim()}`);
    });
  }
  return found;
}

describe("one home for identities, keys and addresses", () => {
  test("no file outside the homes takes them apart by hand", () => {
    expect(handMadeSplits()).toEqual([]);
  });

  test("the scan sees each kind of hand-made split", () => {
    const hit = (line: string): string[] => RULES.filter((r) => r.re.test(line)).map((r) => r.what);
    expect(hit(`if (id.startsWith("t:")) continue;`)).toEqual(["identity/key prefix literal"]);
    expect(hit(`const prefix = t.kind === "targets" ? 't:' : 'n:';`)).toEqual(["identity/key prefix literal"]);
    expect(hit("const k = `u:${next}`;")).toEqual(["identity/key prefix literal"]);
    expect(hit(`const m = /^tn:([a-z]+):(prev|cur)$/.exec(id);`)).toEqual(["identity/key prefix regex"]);
    expect(hit(`const p = c.key.slice(2);`)).toEqual(["prefix cut by length"]);
    expect(hit(String.raw`const m = /^([A-Z]+)(\d+)$/.exec(cell);`)).toEqual(["A1 regex"]);
    expect(hit(String.raw`const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);`)).toEqual(["A1 regex"]);
    expect(hit(`n = n * 26 + ch.charCodeAt(0) - 64;`)).toEqual(["column-letter arithmetic"]);
    expect(hit(`s = String.fromCharCode(65 + m) + s;`)).toEqual(["column-letter arithmetic"]);
    // Not splits: a key compared whole, a roman-numeral regex, a period id, prose.
    expect(hit(`if (c.key === "status") return;`)).toEqual([]);
    expect(hit(String.raw`if (!/^\(?(\d{1,2}|[A-Za-z])\)?$/.test(t)) return false;`)).toEqual([]);
    expect(hit(`const period = "6m";`)).toEqual([]);
  });
});
