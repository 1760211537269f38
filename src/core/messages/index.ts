/**
 * The Vietnamese message catalog: one map per area, merged here. Text is chosen only on output;
 * the rest of the code and the tests speak in codes.
 */
import type { Location, Problem } from "../problems";
import { planMessages } from "./plan";
import { numberMessages } from "./numbers";
import { targetMessages } from "./target";
import { evaluateMessages } from "./evaluate";
import type { MessageMap } from "./types";
import { reportMessages } from "../report/messages";
import { fileMessages, validateMessages } from "./validate";

export type { MessageMap } from "./types";

const catalog: Record<string, MessageMap<string>[string]> = {
  ...planMessages,
  ...validateMessages,
  ...fileMessages,
  ...numberMessages,
  ...targetMessages,
  ...evaluateMessages,
  ...reportMessages,
};

export function hasMessage(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalog, code);
}

/** The message for a problem, without its location. */
export function message(p: Problem): string {
  const build = catalog[p.code];
  return build ? build(p.params) : `Lỗi ${p.code}.`;
}

/** "Tệp a.json, trang Chỉ tiêu, ô E7, chỉ tiêu 3": where a problem is, in words. */
export function describeLocation(l: Location): string {
  const parts: string[] = [];
  if (l.file) parts.push(`tệp ${l.file}`);
  if (l.sheet) parts.push(`trang "${l.sheet}"`);
  if (l.cell) parts.push(`ô ${l.cell}`);
  if (l.path) parts.push(`tại ${l.path}`);
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
