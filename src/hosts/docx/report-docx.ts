/**
 * The report as a Word document (the `docx` package): the heading block of Decree 30/2020/NĐ-CP
 * (issuing body and number left, national motto and place-date right), "BÁO CÁO" and its subject,
 * the targets table in 783/BC's format, the summary sentences, the tasks by lead office and the
 * signature block. A4 portrait, Times New Roman 13, margins top/bottom 20 mm, left 30 mm, right 15 mm;
 * page numbers at the top centre from page 2. Returns bytes; no file system here.
 */
import {
  AlignmentType, BorderStyle, Document, Header, HeightRule, Packer, PageNumber, PageOrientation, Paragraph,
  Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from "docx";
import type { ColumnKey, ReportModel, ReportRow, TaskCounts } from "../../core/report/model";
import { rowCells } from "../../core/report/model";
import { textWidth, widestWord } from "./measure";

const FONT = "Times New Roman";
/** Half-points. */
const BODY = 26;
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
const PAGE = { width: mm(210), height: mm(297), top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** Every run is Vietnamese, so Word proofs the text as Vietnamese and not as the machine's language. */
const LANGUAGE = { value: "vi-VN" } as const;

const run = (text: string, o: RunOpts = {}): TextRun =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics, language: LANGUAGE });

function para(
  text: string,
  o: RunOpts & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; firstLine?: number; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 276 },
    indent: o.firstLine ? { firstLine: o.firstLine } : undefined,
    children: [run(text, o)],
  });
}

/** A horizontal rule `length` twips long, centred in a space `width` twips wide (the lines under headings). */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 2 })],
  });
}

const NO_BORDERS = TableBorders.NONE;

function headingBlock(model: ReportModel): Table {
  const h = model.heading;
  const leftW = Math.round(TEXT_WIDTH * 0.4);
  const rightW = TEXT_WIDTH - leftW;
  const issuerLast = h.issuer[h.issuer.length - 1] ?? "";
  // "ỦY BAN NHÂN DÂN / HUYỆN BÌNH SƠN" is one body's name over two lines: bold throughout.
  const left: Paragraph[] = h.issuer.map((l) => para(l, { align: AlignmentType.CENTER, bold: true }));
  left.push(rule(leftW, Math.round(textWidth(issuerLast, BODY, true) * 0.45)));
  left.push(para(h.number, { align: AlignmentType.CENTER, before: 120 }));
  const motto = "Độc lập - Tự do - Hạnh phúc";
  const right: Paragraph[] = [
    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: AlignmentType.CENTER, bold: true, size: 24 }),
    para(motto, { align: AlignmentType.CENTER, bold: true, size: BODY }),
    rule(rightW, textWidth(motto, BODY, true)),
    para(h.placeDate, { align: AlignmentType.CENTER, italics: true, before: 120 }),
  ];
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0 } });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

/** Share of the text width per column; what is left goes to the target's name. */
const SHARE: Record<ColumnKey, number> = {
  no: 0.055, name: 0, unit: 0.115, plan: 0.165, actual: 0.14, status: 0.145, percentPlan: 0.12, percentPrevious: 0.12, outlook: 0.13,
};

function widths(keys: ColumnKey[]): number[] {
  const fixed = keys.map((k) => Math.round(TEXT_WIDTH * SHARE[k]));
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  return keys.map((k, i) => (k === "name" ? rest : fixed[i]));
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Cell margins in twips: the room a column's text loses to them. */
const CELL = { left: 60, right: 60, top: 30, bottom: 30 };

function tableCell(text: string, width: number, o: RunOpts & { align?: Align }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    // Right-aligned figures keep clear of the cell's border.
    margins: o.align === AlignmentType.RIGHT ? { ...CELL, right: 2 * CELL.right } : CELL,
    children: [new Paragraph({ alignment: o.align ?? AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [run(text, o)] })],
  });
}

