/** Shared by the cycle's test and bench: a plan with communes and `reportedBy`, and a filler for its books. */
import ExcelJS from "exceljs";
import { type Plan, parsePlan } from "../../src/core/plan";
import { defaultPlan } from "../../src/seeds";

export const COMMUNES = ["Xã Bình Hải", "Xã Bình Trị", "Thị trấn Châu Ổ"];

export function cyclePlan(): Plan {
  const base = defaultPlan();
  const set: Record<string, Partial<Plan["targets"][number]>> = {
    "1": { reportedBy: "Phòng Tài chính – Kế hoạch huyện" },
    "5": { reportedBy: "Phòng Nông nghiệp và Phát triển nông thôn", fromCommunes: true, rollup: "sum" },
    "8": { reportedBy: "Phòng Lao động thương binh và Xã hội huyện" },
    "13": { reportedBy: "Phòng Y tế huyện" },
    "15": { reportedBy: "Phòng Văn hoá và Thông tin huyện", fromCommunes: true, rollup: "none" },
  };
  const r = parsePlan({ ...base, communes: COMMUNES, targets: base.targets.map((t) => ({ ...t, ...(set[t.no] ?? {}) })) });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** The table of a submission sheet: header row (1-based) and column numbers by header start. */
export function submissionTable(ws: ExcelJS.Worksheet): { header: number; col: (h: string) => number } {
  for (let r = 1; r <= 15; r++) {
    const texts = Array.from(ws.getRow(r).values as unknown[], (v) => (typeof v === "string" ? v : ""));
    if (texts.includes("TT") || texts.includes("Mã")) return { header: r, col: (h) => texts.findIndex((t) => t.startsWith(h)) };
  }
  throw new Error(`no table on ${ws.name}`);
}

export const taskStatus = (code: string): string => (Number(code.split(".")[1] ?? code) % 2 ? "Hoàn thành" : "Đang thực hiện");

/** Fills a submission book as a recipient would: `figure(no)` for each target row, a status and a result per task. */
export function fillBook(wb: ExcelJS.Workbook, name: string, figure: (no: string) => number | undefined, status: (code: string) => string = taskStatus): void {
  const ts = wb.getWorksheet("Chỉ tiêu");
  if (ts) {
    const t = submissionTable(ts);
    for (let r = t.header + 1; r <= ts.rowCount; r++) {
      const v = figure(String(ts.getCell(r, 1).value ?? ""));
      if (v !== undefined) ts.getCell(r, t.col("Ước TH")).value = v;
    }
  }
  const ks = wb.getWorksheet("Nhiệm vụ");
  if (ks) {
    const t = submissionTable(ks);
    for (let r = t.header + 1; r <= ks.rowCount; r++) {
      const code = String(ks.getCell(r, 1).value ?? "");
      if (!code) continue;
      ks.getCell(r, t.col("Trạng thái")).value = status(code);
      ks.getCell(r, t.col("Kết quả")).value = `${name}: đã triển khai`;
    }
  }
}
