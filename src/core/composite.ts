/**
 * A composite target: one line of a plan that lists several figures ("Tỷ lệ trường đạt chuẩn quốc
 * gia: mầm non 60%, tiểu học 80%, trung học cơ sở 70%"), whose sub-rows carry them one by one. Its
 * text is no single target, so it is judged from its sub-rows: every sub-row met → met (vượt only when
 * every one is beyond its plan); any sub-row short → short; a sub-row not yet judgeable → not yet
 * judgeable. The reason names the sub-rows that decide. Used by `evaluatePlan` (the one judgement)
 * and by the plan readers, which then do not call the line unreadable.
 */
import { parseNumber } from "./numbers";
import type { Plan, TargetRow } from "./plan";
import { hintsOf, parseTarget } from "./target";

/** Figures in a text as written in vi-VN ("60%", "1.500", "2,5"). */
const FIGURE_RE = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

function figuresIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.normalize("NFC").matchAll(FIGURE_RE)) {
    const r = parseNumber(m[0]);
    if (r.ok) out.push(r.value);
  }
  return out;
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * The sub-rows a main target is judged from, or null when it is no composite: its own text must not
 * read as a target, must list at least two figures, and every one of its (two or more) sub-rows must
 * read as a target whose figure is one the text lists.
 */
export function compositeParts(plan: Plan, row: TargetRow): TargetRow[] | null {
  return partsOf(row, plan.targets.filter((t) => t.parent === row.no));
}

/** `compositeParts` for a row whose sub-rows are already known. */
function partsOf(row: TargetRow, subs: TargetRow[]): TargetRow[] | null {
  if (row.parent != null || subs.length < 2 || parseTarget(row.target, hintsOf(row)).ok) return null;
  const listed = figuresIn(row.target);
  if (listed.length < 2) return null;
  for (const s of subs) {
    const t = parseTarget(s.target, hintsOf(s));
    if (!t.ok || t.value.kind === "reduce-criteria") return null;
    const bounds = [t.value.min, t.value.max].filter((b): b is number => b !== null);
    if (!bounds.some((b) => listed.some((x) => same(x, b)))) return null;
  }
  return subs;
}

// Plans are immutable data, judged again on every edit: found once per plan object.
const found = new WeakMap<Plan, Map<string, TargetRow[]>>();

/** Every composite main target of a plan, by its number. */
export function compositeTargets(plan: Plan): Map<string, TargetRow[]> {
  const known = found.get(plan);
  if (known) return known;
  const out = new Map<string, TargetRow[]>();
  found.set(plan, out);
  // Sub-rows grouped once: asking each main target for its own was quadratic in the plan's rows.
  const children = new Map<string, TargetRow[]>();
  for (const t of plan.targets) {
    if (t.parent == null) continue;
    const list = children.get(t.parent);
    if (list) list.push(t);
    else children.set(t.parent, [t]);
  }
  for (const t of plan.targets) {
    const subs = t.parent == null ? children.get(t.no) : undefined;
    if (!subs) continue;
    const parts = partsOf(t, subs);
    if (parts) out.set(t.no, parts);
  }
  return out;
}
