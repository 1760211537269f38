/**
 * What every proxy shares: it finds its object in the model only while a sync runs, queues writes and
 * method calls, and answers property reads only from values a synced load delivered.
 */
import { fail } from "../errors";
import type { StrictRequestContext } from "./context";

export interface ProxyOptions {
  /** ExcelApi version this object needs (e.g. "1.9" for pageLayout). */
  api?: string;
  /** The proxy this one was reached from; its requirement and failures apply too. */
  parent?: ClientObjectBase<unknown>;
  /** Name for messages and request payloads. */
  path?: string;
}

type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

/** Splits any load() argument into property paths ("values", "format/font/bold", "items/name"). */
export function loadPaths(arg: LoadArg): string[] | null {
  if (arg === undefined || arg === null) return null;
  const split = (s: string | string[]) => (Array.isArray(s) ? s : s.split(",")).map((x) => x.trim()).filter((x) => x !== "");
  if (typeof arg === "string" || Array.isArray(arg)) return split(arg);
  if ("select" in arg || "expand" in arg) {
    const a = arg as { select?: string | string[]; expand?: string | string[] };
    return [...(a.select ? split(a.select) : []), ...(a.expand ? split(a.expand) : [])];
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith("$")) continue;
      if (v === true) out.push(prefix + k);
      else if (typeof v === "object" && v !== null) walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(arg as Record<string, unknown>, "");
  return out;
}

export abstract class ClientObjectBase<T> {
  private readonly snap = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private cache: { target: T | null } | undefined;
  protected readonly opts: ProxyOptions;
  protected readonly relist: boolean = false;

  constructor(readonly context: StrictRequestContext, private readonly locate: () => T | null, opts: ProxyOptions = {}) {
    this.opts = opts;
  }

  /** Loadable scalar properties, with the ExcelApi version each needs when above 1.1. */
  protected abstract readonly props: Readonly<Record<string, string | null>>;
  protected abstract read(target: T, prop: string): unknown;
  /** Navigation properties reachable in load paths ("format" → the RangeFormat). */
  protected child(_name: string): ClientObjectBase<unknown> | null {
    return null;
  }
  /** Whether the located object is still there (a deleted sheet is not). */
  protected alive(_target: T): boolean {
    return true;
  }

  get path(): string {
    return this.opts.path ?? this.constructor.name;
  }

  get model() {
    return this.context.model;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw fail.notLoaded("isNullObject");
    return this.nullState;
  }

  /** Requirement sets of this object and of every object it was reached through. */
  private checkApi(): void {
    if (this.opts.api) this.model.requireApi(this.opts.api, this.path);
    this.opts.parent?.checkApi();
  }

  /** The model object, found once per proxy (as Office.js binds an object path); only during sync. */
  target(): T | null {
    if (!this.context.running) throw new Error("strict-excel: proxy resolved outside sync");
    this.checkApi();
    // Collections list their members afresh each time; single objects stay bound to what they found.
    if (!this.cache || this.relist) this.cache = { target: this.locate() };
    const t = this.cache.target;
    if (t !== null && !this.alive(t)) throw fail.notFound(`${this.path} no longer exists`);
    return t;
  }

  /** The target for an operation; a null object cannot be acted on. */
  need(): T {
    const t = this.target();
    if (t === null) throw fail.notFound(`${this.path} is a null object`);
    return t;
  }

  /** For *OrNullObject methods: the sync tells whether the object exists. */
  resolveNullness(): this {
    this.context.enqueue({
      name: `${this.path}.resolve`,
      payload: null,
      run: () => {
        const t = this.target();
        this.context.deliver(() => (this.nullState = t === null), null);
      },
    });
    return this;
  }

  protected op(name: string, payload: unknown, apply: (t: T) => void, api?: string): void {
    this.context.enqueue({
      name: `${this.path}.${name}`,
      payload,
      run: () => {
        if (api) this.model.requireApi(api, `${this.path}.${name}`);
        apply(this.need());
      },
    });
  }

  protected get<V>(prop: string): V {
    if (!this.snap.has(prop)) throw fail.notLoaded(prop);
    return this.snap.get(prop) as V;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context.enqueue({ name: `${this.path}.load`, payload: paths, run: () => this.loadNow(paths) });
    return this;
  }

  /** Reads the asked properties now (inside a running sync); they become visible when the batch succeeds. */
  loadNow(paths: string[] | null): void {
    const own = new Set<string>();
    for (const p of paths ?? Object.keys(this.props)) {
      const [head, ...rest] = p.split("/");
      const child = this.child(head);
      if (child) child.loadNow(rest.length ? [rest.join("/")] : null);
      else if (rest.length === 0) own.add(head);
      else throw fail.invalidArgument(`cannot load "${p}" on ${this.path}`);
    }
    const t = this.target();
    const got = new Map<string, unknown>();
    for (const p of own) {
      if (!(p in this.props)) throw fail.invalidArgument(`${this.path} has no property "${p}"`);
      const api = this.props[p];
      if (api) this.model.requireApi(api, `${this.path}.${p}`);
      got.set(p, t === null ? null : this.read(t, p));
    }
    this.context.deliver(() => {
      this.nullState = t === null;
      for (const [k, v] of got) this.snap.set(k, v);
    }, [...got.values()]);
  }

  /** Sets several properties at once, as Office.js's set() does. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const child = this.child(k);
      if (child && typeof v === "object" && v !== null) child.set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.snap);
  }
}

/** OfficeExtension.ClientResult: `value` is there after the sync that computed it. */
export class ClientResult<V> {
  private has = false;
  private v: V | undefined;

  get value(): V {
    if (!this.has) throw fail.notLoaded("value");
    return this.v as V;
  }

  settle(v: V): void {
    this.has = true;
    this.v = v;
  }
}

/** Queues a computation whose result is delivered with the batch. */
export function queueResult<V>(ctx: StrictRequestContext, name: string, compute: () => V): ClientResult<V> {
  const result = new ClientResult<V>();
  ctx.enqueue({
    name,
    payload: null,
    run: () => {
      const v = compute();
      ctx.deliver(() => result.settle(v), v);
    },
  });
  return result;
}

/** A collection proxy: `items` (with the item properties asked for) after load and sync. */
export abstract class CollectionBase<I extends ClientObjectBase<unknown>, M> extends ClientObjectBase<M[]> {
  protected readonly props = {} as Record<string, string | null>;
  protected override readonly relist = true;
  protected read(): unknown {
    return null;
  }
  protected abstract makeItem(model: M): I;
  private itemsSnap: I[] | undefined;

  get items(): I[] {
    if (!this.itemsSnap) throw fail.notLoaded("items");
    return this.itemsSnap;
  }

  override load(arg?: LoadArg): this {
    const paths = (loadPaths(arg) ?? []).map((p) => p.replace(/^items\/?/, "")).filter((p) => p !== "");
    this.context.enqueue({
      name: `${this.path}.load`,
      payload: paths,
      run: () => {
        const models = this.target() ?? [];
        const items = models.map((m) => this.makeItem(m));
        for (const it of items) it.loadNow(paths.length ? paths : null);
        this.context.deliver(() => (this.itemsSnap = items), paths);
      },
    });
    return this;
  }
}
