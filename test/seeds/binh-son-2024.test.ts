/**
 * Every target and every task of seeds/binh-son-2024.json against the decision it comes from
 * (seeds/sources/000_…txt), read here by an extractor of its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Plan, parsePlan } from "../../src/core/plan";
import { parseTarget } from "../../src/core/target";
import { targetValue } from "../../src/cli/commands/plan";
import { collapse, compositions, joinLines, lastNumber, sourceLines } from "./source";

const FILE = "000_5132e6f28ee0e927.txt";
const SEED = path.join(__dirname, "..", "..", "seeds", "binh-son-2024.json");
const raw: unknown = JSON.parse(fs.readFileSync(SEED, "utf8"));
const parsed = parsePlan(raw, "binh-son-2024.json");
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan: Plan = parsed.value;
const lines = sourceLines(FILE);

/** Section II: "N. text;" lines between its heading and section III. */
function targetLines(): Map<string, string> {
  const from = lines.indexOf("II. CÁC CHỈ TIÊU CHỦ YẾU");
  const to = lines.indexOf("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU");
  const out = new Map<string, string>();
  for (const l of lines.slice(from + 1, to)) {
    const m = /^(\d+)\.\s+(.*?)\s*[;.]?$/.exec(l);
    if (!m) throw new Error(`not a target line: ${l}`);
    out.set(m[1], collapse(m[2]));
  }
  return out;
}

type SourceTask = { code: string; group: string | null; text: string; fields: [string, string][] };

/**
 * Section III up to "Điều 2": numbered items; an item followed directly by its ".1" is a group
 * heading; within a task, "+ Label: value" lines (values wrapping onto following lines) follow
 * the text.
 */
function sourceTasks(): SourceTask[] {
  const from = lines.indexOf("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU");
  const to = lines.findIndex((l) => l.startsWith("Điều 2."));
  const body = lines.slice(from + 1, to);
  const starts: { at: number; code: string; rest: string }[] = [];
  body.forEach((l, at) => {
    const m = /^(\d+(?:\.\d+)?)\.\s+(.*)$/.exec(l);
    if (m) starts.push({ at, code: m[1], rest: m[2] });
  });
  const tasks: SourceTask[] = [];
  let group: string | null = null;
  starts.forEach((s, k) => {
    const next = starts[k + 1];
    const block = [s.rest, ...body.slice(s.at + 1, next ? next.at : body.length)];
    if (next && next.code === `${s.code}.1`) {
      group = joinLines(block);
      return;
    }
    if (!s.code.includes(".")) group = null;
    const firstField = block.findIndex((l) => l.startsWith("+"));
    const textLines = firstField < 0 ? block : block.slice(0, firstField);
    const fields: [string, string][] = [];
    if (firstField >= 0) {
      for (const l of block.slice(firstField)) {
        const f = /^\+\s*([^:]+):\s*(.*)$/.exec(l);
        if (f) fields.push([f[1].trim(), f[2]]);
        else fields[fields.length - 1][1] += ` ${l}`;
      }
    }
    tasks.push({
      code: s.code,
      group,
      text: joinLines(textLines),
      fields: fields.map(([k2, v]) => [k2, collapse(v).replace(/\.$/, "")]),
    });
  });
  return tasks;
}

