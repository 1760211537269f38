/** `ktxh plan` and the plan-file loader: output shapes, exit codes, and where bad files are wrong. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { loadPlanFile } from "../../src/cli/load-plan";
import { findJsonSyntaxError } from "../../src/core/plan-json";
import { defaultPlan } from "../../src/seeds";

type Run = { code: number; out: string; err: string };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-plan-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ktxh(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

function write(name: string, content: string | Uint8Array): string {
  fs.writeFileSync(path.join(dir, name), content);
  return name;
}

const minimal = (targets: unknown[]): string =>
  JSON.stringify({ id: "thu", unit: "UBND xã Thử", year: 2025, source: { document: "Nghị quyết thử" }, targets }, null, 2);

describe("ktxh plan --json", () => {
  it("shows a CSV plan's Lũy kế and Đánh giá cuối năm as cumulative and annual", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-plan-"));
    fs.writeFileSync(path.join(dir, "kh.csv"), "Năm: 2026\nSTT;Tên chỉ tiêu;Đơn vị tính;Chỉ tiêu kế hoạch;Lũy kế;Đánh giá cuối năm\n1;Tổng thu;tỷ đồng;500;không;\n2;Tỷ lệ hộ nghèo;%;giảm còn 2;;có\n3;Số trường đạt chuẩn;trường;2;có;\n");
    const r = await ktxh("plan", path.join(dir, "kh.csv"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.targets.map((t: { cumulative: boolean; annual: boolean }) => [t.cumulative, t.annual])).toEqual([[false, false], [false, true], [true, false]]);
  });

  it("prints the built-in Bình Sơn 2024 plan in the stable form", async () => {
    const r = await ktxh("plan", "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["id", "unit", "year", "source", "targets", "tasks", "corrections"]);
    expect([j.id, j.unit, j.year]).toEqual(["binh-son-2024", "UBND huyện Bình Sơn", 2024]);
    expect(j.targets).toHaveLength(20);
    expect(Object.keys(j.targets[0])).toEqual(["no", "parent", "name", "unit", "text", "value", "kind", "direction", "cumulative", "annual"]);
    expect(j.targets.filter((t: { cumulative: boolean }) => t.cumulative).map((t: { no: string }) => t.no)).toEqual(["1", "3", "4", "5", "6", "8", "20"]);
    // The poverty rate at the end of the year is known only then: Chưa đánh giá được before.
    expect(j.targets.filter((t: { annual: boolean }) => t.annual).map((t: { no: string }) => t.no)).toEqual(["10"]);
    expect(j.tasks).toHaveLength(33);
    expect(Object.keys(j.tasks[0])).toEqual(["code", "group", "text", "directs", "lead", "partners", "timing", "due"]);
    expect(j.tasks.map((t: { code: string }) => t.code)).toEqual(defaultPlan().tasks.map((t) => t.code));
    for (const t of j.tasks as { timing: string | null; due: string | null }[]) {
      expect(t.due).toBe(t.timing === "Năm 2024" ? "2024-12-31" : null);
    }
    expect(j.tasks.filter((t: { due: string | null }) => t.due === "2024-12-31")).toHaveLength(30);
  });

  it("gives each target the number written in it", async () => {
    const j = JSON.parse((await ktxh("plan", "--json")).out);
    const byNo = Object.fromEntries(j.targets.map((t: { no: string; text: string; value: number | null }) => [t.no, [t.text, t.value]]));
    expect(byNo["1"]).toEqual(["khoảng 25.224", 25224]);
    expect(byNo["3"]).toEqual(["623,17", 623.17]);
    expect(byNo["10"]).toEqual(["giảm còn khoảng 2,14", 2.14]);
    expect(byNo["11"]).toEqual(["01", 1]);
    expect(byNo["16"]).toEqual(["100% theo chỉ tiêu cấp trên giao", 100]);
    expect(byNo["17"]).toEqual([">80", 80]);
    expect(byNo["18"]).toEqual(["Giảm 3 tiêu chí", 3]);
    expect(byNo["20"]).toEqual(["khoảng 2.000", 2000]);
    expect(j.targets.filter((t: { direction: string }) => t.direction === "lower").map((t: { no: string }) => t.no)).toEqual(["10", "13", "18"]);
  });

  it("gives null for a range and keeps sub-rows' parents (built-in 2023 by id)", async () => {
    const r = await ktxh("plan", "binh-son-2023", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const t = (no: string) => j.targets.find((x: { no: string }) => x.no === no);
    expect([t("2").text, t("2").value, t("2").kind]).toEqual(["7-8", null, "range"]);
    expect([t("1.3").parent, t("1.3").value]).toEqual(["1", 11402]);
    expect([t("9").text, t("9").value]).toEqual([">48", 48]);
    expect(j.tasks).toEqual([]);
  });

  it("reads an at-most target's upper bound and a user's JSON file", async () => {
    const f = write("xa.json", minimal([
      { no: "1", name: "Tỷ lệ hộ nghèo", unit: "%", target: "dưới 3" },
      { no: "2", name: "Số vụ cháy", unit: "vụ", target: "tối đa 5" },
    ]));
    const r = await ktxh("plan", f, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).targets.map((t: { value: number }) => t.value)).toEqual([3, 5]);
  });

  it("reads a CSV plan through the CSV reader", async () => {
    const f = write("ke-hoach-2025.csv", "no;name;unit;target\n1;Tổng giá trị sản xuất;tỷ đồng;khoảng 1.284,679\n");
    const r = await ktxh("plan", f, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.year, j.targets[0].value]).toEqual([2025, 1284.679]);
  });
});

describe("ktxh plan (table)", () => {
  it("prints targets as written and the tasks by group, in Vietnamese", async () => {
    const r = await ktxh("plan");
    expect(r.code).toBe(0);
    expect(r.out).toContain("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024");
    // The wording as written, then the figure read from it, then which way is better where it is not "higher".
    expect(r.out).toMatch(/^1 +Tổng giá trị sản xuất +tỷ đồng +khoảng 25\.224 +25\.224$/m);
    expect(r.out).toMatch(/^10 +Tỷ lệ hộ nghèo đến cuối năm 2024 +% +giảm còn khoảng +2,14 +càng thấp càng$/m);
    expect(r.out).toMatch(/^17 +Xã, thị trấn vững mạnh về quốc +% +>80 +> 80$/m);
    expect(r.out).toMatch(/^18 +.*Giảm 3 tiêu chí +giảm 3 +càng nhiều$/m);
    expect(r.out).toContain("VỀ PHÁT TRIỂN KINH TẾ");
    expect(r.out).toMatch(/^2\.16 +Đẩy nhanh tiến độ/m);
    expect(r.out).toMatch(/Chủ trì: +Phòng Tài chính – Kế hoạch huyện/);
    expect(r.out.split("\n").every((l) => [...l].length <= 100)).toBe(true);
  });

  it("exits 1 and names the target when a wording cannot be read, still printing the plan", async () => {
    const f = write("la.json", minimal([{ no: "1", name: "Chỉ tiêu lạ", unit: "%", target: "như năm trước" }]));
    const r = await ktxh("plan", f, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).targets[0].value).toBeNull();
    expect(r.err).toMatch(/chỉ tiêu 1\b/i);
    expect(r.err).toContain("như năm trước");
  });
});

describe("ktxh plan: files it cannot use (exit 2, message on stderr naming file and place)", () => {
  it("bad JSON: line and column", async () => {
    const f = write("hong.json", '{\n  "id": "x",\n  "unit": "A"\n  "year": 2024\n}\n');
    const r = await ktxh("plan", f);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain("hong.json");
    expect(r.err).toContain("dòng 4, cột 3");
    expect(r.err).toContain("thiếu dấu phẩy");
  });

  it("schema violation: the path inside the file and the target's number", async () => {
    const f = write("sai.json", minimal([
      { no: "1", name: "Một", unit: "%", target: "5" },
      { no: "2", name: "", unit: "%", target: "5" },
      { no: "3", name: "Ba", unit: "%", target: 5 },
    ]));
    const r = await ktxh("plan", f, "--json");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain("sai.json");
    expect(r.err).toContain("targets[1].name");
    expect(r.err).toMatch(/chỉ tiêu 2\b/i);
    expect(r.err).toContain("targets[2].target");
    expect(r.err).not.toMatch(/Invalid input|expected string/);
  });

  it("missing file: says so and lists the built-in plans", async () => {
    const r = await ktxh("plan", "khong-co.json");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain("khong-co.json");
    expect(r.err).toContain("Không tìm thấy");
    expect(r.err).toContain("binh-son-2024");
  });

  it("an unknown option is bad usage", async () => {
    const r = await ktxh("plan", "--xml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--xml");
  });
});

describe("loadPlanFile", () => {
  const at = (name: string): string => path.join(dir, name);

  it("loads a seed file like the built-in plan", async () => {
    const r = await loadPlanFile(path.join(__dirname, "..", "..", "seeds", "binh-son-2024.json"));
    expect(r.ok && r.value).toEqual(defaultPlan());
  });

  it("gives codes and places: not found, directory, not UTF-8, JSON syntax, schema", async () => {
    const codes = async (file: string) => (await loadPlanFile(at(file), file)).problems.map((p) => [p.code, p.location.file, p.location.path ?? null]);
    expect(await codes("khong-co.json")).toEqual([["plan.not-found", "khong-co.json", null]]);
    fs.mkdirSync(at("thu-muc.json"), { recursive: true });
    expect(await codes("thu-muc.json")).toEqual([["plan.unreadable", "thu-muc.json", null]]);
    write("latin.json", new Uint8Array([0x7b, 0x22, 0xe0, 0x22, 0x7d]));
    expect(await codes("latin.json")).toEqual([["plan.unreadable", "latin.json", null]]);
    write("phay.json", '{"targets": [1, 2,]}');
    expect(await codes("phay.json")).toEqual([["plan.json-syntax", "phay.json", "dòng 1, cột 18"]]);
    write("thieu.json", minimal([]));
    expect(await codes("thieu.json")).toEqual([["plan.invalid", "thieu.json", "targets"]]);
  });

  it("reads a UTF-8 BOM", async () => {
    write("bom.json", "\uFEFF" + minimal([{ no: "1", name: "Một", unit: "%", target: "5" }]));
    expect((await loadPlanFile(at("bom.json"))).ok).toBe(true);
  });
});

describe("findJsonSyntaxError", () => {
  it.each([
    ['{"a": 1,}', 1, 8, "dấu phẩy thừa"],
    ["{'a': 1}", 1, 2, "ngoặc kép"],
    ['{"a": "b\n"}', 1, 7, "chưa đóng"],
    ['{"no": 01}', 1, 8, '"01"'],
    ['{"v": 1.284,679}', 1, 7, "1.284,679"],
    ['{"a": 1} x', 1, 10, "thừa nội dung"],
    ['{"a": khoảng}', 1, 7, "khoảng"],
    ['[1, 2', 1, 6, "chưa đóng"],
    ["", 1, 1, "thiếu một giá trị"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "thiếu dấu phẩy"],
  ])("%j → line %i, column %i", (text, line, column, words) => {
    expect(() => JSON.parse(text)).toThrow();
    const e = findJsonSyntaxError(text);
    expect(e && [e.line, e.column]).toEqual([line, column]);
    expect(e?.detail).toContain(words);
  });

  it("accepts what JSON.parse accepts", () => {
    for (const text of [JSON.stringify(defaultPlan(), null, 2), '"x\\u00e0\\n"', "-0.5e+3", " [ ] ", "{}", "null", '{"a":[true,false,null,{"b":"\\"\\\\"}]}']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it("reports absurd nesting instead of overflowing", () => {
    expect(findJsonSyntaxError("[".repeat(100000))?.detail).toContain("quá sâu");
  });
});
