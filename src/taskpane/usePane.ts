/**
 * The pane's behaviour, apart from how it looks: what it asks of the workbook and when. Every call
 * to the host goes through `PaneOperations` and every failure ends as a message in the pane, so the
 * components only draw this state.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Plan } from "../core/plan";
import type { CheckSummary, DropCandidate, IndicatorItem, Notice, PaneOperations, PeriodCode, StaleJudgement, WorkbookState } from "../contract/operations";
import type { FocusRequest } from "./focus";
import { STRINGS } from "./strings";

export type Busy = "loading" | "checking" | null;

export interface DropQuestion {
  rows: DropCandidate[];
  answer: (go: boolean) => void;
}

export interface PaneState {
  workbook: WorkbookState | null;
  /** The first read of the workbook is still under way (in the background: the pane is usable meanwhile). */
  reading: boolean;
  period: PeriodCode;
  summary: CheckSummary | null;
  busy: Busy;
  error: string | null;
  /** What the last load did ("Đã nạp 20 chỉ tiêu…"), or that it was cancelled. */
  outcome: string | null;
  kept: DropCandidate[];
  notices: Notice[];
  drop: DropQuestion | null;
  /** Rows live judgement could not bring up to date ("chưa cập nhật"), until a judgement succeeds. */
  stale: StaleJudgement | null;
}

export interface PaneActions {
  setPeriod(p: PeriodCode): void;
  /** A plan still being fetched (a built-in one) comes as a promise: the spinner shows meanwhile. */
  load(plan: Plan | Promise<Plan>): void;
  recheck(): void;
  select(item: IndicatorItem): void;
  dismissError(): void;
  /** Closes the load's outcome ("Đã nạp …"). */
  dismissOutcome(): void;
  /** A judgement made by another action (a fix): the counts and the list show it. */
  showSummary(s: CheckSummary): void;
}

/** Periods every load lays out (as `ktxh init`), plus the one the user picked. */
const DEFAULT_PERIODS: PeriodCode[] = ["6m", "9m", "year"];

function errorText(err: unknown): string {
  // Host faults arrive with a Vietnamese message (operations.ts); anything else is a bug of ours.
  return err instanceof Error && err.message ? err.message : STRINGS.unexpected;
}

function mergeNotices(a: Notice[], b: Notice[]): Notice[] {
  const seen = new Set(a.map((n) => n.code));
  return [...a, ...b.filter((n) => !seen.has(n.code))];
}

function initialPeriod(state: WorkbookState): PeriodCode {
  if (state.periods.length === 0 || state.periods.includes("year")) return "year";
  return state.periods[state.periods.length - 1];
}

