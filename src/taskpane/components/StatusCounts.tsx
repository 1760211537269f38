import type { CheckSummary, StatusCode } from "../../contract/operations";
import { STATUS_COUNT_LABELS } from "../strings";
import { StatusMark } from "./StatusMark";

const ORDER: { status: StatusCode; key: keyof CheckSummary["counts"] }[] = [
  { status: "vuot", key: "vuot" },
  { status: "dat", key: "dat" },
  { status: "khong-dat", key: "khongDat" },
  { status: "xem-lai", key: "xemLai" },
  { status: "thieu-so-lieu", key: "thieuSoLieu" },
  { status: "chua-danh-gia", key: "chuaDanhGia" },
];

/**
 * The counts for the period ("Cần xem lại" apart from "Không đạt"), over main targets only. Polite live region: typing updates it.
 * *Chưa đánh giá được* (annual targets before year end) has its tile only when there is one: the sixth
 * tile fills the third row of two, so the pane is no taller.
 */
export function StatusCounts({ summary }: { summary: CheckSummary }) {
  return (
    <ul className="ktxh-counts" aria-live="polite" data-testid="counts" data-focus="counts" tabIndex={-1}>
      {ORDER.filter(({ status, key }) => status !== "chua-danh-gia" || (summary.counts[key] ?? 0) > 0).map(({ status, key }) => (
        <li key={status} className="ktxh-tile" data-status={status} data-count={summary.counts[key]}>
          <StatusMark status={status} kind="count">{summary.counts[key]}</StatusMark>
          <span className="ktxh-caption1 ktxh-tile-label">{STATUS_COUNT_LABELS[status]}</span>
        </li>
      ))}
    </ul>
  );
}
