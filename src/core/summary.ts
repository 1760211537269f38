/**
 * The summary sentence of a report, over main targets only. Two styles are in use:
 * "783" as report 783/BC prints it — "Trong 20 chỉ tiêu kinh tế - xã hội chủ yếu năm 2023, có 13
 * chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt so với kế hoạch." —
 * counts of two digits with a leading zero, groups with no target left out; and
 * "dat-trong-do-vuot", which counts vượt inside đạt: "24 đạt (trong đó 13 vượt)".
 * Targets without figures are always mentioned when there are any; figures to be looked at again
 * ("Cần xem lại") are counted with them, as targets not yet judged.
 */
import type { PlanEvaluation } from "./evaluate";
import { type Plan, mainTargets } from "./plan";

export type SummaryStyle = "783" | "dat-trong-do-vuot";

/** "06", "13", "120": counts as 783/BC prints them. */
export function twoDigits(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

function joinVi(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}`;
}

export function summarySentence(plan: Plan, evaluation: PlanEvaluation, style: SummaryStyle): string {
  const { vuot, dat, khongDat } = evaluation.summary;
  // Not yet assessable (an annual target before year end, or an officer's word) is said with the figures to look at again.
  const xemLai = evaluation.summary.xemLai + evaluation.summary.chuaDanhGia;
  const thieuSoLieu = evaluation.summary.thieuSoLieu + xemLai;
  const total = mainTargets(plan).length;
  if (style === "dat-trong-do-vuot") {
    const parts = [`${vuot + dat} đạt (trong đó ${vuot} vượt)`];
    if (khongDat > 0) parts.push(`${khongDat} không đạt`);
    if (thieuSoLieu > 0) parts.push(`${thieuSoLieu} ${xemLai > 0 ? "chưa đánh giá được" : "chưa có số liệu"}`);
    return `Trong ${total} chỉ tiêu chủ yếu năm ${plan.year}: ${parts.join(", ")}.`;
  }
  const parts: string[] = [];
  if (vuot > 0) parts.push(`${twoDigits(vuot)} chỉ tiêu vượt kế hoạch`);
  if (dat > 0) parts.push(`${twoDigits(dat)} chỉ tiêu đạt kế hoạch`);
  if (khongDat > 0) parts.push(`${twoDigits(khongDat)} chỉ tiêu không đạt so với kế hoạch`);
  if (thieuSoLieu > 0) {
    const why = xemLai > 0 ? "chưa đánh giá được (chưa có số liệu hoặc số liệu cần xem lại)" : "chưa có số liệu để đánh giá";
    parts.push(`${twoDigits(thieuSoLieu)} chỉ tiêu ${why}`);
  }
  if (parts.length === 0) return `Kế hoạch năm ${plan.year} chưa có chỉ tiêu chủ yếu nào.`;
  return `Trong ${twoDigits(total)} chỉ tiêu kinh tế - xã hội chủ yếu năm ${plan.year}, có ${joinVi(parts)}.`;
}
