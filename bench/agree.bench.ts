/**
 * The agreement harness (test/agreement) as figures: `agree.workbooks` generated workbooks run through
 * every path, and `agree.disagreements`, every disagreement found (outside KNOWN + KNOWN occurrences;
 * issue 11 wants 0). `agree.unknown` is the part outside KNOWN (the test fails when it is not 0).
 * AGREE_SEED / AGREE_N as in the test. One run feeds all three figures.
 */
import type { Bench } from "./run";
import { type AgreementRun, runAgreement, settings, total } from "../test/agreement/agree";

let run: Promise<AgreementRun> | null = null;
const once = (): Promise<AgreementRun> => {
  const { seed, n } = settings();
  run ??= runAgreement(seed, n);
  return run;
};

export const benches: Bench[] = [
  { name: "agree.workbooks", run: async () => (await once()).books.length },
  { name: "agree.disagreements", run: async () => total(await once()) },
  { name: "agree.unknown", run: async () => (await once()).unknown.length },
];
