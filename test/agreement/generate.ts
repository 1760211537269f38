/**
 * The agreement harness's seeded generator: a plan (built in code with the core's Plan type), the figures
 * staff type into the add-in's targets sheet, and the damage users do to the layout afterwards.
 * Everything is data (`BookSpec`), so a failure can print the whole workbook's description.
 */
import { type Plan, type PlanInput, parsePlan } from "../../src/core/plan";
import { type Rng, rng } from "../domain/rng";

/** How a figure was typed (the generator's label for it, printed on failure and used by KNOWN). */
export type TypedKind =
  | "number" // "1720": a number, typed plainly
  | "decimal" // "35.6": an en-US decimal, meant as one
  | "vi-text" // "1.284,679": vi-VN text, stays text in an en-US Excel
  | "en-misread" // "1.72" for 1.720 (a thousands mark read as a decimal point)
  | "fraction" // "0.52" in a % row
  | "percent-sign" // "52%" in a % row: Excel stores 0.52
  | "error" // "=1/0": #DIV/0!
  | "formula" // "=1000+720": a formula giving a number
  | "words" // "chưa có": text that is no number
  | "blank";

export interface Typed {
  /** Target number ("3", "1.2") or traffic row id ("tn:deaths:cur"). */
  row: string;
  kind: TypedKind;
  text: string;
}

export type Damage =
  | { kind: "sort-rows"; byColumn: "name" | "unit"; descending: boolean }
  | { kind: "insert-row"; at: number }
  | { kind: "insert-column"; before: "A" | "C" | "E" | "F" | "K" }
  | { kind: "delete-column"; which: "note" | "id" | "unit" }
  | { kind: "delete-key-row" }
  | { kind: "rename-sheet"; to: string }
  | { kind: "rename-tasks"; to: string };

export interface BookSpec {
  index: number;
  plan: Plan;
  periods: string[];
  typed: Typed[];
  tasks: { code: string; text: string }[];
  damage: Damage[];
}

const UNITS = [
  { unit: "UBND xã Tịnh Phong", place: "Tịnh Phong", parent: "huyện Sơn Tịnh" },
  { unit: "UBND huyện Đức Phổ", place: "Đức Phổ", parent: "tỉnh Quảng Ngãi" },
  { unit: "UBND thị trấn Châu Ổ", place: "Châu Ổ", parent: "huyện Bình Sơn" },
  { unit: "UBND tỉnh Thử Nghiệm", place: "Thử Nghiệm", parent: null },
  { unit: "UBND phường Nghĩa Lộ", place: "Nghĩa Lộ", parent: "thành phố Quảng Ngãi" },
];

/** A target template: the wording kind, its unit, and how to make a plausible wording and figures. */
interface Template {
  wording: string;
  name: string;
  unit: string;
  direction?: "lower";
  /** The target wording, for a scale. */
  target(r: Rng): string;
  /** A value around the plan (as a number the user means). */
  near(r: Rng, target: string): number;
  percentRow?: boolean;
}

const viThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const viDecimal = (n: number, d: number): string => {
  const [i, f] = n.toFixed(d).split(".");
  return f ? `${viThousands(Number(i))},${f}` : viThousands(Number(i));
};
/** The number a vi-VN wording holds ("khoảng 25.224" → 25224, "2,14" → 2.14). */
export function wordingNumber(s: string): number {
  const m = /(\d[\d.]*(?:,\d+)?)/.exec(s);
  return m ? Number(m[1].replace(/\./g, "").replace(",", ".")) : 0;
}
const around = (r: Rng, x: number, spread = 0.2): number => x * (1 - spread + r.next() * 2 * spread);

