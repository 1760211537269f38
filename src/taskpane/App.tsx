import { Suspense, lazy, useCallback, useEffect, useId, useState } from "react";
import type { Plan } from "../core/plan";
import { type PeriodId, isPeriodId, period as periodInfo } from "../core/periods";
import { type ConfirmQuestion, ConfirmDialog } from "./components/ConfirmDialog";
import { Btn, NativeSelect } from "./components/Controls";
import { CONFIRM_MS, Notice } from "./components/Notice";
import { type BuiltInPlans, PlanPicker } from "./components/PlanPicker";
import { StatusCounts } from "./components/StatusCounts";
import type { PaneOperations } from "../contract/operations";
import { goToSection, useFocusRequests } from "./focus";
import { STRINGS } from "./strings";
import { type DropQuestion, usePane } from "./usePane";
import { useTools } from "./useTools";

export interface AppProps {
  /** Host operations; null when the page was opened outside Excel. */
  ops: PaneOperations | null;
  /** Plans offered without a file: the built-in ones, named at once and fetched when loaded. */
  plans: BuiltInPlans;
  /** Opened in an Excel below the manifest's minimum requirement set: said plainly, nothing else offered. */
  oldExcel?: boolean;
}

// The sections that need a plan (report, list, check) are one chunk, fetched when the first read finds
// a plan or a load starts (the load awaits it, so its outcome and the sections show together): the
// first screen (plan, period) is drawn without them and without Fluent's components
// (components/Controls.tsx).
type PlanSections = typeof import("./components/plan-sections");
let planSections: PlanSections | null = null;
let planSectionsLoad: Promise<PlanSections> | null = null;
function loadPlanSections(): Promise<PlanSections> {
  planSectionsLoad ??= import(/* webpackChunkName: "plan-pane" */ "./components/plan-sections").then(
    (m) => (planSections = m),
    (err: unknown) => {
      planSectionsLoad = null;
      throw err;
    },
  );
  return planSectionsLoad;
}

