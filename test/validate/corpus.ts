/**
 * A corpus of colleagues' workbooks, made fresh in a temp folder: clean ones, one per defect, mixed
 * ones, the add-in's own layout, a 783/BC-style table, a CSV, and files that are no workbook at all.
 * Each case lists the issues it must produce (code, sheet, cell): the expectations are written here,
 * beside the defect that is seeded, never computed by the code under test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Plan } from "../../src/core/plan";
import { parseTarget } from "../../src/core/target";
import type { FileCode, ValidateCode } from "../../src/core/validate";
import { initWorkbook } from "../../src/hosts/xlsx/workbook-init";

export type Expect = { code: ValidateCode; sheet: string; cell: string | null; target?: string | null };

export interface Case {
  file: string;
  /** Every issue the file must give, no more (order free). Ignored for unreadable files. */
  expect: Expect[];
  unreadable?: FileCode;
  /** Also converted by LibreOffice (the copy must give the same issues). */
  lo?: boolean;
}

export type CellInput = string | number | null | { error: string } | { formula: string; result?: number | { error: string } };

export interface ForeignRow {
  no: string | number | null;
  name: string;
  unit: string;
  plan: CellInput;
  actual: CellInput;
  compare?: CellInput;
  note?: string;
}

/** Where the body starts and which letter holds which column in `foreignSheet`. */
export const FOREIGN = { firstRow: 6, no: "A", name: "B", unit: "C", plan: "D", actual: "E", compare: "F", note: "G" } as const;

