/**
 * Runs `ktxh` commands one after another in this process, as a child of corpus-bounds.test.ts: prints,
 * for each, its exit code, its wall time and this process's peak resident memory so far (the peak of a
 * command is at most the process's peak after it). Arguments: the working folder and a JSON file of argv lists.
 */
import * as fs from "node:fs";
import { main } from "../../src/cli/main";

async function run(): Promise<void> {
  const [cwd, list] = process.argv.slice(2);
  const commands = JSON.parse(fs.readFileSync(list, "utf8")) as string[][];
  const quiet = { cwd, out: () => undefined, err: () => undefined };
  const results: { argv: string[]; code: number; ms: number; rss: number }[] = [];
  for (const argv of commands) {
    const t0 = performance.now();
    const code = await main(argv, quiet);
    results.push({ argv, code, ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024 });
  }
  process.stdout.write(JSON.stringify(results) + "\n");
}

void run();
