/**
 * The report table (and, in the HTML, its sentences) for the clipboard, to paste into Word (or back into a spreadsheet): as HTML with
 * inline styles (Word drops style sheets and classes on paste, keeps inline CSS) and as tab-separated
 * text. Figures are the model's printed text, already in vi-VN form (`22.293,49`), so what is pasted
 * does not depend on the computer's locale. No Office calls: the pane passes the clipboard writer.
 */
import { type ReportModel, rowCells } from "./model";

const FONT = "font-family:'Times New Roman',serif;font-size:13pt";
/** `windowtext` is the colour Word itself writes for table borders. */
const BORDER = "border:1px solid windowtext";
/**
 * A spreadsheet that receives the HTML would read "22.293,49" as a number in its own locale (or
 * 22.293 in en-US): `mso-number-format:"\@"` makes Excel keep every cell as text. Word ignores it.
 */
const AS_TEXT = "mso-number-format:'\\@'";
const CELL = `${BORDER};padding:2pt 4pt;vertical-align:middle;${AS_TEXT}`;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Text a spreadsheet pasted into would take for a formula gets a leading space, the report sheet's
 * rule (layout/report.ts `safeText`). Only "=": "-" alone is 783/BC's sub-row mark and stays text.
 */
export function pasteSafe(s: string): string {
  return s.startsWith("=") ? ` ${s}` : s;
}

/** Columns whose text is centred in 783/BC's table: all but the indicator's name. */
const centred = (key: string): boolean => key !== "name";

/**
 * The lines Word needs above the table so the paste stands alone: the unit (the issuer's lines), the
 * place and date, and the table's title; 783/BC's heading block, without its number and signature.
 */
export function reportHeadLines(model: ReportModel): { unit: string[]; date: string; title: string } {
  return { unit: model.heading.issuer, date: model.heading.placeDate, title: model.tableTitle.toLocaleUpperCase("vi-VN") };
}

function headHtml(model: ReportModel): string {
  const h = reportHeadLines(model);
  const p = (text: string, style: string) => `<p style="${FONT};margin:0 0 3pt 0;${style}">${escapeHtml(pasteSafe(text))}</p>`;
  return (
    h.unit.map((u) => p(u, "font-weight:bold")).join("") +
    p(h.date, "font-style:italic") +
    p(h.title, "font-weight:bold;text-align:center;margin-top:9pt")
  );
}

/** The table as a `<table>` Word keeps: Times New Roman 13pt, thin borders, bold header, italic sub-rows. */
export function reportTableHtml(model: ReportModel): string {
  const head = model.columns
    .map((c) => `<th style="${CELL};text-align:center;font-weight:bold">${escapeHtml(pasteSafe(c.header))}</th>`)
    .join("");
  const body = model.rows
    .map((r) => {
      const style = r.kind === "sub" ? ";font-style:italic" : "";
      const cells = rowCells(model, r)
        .map((text, i) => {
          const align = centred(model.columns[i].key) ? "center" : "left";
          return `<td style="${CELL};text-align:${align}${style}">${escapeHtml(pasteSafe(text))}</td>`;
        })
        .join("");
      return `<tr>${cells}</tr>`;
    })
    .join("");
  // The sentences that follow the table in 783/BC (the count by status, the tasks given or counted)
  // travel with it into Word; the text form stays the bare table, for a spreadsheet.
  const after = [model.sentence, model.tasks?.sentence ?? ""]
    .filter(Boolean)
    .map((t) => `<p style="${FONT};text-align:justify">${escapeHtml(pasteSafe(t))}</p>`)
    .join("");
  return (
    `<table style="border-collapse:collapse;${BORDER};${FONT}">` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>` +
    after
  );
}

/** One clean line per cell: a tab or line break inside a cell would split the table when pasted. */
const flat = (s: string): string => pasteSafe(s.replace(/[\t\r\n]+/g, " "));

/** The table as tab-separated text, the header first; lines end in CRLF as Windows programs expect. */
export function reportTableText(model: ReportModel): string {
  const lines = [model.columns.map((c) => flat(c.header)), ...model.rows.map((r) => rowCells(model, r).map(flat))];
  return lines.map((l) => l.join("\t")).join("\r\n") + "\r\n";
}

/** Writes both forms to the clipboard; the pane passes `navigator.clipboard.write` (text as fallback). */
export type ClipboardWriter = (html: string, text: string) => Promise<void>;

/** Copies the report table under its unit, date and title lines; resolves to the number of rows copied (for the pane's message). */
export async function copyReportTable(model: ReportModel, write: ClipboardWriter): Promise<{ rows: number }> {
  const h = reportHeadLines(model);
  const head = [...h.unit, h.date, h.title].map(flat).join("\r\n") + "\r\n\r\n";
  await write(headHtml(model) + reportTableHtml(model), head + reportTableText(model));
  return { rows: model.rows.length };
}
