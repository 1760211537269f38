/**
 * Row fingerprints: a short, stable digest of what a row's judgement reads — every period's figure,
 * the override and its reason — so "has this row changed since it was last judged (or recorded)?" is
 * one comparison. Independent of where the columns are (inputs are taken by their key, sorted) and
 * of how a number was written (the value, not the text Excel shows). For the book's history and for
 * judging again the rows edited while the pane was closed (issue 16): one rule, here.
 */
import { periodOfKey, targetNoOf, trafficOf } from "../core/row-id";
import { nfc } from "../core/text";
import type { KeyedGrid } from "./computed";
import { OVERRIDE_KEY, OVERRIDE_REASON_KEY } from "./sheets/targets";
import type { CellValue } from "./sheets/types";

/** Columns whose cells a row's judgement reads. */
export function isInputKey(key: string): boolean {
  return periodOfKey(key) != null || key === OVERRIDE_KEY || key === OVERRIDE_REASON_KEY;
}

const canonical = (v: CellValue | undefined): string => {
  if (v == null) return "";
  if (typeof v === "number") return `n${Object.is(v, -0) ? 0 : v}`;
  const t = nfc(String(v)).trim();
  return t === "" ? "" : `s${t}`;
};

/**
 * The fingerprint of a row's inputs, given by column key: 8 base-36 characters (FNV-1a, 32 bits, over
 * the sorted key/value pairs). Empty inputs count as absent, so a column added empty changes nothing.
 */
export function rowFingerprint(inputs: Readonly<Record<string, CellValue | undefined>>): string {
  const text = Object.keys(inputs)
    .filter((k) => canonical(inputs[k]) !== "")
    .sort()
    .map((k) => `${k}\u0001${canonical(inputs[k])}`)
    .join("\u0002");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/**
 * The fingerprint of every row with inputs (a target's, a traffic count's), by row identity (the first
 * row of an id wins); the title, header and key rows a laid-out model also names are not rows of figures.
 */
export function rowFingerprints(grid: KeyedGrid): Map<string, string> {
  const inputCols = grid.columns.map((c, i) => ({ key: c.key, i })).filter((c) => isInputKey(c.key));
  const out = new Map<string, string>();
  for (const r of grid.rows) {
    if (!r.id || out.has(r.id) || (targetNoOf(r.id) == null && !trafficOf(r.id))) continue;
    const inputs: Record<string, CellValue> = {};
    for (const c of inputCols) inputs[c.key] = r.values[c.i] ?? null;
    out.set(r.id, rowFingerprint(inputs));
  }
  return out;
}

/**
 * Rows whose inputs changed since they were last judged: the one answer to "which rows were edited
 * while the pane was closed (or by a co-author, or with events Excel never sent)?". `judged` is what
 * the book's record keeps (`recordJudged`, layout/sheets/record.ts); null there means the book never
 * kept fingerprints, and nothing can be said (`known: false`, every row to judge). A row absent from
 * `judged` but present now counts as changed; rows gone from the sheet are not listed.
 * `current` holds every row's fingerprint now, to record once the rows are judged (`judgedAfter`).
 */
export interface RowsChanged {
  known: boolean;
  /** Row ids (`t:3`, `tn:deaths:cur`), in sheet order. */
  changed: string[];
  current: Map<string, string>;
}

export function rowsChangedSince(judged: Readonly<Record<string, string>> | null, grid: KeyedGrid): RowsChanged {
  const current = rowFingerprints(grid);
  if (!judged) return { known: false, changed: [...current.keys()], current };
  const changed: string[] = [];
  for (const [id, f] of current) if (judged[id] !== f) changed.push(id);
  return { known: true, changed, current };
}

/**
 * The fingerprints to record once rows were judged: those of `judgedIds` (every row when null) taken
 * from `current`, the others kept as recorded; rows no longer on the sheet are dropped.
 */
export function judgedAfter(judged: Readonly<Record<string, string>> | null, current: ReadonlyMap<string, string>, judgedIds: ReadonlySet<string> | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, f] of current) {
    const old = judged?.[id];
    if (judgedIds === null || judgedIds.has(id)) out[id] = f;
    else if (old !== undefined) out[id] = old;
  }
  return out;
}

/** Two fingerprint maps hold the same rows and values. */
export function sameJudged(a: Readonly<Record<string, string>> | null, b: Readonly<Record<string, string>>): boolean {
  if (!a) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
