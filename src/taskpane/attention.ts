/**
 * How the pane lays out its list of indicators that need attention: grouped by status, the off-target
 * ones first, each group folded past a handful, narrowed by a status filter and a search by number or
 * name. Presentation only: which status a row has is the core's judgement (the summary's items).
 */
import type { IndicatorItem, StatusCode } from "../contract/operations";
import { foldKey } from "../core/text";

/** Off target first, then figures to look at again, then the ones still missing. */
export const GROUP_ORDER: StatusCode[] = ["khong-dat", "xem-lai", "thieu-so-lieu"];

/** A handful: what each group shows before "Hiện thêm". */
export const FOLD = 4;
/** Each "Hiện thêm" shows this many more. */
export const STEP = 20;

export type ListFilter = "all" | StatusCode;

export interface Group {
  status: StatusCode;
  /** Every item of the group that passes the search. */
  items: IndicatorItem[];
}

/** A search matches a number from its start ("1" finds 1, 1.2, 10) or any part of the name, diacritics aside. */
export function matches(item: IndicatorItem, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  const no = q.replace(/\.$/, "");
  if (/^\d+(?:\.\d+)*$/.test(no)) return item.no.startsWith(no);
  return foldKey(item.name).includes(foldKey(q));
}

export function groupItems(items: IndicatorItem[], filter: ListFilter, query: string): Group[] {
  return GROUP_ORDER.filter((s) => filter === "all" || filter === s)
    .map((status) => ({ status, items: items.filter((i) => i.status === status && matches(i, query)) }))
    .filter((g) => g.items.length > 0);
}

export function countByStatus(items: IndicatorItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.status] = (out[i.status] ?? 0) + 1;
  return out;
}
