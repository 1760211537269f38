/**
 * Who reports what in the collection cycle (issue 17): the recipients of a plan's submission books and
 * what each is asked for. Pure.
 *
 * - A task's lead office is free text, split into recipients: "Công an huyện, Viện Kiểm sát nhân dân
 *   huyện" is two offices; a collective phrase ("Các phòng, ban ngành, đơn vị trực thuộc UBND huyện",
 *   "Các cơ quan, đơn vị …") means every office named anywhere in the plan, and "UBND các xã, thị trấn"
 *   every commune of the plan's `communes` (none when the plan lists none); offices listed in brackets
 *   ("Các cơ quan chủ trì của 03 chương trình (Phòng A, Phòng B)") are those offices.
 * - A target goes to its `reportedBy` office and, when `fromCommunes`, to every commune; its sub-rows
 *   go with it.
 * - Names that differ only by tone placement, case, "&"/"và", a trailing "huyện" or a spelled-out
 *   abbreviation (PTNT) are one office: `officeKey`.
 */
import type { Plan, TargetRow } from "./plan";
import { foldKey } from "./text";

export type RecipientKind = "office" | "commune";

export interface Recipient {
  /** File-name form without tone marks: "phong-y-te-huyen". */
  id: string;
  /** As first written in the plan: "Phòng Y tế huyện". */
  name: string;
  kind: RecipientKind;
}

/** One line of the assignment (the *Phân công* sheet): a main target or a task, and who is asked. */
export interface Assignment {
  kind: "target" | "task";
  /** The target number or the task code. */
  ref: string;
  /** Recipient names, in plan order. */
  recipients: string[];
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bptnt\b/g, "phat trien nong thon"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\btb\b/g, "thuong binh"],
  [/\bxh\b/g, "xa hoi"],
  [/\bkt\b/g, "kinh te"],
];

/** The key two spellings of one office share. */
export function officeKey(name: string): string {
  let k = foldKey(name.replace(/&/g, " và "));
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  return k.replace(/\b(huyen|thi xa|thanh pho)$/, "").trim();
}

/** The file-name form of a recipient: no tone marks, lower case, words joined by "-". */
export function recipientId(name: string): string {
  return foldKey(name).replace(/ /g, "-").slice(0, 80) || "don-vi";
}

const ALL_OFFICES = /^cac (phong|co quan|ban|don vi|so|nganh)\b/;
const ALL_COMMUNES = /\bcac (xa|phuong|thi tran)\b/;

export interface LeadSplit {
  offices: string[];
  allOffices: boolean;
  allCommunes: boolean;
}

/** Splits a lead-office text into the offices it names and the collective phrases it uses. */
export function splitLead(text: string | null | undefined): LeadSplit {
  const out: LeadSplit = { offices: [], allOffices: false, allCommunes: false };
  if (!text) return out;
  for (const part of text.normalize("NFC").split(/[;\n]/)) {
    const p = part.trim().replace(/[.]$/, "");
    if (!p) continue;
    const f = foldKey(p);
    const bracket = /\(([^)]*)\)/.exec(p);
    if (bracket) {
      out.offices.push(...splitNames(bracket[1]));
      continue;
    }
    if (ALL_COMMUNES.test(f)) {
      out.allCommunes = true;
      continue;
    }
    if (ALL_OFFICES.test(f)) {
      out.allOffices = true;
      continue;
    }
    out.offices.push(...splitNames(p));
  }
  return out;
}

/** "Công an huyện, Viện Kiểm sát nhân dân huyện": a comma starts a new name only before a capital. */
function splitNames(text: string): string[] {
  const names: string[] = [];
  for (const piece of text.split(",")) {
    const s = piece.trim();
    if (!s) continue;
    if (names.length && !/^\p{Lu}/u.test(s)) names[names.length - 1] += `, ${s}`;
    else names.push(s);
  }
  return names;
}

/** Every office named anywhere in the plan (leads, partners, `reportedBy`), each once, in plan order. */
export function planOffices(plan: Plan): string[] {
  const seen = new Map<string, string>();
  const add = (name: string): void => {
    const k = officeKey(name);
    if (k && !seen.has(k)) seen.set(k, name);
  };
  for (const t of plan.targets) if (t.reportedBy) splitLead(t.reportedBy).offices.forEach(add);
  for (const t of plan.tasks) {
    splitLead(t.lead).offices.forEach(add);
    splitLead(t.partners).offices.forEach(add);
  }
  return [...seen.values()];
}

