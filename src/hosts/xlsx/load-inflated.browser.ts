/**
 * The pane's stand-in for ./load-inflated.ts (webpack.config.js puts it in place): the browser's bounded
 * inflate counts each entry's bytes and keeps none, so there are no inflated entries to hand over and
 * ExcelJS always reads the package itself. Declining keeps ExcelJS's lib modules out of the bundle.
 */
import type { loadInflated as NodeLoad } from "./load-inflated";

export const loadInflated: typeof NodeLoad = async () => false;
