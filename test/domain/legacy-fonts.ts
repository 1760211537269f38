/**
 * Encoders for tests: Vietnamese text as the old 8-bit fonts store it. TCVN3 is the inverse of the
 * core's table (`tcvn3Char`); VNI is written here from the VNI Windows layout itself (a Latin letter,
 * then one byte for its shape and tone), not from the core's reading of it.
 */
import { tcvn3Char } from "../../src/core/legacy-vietnamese";

const TCVN3 = new Map<string, number>();
for (let b = 0; b < 256; b++) TCVN3.set(tcvn3Char(b), b);

/** TCVN3 bytes of a text (every Vietnamese letter has its byte; anything else must be ASCII). */
export function encodeTcvn3(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize("NFC")], (ch) => {
    const b = TCVN3.get(ch);
    if (b === undefined) throw new Error(`not in TCVN3: ${ch}`);
    return b;
  });
}

/** How Excel saves a `.VnTime` cell as CSV UTF-8: each TCVN3 byte is the Windows-1252 character of that byte. */
export function tcvn3AsUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(new TextDecoder("windows-1252").decode(encodeTcvn3(text)));
}

// VNI Windows, lower case: [letter, shape] → [base bytes], and the tone bytes after each kind of vowel.
const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // sắc huyền hỏi ngã nặng
const PLAIN_TONES = ["ù", "ø", "û", "õ", "ï"];
const HAT_TONES = ["á", "à", "å", "ã", "ä"];
const BREVE_TONES = ["é", "è", "ú", "ü", "ë"];
const I_TONES = ["í", "ì", "æ", "ó", "ò"];

function vniLetter(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  const d = [...lower.normalize("NFD")];
  const base = d[0];
  const tone = TONES.findIndex((t) => d.includes(t));
  let out: string;
  if (base === "đ") out = "ñ";
  else if (base === "i" && tone >= 0) out = I_TONES[tone];
  else if (base === "y" && tone === 4) out = "î";
  else if (d.includes("\u0302")) out = base + (tone >= 0 ? HAT_TONES[tone] : "â");
  else if (d.includes("\u0306")) out = base + (tone >= 0 ? BREVE_TONES[tone] : "ê");
  else if (d.includes("\u031b")) out = (base === "o" ? "ô" : "ö") + (tone >= 0 ? PLAIN_TONES[tone] : "");
  else out = base + (tone >= 0 ? PLAIN_TONES[tone] : "");
  return upper ? out.toUpperCase() : out;
}

/** VNI Windows bytes of a text (as Windows-1252 reads them back). */
export function encodeVni(text: string): Uint8Array {
  const latin = [...text.normalize("NFC")].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : vniLetter(ch))).join("");
  const table = new Map<string, number>();
  const dec = new TextDecoder("windows-1252");
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...latin], (c) => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`not in VNI: ${c}`);
    return b;
  });
}
