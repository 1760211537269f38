/**
 * The pane's bounded inflate (webpack.config.js puts it in place of ./inflate.ts): the browser has no
 * zlib, so each zip entry is inflated through `DecompressionStream("deflate-raw")`, its output chunks
 * counted and dropped, and the stream aborted as soon as the output passes the bound: a zip whose
 * directory lies about its sizes is refused as in the CLI, nothing expanded far past the limits
 * (read-workbook.ts's `READ_LIMITS`, the one rule). The input goes in small slices, each written only
 * once the output of the one before was read: a decompressor expands a whole input chunk at once, and
 * one 64 KB chunk of a bomb is some 64 MB. A browser without it (or without "deflate-raw") declines:
 * the entry is left to ExcelJS, and the central directory's limits still hold.
 */
import type { BoundedInflate } from "./inflate";

/** Input bytes written at a time: at deflate's largest ratio (about 1,030) some 4 MB of output each. */
const SLICE = 4096;

export const inflateBounded: BoundedInflate = async (data, bound) => {
  if (typeof DecompressionStream !== "function") return null;
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream("deflate-raw" as CompressionFormat);
  } catch {
    return null;
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let size = 0;
  let over = false;
  let failed = false;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > bound) {
        over = true;
        // Cancelling the output errors the input side too: a write waiting for room rejects at once.
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  })().catch(() => void (failed = true));
  try {
    for (let i = 0; i < data.length && !over && !failed; i += SLICE) await writer.write(data.subarray(i, i + SLICE) as Uint8Array<ArrayBuffer>);
    if (!over && !failed) await writer.close();
  } catch {
    if (!over) failed = true;
  }
  if (failed && !over) await reader.cancel().catch(() => undefined);
  await reading;
  if (over) {
    await writer.abort().catch(() => undefined);
    return "over";
  }
  return failed ? null : size;
};
