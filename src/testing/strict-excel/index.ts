/**
 * strict-excel: an in-memory Excel that holds the Office.js host to Excel's rules (load before read,
 * batches applied at sync, shapes, sheet names, protection, payload limits, requirement sets). See
 * README.md here for what it models and what it leaves out. Free of Node APIs so it bundles for the browser.
 */
import type { StrictExcelError } from "./errors";
import type { Counters } from "./events";
import { type Globals, makeGlobals } from "./globals";
import { StrictRequestContext, runBatch } from "./proxy/context";
import { User } from "./user";
import { type WorkbookOptions, WorkbookModel } from "./workbook-model";

export { StrictExcelError, isStrictError } from "./errors";
export { UserActionRefused, type CellInfo } from "./user";
export { StrictRequestContext } from "./proxy/context";
export type { WorkbookOptions } from "./workbook-model";
export type { Counters } from "./events";

export interface StrictWorkbookOptions extends WorkbookOptions {
  /** Office.context.displayLanguage; default "vi-VN". */
  displayLanguage?: string;
}

export interface StrictWorkbook {
  model: WorkbookModel;
  /** Excel.run against this workbook. */
  run<T>(batch: (context: StrictRequestContext) => Promise<T>): Promise<T>;
  /** A context outside Excel.run (like `new Excel.RequestContext()`); never closes. */
  newContext(): StrictRequestContext;
  user: User;
  counters: Counters;
  /** Waits until every event handler triggered so far has finished. */
  settle(): Promise<void>;
  /** Errors thrown by event handlers (Excel would swallow them). */
  handlerErrors: unknown[];
  /** Changes the requirement sets Office reports, e.g. { ExcelApi: "1.8" }. */
  setRequirements(sets: Record<string, string>): void;
  /** Defines Excel, Office and OfficeExtension on `target`; returns a function that removes them. */
  installGlobals(target?: object): () => void;
}

export function createWorkbook(options: StrictWorkbookOptions = {}): StrictWorkbook {
  const model = new WorkbookModel(options);
  let globals: Globals | null = null;
  return {
    model,
    run: (batch) => runBatch(model, batch),
    newContext: () => new StrictRequestContext(model),
    user: new User(model),
    counters: model.counters,
    settle: () => model.events.settle(),
    handlerErrors: model.events.handlerErrors,
    setRequirements(sets) {
      model.requirements.clear();
      for (const [k, v] of Object.entries(sets)) model.requirements.set(k, v);
    },
    installGlobals(target: object = globalThis) {
      globals ??= makeGlobals(model, options);
      const t = target as Record<string, unknown>;
      const saved = Object.fromEntries(Object.keys(globals).map((k) => [k, t[k]]));
      Object.assign(t, globals);
      return () => {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete t[k];
          else t[k] = v;
        }
      };
    },
  };
}

/**
 * The one cast between the strict context and Office.js's type: the strict objects mirror the
 * Excel.* member names the host uses, not the whole interface.
 */
export function asExcelContext(context: StrictRequestContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

/** Narrows a caught error to the Office.js error shape (code, debugInfo). */
export function errorCode(e: unknown): string | null {
  return typeof e === "object" && e !== null && typeof (e as StrictExcelError).code === "string" ? (e as StrictExcelError).code : null;
}
