import { parseActuals } from "../../src/core/actuals";
import { parsePlanCsv } from "../../src/core/plan-csv";
import { checkSum } from "../../src/core/subrows";
import { encode1258 } from "./cp1258";


const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("parsePlanCsv", () => {
  const csv = [
    "no,name,unit,target,direction",
    '1,Tổng giá trị sản xuất,tỷ đồng,"khoảng 25.224",',
    '-,"Ngành Nông, lâm, thủy sản",tỷ đồng,"2.907,66",',
    '-,"Ngành Thương mại - Dịch vụ",tỷ đồng,"22.316,34",',
    '10,"Tỷ lệ hộ nghèo ""đa chiều""",%,"giảm còn khoảng 2,14%",lower',
    '11,"Số trường đạt chuẩn',
    'Quốc gia",trường,01,',
  ].join("\r\n");

  it("reads a UTF-8 table with quoted commas, quotes and newlines, numbering '-' rows under the total above", () => {
    const r = parsePlanCsv(utf8(csv), "ke-hoach-2024.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const p = r.value;
    expect(p.year).toBe(2024);
    expect(p.id).toBe("ke-hoach-2024");
    expect(p.targets.map((t) => [t.no, t.parent ?? null])).toEqual([["1", null], ["1.1", "1"], ["1.2", "1"], ["10", null], ["11", null]]);
    expect(p.targets[1].name).toBe("Ngành Nông, lâm, thủy sản");
    expect(p.targets[3].name).toBe('Tỷ lệ hộ nghèo "đa chiều"');
    expect(p.targets[3].direction).toBe("lower");
    expect(p.targets[4].name).toBe("Số trường đạt chuẩn\nQuốc gia");
    expect(p.targets[0].additive).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it("reads the same table saved by Excel as ';' in Windows-1258, to NFC", () => {
    const semi = [
      "no;name;unit;target;direction",
      "1;Tổng giá trị sản xuất;tỷ đồng;khoảng 25.224;",
      "-;Ngành Nông, lâm, thủy sản;tỷ đồng;2.907,66;",
      "-;Ngành Thương mại - Dịch vụ;tỷ đồng;22.316,34;",
      '10;"Tỷ lệ hộ nghèo ""đa chiều""";%;giảm còn khoảng 2,14%;lower',
      '11;"Số trường đạt chuẩn',
      'Quốc gia";trường;01;',
    ].join("\r\n");
    const bytes = encode1258(semi);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const r = parsePlanCsv(bytes, "ke-hoach-2024.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.targets[1].name).toBe("Ngành Nông, lâm, thủy sản".normalize("NFC"));
    expect(r.value.targets[0].target).toBe("khoảng 25.224");
    expect(r.value.targets.map((t) => t.no)).toEqual(["1", "1.1", "1.2", "10", "11"]);
  });

  it("reads a UTF-8 file with a BOM", () => {
    const r = parsePlanCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("no,name,unit,target\n1,Giao quân,%,100%\n")]), "kh-2025.csv");
    expect(r.ok && r.value.targets[0].name).toBe("Giao quân");
  });

  it.each([
    ['no,name,unit,target\n1,"Tên,%,5\n', "csv.unterminated-quote", "dòng 2, cột 2"],
    ['no,name,unit,target\n1,"Tên" x,%,5\n', "csv.stray-quote", "dòng 2, cột 2"],
    ["no,name,unit\n1,Tên,%\n", "csv.missing-column", "dòng 1"],
    ["Họ tên;Điện thoại\nNguyễn Văn An;0905123456\n", "csv.not-a-plan", "dòng 1"],
    ["no,name,unit,target\nI.a,Tên,%,5\n", "csv.bad-no", "dòng 2, cột no"],
    ["no,name,unit,target,direction\n1,Tên,%,5,sideways\n", "csv.bad-direction", "dòng 2, cột direction"],
    ["", "csv.empty", undefined],
  ])("says exactly why not: %j → %s at %s", (text, code, where) => {
    const r = parsePlanCsv(utf8(text), "kh-2024.csv");
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.code === code);
    expect(p).toBeDefined();
    expect(p!.location.path).toBe(where);
  });

  it("a table that is no plan (a contact list) is said once, nothing else", () => {
    const r = parsePlanCsv(utf8("Họ tên;Điện thoại\nNguyễn Văn An;0905123456\n"), "danh-ba.csv");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.params])).toEqual([["csv.not-a-plan", { header: "Họ tên, Điện thoại" }]]);
  });

  it("asks for the year when neither the file name nor the header gives it", () => {
    const r = parsePlanCsv(utf8("no,name,unit,target\n1,Tên,%,5\n"), "plan.csv");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(["csv.year-missing"]);
    expect(parsePlanCsv(utf8("no,name,unit,target\n1,Tên,%,5\n"), "plan.csv", { year: 2024 }).ok).toBe(true);
  });

  it("reports an unreadable target with its line and column, and keeps the plan", () => {
    const r = parsePlanCsv(utf8("TT,Chỉ tiêu,ĐVT,KH 2024\n1,Tên,%,hoàn thành tốt\n2,Khác,%,>80\n"), "x.csv");
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => [p.code, p.location.path, p.location.target])).toEqual([["target.unknown-wording", "dòng 2, cột KH 2024", "1"]]);
  });
});

