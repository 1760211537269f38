/**
 * The collection cycle's sheets as data (issue 17): the submission book sent to one recipient (a header
 * block, a targets table, a tasks table; only the input cells unlocked), the *Phân công* sheet of the
 * plan workbook (who is asked for what; the officer's edits there win), and the *Nguồn số liệu* sheet
 * of a merged book (where every merged value came from). Pure data and the pure code that fills it;
 * the ExcelJS host writes it (src/hosts/xlsx/submissions.ts), the core's one table reader reads the
 * returned books back (src/core/read-table): the headers here are the ones it knows.
 */
import type { Plan, TargetRow } from "../../core/plan";
import { type PeriodId, period as periodOf } from "../../core/periods";
import type { Assignment, Recipient } from "../../core/recipients";
import { formatRecipientList } from "../../core/recipients";
import { TRAFFIC_CRITERIA } from "../../core/row-id";
import { TRAFFIC_NAMES, trafficLabel } from "../../core/traffic-block";
import { FIGURE_VALIDATION, TASK_STATUS_VALIDATION, noteValidation } from "./styles";
import type { CellValue, DataValidation } from "./types";

export const SUBMISSION_TARGETS_SHEET = "Chỉ tiêu";
export const SUBMISSION_TASKS_SHEET = "Nhiệm vụ";
export const ASSIGN_SHEET = "Phân công";
export const SOURCES_SHEET = "Nguồn số liệu";
/** The record's entry naming what a submission book is for (layout/sheets/record.ts keeps unknown keys). */
export const SUBMISSION_KEY = "submission";

/** What a submission book's record says it is for. */
export interface SubmissionRecord {
  plan: string;
  period: PeriodId;
  recipient: string;
  recipientName: string;
  form: string;
  due: string | null;
}

export const EXPLAIN_HEADER = "Giải trình";
export const ASKED_EXPLANATION = "Cần giải trình";

/** A column of a submission table; `input` columns are unlocked, with their validation. */
export interface SubmissionColumn {
  header: string;
  width: number;
  input: boolean;
  /** Text columns are written as text ("1.1", "2.14" are codes, never numbers). */
  text: boolean;
  validation?: DataValidation;
}

export interface SubmissionTable {
  sheet: string;
  title: string;
  /** Label/value lines above the table. */
  info: [string, string][];
  hint: string;
  columns: SubmissionColumn[];
  rows: { values: CellValue[]; /** Columns to highlight as asked (an explanation wanted). */ asked: number[] }[];
}

export interface SubmissionBook {
  file: string;
  record: SubmissionRecord;
  tables: SubmissionTable[];
}

const EXPLAIN_VALIDATION: DataValidation = {
  rule: { kind: "textLength", max: 2000 },
  allowBlank: true,
  prompt: { title: "Giải trình", text: "Lý do chưa đạt kế hoạch và giải pháp trong kỳ tới (bắt buộc ở dòng ghi \"Cần giải trình\")." },
  error: { style: "warning", title: "Giải trình quá dài", text: "Nội dung dài hơn 2000 ký tự; nên rút gọn." },
};

/** "KTXH-6m-2024-phong-y-te-huyen". */
export function formCode(plan: Plan, period: PeriodId, recipient: Recipient): string {
  return `KTXH-${period}-${plan.year}-${recipient.id}`;
}

/** "2024-06-14" → "14/06/2024". */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export interface SubmissionOptions {
  period: PeriodId;
  due: string | null;
  /** Targets judged Không đạt in the last judged period: their rows ask for an explanation. */
  explain: ReadonlySet<string>;
}

