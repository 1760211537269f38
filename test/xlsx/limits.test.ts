/**
 * Large and hostile packages are refused from the zip's central directory, before anything is
 * unzipped: a zip bomb (built by ./bomb.ts: a few hundred KB that expand to ~500 MB of shared strings)
 * in well under a second, with `file.too-large`, by the reader and by `ktxh check`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { CONTENT_TYPES, WORKBOOK, deflated, deflatedRepeat, zip, zipBomb } from "./bomb";
import { READ_LIMITS, inflatedOver, overLimits, readWorkbook, zipDirectory } from "../../src/hosts/xlsx/read-workbook";
import { inflateBounded as browserInflate } from "../../src/hosts/xlsx/inflate.browser";

describe("limits of what a file may expand to", () => {
  test("a zip bomb (shared strings expanding to ~500 MB) is refused with file.too-large in under a second", async () => {
    const bomb = await zipBomb(500);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(zipDirectory(bomb)?.find((e) => e.name === "xl/sharedStrings.xml")?.uncompressed).toBeGreaterThan(500 * 1024 * 1024);
    const t0 = performance.now();
    const r = await readWorkbook(bomb, "bom.xlsx");
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ ok: false, code: "file.too-large" });
    expect(ms).toBeLessThan(1000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bomb-"));
    try {
      fs.writeFileSync(path.join(dir, "bom.xlsx"), bomb);
      let stdout = "";
      const io = { cwd: dir, out: (t: string) => void (stdout += t), err: () => undefined };
      // The command's modules load on first use (and compile under ts-jest): load them first.
      await main(["check", "absent.xlsx", "--json"], { ...io, out: () => undefined });
      stdout = "";
      const t1 = performance.now();
      expect(await main(["check", "bom.xlsx", "--json"], io)).toBe(2);
      expect(performance.now() - t1).toBeLessThan(1000);
      const [f] = (JSON.parse(stdout) as { files: { reasonCode: string; reason: string }[] }).files;
      expect(f.reasonCode).toBe("file.too-large");
      expect(f.reason).toMatch(/50 MB/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("one entry that expands more than the ratio bound is refused even when the total is under 50 MB", async () => {
    const sheet = await deflatedRepeat("xl/worksheets/sheet1.xml", "<worksheet>", "a", 20 * 1024 * 1024, "</worksheet>");
    const entries = [deflated("[Content_Types].xml", CONTENT_TYPES), deflated("xl/workbook.xml", WORKBOOK), sheet];
    const buf = zip(entries);
    expect(zipDirectory(buf)?.reduce((s, e) => s + e.uncompressed, 0)).toBeLessThan(READ_LIMITS.totalBytes);
    expect(await readWorkbook(buf, "a.xlsx")).toMatchObject({ ok: false, code: "file.too-large" });
  }, 60_000);

  test("the bounds: total over 50 MB, ratio over 200 above 1 MB; ordinary books are within them", async () => {
    const mb = 1024 * 1024;
    expect(overLimits([{ name: "a", compressed: 5 * mb, uncompressed: 49 * mb }])).toBeNull();
    expect(overLimits([{ name: "a", compressed: 5 * mb, uncompressed: 30 * mb }, { name: "b", compressed: 5 * mb, uncompressed: 30 * mb }])).toMatchObject({ entry: null });
    expect(overLimits([{ name: "x", compressed: 1000, uncompressed: 900_000 }])).toBeNull();
    expect(overLimits([{ name: "x", compressed: 10_000, uncompressed: 3 * mb }])).toMatchObject({ entry: "x" });
    expect(overLimits([{ name: "z64", compressed: 0xffffffff, uncompressed: 0xffffffff }])).not.toBeNull();
    // A plain 20,000-row sheet of figures compresses far below the ratio bound.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.addRow(["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH 2024"]);
    for (let i = 1; i <= 20_000; i++) ws.addRow([i, "Tổng giá trị sản xuất", "tỷ đồng", 1000, 1000]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const dir = zipDirectory(buf) ?? [];
    const worst = Math.max(...dir.filter((e) => e.uncompressed > 0).map((e) => e.uncompressed / Math.max(1, e.compressed)));
    expect(worst).toBeLessThan(READ_LIMITS.maxRatio / 2);
    expect((await readWorkbook(buf, "a.xlsx")).ok).toBe(true);
  }, 60_000);

  test("a CSV over 50 MB is refused before it is decoded", async () => {
    const big = Buffer.alloc(READ_LIMITS.totalBytes + 10, "1;2;3\n");
    expect(await readWorkbook(big, "a.csv")).toMatchObject({ ok: false, code: "file.too-large" });
  });
});

describe("bounded inflate: what the entries really expand to, not what the directory declares", () => {
  test("a bomb whose directory lies about its sizes is refused while reading, nothing expanded past the limit", async () => {
    const strings = await deflatedRepeat("xl/sharedStrings.xml", "<sst>", "<si><t>Tổng giá trị sản xuất</t></si>", 15_000_000, "</sst>");
    // The sizes declared as small as the compressed data: the directory check sees nothing wrong.
    const lying = { ...strings, size: strings.data.length };
    const buf = zip([deflated("[Content_Types].xml", CONTENT_TYPES), deflated("xl/workbook.xml", WORKBOOK), lying]);
    expect(overLimits(zipDirectory(buf) ?? [])).toBeNull();
    const t0 = performance.now();
    expect(await readWorkbook(buf, "noi-doi.xlsx")).toMatchObject({ ok: false, code: "file.too-large" });
    // Refused after inflating at most the 50 MB bound (about 0.2 s idle; this machine is shared, so the bound is loose).
    expect(performance.now() - t0).toBeLessThan(10000);
  }, 60_000);

  test("the pane's inflate (DecompressionStream with a byte budget) refuses the same bomb under the same limits, and passes an ordinary book", async () => {
    const strings = await deflatedRepeat("xl/sharedStrings.xml", "<sst>", "<si><t>Tổng giá trị sản xuất</t></si>", 15_000_000, "</sst>");
    const buf = zip([deflated("[Content_Types].xml", CONTENT_TYPES), deflated("xl/workbook.xml", WORKBOOK), { ...strings, size: strings.data.length }]);
    const over = await inflatedOver(buf, READ_LIMITS, browserInflate);
    expect(over).toMatchObject({ entry: "xl/sharedStrings.xml" });
    // Stopped at the entry's bound (200 times its compressed size), never the ~500 MB it holds.
    expect(over?.total).toBeLessThanOrEqual(READ_LIMITS.maxRatio * strings.data.length + 2 * 1024 * 1024);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Số liệu").addRow(["TT", "Chỉ tiêu", "KH 2024"]);
    const ok = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await inflatedOver(ok, READ_LIMITS, browserInflate)).toBeNull();
    // A damaged stream is left to ExcelJS, as in Node.
    expect(await browserInflate(new Uint8Array([0xff, 0xff, 0xff]), 100)).toBeNull();
  }, 60_000);
});
