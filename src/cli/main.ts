import { commands } from "./commands";
import { type CliIO, EXIT, processIO } from "./io";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ["ktxh: công cụ dòng lệnh của KT-XH", "", "Lệnh:", ...lines, "", "ktxh LỆNH --help để xem cách dùng.", ""].join("\n");
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
    io.out(command.usage + "\n");
    return EXIT.OK;
  }
  return command.run(rest, io);
}
