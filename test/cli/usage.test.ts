/** Every command's --help: its option lines, its own and the shared plan options, in one column. */
import { commands } from "../../src/cli/commands";
import { alignUsage, main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const capture = (): CliIO & { stdout: string } => {
  const io = { stdout: "", cwd: process.cwd(), out(t: string) { io.stdout += t; }, err() {} };
  return io;
};

describe("ktxh COMMAND --help", () => {
  it.each(commands.map((c) => [c.name]))("%s: option texts start in one column", async (name) => {
    const io = capture();
    expect(await main([name, "--help"], io)).toBe(0);
    const starts = io.stdout
      .split("\n")
      .map((l) => /^ {2}([^\s(]\S*) {2,}\S/.exec(l)?.[0].length)
      .filter((n): n is number => n != null);
    expect(starts.length).toBeGreaterThan(0);
    expect(new Set(starts).size).toBe(1);
  });

  it("puts a continuation line under its option's text", () => {
    expect(alignUsage("  --a  x\n  --long  y\n          z").split("\n")).toEqual(["  --a     x", "  --long  y", "          z"]);
  });
});