describe("parseActuals", () => {
  it("reads a CSV with overrides", () => {
    const r = parseActuals(utf8('no,actual,status,reason\n1,"22.801,39",,\n1.2,"8.204,95",Đạt,Theo kết luận\n18,giảm 01 tiêu chí,,\n'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.rows).toEqual([
      { no: "1", actual: "22.801,39" },
      { no: "1.2", actual: "8.204,95", override: { status: "dat", reason: "Theo kết luận" } },
      { no: "18", actual: "giảm 01 tiêu chí" },
    ]);
  });

  it("reads JSON with traffic counts", () => {
    const r = parseActuals(utf8(JSON.stringify({ rows: [{ no: 9, actual: 49 }, { no: "10", actual: null }], traffic: { accidents: [1, 2], deaths: [3, null] } })));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toEqual({ rows: [{ no: "9", actual: 49 }, { no: "10", actual: null }], traffic: { accidents: [1, 2], deaths: [3, null], injuries: [null, null] } });
  });

  it.each([
    ["{ rows: ", "actuals.bad-json"],
    ['{"rows": 5}', "actuals.bad-shape"],
    ['{"rows": [{"no": "1", "actual": {}}]}', "actuals.bad-shape"],
    ['{"rows": [], "traffic": {"deaths": [1]}}', "actuals.bad-shape"],
    ["so,actual\n1,2\n", "actuals.missing-column"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseActuals(utf8(text), "th.json");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain(code);
  });
});

describe("a status that is no judgement word in an actuals file", () => {
  it("is the sheet's warning: the row is kept and judged by the rule, its status not applied", () => {
    const r = parseActuals(utf8("no,actual,status,reason\n1,2,tốt,đã kiểm tra\n3,4,Đạt,theo kết luận\n"), "th.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.rows).toEqual([{ no: "1", actual: "2" }, { no: "3", actual: "4", override: { status: "dat", reason: "theo kết luận" } }]);
    expect(r.problems.map((p) => [p.code, p.severity, p.location.target])).toEqual([["actuals.bad-status", "warning", "1"]]);
  });
});

describe("sums of sub-rows", () => {
  it("accepts 783/BC's sectors and refuses a sum off by more than the written precision", () => {
    const f = (value: number, decimals: number) => ({ value, decimals });
    expect(checkSum(f(22293.49, 2), [f(2907.66, 2), f(7983.83, 2), f(11402, 2)]).ok).toBe(true);
    expect(checkSum(f(22801.39, 2), [f(2939.44, 2), f(8204.95, 2), f(11657, 2)]).ok).toBe(true);
    expect(checkSum(f(22293, 0), [f(2907.66, 2), f(7983.83, 2), f(11402, 2)]).ok).toBe(true);
    expect(checkSum(f(22293.49, 2), [f(2907.66, 2), f(7983.83, 2), f(11402.1, 2)]).ok).toBe(false);
    expect(checkSum(f(0.3, 1), [f(0.1, 1), f(0.2, 1)]).ok).toBe(true);
  });
});
