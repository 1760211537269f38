/** OfficeExtension.EventHandlers: registration is queued and takes effect at sync, like Office.js. */
import type { ChangedPayload, Payload } from "../events";
import type { ClientObjectBase } from "./client-object";
import type { StrictRequestContext } from "./context";

type Handler<T> = (args: T) => Promise<unknown> | unknown;

export class EventHandlerResult<T> {
  constructor(readonly context: StrictRequestContext, private readonly handlers: EventHandlers<T>, private readonly handler: Handler<T>) {}
  remove(): void {
    this.handlers.remove(this.handler);
  }
}

export class EventHandlers<T> {
  private readonly offs = new Map<Handler<T>, () => void>();

  constructor(
    private readonly context: StrictRequestContext,
    private readonly owner: ClientObjectBase<unknown>,
    private readonly name: string,
    private readonly api: string,
    /** The bus channel, found when the registration reaches Excel (the sheet must exist then). */
    private readonly channel: () => string,
    private readonly toArgs: (p: Payload) => T | null,
  ) {}

  add(handler: Handler<T>): EventHandlerResult<T> {
    if (typeof handler !== "function") throw new TypeError("event handler must be a function");
    this.context.enqueue({
      name: `${this.owner.path}.${this.name}.add`,
      payload: null,
      run: () => {
        this.context.model.requireApi(this.api, `${this.owner.path}.${this.name}`);
        const channel = this.channel();
        this.offs.get(handler)?.();
        this.offs.set(handler, this.context.model.events.on(channel, (p) => {
          const args = this.toArgs(p);
          return args === null ? undefined : handler(args);
        }));
      },
    });
    return new EventHandlerResult(this.context, this, handler);
  }

  remove(handler: Handler<T>): void {
    this.context.enqueue({
      name: `${this.owner.path}.${this.name}.remove`,
      payload: null,
      run: () => {
        this.offs.get(handler)?.();
        this.offs.delete(handler);
      },
    });
  }
}

/** What a handler of onChanged receives; getRange works in any context. */
export interface ChangedArgs extends Omit<ChangedPayload, "details"> {
  details: Excel.ChangedEventDetail | undefined;
  getRange(ctx: StrictRequestContext): unknown;
  getRangeOrNullObject(ctx: StrictRequestContext): unknown;
}

export function changedArgs(p: Payload): ChangedArgs | null {
  if (p.type !== "WorksheetChanged") return null;
  return {
    ...p,
    details: p.details ?? undefined,
    getRange: (ctx) => ctx.workbook.worksheets.getItem(p.worksheetId).getRange(p.address),
    getRangeOrNullObject: (ctx) => ctx.workbook.worksheets.getItemOrNullObject(p.worksheetId).getRange(p.address),
  };
}
