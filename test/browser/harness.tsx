// Test page: the real pane over the in-memory FakeWorkbook, driven from playwright via window.__fake.
// `?outside` renders the pane as it looks outside Excel (no operations); `?crash` makes drawing fail.
import { createRoot } from "react-dom/client";
import { BUILT_IN_PLAN_NAMES } from "../../src/seed-names";
import { builtInPlans, requireBuiltInPlan } from "../../src/seeds";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { Root } from "../../src/taskpane/Root";
import { installStyles } from "../../src/taskpane/styles";
import { FakeWorkbook } from "./fake-host";

declare global {
  interface Window {
    __fake: FakeWorkbook;
  }
}

const fake = new FakeWorkbook();
window.__fake = fake;
const query = new URLSearchParams(location.search);
const outside = query.has("outside");
// `?crash`: drawing throws inside the pane's error boundary, as a webview lacking something would make it.
const crash = query.has("crash");
function Thrower(): never {
  throw new Error("thử lỗi khi vẽ");
}
if (query.has("loaded")) {
  // A workbook that already has the default plan and one figure, as when the pane is reopened.
  fake.plan = builtInPlans()[1];
  fake.periods = ["6m", "9m", "year"];
  fake.figures.set("year", new Map([["4", "800"]]));
}
if (query.has("fields")) {
  // The fields of the last report made in this book, as its record keeps them.
  fake.reportFields = {
    number: "783", date: "05/12/2024", to: "Hội đồng nhân dân huyện", signer: "Nguyễn Văn An", signerTitle: "Chủ tịch",
    tasksTotal: "118", tasksDone: "109", tasksDoing: "9",
  };
}
const container = document.getElementById("container");
if (container) {
  installStyles();
  createRoot(container).render(
    crash ? (
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary reload={() => location.assign(location.pathname)}>
          <Thrower />
        </ErrorBoundary>
      </FluentProvider>
    ) : (
      <Root ops={outside ? null : fake} plans={{ names: BUILT_IN_PLAN_NAMES, get: async (id) => requireBuiltInPlan(id) }} />
    ),
  );
}
