/**
 * The request context: a queue of operations and loads applied in order at `sync()`, like Office.js's
 * batch. A failing operation rejects the sync; what ran before it stays applied, what was queued after
 * it is dropped, and no loaded value of that batch is delivered.
 */
import { StrictExcelError, isStrictError } from "../errors";
import type { WorkbookModel } from "../workbook-model";
import { ApplicationProxy } from "./application";
import { WorkbookProxy } from "./workbook";

export interface QueuedOp {
  name: string;
  payload: unknown;
  run: () => void;
}

interface Delivery {
  commits: (() => void)[];
  responseBytes: number;
}

const encoder = new TextEncoder();
export const byteLength = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? "").length;

export class StrictRequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };
  readonly requestHeaders: Record<string, string> = {};
  /** Syncs made through this context. */
  syncCount = 0;
  /** Set when the Excel.run that made this context has finished; its objects can no longer be used. */
  closed = false;
  private queue: QueuedOp[] = [];
  private delivery: Delivery | null = null;

  constructor(readonly model: WorkbookModel) {
    model.counters.contexts += 1;
    this.workbook = new WorkbookProxy(this);
  }

  private applicationProxy?: ApplicationProxy;

  get application(): ApplicationProxy {
    return (this.applicationProxy ??= new ApplicationProxy(this));
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((o) => o.name) };
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  enqueue(op: QueuedOp): void {
    if (this.closed) {
      throw new StrictExcelError("InvalidObjectPath", `The object path '${op.name}' isn't working for what you're trying to do: its Excel.run has finished.`);
    }
    this.queue.push(op);
  }

  /** Called by loads while a sync runs: the value becomes visible only if the whole batch succeeds. */
  deliver(commit: () => void, value: unknown): void {
    const d = this.delivery;
    if (!d) throw new Error("strict-excel: deliver outside sync");
    d.responseBytes += byteLength(value);
    if (d.responseBytes > this.model.maxResponseBytes) {
      throw new StrictExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.model.maxResponseBytes} bytes).`);
    }
    d.commits.push(commit);
  }

  /** True while operations of a sync are being applied. */
  get running(): boolean {
    return this.delivery !== null;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw new StrictExcelError("InvalidRequestContext", "Cannot use the request context: its Excel.run has finished.");
    const ops = this.queue;
    this.queue = [];
    this.syncCount += 1;
    const counters = this.model.counters;
    counters.syncs += 1;
    const bytes = byteLength(ops.map((o) => [o.name, o.payload]));
    const record = { bytes, operations: ops.length, ok: false };
    counters.requests.push(record);
    // The request crosses to Excel and back: never synchronous, and as slow as the model is told to be.
    const latency = this.model.syncLatencyMs;
    await (latency > 0 ? new Promise<void>((resolve) => setTimeout(resolve, latency)) : Promise.resolve());
    if (this.model.cellEditMode) {
      throw new StrictExcelError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    if (bytes > this.model.maxRequestBytes) {
      throw new StrictExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} > ${this.model.maxRequestBytes} bytes).`,
      );
    }
    const delivery: Delivery = { commits: [], responseBytes: 0 };
    this.delivery = delivery;
    try {
      for (const op of ops) {
        try {
          op.run();
        } catch (e) {
          throw isStrictError(e) ? withLocation(e, op.name) : new StrictExcelError("GeneralException", `${op.name}: ${String(e)}`, op.name);
        }
      }
    } finally {
      this.delivery = null;
    }
    for (const c of delivery.commits) c();
    record.ok = true;
    return passThroughValue as T;
  }
}

function withLocation(e: StrictExcelError, where: string): StrictExcelError {
  if (e.debugInfo.errorLocation !== undefined) return e;
  const out = new StrictExcelError(e.code, e.message, where);
  return out;
}

/** Excel.run: a fresh context, the batch, then a last sync of anything still queued. */
export async function runBatch<T>(model: WorkbookModel, batch: (ctx: StrictRequestContext) => Promise<T>): Promise<T> {
  if (typeof batch !== "function") throw new StrictExcelError("InvalidArgument", "Excel.run needs a batch function");
  const ctx = new StrictRequestContext(model);
  try {
    const pending: unknown = batch(ctx);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw new StrictExcelError("RunMustReturnPromise", 'The batch function passed to the ".run" method didn\'t return a promise.');
    }
    const value = await (pending as Promise<T>);
    if (ctx.pendingCount > 0) await ctx.sync();
    return value;
  } finally {
    ctx.closed = true;
  }
}
