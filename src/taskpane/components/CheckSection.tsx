import { Button } from "@fluentui/react-components";
import type { Severity } from "../../core/problems";
import type { CheckedIssue, WorkbookCheck } from "../../contract/operations";
import { HIDDEN_CHANGE_LABELS, moreRowsText } from "../../core/messages/labels";
import { groupRepeated } from "../../core/validate/group";
import { SEVERITY_LABELS, STRINGS } from "../strings";
import type { ToolsActions, ToolsState } from "../useTools";
import { proposedFixes, shownTime } from "../useTools";
import { CONFIRM_MS, Notice } from "./Notice";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Severity as a tinted tag with its word: colour is never the only signal. */
function SeverityTag({ severity }: { severity: Severity }) {
  return <span className={`ktxh-mark ktxh-mark-tag ktxh-sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

function IssueRow({ issue, disabled, act }: { issue: CheckedIssue; disabled: boolean; act: ToolsActions }) {
  const { sheet, cell } = issue.location;
  const body = (
    <>
      <span className="ktxh-item-head">
        <span className="ktxh-item-no ktxh-wrap">{issue.where}</span>
        <SeverityTag severity={issue.severity} />
      </span>
      <span className="ktxh-wrap">{issue.message}</span>
      {issue.fixText !== null && <span className="ktxh-caption1 ktxh-item-reason">{STRINGS.checkFixProposed(issue.fixText, issue.hiddenChange ? HIDDEN_CHANGE_LABELS[issue.hiddenChange] : null)}</span>}
    </>
  );
  return (
    <li className="ktxh-issue" data-testid="issue" data-code={issue.code} data-severity={issue.severity} data-sheet={sheet ?? ""} data-cell={cell ?? ""}>
      {sheet && cell ? (
        // A real button: Tab reaches it, Enter or Space goes to the cell.
        <button type="button" className="ktxh-item" onClick={() => act.select(issue)}>{body}</button>
      ) : (
        <div className="ktxh-item ktxh-item-static">{body}</div>
      )}
      {issue.code === "plan.sheet-own" && (
        <Button size="small" className="ktxh-issue-fix" disabled={disabled} onClick={act.checkOwnPlans} data-testid="check-own-plans">
          {STRINGS.checkOwnPlans}
        </Button>
      )}
      {issue.apply && (
        <Button size="small" className="ktxh-issue-fix" disabled={disabled} aria-label={STRINGS.checkFixLabel(issue.where)} onClick={() => act.fix(issue)}>
          {STRINGS.checkFix}
        </Button>
      )}
    </li>
  );
}

function Results({ check, disabled, act }: { check: WorkbookCheck; disabled: boolean; act: ToolsActions }) {
  const total = check.counts.error + check.counts.warning + check.counts.info;
  const fixes = proposedFixes(check).length;
  return (
    <>
      <ul className="ktxh-counts ktxh-counts-3" aria-live="polite" data-testid="check-counts" data-focus="check-results" tabIndex={-1}>
        {SEVERITIES.map((s) => (
          <li key={s} className="ktxh-tile" data-severity={s} data-count={check.counts[s]}>
            <span className={`ktxh-mark ktxh-mark-count ktxh-sev-${s}`}>{check.counts[s]}</span>
            <span className="ktxh-caption1 ktxh-tile-label">{SEVERITY_LABELS[s]}</span>
          </li>
        ))}
      </ul>
      <span className="ktxh-caption1 ktxh-muted">
        {STRINGS.checkSheetsRead(check.checked.length, check.marked)}
        {check.issuesSheet && ` ${STRINGS.checkIssuesSheetWritten(check.issuesSheet)}`}
      </span>
      {check.unmarkedSheets.length > 0 && <span className="ktxh-caption1 ktxh-muted">{STRINGS.checkUnmarked(check.unmarkedSheets.join(", "))}</span>}
      {check.issuesSheetSkipped && <span className="ktxh-caption1 ktxh-muted">{check.issuesSheetSkipped}</span>}
      {total === 0 ? (
        <span className="ktxh-body1" data-testid="check-none">{STRINGS.checkNone(check.checked.length)}</span>
      ) : (
        <>
          <div className="ktxh-row">
            {fixes > 0 && (
              <Button disabled={disabled} onClick={act.fixAll}>{STRINGS.checkFixAll(fixes)}</Button>
            )}
          </div>
          <span className="ktxh-caption1 ktxh-muted">{STRINGS.checkIssueHint}</span>
          <div data-testid="check-issues" className="ktxh-groups">
            {check.sheets.map((group) => (
              <section key={group.sheet} className="ktxh-group" data-testid="issue-group" data-sheet={group.sheet} aria-label={group.sheet || STRINGS.checkWholeBook}>
                <h3 className="ktxh-body1 ktxh-heading ktxh-group-title ktxh-wrap">{group.sheet || STRINGS.checkWholeBook}</h3>
                <ul className="ktxh-list">
                  {groupRepeated(group.issues).map((l, i) =>
                    l.kind === "issue" ? (
                      <IssueRow key={`${l.issue.code}:${l.issue.location.cell ?? ""}:${i}`} issue={l.issue} disabled={disabled} act={act} />
                    ) : (
                      <li key={`more:${l.code}:${l.column}:${i}`} className="ktxh-issue ktxh-caption1 ktxh-muted" data-testid="issue-more" data-code={l.code} data-count={l.count}>
                        {moreRowsText(l)}
                      </li>
                    ),
                  )}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}

/** "Kiểm tra số liệu": options, the run, the problems grouped by sheet, and their fixes. */
export function CheckSection({ t, act, enabled }: { t: ToolsState; act: ToolsActions; enabled: boolean }) {
  const disabled = !enabled || t.busy !== null;
  return (
    <section className="ktxh-section" aria-labelledby="ktxh-check" data-testid="check">
      <h2 id="ktxh-check" className="ktxh-subtitle2 ktxh-heading" data-focus="section-check" tabIndex={-1}>{STRINGS.checkLabel}</h2>
      <span className="ktxh-caption1 ktxh-muted">{STRINGS.checkHint}</span>
      <label className="ktxh-check">
        <input type="checkbox" checked={t.mark} disabled={disabled} onChange={(e) => act.setMark(e.currentTarget.checked)} data-testid="check-mark" />
        <span className="ktxh-body1">{STRINGS.checkMark}</span>
      </label>
      <label className="ktxh-check">
        <input type="checkbox" checked={t.issuesSheet} disabled={disabled} onChange={(e) => act.setIssuesSheet(e.currentTarget.checked)} data-testid="check-sheet" />
        <span className="ktxh-body1">{STRINGS.checkIssuesSheet}</span>
      </label>
      <div className="ktxh-row">
        <Button appearance="primary" disabled={disabled} onClick={act.runCheck} data-focus="check-run">{STRINGS.checkRun}</Button>
        <Button disabled={disabled} onClick={act.clearMarks}>{STRINGS.checkClear}</Button>
        {t.undo && (
          <Button disabled={disabled} onClick={act.undoLast} aria-describedby="ktxh-undo-hint" data-testid="undo">{STRINGS.undo}</Button>
        )}
      </div>
      {t.undo && (
        <span id="ktxh-undo-hint" className="ktxh-caption1 ktxh-muted" data-testid="undo-hint">{STRINGS.undoHint(t.undo.action, t.undo.cells, shownTime(t.undo.at))}</span>
      )}
      {t.error?.tool === "check" && (
        <Notice
          intent="error"
          title={STRINGS.errorTitle}
          testId="check-error"
          action={<Button size="small" onClick={act.dismissError}>{STRINGS.dismiss}</Button>}
        >
          {t.error.text}
        </Notice>
      )}
      {(t.busy === "check" || t.busy === "fix" || t.busy === "clear" || t.busy === "undo") && (
        <div className="ktxh-busy" role="status" data-testid="check-busy">
          <span className="ktxh-spin" aria-hidden="true" />
          {t.busy === "check" ? STRINGS.checkRunning : t.busy === "fix" ? STRINGS.checkFixing : t.busy === "undo" ? STRINGS.undoing : STRINGS.checkClearing}
        </div>
      )}
      {t.undone && (
        <Notice intent={t.undone.intent} testId="undo-outcome" onDismiss={() => act.dismissNotice("undo")} timeoutMs={t.undone.lines.length ? undefined : CONFIRM_MS}>
          {t.undone.text}
          {t.undone.lines.length > 0 && (
            <ul className="ktxh-bullets">
              {t.undone.lines.map((l) => <li key={l}>{l}</li>)}
            </ul>
          )}
        </Notice>
      )}
      {t.checkMessage && (
        <Notice intent="success" testId="check-outcome" onDismiss={() => act.dismissNotice("check")} timeoutMs={CONFIRM_MS}>{t.checkMessage}</Notice>
      )}
      {t.check && <Results check={t.check} disabled={disabled} act={act} />}
    </section>
  );
}
