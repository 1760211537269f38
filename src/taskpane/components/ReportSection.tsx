import { Button } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ReportTasks } from "../../contract/operations";
import { isPeriodId, period as periodInfo } from "../../core/periods";
import type { ReportFieldKey } from "../../core/report/fields";
import { REPORT_FIELD_LABELS, STRINGS } from "../strings";
import type { ToolsActions, ToolsState } from "../useTools";
import { CONFIRM_MS, Notice } from "./Notice";

const HINTS: Partial<Record<ReportFieldKey, string>> = {
  number: STRINGS.reportNumberHint,
  date: STRINGS.reportDateHint,
  signerTitle: STRINGS.reportTitleHint,
};

/** One field: its label, the hint and, when it is wrong, the core's message under it. */
function Field({ k, t, act, disabled, numeric }: { k: ReportFieldKey; t: ToolsState; act: ToolsActions; disabled: boolean; numeric?: boolean }) {
  const id = `ktxh-report-${k}`;
  const error = t.fieldErrors[k];
  const hint = HINTS[k];
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ktxh-field">
      <label className="ktxh-label" htmlFor={id}>{REPORT_FIELD_LABELS[k]}</label>
      <input
        id={id}
        type="text"
        className="ktxh-search"
        value={t.fields[k]}
        disabled={disabled}
        autoComplete="off"
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => act.setField(k, e.currentTarget.value)}
        data-focus={`report-field-${k}`}
        data-testid={`report-field-${k}`}
      />
      {hint && <span id={`${id}-hint`} className="ktxh-caption1 ktxh-muted">{hint}</span>}
      {error && <span id={`${id}-error`} className="ktxh-caption1 ktxh-field-error" data-testid={`report-error-${k}`}>{error}</span>}
    </div>
  );
}

/** What the book keeps, said in the closed summary: "Đã lưu: số 783, Nguyễn Văn An". */
function savedText(t: ToolsState): string | null {
  const f = t.kept;
  if (!f) return null;
  const parts = [f.number && `số ${f.number}`, f.signer, f.tasksTotal && `${f.tasksTotal} nhiệm vụ`].filter(Boolean);
  return parts.length ? STRINGS.reportFieldsSaved(parts.join(", ")) : null;
}

/** Whether this webview can print the pane (some embedded webviews have no print at all). */
export const canPrint = (): boolean => typeof window !== "undefined" && typeof window.print === "function";

/**
 * The report as printed: the same HTML as the Word copy (the core's, escaped there), shown only on
 * paper (the print stylesheet hides the rest of the pane); printed once each time it is asked for.
 */
function PrintView({ print }: { print: { html: string; at: number } }) {
  useEffect(() => {
    if (canPrint()) window.print();
  }, [print.at]);
  return <div className="ktxh-print" data-testid="print-view" aria-hidden="true" dangerouslySetInnerHTML={{ __html: print.html }} />;
}

