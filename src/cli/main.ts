import { commands } from "./commands";
import { type CliIO, EXIT, processIO } from "./io";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ["ktxh: công cụ dòng lệnh của KT-XH", "", "Lệnh:", ...lines, "", "ktxh LỆNH --help để xem cách dùng.", ""].join("\n");
}

/**
 * A command's usage with its option lines ("  --year    …") aligned in one column: each command's
 * lines and the shared ones (load-plan.ts's PLAN_USAGE) were written to their own widths.
 */
export function alignUsage(usage: string): string {
  const lines = usage.split("\n");
  const option = /^ {2}([^\s(]\S*) {2,}(\S.*)$/;
  const width = Math.max(0, ...lines.map((l) => option.exec(l)?.[1].length ?? 0));
  if (!width) return usage;
  return lines
    .map((l) => {
      const m = option.exec(l);
      if (m) return `  ${m[1].padEnd(width)}  ${m[2]}`;
      // A continuation of the option above: under its text.
      if (/^ {4,}\S/.test(l)) return `${" ".repeat(width + 4)}${l.trimStart()}`;
      return l;
    })
    .join("\n");
}

/** Runs `ktxh ARGS...` and resolves to the exit code. Never throws on user input. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name ? EXIT.OK : EXIT.UNREADABLE;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`ktxh: không có lệnh "${name}".\n\n${help()}`);
    return EXIT.UNREADABLE;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(alignUsage(command.usage) + "\n");
    return EXIT.OK;
  }
  return command.run(rest, io);
}
