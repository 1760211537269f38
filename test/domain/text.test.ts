import { foldKey, nfc, normalText, sameName } from "../../src/core/text";
import { rng } from "./rng";

/** foldKey as first written (code point by code point, string by string): the fast one must agree with it. */
const fold = new Map<string, string>();
for (const [lo, hi] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
  for (let c = lo; c <= hi; c++) {
    const ch = String.fromCharCode(c).toLowerCase();
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (base !== ch && base.length === 1) fold.set(ch, base);
  }
}
fold.set("đ", "d");

function foldKeySpec(s: string): string {
  let out = "";
  let gap = false;
  for (const ch of s.normalize("NFC").toLowerCase()) {
    const code = ch.charCodeAt(0);
    let keep: string | null;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) keep = ch;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else if (code < 0x80) keep = null;
    else keep = fold.get(ch) ?? (/[\p{L}\p{N}]/u.test(ch) ? ch : null);
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

describe("text keys", () => {
  it("normalises decomposed letters to NFC", () => {
    const decomposed = "Văn hoá".normalize("NFD");
    expect(decomposed).not.toBe("Văn hoá");
    expect(nfc(decomposed)).toBe("Văn hoá".normalize("NFC"));
  });

  it.each([
    ["Văn hoá", "Văn hóa"],
    ["thuỷ sản", "thủy sản"],
    ["Phấn đấu", "PHẤN ĐẤU"],
    ["Nông, lâm, thủy sản", "nông lâm thuỷ sản"],
    ["Thương mại - Dịch vụ", "Thương mại – dịch  vụ"],
    ["Đường", "duong"],
    ["Văn hoá".normalize("NFD"), "van hoa"],
  ])("treats %j and %j as the same name", (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ["Công nghiệp", "Nông nghiệp"],
    ["hộ nghèo", "hộ cận nghèo"],
  ])("keeps %j and %j apart", (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it("folds as its first, plain writing did, whatever the text (marks, both forms, other scripts, surrogates)", () => {
    const r = rng(20261202);
    const chars = ["a", "Z", "7", " ", "-", "(", "Đ", "đ", "Ư", "ở", "hoá", "hóa", "\u0301", "\u0323", "İ", "Σ", "ж", "中", "𝐀", "😀", "\ud800", "\udc00", "\u00a0", "ß", "ǅ"];
    for (let i = 0; i < 1500; i++) {
      const s = Array.from({ length: r.int(0, 12) }, () => r.pick(chars)).join("");
      expect(foldKey(s)).toBe(foldKeySpec(s));
    }
    const long = "Nội dung nhiệm vụ ".repeat(800);
    expect(foldKey(long)).toBe(foldKeySpec(long));
  });

  it("folds to plain ascii words", () => {
    expect(foldKey("  Tỷ lệ hộ nghèo (%)  ")).toBe("ty le ho ngheo");
    expect(foldKey("Đạt (vượt)")).toBe("dat vuot");
  });

  it("normalText keeps diacritics but collapses spaces, NBSP included", () => {
    expect(normalText(" Giảm\u00a0 còn  KHOẢNG ")).toBe("giảm còn khoảng");
  });
});
