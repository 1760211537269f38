/**
 * The Vietnamese catalog, one parity test over every code: each renders a sentence from sample
 * parameters of its own type, without leaked internals; every code is documented.
 * `SAMPLES` is typed by the catalog's parameter map, so a new code without a sample does not compile.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CODES, type Code, type ParamsOf, catalog, render } from "../../src/core/messages";
import { SEVERITY_LABELS, STATUS_LABELS } from "../../src/core/messages/labels";

const SAMPLES: { [C in Code]: ParamsOf<C> } = {
  "plan.invalid": { detail: "thiếu trường year" },
  "plan.not-found": {},
  "plan.unreadable": { reason: "không có quyền đọc" },
  "plan.json-syntax": { detail: "thiếu dấu phẩy", line: 3, column: 7 },
  "number.empty": { written: "" },
  "number.invalid": { written: "12a", reason: "chars" },
  "number.ambiguous": { written: "1.600", value: "1.600", alternative: "1,6" },
  "target.empty": { text: "" },
  "target.unknown-wording": { text: "phấn đấu vượt" },
  "target.bad-number": { text: "khoảng 1..2", number: "1..2" },
  "target.bad-range": { text: "8-7" },
  "target.direction-conflict": { text: "giảm còn 2%", direction: "higher" },
  "target.unit-mismatch": { text: "80%", unit: "%", expected: "người" },
  "evaluate.actual-invalid": { text: "chưa rõ" },
  "evaluate.actual-indeterminate": { text: ">70", target: ">80" },
  "evaluate.actual-kind-mismatch": { text: "giảm 1 tiêu chí", target: "khoảng 25.224" },
  "evaluate.previous-missing": { target: "tăng 5%" },
  "evaluate.ambiguous-actual": { text: "1.600", value: "1.600", alternative: "1,6", status: "đạt", otherStatus: "không đạt" },
  "evaluate.target-unreadable": { text: "phấn đấu vượt" },
  "evaluate.override-invalid": { status: "tốt" },
  "actuals.duplicate-row": { no: "3" },
  "actuals.unknown-row": { no: "99" },
  "actuals.bad-json": { detail: "Unexpected token" },
  "actuals.bad-shape": { detail: "rows phải là danh sách" },
  "actuals.missing-column": { column: "actual" },
  "actuals.bad-status": { value: "tốt" },
  "traffic.bad-count": { criterion: "số người chết", value: "-1" },
  "subrows.plan-sum": { rows: "1.1, 1.2", sum: "1.250", total: "1.250,5" },
  "subrows.actual-sum": { rows: "1.1, 1.2", sum: "1.250", total: "1.250,5" },
  "csv.encoding": {},
  "csv.encoding-vni": {},
  "csv.empty": {},
  "csv.unterminated-quote": {},
  "csv.stray-quote": {},
  "csv.not-a-plan": { header: "Họ tên, Điện thoại" },
  "csv.missing-column": { column: "target" },
  "csv.duplicate-column": { column: "name" },
  "csv.unknown-column": { column: "ghi_chu" },
  "csv.bad-no": { value: "1a" },
  "csv.bad-direction": { value: "up" },
  "csv.bad-additive": { value: "có" },
  "csv.bad-value": { value: "hmm", allowed: "có / không" },
  "csv.empty-cell": { column: "Chỉ tiêu kế hoạch" },
  "csv.year-missing": {},
  "csv.year-lent": { used: 2026 },
  "csv.heading-skipped": { value: "I" },
  "cell.error-value": { error: "#REF!", formula: "SUM(#REF!)" },
  "text.decomposed": { text: "Phấn đấu" },
  "table.not-found": { sheets: 2 },
  "table.no-figures": { columns: 1 },
  "column.unknown": { header: "Cột lạ" },
  "row.unplaced": { no: "9", name: "Chỉ tiêu lạ", nearest: "1 Tổng giá trị sản xuất" },
  "row.duplicate": { first: "B5" },
  "row.two-sheets": { kind: "target", name: "Tổng thu ngân sách", firstSheet: "Phòng 1", firstCell: "B7", sheet: "Phòng 2", cell: "B9" },
  "row.missing": { kind: "task", name: "Xây dựng nông thôn mới" },
  "row.missing-subrow": { kind: "target", name: "Ngành Công nghiệp và Xây dựng" },
  "value.missing": { column: "Ước thực hiện năm 2024" },
  "value.text-number": { written: "1.234,5", value: 1234.5 },
  "value.ambiguous": { written: "1.600", value: 1600, alternative: 1.6 },
  "value.decimal-confusion": { value: 1.72, fixed: 1720 },
  "value.percent-fraction": { value: 0.3558, fixed: 35.58 },
  "value.magnitude": { value: 0.5, reference: 25224, ratio: 0 },
  "value.out-of-range": { value: 120, why: "over-100" },
  "value.unreadable": { written: "khá" },
  "value.date": { day: 8, month: 7, typed: "8-7", alternative: "7-8" },
  "plan.differs": { written: "khoảng 25.242", plan: "khoảng 25.224" },
  "plan.mismatch": { recorded: "binh-son-2024", chosen: "xa-binh-hai-2025", title: "UBND huyện Bình Sơn" },
  "submission.other-cycle": { form: "KTXH-q1-2024-phong-y-te-huyen", book: "Quý I năm 2024", wanted: "6 tháng năm 2024" },
  "plan.sheet-own": { differs: 12, compared: 12, written: "12,5", plan: "623,17" },
  "plan.sheet-own-checked": { differs: 12, compared: 12 },
  "subrows.sum": { total: 22901.39, sum: 22801.39, difference: 100, count: 3 },
  "traffic.inconsistent": { typed: 1, derived: 2, detail: "số vụ 10 → 8, số người chết 3 → 2" },
  "task.status-missing": { allowed: "Hoàn thành, Đang thực hiện, Chưa thực hiện" },
  "task.no-statuses": { count: 33, allowed: "Hoàn thành, Đang thực hiện, Chưa thực hiện" },
  "task.status-unknown": { written: "Tạm dừng", allowed: "Hoàn thành, Đang thực hiện, Chưa thực hiện" },
  "task.status-variant": { written: "đã hoàn thành", status: "Hoàn thành" },
  "file.not-workbook": { detail: null },
  "file.old-xls": { detail: null },
  "file.encrypted": { detail: null },
  "file.corrupt": { detail: "zip" },
  "file.empty": { detail: null },
  "file.io": { detail: "EACCES" },
  "file.missing": { detail: null },
  "file.too-large": { detail: "512 MB" },
  "file.ods": { detail: null },
  "file.numbers": { detail: null },
  "file.encoding-vni": { detail: null },
  "skip.lock-file": { detail: null },
  "skip.not-spreadsheet": { detail: ".txt" },
  "skip.plan-file": { detail: "ke-hoach.csv" },
  "report.bad-task-counts": { text: "5,6,7" },
  "report.bad-task-count": { field: "Đã hoàn thành", text: "một trăm" },
  "report.task-count-missing": { field: "Đang thực hiện" },
  "report.task-counts-sum": { total: 100, done: 109, doing: 9 },
  "report.bad-date": { text: "31/02/2024" },
  "report.task-status-unknown": { code: "2.14", text: "Tạm dừng" },
  "report.task-unknown": { code: "9.9" },
  "report.bad-extras": { detail: "trường signer phải là chữ" },
  "report.workbook-unreadable": { detail: "tệp hỏng" },
  "report.workbook-no-layout": {},
  "report.period-missing": { period: "6 tháng", available: "Quý I, Năm" },
};

/** Words of the code's own vocabulary that must not reach people: enum values and internal marks. */
const RAW = [/undefined/, /NaN/, /\[object/, /\$\{/, /\b[tpn]:[\w.]+/, /#ktxh|#header|#title/, /\bover-100\b|\bnot-count\b/, /\b(chars|grouping|precision)\b/];

describe("the catalog", () => {
  test("every code renders a sentence from its sample, with nothing internal in it", () => {
    expect(CODES.length).toBe(Object.keys(SAMPLES).length);
    for (const code of CODES) {
      const text = render(code, SAMPLES[code]);
      expect({ code, empty: text.trim() === "" }).toEqual({ code, empty: false });
      expect({ code, text, ends: /[.:)!?…"]$/.test(text) }).toMatchObject({ code, ends: true });
      expect({ code, text, leaks: RAW.filter((r) => r.test(text)).map(String) }).toMatchObject({ code, leaks: [] });
      expect({ code, text, namesCode: text.includes(code) }).toMatchObject({ code, namesCode: false });
      // A parameter's name ("fixed", "otherStatus") is never printed in place of its value.
      const names = Object.keys(SAMPLES[code]).filter((k) => k.length > 3);
      expect({ code, text, names: names.filter((k) => new RegExp(`\\b${k}\\b`).test(text)) }).toMatchObject({ code, names: [] });
    }
  });

  test("every code's message is a function of the catalog itself (one home)", () => {
    for (const code of CODES) expect(typeof catalog[code]).toBe("function");
  });

  test("docs/validation-codes.md lists every code of the catalog", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/validation-codes.md"), "utf8");
    const listed = new Set([...doc.matchAll(/^\| `([a-z-]+\.[a-z0-9-]+)`/gm)].map((m) => m[1]));
    expect(CODES.filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((c) => !(CODES as string[]).includes(c))).toEqual([]);
  });

  test("severity and status words are one list, the one the docs give", () => {
    expect(SEVERITY_LABELS).toEqual({ error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" });
    expect(Object.values(STATUS_LABELS)).toEqual(["Đạt (vượt)", "Đạt", "Không đạt", "Cần xem lại", "Chưa có số liệu", "Chưa đánh giá được"]);
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/validation-codes.md"), "utf8");
    for (const w of Object.values(SEVERITY_LABELS)) expect(doc).toContain(`*${w}*`);
  });
});
