/**
 * CSV plans with the headers officers type (Vietnamese, with or without tone marks, in any order),
 * lines above the header naming the unit, the year and the signer, and faults said at the line and
 * the column header the officer sees.
 */
import { message } from "../../src/core/messages";
import { formatProblem } from "../../src/core/messages";
import { columnOf, isPlanCsv, parsePlanCsv } from "../../src/core/plan-csv";
import { parsePlanBytes } from "../../src/core/plan-json";
import { evaluatePlan } from "../../src/core/evaluate";
import { planTemplateCsv } from "../../src/core/plan-template";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("headers recognised by their words", () => {
  it.each([
    ["STT", "no"], ["TT", "no"], ["Số TT", "no"], ["Số thứ tự", "no"],
    ["Tên chỉ tiêu", "name"], ["Chỉ tiêu", "name"], ["Chỉ tiêu chủ yếu", "name"], ["Nội dung", "name"], ["Ten chi tieu", "name"],
    ["ĐVT", "unit"], ["Đơn vị tính", "unit"], ["Don vi tinh", "unit"], ["Đơn vị", "unit"],
    ["KH", "target"], ["Kế hoạch", "target"], ["KH 2026", "target"], ["Kế hoạch năm 2026", "target"], ["KH năm 2026", "target"],
    ["Chỉ tiêu kế hoạch", "target"], ["Chỉ tiêu kế hoạch năm 2026", "target"], ["Mục tiêu năm 2026", "target"], ["Chỉ tiêu giao", "target"],
    ["Hướng", "direction"], ["Chiều đánh giá", "direction"], ["Huong", "direction"],
    ["Thuộc chỉ tiêu", "parent"], ["Chỉ tiêu cha", "parent"],
    ["TH năm trước", "previous"], ["Thực hiện năm trước", "previous"],
    ["Tốc độ", "rate"], ["Loại", "rate"], ["Cộng dồn", "additive"], ["Số thực hiện ghi", "actualIs"],
    ["no", "no"], ["name", "name"], ["unit", "unit"], ["target", "target"], ["previous", "previous"],
    ["Lũy kế", "cumulative"], ["Số lũy kế", "cumulative"], ["Đánh giá cuối năm", "annual"], ["Chỉ đánh giá cuối năm", "annual"],
    ["cumulative", "cumulative"], ["annual", "annual"], ["Kế hoạch cuối năm", "target"],
  ])("%j → %s", (header, field) => {
    expect(columnOf(header)).toBe(field);
  });

  it("a column of figures done is last year's when its year is, and no plan column otherwise", () => {
    expect(columnOf("TH 2025")).toEqual({ actualYear: 2025 });
    expect(columnOf("Ước thực hiện năm 2025")).toEqual({ actualYear: 2025 });
    const csv = "STT;Tên chỉ tiêu;ĐVT;Kế hoạch năm 2026;Ước TH năm 2025;Ghi chú\n1;Tỷ lệ hộ nghèo;%;giảm 1-1,5%;3,51;\n";
    const r = parsePlanCsv(utf8(csv), "kh.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.year).toBe(2026);
    expect(r.value.targets[0].previous).toBe("3,51");
    expect(r.problems.map((p) => [p.code, p.location.path])).toEqual([["csv.unknown-column", "dòng 1, cột Ghi chú"]]);
  });
});

/** A commune's plan as its officer types it: unit line, title, Vietnamese headers in their own order. */
const COMMUNE = [
  "Đơn vị: UBND xã Tân Phước;;;;",
  "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026;;;;",
  "Người ký: Nguyễn Văn An;;;;",
  ";;;;",
  "STT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch;Hướng;TH năm trước",
  "1;Tốc độ tăng trưởng kinh tế;%;tăng 7,5%;;",
  "2;Tổng thu ngân sách trên địa bàn xã;triệu đồng;tiếp tục duy trì khoảng 12.500;;11.800",
  "3;Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều);%;giảm 1-1,5%;giảm;3,51",
  "4;Tỷ lệ người dân tham gia bảo hiểm y tế;%;đảm bảo đạt trên 95%;;",
  "5;Số tiêu chí nông thôn mới nâng cao đạt thêm;tiêu chí;hoàn thành 02 tiêu chí;;",
].join("\r\n");

describe("a commune's plan with Vietnamese headers and a unit line", () => {
  it("reads the unit, the year and the signer from the lines above the header", () => {
    const r = parsePlanCsv(utf8(COMMUNE), "ke-hoach.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems.map(formatProblem)));
    expect(r.value).toMatchObject({ unit: "UBND xã Tân Phước", year: 2026, signer: "Nguyễn Văn An" });
    expect(r.value.targets.map((t) => t.no)).toEqual(["1", "2", "3", "4", "5"]);
    expect(r.value.targets[2]).toMatchObject({ direction: "lower", previous: "3,51" });
    expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("judges it: growth rate as a level, the fall from last year's rate, words before figures passed over", () => {
    const r = parsePlanCsv(utf8(COMMUNE), "ke-hoach.csv");
    if (!r.ok) throw new Error("plan");
    const e = evaluatePlan(r.value, { rows: [
      { no: "1", actual: "7,9" }, { no: "2", actual: "13.020" }, { no: "3", actual: "2,3" }, { no: "4", actual: "96,2" }, { no: "5", actual: "2" },
    ] });
    expect(e.rows.map((x) => x.status)).toEqual(["vuot", "vuot", "dat", "vuot", "dat"]);
  });

  it("an all-capitals unit line is read as the unit's name", () => {
    const r = parsePlanCsv(utf8(`UBND XÃ TÂN PHƯỚC\nNăm: 2026\nTT,Chỉ tiêu,ĐVT,KH\n1,Giao quân,%,100%\n`), "kh.csv");
    expect(r.ok && [r.value.unit, r.value.year]).toEqual(["UBND xã Tân Phước", 2026]);
  });

  it("--issuer and --year win over the file", () => {
    const r = parsePlanBytes(utf8(COMMUNE), "ke-hoach.csv", { unit: "UBND phường An Hòa", year: 2027 });
    expect(r.ok && [r.value.unit, r.value.year]).toEqual(["UBND phường An Hòa", 2027]);
  });

  it("headers without tone marks and in another order read the same", () => {
    const csv = "Ke hoach nam 2026,Don vi tinh,Ten chi tieu,STT\n\"khoảng 1.500\",người,Giải quyết việc làm,1\n";
    const r = parsePlanCsv(utf8(csv), "x.csv");
    expect(r.ok && r.value.targets[0]).toMatchObject({ no: "1", name: "Giải quyết việc làm", unit: "người", target: "khoảng 1.500" });
  });

  it("a plan without a year is refused, unless a year is lent (judging needs none)", () => {
    const csv = "STT,Tên chỉ tiêu,ĐVT,Kế hoạch\n1,Giao quân,%,100%\n";
    const refused = parsePlanCsv(utf8(csv), "ke-hoach.csv");
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => [p.code, p.severity])).toEqual([["csv.year-missing", "error"]]);
    const lent = parsePlanCsv(utf8(csv), "ke-hoach.csv", { defaultYear: 2026 });
    expect(lent.ok && lent.value.year).toBe(2026);
    expect(lent.problems.map((p) => [p.code, p.severity])).toEqual([["csv.year-lent", "info"]]);
  });

  it("rate and actualIs columns set the row's reading", () => {
    const csv = "STT;Tên chỉ tiêu;ĐVT;KH 2026;Tốc độ;Số thực hiện ghi\n1;Giá trị sản xuất công nghiệp;%;tăng 12%;có;\n2;Tỷ lệ hộ nghèo;%;giảm 1-1,5%;;mức giảm\n";
    const r = parsePlanCsv(utf8(csv), "kh.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.targets[0].rate).toBe(true);
    expect(r.value.targets[1].actualIs).toBe("change");
    const e = evaluatePlan(r.value, { rows: [{ no: "1", actual: "12,4" }, { no: "2", actual: "1,2" }] });
    expect(e.rows.map((x) => x.status)).toEqual(["vuot", "dat"]);
  });
});

describe("faults said at the line and column the officer sees", () => {
  const head = "Đơn vị: UBND xã Tân Phước\nSTT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch năm 2026;Hướng\n";
  it.each([
    ["1;Giao quân;%;;\n", "csv.empty-cell", "dòng 3, cột Chỉ tiêu kế hoạch năm 2026"],
    ["1;;%;100%;\n", "csv.empty-cell", "dòng 3, cột Tên chỉ tiêu"],
    ["1;Giao quân;%;100%;lên xuống\n", "csv.bad-direction", "dòng 3, cột Hướng"],
    ["I.a;Giao quân;%;100%;\n", "csv.bad-no", "dòng 3, cột STT"],
  ])("%j → %s at %s", (body, code, path) => {
    const r = parsePlanCsv(utf8(head + body), "kh.csv");
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.code === code);
    expect(p?.location.path).toBe(path);
    // One plain sentence, no English field name, no zod path.
    expect(formatProblem(p!)).toMatch(/^Tệp kh\.csv, dòng 3, cột /);
    expect(message(p!)).not.toMatch(/\b(?:no|name|target|higher|lower|targets\[)/);
  });

  it("a missing column is named as officers name it", () => {
    const r = parsePlanCsv(utf8("Đơn vị: UBND xã A\nSTT;Tên chỉ tiêu;Đơn vị tính\n1;A;%\n"), "kh-2026.csv");
    const p = r.problems.find((x) => x.code === "csv.missing-column");
    expect(p?.location.path).toBe("dòng 2");
    expect(message(p!)).toContain("Chỉ tiêu kế hoạch");
  });

  it("an unreadable wording names no other unit's figures as examples", () => {
    const r = parsePlanCsv(utf8("STT;Tên chỉ tiêu;ĐVT;KH 2026\n1;A;%;hoàn thành tốt\n"), "kh.csv");
    const p = r.problems.find((x) => x.code === "target.unknown-wording");
    expect(p?.location.path).toBe("dòng 2, cột KH 2026");
    expect(message(p!)).not.toContain("25.224");
  });
});

describe("a composite line in a CSV plan is no fault", () => {
  it("is read, and judged from its sub-rows", () => {
    const csv = [
      "STT;Tên chỉ tiêu;ĐVT;Kế hoạch năm 2026",
      "1;Tỷ lệ trường đạt chuẩn quốc gia;%;mầm non 60%, tiểu học 80%",
      "-;Mầm non;%;60",
      "-;Tiểu học;%;80",
    ].join("\n");
    const r = parsePlanCsv(utf8(csv), "kh.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems).toEqual([]);
    const e = evaluatePlan(r.value, { rows: [{ no: "1.1", actual: 61 }, { no: "1.2", actual: 80 }] });
    expect(e.rows[0].status).toBe("dat");
  });
});

describe("the plan says which targets add up over the year and which are known only at year end", () => {
  const csv = [
    "Năm: 2026",
    "STT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch;Lũy kế;Đánh giá cuối năm",
    "1;Số trường đạt chuẩn;trường;2;có;",
    "2;Tổng thu ngân sách;tỷ đồng;500;không;",
    "3;Tỷ lệ hộ nghèo;%;giảm còn 2;;có",
    "4;Giải quyết việc làm;người;1.600;;",
  ].join("\r\n");

  it("reads Lũy kế and Đánh giá cuối năm; empty leaves the default", () => {
    const r = parsePlanCsv(utf8(csv), "kh.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems.map(formatProblem)));
    expect(r.value.targets.map((t) => [t.no, t.cumulative, t.annual])).toEqual([["1", true, undefined], ["2", false, undefined], ["3", undefined, true], ["4", undefined, undefined]]);
    const e = evaluatePlan(r.value, { rows: [{ no: "1", actual: 1 }, { no: "2", actual: 300 }, { no: "3", actual: 3 }, { no: "4", actual: 700 }], period: "6m" });
    expect(e.rows.map((x) => [x.no, x.status, x.projection != null])).toEqual([["1", "dat", true], ["2", "khong-dat", false], ["3", "chua-danh-gia", false], ["4", "khong-dat", true]]);
  });

  it("a value other than có/không is said at its cell", () => {
    const r = parsePlanCsv(utf8(csv.replace("1;Số trường đạt chuẩn;trường;2;có;", "1;Số trường đạt chuẩn;trường;2;hằng tháng;")), "kh.csv");
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.location.path])).toContainEqual(["csv.bad-value", "dòng 3, cột Lũy kế"]);
  });

  it("the template carries both columns and reads back with them", () => {
    const t = planTemplateCsv({ year: 2026 });
    expect(t).toContain("Lũy kế;Đánh giá cuối năm");
    const r = parsePlanCsv(new TextEncoder().encode(t), "mau.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.problems.map(formatProblem)));
    expect(r.value.targets.map((x) => [x.cumulative, x.annual])).toEqual([[false, undefined], [false, true]]);
  });
});

describe("isPlanCsv: a plan typed as a table, told from a colleague's table of figures", () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
  test.each([
    ["the plan template's columns", "STT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch\n1;Giao quân;%;100%\n", true],
    ["a plan with last year's figure (TH 2025 in a 2026 plan)", "STT;Tên chỉ tiêu;ĐVT;KH 2026;TH 2025\n1;Giao quân;%;100%;100\n", true],
    ["a plan with a fault in a row", "STT;Tên chỉ tiêu;ĐVT;Kế hoạch năm 2026\nx;Giao quân;%;100%\n", true],
    ["a colleague's table: its figures in Ước TH 2024", "TT;Chỉ tiêu;ĐVT;KH 2024;Ước TH 2024\n1;Giao quân;%;100%;100\n", false],
    ["a colleague's table: its figures under 6 tháng", "STT;Tên chỉ tiêu;ĐVT;Kế hoạch;6 tháng\n1;Giao quân;%;100%;100\n", false],
    ["a contact list", "Họ tên;Điện thoại\nAn;0901\n", false],
  ])("%s", (_, text, plan) => {
    expect(isPlanCsv(bytes(text as string), "x.csv")).toBe(plan);
  });
});
