/**
 * Inflating one zip entry with its output bounded, for read-workbook.ts's `inflatedOver` (which owns the
 * limits): Node's zlib with `maxOutputLength`. The pane's bundle replaces this module with
 * ./inflate.browser.ts (webpack.config.js), the same contract over the browser's DecompressionStream.
 */
import * as zlib from "node:zlib";

/**
 * The size raw deflate `data` inflates to, "over" once the output passes `bound` bytes (inflation stops
 * there), or null when it cannot be inflated here (a damaged stream: ExcelJS then says what is wrong).
 */
export type BoundedInflate = (data: Uint8Array, bound: number) => Promise<number | "over" | null>;

export const inflateBounded: BoundedInflate = async (data, bound) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, bound) }).length;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return "over";
    return null;
  }
};
