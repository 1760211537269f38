/**
 * The clipboard writer "Sao chép bảng" hands to the host: HTML and text together so Word and e-mail
 * keep the table, plain text where the browser has no ClipboardItem. Office's webviews may refuse the
 * clipboard (no user gesture left, a policy); that ends as `ClipboardRefused`, which the pane words.
 */

export class ClipboardRefused extends Error {
  constructor() {
    super("clipboard refused");
    this.name = "ClipboardRefused";
  }
}

/** What was put on the clipboard: the formatted table, or its text only. */
export type Copied = "html" | "text";

export interface ClipboardWriter {
  write: (html: string, text: string) => Promise<void>;
  /** What the last write put there, null before any success. */
  copied: () => Copied | null;
  /** Whether the browser refused: the host may pass that failure on wrapped in its own error. */
  refused: () => boolean;
}

export function clipboardWriter(nav: Navigator = navigator): ClipboardWriter {
  let copied: Copied | null = null;
  let refused = false;
  const refuse = () => {
    refused = true;
    return new ClipboardRefused();
  };
  const write = async (html: string, text: string): Promise<void> => {
    const clip = nav.clipboard as Clipboard | undefined;
    if (!clip) throw refuse();
    if (typeof ClipboardItem === "function" && typeof clip.write === "function") {
      try {
        await clip.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
        copied = "html";
        return;
      } catch {
        // Some webviews refuse rich content but take text: try that before giving up.
      }
    }
    try {
      await clip.writeText(text);
      copied = "text";
    } catch {
      throw refuse();
    }
  };
  return { write, copied: () => copied, refused: () => refused };
}

/**
 * Copies in the click itself: the async Clipboard API is called synchronously inside the handler
 * (Safari accepts a write only there), and where it is missing or refused — Excel on the web does not
 * grant its add-in frame clipboard-write (OfficeDev/office-js issue 1991) — a `copy` event raised
 * with `document.execCommand("copy")` puts the same HTML and text on the clipboard. Resolves to
 * what was copied; rejects with `ClipboardRefused` when both ways fail.
 */
export function copyNow(html: string, text: string, nav: Navigator = navigator, doc: Document = document): Promise<Copied> {
  const viaCopyEvent = (): Copied => {
    let done = false;
    const onCopy = (e: ClipboardEvent): void => {
      if (!e.clipboardData) return;
      e.clipboardData.setData("text/html", html);
      e.clipboardData.setData("text/plain", text);
      e.preventDefault();
      done = true;
    };
    doc.addEventListener("copy", onCopy);
    try {
      doc.execCommand("copy");
    } catch {
      // Reported below as refused.
    } finally {
      doc.removeEventListener("copy", onCopy);
    }
    if (!done) throw new ClipboardRefused();
    return "html";
  };
  const clip = nav.clipboard as Clipboard | undefined;
  if (!clip || typeof ClipboardItem !== "function" || typeof clip.write !== "function") {
    try {
      return Promise.resolve(viaCopyEvent());
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const item = new ClipboardItem({
    "text/html": new Blob([html], { type: "text/html" }),
    "text/plain": new Blob([text], { type: "text/plain" }),
  });
  // Called now, in the click; the copy event is the fallback while the click's activation lasts.
  return clip.write([item]).then(
    (): Copied => "html",
    (): Copied => viaCopyEvent(),
  );
}
