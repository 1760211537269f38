import type { ReactNode } from "react";

export type Intent = "success" | "warning" | "error";

/**
 * A message in the pane: what a load did, a file's problems, an error. The left bar's colour is the
 * intent; the title says it in words. Errors are announced at once, the rest politely. (Fluent's
 * MessageBar would bring its motion library into the bundle for the same thing.)
 */
export function Notice({ intent, title, children, action, testId }: {
  intent: Intent;
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`ktxh-notice ktxh-notice-${intent}`} role={intent === "error" ? "alert" : "status"} data-testid={testId}>
      <div className="ktxh-notice-body">
        {title && <span className="ktxh-notice-title">{title}</span>}
        {children}
      </div>
      {action && <div className="ktxh-notice-action">{action}</div>}
    </div>
  );
}
