import { Component, type ErrorInfo, type ReactNode } from "react";
import { STRINGS } from "../strings";
import { Btn } from "./Controls";

interface State {
  failed: boolean;
}

/**
 * The pane's last line: a fault while drawing (a webview lacking something, a bug) shows a Vietnamese
 * message and a "Tải lại" button instead of a blank pane. The workbook is untouched by a redraw.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; reload?: () => void }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the webview's developer tools; nothing leaves the machine.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.reload ?? (() => window.location.reload());
    return (
      <main className="ktxh-root ktxh-crash" data-testid="crash">
        <div role="alert">
          <h1 className="ktxh-subtitle1">{STRINGS.crashTitle}</h1>
          <p className="ktxh-body1">{STRINGS.crashBody}</p>
        </div>
        <Btn appearance="primary" onClick={reload}>{STRINGS.crashReload}</Btn>
      </main>
    );
  }
}
