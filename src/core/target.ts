/**
 * Target expressions as staff write them ("khoảng 25.224", ">80%", "7-8", "giảm còn khoảng 2,14%",
 * "Giảm 3 tiêu chí", "01 trường", "100% theo chỉ tiêu cấp trên giao", "từ 90% trở lên", "giảm 1-1,5%")
 * read into one structured spec, and written back in one canonical Vietnamese form per kind.
 *
 * Canonical forms (the unit is left out: the row's Đơn vị tính carries it, except `%` of a change):
 *   point "25.224" · approx "khoảng 25.224" · at-least "≥ 50" · more-than "> 80" · at-most "≤ 5" ·
 *   less-than "< 5" · range "từ 7 đến 8" · reduce-criteria "giảm 3 tiêu chí" ·
 *   a level the wording says is lower-is-better "giảm còn khoảng 2,14" (higher: "tăng lên 50") ·
 *   a change from the previous figure "tăng 5%", "giảm từ 1,0 đến 1,5%", "tăng trên 5%".
 * Parsing the canonical text with the same hints gives the same spec. Wording that is not
 * understood is an error quoting the text: there is no silent default.
 */
import type { Direction } from "./plan";
import { type NumberProblemCode, formatNumber, parseNumber } from "./numbers";
import { type Problem, type Result, fail, ok, problem } from "./problems";
import { foldKey, nfc, normalText } from "./text";

export type TargetKind = "point" | "at-least" | "more-than" | "at-most" | "less-than" | "range" | "reduce-criteria";
/** Where the direction came from: the wording itself, the plan row, the indicator's name, or the default. */
export type DirectionSource = "wording" | "hint" | "name" | "default";

export type TargetSpec = {
  kind: TargetKind;
  /** Bounds as written; a point has both equal to its value; null where open. */
  min: number | null;
  max: number | null;
  /** Decimals as written (the finer of the two bounds). */
  decimals: number;
  unit: string | null;
  direction: Direction;
  approx: boolean;
  written: string;
  canonical: string;
  /** Set when the target is a change from the previous figure ("tăng 5%", "giảm 1-1,5%"). */
  change: null | "increase" | "decrease";
  directionFrom: DirectionSource;
  /**
   * A growth rate's "tăng 7,5%" read as the rate's level (7,5 %), not as a change from last year:
   * set by the row's `rate` or its name and unit (`isRateIndicator`).
   */
  rate: boolean;
};

/** `rate`: the row is a growth rate (plan's `rate`); absent, the name and unit decide (`isRateIndicator`). */
export type TargetHints = { direction?: Direction; unit?: string | null; name?: string; no?: string; rate?: boolean };

/** The hints a plan row gives its target's reading: the one place they are taken from a row. */
export function hintsOf(row: { direction?: Direction; unit?: string | null; name?: string; no?: string; rate?: boolean }): TargetHints {
  const hints: TargetHints = { direction: row.direction, unit: row.unit || null, name: row.name, no: row.no };
  if (row.rate !== undefined) hints.rate = row.rate;
  return hints;
}

/** Names of growth rates, folded: "Tốc độ tăng trưởng kinh tế", "Tăng trưởng GRDP". */
const RATE_NAME_KEYS = ["toc do", "tang truong"];

/**
 * Whether a row is a growth rate: its unit is % and its name says "tốc độ" or "tăng trưởng". For such a
 * row "tăng 7,5%" is the rate to reach (an actual of 7,9 is above it), not a rise of last year's figure.
 */
export function isRateIndicator(name: string | undefined, unit: string | null | undefined): boolean {
  if (!name || (unit ?? "").trim() !== "%") return false;
  const key = ` ${foldKey(name)} `;
  return RATE_NAME_KEYS.some((k) => key.includes(` ${k} `));
}

export type TargetProblemCode =
  | "target.empty"
  | "target.unknown-wording"
  | "target.bad-number"
  | "target.bad-range"
  | "target.direction-conflict"
  | "target.unit-mismatch";

