/** What the pane's entry uses: `createExcelOperations(Excel.run)`. */
export { createExcelOperations, type ExcelRun, type HostOptions } from "./host";
export { HostError } from "./errors";

export { lazyOperations, whenOfficeReady } from "./ready";
