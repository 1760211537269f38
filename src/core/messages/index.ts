/**
 * The Vietnamese message catalog: one map per area, merged here. Text is chosen only on output;
 * the rest of the code and the tests speak in codes.
 */
import type { Location, Problem } from "../problems";
import { planMessages } from "./plan";
import { numberMessages } from "./numbers";
import { targetMessages } from "./target";
import { evaluateMessages } from "./evaluate";
import type { Code, MessageMap, ParamsOf } from "./params";
import { reportMessages } from "../report/messages";
import { fileMessages, skipMessages, validateMessages } from "./validate";

export type { Code, MessageMap, Params, ParamsFor, ParamsOf, ProblemParams } from "./params";

/**
 * Every code's sentence. Typed as a map over every code: a code without its message, or a message
 * of a code that does not exist, does not compile.
 */
export const catalog: MessageMap<Code> = {
  ...planMessages,
  ...validateMessages,
  ...fileMessages,
  ...skipMessages,
  ...numberMessages,
  ...targetMessages,
  ...evaluateMessages,
  ...reportMessages,
};

/** Every code the catalog knows, in a stable order (for tests and documentation). */
export const CODES = Object.keys(catalog) as Code[];

export function hasMessage(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(catalog, code);
}

/** The sentence for one code and its parameters. */
export function render<C extends Code>(code: C, params: ParamsOf<C>): string {
  const build = catalog[code];
  return build(params);
}

/** The message for a problem, without its location. */
export function message(p: Problem): string {
  return hasMessage(p.code) ? render(p.code, p.params) : `Lỗi ${String(p.code)}.`;
}

/** "Tệp a.json, trang Chỉ tiêu, ô E7, chỉ tiêu 3": where a problem is, in words. */
export function describeLocation(l: Location): string {
  const parts: string[] = [];
  if (l.file) parts.push(`tệp ${l.file}`);
  if (l.sheet) parts.push(`trang "${l.sheet}"`);
  if (l.cell) parts.push(`ô ${l.cell}`);
  // "dòng 4, cột Chỉ tiêu kế hoạch" is said as the officer sees it; a data path ("targets[3].name") is "tại …".
  if (l.path) parts.push(l.path.startsWith("dòng") ? l.path : `tại ${l.path}`);
  if (l.target) parts.push(`chỉ tiêu ${l.target}`);
  if (l.task) parts.push(`nhiệm vụ ${l.task}`);
  const s = parts.join(", ");
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : "";
}

/** Location and message in one line, for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = describeLocation(p.location);
  return where ? `${where}: ${message(p)}` : message(p);
}
