/**
 * Merging the returned submission books into the plan workbook (issue 17), as a pure function: what
 * each cell becomes, what is a conflict, the communes' roll-ups, where each value came from. Nothing
 * is overwritten silently: a value already in the plan book that differs, or two books giving
 * different values for one cell, is a conflict listed with every value and its source, and the cell
 * is left as it was for the officer to choose.
 */
import { numberValue } from "./numbers";
import type { Plan } from "./plan";
import { TASK_STATUS_LABELS, readTaskStatus } from "./task-status";
import { foldKey } from "./text";

export type Value = string | number;

export interface Contribution {
  recipient: string;
  commune: boolean;
  file: string;
  received: string | null;
}

export interface ReturnedBook extends Contribution {
  figures: { target: string; value: Value }[];
  explanations: { target: string; text: string }[];
  tasks: { code: string; status: string | null; result: string | null }[];
  /** The traffic counts the criterion is derived from, keyed "deaths:cur" (`trafficKey`). */
  traffic?: { key: string; value: number }[];
}

/** A traffic count's key in the merge: "accidents:prev" … "injuries:cur". */
export const trafficKey = (criterion: string, side: string): string => `${criterion}:${side}`;

export interface CurrentBook {
  figures: ReadonlyMap<string, Value>;
  explanations: ReadonlyMap<string, string>;
  tasks: ReadonlyMap<string, { status: string | null; result: string | null }>;
  traffic?: ReadonlyMap<string, number>;
}

export type CellKind = "figure" | "explanation" | "task-status" | "task-result" | "traffic";

export interface SourcedValue {
  value: Value;
  recipient: string;
  file: string;
}

export interface Conflict {
  kind: CellKind;
  /** Target number or task code. */
  row: string;
  current: Value | null;
  values: SourcedValue[];
}

export interface Rollup {
  target: string;
  sum: number;
  communes: number;
  /** The plan book's or an office's total that differs from the sum, or null when none differs. */
  differs: SourcedValue | { value: Value; recipient: null; file: null } | null;
}

export interface SourceRow {
  kind: CellKind;
  row: string;
  value: Value;
  recipient: string;
  file: string;
  received: string | null;
  /** "đã tổng hợp", "xung đột", "cộng vào tổng các xã" … */
  note: "merged" | "same" | "conflict" | "rollup-part" | "kept-apart";
}

export interface MergeResult {
  figures: { target: string; value: Value }[];
  explanations: { target: string; text: string }[];
  tasks: { code: string; status?: string; result?: string }[];
  traffic: { key: string; value: number }[];
  conflicts: Conflict[];
  rollups: Rollup[];
  sources: SourceRow[];
}

/** One value against another: numbers by value (vi-VN text read as a number), text by its folded form. */
export function sameValue(a: Value | null, b: Value | null): boolean {
  if (a === null || b === null) return a === b;
  const na = typeof a === "number" ? a : numberValue(a);
  const nb = typeof b === "number" ? b : numberValue(b);
  if (na !== null && nb !== null) return Math.abs(na - nb) <= 1e-9 * Math.max(1, Math.abs(na), Math.abs(nb));
  return foldKey(String(a)) === foldKey(String(b));
}

function distinct(values: SourcedValue[]): SourcedValue[] {
  const out: SourcedValue[] = [];
  for (const v of values) if (!out.some((o) => sameValue(o.value, v.value))) out.push(v);
  return out;
}

const blank = (v: Value | null | undefined): boolean => v == null || (typeof v === "string" && v.trim() === "");

export const ROLLUP_RECIPIENT = "Tổng các xã";

interface Decided {
  value: Value | null;
  conflict: Conflict | null;
}

/** One cell: the distinct values given, against what the plan book holds. */
function decide(kind: CellKind, row: string, current: Value | null, given: SourcedValue[]): Decided {
  const d = distinct(given);
  if (!d.length) return { value: null, conflict: null };
  if (d.length > 1) return { value: null, conflict: { kind, row, current, values: given } };
  if (!blank(current) && !sameValue(current, d[0].value)) return { value: null, conflict: { kind, row, current, values: given } };
  if (!blank(current)) return { value: null, conflict: null };
  return { value: d[0].value, conflict: null };
}

function note(d: Decided): SourceRow["note"] {
  return d.conflict ? "conflict" : d.value !== null ? "merged" : "same";
}

/** Several recipients' texts on one cell: each prefixed with its sender once there is more than one. */
function joined(all: { recipient: string; text: string }[]): string {
  // The same text from one sender twice (a book sent again) is said once.
  const parts = all.filter((p, i) => all.findIndex((q) => q.recipient === p.recipient && q.text === p.text) === i);
  if (parts.length === 1) return parts[0].text;
  return parts.map((p) => `${p.recipient}: ${p.text}`).join("\n");
}

