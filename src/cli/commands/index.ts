import type { Command } from "../io";
import { checkCommand } from "./check";
import { initCommand } from "./init";
import { planCommand } from "./plan";
import { reportCommand } from "./report";
import { targetCommand } from "./target";
import { evaluateCommand } from "./evaluate";

/** Every `ktxh` sub-command. Each lives in a file of its own beside this one. */
export const commands: Command[] = [checkCommand, targetCommand, evaluateCommand, planCommand, initCommand, reportCommand];
