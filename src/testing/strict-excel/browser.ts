/**
 * Browser entry served in place of office.js: installs Excel, Office and OfficeExtension on window,
 * bound to a fresh strict workbook, and exposes it to playwright as window.__strictExcel.
 * Options may be set before this script loads as window.__strictExcelOptions.
 */
import { type StrictWorkbookOptions, createWorkbook } from "./index";

type StrictWindow = Window & {
  __strictExcelOptions?: StrictWorkbookOptions;
  __strictExcel?: unknown;
};

const w = window as StrictWindow;
const book = createWorkbook(w.__strictExcelOptions ?? {});
book.installGlobals(w);
w.__strictExcel = {
  user: book.user,
  counters: book.counters,
  settle: () => book.settle(),
  handlerErrors: book.handlerErrors,
  setRequirements: (sets: Record<string, string>) => book.setRequirements(sets),
  run: book.run,
  /** Makes every later sync take `ms` to answer (a slow Excel). */
  setSyncLatency: (ms: number) => {
    book.model.syncLatencyMs = ms;
  },
};