export function mergeReturned(plan: Plan, books: readonly ReturnedBook[], current: CurrentBook): MergeResult {
  const out: MergeResult = { figures: [], explanations: [], tasks: [], traffic: [], conflicts: [], rollups: [], sources: [] };
  const src = (kind: CellKind, row: string, value: Value, b: Contribution, n: SourceRow["note"]): void => {
    out.sources.push({ kind, row, value, recipient: b.recipient, file: b.file, received: b.received, note: n });
  };
  for (const t of plan.targets) {
    const office: SourcedValue[] = [];
    const communes: { v: SourcedValue; b: Contribution }[] = [];
    const offBooks: Contribution[] = [];
    for (const b of books) {
      for (const f of b.figures) {
        if (f.target !== t.no || blank(f.value)) continue;
        const v = { value: f.value, recipient: b.recipient, file: b.file };
        if (b.commune && t.fromCommunes) communes.push({ v, b });
        else {
          office.push(v);
          offBooks.push(b);
        }
      }
    }
    const cur = current.figures.get(t.no) ?? null;
    let given = office;
    if (communes.length && t.rollup !== "none") {
      // One figure per commune: a commune that sent two books counts once, or is a conflict of its own.
      const byCommune = new Map<string, SourcedValue[]>();
      for (const c of communes) byCommune.set(c.v.recipient, [...(byCommune.get(c.v.recipient) ?? []), c.v]);
      let sum = 0;
      for (const vals of byCommune.values()) {
        if (distinct(vals).length > 1) out.conflicts.push({ kind: "figure", row: t.no, current: null, values: vals });
        const x = typeof vals[0].value === "number" ? vals[0].value : numberValue(vals[0].value);
        sum += x ?? 0;
      }
      const rollValue: SourcedValue = { value: Math.round(sum * 1e9) / 1e9, recipient: `${ROLLUP_RECIPIENT} (${byCommune.size})`, file: [...new Set(communes.map((c) => c.v.file))].join("; ") };
      const officeDiffers = office.find((o) => !sameValue(o.value, rollValue.value)) ?? null;
      const bookDiffers = !blank(cur) && !sameValue(cur, rollValue.value) ? { value: cur as Value, recipient: null, file: null } : null;
      out.rollups.push({ target: t.no, sum: rollValue.value as number, communes: byCommune.size, differs: officeDiffers ?? bookDiffers });
      communes.forEach((c) => src("figure", t.no, c.v.value, c.b, "rollup-part"));
      given = [...office, rollValue];
    } else {
      communes.forEach((c) => src("figure", t.no, c.v.value, c.b, "kept-apart"));
    }
    const d = decide("figure", t.no, cur, given);
    if (d.conflict) out.conflicts.push(d.conflict);
    if (d.value !== null) out.figures.push({ target: t.no, value: d.value });
    office.forEach((v, i) => src("figure", t.no, v.value, offBooks[i], note(d)));
  }
  for (const t of plan.targets) {
    const parts = books.flatMap((b) => b.explanations.filter((e) => e.target === t.no && e.text.trim()).map((e) => ({ b, text: e.text.trim() })));
    if (!parts.length) continue;
    const text = joined(parts.map((p) => ({ recipient: p.b.recipient, text: p.text })));
    const d = decide("explanation", t.no, current.explanations.get(t.no) ?? null, [{ value: text, recipient: parts.map((p) => p.b.recipient).join("; "), file: parts.map((p) => p.b.file).join("; ") }]);
    if (d.conflict) out.conflicts.push({ ...d.conflict, values: parts.map((p) => ({ value: p.text, recipient: p.b.recipient, file: p.b.file })) });
    if (d.value !== null) out.explanations.push({ target: t.no, text: String(d.value) });
    parts.forEach((p) => src("explanation", t.no, p.text, p.b, note(d)));
  }
  // The six traffic counts: each a cell of its own, merged like a figure (no roll-up: one office reports them).
  const keys = [...new Set(books.flatMap((b) => (b.traffic ?? []).map((x) => x.key)))];
  for (const key of keys) {
    const given: { v: SourcedValue; b: Contribution }[] = books.flatMap((b) => (b.traffic ?? []).filter((x) => x.key === key).map((x) => ({ v: { value: x.value, recipient: b.recipient, file: b.file }, b })));
    const d = decide("traffic", key, current.traffic?.get(key) ?? null, given.map((g) => g.v));
    if (d.conflict) out.conflicts.push(d.conflict);
    if (d.value !== null) out.traffic.push({ key, value: d.value as number });
    given.forEach((g) => src("traffic", key, g.v.value, g.b, note(d)));
  }
  for (const task of plan.tasks) {
    const statuses: { v: SourcedValue; b: Contribution }[] = [];
    const results: { b: Contribution; text: string }[] = [];
    for (const b of books) {
      for (const x of b.tasks) {
        if (x.code !== task.code) continue;
        if (x.status && x.status.trim()) {
          const read = readTaskStatus(x.status);
          statuses.push({ v: { value: read ? TASK_STATUS_LABELS[read.status] : x.status.trim(), recipient: b.recipient, file: b.file }, b });
        }
        if (x.result && x.result.trim()) results.push({ b, text: x.result.trim() });
      }
    }
    const cur = current.tasks.get(task.code) ?? { status: null, result: null };
    const merged: MergeResult["tasks"][number] = { code: task.code };
    if (statuses.length) {
      const curRead = cur.status ? readTaskStatus(cur.status) : null;
      const curStatus = curRead ? TASK_STATUS_LABELS[curRead.status] : cur.status;
      const d = decide("task-status", task.code, curStatus, statuses.map((s) => s.v));
      if (d.conflict) out.conflicts.push(d.conflict);
      if (d.value !== null) merged.status = String(d.value);
      statuses.forEach((s) => src("task-status", task.code, s.v.value, s.b, note(d)));
    }
    if (results.length) {
      const text = joined(results.map((r) => ({ recipient: r.b.recipient, text: r.text })));
      const d = decide("task-result", task.code, cur.result, [{ value: text, recipient: results.map((r) => r.b.recipient).join("; "), file: results.map((r) => r.b.file).join("; ") }]);
      if (d.conflict) out.conflicts.push({ ...d.conflict, values: results.map((r) => ({ value: r.text, recipient: r.b.recipient, file: r.b.file })) });
      if (d.value !== null) merged.result = String(d.value);
      results.forEach((r) => src("task-result", task.code, r.text, r.b, note(d)));
    }
    if (merged.status !== undefined || merged.result !== undefined) out.tasks.push(merged);
  }
  return out;
}
