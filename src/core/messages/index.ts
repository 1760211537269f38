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
import { SEVERITY_LABELS } from "./labels";
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

/**
 * A plan file's problem as the pane says it under the file's name: the place as the officer sees it
 * (the row and the column's heading of a table; the target and the field of a JSON plan), then what
 * is wrong, in one sentence: "Dòng 4, cột Chỉ tiêu kế hoạch: còn trống."
 */
export function planFileLine(p: Problem): string {
  const l = p.location;
  let where = "";
  // A table's place, "dòng 4, cột 4 (Chỉ tiêu kế hoạch)", is said by the column's heading.
  const cell = /^dòng (\d+), cột (\d+)(?: \((.*)\))?$/.exec(l.path ?? "");
  if (cell) where = `Dòng ${cell[1]}, cột ${cell[3] || cell[2]}`;
  else if (l.path) {
    const m = /^targets\[(\d+)\]\.?(\w*)/.exec(l.path);
    const t = /^tasks\[(\d+)\]\.?(\w*)/.exec(l.path);
    if (m) where = `${l.target ? `Chỉ tiêu ${l.target}` : `Chỉ tiêu thứ ${Number(m[1]) + 1} trong tệp`}${m[2] ? `, mục "${m[2]}"` : ""}`;
    else if (t) where = `Nhiệm vụ thứ ${Number(t[1]) + 1} trong tệp${t[2] ? `, mục "${t[2]}"` : ""}`;
    else if (/^dòng /.test(l.path)) where = l.path.charAt(0).toUpperCase() + l.path.slice(1);
    else where = `Mục "${l.path}"`;
  } else if (l.target) where = `Chỉ tiêu ${l.target}`;
  const detail = p.code === "plan.invalid" ? String((p.params as { detail?: unknown }).detail ?? "") : "";
  const what = detail ? `${detail.charAt(0).toUpperCase()}${detail.slice(1)}${/[.!?]$/.test(detail) ? "" : "."}` : message(p);
  return where ? `${where}: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what;
}

/** Location and message in one line, for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = describeLocation(p.location);
  return where ? `${where}: ${message(p)}` : message(p);
}

/** The severity's word, the place and the message: the one line the CLI prints and the pane lists ("Cảnh báo: Trang …: …"). */
export function problemLine(p: Problem): string {
  return `${SEVERITY_LABELS[p.severity]}: ${formatProblem(p)}`;
}
