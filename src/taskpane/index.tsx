// The pane's entry: renders at once, its operations waiting for Office. Office operations are made here and passed to
// the components as props, so components stay testable without Office.
import { flushSync } from "react-dom";
import { type Root, createRoot } from "react-dom/client";
import { type NoHost, whenOfficeReady } from "../hosts/excel/ready";
import { Root as Pane } from "./Root";
import type { PaneOperations } from "../contract/operations";
import { BUILT_IN_PLAN_NAMES } from "../seed-names";
import type { BuiltInPlans } from "./components/PlanPicker";
import { installStyles } from "./styles";

// The built-in plans are a chunk of their own, fetched when one is loaded: at rest the pane holds
// only their names.
const plans: BuiltInPlans = {
  names: BUILT_IN_PLAN_NAMES,
  get: async (id) => (await import(/* webpackChunkName: "seeds" */ "../seeds")).requireBuiltInPlan(id),
};

let root: Root | null = null;

/** Draws the pane; called again (same root) when Office answers that there is no usable Excel. */
function render(ops: PaneOperations | null, why?: NoHost): void {
  const container = document.getElementById("container");
  if (!container) return;
  installStyles();
  root ??= createRoot(container);
  // Keyed by why: a pane redrawn without a host starts afresh, not with the first one's state.
  // Drawn in this task, as soon as the bundle runs: a concurrent render would yield every few
  // milliseconds and let other tasks run before the first screen is on the page.
  flushSync(() => root?.render(<Pane key={why ?? "excel"} ops={ops} plans={plans} {...(why === "old-excel" ? { oldExcel: true } : {})} />));
}

// office.js comes from Microsoft's CDN; if it could not load (offline preview in a browser), the
// pane still renders and says it is outside Excel rather than staying blank.
// The collection cycle's books are written and read by ExcelJS, a large chunk fetched only when
// "Tạo phiếu thu thập" or "Tổng hợp phiếu" is pressed.
const cycleFiles = async () => (await import(/* webpackChunkName: "cycle-files" */ "../hosts/xlsx/cycle-files")).cycleFiles;
whenOfficeReady(render, { cycleFiles });