/** The submission book of one recipient: what it is asked for, laid out. */
export function submissionBook(plan: Plan, recipient: Recipient, asked: { targets: TargetRow[]; tasks: Plan["tasks"] }, opts: SubmissionOptions): SubmissionBook {
  const p = periodOf(opts.period, plan.year);
  const form = formCode(plan, opts.period, recipient);
  const info: [string, string][] = [
    ["Đơn vị báo cáo", recipient.name],
    ["Đơn vị nhận", plan.unit],
    ["Kỳ báo cáo", `${p.label} năm ${plan.year}`],
    ["Số liệu", `lũy kế từ ngày 01/01/${plan.year} đến ngày ${viDate(p.cutoff)} (ngày chốt số liệu, Nghị định 09/2019/NĐ-CP)`],
    ["Hạn gửi", opts.due ? viDate(opts.due) : "theo văn bản đề nghị"],
    ["Mã phiếu", form],
  ];
  const tables: SubmissionTable[] = [];
  if (asked.targets.length) {
    const columns: SubmissionColumn[] = [
      { header: "TT", width: 6, input: false, text: true },
      { header: "Chỉ tiêu", width: 44, input: false, text: true },
      { header: "Đơn vị tính", width: 10, input: false, text: true },
      { header: `KH ${plan.year}`, width: 14, input: false, text: true },
      { header: `Ước TH ${p.id === "year" ? "năm" : p.label}`, width: 14, input: true, text: false, validation: FIGURE_VALIDATION },
      { header: "Ghi chú", width: 24, input: true, text: true, validation: noteValidation("Ghi chú", 1000) },
      { header: EXPLAIN_HEADER, width: 30, input: true, text: true, validation: EXPLAIN_VALIDATION },
    ];
    tables.push({
      sheet: SUBMISSION_TARGETS_SHEET,
      title: `PHIẾU BÁO CÁO SỐ LIỆU CHỈ TIÊU ${p.label.toUpperCase()} NĂM ${plan.year}`,
      info,
      hint: `Chỉ nhập vào các ô nền trắng: số liệu lũy kế, ghi chú; giải trình ở dòng ghi "Cần giải trình".${asked.targets.some((t) => t.criteria === "traffic-accidents") ? " Tai nạn giao thông: nhập đủ sáu số (số vụ, số người chết, số người bị thương của kỳ này và cùng kỳ năm trước)." : ""} Không sửa, thêm, xóa dòng.`,
      columns,
      rows: asked.targets.flatMap((t) => {
        const ask = opts.explain.has(t.no);
        const row = { values: [t.no, t.name, t.unit, t.target, null, null, ask ? ASKED_EXPLANATION : null] as CellValue[], asked: ask ? [6] : [] };
        // The traffic criterion is derived from six counts: whoever reports it gives them, one row each,
        // labelled as the plan book's traffic block (src/core/traffic-block.ts reads them back).
        if (t.criteria !== "traffic-accidents") return [row];
        const counts = TRAFFIC_CRITERIA.flatMap((c) => (["prev", "cur"] as const).map((side) => ({ values: [null, trafficLabel(c, side), TRAFFIC_NAMES[c].unit, null, null, null, null] as CellValue[], asked: [] })));
        return [row, ...counts];
      }),
    });
  }
  if (asked.tasks.length) {
    tables.push({
      sheet: SUBMISSION_TASKS_SHEET,
      title: `PHIẾU BÁO CÁO TIẾN ĐỘ NHIỆM VỤ, GIẢI PHÁP ${p.label.toUpperCase()} NĂM ${plan.year}`,
      info,
      hint: "Chọn trạng thái trong danh sách, ghi kết quả đạt được. Không sửa, thêm, xóa dòng.",
      columns: [
        { header: "Mã", width: 6, input: false, text: true },
        { header: "Nội dung nhiệm vụ, giải pháp", width: 60, input: false, text: true },
        { header: "Tiến độ", width: 14, input: false, text: true },
        { header: "Trạng thái", width: 16, input: true, text: true, validation: TASK_STATUS_VALIDATION },
        { header: "Kết quả / ghi chú", width: 40, input: true, text: true, validation: noteValidation("Kết quả thực hiện", 2000) },
      ],
      rows: asked.tasks.map((t) => ({ values: [t.code, t.text, t.timing, null, null], asked: [] })),
    });
  }
  return {
    file: `${recipient.id}.xlsx`,
    record: { plan: plan.id, period: opts.period, recipient: recipient.id, recipientName: recipient.name, form, due: opts.due },
    tables,
  };
}

/** Reads a record's submission entry; null when absent or malformed. */
export function readSubmissionRecord(extra: Record<string, unknown> | null | undefined): SubmissionRecord | null {
  const v = extra?.[SUBMISSION_KEY];
  if (!v || typeof v !== "object") return null;
  const r = v as Record<string, unknown>;
  if (typeof r.plan !== "string" || typeof r.period !== "string" || typeof r.recipient !== "string") return null;
  return {
    plan: r.plan, period: r.period as PeriodId, recipient: r.recipient,
    recipientName: typeof r.recipientName === "string" ? r.recipientName : r.recipient,
    form: typeof r.form === "string" ? r.form : "", due: typeof r.due === "string" ? r.due : null,
  };
}

/**
 * The *Phân công* sheet: one row per main target and per task, with what the plan says and the
 * recipients (editable). The headers name no column the table reader knows as a name, so the sheet
 * is never taken for a colleague's targets or tasks table.
 */
