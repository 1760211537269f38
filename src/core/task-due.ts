/**
 * A task's due date, read from its timing text (Tiến độ thực hiện) as plans write it:
 * "Quý II/2024" → 2024-06-30, "Tháng 9/2024" → 2024-09-30, "Trước ngày 30/6/2024" → 2024-06-30,
 * "6 tháng đầu năm 2024" → 2024-06-30, "9 tháng đầu năm" → 30 September, "6 tháng cuối năm" and
 * "Năm 2024" → 2024-12-31. Ongoing work ("Thường xuyên …", "Hằng năm", "Liên tục") and text naming no
 * time has no due date (null). Where the text names no year the plan's year is taken. Where it names
 * several times ("Quý II - Quý III/2024", "2024-2025") the latest one is the deadline.
 */
import { foldKey } from "./text";

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

const ONGOING = /\b(thuong xuyen|hang nam|hang thang|hang quy|lien tuc|dinh ky)\b/;

/**
 * The due date (ISO) a timing text names, or null. `planYear` stands in where the text gives no year
 * ("Quý II", "Tháng 9").
 */
export function taskDue(timing: string | null | undefined, planYear: number): string | null {
  if (timing == null) return null;
  const f = foldKey(timing);
  if (f === "" || ONGOING.test(f)) return null;
  const years = [...f.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const year = years.length ? Math.max(...years) : planYear;
  const found: string[] = [];
  // A full date: "ngày 30/6/2024", "30 6 2024" once folded.
  for (const m of f.matchAll(/\b(\d{1,2}) (\d{1,2}) (20\d\d)\b/g)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) found.push(iso(y, mo, d));
  }
  // "ngày 30/6" without a year.
  for (const m of f.matchAll(/\bngay (\d{1,2}) (\d{1,2})\b(?! \d)/g)) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (validDate(year, mo, d)) found.push(iso(year, mo, d));
  }
  for (const m of f.matchAll(/\bquy (iv|iii|ii|i|[1-4])\b(?: (?:nam )?(20\d\d))?/g)) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    const y = m[2] ? Number(m[2]) : year;
    found.push(iso(y, 3 * q, lastDay(y, 3 * q)));
  }
  for (const m of f.matchAll(/\b(6|9) thang (dau|cuoi) (?:nam)?(?: ?(20\d\d))?/g)) {
    const y = m[3] ? Number(m[3]) : year;
    const month = m[2] === "cuoi" ? 12 : Number(m[1]);
    found.push(iso(y, month, lastDay(y, month)));
  }
  // "Tháng 9/2024", "tháng 9 năm 2024", "tháng 12".
  for (const m of f.matchAll(/\bthang (\d{1,2})\b(?! thang)(?: (?:nam )?(20\d\d))?/g)) {
    const mo = Number(m[1]);
    const y = m[2] ? Number(m[2]) : year;
    if (mo >= 1 && mo <= 12) found.push(iso(y, mo, lastDay(y, mo)));
  }
  if (found.length) return found.sort()[found.length - 1];
  // "Năm 2024", "trong năm 2024", "2024", "2024-2025": the end of the latest year named.
  if (years.length) return iso(year, 12, 31);
  return null;
}
