/** Reading other people's tables: header rows found anywhere, columns named many ways, rows matched to the plan. */
import { parsePlan, type Plan } from "../../src/core/plan";
import { classifyHeader, classifyHeaderLines } from "../../src/core/read-table/columns";
import { a1, parseCell } from "../../src/core/address";
import type { Grid, GridCell } from "../../src/core/read-table/grid";
import { findHeader } from "../../src/core/read-table/headers";
import { MATCH, bestMatch, nameScore } from "../../src/core/read-table/match";
import { readTable } from "../../src/core/read-table/table";
import { builtInPlans } from "../../src/seeds";

const plan2024 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2024") as Plan;
const plan2023 = (): Plan => builtInPlans().find((p) => p.id === "binh-son-2023") as Plan;

function grid(rows: (string | number | null)[][], merges: Grid["merges"] = []): Grid {
  return { sheet: "S", cells: rows.map((r) => r.map((v): GridCell | null => (v === null ? null : { value: v }))), merges };
}

describe("A1 addresses", () => {
  test.each([[0, 0, "A1"], [6, 4, "E7"], [0, 25, "Z1"], [9, 26, "AA10"], [0, 701, "ZZ1"], [0, 702, "AAA1"]])(
    "row %i col %i is %s and reads back", (r, c, s) => {
      expect(a1(r, c)).toBe(s);
      expect(parseCell(s)).toEqual({ row: r, col: c });
    });
});

describe("column headers", () => {
  test.each([
    ["TT", "no"], ["STT", "no"], ["Số TT", "no"], ["Mã", "no"],
    ["Chỉ tiêu", "name"], ["Chỉ tiêu chủ yếu", "name"], ["Nội dung", "name"], ["Nội dung nhiệm vụ, giải pháp", "name"], ["Nhiệm vụ", "name"],
    ["ĐVT", "unit"], ["Đơn vị tính", "unit"], ["Đ.V.T", "unit"],
    ["KH", "plan"], ["Kế hoạch năm 2024", "plan"], ["KH 2024", "plan"], ["Chỉ tiêu giao", "plan"],
    ["Ước TH", "actual"], ["Ước thực hiện năm 2024", "actual"], ["Thực hiện", "actual"], ["TH", "actual"], ["Quý II", "actual"], ["6 tháng", "actual"],
    ["Cùng kỳ năm trước", "previous"], ["Thực hiện cùng kỳ", "previous"],
    ["So với KH (%)", "compare"], ["So với chỉ tiêu giao (%)", "compare"], ["% KH", "compare"], ["Đánh giá", "compare"],
    ["Ghi chú", "note"], ["Cơ quan chủ trì", "lead"], ["Cơ quan chủ trì (tham mưu)", "lead"], ["Cơ quan phối hợp", "partners"],
    ["Chỉ đạo thực hiện", "directs"], ["Tiến độ thực hiện", "timing"], ["Trạng thái", "status"], ["Tình trạng", "status"], ["Kết quả", "result"],
  ])("%s is %s", (text, role) => {
    expect(classifyHeader(text)?.role).toBe(role);
  });

  test("decomposed and upper-case headers read the same", () => {
    expect(classifyHeader("ĐƠN VỊ TÍNH".normalize("NFD"))?.role).toBe("unit");
  });

  test("years and periods are kept; the lowest line of a multi-line header decides the role", () => {
    expect(classifyHeader("Ước TH năm 2023")).toEqual({ role: "actual", year: 2023, period: null });
    expect(classifyHeader("Quý III")).toMatchObject({ role: "actual", period: "q3" });
    expect(classifyHeaderLines(["Năm 2024", "KH"])).toEqual({ role: "plan", year: 2024, period: null });
    expect(classifyHeaderLines(["Kết quả thực hiện (lũy kế từ đầu năm)", "Tháng 5"])).toMatchObject({ role: "actual", period: "m5" });
  });

  test("a sentence is not a header", () => {
    expect(classifyHeader("Bình Sơn, ngày 05 tháng 12 năm 2023")).toBeNull();
  });
});

