/**
 * The pane's two tools besides live judgment: "Kiểm tra số liệu" (validate the workbook, list and
 * mark the problems, apply the fixes the user accepts) and the report ("Tạo báo cáo", "Sao chép
 * bảng"). Like usePane, every host call goes through `PaneOperations` and every failure ends as a
 * message in the pane. Validation never edits a figure: only an accepted fix writes.
 */
import type { ConfirmQuestion } from "./components/ConfirmDialog";
import { useCallback, useState } from "react";
import { clipboardWriter } from "./clipboard";
import type { CheckSummary, CheckedIssue, FixToApply, PaneOperations, PeriodCode, ReportSheetOutcome, WorkbookCheck } from "../contract/operations";
import { STRINGS } from "./strings";

export type ToolBusy = "check" | "fix" | "clear" | "report" | "copy" | null;

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
  /** What the last fix or unmarking did. */
  checkMessage: string | null;
  keepPrevious: boolean;
  report: ReportSheetOutcome | null;
  copy: ToolMessage | null;
  confirm: ConfirmQuestion | null;
}

export interface ToolsActions {
  setMark(on: boolean): void;
  setIssuesSheet(on: boolean): void;
  setKeepPrevious(on: boolean): void;
  runCheck(): void;
  fix(issue: CheckedIssue): void;
  fixAll(): void;
  clearMarks(): void;
  select(issue: CheckedIssue): void;
  buildReport(): void;
  copyTable(): void;
  dismissError(): void;
}

function errorText(err: unknown): string {
  return err instanceof Error && err.message ? err.message : STRINGS.unexpected;
}

/** The fixes a check proposes, one per cell. */
export function proposedFixes(check: WorkbookCheck | null): FixToApply[] {
  if (!check) return [];
  return check.sheets.flatMap((s) => s.issues).flatMap((i) => (i.apply ? [i.apply] : []));
}

/** `onSummary`: the judgement the host made of the target rows a fix touched (the pane's counts). */
export function useTools(ops: PaneOperations | null, period: PeriodCode, onSummary?: (s: CheckSummary) => void): [ToolsState, ToolsActions] {
  const [busy, setBusy] = useState<ToolBusy>(null);
  const [error, setError] = useState<ToolsState["error"]>(null);
  const [mark, setMark] = useState(true);
  const [issuesSheet, setIssuesSheet] = useState(false);
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const [keepPrevious, setKeepPrevious] = useState(false);
  const [report, setReport] = useState<ReportSheetOutcome | null>(null);
  const [copy, setCopy] = useState<ToolMessage | null>(null);
  const [confirm, setConfirm] = useState<ConfirmQuestion | null>(null);

  /** Runs one tool at a time; its failure is shown, never thrown. */
  const start = useCallback(
    (what: Exclude<ToolBusy, null>, job: (o: PaneOperations) => Promise<void>) => {
      if (!ops) return;
      setBusy(what);
      setError(null);
      // The error and the end of busy are set together, so they show in one render.
      job(ops).then(
        () => setBusy(null),
        (err: unknown) => {
          setError({ tool: what === "report" || what === "copy" ? "report" : "check", text: errorText(err) });
          setBusy(null);
        },
      );
    },
    [ops],
  );

  // After a fix the workbook is checked again with the options the user chose.
  const recheck = (o: PaneOperations) => o.checkWorkbook({ mark, issuesSheet });

  const runCheck = () =>
    start("check", async (o) => {
      setCheckMessage(null);
      setCheck(await recheck(o));
    });

  const applyAndRecheck = async (o: PaneOperations, fixes: FixToApply[]) => {
    const r = await o.applyFixes(fixes);
    if (r.summary) onSummary?.(r.summary);
    setCheck(await recheck(o));
    setCheckMessage(STRINGS.checkFixed(r.applied.length, r.skipped.length));
  };

  const fix = (issue: CheckedIssue) => {
    const apply = issue.apply;
    if (apply) start("fix", (o) => applyAndRecheck(o, [apply]));
  };

  const fixAll = () => {
    const fixes = proposedFixes(check);
    if (!fixes.length) return;
    const where = check ? check.sheets.flatMap((s) => s.issues).filter((i) => i.apply).map((i) => `${i.where}: ${i.fixText ?? ""}`) : [];
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
    });

  const select = useCallback(
    (issue: CheckedIssue) => {
      const { sheet, cell } = issue.location;
      if (!ops || !sheet || !cell) return;
      ops.select(sheet, cell).catch((err: unknown) => setError({ tool: "check", text: errorText(err) }));
    },
    [ops],
  );

  const buildReport = () =>
    start("report", async (o) => {
      setCopy(null);
      setReport(await o.buildReport(period, keepPrevious));
    });

  const copyTable = () =>
    start("copy", async (o) => {
      setCopy(null);
      const clip = clipboardWriter();
      try {
        const r = await o.copyReportTable(period, clip.write);
        setCopy({
          intent: clip.copied() === "text" ? "warning" : "success",
          text: clip.copied() === "text" ? STRINGS.reportCopiedText(r.rows) : STRINGS.reportCopied(r.rows),
        });
      } catch (err) {
        // The host may pass the writer's failure on as is or wrapped: the writer knows it refused.
        throw clip.refused() ? new Error(STRINGS.clipboardRefused) : err;
      }
    });

  return [
    { busy, error, mark, issuesSheet, check, checkMessage, keepPrevious, report, copy, confirm },
    {
      setMark,
      setIssuesSheet,
      setKeepPrevious,
      runCheck,
      fix,
      fixAll,
      clearMarks,
      select,
      buildReport,
      copyTable,
      dismissError: () => setError(null),
    },
  ];
}

