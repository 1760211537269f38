/**
 * Whether a target's figure is a sum over the year (lũy kế: output, revenue, spending, harvest, jobs,
 * certificates) or a level (a rate, a growth rate, a ratio, a count at a date). Only a sum gets
 * "% of year plan" mid-year and a year-end projection; a level is compared with the target itself.
 * The plan says so with `cumulative`; without it the unit and the name decide, as an officer would:
 * money, tonnes, people and certificates add up over the year; "%" and names of rates do not.
 */
import type { TargetRow } from "./plan";
import { foldKey } from "./text";

/** Units (folded) whose figures add up over the year. */
const SUM_UNITS = new Set(["ty dong", "trieu dong", "nghin dong", "dong", "tan", "nghin tan", "nguoi", "lao dong", "giay", "ha", "m3", "con", "luot", "luot nguoi", "ho", "vu", "km", "cong trinh", "du an"]);
/** Names of levels whatever their unit: rates, speeds, averages, structures. */
const LEVEL_NAME = /^(phan dau )?(ty le|toc do|binh quan|thu nhap binh quan|co cau|chi so|mat do|muc|so xa dat|so truong dat|xa thi tran)\b/;

export function defaultCumulative(row: Pick<TargetRow, "unit" | "name" | "criteria">): boolean {
  if (row.criteria) return false;
  if (LEVEL_NAME.test(foldKey(row.name))) return false;
  return SUM_UNITS.has(foldKey(row.unit));
}

/** The plan's word when it gives one, else the default. */
export function isCumulative(row: TargetRow): boolean {
  return row.cumulative ?? defaultCumulative(row);
}