describe("finding the header", () => {
  test("below a title block, on two lines with merged cells, with a numbering row under it", () => {
    const g = grid([
      ["BÁO CÁO KẾT QUẢ NĂM 2024", null, null, null, null],
      [null, null, null, null, null],
      ["TT", "Chỉ tiêu", "ĐVT", "Năm 2024", null],
      [null, null, null, "KH", "Ước TH"],
      ["(1)", "(2)", "(3)", "(4)", "(5)"],
      [1, "Tổng giá trị sản xuất", "tỷ đồng", "khoảng 25.224", 25500],
    ], [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 0, bottom: 3, right: 0 }, { top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 4 },
    ]);
    const h = findHeader(g);
    expect(h).toMatchObject({ top: 2, bottom: 3 });
    expect(h?.columns.map((c) => [c.col, c.role, c.year])).toEqual([[0, "no", null], [1, "name", null], [2, "unit", null], [3, "plan", 2024], [4, "actual", 2024]]);
    const t = readTable(g, plan2024());
    expect(t?.rows).toEqual([{ row: 5, ref: "1", how: "number" }]);
    expect(t?.unplaced).toEqual([]);
  });

  test("a sheet of prose has no table", () => {
    expect(findHeader(grid([["Kính gửi: UBND huyện"], ["Căn cứ Luật Thi đua, khen thưởng"]]))).toBeNull();
  });

  test("the add-in's key row wins and rows are placed by identity, whatever their name says", () => {
    const g = grid([
      ["no", "name", "unit", "plan", "p:year", "status", "#ktxh:targets"],
      ["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Năm", "Trạng thái", "Mã dòng"],
      ["1", "Tên đã bị sửa hẳn", "tỷ đồng", "khoảng 25.224", 25500, "Đạt", "t:1"],
      ["-", "Dòng người dùng thêm", null, null, 5, null, null],
    ]);
    const t = readTable(g, plan2024());
    expect(t).toMatchObject({ kind: "targets", own: true });
    expect(t?.rows).toEqual([{ row: 2, ref: "1", how: "identity" }]);
    expect(t?.columns.find((c) => c.role === "actual")?.period).toBe("year");
  });
  test("without its key row, an add-in sheet is still matched by the identity column (Mã dòng)", () => {
    const g = grid([
      ["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Năm", "Mã dòng"],
      ["1", "Tên đã bị sửa hẳn", "tỷ đồng", "khoảng 25.224", 25500, "t:1"],
      ["3", "Tổng thu ngân sách", "tỷ đồng", "623,17", 650, "t:3"],
    ]);
    const t = readTable(g, plan2024());
    expect(t).toMatchObject({ own: false, unplaced: [] });
    expect(t?.rows.map((r) => `${r.ref}:${r.how}`)).toEqual(["1:identity", "3:identity"]);
  });
});

