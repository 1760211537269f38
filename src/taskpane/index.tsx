// The pane's entry: waits for Office, then renders. Office operations are wired in here and passed
// to the components as props, so components stay testable without Office.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App planName={null} inExcel={inExcel} />
    </FluentProvider>,
  );
}

// office.js comes from Microsoft's CDN; if it could not load (offline preview in a browser), the
// pane still renders and says it is outside Excel rather than staying blank.
if (typeof Office === "undefined") render(false);
else void Office.onReady((info) => render(info.host === Office.HostType.Excel));
