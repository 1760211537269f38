/**
 * Tone-mark placement (khỏang/khoảng, hoà/hòa, thuỷ/thủy, qúy/quý, qủa/quả): every reader of words takes
 * either placement as the same word — target wordings, column headers (a colleague's and a plan CSV's),
 * period names, row names, office names and task statuses. (`ktxh target "khỏang 25.224"`:
 * test/cli/target.test.ts; a colleague's rows "thuỷ sản" and "thủy sản" placed: test/validate/read-table.test.ts.)
 */
import { columnOf } from "../../src/core/plan-csv";
import { classifyHeader } from "../../src/core/read-table/columns";
import { officeKey } from "../../src/core/recipients";
import { parseTarget } from "../../src/core/target";
import { readTaskStatus } from "../../src/core/task-status";
import { sameName } from "../../src/core/text";

const both = (a: string, b: string): [string, string][] => [[a, b], [b, a], [a.normalize("NFD"), b]];

describe("either tone placement reads as the same word", () => {
  test.each([...both("khỏang 25.224", "khoảng 25.224"), ...both("phấn đấu khỏang 50%", "phấn đấu khoảng 50%")])("target wording %j", (variant, usual) => {
    const a = parseTarget(variant);
    const b = parseTarget(usual);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect({ ...a.value, written: "" }).toEqual({ ...b.value, written: "" });
  });

  test.each([["Kết qủa thực hiện năm", "Kết quả thực hiện năm"], ["Qúy I", "Quý I"], ["Ước TH qúy II 2024", "Ước TH quý II 2024"], ["Tình trạng hoà thành", "Tình trạng hòa thành"]])(
    "a colleague's header %j",
    (variant, usual) => {
      expect(classifyHeader(variant)).toEqual(classifyHeader(usual));
      expect(classifyHeader(usual)).not.toBeNull();
    },
  );

  test("a period named in a header: Qúy III is quarter 3", () => {
    expect(classifyHeader("Qúy III")?.period).toBe("q3");
  });

  test.each([["Chỉ tiêu kế họach", "Chỉ tiêu kế hoạch"], ["Cộng dồn (hoà)", "Cộng dồn (hòa)"]])("a plan CSV's header %j", (variant, usual) => {
    expect(columnOf(variant)).toEqual(columnOf(usual));
    expect(columnOf(usual)).not.toBeNull();
  });

  test.each([["Ngành Nông, lâm, thuỷ sản", "Ngành Nông, lâm, thủy sản"], ["Xã Hoà Bình", "Xã Hòa Bình"]])("a row name %j", (variant, usual) => {
    expect(sameName(variant, usual)).toBe(true);
  });

  test.each([["Phòng Tài chính - Kế hoạch huyện Hoà Bình", "Phòng Tài chính - Kế hoạch huyện Hòa Bình"], ["UBND xã Bình Thuỷ", "UBND xã Bình Thủy"]])("an office name %j", (variant, usual) => {
    expect(officeKey(variant)).toBe(officeKey(usual));
  });

  test.each([["Hòan thành", "Hoàn thành"], ["Đã hòan thành", "Đã hoàn thành"]])("a task status %j", (variant, usual) => {
    expect(readTaskStatus(variant)?.status).toBe(readTaskStatus(usual)?.status);
    expect(readTaskStatus(usual)).not.toBeNull();
  });
});
