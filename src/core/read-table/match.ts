/**
 * Matching a name typed in someone's sheet to the plan's names. Folding (foldKey) already sets aside
 * case, diacritics, tone-mark placement and so the typos the sources show ("Phần đầu", "Phân đầu" for
 * "Phấn đấu"). What is left is wording: abbreviations ("QSDĐ" for "quyền sử dụng đất"), words added or
 * dropped ("Ngành", "năm 2024"). A token score covers those; a match must also beat
 * the runner-up by a margin, so two similar targets are never confused silently.
 */
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

const tokenCache = new Map<string, string[]>();

/** Tokens of a name: folded, abbreviations expanded, numbers and stop words dropped. Cached: plan names recur in every file. */
export function nameTokens(s: string): string[] {
  const hit = tokenCache.get(s);
  if (hit) return hit;
  const out: string[] = [];
  for (const t of foldKey(s).split(" ")) {
    if (!t || /^\d+$/.test(t)) continue;
    const exp = ABBREVIATIONS[t];
    for (const w of exp ? exp.split(" ") : [t]) if (!STOPWORDS.has(w)) out.push(w);
  }
  if (tokenCache.size > 20000) tokenCache.clear();
  tokenCache.set(s, out);
  return out;
}

/**
 * Dice coefficient over token multisets. 1 = same words. No edit-distance tolerance: folded syllables
 * are short, and one letter apart they are other words (tổng/tăng, trường/trung).
 */
export function tokenScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * commonCount(a, b)) / (a.length + b.length);
}

/** Tokens the two lists share, each counted as often as both have it. */
function commonCount(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = left.get(t);
    if (n) {
      common++;
      left.set(t, n - 1);
    }
  }
  return common;
}

/**
 * Share of the shorter text's tokens found in the longer one: a task's long text is often cut short
 * in a colleague's sheet, which Dice would punish.
 */
export function overlapScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = commonCount(a, b);
  const d = (2 * common) / (a.length + b.length);
  return Math.max(d, common / Math.min(a.length, b.length) - (Math.min(a.length, b.length) < 4 ? 0.5 : 0.1));
}

/**
 * Dice, or nearly full marks when every word of the shorter name is in the longer one: "Giao quân"
 * in the plan is "Giao quân đạt 100% theo chỉ tiêu cấp trên giao" in the pledge.
 */
export function blendScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = commonCount(a, b);
  const d = (2 * common) / (a.length + b.length);
  const shorter = Math.min(a.length, b.length);
  return shorter < 2 ? d : Math.max(d, 0.9 * (common / shorter));
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

/** Scores a typed name against candidates; null when there are none or nothing shares a word. */
export function bestMatch(name: string, candidates: readonly Candidate[], mode: ScoreMode = "dice"): NameMatch | null {
  const tokens = nameTokens(name);
  const score = mode === "dice" ? blendScore : overlapScore;
  let best: NameMatch | null = null;
  let second = 0;
  for (const c of candidates) {
    const s = score(tokens, nameTokens(c.name));
    if (!best || s > best.score) {
      if (best) second = Math.max(second, best.score);
      best = { ref: c.ref, score: s, second: 0 };
    } else {
      second = Math.max(second, s);
    }
  }
  if (!best || best.score === 0) return null;
  return { ...best, second };
}

/** Thresholds of a confident name match: similar enough, and clearly better than the next one. */
export const MATCH = { minScore: 0.55, minMargin: 0.12, numberAgrees: 0.3 } as const;

export function confident(m: NameMatch | null): m is NameMatch {
  return m !== null && m.score >= MATCH.minScore && m.score - m.second >= MATCH.minMargin;
}
