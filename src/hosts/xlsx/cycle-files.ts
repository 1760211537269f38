/**
 * The collection cycle's files for the pane (src/layout/cycle.ts `CycleFiles`): submission books written
 * by ExcelJS, returned books read by the one reader of workbooks (read-workbook.ts), a .zip of books.
 * The pane's entry loads this chunk only when "Tạo phiếu thu thập" or "Tổng hợp phiếu" asks for it
 * (ExcelJS is large); the CLI writes and reads the same books through the same functions.
 */
import { message } from "../../core/messages";
import { problem } from "../../core/problems";
import type { CycleFiles } from "../../layout/cycle";
import { readWorkbook } from "./read-workbook";
import { submissionWorkbook } from "./submissions";
import { zipStore } from "./zip-store";

export const cycleFiles: CycleFiles = {
  async buildBook(book, plan, now) {
    const wb = await submissionWorkbook(book, plan, now);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  },
  async readBook(bytes, name) {
    const read = await readWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    return read.ok ? { ok: true, grids: read.grids } : { ok: false, reason: message(problem(read.code, {}, { detail: read.code === "file.too-large" ? read.detail : null })) };
  },
  zip: (files) => zipStore(files),
};