type Code = TargetProblemCode | NumberProblemCode;
type BoundKind = "at-least" | "more-than" | "at-most" | "less-than";
type OpEffect = { op?: BoundKind | "from"; approx?: true; noop?: true };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).map(escape).join("|");
/** A phrase ends where a letter does not follow (JS `\b` does not know Vietnamese letters). */
const END = "(?![\\p{L}])";

const TAIL_NOISE_RE = new RegExp(
  `\\s*(?:\\(?\\s*so với${END}.*|(?:theo\\s+)?(?:chỉ tiêu|kế hoạch)(?:\\s+(?:cấp trên|được|huyện|tỉnh))*\\s+giao)$`,
  "u",
);
const TRAILING_PUNCT_RE = /[\s;,.]+$/;

const NUM = "[+\\-−]?(?:\\d{1,3}(?: \\d{3}(?!\\d))+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*)";
const NUM_UNSIGNED = "(?:\\d{1,3}(?: \\d{3}(?!\\d))+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*)";
const CRITERIA_RE = new RegExp(
  `^(?:giảm|kéo giảm)\\s+(?:(?:cả|ít nhất|tối thiểu|được)\\s+)?(${NUM_UNSIGNED})(?:\\s*/\\s*(${NUM_UNSIGNED}))?\\s+tiêu chí${END}`,
  "u",
);
const NO_CRITERIA_RE = /^không giảm (?:được )?tiêu chí nào/u;
const LOWER_LEVEL_RE = new RegExp(`^(?:${alternation(["giảm xuống còn", "giảm xuống mức", "giảm xuống", "giảm còn", "xuống còn", "hạ xuống", "xuống mức", "xuống", "còn"])})${END}\\s*`, "u");
const HIGHER_LEVEL_RE = new RegExp(`^(?:${alternation(["tăng lên mức", "tăng lên", "nâng lên", "lên mức", "lên"])})${END}\\s*`, "u");
const GROWTH_WORD_RE = new RegExp(`^tăng trưởng${END}\\s*`, "u");
const CHANGE_RE = new RegExp(`^(tăng|giảm)(?:\\s+thêm)?${END}\\s*`, "u");

const WORD_OPS: [string, OpEffect][] = [
  ["khoảng", { approx: true }], ["xấp xỉ", { approx: true }], ["trên dưới", { approx: true }], ["chừng", { approx: true }],
  ["ít nhất là", { op: "at-least" }], ["ít nhất", { op: "at-least" }], ["tối thiểu", { op: "at-least" }],
  ["không dưới", { op: "at-least" }], ["không thấp hơn", { op: "at-least" }], ["không ít hơn", { op: "at-least" }],
  ["không nhỏ hơn", { op: "at-least" }],
  ["tối đa", { op: "at-most" }], ["không quá", { op: "at-most" }], ["không vượt quá", { op: "at-most" }],
  ["không vượt", { op: "at-most" }], ["không cao hơn", { op: "at-most" }], ["không lớn hơn", { op: "at-most" }],
  ["không nhiều hơn", { op: "at-most" }], ["không trên", { op: "at-most" }],
  ["trên", { op: "more-than" }], ["hơn", { op: "more-than" }], ["lớn hơn", { op: "more-than" }],
  ["cao hơn", { op: "more-than" }], ["nhiều hơn", { op: "more-than" }],
  ["dưới", { op: "less-than" }], ["thấp hơn", { op: "less-than" }], ["nhỏ hơn", { op: "less-than" }], ["ít hơn", { op: "less-than" }],
  ["từ", { op: "from" }], ["mức", { noop: true }], ["đạt", { noop: true }],
];
const SYMBOL_OPS: [string, OpEffect][] = [
  [">=", { op: "at-least" }], ["=>", { op: "at-least" }], ["≥", { op: "at-least" }],
  ["<=", { op: "at-most" }], ["=<", { op: "at-most" }], ["≤", { op: "at-most" }],
  [">", { op: "more-than" }], ["<", { op: "less-than" }], ["=", { noop: true }], ["~", { approx: true }], ["≈", { approx: true }],
];
const OP_MAP = new Map<string, OpEffect>([...WORD_OPS, ...SYMBOL_OPS]);
const WORD_OP_RE = new RegExp(`^(${alternation(WORD_OPS.map(([w]) => w))})${END}\\s*`, "u");
const SYMBOL_OP_RE = new RegExp(`^(${alternation(SYMBOL_OPS.map(([w]) => w))})\\s*`, "u");
const AT_LEAST_TAIL_RE = new RegExp(`\\s*(?:trở lên|hoặc hơn|hoặc cao hơn|hoặc nhiều hơn)$`, "u");
const AT_MOST_TAIL_RE = new RegExp(`\\s*(?:trở xuống|hoặc thấp hơn|hoặc ít hơn)$`, "u");

