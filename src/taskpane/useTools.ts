/**
 * The pane's two tools besides live judgment: "Kiểm tra số liệu" (validate the workbook, list and
 * mark the problems, apply the fixes the user accepts) and the report ("Tạo báo cáo", "Sao chép
 * bảng"). Like usePane, every host call goes through `PaneOperations` and every failure ends as a
 * message in the pane. Validation never edits a figure: only an accepted fix writes.
 */
import type { ConfirmQuestion } from "./components/ConfirmDialog";
import { useCallback, useEffect, useRef, useState } from "react";
import { EMPTY_REPORT_FIELDS, type ReportFieldKey, type ReportFields, readReportFields } from "../core/report/fields";
import { message } from "../core/messages";
import { HIDDEN_CHANGE_LABELS } from "../core/messages/labels";
import { ClipboardRefused, clipboardWriter, copyNow } from "./clipboard";
import { formatNumber } from "../core/numbers";
import type { CellRead, CheckSummary, CheckedIssue, FixToApply, PaneOperations, PeriodCode, ReportSheetOutcome, ReportTasks, UndoInfo, UndoOutcome, WorkbookCheck } from "../contract/operations";
import type { FocusRequest } from "./focus";
import { STRINGS } from "./strings";

export type ToolBusy = "check" | "fix" | "clear" | "undo" | "report" | "copy" | "print" | null;

export interface ToolMessage {
  intent: "success" | "warning";
  text: string;
}

export interface ToolsState {
  busy: ToolBusy;
  /** The last failure, shown in the section of the tool that failed. */
  error: { tool: "check" | "report"; text: string } | null;
  mark: boolean;
  issuesSheet: boolean;
  check: WorkbookCheck | null;
  /** The last check read sheets that carry their own plan against that plan ("Kiểm tra theo kế hoạch của trang"). */
  ownPlans: boolean;
  /** What the last fix or unmarking did. */
  checkMessage: string | null;
  keepPrevious: boolean;
  report: ReportSheetOutcome | null;
  /** The sheet the last report was written to ("Mở báo cáo" selects it), kept after its notice closes. */
  reportSheet: string | null;
  /** The last report's task counts at its period end (timeliness included), kept after its notice closes; null while another period is chosen. */
  reportTasks: ReportTasks | null;
  copy: ToolMessage | null;
  /** "In": the report (title, unit, date, table) laid out for the browser's print, and when it was asked. */
  print: { html: string; at: number } | null;
  confirm: ConfirmQuestion | null;
  /** The document's fields as typed (number, date, addressee, signer, task counts). */
  fields: ReportFields;
  /** The fields as the book's record keeps them (from the last report made in it); null: none kept. */
  kept: ReportFields | null;
  /** What is wrong with a field, in Vietnamese, found when Tạo báo cáo was pressed. */
  fieldErrors: Partial<Record<ReportFieldKey, string>>;
  /** What "Hoàn tác" would undo now (from the book's history), or null. */
  undo: UndoInfo | null;
  /** What the last "Hoàn tác" did: a sentence and the cells left as they were. */
  undone: (ToolMessage & { lines: string[] }) | null;
}

export interface ToolsActions {
  setMark(on: boolean): void;
  setIssuesSheet(on: boolean): void;
  setKeepPrevious(on: boolean): void;
  setField(key: ReportFieldKey, value: string): void;
  runCheck(): void;
  /** Checks again, each sheet that carries its own plan against that plan. */
  checkOwnPlans(): void;
  fix(issue: CheckedIssue): void;
  fixAll(): void;
  clearMarks(): void;
  /** "Hoàn tác": the last fix or reload. */
  undoLast(): void;
  /** Asks the host what "Hoàn tác" would undo (after the pane opens and after a load). */
  refreshUndo(): void;
  select(issue: CheckedIssue): void;
  buildReport(): void;
  /** "Mở báo cáo": selects the report sheet in Excel. */
  openReport(): void;
  copyTable(): void;
  /** "In": the report view printed (the report sheet selected in Excel too, for Excel's own print). */
  printReport(): void;
  /** Readies the table for a copy made inside the click (on pointing at or focusing the button). */
  prepareCopy(): void;
  dismissError(): void;
  /** Closes a tool's confirmation (a fix's or an unmarking's, a report's, a copy's). */
  dismissNotice(which: "check" | "report" | "copy" | "undo"): void;
}

