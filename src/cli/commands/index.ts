import type { Command } from "../io";

/** Every `ktxh` sub-command. Each lives in a file of its own beside this one. */
export const commands: Command[] = [];
