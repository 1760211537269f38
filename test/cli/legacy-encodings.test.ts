/**
 * CSV files in the old Vietnamese 8-bit encodings, built here from a seed plan's table: TCVN3 (the
 * `.VnTime` fonts; as raw bytes, and as Excel saves such cells in a CSV UTF-8) is read and gives the
 * findings of its UTF-8 twin on every path that reads a CSV (`ktxh check` of a file and of a folder,
 * the plan file of the CLI and of the pane, an actuals file); VNI (the `VNI-Times` fonts) is refused
 * with what to do. Windows-1258 and UTF-16 twins give the same findings too.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseActuals } from "../../src/core/actuals";
import { decodeText } from "../../src/core/csv";
import { decodeTcvn3, isVietnameseSyllable } from "../../src/core/legacy-vietnamese";
import { main } from "../../src/cli/main";
import { loadPlanFile } from "../../src/cli/load-plan";
import type { Plan } from "../../src/core/plan";
import { readPlanFile } from "../../src/taskpane/plan-file";
import { builtInPlans } from "../../src/seeds";
import { encode1258 } from "../domain/cp1258";
import { encodeTcvn3, encodeVni, tcvn3AsUtf8 } from "../domain/legacy-fonts";
import { goodActual } from "../validate/corpus";

type JsonIssue = { code: string; severity: string; cell: string | null; target: string | null };
type Json = { files: { file: string; readable: boolean; reason: string | null; reasonCode: string | null; issues: JsonIssue[] }[]; skipped: { file: string; reasonCode: string }[] };

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16 = (s: string): Uint8Array => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);

/** A colleague's table of the 2024 seed plan, `;` between fields: target 5 without a figure. */
function table(plan: Plan): string {
  const lines = ["TT;Chỉ tiêu;Đơn vị tính;Kế hoạch năm 2024;Ước thực hiện năm 2024;Ghi chú"];
  for (const x of plan.targets) {
    const a = goodActual(x);
    const fig = x.no === "5" ? "" : typeof a === "number" ? a.toLocaleString("vi-VN", { maximumFractionDigits: 3 }) : String(a);
    lines.push([x.no, x.name, x.unit, x.target, fig, ""].join(";"));
  }
  return lines.join("\r\n") + "\r\n";
}

describe("the TCVN3 table", () => {
  test("reads the letters of TCVN 5712:1993 at their bytes", () => {
    // "Tæng gi¸ trÞ s¶n xuÊt" is how a .VnTime text looks when read as Latin-1.
    expect(decodeTcvn3(Buffer.from("Tæng gi¸ trÞ s¶n xuÊt; §¬n vÞ: UBND x·; ¦íc TH", "latin1"))).toBe("Tổng giá trị sản xuất; Đơn vị: UBND xã; Ước TH");
    expect(decodeTcvn3(Uint8Array.of(0xb5, 0xb8, 0xb6, 0xb7, 0xb9, 0xad, 0xae, 0xa7, 0xa6, 0x61, 0xb3))).toBe("àáảãạưđĐƯá");
  });

  test("Vietnamese syllables are told from the words a wrong table makes", () => {
    for (const w of ["Tổng", "nghìn", "người", "khuyến", "quốc", "giữ", "Ước", "hoà", "thuỷ"]) expect({ w, ok: isVietnameseSyllable(w) }).toEqual({ w, ok: true });
    for (const w of ["Tæng", "Toång", "tiªu", "ñoàng", "ngöôøi", "café", "m²", "tụịng"]) expect({ w, ok: isVietnameseSyllable(w) }).toEqual({ w, ok: false });
  });
});