describe("matching names", () => {
  test("tone-mark placement, case, the sources' typos and abbreviations do not matter", () => {
    expect(nameScore("Tỷ lệ gia đình văn hoá", "Tỷ lệ gia đình văn hóa")).toBe(1);
    expect(nameScore("Phần đầu giảm tiêu chí tai nạn giao thông", "Phấn đấu giảm tiêu chí tai nạn giao thông")).toBe(1);
    expect(nameScore("Phân đầu giảm tiêu chí TNGT", "Phấn đấu giảm tiêu chí tai nạn giao thông")).toBe(1);
    expect(nameScore("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Cấp giấy chứng nhận QSDĐ lần đầu")).toBe(1);
    expect(nameScore("Tỷ lệ che phũ rừng", "Tỷ lệ che phủ rừng")).toBe(1);
  });

  test("a match needs a margin over the runner-up", () => {
    const cands = [{ ref: "a", name: "Tổng thu ngân sách trên địa bàn" }, { ref: "b", name: "Tổng chi ngân sách trên địa bàn" }];
    const m = bestMatch("Tổng thu chi ngân sách", cands);
    expect(m && m.score - m.second).toBeLessThan(MATCH.minMargin);
    expect(bestMatch("Thu ngân sách", cands)?.ref).toBe("a");
  });

  test("every 2024 target found by name alone when written as the pledge writes it, in any order", () => {
    const p = plan2024();
    const names = [
      "Tổng giá trị sản xuất", "Tốc độ tăng trưởng giá trị sản xuất", "Tổng thu ngân sách trên địa bàn", "Tổng chi ngân sách trên địa bàn",
      "Sản lượng lương thực cây có hạt", "Sản lượng khai thác hải sản", "Tỷ lệ che phủ rừng", "Giải quyết việc làm trong năm",
      "Tỷ lệ lao động qua đào tạo", "Tỷ lệ hộ nghèo đến cuối năm 2024 giảm còn", "Số trường đạt chuẩn Quốc gia năm 2024",
      "Tốc độ tăng dân số tự nhiên", "Tỷ lệ trẻ em <5 tuổi bị suy dinh dưỡng", "Số xã đạt chuẩn nông thôn mới nâng cao",
      "Tỷ lệ gia đình văn hoá", "Giao quân đạt 100% theo chỉ tiêu cấp trên giao", "Xã, thị trấn vững mạnh về quốc phòng, an ninh",
      "Phần đầu giảm tiêu chí tai nạn giao thông so với năm 2023", "Tỷ lệ giải quyết các vụ khiếu nại, tố cáo thuộc thẩm quyền",
      "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    ];
    const rows = names.map((n, i) => [null, n, null, null, i + 1] as (string | number | null)[]).reverse();
    const t = readTable(grid([["TT", "Chỉ tiêu", "ĐVT", "KH", "Ước TH"], ...rows]), p);
    expect(t?.unplaced).toEqual([]);
    expect(t?.rows.map((r) => `${r.ref}@${r.row}:${r.how}`).sort()).toEqual(names.map((_, i) => `${i + 1}@${20 - i}:name`).sort());
  });

  test("a numbered row whose name says another target clearly goes by the name", () => {
    const t = readTable(grid([["TT", "Chỉ tiêu", "ĐVT", "KH", "Ước TH"], [3, "Sản lượng khai thác hải sản", "tấn", null, 35000]]), plan2024());
    expect(t?.rows).toEqual([{ row: 1, ref: "6", how: "name" }]);
  });

  test("rows that match nothing are listed, not dropped; headings and page-break remainders are skipped", () => {
    const t = readTable(grid([
      ["TT", "Chỉ tiêu", "ĐVT", "KH", "Ước TH"],
      [null, "A. KINH TẾ", null, null, null],
      [5, "Sản lượng lương thực cây", "tấn", "khoảng 72.939", 73000],
      [null, "có hạt", null, null, null],
      [21, "Số hợp tác xã thành lập mới", "HTX", "5", 6],
    ]), plan2024());
    expect(t?.rows).toEqual([{ row: 2, ref: "5", how: "number" }]);
    expect(t?.unplaced).toEqual([{ row: 4, no: "21", name: "Số hợp tác xã thành lập mới", nearest: null }]);
  });

  test("783/BC's sector rows marked \"-\" are placed under their total, the same sector name under two totals", () => {
    const t = readTable(grid([
      ["TT", "Chỉ tiêu chủ yếu", "Đơn vị tính", "KH 2023", "Ước TH năm 2023", "So với chỉ tiêu giao (%)"],
      ["1", "Tổng giá trị sản xuất", "Tỷ đồng", "22.293,49", "22.801,39", "Đạt (vượt)"],
      ["-", "Ngành Nông, lâm, thủy sản", "Tỷ đồng", "2.907,66", "2.939,44", "Đạt (vượt)"],
      ["2", "Tốc độ tăng trưởng giá trị sản xuất", "%", "7-8", "10,03", "Đạt (vượt)"],
      ["-", "Ngành Nông, lâm, thuỷ sản", "%", "1-2", "3,09", null],
    ]), plan2023());
    expect(t?.rows.map((r) => r.ref)).toEqual(["1", "1.1", "2", "2.1"]);
  });

  test("a tasks table: codes, group headings skipped, a task found by its text when the code is missing", () => {
    const p = plan2024();
    const task = p.tasks.find((x) => x.code === "2.4");
    const t = readTable(grid([
      ["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái"],
      ["2", "Về phát triển kinh tế", null, null],
      ["2.1", p.tasks.find((x) => x.code === "2.1")?.text ?? "", null, "Hoàn thành"],
      [null, (task?.text ?? "").slice(0, 120), null, "Đang thực hiện"],
    ]), p);
    expect(t?.kind).toBe("tasks");
    expect(t?.rows.map((r) => `${r.ref}:${r.how}`)).toEqual(["2.1:number", "2.4:name"]);
  });
});

describe("any unit's plan", () => {
  test("a commune's plan of three targets is read the same way", () => {
    const r = parsePlan({
      id: "xa-binh-hai-2025", unit: "UBND xã Bình Hải", year: 2025, source: { document: "Nghị quyết HĐND xã" },
      targets: [
        { no: "1", name: "Thu ngân sách xã", unit: "triệu đồng", target: "4.500" },
        { no: "2", name: "Tỷ lệ hộ nghèo", unit: "%", target: "giảm còn 3,2", direction: "lower" },
        { no: "3", name: "Tỷ lệ tham gia bảo hiểm y tế", unit: "%", target: "≥ 95" },
      ],
    });
    if (!r.ok) throw new Error("plan");
    const t = readTable(grid([["STT", "Nội dung", "Đơn vị", "KH 2025", "TH 2025"], [1, "Thu ngân sách", "tr.đ", "4.500", 4700], [2, "Tỷ lệ hộ nghèo", "%", "3,2", 3.1], [3, "Tỷ lệ tham gia BHYT", "%", "95", 96]]), r.value);
    expect(t?.rows.map((x) => x.ref)).toEqual(["1", "2", "3"]);
  });
});
