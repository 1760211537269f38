import { Button } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { DropQuestion } from "../usePane";
import { STRINGS } from "../strings";

/**
 * Asked before a load that would take filled rows out of the plan; nothing is written until answered.
 * A native modal <dialog>: the browser traps focus, makes the page behind inert and closes on Esc
 * (answered "no"), which keeps Fluent's dialog and its motion library out of the pane's bundle.
 */
export function DropDialog({ question }: { question: DropQuestion | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (question && !d.open) d.showModal();
    else if (!question && d.open) d.close();
  }, [question]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="ktxh-drop-title"
      aria-describedby="ktxh-drop-body"
      className="ktxh-dialog"
      onCancel={(e) => {
        e.preventDefault();
        question?.answer(false);
      }}
    >
      <h2 id="ktxh-drop-title" className="ktxh-subtitle1 ktxh-dialog-title">{STRINGS.dropTitle}</h2>
      <p id="ktxh-drop-body" className="ktxh-body1 ktxh-dialog-body">{STRINGS.dropBody}</p>
      <ul data-testid="drop-rows">
        {question?.rows.map((r) => <li key={r.key}>{r.label}</li>)}
      </ul>
      <div className="ktxh-dialog-actions">
        <Button appearance="primary" onClick={() => question?.answer(true)}>{STRINGS.dropConfirm}</Button>
        <Button onClick={() => question?.answer(false)}>{STRINGS.dropCancel}</Button>
      </div>
    </dialog>
  );
}
