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

/** Every precomposed Latin letter (Vietnamese included) to its base letter, lower case; đ → d. */
const FOLD = new Map<string, string>();
for (const [lo, hi] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
  for (let c = lo; c <= hi; c++) {
    const ch = String.fromCharCode(c).toLowerCase();
    const base = ch.normalize("NFD").replace(COMBINING, "");
    if (base !== ch && base.length === 1) FOLD.set(ch, base);
  }
}
FOLD.set("đ", "d");

/** Unicode NFC: the one form every comparison and every stored string uses. */
export function nfc(s: string): string {
  return NFC_STABLE.test(s) ? s : s.normalize("NFC");
}

/**
 * A key for matching names: lower case, every diacritic removed (đ → d), runs of punctuation and
 * whitespace collapsed to one space. Removing the marks makes their placement irrelevant.
 */
export function foldKey(s: string): string {
  const lower = nfc(s).toLowerCase();
  let out = "";
  let gap = false;
  for (const ch of lower) {
    const code = ch.charCodeAt(0);
    let keep: string | null;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) keep = ch;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else if (code < 0x80) keep = null;
    else keep = FOLD.get(ch) ?? (LETTER_OR_DIGIT.test(ch) ? ch : null);
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
 * Lower case NFC with whitespace (NBSP included) collapsed, keeping diacritics: the form the
 * target parser matches its Vietnamese wordings against.
 */
export function normalText(s: string): string {
  return nfc(s).toLowerCase().replace(WHITESPACE_RUN, " ").trim();
}