describe("ktxh check: a TCVN3 CSV gives the findings of its UTF-8 twin; VNI is refused with what to do", () => {
  let dir: string;
  const plan = builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;
  const text = table(plan);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-legacy-"));
    const d = path.join(dir, "bang");
    fs.mkdirSync(d);
    const files: [string, Uint8Array][] = [
      ["a-utf8.csv", utf8(text)],
      ["b-tcvn3.csv", encodeTcvn3(text)],
      ["c-tcvn3-csv-utf8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), tcvn3AsUtf8(text)])],
      ["d-1258.csv", encode1258(text)],
      ["e-utf16.csv", utf16(text)],
      ["f-vni.csv", encodeVni(text)],
      ["g-vni-csv-utf8.csv", utf8(new TextDecoder("windows-1252").decode(encodeVni(text)))],
    ];
    for (const [f, b] of files) fs.writeFileSync(path.join(d, f), b);
    const planCsv = fs.readFileSync(path.join(__dirname, "../fixtures/xa-tan-phuoc-ke-hoach.csv"), "utf8").replace(/^\ufeff/, "");
    fs.writeFileSync(path.join(d, "h-ke-hoach-tcvn3.csv"), encodeTcvn3(planCsv));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const key = (i: JsonIssue): string => `${i.code} ${i.severity} ${i.cell ?? "-"} #${i.target ?? "-"}`;

  test("a folder: every twin read with the same issues at the same cells, VNI refused, the TCVN3 plan skipped as a plan", async () => {
    let stdout = "";
    await main(["check", "bang", "--json", "--plan", "binh-son-2024"], { cwd: dir, out: (t) => void (stdout += t), err: () => undefined });
    const j = JSON.parse(stdout) as Json;
    const file = (f: string) => j.files.find((x) => x.file === path.join("bang", f));
    const twin = file("a-utf8.csv");
    expect(twin?.readable).toBe(true);
    const expected = (twin?.issues ?? []).map(key).sort();
    expect(expected).toContain("value.missing warning E6 #5");
    expect(expected.filter((k) => /^row\.|^column\./.test(k))).toEqual([]);
    for (const f of ["b-tcvn3.csv", "c-tcvn3-csv-utf8.csv", "d-1258.csv", "e-utf16.csv"]) {
      expect({ f, readable: file(f)?.readable, issues: (file(f)?.issues ?? []).map(key).sort() }).toEqual({ f, readable: true, issues: expected });
    }
    for (const f of ["f-vni.csv", "g-vni-csv-utf8.csv"]) {
      expect({ f, readable: file(f)?.readable, code: file(f)?.reasonCode }).toEqual({ f, readable: false, code: "file.encoding-vni" });
      expect(file(f)?.reason).toMatch(/VNI.*Unicode.*CSV UTF-8/);
    }
    expect(j.skipped.map((s) => [s.file, s.reasonCode])).toEqual([[path.join("bang", "h-ke-hoach-tcvn3.csv"), "skip.plan-file"]]);
  });

  test("one file named alone: the same", async () => {
    const run = async (f: string): Promise<Json["files"][number]> => {
      let stdout = "";
      await main(["check", path.join("bang", f), "--json", "--plan", "binh-son-2024"], { cwd: dir, out: (t) => void (stdout += t), err: () => undefined });
      return (JSON.parse(stdout) as Json).files[0];
    };
    const twin = await run("a-utf8.csv");
    const tcvn3 = await run("b-tcvn3.csv");
    expect(tcvn3.issues.map(key).sort()).toEqual(twin.issues.map(key).sort());
    expect(await run("f-vni.csv")).toMatchObject({ readable: false, reasonCode: "file.encoding-vni" });
  });

  test("a plan CSV in TCVN3: the CLI and the pane read the targets of its UTF-8 twin; in VNI both refuse it", async () => {
    const utf = await loadPlanFile(path.join(__dirname, "../fixtures/xa-tan-phuoc-ke-hoach.csv"), "ke-hoach.csv");
    const cli = await loadPlanFile(path.join(dir, "bang", "h-ke-hoach-tcvn3.csv"), "ke-hoach.csv");
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, "bang", "h-ke-hoach-tcvn3.csv")));
    const pane = readPlanFile("ke-hoach.csv", bytes);
    if (!utf.ok || !cli.ok || !pane.ok) throw new Error(JSON.stringify([utf.problems, cli.problems, pane]));
    expect(cli.value.targets).toEqual(utf.value.targets);
    expect(pane.plan.targets).toEqual(utf.value.targets);
    expect(cli.value.unit).toBe("UBND xã Tân Phước");
    const vni = readPlanFile("ke-hoach.csv", encodeVni(fs.readFileSync(path.join(__dirname, "../fixtures/xa-tan-phuoc-ke-hoach.csv"), "utf8").replace(/^\ufeff/, "")));
    expect(vni.ok).toBe(false);
  });

  test("an actuals CSV in TCVN3 reads as its UTF-8 twin (status words included); in VNI it is refused", () => {
    const actuals = "no;actual;status\n1;25.300;Đạt\n2;;Không đạt\n3;650,2;Chưa có số liệu\n";
    const twin = parseActuals(utf8(actuals));
    expect(twin.ok).toBe(true);
    expect(parseActuals(encodeTcvn3(actuals))).toEqual(twin);
    expect(parseActuals(tcvn3AsUtf8(actuals))).toEqual(twin);
    const vni = parseActuals(encodeVni(actuals), "so-lieu.csv");
    expect(vni.ok ? [] : vni.problems.map((p) => p.code)).toEqual(["csv.encoding-vni"]);
  });

  test("what reads as Vietnamese already is left as it is: Windows-1258, and UTF-8 holding a few Latin-1 words", () => {
    const w = decodeText(encode1258(text));
    expect(w.ok && w.value.encoding).toBe("windows-1258");
    const latin = "no;name\n1;Café crème à Genève\n2;Tên xã\n";
    const u = decodeText(utf8(latin));
    expect(u.ok && [u.value.encoding, u.value.text]).toEqual(["utf-8", latin]);
  });
});