const BODY_RE = new RegExp(`^(${NUM})\\s*(%|‰)?(?:\\s*(?:-|–|—|đến|tới)\\s*(${NUM_UNSIGNED})\\s*(%|‰)?)?\\s*(.*)$`, "u");
const UNIT_RE = /^[\p{L}%‰][\p{L}\p{N}%‰/²³ .()-]*$/u;
const UNIT_SPLIT_RE = /[\s/().]+/;
/** A word of a unit may end in digits (m2, CO2) but not be a number: "5 ha 7" is not 5 "ha 7". */
const UNIT_NUMBER_RE = /^\d/;
/** Words that mean the text still holds wording we did not read; they are never part of a unit. */
const RESERVED = new Set(["trên", "dưới", "đến", "tới", "khoảng", "tăng", "giảm", "không", "hoặc", "trở", "hơn", "còn", "từ", "tối", "thiểu", "quá", "ít", "nhất", "và", "hay", "so", "đạt"]);

/**
 * Words that change what a figure means (bounds, approximation, direction, change, criteria). Any
 * other words before the first figure — "phấn đấu", "tiếp tục duy trì", "đảm bảo", "hoàn thành",
 * "tỷ lệ … đạt" — leave the figure as it is and are passed over, whatever they are.
 */
const MEANINGFUL = new Set([
  ...WORD_OPS.filter(([, e]) => !e.noop).flatMap(([w]) => w.split(" ")),
  ...["giảm", "tăng", "thêm", "còn", "xuống", "lên", "trưởng", "kéo", "tiêu", "chí", "đến", "tới", "trở", "hoặc", "không", "nào", "so", "với", "giao"],
]);
const LEAD_WORD_RE = /^([\p{L}]+)[\s,;:–-]*/u;
const HAS_DIGIT = /\d/;

/** Drops leading words that do not change the figure's meaning, while a figure still follows. */
function skipLeadingWords(s: string): string {
  for (;;) {
    const m = LEAD_WORD_RE.exec(s);
    if (!m || MEANINGFUL.has(m[1]) || !HAS_DIGIT.test(s.slice(m[0].length))) return s;
    s = s.slice(m[0].length);
  }
}

/** Lower-is-better indicators recognised by name (folded, diacritics off). */
const LOWER_NAME_KEYS = ["ho ngheo", "ho can ngheo", "suy dinh duong", "tai nan", "tu vong", "that nghiep", "toi pham", "giam con"];

const OP_DIRECTION: Record<BoundKind, Direction> = { "at-least": "higher", "more-than": "higher", "at-most": "lower", "less-than": "lower" };

/** Lower-is-better by name: poverty, malnutrition, accidents, and a few more. */
export function directionFromName(name: string | undefined): Direction | null {
  if (!name) return null;
  const key = ` ${foldKey(name)} `;
  for (const k of LOWER_NAME_KEYS) if (key.includes(` ${k} `)) return "lower";
  return null;
}