export function usePane(ops: PaneOperations | null, focus: FocusRequest = () => undefined): [PaneState, PaneActions] {
  const [workbook, setWorkbook] = useState<WorkbookState | null>(null);
  const [period, setPeriodState] = useState<PeriodCode>("year");
  const [summary, setSummary] = useState<CheckSummary | null>(null);
  const [reading, setReading] = useState(ops !== null);
  const [busy, setBusy] = useState<Busy>(null);
  const busyNow = useRef<Busy>(null);
  busyNow.current = busy;
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [kept, setKept] = useState<DropCandidate[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [drop, setDrop] = useState<DropQuestion | null>(null);
  const [stale, setStale] = useState<StaleJudgement | null>(null);
  // Bumped by each load so live judgment restarts on the freshly laid-out sheet.
  const [generation, setGeneration] = useState(0);
  // A load already returns the period's summary; the watch effect then need not recheck.
  const fresh = useRef<CheckSummary | null>(null);
  // The first read of the workbook runs in the background from the first paint; an action started
  // before it ends awaits it (with the action's own spinner) and then sees what it read.
  const firstRead = useRef<Promise<void>>(Promise.resolve());
  const workbookNow = useRef<WorkbookState | null>(null);
  const periodNow = useRef<PeriodCode>("year");
  const periodPicked = useRef(false);

  useEffect(() => {
    if (!ops) return;
    let live = true;
    setReading(true);
    firstRead.current = ops.readState().then(
      (s) => {
        if (!live) return;
        workbookNow.current = s;
        setWorkbook(s);
        // A period the user picked while the workbook was being read stays theirs.
        if (!periodPicked.current) {
          periodNow.current = initialPeriod(s);
          setPeriodState(periodNow.current);
        }
        setNotices(s.notices);
        setReading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(errorText(err));
        setReading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [ops]);

  const planId = workbook?.planId ?? null;
  // A period without columns in the sheet has nothing to judge; the pane says to load it instead.
  const laidOut = workbook !== null && (workbook.periods.length === 0 || workbook.periods.includes(period));
  useEffect(() => {
    if (!ops || planId === null || !laidOut) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const run = async () => {
      const ready = fresh.current;
      fresh.current = null;
      if (ready && ready.period === period) {
        setSummary(ready);
      } else {
        setBusy("checking");
        const s = await ops.recheck(period);
        if (!live) return;
        setSummary(s);
        setBusy(null);
      }
      const stopWatch = await ops.watch(
        period,
        (s) => {
          if (live) setSummary(s);
        },
        (st) => {
          if (live) setStale(st);
        },
      );
      if (live) stop = stopWatch;
      else await stopWatch();
    };
    // Back in view (the pane was hidden, the workbook was in the background): the rows typed meanwhile
    // — without the pane's events, or by a co-author — are judged at once (their fingerprints in the
    // book's record changed), in one read and one write.
    const onVisible = () => {
      // Not while a load or a check runs: its writes and this one's must not interleave.
      if (!live || document.visibilityState !== "visible" || busyNow.current !== null) return;
      ops.catchUp(period).then(
        (s) => {
          if (!live) return;
          setSummary(s);
          setStale(null);
        },
        () => undefined,
      );
    };
    document.addEventListener("visibilitychange", onVisible);
    run().catch((err: unknown) => {
      if (!live) return;
      setError(errorText(err));
      setBusy(null);
    });
    return () => {
      live = false;
      document.removeEventListener("visibilitychange", onVisible);
      setStale(null);
      // A recheck still running for the period left behind must not keep the pane busy.
      setBusy((b) => (b === "checking" ? null : b));
      if (stop) stop().catch((err: unknown) => setError(errorText(err)));
    };
  }, [ops, planId, laidOut, period, generation]);

  const confirmDrop = useCallback(
    (rows: DropCandidate[]) =>
      new Promise<boolean>((resolve) => {
        setDrop({
          rows,
          answer: (go) => {
            setDrop(null);
            resolve(go);
          },
        });
      }),
    [],
  );

  const load = useCallback(
    (plan: Plan | Promise<Plan>) => {
      if (!ops) return;
      setBusy("loading");
      setError(null);
      setOutcome(null);
      const run = async () => {
        // Both awaited at once, so a plan that fails to arrive is handled whichever comes first.
        const [, chosen] = await Promise.all([firstRead.current, plan]);
        const periods = [...new Set([...DEFAULT_PERIODS, ...(workbookNow.current?.periods ?? []), periodNow.current])];
        const r = await ops.loadPlan(chosen, periods, confirmDrop);
        if ("cancelled" in r) {
          setOutcome(STRINGS.cancelled);
          focus("outcome");
          return;
        }
        const state = await ops.readState();
        fresh.current = r.summary;
        workbookNow.current = state;
        setWorkbook(state);
        setOutcome(r.message);
        setKept(r.kept);
        setNotices(mergeNotices(state.notices, r.notices));
        setGeneration((g) => g + 1);
        focus("outcome");
      };
      run()
        .catch((err: unknown) => {
          setError(errorText(err));
          focus("error");
        })
        .finally(() => setBusy(null));
    },
    [ops, confirmDrop, focus],
  );

  const recheck = useCallback(() => {
    if (!ops) return;
    setBusy("checking");
    setError(null);
    ops
      .recheck(period)
      .then(
        (r) => {
          setSummary(r);
          setStale(null);
          focus("counts");
        },
        (err: unknown) => {
          setError(errorText(err));
          focus("error");
        },
      )
      .finally(() => setBusy(null));
  }, [ops, period, focus]);

  const select = useCallback(
    (item: IndicatorItem) => {
      if (!ops) return;
      ops.select(item.sheet, item.cell).catch((err: unknown) => setError(errorText(err)));
    },
    [ops],
  );

  const setPeriod = useCallback((p: PeriodCode) => {
    periodPicked.current = true;
    periodNow.current = p;
    setPeriodState(p);
    setError(null);
  }, []);
  const dismissError = useCallback(() => setError(null), []);
  const dismissOutcome = useCallback(() => setOutcome(null), []);
  const showSummary = useCallback((s: CheckSummary) => setSummary(s), []);

  return [
    { workbook, reading, period, summary, busy, error, outcome, kept, notices, drop, stale },
    { setPeriod, load, recheck, select, dismissError, dismissOutcome, showSummary },
  ];
}