/** The plan's sections once wanted and fetched; a chunk that cannot be fetched ends in the error boundary. */
function usePlanSections(wanted: boolean): PlanSections | null {
  const [, setLoaded] = useState(planSections);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (!wanted || planSections) return;
    let live = true;
    loadPlanSections().then(
      (m) => live && setLoaded(m),
      (err: unknown) => live && setFailed(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  if (failed) throw failed;
  return wanted ? planSections : null;
}

/** A load that first makes sure the plan's sections are there (a failed fetch is left to usePlanSections). */
function withPlanSections(plan: Plan | Promise<Plan>): Promise<Plan> {
  return Promise.all([plan, loadPlanSections().catch(() => undefined)]).then(([p]) => p);
}

const PreviousSection = lazy(async () => ({ default: (await import(/* webpackChunkName: "previous-pane" */ "./components/PreviousSection")).PreviousSection }));
const CycleSection = lazy(async () => ({ default: (await import(/* webpackChunkName: "cycle-pane" */ "./components/CycleSection")).CycleSection }));

/** The order staff think in: the year first, then the long reports, then quarters and months. */
const PERIOD_CHOICES: PeriodId[] = [
  "year", "9m", "6m", "q1", "q2", "q3", "q4",
  "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12",
];

/** The "Đi tới" links: where each puts focus (a section's heading, or the check's own button). */
const GOTO = [
  ["section-results", "goToResults"],
  ["section-list", "goToList"],
  ["check-run", "goToCheck"],
  ["section-report", "goToReport"],
  ["section-plan", "goToPlan"],
] as const;

/** The pane. It receives everything as props: no Office calls in here or below. */
/** The question asked before a load that would take filled rows out of the plan. */
function dropQuestion(drop: DropQuestion | null): ConfirmQuestion | null {
  if (!drop) return null;
  const items = drop.rows.map((r) => r.label);
  return { title: STRINGS.dropTitle, body: STRINGS.dropBody, items, confirm: STRINGS.dropConfirm, cancel: STRINGS.dropCancel, answer: drop.answer };
}

export function App({ ops, plans, oldExcel }: AppProps) {
  const focus = useFocusRequests();
  const [s, act] = usePane(ops, focus);
  const [tools, toolAct] = useTools(ops, s.period, act.showSummary, focus, s.workbook?.reportFields ?? null);
  const periodId = useId();
  const hasPlan = s.workbook?.planId != null;
  const sections = usePlanSections(hasPlan);
  const { load } = act;
  const loadPlan = useCallback((plan: Plan | Promise<Plan>) => load(withPlanSections(plan)), [load]);
  const idle = ops !== null && s.busy === null;
  const periodMissing = hasPlan && s.workbook !== null && s.workbook.periods.length > 0 && !s.workbook.periods.includes(s.period);
  const summary = s.summary && s.summary.period === s.period ? s.summary : null;
  // What "Hoàn tác" offers comes from the book's history: asked when a workbook is read or a plan loaded.
  const { refreshUndo } = toolAct;
  useEffect(() => {
    if (s.workbook?.planId) refreshUndo();
  }, [s.workbook, refreshUndo]);

  return (
    <main className="ktxh-root" aria-busy={s.reading}>
      <header className="ktxh-header">
        <h1 className="ktxh-title3 ktxh-heading">{STRINGS.appTitle}</h1>
        <span className="ktxh-caption1 ktxh-muted">{STRINGS.appSubtitle}</span>
      </header>

      {hasPlan && (
        // A short way to each section: with 500 targets, any action stays a few keys away.
        <nav className="ktxh-goto" aria-label={STRINGS.goTo} data-testid="goto">
          <span className="ktxh-caption1 ktxh-muted" aria-hidden="true">{STRINGS.goTo}:</span>
          {GOTO.filter(([target]) => target !== "section-list" || summary !== null).map(([target, label]) => (
            <a
              key={target}
              href={`#${target}`}
              className="ktxh-link"
              onClick={(e) => {
                e.preventDefault();
                goToSection(target);
              }}
            >
              {STRINGS[label]}
            </a>
          ))}
        </nav>
      )}

      {!ops && !oldExcel && <span className="ktxh-body1" role="note">{STRINGS.outsideOffice}</span>}
      {oldExcel && (
        <Notice intent="error" title={STRINGS.oldExcelTitle} testId="old-excel">
          {STRINGS.oldExcelBody}
        </Notice>
      )}
      {s.busy && (
        <div className="ktxh-busy" role="status" data-testid="busy">
          <span className="ktxh-spin" aria-hidden="true" />
          {STRINGS[s.busy === "loading" ? "loadingPlan" : "checking"]}
        </div>
      )}
      {s.error && (
        <Notice
          intent="error"
          title={STRINGS.errorTitle}
          testId="error"
          action={<Btn size="small" onClick={act.dismissError}>{STRINGS.dismiss}</Btn>}
        >
          {s.error}
        </Notice>
      )}
      {s.outcome && (
        <Notice intent="success" testId="outcome" onDismiss={() => {
            // Focus follows only a notice it was in (its Đóng): one that goes by itself while the user
            // tabs elsewhere in the pane leaves their focus where it is.
            const at = document.activeElement;
            const inside = !at || at === document.body || at.closest('[data-testid="outcome"]') !== null;
            act.dismissOutcome();
            if (inside) focus("section-results");
          }} timeoutMs={s.kept.length ? undefined : CONFIRM_MS}>
          {s.outcome}
          {s.kept.length > 0 && (
            <>
              <br />
              {STRINGS.keptTitle}:
              <ul className="ktxh-bullets">
                {s.kept.map((k) => <li key={k.key}>{k.label}</li>)}
              </ul>
            </>
          )}
        </Notice>
      )}

      <section className="ktxh-section" aria-labelledby="ktxh-plan">
        <h2 id="ktxh-plan" className="ktxh-subtitle2 ktxh-heading" data-focus="section-plan" tabIndex={-1}>{STRINGS.planLabel}</h2>
        <span className="ktxh-body1 ktxh-wrap" data-testid="plan-name">
          {hasPlan ? `${STRINGS.planInWorkbook} ${s.workbook?.planTitle ?? s.workbook?.planId}` : s.reading ? STRINGS.starting : STRINGS.noPlan}
        </span>
        <PlanPicker plans={plans} current={s.workbook?.planId ?? null} disabled={!idle} onLoad={loadPlan} />
      </section>

      <section className="ktxh-section" aria-labelledby="ktxh-results">
        {/* "Tự cập nhật…" beside the title, not a line of its own: the list below stays within two screens. */}
        <div className="ktxh-heading-row">
          <h2 id="ktxh-results" className="ktxh-subtitle2 ktxh-heading" data-focus="section-results" tabIndex={-1}>{STRINGS.resultsLabel}</h2>
          {summary && <span className="ktxh-caption1 ktxh-muted" data-testid="results-live">{STRINGS.resultsLive}</span>}
        </div>
        <div className="ktxh-period">
          <div className="ktxh-field">
            <label className="ktxh-label" htmlFor={periodId}>{STRINGS.periodLabel}</label>
            <NativeSelect id={periodId} value={s.period} onValue={act.setPeriod} disabled={!ops} data-testid="period-select">
              {PERIOD_CHOICES.map((id) => (
                <option key={id} value={id}>{periodInfo(id, 2000).label}</option>
              ))}
            </NativeSelect>
          </div>
          <Btn disabled={!idle || !hasPlan || periodMissing} onClick={act.recheck}>{STRINGS.recheck}</Btn>
        </div>
        {periodMissing && <span className="ktxh-caption1 ktxh-muted">{STRINGS.periodNotLaidOut}</span>}
        {s.stale && s.stale.period === s.period && (
          <Notice
            intent="warning"
            title={s.stale.protectedSheet ? STRINGS.staleProtectedTitle : STRINGS.staleTitle}
            testId="stale"
            action={<Btn size="small" disabled={!idle} onClick={act.recheck}>{STRINGS.recheck}</Btn>}
          >
            {s.stale.protectedSheet ? STRINGS.staleProtectedBody(s.stale.protectedSheet, s.stale.targets) : STRINGS.staleBody(s.stale.targets)}
          </Notice>
        )}
        {summary ? (
          <StatusCounts summary={summary} />
        ) : (
          !hasPlan && <span className="ktxh-caption1 ktxh-muted">{STRINGS.noResults}</span>
        )}
      </section>

      {/* The report is made for the period chosen just above; the check, whose list can be long, comes last. */}
      {hasPlan && sections && (
        <sections.ReportSection t={tools} act={toolAct} enabled={idle} periodLabel={isPeriodId(s.period) ? periodInfo(s.period, 2000).label : s.period} />
      )}

      {summary && (
        <section className="ktxh-section" aria-labelledby="ktxh-attention">
          <h2 id="ktxh-attention" className="ktxh-subtitle2 ktxh-heading" data-focus="section-list" tabIndex={-1}>{STRINGS.attentionLabel}</h2>
          {summary.items.length ? (
            sections && <sections.AttentionSection items={summary.items} onSelect={act.select} changesOf={ops ? (no, limit) => ops.rowChanges(no, limit) : undefined} />
          ) : (
            <span className="ktxh-body1">{STRINGS.allGood}</span>
          )}
        </section>
      )}

      {hasPlan && sections && <sections.CheckSection t={tools} act={toolAct} enabled={idle} />}

      {/* The collection cycle, for the period chosen above: books out, books back in. */}
      {hasPlan && ops && (
        <Suspense fallback={null}>
          <CycleSection ops={ops} period={s.period} onSummary={act.showSummary} enabled={idle && !periodMissing} periodLabel={isPeriodId(s.period) ? periodInfo(s.period, 2000).label : s.period} />
        </Suspense>
      )}

      {/* Last year's figures for "So với cùng kỳ": once a year, folded like the cycle. */}
      {hasPlan && ops && (
        <Suspense fallback={null}>
          <PreviousSection ops={ops} period={s.period} enabled={idle && !periodMissing} />
        </Suspense>
      )}

      {s.notices.length > 0 && (
        // Informational, and the same every day: folded at the bottom so the figures stay in view.
        <details className="ktxh-notices" data-testid="notices">
          <summary>{STRINGS.noticesTitle(s.notices.length)}</summary>
          <ul>
            {s.notices.map((n) => (
              <li key={n.code} data-testid="notice" data-code={n.code}>{n.text}</li>
            ))}
          </ul>
        </details>
      )}

      <ConfirmDialog id="drop" itemsTestId="drop-rows" question={dropQuestion(s.drop)} />
      <ConfirmDialog id="confirm" itemsTestId="confirm-items" question={tools.confirm} />
    </main>
  );
}
