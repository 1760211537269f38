/**
 * The `text` of a cell: its value shown through its number format, en-US style. Covers General, "@",
 * and patterns made of 0 # , . % with literal text, [Color] tags and up to four ; sections — enough for
 * 0, 0.00, #,##0, #,##0.00, 0%, 0.00%, and the like; dates in d, dd, m, mm, mmm, yy, yyyy (en-US month names).
 */
import { type Computed, isError } from "./cells";
import { serialDate } from "./culture";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A number format that shows a date (d, m or y outside quotes and [tags]). */
export function isDateFormat(format: string): boolean {
  return /[dmy]/i.test(format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "")) && !/General/i.test(format);
}

function dateText(v: number, format: string): string {
  const { year, month, day } = serialDate(v);
  return format.replace(/yyyy|yy|mmm|mm|m|dd|d/gi, (t) => {
    switch (t.toLowerCase()) {
      case "yyyy": return String(year);
      case "yy": return String(year % 100).padStart(2, "0");
      case "mmm": return MONTHS[month - 1];
      case "mm": return String(month).padStart(2, "0");
      case "m": return String(month);
      case "dd": return String(day).padStart(2, "0");
      default: return String(day);
    }
  });
}

export function displayText(v: Computed, format: string): string {
  if (v === null) return "";
  if (isError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const sections = splitSections(format);
  if (typeof v === "string") {
    const textSection = sections[3] ?? (sections.length === 1 && sections[0].includes("@") ? sections[0] : null);
    return textSection ? literal(textSection).replace("@", v) : v;
  }
  if (format === "General" || format === "") return general(v);
  if (format === "@") return general(v);
  if (isDateFormat(format)) return dateText(v, format);
  let section = sections[0];
  let value = v;
  if (v < 0 && sections.length > 1) {
    section = sections[1];
    value = -v;
  } else if (v === 0 && sections.length > 2) section = sections[2];
  if (section === "General") return general(value);
  return applyPattern(value, section);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Drops [Red]-style tags, quotes and escapes, leaving what is printed around the number. */
function literal(s: string): string {
  return s.replace(/\[[^\]]*\]/g, "").replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace(/_./g, " ");
}

function applyPattern(v: number, section: string): string {
  const clean = section.replace(/\[[^\]]*\]/g, "");
  const m = /[0#?,.]*[0#?][0#?,.]*/.exec(clean.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length)));
  if (!m) return literal(section);
  const pattern = m[0];
  const before = literal(clean.slice(0, m.index));
  const after = literal(clean.slice(m.index + pattern.length));
  const percent = clean.replace(/"[^"]*"/g, "").includes("%");
  const dot = pattern.indexOf(".");
  const intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPat = dot < 0 ? "" : pattern.slice(dot + 1).replace(/,/g, "");
  const grouping = intPat.includes(",");
  // Commas after the last digit placeholder scale by 1000 each.
  const scale = (/,+$/.exec(intPat)?.[0].length ?? 0) * (dot < 0 ? 1 : 0);
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  let x = Math.abs(v) * (percent ? 100 : 1) / 1000 ** scale;
  x = Number(x.toFixed(maxFrac));
  let [i, f = ""] = x.toFixed(maxFrac).split(".");
  while (f.length > minFrac && f.endsWith("0")) f = f.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = v < 0 && x !== 0;
  const body = dot >= 0 && maxFrac > 0 ? `${i}.${f}` : i;
  return `${negative ? "-" : ""}${before}${body}${after}`;
}

/** Excel's General format: up to about 11 significant characters, exponent for very large or small. */
export function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) {
    const [mant, exp] = v.toExponential(5).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  for (let p = 10; p >= 1; p--) {
    const s = String(Number(v.toPrecision(p)));
    if (s.replace("-", "").length <= 11) return s;
  }
  return String(v);
}
