/**
 * Errors shaped like Office.js's `OfficeExtension.Error` ("RichApi.Error" with a `code` and `debugInfo`),
 * so host code that inspects `error.code` sees what Excel would send.
 */

export type StrictErrorCode =
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "InvalidOperation"
  | "InvalidReference"
  | "PropertyNotLoaded"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidRequestContext"
  | "InvalidObjectPath"
  | "RunMustReturnPromise"
  | "GeneralException"
  | "InvalidOperationInCellEditMode"
  | "ActivityLimitReached";

export interface StrictDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class StrictExcelError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: StrictErrorCode;
  readonly debugInfo: StrictDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: StrictExcelError | null = null;

  constructor(code: StrictErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function isStrictError(e: unknown): e is StrictExcelError {
  return e instanceof StrictExcelError;
}

export const fail = {
  invalidArgument: (what: string, where?: string) =>
    new StrictExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, where),
  notFound: (what: string, where?: string) =>
    new StrictExcelError("ItemNotFound", `The requested resource doesn't exist. (${what})`, where),
  exists: (what: string, where?: string) =>
    new StrictExcelError("ItemAlreadyExists", `The resource being created already exists. (${what})`, where),
  accessDenied: (what: string, where?: string) =>
    new StrictExcelError("AccessDenied", `You cannot perform the requested operation. (${what})`, where),
  invalidOperation: (what: string, where?: string) =>
    new StrictExcelError("InvalidOperation", `The requested operation is invalid. (${what})`, where),
  apiNotFound: (what: string, set: string, version: string) =>
    new StrictExcelError(
      "ApiNotFound",
      `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what} needs ${set} ${version})`,
      what,
    ),
  notLoaded: (prop: string) =>
    new StrictExcelError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      prop,
    ),
};