/** A colleague's sheet: a title, a two-line header (TT · Chỉ tiêu chủ yếu · ĐVT · Năm N: KH, Ước TH · So với KH (%) · Ghi chú). */
export function foreignSheet(wb: ExcelJS.Workbook, name: string, year: number, rows: ForeignRow[], style: "two-line" | "783" = "two-line"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM ${year}`;
  ws.mergeCells("A1:G1");
  ws.getCell("A2").value = "(Kèm theo Báo cáo số      /BC-UBND của UBND xã)";
  ws.mergeCells("A2:G2");
  if (style === "783") {
    // 783/BC's own header, on the second of two rows (row 4 left blank: the body still starts at row 6).
    ["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", `KH ${year}`, `Ước TH năm ${year}`, "So với chỉ tiêu giao (%)"].forEach((h, i) => {
      ws.getRow(5).getCell(i + 1).value = h;
    });
  } else {
    for (const [col, text] of [["A", "TT"], ["B", "Chỉ tiêu chủ yếu"], ["C", "ĐVT"], ["F", "So với KH (%)"], ["G", "Ghi chú"]]) {
      ws.getCell(`${col}4`).value = text;
      ws.mergeCells(`${col}4:${col}5`);
    }
    ws.getCell("D4").value = `Năm ${year}`;
    ws.mergeCells("D4:E4");
    ws.getCell("D5").value = "KH";
    ws.getCell("E5").value = "Ước TH";
  }
  rows.forEach((r, i) => {
    const row = ws.getRow(FOREIGN.firstRow + i);
    const put = (col: string, v: CellInput | undefined) => {
      if (v === null || v === undefined) return;
      row.getCell(col).value = v as ExcelJS.CellValue;
    };
    put("A", r.no);
    put("B", r.name);
    put("C", r.unit);
    put("D", r.plan);
    put("E", r.actual);
    put("F", r.compare);
    put("G", r.note);
  });
  ws.getColumn("B").width = 45;
  return ws;
}

/** A plausible figure for a target: a little above plan, kept under 100 for shares; worded where the plan is. */
export function goodActual(t: Plan["targets"][number]): CellInput {
  const r = parseTarget(t.target, { unit: t.unit, name: t.name, direction: t.direction });
  if (!r.ok) return 1;
  const s = r.value;
  if (s.kind === "reduce-criteria") return "giảm 03 tiêu chí";
  if (s.kind === "more-than" && s.min === 80) return ">80";
  const base = s.min ?? s.max ?? 1;
  const up = s.direction === "lower" ? 0.97 : 1.03;
  let v = s.kind === "more-than" || s.kind === "at-least" ? base + 5 : Number((base * up).toFixed(Math.max(s.decimals, 1)));
  if (t.unit === "%" && v > 100) v = 100;
  if (Number.isInteger(base) && base < 10) v = base;
  return v;
}

export function goodRows(plan: Plan): ForeignRow[] {
  return plan.targets.map((t) => ({
    no: t.parent == null ? t.no : "-",
    name: t.name,
    unit: t.unit,
    plan: t.target,
    actual: goodActual(t),
  }));
}

/** A1 address of the actual cell of the i-th body row in `foreignSheet`. */
export const at = (col: string, index: number): string => `${col}${FOREIGN.firstRow + index}`;

async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

function colLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The add-in's own workbook with figures filled in the "Năm" column, statuses set, traffic counts given. */
export function ownWorkbook(plan: Plan, fill: {
  actual?: (no: string) => CellInput;
  traffic?: Partial<Record<string, CellInput>>;
  status?: (code: string) => string | null;
}): { wb: ExcelJS.Workbook; cellOf: (sheet: "targets" | "tasks", id: string, key: string) => string } {
  const { workbook } = initWorkbook(plan, { periods: ["6m", "year"] });
  const targets = workbook.getWorksheet("Chỉ tiêu");
  const tasks = workbook.getWorksheet("Nhiệm vụ");
  if (!targets || !tasks) throw new Error("initWorkbook made no targets/tasks sheet");
  const index = (ws: ExcelJS.Worksheet) => {
    const keys = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => keys.set(String(c.value).startsWith("#ktxh:") ? "id" : String(c.value), n));
    const ids = new Map<string, number>();
    const idCol = keys.get("id") ?? 0;
    ws.eachRow((row, r) => {
      const v = row.getCell(idCol).value;
      if (typeof v === "string") ids.set(v, r);
    });
    return { keys, ids };
  };
  const ti = index(targets);
  const ni = index(tasks);
  const cellOf = (sheet: "targets" | "tasks", id: string, key: string): string => {
    const ix = sheet === "targets" ? ti : ni;
    const r = ix.ids.get(id);
    const c = ix.keys.get(key);
    if (!r || !c) throw new Error(`no cell for ${id} ${key}`);
    return `${colLetter(c)}${r}`;
  };
  for (const t of plan.targets) {
    const v = fill.actual ? fill.actual(t.no) : goodActual(t);
    if (v !== null) targets.getCell(cellOf("targets", `t:${t.no}`, "p:year")).value = v as ExcelJS.CellValue;
  }
  for (const [id, v] of Object.entries(fill.traffic ?? {})) {
    if (v !== null && v !== undefined) targets.getCell(cellOf("targets", id, "p:year")).value = v as ExcelJS.CellValue;
  }
  for (const task of plan.tasks) {
    const s = fill.status ? fill.status(task.code) : "Hoàn thành";
    if (s !== null) tasks.getCell(cellOf("tasks", `n:${task.code}`, "status:year")).value = s;
  }
  return { wb: workbook, cellOf };
}

/** Counts that fell on two criteria of three (accidents, deaths), injuries rose. */
export const TRAFFIC_TWO_FELL = {
  "tn:accidents:prev": 120, "tn:accidents:cur": 100,
  "tn:deaths:prev": 30, "tn:deaths:cur": 25,
  "tn:injuries:prev": 80, "tn:injuries:cur": 90,
};

/** Bytes of an OLE compound file whose directory names an EncryptionInfo stream (a protected .xlsx). */
export function encryptedLooking(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(512);
  Buffer.from("EncryptionInfo", "utf16le").copy(dir, 0);
  Buffer.from("EncryptedPackage", "utf16le").copy(dir, 128);
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}

/** A 1×1 PNG: enough for ExcelJS to write a drawing part. */
export const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** The 783/BC table as its text gives it (seeds/sources/002), with the page-break row "có hạt". */
export function table783(): ForeignRow[] {
  const src = fs.readFileSync(path.join(__dirname, "../../seeds/sources/002_e3836311bf2d29a3.txt"), "utf8");
  const rows: ForeignRow[] = [];
  for (const line of src.split("\n")) {
    if (!line.startsWith("|") || /^\|[-| ]+\|?$/.test(line.trim()) || line.includes("Chỉ tiêu chủ yếu")) continue;
    const c = line.split("|").slice(1, -1).map((x) => x.trim());
    if (c.length < 6) continue;
    if (c.every((x) => x === "")) continue;
    rows.push({ no: c[0] || null, name: c[1], unit: c[2], plan: c[3] || null, actual: c[4] || null, compare: c[5] || null });
  }
  return rows;
}

export { save, colLetter };
