// The pane's root as the entry and the browser tests render it: Fluent's theme, the error boundary,
// the app. Operations come from whoever renders it (src/taskpane/index.tsx wires the Office.js host).
import { FluentProvider } from "@fluentui/react-components";
import type { PaneOperations } from "../contract/operations";
import { App } from "./App";
import type { BuiltInPlans } from "./components/PlanPicker";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { PROVIDER_THEME } from "./theme";

export function Root({ ops, plans, oldExcel }: { ops: PaneOperations | null; plans: BuiltInPlans; oldExcel?: boolean }) {
  return (
    <FluentProvider theme={PROVIDER_THEME}>
      <ErrorBoundary>
        <App ops={ops} plans={plans} {...(oldExcel ? { oldExcel } : {})} />
      </ErrorBoundary>
    </FluentProvider>
  );
}
