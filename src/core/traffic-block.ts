/**
 * The six traffic counts of the "giảm N tiêu chí" target, read one way for every path (the live
 * judgement, the report and the check): the block is found by its rows' identities (`tn:deaths:cur`),
 * or by their labels when the identity column is gone; each count is read with the core's number
 * reading; a cell that is no whole count ("3 vụ", "2,5", text) is a `traffic.bad-count` problem at
 * its visible cell, never a silent blank. The labels the layout writes are built here too.
 */
import { formatNumber, parseNumber } from "./numbers";
import { type Problem, problem } from "./problems";
import { type TrafficCriterion, type TrafficSide, TRAFFIC_CRITERIA, parseTrafficId } from "./row-id";
import { foldKey } from "./text";
import type { CountPair, TrafficCounts, TrafficProblemCode } from "./traffic";

export const TRAFFIC_NAMES: Record<TrafficCriterion, { name: string; unit: string }> = {
  accidents: { name: "Số vụ tai nạn", unit: "Vụ" },
  deaths: { name: "Số người chết", unit: "Người" },
  injuries: { name: "Số người bị thương", unit: "Người" },
};

/** The label of a count's row, as the targets layout writes it ("Số người chết – kỳ này"). */
export function trafficLabel(c: TrafficCriterion, side: TrafficSide): string {
  return `${TRAFFIC_NAMES[c].name} – ${side === "prev" ? "cùng kỳ năm trước" : "kỳ này"}`;
}

/** A row of a sheet as the finder sees it: its index, its identity (if any) and its label. */
export interface BlockRowInput {
  row: number;
  id: string | null;
  label: string;
}

export interface TrafficRow {
  row: number;
  criterion: TrafficCriterion;
  side: TrafficSide;
}

const CRITERION_WORDS: Record<TrafficCriterion, RegExp> = {
  accidents: /^so vu\b/,
  deaths: /^so (nguoi )?chet\b/,
  injuries: /^so (nguoi )?bi thuong\b/,
};

/** Every count's label begins "Số …" (after any bullet): others are refused before folding (every body row is asked). */
export function mayBeTrafficLabel(label: string): boolean {
  return /^[^\p{L}\p{N}]*[sS]/u.test(label);
}

/** A label's count, read leniently ("Số vụ tai nạn - cùng kỳ năm trước", "số người chết kỳ này"). */
export function readTrafficLabel(label: string): { criterion: TrafficCriterion; side: TrafficSide } | null {
  if (!mayBeTrafficLabel(label)) return null;
  const f = foldKey(label);
  const criterion = TRAFFIC_CRITERIA.find((c) => CRITERION_WORDS[c].test(f));
  if (!criterion) return null;
  if (/\b(cung ky|nam truoc|ky truoc)\b/.test(f)) return { criterion, side: "prev" };
  if (/\bky nay\b/.test(f)) return { criterion, side: "cur" };
  return null;
}

/**
 * The rows of the block: by identity wherever one row carries a count's identity, else by label.
 * Each count is taken once (the first row that names it).
 */
export function findTrafficRows(rows: Iterable<BlockRowInput>): TrafficRow[] {
  const list = [...rows];
  const byId = list.flatMap((r) => {
    const t = parseTrafficId(r.id);
    return t ? [{ row: r.row, ...t }] : [];
  });
  const found = byId.length ? byId : list.flatMap((r) => {
    // A row with an identity of its own (a target, a task) is not a count, whatever it is called.
    if (r.id && !r.id.startsWith("#")) return [];
    const t = readTrafficLabel(r.label);
    return t ? [{ row: r.row, ...t }] : [];
  });
  const seen = new Set<string>();
  return found.filter((r) => {
    const k = `${r.criterion}:${r.side}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type TrafficCountCode = Extract<TrafficProblemCode, "traffic.bad-count">;

/** One count cell: a whole number ≥ 0, nothing (blank), or the text that is no count. */
export function readTrafficCount(v: unknown): { ok: true; value: number | null } | { ok: false; text: string } {
  if (v == null) return { ok: true, value: null };
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? { ok: true, value: v } : { ok: false, text: formatNumber(v) };
  const text = String(v).normalize("NFC").trim();
  if (text === "") return { ok: true, value: null };
  const n = parseNumber(text);
  return n.ok && Number.isInteger(n.value) && n.value >= 0 ? { ok: true, value: n.value } : { ok: false, text };
}

export interface TrafficReading {
  /** Null when the sheet has no block. */
  counts: TrafficCounts | null;
  problems: Problem<TrafficCountCode>[];
}

/**
 * The counts of the block's rows in one figure column. `valueAt(row)` is the cell's value,
 * `cellOf(row)` its visible A1 address; `target` the plan's traffic target, for the problem.
 */
export function readTrafficCounts(
  rows: readonly TrafficRow[],
  valueAt: (row: number) => unknown,
  where: { sheet: string; cellOf: (row: number) => string; target: string | null },
): TrafficReading {
  const problems: Problem<TrafficCountCode>[] = [];
  if (!rows.length) return { counts: null, problems };
  const counts: TrafficCounts = { accidents: [null, null], deaths: [null, null], injuries: [null, null] };
  for (const r of rows) {
    const read = readTrafficCount(valueAt(r.row));
    const pair: CountPair = counts[r.criterion];
    if (read.ok) pair[r.side === "prev" ? 0 : 1] = read.value;
    else {
      problems.push(problem("traffic.bad-count", { sheet: where.sheet, cell: where.cellOf(r.row), target: where.target }, {
        criterion: trafficLabel(r.criterion, r.side), value: read.text,
      }));
    }
  }
  return { counts, problems };
}
