/**
 * The old Vietnamese 8-bit encodings a CSV may still arrive in, and how to tell them apart: TCVN3
 * (ABC, the `.VnTime` fonts; TCVN 5712:1993) is decoded, VNI (the `VNI-Times` fonts: a Latin letter
 * followed by accent bytes) is only recognised, so that its file can be refused with what to do.
 * Pure: bytes or text in, text out. `csv.ts` (the one CSV reading) decides which one a file is in.
 *
 * Telling them apart needs no dictionary: Vietnamese is written in syllables of a fixed shape
 * (onset, one to three vowels, a final consonant, at most one tone), and text decoded with the wrong
 * table makes words of another shape ("Tæng", "Toång" for "Tổng").
 */

/**
 * TCVN 5712:1993 (VN1, whose subset VN3 is what the ABC keyboard writes with `.VnTime` fonts), bytes
 * 0x80–0xFF. 0xB0–0xB4 are the five combining tone marks; NFC composes them with the letter before.
 */
// prettier-ignore
const TCVN3_HIGH = [
  0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128,
  0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168,
  0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/** The capitals VN1 puts in the control range (tab, line feed and carriage return keep their meaning). */
const TCVN3_LOW: Record<number, number> = {
  0x01: 0x00da, 0x02: 0x1ee4, 0x04: 0x1eea, 0x05: 0x1eec, 0x06: 0x1eee,
  0x11: 0x1ee8, 0x12: 0x1ef0, 0x13: 0x1ef2, 0x14: 0x1ef6, 0x15: 0x1ef8, 0x16: 0x00dd, 0x17: 0x1ef4,
};

/** The character a TCVN3 byte stands for. */
export function tcvn3Char(byte: number): string {
  if (byte >= 0x80) return String.fromCharCode(TCVN3_HIGH[byte - 0x80]);
  return String.fromCharCode(TCVN3_LOW[byte] ?? byte);
}

/** Every byte's character as one UTF-16 code unit (all of TCVN3 is in the basic plane). */
const TCVN3_UNITS = Uint16Array.from({ length: 256 }, (_, b) => tcvn3Char(b).charCodeAt(0));

/** TCVN3 bytes to NFC text. */
export function decodeTcvn3(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = TCVN3_UNITS[bytes[i]];
  return new TextDecoder("utf-16le").decode(units).normalize("NFC");
}

/*
 * VNI Windows: a vowel is its Latin letter, then one byte for its shape and tone, read in Windows-1252
 * (a+ø = à, a+â = â, a+á = ấ, a+ê = ă, a+é = ắ); ơ ư đ and the i's, and ỵ, are single bytes.
 * Upper case uses the upper-case bytes.
 */
const GRAVE = "\u0300";
const ACUTE = "\u0301";
const TILDE = "\u0303";
const HOOK = "\u0309";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";
const HORN = "\u031b";
/** Bytes that add marks to the vowel before them, and which vowels may take them. */
const VNI_MARKS: Record<string, { marks: string; after: string }> = {
  "ù": { marks: ACUTE, after: "aeiouy" }, "ø": { marks: GRAVE, after: "aeiouy" }, "û": { marks: HOOK, after: "aeiouy" },
  "õ": { marks: TILDE, after: "aeiouy" }, "ï": { marks: DOT, after: "aeiouy" },
  "â": { marks: CIRCUMFLEX, after: "aeo" }, "á": { marks: CIRCUMFLEX + ACUTE, after: "aeo" }, "à": { marks: CIRCUMFLEX + GRAVE, after: "aeo" },
  "å": { marks: CIRCUMFLEX + HOOK, after: "aeo" }, "ã": { marks: CIRCUMFLEX + TILDE, after: "aeo" }, "ä": { marks: CIRCUMFLEX + DOT, after: "aeo" },
  "ê": { marks: BREVE, after: "a" }, "é": { marks: BREVE + ACUTE, after: "a" }, "è": { marks: BREVE + GRAVE, after: "a" },
  "ú": { marks: BREVE + HOOK, after: "a" }, "ü": { marks: BREVE + TILDE, after: "a" }, "ë": { marks: BREVE + DOT, after: "a" },
};
/** Bytes that are a letter of their own. */
const VNI_LETTERS: Record<string, string> = {
  "ì": "i" + GRAVE, "í": "i" + ACUTE, "æ": "i" + HOOK, "ó": "i" + TILDE, "ò": "i" + DOT,
  "î": "y" + DOT, "ñ": "đ", "ô": "o" + HORN, "ö": "u" + HORN,
};

/** Text read as Windows-1252 (how VNI bytes come out of any decoder) to the Vietnamese it stands for. */
export function fromVni(latin: string): string {
  let out = "";
  let vowel = ""; // base of the vowel just written, lower case; "" after anything else
  for (const ch of latin) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const mark = VNI_MARKS[lower];
    if (mark && vowel !== "" && mark.after.includes(vowel)) {
      out += mark.marks;
      continue;
    }
    const letter = VNI_LETTERS[lower];
    if (letter) {
      out += upper ? letter[0].toUpperCase() + letter.slice(1) : letter;
      vowel = "aeiouy".includes(letter[0]) ? letter[0] : "";
      continue;
    }
    out += ch;
    vowel = "aeiouy".includes(lower) ? lower : "";
  }
  return out.normalize("NFC");
}

/*
 * Vietnamese syllables. A word with any non-ASCII character is checked once its tone is taken off:
 * onset, one to three vowels, final consonant. Words of ASCII letters only say nothing either way.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|nh|ng|[cmnptk])?$/;
/** Words: runs of ASCII letters and of any character beyond ASCII. */
const WORD = /[A-Za-z\u0080-\uffff]+/g;
/** How much text is looked at: enough to decide, bounded whatever the file's size. */
const SAMPLE = 200_000;

/** Whether one word (NFC) is a Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize("NFD");
  const tones = d.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  return SYLLABLE.test(d.replace(TONE_MARKS, "").normalize("NFC"));
}

/** Of the words of a text that hold a character beyond ASCII, how many there are and how many are Vietnamese syllables. */
export function vietnameseWords(text: string): { words: number; syllables: number } {
  let words = 0;
  let syllables = 0;
  for (const w of text.slice(0, SAMPLE).match(WORD) ?? []) {
    if (!/[^\x00-\x7f]/.test(w)) continue;
    words++;
    if (isVietnameseSyllable(w)) syllables++;
  }
  return { words, syllables };
}

/** The share of a text's non-ASCII words that are Vietnamese syllables; 1 when it has none. */
export function vietnameseShare(text: string): number {
  const { words, syllables } = vietnameseWords(text);
  return words === 0 ? 1 : syllables / words;
}