type Reading = { value: number; decimals: number };

function ambiguity(written: string, value: number, alternatives: number[], loc: { target?: string }): Problem<Code> {
  return problem("number.ambiguous", loc, {
    written, value: formatNumber(value), alternative: alternatives.map((a) => formatNumber(a)).join(" hoặc "),
  });
}

/** Units compared as names ("Trường" = "trường"); symbols (%, ‰) as themselves. */
const unitKey = (u: string): string => foldKey(u) || u.trim();

/**
 * Reads a target; `hints` come from the plan row (its direction, unit, name, number). With
 * `passOverWords: false` no leading words are passed over: the figure's wording must start the text
 * (how `splitTargetText` finds where a line's name ends).
 */
export function parseTarget(text: string, hints: TargetHints = {}, options: { passOverWords?: boolean } = {}): Result<TargetSpec, Code> {
  const skipNoise = options.passOverWords === false ? (x: string) => x : skipLeadingWords;
  const loc = hints.no ? { target: hints.no } : {};
  const written = typeof text === "string" ? nfc(text).trim() : "";
  const problems: Problem<Code>[] = [];
  const unknown = (): Result<TargetSpec, Code> => fail([problem("target.unknown-wording", loc, { text: written })]);
  if (written === "") return fail([problem("target.empty", loc, { text: written })]);

  // Most targets are a bare figure ("623,17", "35,58%", "01"): read them without the wording machinery.
  const plain = parseNumber(written);
  if (plain.ok) {
    if (plain.ambiguous) problems.push(ambiguity(written, plain.value, plain.ambiguous.alternatives, loc));
    const shape = { kind: "point" as const, min: plain.value, max: plain.value, decimals: plain.decimals, approx: false, change: null, rate: false };
    return ok(resolve(shape, plain.percent ? "%" : null, false, null, written, hints, problems), problems);
  }

  let s = normalText(written);
  const colon = s.lastIndexOf(":");
  if (colon >= 0) s = s.slice(colon + 1).trim();
  s = s.replace(TRAILING_PUNCT_RE, "");
  const noisyTail = s.includes("so với") || s.includes("giao");
  for (let prev = ""; prev !== s; ) {
    prev = s;
    if (noisyTail) s = s.replace(TAIL_NOISE_RE, "").replace(TRAILING_PUNCT_RE, "");
    s = skipNoise(s);
  }

  const readNumber = (raw: string): Reading | null => {
    const r = parseNumber(raw);
    if (!r.ok) {
      problems.push(problem("target.bad-number", loc, { text: written, number: raw }));
      return null;
    }
    if (r.ambiguous) problems.push(ambiguity(raw, r.value, r.ambiguous.alternatives, loc));
    return { value: r.value, decimals: r.decimals };
  };

  // "Giảm 3 tiêu chí": how many of the criteria must fall.
  const criteria = s.includes("tiêu chí") ? CRITERIA_RE.exec(s) : null;
  if (criteria || (s.includes("tiêu chí") && NO_CRITERIA_RE.test(s))) {
    const n = criteria ? readNumber(criteria[1]) : { value: 0, decimals: 0 };
    if (!n) return fail(problems);
    const spec = finish({
      kind: "reduce-criteria", min: n.value, max: null, decimals: n.decimals, unit: "tiêu chí", direction: "lower",
      approx: false, written, canonical: "", change: null, directionFrom: "wording", rate: false,
    });
    return ok(spec, problems);
  }

  let wordingDirection: Direction | null = null;
  let change: TargetSpec["change"] = null;
  let m: RegExpExecArray | null;
  if ((m = LOWER_LEVEL_RE.exec(s))) {
    wordingDirection = "lower";
    s = s.slice(m[0].length);
  } else if ((m = HIGHER_LEVEL_RE.exec(s))) {
    wordingDirection = "higher";
    s = s.slice(m[0].length);
  } else if ((m = GROWTH_WORD_RE.exec(s))) {
    s = s.slice(m[0].length);
  } else if ((m = CHANGE_RE.exec(s))) {
    change = m[1] === "tăng" ? "increase" : "decrease";
    wordingDirection = change === "increase" ? "higher" : "lower";
    s = s.slice(m[0].length);
  }
  // A growth rate's "tăng 7,5%" is the rate to reach: a level, more being better.
  const rate = change === "increase" && (hints.rate ?? isRateIndicator(hints.name, hints.unit));
  if (rate) change = null;

  let op: BoundKind | "from" | null = null;
  let approx = false;
  for (;;) {
    s = skipNoise(s);
    const hit = SYMBOL_OP_RE.exec(s) ?? WORD_OP_RE.exec(s);
    if (!hit) break;
    const effect = OP_MAP.get(hit[1]);
    if (!effect) break;
    if (effect.approx) approx = true;
    if (effect.op) {
      if (op) return unknown();
      op = effect.op;
    }
    s = s.slice(hit[0].length);
  }
  const mayHaveTail = s.includes("trở") || s.includes("hoặc");
  const tailAtLeast = mayHaveTail ? AT_LEAST_TAIL_RE.exec(s) : null;
  const tailAtMost = tailAtLeast || !mayHaveTail ? null : AT_MOST_TAIL_RE.exec(s);
  const tail = tailAtLeast ?? tailAtMost;
  if (tail) {
    const tailOp: BoundKind = tailAtLeast ? "at-least" : "at-most";
    if (op && op !== "from" && op !== tailOp) return unknown();
    op = tailOp;
    s = s.slice(0, tail.index);
  }

  const body = BODY_RE.exec(s);
  if (!body) return unknown();
  const [, firstRaw, firstSign, secondRaw, secondSign, rest] = body;
  const unitText = rest.trim();
  if (unitText !== "" && (!UNIT_RE.test(unitText) || unitText.split(UNIT_SPLIT_RE).some((w) => RESERVED.has(w) || UNIT_NUMBER_RE.test(w)))) return unknown();
  const first = readNumber(firstRaw);
  const second = secondRaw ? readNumber(secondRaw) : null;
  if (!first || (secondRaw && !second)) return fail(problems);

  let kind: TargetKind;
  let min: number | null = first.value;
  let max: number | null = first.value;
  if (second) {
    if (op && op !== "from") return unknown();
    kind = "range";
    max = second.value;
    if (min > max) return fail([...problems, problem("target.bad-range", loc, { text: written })]);
  } else if (op === null) {
    kind = "point";
  } else {
    kind = op === "from" ? "at-least" : op;
    if (kind === "at-least" || kind === "more-than") max = null;
    else min = null;
  }

  const sign = secondSign || firstSign || "";
  const writtenUnit = sign || (unitText === "" ? null : unitText);
  const shape = { kind, min, max, decimals: Math.max(first.decimals, second?.decimals ?? 0), approx, change, rate };
  return ok(resolve(shape, writtenUnit, !!(change && sign), wordingDirection, written, hints, problems), problems);
}

