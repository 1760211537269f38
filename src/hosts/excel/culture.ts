/**
 * The culture of the Excel the pane runs in, read in the batch an action already makes (no request of
 * its own): `application.cultureInfo` (ExcelApi 1.11), guarded; below 1.11 it is not known, and the
 * culture the book's record keeps (or none: figures read culture-free) stands in.
 */
import { type TypingCulture, typingCulture } from "../../core/culture";

/** Queues the read when `supported`; the function gives the culture after the next sync (null: unknown). */
export function loadCulture(ctx: Excel.RequestContext, supported: boolean): () => TypingCulture | null {
  if (!supported) return () => null;
  const info = ctx.application.cultureInfo.load("name");
  const numbers = info.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
  return () => typingCulture(info.name, numbers.numberDecimalSeparator, numbers.numberGroupSeparator);
}