/** "Tạo báo cáo", "Sao chép bảng" and "In" for the period chosen above. */
export function ReportSection({ t, act, enabled, periodLabel }: { t: ToolsState; act: ToolsActions; enabled: boolean; periodLabel: string }) {
  const disabled = !enabled || t.busy !== null;
  const r = t.report;
  const [open, setOpen] = useState(false);
  // A wrong field is shown: the fields open with its message under it.
  const wrong = Object.keys(t.fieldErrors).length > 0;
  const saved = savedText(t);
  return (
    <section className="ktxh-section" aria-labelledby="ktxh-report" data-testid="report">
      <h2 id="ktxh-report" className="ktxh-subtitle2 ktxh-heading" data-focus="section-report" tabIndex={-1}>{STRINGS.reportLabel}</h2>
      <span className="ktxh-caption1 ktxh-muted">{STRINGS.reportHint(periodLabel)}</span>
      <details className="ktxh-fields" open={open || wrong} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="report-fields">
        <summary className="ktxh-body1">
          {STRINGS.reportFields}
          {saved && <span className="ktxh-caption1 ktxh-muted ktxh-wrap"> · {saved}</span>}
          {t.keepPrevious && <span className="ktxh-caption1 ktxh-muted ktxh-wrap" data-testid="report-keep-on"> · {STRINGS.reportKeepOn}</span>}
        </summary>
        <div className="ktxh-fields-body">
          <span className="ktxh-caption1 ktxh-muted">{STRINGS.reportFieldsHint}</span>
          <Field k="number" t={t} act={act} disabled={disabled} />
          <Field k="date" t={t} act={act} disabled={disabled} />
          <Field k="to" t={t} act={act} disabled={disabled} />
          <Field k="signer" t={t} act={act} disabled={disabled} />
          <Field k="signerTitle" t={t} act={act} disabled={disabled} />
          <fieldset className="ktxh-fieldset">
            <legend className="ktxh-label">{STRINGS.reportTasks}</legend>
            <div className="ktxh-filter">
              <Field k="tasksTotal" t={t} act={act} disabled={disabled} numeric />
              <Field k="tasksDone" t={t} act={act} disabled={disabled} numeric />
              <Field k="tasksDoing" t={t} act={act} disabled={disabled} numeric />
            </div>
            <span className="ktxh-caption1 ktxh-muted">{STRINGS.reportTasksHint}</span>
          </fieldset>
          <label className="ktxh-check">
            <input type="checkbox" checked={t.keepPrevious} disabled={disabled} onChange={(e) => act.setKeepPrevious(e.currentTarget.checked)} data-testid="report-keep" />
            <span className="ktxh-body1">{STRINGS.reportKeep}</span>
          </label>
        </div>
      </details>
      {/* Four actions on one line at 450 px: each button as wide as its words ("In" no wider than it needs). */}
      <div className="ktxh-row ktxh-compact">
        <Button appearance="primary" disabled={disabled} onClick={act.buildReport}>{STRINGS.reportBuild}</Button>
        <Button disabled={disabled} onPointerEnter={act.prepareCopy} onFocus={act.prepareCopy} onPointerDown={act.prepareCopy} onClick={act.copyTable}>
          {STRINGS.reportCopy}
        </Button>
        {t.reportSheet && <Button disabled={!enabled} onClick={act.openReport}>{STRINGS.reportOpen}</Button>}
        {t.reportSheet && canPrint() && <Button disabled={disabled} onClick={act.printReport}>{STRINGS.reportPrint}</Button>}
      </div>
      {t.error?.tool === "report" && (
        <Notice
          intent="error"
          title={STRINGS.errorTitle}
          testId="report-error"
          action={<Button size="small" onClick={act.dismissError}>{STRINGS.dismiss}</Button>}
        >
          {t.error.text}
        </Notice>
      )}
      {(t.busy === "report" || t.busy === "copy" || t.busy === "print") && (
        <div className="ktxh-busy" role="status" data-testid="report-busy">
          <span className="ktxh-spin" aria-hidden="true" />
          {t.busy === "report" ? STRINGS.reportBuilding : t.busy === "print" ? STRINGS.reportPrinting : STRINGS.reportCopying}
        </div>
      )}
      {r && (
        <Notice intent="success" testId="report-outcome" onDismiss={() => act.dismissNotice("report")} timeoutMs={r.notices.length ? undefined : CONFIRM_MS}>
          {r.message}
          {r.notices.length > 0 && (
            <ul className="ktxh-bullets" data-testid="report-notices">
              {r.notices.map((n) => <li key={n.code}>{n.text}</li>)}
            </ul>
          )}
        </Notice>
      )}
      {r && r.warnings.length > 0 && (
        <Notice intent="warning" title={STRINGS.reportWarnings} testId="report-warnings">
          <ul className="ktxh-bullets">
            {r.warnings.map((w, i) => <li key={i}>{w}</li>)}
          </ul>
        </Notice>
      )}
      {t.reportTasks && <TaskCounts tasks={t.reportTasks} />}
      {t.copy && (
        <Notice intent={t.copy.intent} testId="copy-outcome" onDismiss={() => act.dismissNotice("copy")} timeoutMs={t.copy.intent === "success" ? CONFIRM_MS : undefined}>{t.copy.text}</Notice>
      )}
      {t.print && <PrintView print={t.print} />}
    </section>
  );
}

/**
 * The tasks of the last report's period: the counts its table by lead office totals, timeliness
 * included (done on time, late, open within the deadline, overdue), under the report's own headers.
 */
function TaskCounts({ tasks }: { tasks: ReportTasks }) {
  const label = isPeriodId(tasks.period) ? periodInfo(tasks.period, 2000).label : tasks.period;
  return (
    <div className="ktxh-task-counts" data-testid="report-tasks" role="group" aria-labelledby="ktxh-report-tasks">
      <h3 id="ktxh-report-tasks" className="ktxh-body1 ktxh-group-title ktxh-heading">{STRINGS.reportTasksTitle(label)}</h3>
      <ul className="ktxh-counts">
        {tasks.counts.map((c) => (
          <li key={c.key} className="ktxh-tile" data-key={c.key} data-count={c.count}>
            <span className="ktxh-mark ktxh-mark-count ktxh-task-count">{c.count}</span>
            <span className="ktxh-caption1 ktxh-tile-label">{c.header}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
