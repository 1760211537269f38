/**
 * The report table for Word: HTML and tab-separated text built from the 2023 plan and 783/BC's
 * estimates print 783/BC's figures in vi-VN form whatever the computer's locale, and no cell can be
 * taken for a formula by a spreadsheet it is pasted into.
 */
import { buildReport } from "../../src/core/report/build";
import { copyReportTable, reportTableHtml, reportTableText } from "../../src/core/report/clipboard";
import { type ReportModel, rowCells } from "../../src/core/report/model";
import { builtInEstimates2023, builtInPlan } from "../../src/seeds";

function report2023(): ReportModel {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  const est = builtInEstimates2023();
  return buildReport({ plan, actuals: { rows: est.rows }, period: "year", figures: est.kind });
}

/** The cells of the HTML table, row by row, entities decoded (a minimal reader, enough for our markup). */
function htmlCells(html: string): { tag: string; style: string; text: string }[][] {
  const rows = html.split("<tr>").slice(1);
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return rows.map((r) =>
    [...r.matchAll(/<(td|th) style="([^"]*)">(.*?)<\/\1>/g)].map((m) => ({ tag: m[1], style: m[2], text: decode(m[3]) })),
  );
}

const textRows = (text: string): string[][] => text.split("\r\n").slice(0, -1).map((l) => l.split("\t"));

describe("report table for the clipboard", () => {
  const model = report2023();

  test("the text holds 783/BC's table: header and every row, cell for cell", () => {
    const rows = textRows(reportTableText(model));
    expect(rows[0]).toEqual(model.columns.map((c) => c.header));
    expect(rows.slice(1)).toEqual(model.rows.map((r) => rowCells(model, r)));
    const gdp = rows.find((r) => r.includes("22.293,49"));
    expect(gdp).toBeDefined();
    expect(gdp).toContain("Đạt (vượt)");
    expect(rows.filter((r) => r.includes("Đạt (vượt)")).length).toBeGreaterThanOrEqual(13);
  });

  test("the HTML holds the same cells with Word's inline styles", () => {
    const html = reportTableHtml(model);
    expect(html.startsWith("<table")).toBe(true);
    expect(html).toMatch(/font-family:'Times New Roman'[^"]*font-size:13pt/);
    const cells = htmlCells(html);
    expect(cells).toHaveLength(model.rows.length + 1);
    expect(cells[0].map((c) => c.text)).toEqual(model.columns.map((c) => c.header));
    expect(cells[0].every((c) => c.tag === "th" && c.style.includes("font-weight:bold"))).toBe(true);
    expect(cells.slice(1).map((r) => r.map((c) => c.text))).toEqual(model.rows.map((r) => rowCells(model, r)));
    expect(cells.flat().every((c) => /border:1px solid/.test(c.style))).toBe(true);
    const texts = cells.flat().map((c) => c.text);
    expect(texts).toContain("22.293,49");
    expect(texts).toContain("Đạt (vượt)");
  });

  test("sub-rows are italic, main rows are not", () => {
    const cells = htmlCells(reportTableHtml(model)).slice(1);
    model.rows.forEach((r, i) => {
      expect({ no: r.no, italic: cells[i].every((c) => c.style.includes("font-style:italic")) }).toEqual({ no: r.no, italic: r.kind === "sub" });
    });
    expect(model.rows.some((r) => r.kind === "sub")).toBe(true);
  });

  test("figures stay vi-VN under another locale", () => {
    const original = Number.prototype.toLocaleString;
    // A host whose locale formats numbers the en-US way must not change the copied figures.
    Number.prototype.toLocaleString = function (this: number) {
      return original.call(this, "en-US");
    };
    try {
      const again = reportTableText(report2023());
      expect(again).toContain("22.293,49");
      expect(again).not.toContain("22,293.49");
    } finally {
      Number.prototype.toLocaleString = original;
    }
  });

  test("no cell starts with '=', even when a name does", () => {
    const evil: ReportModel = {
      ...model,
      rows: model.rows.map((r, i) => (i === 0 ? { ...r, name: "=HYPERLINK(\"x\")", unit: "<b>&" } : r)),
    };
    const rows = textRows(reportTableText(evil));
    expect(rows.flat().some((c) => c.startsWith("="))).toBe(false);
    expect(rows[1][1].trim()).toBe('=HYPERLINK("x")');
    const cells = htmlCells(reportTableHtml(evil)).flat();
    expect(cells.some((c) => c.text.startsWith("="))).toBe(false);
    expect(reportTableHtml(evil)).toContain("&lt;b&gt;&amp;");
    expect(textRows(reportTableText(model)).flat().some((c) => c.startsWith("="))).toBe(false);
  });

  test("a tab or line break in a name does not split the text table", () => {
    const odd: ReportModel = { ...model, rows: model.rows.map((r, i) => (i === 0 ? { ...r, name: "a\tb\nc" } : r)) };
    const rows = textRows(reportTableText(odd));
    expect(rows).toHaveLength(model.rows.length + 1);
    expect(rows.every((r) => r.length === model.columns.length)).toBe(true);
    expect(rows[1][1]).toBe("a b c");
  });

  test("copyReportTable hands both forms to the writer, each under the unit, the place and date, and the title", async () => {
    const written: [string, string][] = [];
    const r = await copyReportTable(model, async (html, text) => {
      written.push([html, text]);
    });
    expect(r.rows).toBe(model.rows.length);
    expect(written).toHaveLength(1);
    const [html, text] = written[0];
    expect(html.endsWith(reportTableHtml(model))).toBe(true);
    expect(text.endsWith(reportTableText(model))).toBe(true);
    const head = html.slice(0, html.indexOf("<table"));
    const lines = [...head.matchAll(/<p style="[^"]*">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(lines).toEqual([...model.heading.issuer, model.heading.placeDate, model.tableTitle.toLocaleUpperCase("vi-VN")]);
    expect(lines[0]).toBe("ỦY BAN NHÂN DÂN");
    expect(lines[lines.length - 2]).toMatch(/^Bình Sơn, ngày .* tháng .* năm/);
    expect(text.split("\r\n").slice(0, lines.length)).toEqual(lines);
  });
});
