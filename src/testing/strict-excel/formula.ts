/**
 * A small formula engine, enough to see that formulas the host writes compute: numbers, text, TRUE/FALSE,
 * cell and range references (also 'Other sheet'!A1), + - * / ^ & and comparisons, and the functions in
 * FUNCTIONS. Anything else evaluates to #NAME?, as an unknown function does in Excel.
 */
import { type Rect, colLetters, lettersCol } from "./address";
import { type Computed, type ErrorValue, type Scalar, excelNumber, isError } from "./cells";

type Token =
  | { t: "num"; v: number; s: number; e: number }
  | { t: "str"; v: string; s: number; e: number }
  | { t: "ref"; sheet: string | null; a: RefEnd; b: RefEnd | null; s: number; e: number }
  | { t: "name"; v: string; s: number; e: number }
  | { t: "err"; v: string; s: number; e: number }
  | { t: "op"; v: string; s: number; e: number };

interface RefEnd {
  col: number;
  row: number;
  colAbs: boolean;
  rowAbs: boolean;
}

const REF_END = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})`;
const PATTERNS: [RegExp, (m: RegExpExecArray, s: number) => Token | null][] = [
  [/^\s+/, () => null],
  [/^"((?:[^"]|"")*)"/, (m, s) => ({ t: "str", v: m[1].replace(/""/g, '"'), s, e: s + m[0].length })],
  [
    new RegExp(String.raw`^(?:'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!)?${REF_END}(?::${REF_END})?(?![\p{L}\p{N}_(])`, "u"),
    (m, s) => ({
      t: "ref",
      sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null),
      a: end(m, 3),
      b: m[7] !== undefined ? end(m, 7) : null,
      s,
      e: s + m[0].length,
    }),
  ],
  [/^(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/, (m, s) => ({ t: "num", v: Number(m[0]), s, e: s + m[0].length })],
  [/^#(?:REF!|NAME\?|DIV\/0!|VALUE!|N\/A|NUM!|NULL!)/, (m, s) => ({ t: "err", v: m[0], s, e: s + m[0].length })],
  [/^[A-Za-z_][A-Za-z0-9_.]*/, (m, s) => ({ t: "name", v: m[0].toUpperCase(), s, e: s + m[0].length })],
  [/^(<>|<=|>=|[-+*/^&=<>(),%:;])/, (m, s) => ({ t: "op", v: m[0] === ";" ? "," : m[0], s, e: s + m[0].length })],
];

function end(m: RegExpExecArray, i: number): RefEnd {
  return { colAbs: m[i] === "$", col: lettersCol(m[i + 1]), rowAbs: m[i + 2] === "$", row: Number(m[i + 3]) - 1 };
}

function tokenize(src: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    let matched = false;
    for (const [re, make] of PATTERNS) {
      const m = re.exec(rest);
      if (!m) continue;
      const tok = make(m, i);
      if (tok) out.push(tok);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) return null;
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar | ErrorValue }
  | { k: "ref"; sheet: string | null; rect: Rect }
  | { k: "un"; op: string; x: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

const NAME: ErrorValue = { error: "#NAME?" };
const VALUE: ErrorValue = { error: "#VALUE!" };
const DIV0: ErrorValue = { error: "#DIV/0!" };

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}
  parse(): Node | null {
    const n = this.cmp();
    return this.i === this.toks.length ? n : null;
  }
  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === "op" && ops.includes(t.v) ? t.v : null;
  }
  private bin(next: () => Node, ops: string[]): Node {
    let a = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.i++;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  }
  private cmp = (): Node => this.bin(this.cat, ["=", "<>", "<", ">", "<=", ">="]);
  private cat = (): Node => this.bin(this.add, ["&"]);
  private add = (): Node => this.bin(this.mul, ["+", "-"]);
  private mul = (): Node => this.bin(this.pow, ["*", "/"]);
  private pow = (): Node => this.bin(this.unary, ["^"]);
  private unary = (): Node => {
    const op = this.peekOp("-", "+");
    if (op) {
      this.i++;
      return { k: "un", op, x: this.unary() };
    }
    let x = this.atom();
    while (this.peekOp("%")) {
      this.i++;
      x = { k: "un", op: "%", x };
    }
    return x;
  };
  private atom(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new SyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "err":
        return { k: "lit", v: { error: t.v } };
      case "ref": {
        const b = t.b ?? t.a;
        const rect = { row: Math.min(t.a.row, b.row), col: Math.min(t.a.col, b.col), rows: Math.abs(b.row - t.a.row) + 1, cols: Math.abs(b.col - t.a.col) + 1 };
        return { k: "ref", sheet: t.sheet, rect };
      }
      case "name": {
        if (this.peekOp("(")) {
          this.i++;
          const args: Node[] = [];
          if (!this.peekOp(")")) {
            do args.push(this.cmp());
            while (this.peekOp(",") && ++this.i);
          }
          if (!this.peekOp(")")) throw new SyntaxError("missing )");
          this.i++;
          return { k: "call", name: t.v, args };
        }
        if (t.v === "TRUE" || t.v === "FALSE") return { k: "lit", v: t.v === "TRUE" };
        return { k: "lit", v: NAME };
      }
      case "op":
        if (t.v === "(") {
          const x = this.cmp();
          if (!this.peekOp(")")) throw new SyntaxError("missing )");
          this.i++;
          return x;
        }
        throw new SyntaxError(`unexpected ${t.v}`);
    }
  }
}

