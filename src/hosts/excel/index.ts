/** What the pane's entry uses: `createExcelOperations(Excel.run)`. */
export { createExcelOperations, type ExcelRun, type HostOptions } from "./host";
export { HostError } from "./errors";

import type { PaneOperations } from "../../contract/operations";
import { createExcelOperations as create } from "./host";

/**
 * Waits for office.js and hands the pane its operations over the live workbook, or null outside Excel
 * (office.js could not load from its CDN, or another Office host). The pane's entry calls only this.
 */
export function whenOfficeReady(render: (ops: PaneOperations | null) => void): void {
  if (typeof Office === "undefined") {
    render(null);
    return;
  }
  void Office.onReady((info) => render(info.host === Office.HostType.Excel ? create(Excel.run) : null));
}
