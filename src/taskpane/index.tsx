// The pane's entry: waits for Office, then renders. Office operations are made here and passed to
// the components as props, so components stay testable without Office.
import { createRoot } from "react-dom/client";
import { whenOfficeReady } from "../hosts/excel";
import { builtInPlans } from "../seeds";
import { Root } from "./Root";
import type { PaneOperations } from "../contract/operations";
import { installStyles } from "./styles";

function render(ops: PaneOperations | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  installStyles();
  createRoot(container).render(
    <Root ops={ops} plans={builtInPlans} />,
  );
}

// office.js comes from Microsoft's CDN; if it could not load (offline preview in a browser), the
// pane still renders and says it is outside Excel rather than staying blank.
whenOfficeReady(render);
