/**
 * The optional issues sheet "Kiểm tra", rendered from the one layout both hosts use
 * (src/layout/sheets/issues.ts): the same name, columns, header and severity colours as the sheet
 * `ktxh check --out` writes. The add-in keeps the id of the sheet it made in settings and replaces only
 * that one; a user's own sheet called "Kiểm tra" is left alone and ours takes a free name beside it.
 * Every text goes through `cellInput`, so a colleague's "=SUM(…)" quoted in a message stays text.
 * Queues writes only: the caller syncs.
 */
import type { Issue } from "../../core/validate/issue";
import { ISSUES_SHEET_NAME, headerRowOf, issuesLayout, issuesSheetName, issuesSheetRows } from "../../layout/sheets/issues";
import type { CellFormat } from "../../layout/sheets/types";
import { cellInput, widthPoints } from "./cells";
import { applyConditional, applyFormat } from "./write-model";

export { ISSUES_SHEET_NAME, issuesSheetName };
export const ISSUES_SHEET_KEY = "ktxh.check.sheet";

/** No indent in the issues layout: the features above the minimum do not matter here. */
const BASE_FEATURES = { indent: false, pageLayout: false, triggerSource: false, culture: false };

const merge = (a: CellFormat, b: CellFormat): CellFormat => ({ ...a, ...b, font: { ...a.font, ...b.font } });

/** The sheet's values, each cell as `range.values` must get it to stay text. */
export function issueRows(issues: readonly Issue[]): (string | number)[][] {
  return issuesSheetRows(issuesLayout(), issues).map((r) => r.map((t) => cellInput(t === "" ? null : t)));
}

/** Queues the whole sheet: values, column widths, formats, severity colours, frozen header. */
export function writeIssuesSheet(ws: Excel.Worksheet, issues: readonly Issue[]): void {
  const layout = issuesLayout();
  const rows = issueRows(issues);
  const width = layout.columns.length;
  const header = headerRowOf(layout);
  const all = { row: 0, col: 0, rows: rows.length, cols: width };
  const range = ws.getRangeByIndexes(0, 0, rows.length, width);
  range.values = rows;
  applyFormat(range, layout.baseFormat, all, BASE_FEATURES);
  for (let t = 0; t < header; t++) ws.getRangeByIndexes(t, 0, 1, 1).format.font.bold = true;
  const headerArea = { row: header, col: 0, rows: 1, cols: width };
  applyFormat(ws.getRangeByIndexes(header, 0, 1, width), layout.headerFormat, headerArea, BASE_FEATURES);
  const body = rows.length - header - 1;
  layout.columns.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(c.width);
    if (!issues.length) return;
    const area = { row: header + 1, col: i, rows: body, cols: 1 };
    const { numberFormat: _n, ...format } = merge(layout.rowFormat, c.format);
    const cells = ws.getRangeByIndexes(area.row, i, body, 1);
    applyFormat(cells, format, area, BASE_FEATURES);
    if (c.conditional) applyConditional(cells, c.conditional);
  });
  ws.freezePanes.freezeRows(layout.frozenRows);
}
