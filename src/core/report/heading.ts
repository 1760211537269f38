/**
 * The heading block of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): the issuing
 * body in capitals, the document number with the body's abbreviation, the place and date written
 * "Bình Sơn, ngày 05 tháng 12 năm 2023" (day below 10 and months 1–2 with a leading zero).
 */
import { type Problem, problem } from "../problems";
import { foldKey } from "../text";
import type { ReportProblemCode } from "./codes";


export interface DocDate {
  year: number;
  month: number;
  day: number;
}

const UBND = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;

const upper = (s: string): string => s.normalize("NFC").toLocaleUpperCase("vi-VN");

/** "UBND huyện Bình Sơn" → ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"]. */
export function issuerLines(unit: string): string[] {
  const u = unit.normalize("NFC").trim();
  const m = UBND.exec(u);
  if (m) return ["ỦY BAN NHÂN DÂN", upper(u.slice(m[0].length))];
  return [upper(u)];
}

/**
 * Who signs for a collective body (Decree 30/2020, Appendix I): "TM." and the head's title. A title
 * given ("Chủ tịch", "Phó Chủ tịch") is printed in capitals; a deputy signs "KT." for the head.
 */
export function signerLines(unit: string, title?: string | null): string[] {
  const ubnd = UBND.test(unit.normalize("NFC").trim());
  const t = (title ?? "").normalize("NFC").trim();
  if (!t) return ubnd ? ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] : ["THỦ TRƯỞNG CƠ QUAN"];
  const upperTitle = upper(t);
  const lines = ubnd ? ["TM. ỦY BAN NHÂN DÂN"] : [];
  if (/^pho\s/.test(foldKey(t))) lines.push(`KT. ${upper(t.replace(/^phó\s+/iu, ""))}`);
  lines.push(upperTitle);
  return lines;
}

/** The body's abbreviation in the number ("UBND"); initials of the other words otherwise. */
export function issuerAbbreviation(unit: string): string {
  const u = unit.normalize("NFC").trim();
  if (UBND.test(u)) return "UBND";
  const skip = new Set(["va", "cua"]);
  return u
    .split(/\s+/)
    .filter((w) => w && !skip.has(foldKey(w)))
    .map((w) => upper(w[0]))
    .join("");
}

/**
 * "Số: 783/BC-UBND". A bare number gets the report's symbol and the body's abbreviation; a text with
 * a "/" is the whole number as the user wants it. Without a number the space stays blank for the
 * clerk who registers the document.
 */
export function documentNumber(unit: string, number: string | null | undefined): string {
  const n = (number ?? "").normalize("NFC").trim().replace(/^Số:\s*/iu, "");
  if (n.includes("/")) return `Số: ${n}`;
  return `Số: ${n || "\u00a0".repeat(8)}/BC-${issuerAbbreviation(unit)}`;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Reads "2023-12-05" or "05/12/2023"; null with a problem when it is no calendar date. */
export function parseDocDate(text: string): { date: DocDate | null; problems: Problem<ReportProblemCode>[] } {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else return { date: null, problems: [problem("report.bad-date", {}, { text: t })] };
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return { date: null, problems: [problem("report.bad-date", {}, { text: t })] };
  }
  return { date: { year: y, month: m, day: d }, problems: [] };
}

/** "Bình Sơn, ngày 05 tháng 12 năm 2023"; blanks for the clerk when there is no date yet. */
export function placeDate(place: string, date: DocDate | null): string {
  if (!date) return `${place}, ngày     tháng     năm      `;
  const day = date.day < 10 ? pad2(date.day) : String(date.day);
  const month = date.month < 3 ? pad2(date.month) : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** The place named in the date line: the plan's, or the unit's name without its administrative words. */
export function placeOf(unit: string, place: string | null | undefined): string {
  if (place && place.trim()) return place.normalize("NFC").trim();
  return unit
    .normalize("NFC")
    .replace(UBND, "")
    .replace(/^(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+/iu, "")
    .trim();
}
