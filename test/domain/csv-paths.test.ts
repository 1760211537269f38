/**
 * One CSV reading: the same bytes give the same rows whether they arrive as a plan table (CLI and
 * pane), an actuals file, or a colleague's sheet saved as CSV (`ktxh check`).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeText, readCsv } from "../../src/core/csv";
import { readWorkbook } from "../../src/hosts/xlsx/read-workbook";
import { loadPlanFile } from "../../src/cli/load-plan";
import { readPlanFile } from "../../src/taskpane/plan-file";
import { encode1258 } from "./cp1258";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};

const semicolons = [
  "no;name;unit;target",
  "1;Tổng giá trị sản xuất;tỷ đồng;khoảng 25.224",
  "-;Ngành Nông, lâm, thủy sản;tỷ đồng;2.907,66",
  '2;"Số trường đạt chuẩn',
  'Quốc gia";trường;01',
  "",
  '3;"Tỷ lệ hộ nghèo ""đa chiều""";%;"giảm còn khoảng 2,14%"',
].join("\r\n");
const commas = '\ufeffno,name,unit,target\r\n1,"Thu, chi ngân sách\r\ndòng hai",tỷ đồng,"1.200"\r\n2,Giao quân,%,100%\r\n';

const SEMI_ROW = ["2", "Số trường đạt chuẩn\nQuốc gia", "trường", "01"];
const COMMA_ROW = ["1", "Thu, chi ngân sách\ndòng hai", "tỷ đồng", "1.200"];
const cases: [string, Uint8Array, string[]][] = [
  ["';' in Windows-1258, CRLF, a quoted field over two lines, a blank line", encode1258(semicolons), SEMI_ROW],
  ["UTF-8 with BOM, ',' and a quoted CRLF inside a field", utf8(commas), COMMA_ROW],
  ["UTF-16 LE by its BOM", utf16le(commas.replace(/^\ufeff/, "")), COMMA_ROW],
  ["UTF-8 without BOM, LF only", utf8(semicolons.replace(/\r\n/g, "\n")), SEMI_ROW],
];

describe("the same CSV bytes give the same rows on every path", () => {
  it.each(cases)("%s", async (_label, bytes, expected) => {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error("not decoded");
    const table = readCsv(decoded.value.text);
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    const planRows = [table.value.header, ...table.value.rows.map((r) => r.cells)];

    const book = await readWorkbook(Buffer.from(bytes), "ke-hoach-2024.csv");
    if (!book.ok) throw new Error(book.code);
    const gridRows = book.grids[0].cells
      .map((row) => row.map((c) => (c == null ? "" : String(c.value))))
      .filter((row) => row.some((v) => v.trim() !== ""));

    expect(gridRows).toEqual(planRows);
    expect(planRows[0]).toEqual(["no", "name", "unit", "target"]);
    expect(planRows).toContainEqual(expected.map((c) => c.normalize("NFC")));
  });

  it.each(cases)("%s: the CLI and the pane read the same plan", async (_label, bytes) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ktxh-csv-"));
    const file = path.join(dir, "ke-hoach-2024.csv");
    await fs.writeFile(file, bytes);
    const cli = await loadPlanFile(file, "ke-hoach-2024.csv");
    const pane = readPlanFile("ke-hoach-2024.csv", bytes);
    if (!cli.ok || !pane.ok) throw new Error(JSON.stringify([cli.problems, pane]));
    expect(pane.plan.targets).toEqual(cli.value.targets);
    expect(cli.value.targets.map((t) => t.name).join("|")).not.toMatch(/\r/);
  });
});

describe("quoting faults are refused with their line and column", () => {
  it.each([
    ['no,name,unit,target\n1,"Tên,%,5\n', "csv.unterminated-quote", "dòng 2, cột 2"],
    ['no,name,unit,target\n1,"Tên" x,%,5\n', "csv.stray-quote", "dòng 2, cột 2"],
    ['no;name;unit;target\r\n1;"a\r\nb";%;5\r\n2;x;%;"5\r\n', "csv.unterminated-quote", "dòng 4, cột 4"],
  ])("%j", (text, code, where) => {
    const r = readCsv(text);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.location.path])).toEqual([[code, where]]);
  });
});
