import { Button, Select, useId } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { IndicatorItem, StatusCode } from "../../contract/operations";
import { STATUS_LABELS } from "../../core/evaluate/status";
import { FOLD, GROUP_ORDER, type ListFilter, STEP, countByStatus, groupItems } from "../attention";
import { STRINGS } from "../strings";
import { ListedItem, type RowChangesOf } from "./IndicatorList";

/**
 * The indicators that need attention, grouped by status (Không đạt, Cần xem lại, Chưa có số liệu),
 * each group folded past a handful, with a status filter and a search by number or name. With 500
 * targets the pane stays short: the groups say how many they hold and show more on request.
 */
export function AttentionSection({ items, onSelect, changesOf }: { items: IndicatorItem[]; onSelect: (item: IndicatorItem) => void; changesOf?: RowChangesOf }) {
  const filterId = useId("filter");
  const searchId = useId("search");
  const [filter, setFilter] = useState<ListFilter>("all");
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState<Record<string, number>>({});
  // After "Hiện thêm", focus lands on the first row it brought into view.
  const focusNext = useRef<{ status: StatusCode; index: number } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const counts = countByStatus(items);
  const groups = groupItems(items, filter, query);

  useEffect(() => {
    const f = focusNext.current;
    if (!f) return;
    focusNext.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-group="${f.status}"] li:nth-child(${f.index + 1}) button.ktxh-item`)?.focus();
  });

  return (
    <>
      <div className="ktxh-filter">
        <div className="ktxh-field">
          <label className="ktxh-label" htmlFor={filterId}>{STRINGS.listFilter}</label>
          <Select id={filterId} value={filter} onChange={(_e, d) => setFilter(d.value as ListFilter)} data-testid="attention-filter">
            <option value="all">{STRINGS.listAll(items.length)}</option>
            {GROUP_ORDER.map((s) => (
              <option key={s} value={s}>{`${STATUS_LABELS[s]} (${counts[s] ?? 0})`}</option>
            ))}
          </Select>
        </div>
        <div className="ktxh-field">
          <label className="ktxh-label" htmlFor={searchId}>{STRINGS.listSearch}</label>
          <input
            id={searchId}
            type="search"
            className="ktxh-search"
            value={query}
            placeholder={STRINGS.listSearchHint}
            autoComplete="off"
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-testid="attention-search"
          />
        </div>
      </div>
      <div ref={listRef} data-testid="attention" className="ktxh-groups">
        {groups.length === 0 && <span className="ktxh-body1" data-testid="attention-none">{STRINGS.listNoMatch}</span>}
        {groups.map((g) => {
          const limit = query.trim() ? Math.max(shown[g.status] ?? FOLD, FOLD) : (shown[g.status] ?? FOLD);
          const visible = g.items.slice(0, limit);
          const rest = g.items.length - visible.length;
          return (
            <section key={g.status} className="ktxh-group" data-group={g.status} data-count={g.items.length} aria-labelledby={`ktxh-group-${g.status}`}>
              <h3 id={`ktxh-group-${g.status}`} className="ktxh-body1 ktxh-heading ktxh-group-title">{STRINGS.groupTitle(STATUS_LABELS[g.status], g.items.length)}</h3>
              <ul className="ktxh-list">
                {visible.map((item) => (
                  <li key={item.key} className="ktxh-list-item">
                    <ListedItem item={item} onSelect={onSelect} changesOf={changesOf} />
                  </li>
                ))}
              </ul>
              {(rest > 0 || visible.length > FOLD) && (
                <div className="ktxh-row">
                  {rest > 0 && (
                    <Button
                      size="small"
                      data-testid="attention-more"
                      onClick={() => {
                        focusNext.current = { status: g.status, index: visible.length };
                        setShown((s) => ({ ...s, [g.status]: visible.length + STEP }));
                      }}
                    >
                      {STRINGS.listMore(Math.min(STEP, rest), rest)}
                    </Button>
                  )}
                  {visible.length > FOLD && (
                    <Button size="small" data-testid="attention-fold" onClick={() => setShown((s) => ({ ...s, [g.status]: FOLD }))}>
                      {STRINGS.listFold}
                    </Button>
                  )}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
