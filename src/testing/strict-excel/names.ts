/** Excel's rules for worksheet names. */
import { fail } from "./errors";

/** Excel compares names case-insensitively; NFC first, so "Chỉ tiêu" typed decomposed is the same name. */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** Why a name is not allowed, or null when it is (uniqueness is checked by the workbook). */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string") return "not a string";
  const n = name.normalize("NFC");
  const length = [...n].length;
  if (length === 0) return "empty";
  if (length > 31) return "longer than 31 characters";
  if (/[:\\/?*[\]]/.test(n)) return "contains one of : \\ / ? * [ ]";
  if (n.startsWith("'") || n.endsWith("'")) return "starts or ends with an apostrophe";
  if (nameKey(n) === "history") return '"History" is reserved';
  return null;
}

export function checkSheetName(name: unknown, taken: (key: string) => boolean): string {
  const problem = sheetNameProblem(name);
  if (problem !== null) throw fail.invalidArgument(`sheet name ${JSON.stringify(name)}: ${problem}`);
  // Excel keeps the name as typed; only comparisons are normalised.
  const n = name as string;
  if (taken(nameKey(n))) throw fail.exists(`a sheet named "${n}"`);
  return n;
}