/** The recipients a lead text names, as names of the plan's offices and communes. */
export function leadRecipients(text: string | null | undefined, plan: Plan, offices: readonly string[] = planOffices(plan)): string[] {
  const s = splitLead(text);
  const out: string[] = [];
  const byKey = new Map(offices.map((o) => [officeKey(o), o]));
  if (s.allOffices) out.push(...offices);
  for (const o of s.offices) out.push(byKey.get(officeKey(o)) ?? o);
  if (s.allCommunes) out.push(...(plan.communes ?? []));
  return unique(out);
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = officeKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The plan's own assignment: each main target (by `reportedBy`, `fromCommunes`) and each task (by its lead). */
export function planAssignments(plan: Plan): Assignment[] {
  const offices = planOffices(plan);
  const out: Assignment[] = [];
  for (const t of plan.targets) {
    if (t.parent != null) continue;
    const names = t.reportedBy ? leadRecipients(t.reportedBy, plan, offices) : [];
    if (t.fromCommunes) names.push(...(plan.communes ?? []));
    out.push({ kind: "target", ref: t.no, recipients: unique(names) });
  }
  for (const t of plan.tasks) out.push({ kind: "task", ref: t.code, recipients: leadRecipients(t.lead, plan, offices) });
  return out;
}

/** Reads a recipients cell of the *Phân công* sheet ("A; B; C") into names. */
export function parseRecipientList(text: string): string[] {
  return unique(text.normalize("NFC").split(/[;\n]/).map((s) => s.trim()).filter(Boolean));
}

export function formatRecipientList(names: readonly string[]): string {
  return names.join("; ");
}

/** Every recipient asked for something, offices first (plan order), then communes (plan order). */
export function recipientsOf(plan: Plan, assignments: readonly Assignment[]): Recipient[] {
  const communes = new Set((plan.communes ?? []).map(officeKey));
  const asked = new Map<string, string>();
  for (const a of assignments) for (const n of a.recipients) if (!asked.has(officeKey(n))) asked.set(officeKey(n), n);
  const order = [...planOffices(plan), ...(plan.communes ?? [])].map(officeKey);
  const keys = [...asked.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  const used = new Set<string>();
  return keys.map((k) => {
    const name = asked.get(k) as string;
    let id = recipientId(name);
    for (let i = 2; used.has(id); i++) id = `${recipientId(name)}-${i}`;
    used.add(id);
    return { id, name, kind: communes.has(k) ? "commune" : "office" };
  });
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/** The targets (main rows with their sub-rows) and tasks a recipient is asked for. */
export function askedOf(plan: Plan, assignments: readonly Assignment[], recipient: string): { targets: TargetRow[]; tasks: Plan["tasks"] } {
  const key = officeKey(recipient);
  const mine = assignments.filter((a) => a.recipients.some((n) => officeKey(n) === key));
  const mains = new Set(mine.filter((a) => a.kind === "target").map((a) => a.ref));
  const tasks = new Set(mine.filter((a) => a.kind === "task").map((a) => a.ref));
  return {
    targets: plan.targets.filter((t) => mains.has(t.parent ?? t.no)),
    tasks: plan.tasks.filter((t) => tasks.has(t.code)),
  };
}

/**
 * The plan a recipient's book records: the unit's plan cut down to what the recipient is asked for,
 * so that `ktxh check` on the returned book asks for those rows only. Null when nothing is asked.
 */
export function recipientPlan(plan: Plan, assignments: readonly Assignment[], recipient: string): Plan | null {
  const asked = askedOf(plan, assignments, recipient);
  if (!asked.targets.length && !asked.tasks.length) return null;
  // A plan needs a target: a recipient asked for tasks only records the unit's targets, but its book has
  // no targets sheet, so the check asks for none of them.
  return { ...plan, targets: asked.targets.length ? asked.targets : plan.targets, tasks: asked.tasks, corrections: [] };
}
