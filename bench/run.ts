/**
 * `npm run bench`: every figure on a line of its own as `name: value`.
 * Each *.bench.ts file beside this one exports `benches`: named functions that return a number.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export type Bench = { name: string; run: () => number | Promise<number> };

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { benches: Bench[] };
    for (const b of mod.benches) {
      if (only.length && !only.some((o) => b.name.startsWith(o))) continue;
      const value = await b.run();
      const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
      process.stdout.write(`${b.name}: ${shown}\n`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