const TEMPLATES: Template[] = [
  { wording: "khoảng-big", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: (r) => `khoảng ${viThousands(r.int(1200, 40000))}`, near: (r, t) => Math.round(around(r, wordingNumber(t))) },
  { wording: "khoảng-dec", name: "Tốc độ tăng trưởng", unit: "%", percentRow: true, target: (r) => `khoảng ${viDecimal(r.int(50, 150) / 10, 1)}`, near: (r, t) => Math.round(around(r, wordingNumber(t)) * 10) / 10 },
  { wording: "plain-dec", name: "Tổng thu ngân sách", unit: "tỷ đồng", target: (r) => viDecimal(r.int(10000, 99999) / 100, 2), near: (r, t) => Math.round(around(r, wordingNumber(t)) * 100) / 100 },
  { wording: "gt", name: "Tỷ lệ giải quyết khiếu nại", unit: "%", percentRow: true, target: (r) => `>${r.int(70, 90)}`, near: (r, t) => Math.min(100, Math.round(around(r, wordingNumber(t), 0.1))) },
  { wording: "range", name: "Tốc độ tăng thu nhập", unit: "%", percentRow: true, target: (r) => { const a = r.int(5, 9); return `${a}-${a + 1}`; }, near: (r, t) => Math.round(around(r, wordingNumber(t), 0.3) * 10) / 10 },
  { wording: "giam-con", name: "Tỷ lệ hộ nghèo", unit: "%", direction: "lower", percentRow: true, target: (r) => `giảm còn khoảng ${viDecimal(r.int(100, 500) / 100, 2)}`, near: (r, t) => Math.round(around(r, wordingNumber(t), 0.3) * 100) / 100 },
  { wording: "lower-plain", name: "Tỷ lệ trẻ em suy dinh dưỡng", unit: "%", direction: "lower", percentRow: true, target: (r) => String(r.int(4, 12)), near: (r, t) => Math.round(around(r, wordingNumber(t), 0.3) * 10) / 10 },
  { wording: "count-01", name: "Số trường đạt chuẩn Quốc gia", unit: "trường", target: (r) => r.pick(["01", "02", "03"]), near: (r, t) => Math.max(0, wordingNumber(t) + r.int(-1, 1)) },
  { wording: "percent-100", name: "Giao quân", unit: "%", percentRow: true, target: () => "100%", near: (r) => r.pick([100, 100, 98]) },
  { wording: "khoảng-thousand", name: "Giải quyết việc làm", unit: "người", target: (r) => `khoảng ${viThousands(r.int(11, 30) * 100)}`, near: (r, t) => Math.round(around(r, wordingNumber(t), 0.15)) },
  { wording: "khoảng-pct", name: "Tỷ lệ che phủ rừng", unit: "%", percentRow: true, target: (r) => `khoảng ${viDecimal(r.int(300, 600) / 10, 1)}`, near: (r, t) => Math.round(around(r, wordingNumber(t), 0.05) * 10) / 10 },
];

export const TRAFFIC_ROWS = ["tn:accidents:prev", "tn:accidents:cur", "tn:deaths:prev", "tn:deaths:cur", "tn:injuries:prev", "tn:injuries:cur"];

/** A plan of `size` main targets for one unit, with sub-rows on some totals, the traffic target, tasks. */
function makePlan(r: Rng, index: number): { plan: Plan; templates: Map<string, Template> } {
  const u = r.pick(UNITS);
  const year = r.pick([2024, 2025, 2026]);
  const size = r.int(4, 16);
  const templates = new Map<string, Template>();
  const targets: PlanInput["targets"] = [];
  const trafficAt = r.bool(0.7) ? r.int(1, size) : -1;
  for (let i = 1; i <= size; i++) {
    const no = String(i);
    if (i === trafficAt) {
      targets.push({ no, name: `Phấn đấu giảm tiêu chí tai nạn giao thông (${i})`, unit: "tiêu chí", target: r.pick(["Giảm 3 tiêu chí", "Giảm 2 tiêu chí"]), criteria: "traffic-accidents" });
      continue;
    }
    const t = r.pick(TEMPLATES);
    const target = t.target(r);
    targets.push({ no, name: `${t.name} (${i})`, unit: t.unit, target, ...(t.direction ? { direction: t.direction } : {}) });
    templates.set(no, t);
    if ((t.wording === "khoảng-big" || t.wording === "plain-dec") && r.bool(0.4)) {
      const parts = r.int(2, 3);
      const total = wordingNumber(target);
      for (let k = 1; k <= parts; k++) {
        const sub = `${no}.${k}`;
        const share = Math.round(total / parts);
        targets.push({ no: sub, parent: no, name: `${t.name} ngành ${k} (${sub})`, unit: t.unit, target: `khoảng ${viThousands(share)}` });
        templates.set(sub, { ...TEMPLATES[0], name: t.name });
      }
      targets[targets.findIndex((x) => x.no === no)].additive = true;
    }
  }
  const tasks = Array.from({ length: r.int(0, 6) }, (_, k) => ({
    code: `${Math.floor(k / 3) + 1}.${(k % 3) + 1}`,
    group: `Nhóm ${Math.floor(k / 3) + 1}`,
    text: `Nhiệm vụ thử số ${k + 1}`,
    lead: r.pick(["Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Văn phòng UBND"]),
  }));
  const input: PlanInput = {
    id: `agree-${index}-${u.place.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/[^a-z0-9]+/g, "-")}-${year}`,
    unit: u.unit,
    place: u.place,
    parentUnit: u.parent,
    year,
    source: { document: `Kế hoạch phát triển kinh tế - xã hội năm ${year} (thử ${index})` },
    targets,
    tasks,
  };
  const p = parsePlan(input);
  if (!p.ok) throw new Error(`generated plan ${index} is invalid: ${JSON.stringify(p.problems)}`);
  return { plan: p.value, templates };
}

const enDecimal = (n: number): string => String(n);