/** Reads cells for the evaluator: a sheet name (null = the formula's own sheet) and a rectangle. */
export type Lookup = (sheet: string | null, rect: Rect) => Computed[][] | ErrorValue;

type Val = Computed | Computed[][];

export function parseFormula(formula: string): Node | null {
  const toks = tokenize(formula.replace(/^=/, ""));
  if (!toks) return null;
  try {
    return new Parser(toks).parse();
  } catch {
    return null;
  }
}

export function evaluate(formula: string, lookup: Lookup): Computed {
  const ast = parseFormula(formula);
  if (!ast) return NAME;
  const v = evalNode(ast, lookup);
  if (Array.isArray(v)) return v.length === 1 && v[0].length === 1 ? (v[0][0] ?? 0) : VALUE;
  if (typeof v === "number") return Number.isFinite(v) ? excelNumber(v) : { error: "#NUM!" };
  return v ?? 0;
}

function evalNode(n: Node, lookup: Lookup): Val {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref":
      return lookup(n.sheet, n.rect);
    case "un": {
      const x = num(scalar(evalNode(n.x, lookup)));
      if (isError(x)) return x;
      return n.op === "-" ? -x : n.op === "%" ? x / 100 : x;
    }
    case "bin":
      return binary(n.op, scalar(evalNode(n.a, lookup)), scalar(evalNode(n.b, lookup)));
    case "call": {
      const f = FUNCTIONS[n.name];
      return f ? f(n.args.map((a) => evalNode(a, lookup))) : NAME;
    }
  }
}

function scalar(v: Val): Computed {
  if (!Array.isArray(v)) return v;
  return v.length === 1 && v[0].length === 1 ? v[0][0] : VALUE;
}

function num(v: Computed): number | ErrorValue {
  if (v === null) return 0;
  if (isError(v)) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : VALUE;
}

function text(v: Computed): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function binary(op: string, a: Computed, b: Computed): Computed {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === "&") return text(a) + text(b);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
  }
  const x = num(a);
  const y = num(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  if (op === "/") return y === 0 ? DIV0 : x / y;
  return op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x ** y;
}

/** Excel's ordering: numbers < text < booleans; text without regard to case. */
export function compare(a: Computed, b: Computed): number {
  const rank = (v: Computed) => (typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2);
  const av = a === null ? (typeof b === "string" ? "" : 0) : a;
  const bv = b === null ? (typeof a === "string" ? "" : 0) : b;
  const ra = rank(av);
  const rb = rank(bv);
  if (ra !== rb) return ra - rb;
  if (typeof av === "string" && typeof bv === "string") return av.localeCompare(bv, "vi", { sensitivity: "accent" });
  return Number(av) - Number(bv);
}

