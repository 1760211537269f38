/** What a CLI command may touch besides the file system: its output streams and its working folder. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Exit codes: 0 fine, 1 problems found in the data, 2 input that cannot be read or bad usage. */
export const EXIT = { OK: 0, PROBLEMS: 1, UNREADABLE: 2 } as const;

export type Command = {
  name: string;
  /** One line for `ktxh --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
};
