import { memo } from "./memo";

/**
 * Text keys for Vietnamese names. The sources mix precomposed and decomposed letters and two
 * tone-mark placements (hoá/hóa, thuỷ/thủy); names typed by different people must still match.
 * These run for every row of every plan, so they avoid `normalize` (slow in V8) where it cannot
 * change the text.
 */

/** Latin letters, precomposed Vietnamese letters and ASCII: text NFC leaves as it is. */
const NFC_STABLE = /^[\u0000-\u02ff\u1e00-\u1eff]*$/;
const COMBINING = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WHITESPACE_RUN = /\s+/g;

/** Every precomposed Latin letter (Vietnamese included), by its code, to its base letter, lower case; đ → d. */
const FOLD = new Map<number, string>();
for (const [lo, hi] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
  for (let c = lo; c <= hi; c++) {
    const ch = String.fromCharCode(c).toLowerCase();
    const base = ch.normalize("NFD").replace(COMBINING, "");
    if (base !== ch && base.length === 1 && ch.length === 1) FOLD.set(ch.charCodeAt(0), base);
  }
}
FOLD.set("đ".charCodeAt(0), "d");

/** Unicode NFC: the one form every comparison and every stored string uses. */
export function nfc(s: string): string {
  return NFC_STABLE.test(s) ? s : s.normalize("NFC");
}

/**
 * A key for matching names: lower case, every diacritic removed (đ → d), runs of punctuation and
 * whitespace collapsed to one space. Removing the marks makes their placement irrelevant.
 * Read by code unit, not by code point (it runs on every row of every sheet read).
 */
export function foldKey(s: string): string {
  const lower = nfc(s).toLowerCase();
  let out = "";
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    let keep: string | null = null;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) keep = lower[i];
    else if (code >= 0x300 && code <= 0x36f) continue;
    else if (code >= 0x80) {
      const folded = FOLD.get(code);
      if (folded !== undefined) keep = folded;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        // A letter outside the basic plane (two code units) is kept whole when it is a letter or digit.
        const pair = lower.slice(i, i + 2);
        if (LETTER_OR_DIGIT.test(pair)) keep = pair;
        i++;
      } else if (LETTER_OR_DIGIT.test(lower[i])) keep = lower[i];
    }
    if (keep === null) {
      gap = out !== "";
      continue;
    }
    if (gap) out += " ";
    gap = false;
    out += keep;
  }
  return out;
}

/** Whether two names are the same once case, diacritics, tone placement and punctuation are set aside. */
export function sameName(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

/**
 * Lower case NFC with whitespace (NBSP included) collapsed and tone marks placed one way, keeping
 * diacritics: the form the target parser matches its Vietnamese wordings against.
 */
export function normalText(s: string): string {
  return canonicalTones(nfc(s).toLowerCase().replace(WHITESPACE_RUN, " ").trim());
}

/*
 * Tone-mark placement. Vietnamese writes the tone (huyền, sắc, hỏi, ngã, nặng) on one vowel of the
 * syllable, and people place it differently: "hoá"/"hóa", "thuỷ"/"thủy", and by habit "khỏang" for
 * "khoảng". `canonicalTones` moves every syllable's tone to one fixed vowel, so wordings compare
 * equal whatever the placement. The rule (the "new" placement, which needs no dictionary):
 * a vowel with its own mark (â ă ê ô ơ ư; ơ in ươ) takes the tone; else, with a final consonant or
 * in oa/oe/uy, the last vowel; else the first. "gi" and "qu" open with a consonant.
 */
const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
const VOWEL_BASES = "aeiouy";
const SHAPED = new Set(["\u0302", "\u0306", "\u031b"]); // circumflex, breve, horn

function placeTone(syllable: string): string {
  const d = syllable.normalize("NFD");
  let tone: string | null = null;
  const chars: { base: string; marks: string }[] = [];
  for (const ch of d) {
    if (TONES.has(ch)) tone ??= ch;
    else if (/[\u0300-\u036f]/.test(ch) && chars.length) chars[chars.length - 1].marks += ch;
    else chars.push({ base: ch, marks: "" });
  }
  if (!tone) return syllable;
  const lower = chars.map((c) => c.base.toLowerCase()).join("");
  let start = 0;
  if (/^(gi|qu)[aeiouy]/.test(lower)) start = 2;
  const vowels: number[] = [];
  for (let i = start; i < chars.length; i++) {
    if (VOWEL_BASES.includes(chars[i].base.toLowerCase())) vowels.push(i);
    else if (vowels.length) break;
  }
  if (!vowels.length) return syllable;
  const last = vowels[vowels.length - 1];
  const closed = last < chars.length - 1;
  let at = -1;
  const shaped = vowels.filter((i) => [...chars[i].marks].some((m) => SHAPED.has(m)));
  if (shaped.length) at = shaped[shaped.length - 1];
  else if (vowels.length === 1) at = vowels[0];
  else {
    const pair = vowels.map((i) => chars[i].base.toLowerCase()).join("");
    at = closed || pair === "oa" || pair === "oe" || pair === "uy" ? last : vowels[vowels.length === 3 ? 1 : 0];
  }
  chars[at].marks += tone;
  return chars.map((c) => c.base + c.marks).join("").normalize("NFC");
}

/** A language has a few thousand syllables, asked again on every row: each placed once (a pure function of it). */
const toneOf = memo(4096, placeTone);

const TONED_WORD = /[\p{L}]+/gu;
const HAS_NON_ASCII = /[^\u0000-\u007f]/;

/** NFC text with every syllable's tone mark on one fixed vowel (see above); other text unchanged. */
export function canonicalTones(s: string): string {
  if (!HAS_NON_ASCII.test(s)) return s;
  return nfc(s).replace(TONED_WORD, (w) => (HAS_NON_ASCII.test(w) ? toneOf(w) : w));
}