export const ASSIGN_COLUMNS = [
  { key: "kind", header: "Loại", width: 10 },
  { key: "ref", header: "Số", width: 7 },
  { key: "what", header: "Việc được giao", width: 50 },
  { key: "written", header: "Theo kế hoạch", width: 36 },
  { key: "recipients", header: "Giao cho (sửa được, cách nhau bởi dấu ;)", width: 50 },
] as const;
export const ASSIGN_TITLE = "PHÂN CÔNG BÁO CÁO: CHỈ TIÊU, NHIỆM VỤ VÀ ĐƠN VỊ ĐƯỢC GIAO";
export const ASSIGN_KINDS = { target: "Chỉ tiêu", task: "Nhiệm vụ" } as const;
/** Row of the header (0-based); the body follows. */
export const ASSIGN_HEADER_ROW = 2;

export function assignRows(plan: Plan, assignments: readonly Assignment[]): CellValue[][] {
  const targets = new Map(plan.targets.map((t) => [t.no, t]));
  const tasks = new Map(plan.tasks.map((t) => [t.code, t]));
  return assignments.map((a) => {
    if (a.kind === "target") {
      const t = targets.get(a.ref);
      const said = [t?.reportedBy, t?.fromCommunes ? `các xã (${t.rollup === "none" ? "không cộng" : "cộng tổng"})` : null].filter(Boolean).join("; ");
      return [ASSIGN_KINDS.target, a.ref, t?.name ?? "", said, formatRecipientList(a.recipients)];
    }
    const t = tasks.get(a.ref);
    return [ASSIGN_KINDS.task, a.ref, t?.text.slice(0, 300) ?? "", t?.lead ?? "", formatRecipientList(a.recipients)];
  });
}

/**
 * The officer's assignment read back from the sheet's rows (values as shown, 0-based): rows whose kind
 * and number name a plan row replace the plan's own line; others are left as the plan says.
 */
export function readAssignRows(rows: readonly (readonly CellValue[] | undefined)[], base: readonly Assignment[], parse: (s: string) => string[]): Assignment[] {
  const header = rows[ASSIGN_HEADER_ROW] ?? [];
  const col = (key: (typeof ASSIGN_COLUMNS)[number]["key"]): number => {
    const want = ASSIGN_COLUMNS.find((c) => c.key === key)?.header;
    const i = header.findIndex((h) => String(h ?? "").normalize("NFC").trim() === want);
    return i;
  };
  const kc = col("kind");
  const rc = col("ref");
  const pc = col("recipients");
  if (kc < 0 || rc < 0 || pc < 0) return [...base];
  const edits = new Map<string, string[]>();
  for (let r = ASSIGN_HEADER_ROW + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const kindText = String(row[kc] ?? "").normalize("NFC").trim();
    const kind = kindText === ASSIGN_KINDS.target ? "target" : kindText === ASSIGN_KINDS.task ? "task" : null;
    if (!kind) continue;
    edits.set(`${kind}:${String(row[rc] ?? "").trim()}`, parse(String(row[pc] ?? "")));
  }
  return base.map((a) => ({ ...a, recipients: edits.get(`${a.kind}:${a.ref}`) ?? a.recipients }));
}

/** One row per cell of the plan book a returned book gave a value for; every source on a line of its own. */
export const SOURCES_COLUMNS = [
  { header: "Loại", width: 12 },
  { header: "Số", width: 7 },
  { header: "Ô", width: 8 },
  { header: "Giá trị", width: 20 },
  { header: "Tình trạng", width: 22 },
  { header: "Nguồn (đơn vị — tệp — ngày nhận)", width: 80 },
] as const;
export const SOURCES_TITLE = "NGUỒN SỐ LIỆU ĐÃ TỔNG HỢP";

/** One row per conflict left for the officer: the plan book's cell, what it holds, every value given. */
export const CONFLICTS_SHEET = "Xung đột";
export const CONFLICTS_COLUMNS = [
  { header: "Loại", width: 12 },
  { header: "Số", width: 7 },
  { header: "Ô", width: 14 },
  { header: "Đang có", width: 16 },
  { header: "Các giá trị gửi về (giá trị — đơn vị — tệp)", width: 80 },
] as const;
export const CONFLICTS_TITLE = "XUNG ĐỘT SỐ LIỆU CHƯA GHI VÀO SỔ: CÁN BỘ CHỌN GIÁ TRỊ ĐÚNG";
/** Both tables' header row (0-based) under the title; the body follows. */
export const CYCLE_TABLE_HEADER_ROW = 2;
