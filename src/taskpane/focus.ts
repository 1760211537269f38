/**
 * Where focus goes after an action: to its result (the outcome, the counts, the error), never left
 * on the page's body. An action asks for a target by name in the same update that renders it; the
 * element carries `data-focus="name"` and `tabIndex={-1}`. Only user actions ask: live judgement
 * (typing in Excel) never takes focus away from the sheet.
 */
import { useCallback, useEffect, useState } from "react";

export type FocusRequest = (target: string) => void;

export function useFocusRequests(): FocusRequest {
  const [req, setReq] = useState<{ target: string; n: number } | null>(null);
  useEffect(() => {
    if (req) document.querySelector<HTMLElement>(`[data-focus="${req.target}"]`)?.focus();
  }, [req]);
  return useCallback((target: string) => setReq((r) => ({ target, n: (r?.n ?? 0) + 1 })), []);
}

/** Takes the user to a section: its heading (or the control named) gets focus and scrolls into view. */
export function goToSection(target: string): void {
  const el = document.querySelector<HTMLElement>(`[data-focus="${target}"]`);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: "start" });
}
