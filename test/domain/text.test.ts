import { foldKey, nfc, normalText, sameName } from "../../src/core/text";

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

  it("folds to plain ascii words", () => {
    expect(foldKey("  Tỷ lệ hộ nghèo (%)  ")).toBe("ty le ho ngheo");
    expect(foldKey("Đạt (vượt)")).toBe("dat vuot");
  });

  it("normalText keeps diacritics but collapses spaces, NBSP included", () => {
    expect(normalText(" Giảm\u00a0 còn  KHOẢNG ")).toBe("giảm còn khoảng");
  });
});
