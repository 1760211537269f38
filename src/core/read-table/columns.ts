/**
 * Column headers as people write them. Each rule is data: a pattern over the folded header text
 * (no diacritics, lower case, punctuation as spaces) and the role it gives. Order matters: "Chỉ tiêu
 * giao" is the plan before "Chỉ tiêu" is the name, "So với KH (%)" is a comparison before "KH" is
 * the plan.
 */
import { parseColumnKey } from "../row-id";
import { foldKey } from "../text";

export type ColumnRole =
  | "no" // TT, STT, Mã (a target's number or a task's code)
  | "name" // Chỉ tiêu, Nội dung, Nhiệm vụ
  | "unit"
  | "plan"
  | "previous" // last year's figure, same period last year
  | "same-period" // last year's figure of a named period ("6 tháng 2023" under "Cùng kỳ năm trước"), one per period
  | "actual" // the figure reported (Ước TH, Thực hiện, a period label)
  | "compare" // So với KH (%), Đánh giá, computed columns
  | "note"
  | "explanation" // Giải trình: why a target is not met (the collection cycle's books)
  | "directs"
  | "lead"
  | "partners"
  | "timing"
  | "status"
  | "result"
  | "group"
  | "id";

export interface HeaderReading {
  role: ColumnRole;
  /** A year written in the header ("KH 2024", "Ước TH năm 2023"). */
  year: number | null;
  /** A reporting period the header names ("Quý I", "6 tháng"), as a period id. */
  period: string | null;
  /**
   * A figure column that says it holds the change, not the level ("Mức giảm", "Giảm so với năm
   * trước", "Mức tăng"): for a fall or rise target its figure is the change itself.
   */
  change?: "increase" | "decrease";
}

type Rule = { test: (folded: string, raw: string) => boolean; role: ColumnRole };

const re = (r: RegExp) => (f: string) => r.test(f);

/**
 * "Mức giảm", "Mức giảm so với năm trước", "Giảm so với năm trước", "Tăng so với cuối năm trước",
 * "Ước TH (mức giảm)": a figure column holding the change. Not "Tăng, giảm so với cùng kỳ (%)", a
 * comparison, nor "Giảm còn", the level to reach. Read on the folded text (no marks, no brackets).
 */
const CHANGE_HEADER = /^muc (giam|tang)\b|^(giam|tang) so voi (nam truoc|cuoi nam truoc|cung thoi diem nam truoc)\b|\bmuc (giam|tang)( so voi nam truoc)?$/;

