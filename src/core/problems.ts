/**
 * Problems found in user data are values, not exceptions (STYLE.md). A problem is plain data:
 * a code from a closed union, its severity, where it is, and the parameters its message needs.
 * The severity is the code's own, declared once in `messages/severity.ts`: `problem()` looks it
 * up, and no path chooses or changes it.
 * The Vietnamese text is chosen late, from the catalog in `messages/`, keyed by code; the code's
 * parameters are typed there (`messages/params.ts`), so a call site cannot pass the wrong ones.
 */
import type { Code, Params, ParamsFor, ParamsOf } from "./messages/params";
import { SEVERITY, type Severity } from "./messages/severity";

export type { Code, Params, ParamsOf } from "./messages/params";
export { SEVERITY, type Severity } from "./messages/severity";

/** Where a problem sits. Every field is optional: a plan file has a path, a sheet has cells. */
export interface Location {
  /** File name (CLI) or plan source. */
  file?: string;
  /** Sheet name as the user sees it. */
  sheet?: string;
  /** Cell in A1 form, e.g. "E7". Null where there is no cell (a missing row). */
  cell?: string | null;
  /** The plan's target number ("1", "1.2") or task code ("2.14") the problem concerns. */
  target?: string | null;
  /** The plan's task code ("2.14") the problem concerns. */
  task?: string | null;
  /** Path inside a structured file, e.g. "targets[3].name" or "dòng 5". */
  path?: string;
}

export interface Problem<C extends Code = Code> {
  code: C;
  severity: Severity;
  location: Location;
  /** Values the message is built from (the text that was read, the expected value, ...). */
  params: ParamsOf<C> & Params;
}

/** Result of an operation on user input: a value when it could be made, and every problem found. */
export type Result<T, C extends Code = Code> =
  | { ok: true; value: T; problems: Problem<C>[] }
  | { ok: false; problems: Problem<C>[] };

export function ok<T, C extends Code = Code>(value: T, problems: Problem<C>[] = []): Result<T, C> {
  return { ok: true, value, problems };
}

export function fail<C extends Code>(problems: Problem<C>[]): Result<never, C> {
  return { ok: false, problems };
}

/** The one constructor of a problem: the code's declared severity, never one chosen by the caller. */
export function problem<C extends Code>(code: C, location: Location, params: ParamsFor<C>): Problem<C> {
  return { code, severity: SEVERITY[code], location, params: params as ParamsOf<C> & Params };
}
