// Shared by the strict-excel tests: batches written against Office.js's own types, run on a strict workbook.
import { type StrictWorkbook, type StrictWorkbookOptions, asExcelContext, createWorkbook } from "../../src/testing/strict-excel";

export function book(options: StrictWorkbookOptions = {}): StrictWorkbook {
  return createWorkbook(options);
}

/** Excel.run with the context typed as Office.js's, as the host sees it. */
export function excel<T>(wb: StrictWorkbook, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return wb.run((c) => batch(asExcelContext(c)));
}

/** The error code a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; name: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; name: string };
    return { code: err.code, message: err.message, name: err.name };
  }
  throw new Error("expected a rejection");
}

/** The error code a synchronous call throws with. */
export function thrown(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected a throw");
}
