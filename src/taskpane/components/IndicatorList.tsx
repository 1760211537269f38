import { STATUS_LABELS } from "../../core/evaluate/status";
import type { IndicatorItem } from "../../contract/operations";
import { STRINGS } from "../strings";
import { StatusMark } from "./StatusMark";

/**
 * Off-target and missing indicators. Each is a real button, so Tab reaches it and Enter or Space takes
 * the user to the row's figure cell.
 */
export function IndicatorList({ items, onSelect }: { items: IndicatorItem[]; onSelect: (item: IndicatorItem) => void }) {
  return (
    <ul className="ktxh-list" data-testid="attention">
      {items.map((item) => (
        <li key={item.key}>
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
              <StatusMark status={item.status} kind="tag">{STATUS_LABELS[item.status]}</StatusMark>
            </span>
            <span className="ktxh-wrap">{item.name}</span>
            {item.reason && <span className="ktxh-caption1 ktxh-item-reason">{item.reason}</span>}
            <span className="ktxh-caption1 ktxh-item-where">{STRINGS.itemGoTo(item.sheet, item.cell)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
