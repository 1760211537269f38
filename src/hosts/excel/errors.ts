/**
 * Host faults reach the pane as Errors whose message is already Vietnamese (operations.ts). Our own
 * refusals (a protected sheet) are `HostError`s; anything Excel throws is wrapped once, keeping its code.
 */
import { HOST_TEXT } from "./strings";

export class HostError extends Error {
  override name = "HostError";
}

/** An error from Excel (OfficeExtension.Error or the strict fake's): code and message as sent. */
export class ExcelCallError extends Error {
  override name = "ExcelCallError";
  constructor(
    readonly code: string,
    detail: string,
    readonly original: unknown,
  ) {
    super(HOST_TEXT.excelFailed(detail));
  }
}

export function hostError(err: unknown): Error {
  if (err instanceof HostError || err instanceof ExcelCallError) return err;
  const code = typeof err === "object" && err && "code" in err && typeof err.code === "string" ? err.code : "Unknown";
  const detail = err instanceof Error ? `${code}: ${err.message}` : code;
  return new ExcelCallError(code, detail, err);
}
