/**
 * How wide a line of Times New Roman prints, in twips, from the advance widths of the Adobe Times
 * metrics (the same widths as Times New Roman's Latin letters). Vietnamese letters take their base
 * letter's width (the tone and vowel marks sit above or below it), ư and ơ a little more for the horn.
 * Used to size the rules under the headings and to give each table column room for its longest word,
 * so Word and LibreOffice never break a header word across lines.
 */

/** Thousandths of an em, for " " and the ASCII letters, digits and punctuation of the report. */
type Metrics = Record<string, number>;

const DIGITS = "0123456789";

function table(letters: string, widths: number[], extra: Metrics): Metrics {
  const m: Metrics = { ...extra };
  [...letters].forEach((ch, i) => (m[ch] = widths[i]));
  for (const d of DIGITS) m[d] = 500;
  return m;
}

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

const REGULAR = table(
  LOWER + UPPER,
  [
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
  ],
  { " ": 250, ".": 250, ",": 250, ":": 278, ";": 278, "-": 333, "(": 333, ")": 333, "%": 833, "/": 278, "&": 778, "<": 564, ">": 564 },
);

const BOLD = table(
  LOWER + UPPER,
  [
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
  ],
  { " ": 250, ".": 250, ",": 250, ":": 333, ";": 333, "-": 333, "(": 333, ")": 333, "%": 1000, "/": 278, "&": 833, "<": 570, ">": 570 },
);

/** A character the tables do not know: as wide as the widest lowercase letters but m and w. */
const UNKNOWN = 600;
const HORN = "\u031B";

/** Width of one character in thousandths of an em. */
function charWidth(ch: string, m: Metrics): number {
  if (ch === "đ") return m.d;
  if (ch === "Đ") return m.D;
  const parts = ch.normalize("NFD");
  const base = m[parts[0]];
  if (base === undefined) return UNKNOWN;
  return parts.includes(HORN) ? base + 60 : base;
}

/** Printed width in twips of `text` at `halfPoints` (the docx run size), bold or not. */
export function textWidth(text: string, halfPoints: number, bold: boolean): number {
  const m = bold ? BOLD : REGULAR;
  let w = 0;
  for (const ch of text) w += charWidth(ch, m);
  // An em at n half-points is n * 10 twips.
  return Math.ceil((w * halfPoints * 10) / 1000);
}

/** Width in twips of the widest word of `text`: the narrowest a column can be without breaking a word. */
export function widestWord(text: string, halfPoints: number, bold: boolean): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, halfPoints, bold)));
}
