/**
 * `ktxh target "TEXT"`: how a target wording is read, and its canonical form. For checking what the
 * add-in makes of a wording before it goes into a plan.
 */
import { formatProblem } from "../../core/messages";
import { directionLabel } from "../../core/messages/labels";
import type { Direction } from "../../core/plan";
import { formatNumber } from "../../core/numbers";
import { parseTarget } from "../../core/target";
import { readArgs } from "../args";
import { type CliIO, type Command, EXIT } from "../io";

const USAGE = [
  'ktxh target "CHỈ TIÊU" [--json] [--unit ĐVT] [--direction higher|lower] [--name "TÊN CHỈ TIÊU"]',
  "",
  'Đọc cách ghi chỉ tiêu ("khoảng 25.224", ">80", "7-8", "giảm còn khoảng 2,14%", "giảm 3 tiêu chí")',
  "và in ra loại, cận dưới, cận trên, đơn vị, chiều đánh giá và cách ghi chuẩn.",
  "  --unit       đơn vị tính của dòng chỉ tiêu",
  "  --direction  higher (càng cao càng tốt) hoặc lower (càng thấp càng tốt)",
  "  --name       tên chỉ tiêu (để nhận ra chỉ tiêu càng thấp càng tốt: hộ nghèo, suy dinh dưỡng, tai nạn)",
  "  --json       in JSON",
].join("\n");

const KIND_WORDS: Record<string, string> = {
  point: "một mức", "at-least": "tối thiểu (≥)", "more-than": "lớn hơn (>)", "at-most": "tối đa (≤)",
  "less-than": "nhỏ hơn (<)", range: "khoảng giá trị", "reduce-criteria": "giảm số tiêu chí",
};

export const targetCommand: Command = {
  name: "target",
  summary: "đọc một cách ghi chỉ tiêu và in cách hiểu, cách ghi chuẩn",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = readArgs(args, {
      json: { type: "boolean" }, unit: { type: "string" }, name: { type: "string" }, direction: { type: "string" },
    });
    const wrong = typeof parsed === "string" ? parsed : parsed.positionals.length > 1 ? `không hiểu tham số "${parsed.positionals[1]}"` : null;
    if (typeof parsed === "string" || wrong) {
      io.err(`ktxh target: ${wrong}.\n\n${USAGE}\n`);
      return EXIT.UNREADABLE;
    }
    const { values } = parsed;
    const json = values.json === true;
    const text = parsed.positionals[0] ?? null;
    const hints: { unit?: string; direction?: Direction; name?: string } = {};
    if (values.unit !== undefined) hints.unit = values.unit;
    if (values.name !== undefined) hints.name = values.name;
    if (values.direction !== undefined) {
      const d = values.direction;
      if (d !== "higher" && d !== "lower") {
        io.err(`ktxh target: --direction phải là higher hoặc lower.\n\n${USAGE}\n`);
        return EXIT.UNREADABLE;
      }
      hints.direction = d;
    }
    if (text === null) {
      io.err(`ktxh target: thiếu chỉ tiêu cần đọc.\n\n${USAGE}\n`);
      return EXIT.UNREADABLE;
    }
    const r = parseTarget(text, hints);
    if (!r.ok) {
      for (const p of r.problems) io.err(`ktxh target: ${formatProblem(p)}\n`);
      return EXIT.UNREADABLE;
    }
    const s = r.value;
    if (json) {
      const out = {
        kind: s.kind, min: s.min, max: s.max, unit: s.unit, direction: s.direction, canonical: s.canonical,
        decimals: s.decimals, approx: s.approx, change: s.change, directionFrom: s.directionFrom, written: s.written,
        problems: r.problems.map((p) => ({ code: p.code, severity: p.severity, message: formatProblem(p) })),
      };
      io.out(JSON.stringify(out, null, 2) + "\n");
    } else {
      const lines = [
        `Cách ghi:     ${s.written}`,
        `Cách ghi chuẩn: ${s.canonical}`,
        `Loại:         ${KIND_WORDS[s.kind]}${s.approx ? " (khoảng)" : ""}${s.change ? (s.change === "increase" ? ", mức tăng so với năm trước" : ", mức giảm so với năm trước") : ""}`,
        `Cận dưới:     ${s.min === null ? "—" : formatNumber(s.min, s.decimals)}`,
        `Cận trên:     ${s.max === null ? "—" : formatNumber(s.max, s.decimals)}`,
        `Đơn vị:       ${s.unit ?? "—"}`,
        `Chiều:        ${directionLabel(s)}`,
        ...r.problems.map((p) => `Lưu ý: ${formatProblem(p)}`),
      ];
      io.out(lines.join("\n") + "\n");
    }
    return EXIT.OK;
  },
};
