/**
 * The pane's stand-in for Node's zlib (webpack.config.js): read-workbook.ts bounds each zip entry's
 * inflated size with `zlib.inflateRawSync`, which a browser lacks. Declining makes it leave the entry
 * to ExcelJS, as it does for any entry it cannot inflate itself; the central directory's limits
 * (`overLimits`) are checked all the same.
 */
export function inflateRawSync(): never {
  throw new Error("zlib is not available in the browser");
}
