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
