/**
 * Command-line options, read by Node's own `util.parseArgs` for every `ktxh` command, its English
 * errors said again in Vietnamese. A word that starts with `-` and then a digit ("-5", "-2,5%") is a
 * value, not an option, as a user typing a target or a figure means it.
 */
import { parseArgs } from "node:util";

export type OptionSpec = { type: "string" | "boolean"; short?: string };
export type OptionSpecs = Record<string, OptionSpec>;
export type ArgValues<O extends OptionSpecs> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };
export type Parsed<O extends OptionSpecs> = { values: ArgValues<O>; positionals: string[] };

const NEGATIVE = /^-[\d.,]/;
const HIDE = "\u0000";

/** Options and positionals, or a Vietnamese sentence saying what is wrong (for exit code 2). */
export function readArgs<O extends OptionSpecs>(args: string[], options: O, allowPositionals = true): Parsed<O> | string {
  const hidden = args.map((a) => (NEGATIVE.test(a) ? HIDE + a.slice(1) : a));
  const unhide = (v: string): string => (v.startsWith(HIDE) ? "-" + v.slice(1) : v);
  try {
    const r = parseArgs({ args: hidden, options, allowPositionals, strict: true });
    const values: Record<string, string | boolean | undefined> = {};
    for (const [k, v] of Object.entries(r.values)) values[k] = typeof v === "string" ? unhide(v) : (v as boolean | undefined);
    return { values: values as ArgValues<O>, positionals: r.positionals.map(unhide) };
  } catch (e) {
    return explain(e, hidden.map(unhide), options);
  }
}

/** The flag as the user wrote it, from Node's message ("Unknown option '--xml'", "Option '-o, --output <value>' …"). */
function flagIn(message: string, args: string[]): string | null {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const flags = quoted.split(/[ ,]+/).filter((w) => w.startsWith("-"));
  const typed = new Set(args.map((a) => a.split("=")[0]));
  return flags.find((f) => typed.has(f)) ?? flags[0] ?? null;
}

function explain(e: unknown, args: string[], options: OptionSpecs): string {
  const code = (e as { code?: string } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  const flag = flagIn(message, args);
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `không hiểu tùy chọn "${flag ?? message}"`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const extra = /'([^']*)'/.exec(message)?.[1];
      return `không hiểu tham số "${extra ?? message}"`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = flag?.replace(/^-+/, "") ?? "";
      const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
      if (spec?.type === "boolean") return `tùy chọn ${flag} không nhận giá trị`;
      return `thiếu giá trị sau ${flag ?? "tùy chọn"}`;
    }
    default:
      return `không đọc được tham số ${args.join(" ")}: ${message}`;
  }
}
