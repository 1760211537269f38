/**
 * The tasks sheet (Nhiệm vụ): the decision's task matrix as written (code, group, text, who directs,
 * leads and co-operates, timing) and, for each reporting period the book has (as the targets sheet:
 * 6 tháng, 9 tháng, Năm …), the two columns staff fill: the status reported for that period from a list
 * and a result note. A task keeps one status per period, so the 6-month status is still there when the
 * year's is typed, and the timeliness counts can tell a late finish (../../core/task-timeliness.ts).
 * Tasks under a group ("2. Về phát triển kinh tế") follow a group heading row, as in the decision.
 *
 * Layout version 1 had one status and one result column (keys "status", "result"); a reload moves
 * them to the period the book judged (layout/merge.ts).
 */
import type { Plan } from "../../core/plan";
import { type PeriodId, type Period, listPeriods } from "../../core/periods";
import { groupId, taskId, taskResultKey, taskStatusKey } from "../../core/row-id";
import {
  BASE_FORMAT, HEADER_FORMAT, PAGE, TASK_STATUS_FORMATS, TASK_STATUS_VALIDATION, TEXT_FORMAT, noteValidation,
} from "./styles";
import type { BodyRow, ColumnSpec, HeaderGroup, SheetLayout } from "./types";

export const TASKS_LAYOUT_VERSION = 2;

/** The keys of the single status and result columns of layout version 1. */
export const LEGACY_STATUS_KEY = "status";
export const LEGACY_RESULT_KEY = "result";

export interface TasksOptions {
  /** The book's reporting periods (the targets sheet's); none: the year alone. */
  periods: readonly PeriodId[];
}

/** The periods a tasks sheet has columns for, in cut-off order. */
export function taskPeriods(plan: Plan, opts: TasksOptions): Period[] {
  const list = listPeriods(plan.year, opts.periods);
  return list.length ? list : listPeriods(plan.year, ["year"]);
}

/** The header over a period's pair of columns: the period's label ("6 tháng"); the year's is "Cả năm". */
export function taskPeriodHeader(p: Period): string {
  return p.id === "year" ? "Cả năm" : p.label;
}

function columns(periods: readonly Period[]): ColumnSpec[] {
  const text = { numberFormat: TEXT_FORMAT, hAlign: "left" as const };
  return [
    { key: "code", header: "Mã", width: 6, role: "plan", format: { numberFormat: TEXT_FORMAT, hAlign: "center" } },
    { key: "group", header: "Nhóm", width: 14, role: "plan", format: text },
    { key: "text", header: "Nội dung nhiệm vụ, giải pháp", width: 46, role: "plan", format: { ...text, hAlign: "justify" } },
    { key: "directs", header: "Chỉ đạo thực hiện", width: 11, role: "plan", format: text },
    { key: "lead", header: "Cơ quan chủ trì", width: 15, role: "plan", format: text },
    { key: "partners", header: "Cơ quan phối hợp", width: 15, role: "plan", format: text },
    { key: "timing", header: "Tiến độ", width: 12, role: "plan", format: text },
    ...periods.flatMap((p): ColumnSpec[] => [
      {
        key: taskStatusKey(p.id), header: "Trạng thái", width: 12, role: "input",
        format: { numberFormat: TEXT_FORMAT, hAlign: "center", locked: false },
        validation: TASK_STATUS_VALIDATION, conditional: TASK_STATUS_FORMATS,
      },
      {
        key: taskResultKey(p.id), header: "Kết quả / ghi chú", width: 17, role: "input",
        format: { ...text, locked: false }, validation: noteValidation("Kết quả thực hiện", 2000),
      },
    ]),
    { key: "id", header: "Mã dòng", width: 10, role: "identity", hidden: true, format: { numberFormat: TEXT_FORMAT } },
  ];
}

export function tasksLayout(plan: Plan, opts: TasksOptions): SheetLayout {
  const periods = taskPeriods(plan, opts);
  const groups: HeaderGroup[] = periods.map((p) => ({ row: 0, text: taskPeriodHeader(p), from: taskStatusKey(p.id), to: taskResultKey(p.id) }));
  return {
    id: "tasks",
    version: TASKS_LAYOUT_VERSION,
    name: "Nhiệm vụ",
    baseFormat: { ...BASE_FORMAT, vAlign: "top" },
    titles: [`THEO DÕI THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM ${plan.year}`],
    subtitle: `${plan.unit} — ${plan.source.document}`,
    headerRows: 2,
    groups,
    headerInputs: [],
    columns: columns(periods),
    rowFormats: {
      title: { font: { bold: true, size: 14 }, hAlign: "center", vAlign: "middle", wrap: false },
      subtitle: { font: { italic: true }, hAlign: "center", vAlign: "middle", wrap: false },
      header: HEADER_FORMAT,
      group: { border: "thin", font: { bold: true }, fill: "F2F2F2" },
      task: { border: "thin" },
      "dropped-heading": { border: "thin", font: { bold: true, italic: true }, fill: "FCE4D6" },
      dropped: { border: "thin", font: { color: "7F7F7F" } },
      user: { border: "thin" },
    },
    rowHeights: { title: 22, subtitle: 18, blank: 8 },
    labelColumn: "text",
    indentKinds: {},
    frozenColumns: 1,
    page: PAGE,
  };
}

/** "2.14" → "2": the group heading number a task stands under. */
function groupCode(code: string): string | null {
  const i = code.indexOf(".");
  return i > 0 ? code.slice(0, i) : null;
}

export function tasksBody(plan: Plan): BodyRow[] {
  const rows: BodyRow[] = [];
  let lastGroup: string | null = null;
  for (const t of plan.tasks) {
    if (t.group && t.group !== lastGroup) {
      const code = groupCode(t.code) ?? t.group;
      rows.push({ kind: "group", id: groupId(code), values: { code: groupCode(t.code), text: t.group } });
    }
    lastGroup = t.group;
    rows.push({
      kind: "task",
      id: taskId(t.code),
      values: {
        code: t.code, group: t.group, text: t.text, directs: t.directs,
        lead: t.lead, partners: t.partners, timing: t.timing,
      },
    });
  }
  return rows;
}