function grid(headers: string[], ws: number[], body: TableRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => tableCell(h, ws[i], { bold: true })),
  });
  return new Table({
    width: { size: ws.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: ws,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

function targetsTable(model: ReportModel): Table {
  const keys = model.columns.map((c) => c.key);
  const ws = widths(keys);
  const body = model.rows.map((r: ReportRow) => {
    const cells = rowCells(model, r);
    return new TableRow({
      cantSplit: true,
      height: { value: 400, rule: HeightRule.ATLEAST },
      children: cells.map((t, i) =>
        tableCell(t, ws[i], { italics: r.kind === "sub", align: keys[i] === "name" ? AlignmentType.LEFT : AlignmentType.CENTER }),
      ),
    });
  });
  return grid(model.columns.map((c) => c.header), ws, body);
}

/** The text width of a landscape A4 page with the same margins (297 mm less left and right). */
const LANDSCAPE_WIDTH = PAGE.height - PAGE.left - PAGE.right;

const TT_WIDTH = mm(10);
/** The office's name wants about 65 mm; below 45 mm it runs to many lines. */
const OFFICE = { want: mm(65), least: mm(45) };

/**
 * Column widths of the tasks table on a page `width` twips wide: TT, the office, then the counts, each
 * count column wide enough for the widest word of every count header (bold, body size) so that no word
 * is broken. `fits` is false when that leaves the office less than its least width.
 */
function taskWidths(headers: string[], width: number): { ws: number[]; fits: boolean } {
  const n = headers.length;
  const need = Math.max(...headers.map((h) => widestWord(h, BODY, true))) + CELL.left + CELL.right + 40;
  // The counts share what the office leaves, none wider than 13 % of the line.
  let numW = Math.max(need, Math.min(Math.round(width * 0.13), Math.floor((width - TT_WIDTH - OFFICE.want) / n)));
  const fits = width - TT_WIDTH - n * numW >= OFFICE.least;
  if (!fits) numW = Math.floor((width - TT_WIDTH - OFFICE.least) / n);
  return { ws: [TT_WIDTH, width - TT_WIDTH - n * numW, ...new Array<number>(n).fill(numW)], fits };
}

interface TasksLayout {
  table: Table;
  /** The table has too many count columns for a portrait page: its part of the report goes on landscape pages. */
  landscape: boolean;
}

function tasksTable(model: ReportModel): TasksLayout | null {
  const t = model.tasks;
  // Counts given as they are (`--tasks 118,109,9`) name no office: the sentence says it all.
  if (!t || t.byOffice.length === 0) return null;
  const countHeaders = t.columns.map((c) => c.header);
  const portrait = taskWidths(countHeaders, TEXT_WIDTH);
  const { ws } = portrait.fits ? portrait : taskWidths(countHeaders, LANDSCAPE_WIDTH);
  const counts = (c: TaskCounts): string[] => t.columns.map((col) => String(c[col.key]));
  // TT centred, the office's name left, counts right-aligned so their digits line up down the column.
  const align = (k: number): Align => (k === 0 ? AlignmentType.CENTER : k === 1 ? AlignmentType.LEFT : AlignmentType.RIGHT);
  const row = (cells: string[], bold: boolean): TableRow =>
    new TableRow({ cantSplit: true, children: cells.map((s, k) => tableCell(s, ws[k], { bold, align: align(k) })) });
  const body = t.byOffice.map((o, i) => row([String(i + 1), o.office, ...counts(o)], false));
  body.push(row(["", "Tổng cộng", ...counts(t)], true));
  return { table: grid(["TT", "Cơ quan chủ trì", ...countHeaders], ws, body), landscape: !portrait.fits };
}

function signature(model: ReportModel, width: number): Table {
  const leftW = Math.round(width * 0.45);
  const rightW = width - leftW;
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: 24 })] }),
    ...model.heading.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
  ];
  const right = [
    ...model.heading.signer.map((s) => para(s, { align: AlignmentType.CENTER, bold: true })),
    ...[0, 1, 2, 3].map(() => para("", { align: AlignmentType.CENTER })),
    ...(model.heading.signerName ? [para(model.heading.signerName, { align: AlignmentType.CENTER, bold: true })] : []),
  ];
  const cell = (children: Paragraph[], w: number): TableCell => new TableCell({ children, width: { size: w, type: WidthType.DXA } });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

type Block = Paragraph | Table;

/** The report's blocks: the first part always portrait; `wide` (from section II on) landscape when the tasks table needs it. */
function body(model: ReportModel): { first: Block[]; wide: Block[] | null } {
  const h = model.heading;
  const indent = mm(12.7);
  const out: Block[] = [headingBlock(model)];
  out.push(para(h.title, { align: AlignmentType.CENTER, bold: true, size: 28, before: 360, keepNext: true }));
  out.push(para(h.subject, { align: AlignmentType.CENTER, bold: true, size: 28, keepNext: true }));
  out.push(rule(TEXT_WIDTH, Math.round(TEXT_WIDTH * 0.25)));
  if (model.note) out.push(para(`(${model.note})`, { align: AlignmentType.CENTER, bold: true, italics: true, before: 120 }));
  if (h.to) out.push(para(`Kính gửi: ${h.to}`, { align: AlignmentType.CENTER, before: 240 }));
  // A section heading never stands alone at the foot of a page: it keeps with what follows.
  out.push(para(`I. ${model.tableTitle.toLocaleUpperCase("vi-VN")}`, { bold: true, before: 360, after: 120, firstLine: indent, keepNext: true }));
  out.push(targetsTable(model));
  if (model.revision) out.push(para(model.revision.footnote, { italics: true, before: 80 }));
  out.push(para(model.sentence, { before: 200, after: 120, firstLine: indent }));
  const tasks = tasksTable(model);
  // A wide tasks table takes section II and the signature onto landscape pages (Decree 30 allows them
  // for wide tables): the heading and its sentence stay with the table, the signature after it.
  const rest: Block[] = tasks?.landscape ? [] : out;
  if (model.tasks) {
    rest.push(para(`II. ${model.tasksTitle.toLocaleUpperCase("vi-VN")}`, { bold: true, before: tasks?.landscape ? 0 : 240, after: 120, firstLine: indent, keepNext: true }));
    rest.push(para(model.tasks.sentence, { after: 120, firstLine: indent, keepNext: tasks !== null }));
    if (tasks) rest.push(tasks.table);
  }
  rest.push(para("", { before: 240 }));
  rest.push(signature(model, tasks?.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH));
  return { first: out, wide: rest === out ? null : rest };
}

const pageNumber = (): Header =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })] })] });

function pageProps(orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) {
  return {
    // The size is given upright; docx turns it for a landscape section. The margins keep Decree 30's values.
    size: { width: PAGE.width, height: PAGE.height, orientation },
    margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(10), footer: mm(10) },
  };
}

export function reportDocument(model: ReportModel): Document {
  const { first, wide } = body(model);
  return new Document({
    creator: "KT-XH",
    title: `${model.heading.title} ${model.heading.subject}`,
    styles: { default: { document: { run: { font: FONT, size: BODY, language: LANGUAGE } } } },
    sections: [
      {
        properties: { titlePage: true, page: pageProps(PageOrientation.PORTRAIT) },
        headers: { default: pageNumber(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: first,
      },
      ...(wide ? [{ properties: { page: pageProps(PageOrientation.LANDSCAPE) }, headers: { default: pageNumber() }, children: wide }] : []),
    ],
  });
}

/** The report as .docx bytes. */
export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(reportDocument(model));
  return new Uint8Array(buf);
}
