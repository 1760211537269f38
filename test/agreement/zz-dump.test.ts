import { runAgreement } from "./agree";
import * as fs from "node:fs";
jest.setTimeout(600_000);
test("dump", async () => {
  const run = await runAgreement(20241205, Number(process.env.AGREE_N ?? 200));
  const out: Record<string, unknown[]> = {};
  for (const [k, ds] of run.known) out[k] = ds;
  out.unknown = run.unknown;
  fs.writeFileSync(process.env.DUMP ?? "/tmp/slips/dump.json", JSON.stringify(out, null, 1));
});