function errorText(err: unknown): string {
  return err instanceof Error && err.message ? err.message : STRINGS.unexpected;
}

/** A cell's content as the officer sees it: numbers in vi-VN form, text as typed, an empty cell said so. */
export function shownValue(v: CellRead): string {
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v === "" ? STRINGS.emptyCell : v;
}

/** A time of the history as the officer reads it: "08:00 ngày 15/07/2024" (the machine's time zone). */
export function shownTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** What the pane says of an undo: how many cells were put back, and each cell left as it is, why. */
export function undoneMessage(r: UndoOutcome): ToolMessage & { lines: string[] } {
  if (!r.step) return { intent: "warning", text: STRINGS.undoNothing, lines: [] };
  const lines = r.skipped.map((s) => STRINGS.undoSkip(STRINGS.undoWhere(s.sheet, s.cell, s.target), s.reason, s.now == null || s.now === "" ? STRINGS.emptyCell : shownValue(s.now)));
  return { intent: r.skipped.length ? "warning" : "success", text: STRINGS.undoDone(r.restored.length) + (lines.length ? ` ${STRINGS.undoSkipped(lines.length)}` : ""), lines };
}

/** What the cell to fix shows now: the check's reading of it (a date as dd/mm/yyyy), else its value. */
function wasShown(i: CheckedIssue, was: CellRead): string {
  if (i.wasText === null || i.wasText === undefined) return shownValue(was);
  return i.wasText === "" ? STRINGS.emptyCell : i.wasText;
}

/** The fixes a check proposes, one per cell. */
export function proposedFixes(check: WorkbookCheck | null): FixToApply[] {
  if (!check) return [];
  return check.sheets.flatMap((s) => s.issues).flatMap((i) => (i.apply ? [i.apply] : []));
}

/** `onSummary`: the judgement the host made of the target rows a fix touched (the pane's counts). */
/**
 * `saved`: the report fields the book's record keeps (from the last report made in it); the fields
 * start from them until the user types.
 */
