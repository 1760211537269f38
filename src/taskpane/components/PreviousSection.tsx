import { Button, Select } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { PREVIOUS_HOW_LABELS } from "../../core/messages/labels";
import { formatNumber } from "../../core/numbers";
import { isPeriodId, period as periodInfo } from "../../core/periods";
import type { CycleFileIn, PaneOperations, PeriodCode, PreviousYearOutcome, PreviousYearPreview } from "../../contract/operations";
import { STRINGS } from "../strings";
import { Notice } from "./Notice";

const NONE = "";
const shown = (v: string | number | null): string => (v === null || v === "" ? STRINGS.cycleEmpty : typeof v === "number" ? formatNumber(v) : v);
const periodsText = (ps: readonly PeriodCode[]): string => ps.map((p) => (isPeriodId(p) ? periodInfo(p, 2000).label.toLowerCase() : p)).join(", ");

/**
 * "Lấy số liệu năm trước": the officer picks last year's book or figures; the host reads it (the same
 * reader as `ktxh previous`), the matching is shown, the officer corrects it where needed, and the
 * figures go to the *Cùng kỳ năm trước* columns with the corrections kept in the book's record.
 * Folded until wanted (once a year), so the pane stays within its height.
 */
export function PreviousSection({ ops, period, enabled }: { ops: PaneOperations; period: PeriodCode; enabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<CycleFileIn | null>(null);
  const [preview, setPreview] = useState<PreviousYearPreview | null>(null);
  const [changes, setChanges] = useState<Record<string, string | null>>({});
  const [all, setAll] = useState(false);
  const [done, setDone] = useState<PreviousYearOutcome | null>(null);
  const disabled = !enabled || busy;
  const unfolded = open || busy || preview !== null || done !== null || error !== null;
  const fail = (err: unknown) => setError(err instanceof Error && err.message ? err.message : STRINGS.unexpected);

  const pick = (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setPreview(null);
    setChanges({});
    f.arrayBuffer()
      .then(async (buf) => {
        const read: CycleFileIn = { name: f.name, bytes: new Uint8Array(buf), received: null };
        setFile(read);
        setPreview(await ops.previewPreviousYear(read, period));
      })
      .catch(fail)
      .finally(() => {
        setBusy(false);
        if (input.current) input.current.value = "";
      });
  };

  const write = () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    ops
      .writePreviousYear(file, period, changes)
      .then((o) => {
        setDone(o);
        setPreview(null);
      }, fail)
      .finally(() => setBusy(false));
  };

  const lines = preview?.lines.map((l) => {
    if (!(l.no in changes)) return l;
    const lastNo = changes[l.no];
    const c = preview.candidates.find((x) => x.no === lastNo);
    return { ...l, lastNo, lastName: c?.name ?? null, how: "officer" as const };
  }) ?? [];
  // The matches to look at: those not made by the same number and a like name, and those just changed.
  const doubtful = lines.filter((l) => l.how !== "number-and-name" || l.no in changes);
  const listed = all ? lines : doubtful;

  return (
    <section className="ktxh-section" aria-labelledby="ktxh-previous" data-testid="previous">
      <details className="ktxh-fields" open={unfolded} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="previous-fold">
        <summary id="ktxh-previous" className="ktxh-subtitle2 ktxh-heading" data-focus="section-previous">{STRINGS.previousLabel}</summary>
        <span className="ktxh-caption1 ktxh-muted ktxh-wrap">{STRINGS.previousHint}</span>
        <div className="ktxh-row">
          <Button disabled={disabled} onClick={() => input.current?.click()} data-testid="previous-pick">{STRINGS.previousPick}</Button>
        </div>
        <input
          ref={input}
          hidden
          type="file"
          accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
          tabIndex={-1}
          aria-hidden
          data-testid="previous-file"
          onChange={(e) => pick(e.currentTarget.files)}
        />
      </details>
      {busy && (
        <div className="ktxh-busy" role="status" data-testid="previous-busy">
          <span className="ktxh-spin" aria-hidden="true" />
          {STRINGS.previousReading}
        </div>
      )}
      {error && (
        <Notice intent="error" title={STRINGS.errorTitle} testId="previous-error" action={<Button size="small" onClick={() => setError(null)}>{STRINGS.dismiss}</Button>}>
          {error}
        </Notice>
      )}
      {preview && (
        <div className="ktxh-fields-body" data-testid="previous-matching">
          <span className="ktxh-body1 ktxh-wrap">{STRINGS.previousMatching(preview.file, periodsText(preview.periods))}</span>
          {preview.missingColumns.length > 0 && (
            <Notice intent="warning" testId="previous-missing">{STRINGS.previousMissing(periodsText(preview.missingColumns))}</Notice>
          )}
          {!doubtful.length && !all && <span className="ktxh-caption1">{STRINGS.previousAllMatched}</span>}
          <ul className="ktxh-plain-list" data-testid="previous-lines">
            {listed.map((l) => {
              const id = `ktxh-prev-${l.no}`;
              return (
                <li key={l.no} className="ktxh-field" data-testid="previous-line" data-no={l.no} data-how={l.how}>
                  <label className="ktxh-label ktxh-wrap" htmlFor={id}>{STRINGS.previousMatchFor(l.no, l.name)}</label>
                  <Select
                    id={id}
                    value={l.lastNo ?? NONE}
                    disabled={busy}
                    onChange={(_e, d) => setChanges((c) => ({ ...c, [l.no]: d.value === NONE ? null : d.value }))}
                  >
                    <option value={NONE}>{STRINGS.previousNone}</option>
                    {preview.candidates.map((c) => <option key={c.no} value={c.no}>{STRINGS.previousOption(c.no, c.name)}</option>)}
                  </Select>
                  <span className="ktxh-caption1 ktxh-muted">{PREVIOUS_HOW_LABELS[l.how]}</span>
                </li>
              );
            })}
          </ul>
          <div className="ktxh-row">
            <Button size="small" appearance="subtle" onClick={() => setAll((a) => !a)} data-testid="previous-all">
              {all ? STRINGS.previousShowFew : STRINGS.previousShowAll(lines.length)}
            </Button>
          </div>
          <div className="ktxh-row">
            <Button appearance="primary" disabled={busy || preview.missingColumns.length === preview.periods.length} onClick={write} data-testid="previous-write">{STRINGS.previousWrite}</Button>
            <Button disabled={busy} onClick={() => setPreview(null)}>{STRINGS.previousCancel}</Button>
          </div>
        </div>
      )}
      {done && (
        <Notice intent="success" testId="previous-done" onDismiss={() => setDone(null)}>
          {STRINGS.previousWritten(done.written.length, periodsText(done.periods))}
        </Notice>
      )}
      {done && done.kept.length > 0 && (
        <Notice intent="warning" title={STRINGS.previousKept(done.kept.length)} testId="previous-kept">
          <ul className="ktxh-bullets">
            {done.kept.map((k) => <li key={k.cell + k.period}>{STRINGS.previousKeptLine(k.cell, k.target, shown(k.current), shown(k.wanted))}</li>)}
          </ul>
        </Notice>
      )}
    </section>
  );
}