const EXPECTED_CODES = [
  "1",
  ...Array.from({ length: 19 }, (_, i) => `2.${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `3.${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `4.${i + 1}`),
  "5",
];

describe("seeds/binh-son-2024.json: the plan", () => {
  it("is valid, NFC throughout, and says where it comes from", () => {
    const text = fs.readFileSync(SEED, "utf8");
    expect(text.normalize("NFC")).toBe(text);
    expect(plan.id).toBe("binh-son-2024");
    expect(plan.year).toBe(2024);
    expect(plan.unit).toBe("UBND huyện Bình Sơn");
    expect(plan.place).toBe("Bình Sơn");
    expect(plan.parentUnit).toBe("tỉnh Quảng Ngãi");
    expect(plan.source.file).toBe(FILE);
    // The decision's heading as the text gives it ("QUYẾT ĐỊNH / Về …"); the text has no number or date.
    expect(lines[0]).toBe("QUYẾT ĐỊNH");
    const title = collapse(`${lines[1]} ${lines[2]}`);
    expect(plan.source.document).toBe(`Quyết định ${title.charAt(0).toLowerCase()}${title.slice(1)}`);
    expect(plan.source.date).toBeNull();
  });
});

describe("seeds/binh-son-2024.json: the 20 main targets against section II", () => {
  const source = targetLines();

  it("has the same 20 numbers in order, all main targets", () => {
    expect([...source.keys()]).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(plan.targets.map((t) => t.no)).toEqual([...source.keys()]);
    expect(plan.targets.every((t) => t.parent == null)).toBe(true);
  });

  it.each(Array.from({ length: 20 }, (_, i) => String(i + 1)))("target %s: name, target and unit recompose the source line exactly once", (no) => {
    const row = plan.targets.find((t) => t.no === no);
    if (!row) throw new Error(`no target ${no}`);
    const line = source.get(no) ?? "";
    expect(compositions(line, row)).toHaveLength(1);
    expect(row.name).not.toMatch(/[:;]$/);
    expect(row.unit).not.toBe("");
    // The number the source writes is the number the target parser reads from the seed.
    const written = parseTarget(lastNumber(line));
    const seeded = parseTarget(row.target, { direction: row.direction, unit: row.unit, name: row.name });
    if (!written.ok || !seeded.ok) throw new Error(`unreadable: ${line} / ${row.target}`);
    expect(targetValue(seeded.value)).toBe(written.value.min);
  });

  it("marks lower-is-better on poverty (10) and malnutrition (13), the criteria rule on 18, nothing else", () => {
    expect(plan.targets.filter((t) => t.direction === "lower").map((t) => t.no)).toEqual(["10", "13"]);
    expect(plan.targets.filter((t) => t.direction === "higher").map((t) => t.no)).toEqual([]);
    expect(plan.targets.filter((t) => t.criteria).map((t) => [t.no, t.criteria])).toEqual([["18", "traffic-accidents"]]);
  });

  it("keeps the wordings the brief names verbatim", () => {
    const byNo = new Map(plan.targets.map((t) => [t.no, t.target]));
    expect(byNo.get("1")).toBe("khoảng 25.224");
    expect(byNo.get("3")).toBe("623,17");
    expect(byNo.get("10")).toBe("giảm còn khoảng 2,14");
    expect(byNo.get("11")).toBe("01");
    expect(byNo.get("16")).toBe("100% theo chỉ tiêu cấp trên giao");
    expect(byNo.get("17")).toBe(">80");
    expect(byNo.get("18")).toBe("Giảm 3 tiêu chí");
  });
});

describe("seeds/binh-son-2024.json: the 33 tasks against section III", () => {
  const source = sourceTasks();
  const corrected = new Set(plan.corrections.map((c) => c.where.replace(/^nhiệm vụ /, "")));

  it("has tasks 1, 2.1–2.19, 3.1–3.6, 4.1–4.6 and 5: 33 in the source and in the seed", () => {
    expect(source.map((t) => t.code)).toEqual(EXPECTED_CODES);
    expect(plan.tasks.map((t) => t.code)).toEqual(EXPECTED_CODES);
    expect(EXPECTED_CODES).toHaveLength(33);
  });

  it.each(EXPECTED_CODES)("task %s: group, text, directs, lead, partners and timing as the source writes them", (code) => {
    const src = source.find((t) => t.code === code);
    const task = plan.tasks.find((t) => t.code === code);
    if (!src || !task) throw new Error(`task ${code} missing`);
    expect(task.group).toBe(src.group);
    // Paragraph breaks are kept as "\n"; every other break is joined.
    expect(collapse(task.text)).toBe(src.text);
    for (const para of task.text.split("\n").slice(0, -1)) expect(para).toMatch(code === "5" ? /(\.|huyện)$/ : /\.$/);

    const want: Record<"directs" | "lead" | "partners" | "timing", string | null> = { directs: null, lead: null, partners: null, timing: null };
    for (const [label, value] of src.fields) {
      if (label === "Chỉ đạo thực hiện") want.directs = value;
      else if (label === "Cơ quan phối hợp") want.partners = value;
      else if (label === "Tiến độ thực hiện") want.timing = value;
      else if (/^Cơ quan chủ trì( tham mưu)?$/.test(label)) {
        // A second "chủ trì" line lists the co-operating offices (a slip of the source, 3.2 and 3.5).
        if (want.lead === null) want.lead = value;
        else {
          expect(corrected.has(code)).toBe(true);
          expect(want.partners).toBeNull();
          want.partners = value;
        }
      } else throw new Error(`unknown label ${label} in task ${code}`);
    }
    if (code === "2.7") {
      expect(plan.corrections.find((c) => c.where === "nhiệm vụ 2.7")?.what).toContain(`"${want.lead}"`);
      want.lead = (want.lead ?? "").replace("03 chương trình chủ trì (", "03 chương trình (").replace("; Văn phòng HĐND", ", Văn phòng HĐND");
    }
    expect({ directs: task.directs, lead: task.lead, partners: task.partners, timing: task.timing }).toEqual(want);
  });

  it("leaves task 5 without directs, lead, partners or timing, and outside any group", () => {
    const t5 = plan.tasks.find((t) => t.code === "5");
    expect([t5?.group, t5?.directs, t5?.lead, t5?.partners, t5?.timing]).toEqual([null, null, null, null, null]);
  });

  it("records the slips it fixes: 2.7's doubled 'chủ trì', and 3.2 and 3.5's second 'chủ trì' line", () => {
    expect(plan.corrections.map((c) => c.where)).toEqual(["nhiệm vụ 2.7", "nhiệm vụ 3.2", "nhiệm vụ 3.5"]);
    for (const code of ["3.2", "3.5"]) {
      const src = source.find((t) => t.code === code);
      expect(src?.fields.filter(([k]) => k === "Cơ quan chủ trì tham mưu")).toHaveLength(2);
      expect(src?.fields.some(([k]) => k === "Cơ quan phối hợp")).toBe(false);
    }
  });

  it("keeps collective leads as written and no page numbers in the text", () => {
    const collective = "Các phòng, ban ngành, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn";
    expect(plan.tasks.filter((t) => t.lead === collective).map((t) => t.code)).toEqual(
      ["2.3", "2.4", "2.12", "2.13", "2.14", "2.15", "2.18"],
    );
    expect(plan.tasks.find((t) => t.code === "3.2")?.text).toMatch(/của người dân\.$/);
    expect(plan.tasks.find((t) => t.code === "2.9")?.text).toContain("Quyết định số 1731/QĐ-UBND ngày 04/11/2021");
  });
});
