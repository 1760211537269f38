/**
 * Inflating one zip entry with its output bounded, for read-workbook.ts's `inflatedOver` (which owns the
 * limits): Node's zlib with `maxOutputLength`. The pane's bundle replaces this module with
 * ./inflate.browser.ts (webpack.config.js), the same contract over the browser's DecompressionStream.
 */
import * as zlib from "node:zlib";

/**
 * What raw deflate `data` inflates to: its bytes (Node keeps them, so ExcelJS is handed them and the
 * file is inflated once) or only their size (the pane counts and drops them); "over" once the output
 * passes `bound` bytes (inflation stops there), or null when it cannot be inflated here (a damaged
 * stream: ExcelJS then says what is wrong).
 */
export type BoundedInflate = (data: Uint8Array, bound: number) => Promise<Uint8Array | number | "over" | null>;

export const inflateBounded: BoundedInflate = async (data, bound) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, bound) });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return "over";
    return null;
  }
};
