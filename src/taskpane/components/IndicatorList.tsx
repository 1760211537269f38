import { STATUS_LABELS } from "../../core/evaluate/status";
import type { IndicatorItem } from "../../contract/operations";
import { foldKey } from "../../core/text";
import { STRINGS } from "../strings";
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

/**
 * "Vì sao?": the rule that gives the target its status (the core's words, explain.ts), then how this
 * row's figure fell (its reason). Closed, its summary sits in the item's first line, between the
 * number and the status, so the list is no taller; open, the two lines follow the item.
 */
export function WhyDetails({ item }: { item: IndicatorItem }) {
  if (!item.rule) return null;
  const summaryId = `ktxh-why-${item.key.replace(/[^\w-]/g, "_")}`;
  return (
    <details className="ktxh-why" data-testid="why" data-no={item.no}>
      <summary id={summaryId} aria-label={STRINGS.whyLabel(item.no)}>{STRINGS.why}</summary>
      <div className="ktxh-why-body ktxh-caption1" role="group" aria-labelledby={summaryId}>
        <span className="ktxh-wrap" data-testid="why-rule">{item.rule}</span>
        <span className="ktxh-wrap" data-testid="why-reason">{STRINGS.whyHere(item.label ?? STATUS_LABELS[item.status], item.reason)}</span>
      </div>
    </details>
  );
}
