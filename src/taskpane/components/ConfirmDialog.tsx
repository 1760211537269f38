import { Button } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ConfirmQuestion } from "../useTools";

/**
 * A yes/no question before a write the user should see coming ("Sửa tất cả"). The native modal
 * <dialog> of DropDialog: focus trapped, page behind inert, Esc answers no.
 */
export function ConfirmDialog({ question }: { question: ConfirmQuestion | null }) {
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
      aria-labelledby="ktxh-confirm-title"
      aria-describedby="ktxh-confirm-body"
      className="ktxh-dialog"
      data-testid="confirm"
      onCancel={(e) => {
        e.preventDefault();
        question?.answer(false);
      }}
    >
      <h2 id="ktxh-confirm-title" className="ktxh-subtitle1 ktxh-dialog-title">{question?.title}</h2>
      <p id="ktxh-confirm-body" className="ktxh-body1 ktxh-dialog-body">{question?.body}</p>
      {question && question.items.length > 0 && (
        <ul data-testid="confirm-items">
          {question.items.map((text, i) => <li key={i}>{text}</li>)}
        </ul>
      )}
      <div className="ktxh-dialog-actions">
        <Button appearance="primary" onClick={() => question?.answer(true)}>{question?.confirm}</Button>
        <Button onClick={() => question?.answer(false)}>{question?.cancel}</Button>
      </div>
    </dialog>
  );
}
