import { Button, Input, useId } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { formatNumber } from "../../core/numbers";
import type { CheckSummary, CollectOutcome, CycleFileIn, PaneOperations, PeriodCode, SubmissionsOutcome } from "../../contract/operations";
import { STRINGS } from "../strings";
import { Notice } from "./Notice";

type Busy = { what: "make" | "collect"; done: number; total: number } | null;

const shown = (v: string | number | null): string => (v === null || v === "" ? STRINGS.cycleEmpty : typeof v === "number" ? formatNumber(v) : v);

/** A blob's address for the download link, revoked when the books change or the pane closes. */
function useObjectUrl(bytes: Uint8Array | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return setUrl(null);
    const u = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes]);
  return url;
}

/**
 * "Tạo phiếu thu thập" and "Tổng hợp phiếu" for the period chosen above. The books are built and read
 * by the host (the file code is fetched on the first press); here only files are picked and handed over.
 */
export function CycleSection({ ops, period, periodLabel, enabled, onSummary }: {
  ops: PaneOperations;
  period: PeriodCode;
  periodLabel: string;
  enabled: boolean;
  /** The targets judged again after a merge (the add-in's own writes are not taken as typing). */
  onSummary?: (s: CheckSummary) => void;
}) {
  const dueId = useId("due");
  const input = useRef<HTMLInputElement>(null);
  const [due, setDue] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<SubmissionsOutcome | null>(null);
  const [collected, setCollected] = useState<CollectOutcome | null>(null);
  const zipUrl = useObjectUrl(made?.delivery === "download" ? made.zip.bytes : null);
  const disabled = !enabled || busy !== null;
  const [open, setOpen] = useState(false);
  const unfolded = open || busy !== null || made !== null || collected !== null || error !== null;

  const fail = (err: unknown) => setError(err instanceof Error && err.message ? err.message : STRINGS.unexpected);

  const make = () => {
    setBusy({ what: "make", done: 0, total: 0 });
    setError(null);
    setMade(null);
    ops
      .makeSubmissions(period, due || null, (done, total) => setBusy({ what: "make", done, total }))
      .then(setMade, fail)
      .finally(() => setBusy(null));
  };

  const collect = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (!files.length) return;
    setBusy({ what: "collect", done: 0, total: files.length });
    setError(null);
    setCollected(null);
    Promise.all(files.map(async (f): Promise<CycleFileIn> => ({
      name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), received: f.lastModified ? new Date(f.lastModified).toISOString().slice(0, 10) : null,
    })))
      .then((read) => ops.collectReturned(read, period, (done, total) => setBusy({ what: "collect", done, total })))
      .then(async (c) => {
        setCollected(c);
        if (c.written.length && onSummary) onSummary(await ops.recheck(period));
      })
      .catch(fail)
      .finally(() => {
        setBusy(null);
        // The same files may be picked again after they are fixed.
        if (input.current) input.current.value = "";
      });
  };

  const problemFiles = collected?.files.filter((f) => !f.readable || !f.merged || f.issues.some((i) => i.severity === "error")) ?? [];
  return (
    <section className="ktxh-section" aria-labelledby="ktxh-cycle" data-testid="cycle">
      {/* Folded until wanted (a step of a few days a period), its title the fold's: the list above stays within two screens. */}
      <details className="ktxh-fields" open={unfolded} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="cycle-fold">
      <summary id="ktxh-cycle" className="ktxh-subtitle2 ktxh-heading" data-focus="section-cycle">{STRINGS.cycleLabel}</summary>
      <span className="ktxh-caption1 ktxh-muted ktxh-wrap">{STRINGS.cycleHint(periodLabel)}</span>
      <div className="ktxh-field">
        <label className="ktxh-label" htmlFor={dueId}>{STRINGS.cycleDue}</label>
        <Input id={dueId} type="date" value={due} disabled={disabled} onChange={(_e, d) => setDue(d.value)} data-testid="cycle-due" />
      </div>
      <div className="ktxh-row">
        <Button appearance="primary" disabled={disabled} onClick={make}>{STRINGS.cycleMake}</Button>
        <Button disabled={disabled} onClick={() => input.current?.click()}>{STRINGS.cycleCollect}</Button>
      </div>
      <span className="ktxh-caption1 ktxh-muted ktxh-wrap">{STRINGS.cycleCollectHint}</span>
      <input
        ref={input}
        hidden
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        tabIndex={-1}
        aria-hidden
        data-testid="cycle-files"
        onChange={(e) => collect(e.currentTarget.files)}
      />
      </details>
      {busy && (
        <div className="ktxh-busy" role="status" data-testid="cycle-busy">
          <span className="ktxh-spin" aria-hidden="true" />
          {busy.what === "make" ? STRINGS.cycleMaking(busy.done, busy.total) : STRINGS.cycleReading(busy.done, busy.total)}
        </div>
      )}
      {error && (
        <Notice intent="error" title={STRINGS.errorTitle} testId="cycle-error" action={<Button size="small" onClick={() => setError(null)}>{STRINGS.dismiss}</Button>}>
          {error}
        </Notice>
      )}
      {made && (
        <Notice intent={made.books.length ? "success" : "warning"} testId="cycle-made" onDismiss={() => setMade(null)}>
          {made.books.length ? STRINGS.cycleMade(made.books.length, periodLabel) : STRINGS.cycleNone}
          {made.assignSheetWritten && <><br />{STRINGS.cycleAssignWritten(made.assignSheetWritten)}</>}
          {made.books.some((b) => b.explain.length) && <><br />{STRINGS.cycleExplain(made.books.filter((b) => b.explain.length).length)}</>}
          {made.books.length > 0 && made.delivery === "download" && zipUrl && (
            <>
              <br />
              <a className="ktxh-link" href={zipUrl} download={made.zip.name} data-testid="cycle-download">{STRINGS.cycleDownload(made.zip.name)}</a>
            </>
          )}
          {made.books.length > 0 && made.delivery === "open-each" && (
            <>
              <br />
              {STRINGS.cycleOpenEach}
              <ul className="ktxh-bullets">
                {made.books.map((b) => (
                  <li key={b.file}><Button size="small" appearance="subtle" onClick={() => ops.openBook(b.bytes).catch(fail)}>{STRINGS.cycleOpen(b.file)}</Button></li>
                ))}
              </ul>
            </>
          )}
          {made.books.length > 0 && made.delivery === "none" && <><br />{STRINGS.cycleNoDelivery}</>}
        </Notice>
      )}
      {collected && (
        <Notice intent="success" testId="cycle-collected" onDismiss={() => setCollected(null)}>
          {STRINGS.cycleCollected(collected.merged, collected.files.filter((f) => f.merged).length, collected.sourcesSheet)}
        </Notice>
      )}
      {collected && collected.conflicts.length > 0 && (
        <Notice intent="warning" title={STRINGS.cycleConflicts(collected.conflicts.length, collected.conflictsSheet)} testId="cycle-conflicts">
          <ul className="ktxh-bullets">
            {collected.conflicts.map((c, i) => (
              <li key={i}>{STRINGS.cycleConflict(c.cell ?? c.row, shown(c.current), c.values.map((v) => `${shown(v.value)} (${v.recipient})`).join("; "))}</li>
            ))}
          </ul>
        </Notice>
      )}
      {collected && collected.rollups.length > 0 && (
        <Notice intent="warning" title={STRINGS.cycleRollups} testId="cycle-rollups">
          <ul className="ktxh-bullets">
            {collected.rollups.map((r) => <li key={r.target}>{STRINGS.cycleRollup(r.target, formatNumber(r.sum), r.communes, shown(r.differs), r.by)}</li>)}
          </ul>
        </Notice>
      )}
      {collected && problemFiles.length > 0 && (
        <Notice intent="warning" title={STRINGS.cycleFileProblems} testId="cycle-files-problems">
          <ul className="ktxh-bullets">
            {problemFiles.map((f) => (
              <li key={f.file}>
                {f.readable
                  ? `${f.file} (${f.recipient ?? STRINGS.cycleUnknownSender}${f.merged ? "" : `, ${STRINGS.cycleNotMerged}`}): ${f.issues.filter((i) => i.severity === "error").map((i) => `${i.where ? `${i.where}: ` : ""}${i.message}`).join(" ")}`
                  : STRINGS.cycleUnreadable(f.file, f.reason ?? "")}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {collected && collected.missing.length > 0 && (
        <Notice intent="warning" title={STRINGS.cycleMissing(collected.missing.length)} testId="cycle-missing">
          {collected.missing.join("; ")}
        </Notice>
      )}
    </section>
  );
}
