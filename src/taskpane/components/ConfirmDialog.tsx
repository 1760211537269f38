import { useEffect, useRef } from "react";
import { Btn } from "./Controls";

/** Whether this webview has the modal `<dialog>` (Safari before 15.4 and old webviews do not). */
export function hasModalDialog(): boolean {
  return typeof HTMLDialogElement === "function" && typeof HTMLDialogElement.prototype.showModal === "function";
}

/** A yes/no question put to the user before a write they should see coming. */
export interface ConfirmQuestion {
  title: string;
  body: string;
  /** What the answer concerns (rows a load would drop, fixes about to be written). */
  items: string[];
  confirm: string;
  cancel: string;
  answer: (go: boolean) => void;
}

/**
 * A native modal <dialog>: the browser traps focus, makes the page behind inert and closes on Esc
 * (answered "no"), which keeps Fluent's dialog and its motion library out of the pane's bundle.
 * Where the webview has no modal <dialog>, the same content is shown as a fixed overlay that takes
 * focus and answers "no" on Esc, so the question is never lost (a call to a missing `showModal`
 * would throw and blank the pane).
 */
export function ConfirmDialog({ id, question, itemsTestId }: { id: string; question: ConfirmQuestion | null; itemsTestId: string }) {
  return hasModalDialog() ? <NativeDialog id={id} question={question} itemsTestId={itemsTestId} /> : <OverlayDialog id={id} question={question} itemsTestId={itemsTestId} />;
}

interface DialogProps {
  id: string;
  question: ConfirmQuestion | null;
  itemsTestId: string;
}

/** What both forms of the dialog say of themselves to assistive technology and tests. */
function dialogAttributes(id: string) {
  return {
    role: "alertdialog",
    "aria-modal": true,
    "aria-labelledby": `ktxh-${id}-title`,
    "aria-describedby": `ktxh-${id}-body`,
    className: "ktxh-dialog",
    "data-testid": id,
  } as const;
}

function NativeDialog({ id, question, itemsTestId }: DialogProps) {
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
      {...dialogAttributes(id)}
      onCancel={(e) => {
        e.preventDefault();
        question?.answer(false);
      }}
    >
      <DialogContent id={id} question={question} itemsTestId={itemsTestId} />
    </dialog>
  );
}

function OverlayDialog({ id, question, itemsTestId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (question) ref.current?.querySelector("button")?.focus();
  }, [question]);
  if (!question) return null;
  return (
    <div className="ktxh-dialog-overlay">
      <div
        ref={ref}
        {...dialogAttributes(id)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            question.answer(false);
          }
        }}
      >
        <DialogContent id={id} question={question} itemsTestId={itemsTestId} />
      </div>
    </div>
  );
}

function DialogContent({ id, question, itemsTestId }: DialogProps) {
  return (
    <>
      <h2 id={`ktxh-${id}-title`} className="ktxh-subtitle1 ktxh-dialog-title">{question?.title}</h2>
      <p id={`ktxh-${id}-body`} className="ktxh-body1 ktxh-dialog-body">{question?.body}</p>
      {question && question.items.length > 0 && (
        <ul data-testid={itemsTestId}>
          {question.items.map((text, i) => <li key={i}>{text}</li>)}
        </ul>
      )}
      <div className="ktxh-dialog-actions">
        <Btn appearance="primary" onClick={() => question?.answer(true)}>{question?.confirm}</Btn>
        <Btn onClick={() => question?.answer(false)}>{question?.cancel}</Btn>
      </div>
    </>
  );
}