function typeFigure(r: Rng, no: string, t: Template, target: string): Typed {
  const v = t.near(r, target);
  const roll = r.next();
  const big = v >= 1000 && Number.isInteger(v);
  if (roll < 0.12) return { row: no, kind: "blank", text: "" };
  if (roll < 0.22 && big) return { row: no, kind: "en-misread", text: enDecimal(v / 1000) }; // "1.72" for 1.720
  if (roll < 0.32) return { row: no, kind: "vi-text", text: viDecimal(v, Number.isInteger(v) ? 1 : 3) }; // "1.720,0", "35,600"
  if (roll < 0.4 && t.percentRow && v > 1) return { row: no, kind: "fraction", text: enDecimal(Math.round(v * 100) / 10000) };
  if (roll < 0.46 && t.percentRow) return { row: no, kind: "percent-sign", text: `${v}%` };
  if (roll < 0.5) return { row: no, kind: "error", text: r.pick(["=1/0", "=#REF!+1"]) };
  if (roll < 0.56) return { row: no, kind: "formula", text: Number.isInteger(v) && v > 10 ? `=${v - 10}+10` : `=${v}*1` };
  if (roll < 0.6) return { row: no, kind: "words", text: r.pick(["chưa có", "đang tổng hợp", "x"]) };
  return { row: no, kind: Number.isInteger(v) ? "number" : "decimal", text: enDecimal(v) };
}

function typeTraffic(r: Rng): Typed[] {
  if (r.bool(0.2)) return [];
  return TRAFFIC_ROWS.map((row) => {
    const roll = r.next();
    const n = r.int(row.startsWith("tn:accidents") ? 5 : 1, row.startsWith("tn:injuries") ? 60 : 30);
    if (roll < 0.1) return { row, kind: "blank" as const, text: "" };
    if (roll < 0.18) return { row, kind: "words" as const, text: `${n} vụ` };
    if (roll < 0.25) return { row, kind: "vi-text" as const, text: `${n},0` };
    if (roll < 0.3) return { row, kind: "decimal" as const, text: `${n}.5` };
    return { row, kind: "number" as const, text: String(n) };
  });
}

function makeDamage(r: Rng): Damage[] {
  const out: Damage[] = [];
  const roll = r.next();
  if (roll < 0.35) return out; // a third of the books as the add-in left them
  const pool: (() => Damage)[] = [
    () => ({ kind: "sort-rows", byColumn: r.pick(["name", "unit"] as const), descending: r.bool() }),
    () => ({ kind: "insert-row", at: r.int(1, 4) }),
    () => ({ kind: "insert-column", before: r.pick(["A", "C", "E", "F", "K"] as const) }),
    () => ({ kind: "delete-column", which: r.pick(["note", "id", "unit"] as const) }),
    () => ({ kind: "delete-key-row" }),
    () => ({ kind: "rename-sheet", to: r.pick(["Chỉ tiêu KT-XH", "CT 2024", "Bieu 1"]) }),
    () => ({ kind: "rename-tasks", to: r.pick(["NV", "Nhiệm vụ (sửa)"]) }),
  ];
  const n = r.int(1, 2);
  for (let k = 0; k < n; k++) out.push(r.pick(pool)());
  return out;
}

export function generateBook(seed: number, index: number): BookSpec {
  const r = rng((seed * 1000003 + index * 7919) >>> 0);
  const { plan, templates } = makePlan(r, index);
  const typed: Typed[] = [];
  for (const t of plan.targets) {
    if (t.criteria === "traffic-accidents") continue;
    const tpl = templates.get(t.no);
    if (tpl) typed.push(typeFigure(r, t.no, tpl, t.target));
  }
  if (plan.targets.some((t) => t.criteria === "traffic-accidents")) typed.push(...typeTraffic(r));
  const tasks = plan.tasks.map((t) => ({ code: t.code, text: r.pick(["Hoàn thành", "HT", "xong", "Đang thực hiện", "Chưa thực hiện", ""]) }));
  const periods = r.pick([["year"], ["6m", "9m", "year"], ["9m", "year"]]);
  return { index, plan, periods, typed, tasks, damage: makeDamage(r) };
}

/** One line per workbook for failure messages. */
export function describeBook(b: BookSpec): string {
  const targets = b.plan.targets
    .map((t) => `${t.no}${t.parent ? "" : ""} "${t.target}"${t.direction === "lower" ? " (lower)" : ""}${t.criteria ? " [traffic]" : ""}`)
    .join("; ");
  const typed = b.typed.filter((t) => t.kind !== "blank").map((t) => `${t.row}=${JSON.stringify(t.text)}(${t.kind})`).join(" ");
  const damage = b.damage.map((d) => JSON.stringify(d)).join(" ") || "none";
  const tasks = b.tasks.map((t) => `${t.code}=${JSON.stringify(t.text)}`).join(" ");
  return [
    `book #${b.index}: plan ${b.plan.id} (${b.plan.unit} ${b.plan.year}), periods ${b.periods.join(",")}`,
    `  targets: ${targets}`,
    `  typed: ${typed || "nothing"}`,
    `  tasks: ${tasks || "none"}`,
    `  damage: ${damage}`,
  ].join("\n");
}
