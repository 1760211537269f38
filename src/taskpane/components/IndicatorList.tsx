import { useId, useRef, useState } from "react";
import { STATUS_LABELS } from "../../core/evaluate/status";
import type { IndicatorItem, RowChange } from "../../contract/operations";
import { historyActionText } from "../../core/messages/labels";
import { isPeriodId, period as periodInfo } from "../../core/periods";
import { foldKey } from "../../core/text";
import { STRINGS } from "../strings";
import { shownTime, shownValue } from "../useTools";
import { StatusMark } from "./StatusMark";

/**
 * One off-target or missing indicator. A real button, so Tab reaches it and Enter or Space takes
 * the user to the row's figure cell. A reason that only repeats the status ("Chưa có số liệu") is not
 * said twice.
 */
export function IndicatorButton({ item, onSelect }: { item: IndicatorItem; onSelect: (item: IndicatorItem) => void }) {
  const reason = item.reason && foldKey(item.reason) !== foldKey(STATUS_LABELS[item.status]) ? item.reason : "";
  return (
    <button
      type="button"
      className="ktxh-item"
      data-no={item.no}
      data-status={item.status}
      data-sheet={item.sheet}
      data-cell={item.cell}
      onClick={() => onSelect(item)}
    >
      <span className="ktxh-item-head">
        <span className="ktxh-item-no">{STRINGS.itemTitle(item.no)}</span>
        <StatusMark status={item.status} kind="tag">{item.label ?? STATUS_LABELS[item.status]}</StatusMark>
      </span>
      <span className="ktxh-wrap">{item.name}</span>
      <span className="ktxh-caption1 ktxh-item-where">
        {reason && <span className="ktxh-item-reason">{reason} · </span>}
        {STRINGS.itemGoTo(item.sheet, item.cell)}
      </span>
    </button>
  );
}

/** How many of a row's last changes "Vì sao?" shows. */
export const WHY_CHANGES = 3;

/** A target's last changes, asked of the host (one call) when "Vì sao?" is opened. */
export type RowChangesOf = (targetNo: string, limit: number) => Promise<RowChange[]>;

type Changes = { state: "loading" } | { state: "done"; changes: RowChange[] } | { state: "failed" };

/** One change as the officer reads it: "6 tháng: 12,5 → 13 · 08:00 ngày 15/07/2024 · nhập số liệu". */
function changeLine(c: RowChange): string {
  const value = (v: RowChange["old"]) => (v == null || v === "" ? STRINGS.emptyCell : shownValue(v));
  const period = c.period && isPeriodId(c.period) ? periodInfo(c.period, 2000).label : null;
  // A change of the reason itself does not say its reason again.
  const source = typeof c.new === "string" && c.new.trim() === c.source.trim() ? "" : c.source;
  return STRINGS.whyChange(period, value(c.old), value(c.new), shownTime(c.at), historyActionText(c.kind, source));
}

/**
 * A listed target with its "Vì sao?": the rule that gives the target its status (the core's words,
 * explain.ts), then how this row's figure fell (its reason), then the row's last changes from the
 * book's *Lịch sử số liệu*, fetched each time it is opened. The link sits on the item's first line,
 * between the number and the status, open or closed, so the list is no taller at any width (at the
 * end of the reason's line it pushed "trang Chỉ tiêu" onto a line of its own at 320 px); open, the
 * lines follow the item. A disclosure button (aria-expanded) rather than <details>: its summary could
 * not stay on the item's line once the details grew. Items without a rule are the bare button.
 */
export function ListedItem({ item, onSelect, changesOf }: { item: IndicatorItem; onSelect: (item: IndicatorItem) => void; changesOf?: RowChangesOf }) {
  const [open, setOpen] = useState(false);
  const [changes, setChanges] = useState<Changes | null>(null);
  const asked = useRef(0);
  const id = useId();
  if (!item.rule) return <IndicatorButton item={item} onSelect={onSelect} />;
  const toggleId = `ktxh-why-${id}`;
  const bodyId = `ktxh-why-body-${id}`;
  const toggle = () => {
    setOpen(!open);
    if (open || !changesOf) return;
    // Only the latest opening's answer is shown.
    const n = ++asked.current;
    setChanges({ state: "loading" });
    changesOf(item.no, WHY_CHANGES).then(
      (list) => n === asked.current && setChanges({ state: "done", changes: list }),
      () => n === asked.current && setChanges({ state: "failed" }),
    );
  };
  return (
    <div className="ktxh-why" data-testid="why" data-no={item.no} data-open={open || undefined}>
      <div className="ktxh-item-box">
        <IndicatorButton item={item} onSelect={onSelect} />
        <button type="button" id={toggleId} className="ktxh-why-toggle" aria-expanded={open} aria-controls={bodyId} aria-label={STRINGS.whyLabel(item.no)} onClick={toggle}>
          {STRINGS.why}
        </button>
      </div>
      <div id={bodyId} className="ktxh-why-body ktxh-caption1" role="group" aria-labelledby={toggleId} hidden={!open}>
        <span className="ktxh-wrap" data-testid="why-rule">{item.rule}</span>
        <span className="ktxh-wrap" data-testid="why-reason">{STRINGS.whyHere(item.label ?? STATUS_LABELS[item.status], item.reason)}</span>
        {changes && (
          <div className="ktxh-why-changes" data-testid="why-changes" data-state={changes.state} aria-live="polite">
            {changes.state === "loading" && <span className="ktxh-muted">{STRINGS.whyChangesLoading}</span>}
            {changes.state === "failed" && <span>{STRINGS.whyChangesFailed}</span>}
            {changes.state === "done" && changes.changes.length === 0 && <span>{STRINGS.whyChangesNone}</span>}
            {changes.state === "done" && changes.changes.length > 0 && (
              <>
                <span>{STRINGS.whyChangesTitle}</span>
                <ul className="ktxh-why-change-list">
                  {changes.changes.map((c, i) => (
                    <li key={`${c.at}-${i}`} className="ktxh-wrap" data-testid="why-change" data-kind={c.kind}>{changeLine(c)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
