/**
 * The agreement harness (issue 11, point 5): N generated workbooks, each through every path
 * (paths.ts), compared (compare.ts), and every disagreement either covered by a KNOWN class or not.
 * `AGREE_SEED` and `AGREE_N` reproduce a run; the .docx read-back runs on every `DOCX_EVERY`-th book.
 */
import { type Disagreement, compareBook, table } from "./compare";
import { type BookSpec, describeBook, generateBook } from "./generate";
import { KNOWN, classify } from "./known";
import { runBook } from "./paths";

export const DEFAULT_SEED = 20241205;
export const DEFAULT_N = 200;
/** The .docx path (the slowest) on a deterministic quarter of the books: 50 of 200. */
export const DOCX_EVERY = 4;

export interface AgreementRun {
  seed: number;
  books: BookSpec[];
  /** Disagreements no KNOWN class covers. */
  unknown: Disagreement[];
  /** Occurrences per KNOWN class id. */
  known: Map<string, Disagreement[]>;
  /** KNOWN classes that did not occur (only meaningful on a full run). */
  vanished: string[];
  ms: number;
  /** CPU time of the run (the machine is shared: wall time says little). */
  cpuMs: number;
}

export function settings(env: NodeJS.ProcessEnv = process.env): { seed: number; n: number } {
  const seed = env.AGREE_SEED ? Number(env.AGREE_SEED) : DEFAULT_SEED;
  const n = env.AGREE_N ? Number(env.AGREE_N) : DEFAULT_N;
  if (!Number.isInteger(seed) || !Number.isInteger(n) || n < 1) throw new Error(`AGREE_SEED/AGREE_N must be integers (got ${env.AGREE_SEED}, ${env.AGREE_N})`);
  return { seed, n };
}

export async function runAgreement(seed: number, n: number, only?: readonly number[]): Promise<AgreementRun> {
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const books: BookSpec[] = [];
  const unknown: Disagreement[] = [];
  const known = new Map<string, Disagreement[]>(KNOWN.map((k) => [k.id, []]));
  for (let i = 0; i < n; i++) {
    if (only && !only.includes(i)) continue;
    const spec = generateBook(seed, i);
    books.push(spec);
    const answers = await runBook(spec, { docx: i % DOCX_EVERY === 0 });
    for (const d of compareBook(spec, answers)) {
      const k = classify(d, spec);
      if (k) known.get(k.id)?.push(d);
      else unknown.push(d);
    }
  }
  const vanished = [...known].filter(([, ds]) => ds.length === 0).map(([id]) => id);
  const cpu = process.cpuUsage(c0);
  return { seed, books, unknown, known, vanished, ms: Date.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Counts per KNOWN class, one line each, with one example. */
export function knownSummary(run: AgreementRun): string {
  return KNOWN.map((k) => {
    const ds = run.known.get(k.id) ?? [];
    const ex = ds[0] ? `  e.g. book #${ds[0].book} ${ds[0].path} ${ds[0].field} ${ds[0].row}: want ${ds[0].want.slice(0, 40)}, got ${ds[0].got.slice(0, 40)}` : "";
    return `${String(ds.length).padStart(5)}  ${k.id.padEnd(26)} ${k.paths.join(",")}${ex}`;
  }).join("\n");
}

/** What a failure prints: the seed, how to reproduce, each failing book's description and its table. */
export function failureText(run: AgreementRun, n: number): string {
  const parts = [`agreement: seed ${run.seed} (reproduce with AGREE_SEED=${run.seed} AGREE_N=${n})`];
  const byBook = new Map<number, Disagreement[]>();
  for (const d of run.unknown) byBook.set(d.book, [...(byBook.get(d.book) ?? []), d]);
  const shown = [...byBook].slice(0, 8);
  for (const [book, ds] of shown) {
    const spec = run.books.find((b) => b.index === book) as BookSpec;
    parts.push("", describeBook(spec), table(ds.slice(0, 30)));
  }
  if (byBook.size > shown.length) parts.push(`… and ${byBook.size - shown.length} more books with unknown disagreements`);
  return parts.join("\n");
}

export function total(run: AgreementRun): number {
  return run.unknown.length + [...run.known.values()].reduce((s, ds) => s + ds.length, 0);
}