type Shape = Pick<TargetSpec, "kind" | "min" | "max" | "decimals" | "approx" | "change" | "rate">;

/** Unit and direction of a read target; pushes the warnings they call for. */
function resolve(
  shape: Shape, writtenUnit: string | null, changeUnit: boolean, wordingDirection: Direction | null,
  written: string, hints: TargetHints, problems: Problem<Code>[],
): TargetSpec {
  const loc = hints.no ? { target: hints.no } : {};
  const hintUnit = hints.unit ? normalText(hints.unit) || null : null;
  // The % of a change ("tăng 10%") is the change's unit, not the row's.
  if (writtenUnit && hintUnit && !changeUnit && unitKey(writtenUnit) !== unitKey(hintUnit)) {
    problems.push(problem("target.unit-mismatch", loc, { text: written, unit: writtenUnit, expected: hintUnit }));
  }
  const { kind, change } = shape;
  if (!wordingDirection && kind !== "point" && kind !== "range" && kind !== "reduce-criteria") wordingDirection = OP_DIRECTION[kind];
  let direction: Direction = "higher";
  let directionFrom: DirectionSource = "default";
  if (wordingDirection) {
    direction = wordingDirection;
    directionFrom = "wording";
    if (hints.direction && hints.direction !== wordingDirection && !change) {
      problems.push(problem("target.direction-conflict", loc, { text: written, direction: hints.direction }));
    }
  } else if (hints.direction) {
    [direction, directionFrom] = [hints.direction, "hint"];
  } else {
    const byName = directionFromName(hints.name);
    if (byName) [direction, directionFrom] = [byName, "name"];
  }
  // One literal with every field in one order: V8 keeps a single object shape (a spread here cost 5 µs a row).
  return finish({
    kind, min: shape.min, max: shape.max, decimals: shape.decimals, unit: writtenUnit ?? hintUnit, direction,
    approx: shape.approx, written, canonical: "", change, directionFrom, rate: shape.rate,
  });
}

