/**
 * The one home of the benches' comparison: a measurement and its anchor taken in the same run,
 * alternated pair by pair (a warm-up pair first, then A B A B …), and summarised as the median of
 * the pair-by-pair ratios A/B with their min–max. On a shared, noisy machine a lone absolute time
 * moves by 30 %; a drift in the machine's speed moves A and its neighbour B together, so the ratio
 * of a pair keeps still.
 */

/** The median of the pair-by-pair ratios, their range, and how many pairs there were. */
export interface Ratio {
  kind: "ratio";
  median: number;
  min: number;
  max: number;
  pairs: number;
  /** What A and B were, for the line's tail (e.g. "137.0 vs 170.1 KB gz"); optional. */
  note?: string;
}

export const DEFAULT_PAIRS = 9;

export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The ratios a[i] / b[i] summarised; a and b are measurements taken as alternated pairs. */
export function ratioOf(a: number[], b: number[], note?: string): Ratio {
  if (a.length !== b.length || a.length === 0) throw new Error("ratioOf needs pairs");
  const r = a.map((x, i) => x / b[i]);
  return { kind: "ratio", median: median(r), min: Math.min(...r), max: Math.max(...r), pairs: r.length, note };
}

/**
 * Runs `a` and `b` alternately: `warmup` pairs thrown away, then `pairs` pairs kept, each one `a`
 * then `b`. Each call returns its own measurement (milliseconds it timed, bytes it counted, or a
 * record of several); use `timed` for a plain wall-clock time.
 */
export async function alternate<T>(
  a: () => T | Promise<T>,
  b: () => T | Promise<T>,
  opts: { pairs?: number; warmup?: number } = {},
): Promise<{ a: T[]; b: T[] }> {
  const pairs = opts.pairs ?? DEFAULT_PAIRS;
  const warmup = opts.warmup ?? 1;
  if (pairs < 7) throw new Error("at least 7 pairs");
  const out = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < warmup + pairs; i++) {
    const x = await a();
    const y = await b();
    if (i < warmup) continue;
    out.a.push(x);
    out.b.push(y);
  }
  return out;
}

/** `alternate` summarised as a ratio A/B. */
export async function compare(
  a: () => number | Promise<number>,
  b: () => number | Promise<number>,
  opts: { pairs?: number; warmup?: number; note?: (a: number[], b: number[]) => string } = {},
): Promise<Ratio> {
  const m = await alternate(a, b, opts);
  return ratioOf(m.a, m.b, opts.note?.(m.a, m.b));
}

/** Wall-clock milliseconds of one call. */
export function timed(f: () => unknown): () => Promise<number> {
  return async () => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
}

/** `name: 0.55 (0.49–0.63, 9 pairs)`, with the note after it when there is one. */
export function ratioLine(name: string, r: Ratio): string {
  const range = r.pairs > 1 ? ` (${r.min.toFixed(2)}–${r.max.toFixed(2)}, ${r.pairs} pairs)` : "";
  return `${name}: ${r.median.toFixed(2)}${range}${r.note ? ` — ${r.note}` : ""}`;
}