const RULES: Rule[] = [
  { test: re(/^(ma dong|id|ma dinh danh)$/), role: "id" },
  { test: re(/^(s ?tt|tt|so tt|thu tu|so thu tu)$/), role: "no" },
  { test: re(/^ma( nhiem vu| so| nv| nhiem vu giai phap)?$/), role: "no" },
  { test: re(/^(dvt|d v t|don vi tinh|don vi|dv tinh)$/), role: "unit" },
  { test: re(/^ghi chu/), role: "note" },
  { test: re(/^giai trinh/), role: "explanation" },
  // "Điều chỉnh đánh giá": an officer's override of the judgement (the add-in's own layout), never a figure.
  { test: (f, raw) => /^(so voi|ty le so voi|dat so voi|ty le dat|danh gia|ly do|muc do dat|dieu chinh danh gia|dieu chinh trang thai)/.test(f) || (raw.includes("%") && /\b(kh|ke hoach|cung ky)\b/.test(f)), role: "compare" },
  { test: re(/\b(cung ky|nam truoc)\b/), role: "previous" },
  { test: re(/^(kh|ke hoach|chi tieu giao|chi tieu ke hoach|muc tieu|nhiem vu nam)\b/), role: "plan" },
  { test: re(/^(uoc|uoc th|uoc thuc hien|thuc hien|th|so lieu|luy ke|ket qua thuc hien nam|ket qua dat duoc)\b/), role: "actual" },
  { test: re(/^(thang (1[0-2]|[1-9])|quy (i|ii|iii|iv|[1-4])|6 thang|9 thang|6 thang dau nam|9 thang dau nam|nam|ca nam)$/), role: "actual" },
  { test: re(/^(trang thai|tinh trang|tinh hinh thuc hien|muc do hoan thanh|ket qua danh gia)/), role: "status" },
  { test: re(/^ket qua/), role: "result" },
  { test: re(/^(chi tieu|noi dung|ten chi tieu|danh muc|ten)\b/), role: "name" },
  { test: re(/\b(nhiem vu|giai phap)\b/), role: "name" },
  { test: re(/chi dao/), role: "directs" },
  { test: re(/chu tri|tham muu/), role: "lead" },
  { test: re(/phoi hop/), role: "partners" },
  { test: re(/^(tien do|thoi gian|thoi han)/), role: "timing" },
  { test: re(/^(nhom|linh vuc|nhom nhiem vu)$/), role: "group" },
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function periodOf(folded: string): string | null {
  let m = /\bthang (1[0-2]|[1-9])\b/.exec(folded);
  if (m && !/\b(6|9) thang\b/.test(folded)) return `m${m[1]}`;
  m = /\bquy (iv|iii|ii|i|[1-4])\b/.exec(folded);
  if (m) return `q${ROMAN[m[1]] ?? Number(m[1])}`;
  if (/\b6 thang\b/.test(folded)) return "6m";
  if (/\b9 thang\b/.test(folded)) return "9m";
  if (/^(nam|ca nam)$/.test(folded)) return "year";
  return null;
}

function yearOf(folded: string): number | null {
  const m = /\b(19|20)(\d\d)\b/.exec(folded);
  return m ? Number(m[1] + m[2]) : null;
}

/**
 * Header search classifies every text near the top of every sheet, many times over: results are
 * cached by text (a bounded map; the same headers and names recur from file to file).
 */
const cache = new Map<string, HeaderReading | null>();

function cached(key: string, compute: () => HeaderReading | null): HeaderReading | null {
  // One lookup: a text that names nothing is kept as null, so only a text never seen reads undefined.
  const known = cache.get(key);
  if (known !== undefined) return known;
  const r = compute();
  if (cache.size > 50000) cache.clear();
  cache.set(key, r);
  return r;
}

/** Reads one header text; null when it names nothing this reader knows. */
export function classifyHeader(raw: string): HeaderReading | null {
  return cached(raw, () => classifyUncached(raw));
}

function classifyUncached(raw: string): HeaderReading | null {
  const f = foldKey(raw);
  if (!f) return null;
  // The year and period are dropped before matching so "KH 2024" and "KH năm 2024" read alike.
  const bare = f.replace(/\b(nam )?(19|20)\d\d\b/g, " ").replace(/\s+/g, " ").trim();
  const change = CHANGE_HEADER.exec(bare || f) ?? CHANGE_HEADER.exec(f);
  if (change) return { role: "actual", year: yearOf(f), period: periodOf(bare || f), change: /\bgiam\b/.test(change[0]) ? "decrease" : "increase" };
  for (const rule of RULES) {
    if (rule.test(bare || f, raw) || rule.test(f, raw)) {
      return { role: rule.role, year: yearOf(f), period: periodOf(bare || f) };
    }
  }
  return null;
}

/**
 * A header made of several lines (an upper cell merged over "KH" and "Ước TH"): the lowest line is
 * the most specific, the upper ones give the year or the group.
 */
export function classifyHeaderLines(lines: string[]): HeaderReading | null {
  if (lines.length === 1) return classifyHeader(lines[0].trim());
  const known = linesKnown(lines);
  if (known !== undefined) return known;
  const r = linesUncached(lines);
  keepLines(lines, r);
  return r;
}

/**
 * Readings of several lines, kept line by line (a trie of the lines' texts): the header search asks
 * the same lines again and again, as the same strings, so no joined key is built and hashed for each
 * asking. Bounded like the cache of single texts: cleared past its size.
 */
type LinesNode = { reading?: HeaderReading | null; next?: Map<string, LinesNode> };
let linesRoot = new Map<string, LinesNode>();
let linesCount = 0;

function linesKnown(lines: readonly string[]): HeaderReading | null | undefined {
  let level: Map<string, LinesNode> | undefined = linesRoot;
  let node: LinesNode | undefined;
  for (const l of lines) {
    node = level?.get(l);
    if (!node) return undefined;
    level = node.next;
  }
  return node?.reading;
}

function keepLines(lines: readonly string[], reading: HeaderReading | null): void {
  if (linesCount >= 50000) {
    linesRoot = new Map();
    linesCount = 0;
  }
  let level = linesRoot;
  let node: LinesNode | undefined;
  lines.forEach((l, i) => {
    node = level.get(l);
    if (!node) level.set(l, (node = {}));
    if (i < lines.length - 1) level = node.next ??= new Map();
  });
  if (node) node.reading = reading;
  linesCount++;
}

/** A period an upper header line names by itself ("Cả năm" over the tasks sheet's "Trạng thái"). */
function upperPeriod(texts: readonly string[]): string | null {
  for (let i = texts.length - 2; i >= 0; i--) {
    const p = periodOf(foldKey(texts[i]));
    if (p) return p;
  }
  return null;
}

function linesUncached(lines: string[]): HeaderReading | null {
  const texts = lines.map((l) => l.trim()).filter((l, i, all) => l && all.indexOf(l) === i);
  if (texts.length === 0) return null;
  const joined = texts.join(" ");
  const lowest = classifyHeader(texts[texts.length - 1]);
  const year = yearOf(foldKey(joined));
  // A period's figure under "Cùng kỳ năm trước" ("6 tháng 2023", "Năm 2023"): last year's figure of that period.
  if (texts.slice(0, -1).some((t) => /\b(cung ky|nam truoc)\b/.test(foldKey(t)))) {
    const low = foldKey(texts[texts.length - 1]);
    if (lowest?.role === "actual" && !lowest.change) return { role: "previous", year: lowest.year ?? year, period: lowest.period ?? periodOf(foldKey(joined)) };
    if (/^(ca )?nam (19|20)\d\d$/.test(low)) return { role: "previous", year: yearOf(low), period: "year" };
  }
  if (lowest) return { ...lowest, year: lowest.year ?? year, period: lowest.period ?? periodOf(foldKey(joined)) ?? upperPeriod(texts) };
  const whole = classifyHeader(joined);
  if (whole) return whole;
  for (let i = texts.length - 2; i >= 0; i--) {
    const r = classifyHeader(texts[i]);
    if (r) return { ...r, year: r.year ?? year };
  }
  return null;
}

/** Column keys the add-in's own layouts write in their hidden key row. */
export function roleOfKey(key: string): HeaderReading | null {
  const plain = (role: ColumnRole): HeaderReading => ({ role, year: null, period: null });
  const k = parseColumnKey(key);
  if (k) {
    if (k.kind === "period") return { role: "actual", year: null, period: k.period };
    if (k.kind === "task-status") return { role: "status", year: null, period: k.period };
    if (k.kind === "task-result") return { role: "result", year: null, period: k.period };
    if (k.kind === "same-period") return { role: "same-period", year: null, period: k.period };
    return null;
  }
  switch (key) {
    case "no":
    case "code":
      return plain("no");
    case "name":
    case "text":
      return plain("name");
    case "unit":
    case "plan":
    case "previous":
    case "note":
    case "explanation":
    case "directs":
    case "lead":
    case "partners":
    case "timing":
    case "status":
    case "result":
    case "group":
    case "id":
      return plain(key);
    case "percent":
    case "reason":
      return plain("compare");
    default:
      return null;
  }
}
