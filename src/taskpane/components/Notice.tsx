import { type ReactNode, useEffect, useRef } from "react";
import { STRINGS } from "../strings";
import { Btn } from "./Controls";

export type Intent = "success" | "warning" | "error";

/** How long a notice that only confirms ("Đã nạp …") stays. */
export const CONFIRM_MS = 8000;

/**
 * A message in the pane: what a load did, a file's problems, an error. The left bar's colour is the
 * intent; the title says it in words. Errors are announced at once, the rest politely. (Fluent's
 * MessageBar would bring its motion library into the bundle for the same thing.) With `onDismiss` it
 * has a "Đóng" button; with `timeoutMs` as well it goes by itself, but never while the pointer or the
 * focus is inside it.
 */
export function Notice({ intent, title, children, action, testId, onDismiss, timeoutMs }: {
  intent: Intent;
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
  onDismiss?: () => void;
  timeoutMs?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (!timeoutMs || !dismiss.current) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        const el = ref.current;
        if (el && (el.matches(":hover") || el.contains(document.activeElement))) arm();
        else dismiss.current?.();
      }, timeoutMs);
    };
    arm();
    return () => clearTimeout(timer);
  }, [timeoutMs]);
  const close = action ?? (onDismiss && (
    <Btn size="small" onClick={onDismiss} data-testid={testId ? `${testId}-close` : undefined}>{STRINGS.dismiss}</Btn>
  ));
  return (
    <div ref={ref} className={`ktxh-notice ktxh-notice-${intent}`} role={intent === "error" ? "alert" : "status"} data-testid={testId} data-focus={testId} tabIndex={testId ? -1 : undefined}>
      <div className="ktxh-notice-body">
        {title && <span className="ktxh-notice-title">{title}</span>}
        {children}
      </div>
      {close && <div className="ktxh-notice-action">{close}</div>}
    </div>
  );
}