const SYMBOL: Record<BoundKind, string> = { "at-least": "≥", "more-than": ">", "at-most": "≤", "less-than": "<" };
const WORD: Record<BoundKind, string> = { "at-least": "ít nhất", "more-than": "trên", "at-most": "tối đa", "less-than": "dưới" };

function finish(spec: TargetSpec): TargetSpec {
  spec.canonical = canonicalTarget(spec);
  return spec;
}

/** The one canonical Vietnamese text of a spec (see the module comment). */
export function canonicalTarget(spec: Omit<TargetSpec, "canonical">): string {
  const n = (v: number | null): string => formatNumber(v ?? 0, spec.decimals);
  if (spec.kind === "reduce-criteria") return `giảm ${n(spec.min)} tiêu chí`;
  const approx = spec.approx ? "khoảng " : "";
  let body: string;
  if (spec.kind === "point") body = approx + n(spec.min);
  else if (spec.kind === "range") body = `${approx}từ ${n(spec.min)} đến ${n(spec.max)}`;
  else {
    const bound = spec.kind === "at-least" || spec.kind === "more-than" ? spec.min : spec.max;
    body = `${spec.change || spec.rate ? WORD[spec.kind] : SYMBOL[spec.kind]} ${approx}${n(bound)}`;
  }
  if (spec.change || spec.rate) return `${spec.change === "decrease" ? "giảm" : "tăng"} ${body}${spec.unit === "%" ? "%" : ""}`;
  if (spec.directionFrom === "wording") {
    const implied = spec.kind === "point" || spec.kind === "range" ? null : OP_DIRECTION[spec.kind];
    if (implied !== spec.direction) return `${spec.direction === "lower" ? "giảm còn" : "tăng lên"} ${body}`;
  }
  return body;
}

/**
 * Splits a line of a plan document ("Tổng giá trị sản xuất khoảng 25.224 tỷ đồng") into the
 * indicator's name and its target: after the last colon if there is one, else the first
 * word from which the rest reads as a target. Null when no part reads as a target.
 */
export function splitTargetText(line: string): { name: string; target: string } | null {
  const text = line.normalize("NFC").replace(/\s+/g, " ").trim().replace(/[;.]+$/, "").trim();
  const colon = text.lastIndexOf(":");
  if (colon > 0) {
    const target = text.slice(colon + 1).trim();
    if (parseTarget(target).ok) return { name: text.slice(0, colon).trim(), target };
  }
  const strict = { passOverWords: false };
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && text[i - 1] !== " ") continue;
    const target = text.slice(i);
    if (parseTarget(target, {}, strict).ok) return { name: text.slice(0, i).trim(), target };
  }
  return null;
}
