/**
 * Matching a name typed in someone's sheet to the plan's names. Folding (foldKey) already sets aside
 * case, diacritics, tone-mark placement and so the typos the sources show ("Phần đầu", "Phân đầu" for
 * "Phấn đấu"). What is left is wording: abbreviations ("QSDĐ" for "quyền sử dụng đất"), words added or
 * dropped ("Ngành", "năm 2024"). A token score covers those; a match must also beat
 * the runner-up by a margin, so two similar targets are never confused silently.
 */
import { memo } from "../memo";
import { foldKey } from "../text";

/** Abbreviations of the planning vocabulary, folded, expanded before comparing. */
const ABBREVIATIONS: Record<string, string> = {
  qsdd: "quyen su dung dat",
  gcn: "giay chung nhan",
  gcnqsdd: "giay chung nhan quyen su dung dat",
  ntm: "nong thon moi",
  tngt: "tai nan giao thong",
  gtsx: "gia tri san xuat",
  ktxh: "kinh te xa hoi",
  kt: "kinh te",
  xh: "xa hoi",
  cn: "cong nghiep",
  xd: "xay dung",
  tm: "thuong mai",
  dv: "dich vu",
  nlts: "nong lam thuy san",
  ns: "ngan sach",
  sx: "san xuat",
  ld: "lao dong",
  qp: "quoc phong",
  hdnd: "hoi dong nhan dan",
  ubnd: "uy ban nhan dan",
  gd: "giao duc",
};

/** Words that carry no meaning for telling targets apart. */
const STOPWORDS = new Set(["nganh", "nam", "va", "cua", "trong", "khoang", "cac", "nhung", "tren", "dia", "ban", "den", "cuoi", "so", "voi", "la"]);

const EXPANDED = new Map(Object.entries(ABBREVIATIONS).map(([k, v]) => [k, v.split(" ")]));

function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const d = t.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** Tokens of a folded name: abbreviations expanded, numbers and stop words dropped. */
export function foldedTokens(folded: string): string[] {
  const out: string[] = [];
  for (const t of folded.split(" ")) {
    if (!t || allDigits(t)) continue;
    const exp = EXPANDED.get(t);
    if (!exp) {
      if (!STOPWORDS.has(t)) out.push(t);
      continue;
    }
    for (const w of exp) if (!STOPWORDS.has(w)) out.push(w);
  }
  return out;
}

/** Tokens of a name, cached: plan names recur in every file and on every row. */
export const nameTokens: (s: string) => string[] = memo(20000, (s) => foldedTokens(foldKey(s)));

/**
 * Dice coefficient over token multisets. 1 = same words. No edit-distance tolerance: folded syllables
 * are short, and one letter apart they are other words (tổng/tăng, trường/trung).
 */
export function tokenScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * commonCount(a, b)) / (a.length + b.length);
}

/** Tokens the two lists share, each counted as often as both have it (lists are a few words long). */
function commonCount(a: readonly string[], b: readonly string[]): number {
  const used: boolean[] = [];
  let common = 0;
  for (const t of a) {
    for (let j = 0; j < b.length; j++) {
      if (used[j] || b[j] !== t) continue;
      used[j] = true;
      common++;
      break;
    }
  }
  return common;
}

function overlapOf(common: number, la: number, lb: number): number {
  if (la === 0 || lb === 0) return 0;
  const d = (2 * common) / (la + lb);
  const shorter = Math.min(la, lb);
  return Math.max(d, common / shorter - (shorter < 4 ? 0.5 : 0.1));
}

function blendOf(common: number, la: number, lb: number): number {
  if (la === 0 || lb === 0) return 0;
  const d = (2 * common) / (la + lb);
  const shorter = Math.min(la, lb);
  return shorter < 2 ? d : Math.max(d, 0.9 * (common / shorter));
}

/**
 * Share of the shorter text's tokens found in the longer one: a task's long text is often cut short
 * in a colleague's sheet, which Dice would punish.
 */
export function overlapScore(a: readonly string[], b: readonly string[]): number {
  return overlapOf(commonCount(a, b), a.length, b.length);
}

/**
 * Dice, or nearly full marks when every word of the shorter name is in the longer one: "Giao quân"
 * in the plan is "Giao quân đạt 100% theo chỉ tiêu cấp trên giao" in the pledge.
 */
export function blendScore(a: readonly string[], b: readonly string[]): number {
  return blendOf(commonCount(a, b), a.length, b.length);
}

export type ScoreMode = "dice" | "overlap";

export function nameScore(a: string, b: string, mode: ScoreMode = "dice"): number {
  const f = mode === "dice" ? blendScore : overlapScore;
  return f(nameTokens(a), nameTokens(b));
}

export interface Candidate {
  ref: string;
  name: string;
}

export interface NameMatch {
  ref: string;
  score: number;
  /** The runner-up's score (0 when there is none). */
  second: number;
}

/**
 * A list of candidates as an inverted index, token → (candidate, how often): a row's name is scored
 * against the whole list by looking up its few tokens, not by comparing it with every name. Kept per
 * list (a table's lists are made once and scored against every row).
 */
interface CandidateIndex {
  lengths: number[];
  postings: Map<string, { i: number; n: number }[]>;
  common: Int32Array;
}

const indexes = new WeakMap<readonly Candidate[], CandidateIndex>();

function indexOf(cands: readonly Candidate[]): CandidateIndex {
  let index = indexes.get(cands);
  if (index) return index;
  const postings = new Map<string, { i: number; n: number }[]>();
  const lengths = cands.map((c, i) => {
    const tokens = nameTokens(c.name);
    tokens.forEach((t, k) => {
      if (tokens.indexOf(t) !== k) return;
      const n = tokens.filter((x) => x === t).length;
      const list = postings.get(t);
      if (list) list.push({ i, n });
      else postings.set(t, [{ i, n }]);
    });
    return tokens.length;
  });
  index = { lengths, postings, common: new Int32Array(cands.length) };
  indexes.set(cands, index);
  return index;
}

/** Scores a typed name against candidates; null when there are none or nothing shares a word. */
export function bestMatch(name: string, candidates: readonly Candidate[], mode: ScoreMode = "dice", tokens: readonly string[] = nameTokens(name)): NameMatch | null {
  const score = mode === "dice" ? blendOf : overlapOf;
  const { lengths, postings, common } = indexOf(candidates);
  common.fill(0);
  let shared = false;
  tokens.forEach((t, k) => {
    if (tokens.indexOf(t) !== k) return;
    const list = postings.get(t);
    if (!list) return;
    let n = 0;
    for (const x of tokens) if (x === t) n++;
    for (const p of list) common[p.i] += Math.min(n, p.n);
    shared = true;
  });
  if (!shared) return null;
  // The first candidate of the highest score wins; the runner-up is the best of the others.
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let i = 0; i < candidates.length; i++) {
    const s = common[i] ? score(common[i], tokens.length, lengths[i]) : 0;
    if (best < 0 || s > bestScore) {
      if (best >= 0) second = Math.max(second, bestScore);
      best = i;
      bestScore = s;
    } else {
      second = Math.max(second, s);
    }
  }
  if (best < 0 || bestScore === 0) return null;
  return { ref: candidates[best].ref, score: bestScore, second };
}

/** Thresholds of a confident name match: similar enough, and clearly better than the next one. */
export const MATCH = { minScore: 0.55, minMargin: 0.12, numberAgrees: 0.3 } as const;

export function confident(m: NameMatch | null): m is NameMatch {
  return m !== null && m.score >= MATCH.minScore && m.score - m.second >= MATCH.minMargin;
}