/** Numbers of the arguments as SUM sees them: numbers in ranges, numbers and numeric text given directly. */
function numbers(args: Val[]): number[] | ErrorValue {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const row of a) for (const v of row) {
        if (isError(v)) return v;
        if (typeof v === "number") out.push(v);
      }
    } else {
      const n = num(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

const flat = (args: Val[]): Computed[] => args.flatMap((a) => (Array.isArray(a) ? a.flat() : [a]));
const truthy = (v: Computed): boolean | ErrorValue => {
  const n = typeof v === "string" ? VALUE : num(v);
  return isError(n) ? n : n !== 0;
};

const FUNCTIONS: Record<string, (args: Val[]) => Val> = {
  SUM: (a) => { const n = numbers(a); return isError(n) ? n : n.reduce((s, x) => s + x, 0); },
  AVERAGE: (a) => { const n = numbers(a); return isError(n) ? n : n.length ? n.reduce((s, x) => s + x, 0) / n.length : DIV0; },
  MIN: (a) => { const n = numbers(a); return isError(n) ? n : n.length ? Math.min(...n) : 0; },
  MAX: (a) => { const n = numbers(a); return isError(n) ? n : n.length ? Math.max(...n) : 0; },
  COUNT: (a) => flat(a).filter((v) => typeof v === "number").length,
  COUNTA: (a) => flat(a).filter((v) => v !== null).length,
  ABS: (a) => { const n = num(scalar(a[0] ?? null)); return isError(n) ? n : Math.abs(n); },
  ROUND: (a) => {
    const x = num(scalar(a[0] ?? null));
    const d = num(scalar(a[1] ?? 0));
    if (isError(x)) return x;
    if (isError(d)) return d;
    const f = 10 ** Math.trunc(d);
    return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
  },
  IF: (a) => {
    const c = truthy(scalar(a[0] ?? null));
    if (isError(c)) return c;
    return c ? scalar(a[1] ?? true) : a.length > 2 ? scalar(a[2]) : false;
  },
  IFERROR: (a) => { const v = scalar(a[0] ?? null); return isError(v) ? scalar(a[1] ?? null) : v; },
  AND: (a) => flat(a).every((v) => v === null || truthy(v) === true),
  OR: (a) => flat(a).some((v) => v !== null && truthy(v) === true),
  NOT: (a) => { const c = truthy(scalar(a[0] ?? null)); return isError(c) ? c : !c; },
  ISNUMBER: (a) => typeof scalar(a[0] ?? null) === "number",
  ISBLANK: (a) => scalar(a[0] ?? null) === null,
  LEN: (a) => text(scalar(a[0] ?? null)).length,
};

export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);

/** Rewrites references after rows/columns were inserted (count > 0) or deleted (count < 0) on `target`. */
export function shiftFormula(
  formula: string,
  ownSheet: string,
  target: string,
  axis: "row" | "col",
  at: number,
  count: number,
  sameSheet: (a: string, b: string) => boolean,
): string {
  const toks = tokenize(formula.replace(/^=/, ""));
  if (!toks) return formula;
  let body = formula.replace(/^=/, "");
  for (const t of [...toks].reverse()) {
    if (t.t !== "ref" || !sameSheet(t.sheet ?? ownSheet, target)) continue;
    const a = { ...t.a };
    const b = { ...(t.b ?? t.a) };
    const ok = moveEnds(a, b, axis, at, count);
    const prefix = t.sheet === null ? "" : `${/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(t.sheet) ? t.sheet : `'${t.sheet.replace(/'/g, "''")}'`}!`;
    const text = ok ? prefix + refText(a) + (t.b ? `:${refText(b)}` : "") : "#REF!";
    body = body.slice(0, t.s) + text + body.slice(t.e);
  }
  return `=${body}`;
}

function moveEnds(a: RefEnd, b: RefEnd, axis: "row" | "col", at: number, count: number): boolean {
  const key = axis === "row" ? "row" : "col";
  let lo = Math.min(a[key], b[key]);
  let hi = Math.max(a[key], b[key]);
  if (count > 0) {
    if (lo >= at) lo += count;
    if (hi >= at) hi += count;
  } else {
    const n = -count;
    const delEnd = at + n;
    if (lo >= at && hi < delEnd) return false;
    const shift = (x: number) => (x >= delEnd ? x - n : x >= at ? at : x);
    lo = lo >= at && lo < delEnd ? at : shift(lo);
    hi = hi >= at && hi < delEnd ? at - 1 : shift(hi);
  }
  a[key] = lo;
  b[key] = hi;
  return true;
}

function refText(e: RefEnd): string {
  return `${e.colAbs ? "$" : ""}${colLetters(e.col)}${e.rowAbs ? "$" : ""}${e.row + 1}`;
}

/** Moves the relative references of a formula by (dRow, dCol), as copying it to another cell does. */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const toks = tokenize(formula.replace(/^=/, ""));
  if (!toks) return formula;
  let body = formula.replace(/^=/, "");
  for (const t of [...toks].reverse()) {
    if (t.t !== "ref") continue;
    const move = (e: RefEnd): RefEnd => ({ ...e, row: e.rowAbs ? e.row : e.row + dRow, col: e.colAbs ? e.col : e.col + dCol });
    const a = move(t.a);
    const b = t.b ? move(t.b) : null;
    if ([a, b].some((e) => e !== null && (e.row < 0 || e.col < 0))) return "=#REF!";
    const src = body.slice(t.s, t.e);
    const prefix = src.includes("!") ? src.slice(0, src.lastIndexOf("!") + 1) : "";
    body = body.slice(0, t.s) + prefix + refText(a) + (b ? `:${refText(b)}` : "") + body.slice(t.e);
  }
  return `=${body}`;
}
