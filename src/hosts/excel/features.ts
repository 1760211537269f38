/**
 * Features above the manifest's minimum (ExcelApi 1.8), checked before use: calling an API of a
 * missing set fails the whole request ("ApiNotFound"), so each is skipped or replaced, with a notice.
 */
import type { Notice } from "../../contract/operations";
import { NOTICES } from "./strings";

export type IsSetSupported = (name: string, version: string) => boolean;

export interface Features {
  /** `format.indentLevel` (1.9); else labels are indented with spaces. */
  indent: boolean;
  /** `worksheet.pageLayout` (1.9); else the page setup is left to the user. */
  pageLayout: boolean;
  /** `onChanged` `triggerSource` (1.14); else the add-in's own writes are recognised by address. */
  triggerSource: boolean;
  /** `application.cultureInfo` (1.11); else the culture is not known (the book's record, or none). */
  culture: boolean;
}

/** Office's own check, when Office.js is loaded; outside Office nothing above the minimum is assumed. */
export function officeRequirements(): IsSetSupported {
  if (typeof Office === "undefined" || !Office.context?.requirements) return () => false;
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  return {
    indent: isSetSupported("ExcelApi", "1.9"),
    pageLayout: isSetSupported("ExcelApi", "1.9"),
    triggerSource: isSetSupported("ExcelApi", "1.14"),
    culture: isSetSupported("ExcelApi", "1.11"),
  };
}

export function featureNotices(f: Features): Notice[] {
  const out: Notice[] = [];
  if (!f.indent) out.push({ ...NOTICES.indent });
  if (!f.pageLayout) out.push({ ...NOTICES.pageLayout });
  if (!f.triggerSource) out.push({ ...NOTICES.triggerSource });
  return out;
}
