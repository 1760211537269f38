/**
 * A light reader of the source documents, written apart from the seeds so the tests compare the
 * JSON with what the documents say rather than with how the seeds were made.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const SOURCES = path.join(__dirname, "..", "..", "seeds", "sources");

/** The document's non-empty lines, NFC, trimmed, without the bare page numbers ("9"). */
export function sourceLines(file: string): string[] {
  return fs
    .readFileSync(path.join(SOURCES, file), "utf8")
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^\d{1,3}$/.test(l));
}

/** Joins wrapped lines: a hyphen glued to a word at a line end ("1731/QĐ-" + "UBND") joins without a space. */
export function joinLines(lines: string[]): string {
  return lines.reduce((acc, l) => (acc === "" ? l : /\S-$/.test(acc) ? acc + l : `${acc} ${l}`), "").replace(/\s+/g, " ").trim();
}

export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The last number written in a line ("… năm 2024: 01 trường" → "01"): the target's figure. */
export function lastNumber(line: string): string {
  const all = line.match(/\d[\d.,]*\d|\d/g) ?? [];
  return all[all.length - 1] ?? "";
}

type Row = { name: string; unit: string; target: string };

/**
 * How a plan's target line is composed from its row: the name, a separator (": ", " ", " đạt "),
 * the target as written, then the unit (glued for %, after a space otherwise, or left out when
 * the wording already carries it: "Giảm 3 tiêu chí", "100% theo chỉ tiêu cấp trên giao").
 * Returns every composition that reproduces the line; a consistent split has exactly one.
 */
export function compositions(line: string, row: Row): string[] {
  const found: string[] = [];
  for (const sep of [": ", " ", " đạt "]) {
    const units = row.unit === "%" ? ["%", ""] : [` ${row.unit}`, ""];
    for (const u of units) {
      if (u === "" && !row.target.includes(row.unit)) continue;
      if (`${row.name}${sep}${row.target}${u}` === line) found.push(`${JSON.stringify(sep)}+${JSON.stringify(u)}`);
    }
  }
  return found;
}
