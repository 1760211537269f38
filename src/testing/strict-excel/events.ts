/** The model's event bus (delivered after the change, like Excel's events) and the request counters. */

export type Source = "Local" | "Remote";
export type Trigger = "ThisLocalAddin" | "Unknown";
/** Who made a change: the add-in through a batch, the person at the keyboard, or a co-author. */
export interface Origin {
  source: Source;
  trigger: Trigger;
}
export const ADDIN: Origin = { source: "Local", trigger: "ThisLocalAddin" };
export const USER: Origin = { source: "Local", trigger: "Unknown" };
export const REMOTE: Origin = { source: "Remote", trigger: "Unknown" };

export interface ChangedPayload {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted";
  source: Source;
  triggerSource: Trigger;
  details: Excel.ChangedEventDetail | null;
}
export interface SheetPayload {
  type: "WorksheetAdded" | "WorksheetDeleted" | "WorksheetActivated";
  worksheetId: string;
  source: Source;
}
export interface SelectionPayload {
  type: "WorkbookSelectionChanged";
  worksheetId: string;
  address: string;
}
export type Payload = ChangedPayload | SheetPayload | SelectionPayload;

type Listener = (p: Payload) => unknown;

export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Set<Promise<void>>();
  /** Errors thrown by handlers: Excel swallows them, tests may want to see them. */
  readonly handlerErrors: unknown[] = [];
  /** Every event emitted, for assertions. */
  readonly log: Payload[] = [];

  on(channel: string, fn: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  emit(channels: string[], payload: Payload): void {
    this.log.push(payload);
    for (const ch of channels) {
      for (const fn of this.listeners.get(ch) ?? []) {
        // Excel raises events after the change is done and the request has returned.
        const p = new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => fn(payload))
          .then(() => undefined, (e: unknown) => void this.handlerErrors.push(e));
        this.pending.add(p);
        void p.finally(() => this.pending.delete(p));
      }
    }
  }

  /** Resolves when every handler called so far (and those they caused) has finished. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

export interface RequestRecord {
  bytes: number;
  operations: number;
  ok: boolean;
}

/** Counts syncs and request sizes across every context of one workbook; tests reset it between steps. */
export class Counters {
  syncs = 0;
  requests: RequestRecord[] = [];
  contexts = 0;

  get totalBytes(): number {
    return this.requests.reduce((s, r) => s + r.bytes, 0);
  }

  get maxBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  reset(): void {
    this.syncs = 0;
    this.requests = [];
    this.contexts = 0;
  }
}