export function useTools(
  ops: PaneOperations | null,
  period: PeriodCode,
  onSummary?: (s: CheckSummary) => void,
  focus: FocusRequest = () => undefined,
  saved: ReportFields | null = null,
): [ToolsState, ToolsActions] {
  const [busy, setBusy] = useState<ToolBusy>(null);
  const [error, setError] = useState<ToolsState["error"]>(null);
  const [mark, setMark] = useState(true);
  const [issuesSheet, setIssuesSheet] = useState(false);
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [ownPlans, setOwnPlans] = useState(false);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const [keepPrevious, setKeepPrevious] = useState(false);
  const [report, setReport] = useState<ReportSheetOutcome | null>(null);
  const [reportSheet, setReportSheet] = useState<string | null>(null);
  const [reportTasks, setReportTasks] = useState<ReportTasks | null>(null);
  const [copy, setCopy] = useState<ToolMessage | null>(null);
  const [confirm, setConfirm] = useState<ConfirmQuestion | null>(null);
  const [fields, setFields] = useState<ReportFields>(saved ?? EMPTY_REPORT_FIELDS);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ReportFieldKey, string>>>({});
  const [kept, setKept] = useState<ReportFields | null>(saved);
  const typed = useRef(false);
  useEffect(() => {
    if (saved) setKept(saved);
    if (saved && !typed.current) setFields(saved);
  }, [saved]);
  const setField = useCallback((key: ReportFieldKey, value: string) => {
    typed.current = true;
    setFields((f) => ({ ...f, [key]: value }));
    setFieldErrors((e) => {
      if (!(key in e)) return e;
      const rest = { ...e };
      delete rest[key];
      return rest;
    });
  }, []);
  const [undo, setUndo] = useState<UndoInfo | null>(null);
  const [undone, setUndone] = useState<ToolsState["undone"]>(null);

  // A failure to read the history only hides the button: the action it offers is not there to take.
  const refreshUndo = useCallback(() => {
    if (ops) ops.lastUndo().then(setUndo, () => setUndo(null));
  }, [ops]);
  const [print, setPrint] = useState<ToolsState["print"]>(null);

  /** Runs one tool at a time; its failure is shown, never thrown. */
  // Focus then lands on the tool's result, or on its error.
  const start = useCallback(
    (what: Exclude<ToolBusy, null>, job: (o: PaneOperations) => Promise<string | void>) => {
      if (!ops) return;
      setBusy(what);
      setError(null);
      const tool = what === "report" || what === "copy" || what === "print" ? "report" : "check";
      // The error and the end of busy are set together, so they show in one render.
      job(ops).then(
        (target) => {
          setBusy(null);
          if (target) focus(target);
        },
        (err: unknown) => {
          setError({ tool, text: errorText(err) });
          setBusy(null);
          focus(`${tool}-error`);
        },
      );
    },
    [ops, focus],
  );

  // After a fix the workbook is checked again with the options the user chose.
  const recheck = (o: PaneOperations, own = ownPlans) => o.checkWorkbook({ mark, issuesSheet, ownPlans: own });

  const runCheckWith = (own: boolean) =>
    start("check", async (o) => {
      setCheckMessage(null);
      setOwnPlans(own);
      setCheck(await recheck(o, own));
      return "check-results";
    });
  const runCheck = () => runCheckWith(false);

  const applyAndRecheck = async (o: PaneOperations, fixes: FixToApply[]) => {
    const r = await o.applyFixes(fixes);
    if (r.summary) onSummary?.(r.summary);
    setUndone(null);
    setCheck(await recheck(o));
    setCheckMessage(STRINGS.checkFixed(r.applied.length, r.skipped.length));
    setUndo(await o.lastUndo().catch(() => null));
    return "check-outcome";
  };

  const undoLast = () =>
    start("undo", async (o) => {
      setCheckMessage(null);
      const r = await o.undoLast();
      if (r.summary) onSummary?.(r.summary);
      setUndo(r.next);
      // The list of problems was made before the undo: checked again, as after a fix.
      if (check) setCheck(await recheck(o));
      setUndone(undoneMessage(r));
      return "undo-outcome";
    });

  const fix = (issue: CheckedIssue) => {
    const apply = issue.apply;
    if (apply) start("fix", (o) => applyAndRecheck(o, [apply]));
  };

  const fixAll = () => {
    const fixes = proposedFixes(check);
    if (!fixes.length) return;
    // Every cell with what it holds now and what it would hold: "Trang …, ô F9: 1,72 → 1.720".
    const where = check
      ? check.sheets.flatMap((s) => s.issues).flatMap((i) => (i.apply ? [STRINGS.checkFixChange(i.where, wasShown(i, i.apply.was), i.fixText ?? String(i.apply.value), i.hiddenChange ? HIDDEN_CHANGE_LABELS[i.hiddenChange] : null)] : []))
      : [];
    setConfirm({
      title: STRINGS.checkFixAllTitle,
      body: STRINGS.checkFixAllBody(fixes.length),
      items: where,
      confirm: STRINGS.checkFixAllConfirm,
      cancel: STRINGS.checkFixAllCancel,
      answer: (go) => {
        setConfirm(null);
        if (go) start("fix", (o) => applyAndRecheck(o, fixes));
      },
    });
  };

  const clearMarks = () =>
    start("clear", async (o) => {
      const r = await o.clearMarks();
      setCheckMessage(STRINGS.checkCleared(r.cleared));
      return "check-outcome";
    });

  const select = useCallback(
    (issue: CheckedIssue) => {
      const { sheet, cell } = issue.location;
      if (!ops || !sheet || !cell) return;
      ops.select(sheet, cell).catch((err: unknown) => setError({ tool: "check", text: errorText(err) }));
    },
    [ops],
  );

  const buildReport = () => {
    // The fields are read by the core before anything is asked of Excel: a wrong one is said at the field.
    const read = readReportFields(fields);
    if (read.problems.length) {
      const errors: Partial<Record<ReportFieldKey, string>> = {};
      for (const p of read.problems) errors[p.field] ??= message(p.problem);
      setFieldErrors(errors);
      focus(`report-field-${read.problems[0].field}`);
      return;
    }
    setFieldErrors({});
    start("report", async (o) => {
      setCopy(null);
      const sent = fields;
      const r = await o.buildReport(period, keepPrevious, sent);
      if (r.fieldsSaved) setKept(sent);
      setReport(r);
      setReportSheet(r.sheet);
      setReportTasks(r.tasks ?? null);
      return "report-outcome";
    });
  };

  /**
   * The table prepared before the click: a clipboard write must happen inside the click (Safari) or
   * through a copy event (Excel on the web), which an Excel round trip in between would spoil. A
   * preparation is used for a few seconds only: figures typed since then are read on the next one.
   */
  type Table = { html: string; text: string; rows: number };
  type Prepared = { period: PeriodCode; fields: ReportFields | undefined; at: number; table: Table | null };
  const prepared = useRef<Prepared | null>(null);
  const PREPARED_FOR_MS = 15000;
  // The copy carries the fields when they read (the task counts give its task sentence); else none.
  const copyFields = readReportFields(fields).problems.length ? undefined : fields;
  const prepareCopy = useCallback(() => {
    if (!ops) return;
    const p = prepared.current;
    if (p && p.period === period && p.fields === copyFields && Date.now() - p.at < PREPARED_FOR_MS / 3) return;
    const entry: Prepared = { period, fields: copyFields, at: Date.now(), table: null };
    prepared.current = entry;
    let html = "";
    let text = "";
    ops
      .copyReportTable(
        period,
        async (h, t) => {
          html = h;
          text = t;
        },
        copyFields,
      )
      .then((r) => (entry.table = { html, text, rows: r.rows }))
      .catch(() => undefined);
  }, [ops, period, copyFields]);

  const copyTable = () => {
    const p = prepared.current;
    const table = p && p.period === period && p.fields === copyFields && Date.now() - p.at < PREPARED_FOR_MS ? p.table : null;
    // Prepared: the clipboard is written now, inside the click, before any await.
    const written = table ? copyNow(table.html, table.text) : null;
    return start("copy", async (o) => {
      setCopy(null);
      if (written && table) {
        try {
          await written;
        } catch (err) {
          throw err instanceof ClipboardRefused ? new Error(STRINGS.clipboardRefused) : err;
        }
        setCopy({ intent: "success", text: STRINGS.reportCopied(table.rows) });
        return "copy-outcome";
      }
      await copyAfterRead(o);
      return "copy-outcome";
    });
  };

  /** Not prepared (clicked before the table was read): read it, then write as the browser allows. */
  const copyAfterRead = async (o: PaneOperations) => {
    const clip = clipboardWriter();
    try {
      const r = await o.copyReportTable(period, clip.write, copyFields);
      setCopy({
        intent: clip.copied() === "text" ? "warning" : "success",
        text: clip.copied() === "text" ? STRINGS.reportCopiedText(r.rows) : STRINGS.reportCopied(r.rows),
      });
    } catch (err) {
      // The host may pass the writer's failure on as is or wrapped: the writer knows it refused.
      throw clip.refused() ? new Error(STRINGS.clipboardRefused) : err;
    }
  };

  const printReport = () =>
    start("print", async (o) => {
      let html = "";
      await o.copyReportTable(
        period,
        async (h) => {
          html = h;
        },
        copyFields,
      );
      if (reportSheet) await o.select(reportSheet, "A1").catch(() => undefined);
      setPrint({ html, at: Date.now() });
    });

  return [
    // The task counts shown are the chosen period's: another period's stay out of sight until it is chosen again.
    { busy, error, mark, issuesSheet, check, ownPlans, checkMessage, keepPrevious, report, reportSheet, reportTasks: reportTasks?.period === period ? reportTasks : null, copy, print, confirm, fields, kept, fieldErrors, undo, undone },
    {
      setMark,
      setIssuesSheet,
      setKeepPrevious,
      setField,
      runCheck,
      checkOwnPlans: () => runCheckWith(true),
      fix,
      fixAll,
      clearMarks,
      undoLast,
      refreshUndo,
      select,
      buildReport,
      openReport: () => {
        if (ops && reportSheet) ops.select(reportSheet, "A1").catch((err: unknown) => setError({ tool: "report", text: errorText(err) }));
      },
      copyTable,
      printReport,
      prepareCopy,
      dismissError: () => setError(null),
      dismissNotice: (which) => (which === "check" ? setCheckMessage(null) : which === "undo" ? setUndone(null) : which === "report" ? setReport(null) : setCopy(null)),
    },
  ];
}

