/**
 * The built-in plans, bundled with the code (webpack for the pane, tsc for the CLI): the Bình Sơn
 * 2024 decision (the default), the 2023 plan as report 783/BC prints it, and 783/BC's 2023
 * estimates. They go through `parsePlan` like any user file, so a bad edit to a seed fails loudly
 * here instead of surfacing as an odd report. No file system: this runs in the browser too.
 */
import { type Plan, parsePlan } from "./core/plan";
import { formatProblem } from "./core/messages";
import { BUILT_IN_PLAN_NAMES } from "./seed-names";

// The JSON is required when first asked for, not imported: a module that only may need a seed (the
// Office.js host falls back to one for a damaged plan copy) then holds none of its text until it does.
/* eslint-disable @typescript-eslint/no-require-imports */
const seedJson = {
  binhSon2024: (): unknown => require("../seeds/binh-son-2024.json"),
  binhSon2023: (): unknown => require("../seeds/binh-son-2023.json"),
  binhSon2023Estimates: (): unknown => require("../seeds/binh-son-2023.estimates.json"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** A seed that does not satisfy the schema is a programming fault, not user input. */
export class SeedError extends Error {
  override name = "SeedError";
}

export const DEFAULT_PLAN_ID = "binh-son-2024";

/** Figures for a period as a source prints them, row by row; the shape `evaluatePlan` reads. */
export type SeedActuals = {
  plan: string;
  period: "year";
  kind: "estimate" | "official";
  /** Where the figures were taken from. */
  source: string;
  rows: { no: string; actual: string }[];
};

function load(data: unknown, name: string): Plan {
  const r = parsePlan(data, name);
  if (!r.ok) throw new SeedError(`Kế hoạch có sẵn ${name} không hợp lệ:\n${r.problems.map(formatProblem).join("\n")}`);
  return r.value;
}

function loadActuals(data: unknown, name: string): SeedActuals {
  const d = data as Partial<SeedActuals> | null;
  const rows = d?.rows;
  const valid =
    typeof d?.plan === "string" &&
    d.period === "year" &&
    (d.kind === "estimate" || d.kind === "official") &&
    typeof d.source === "string" &&
    Array.isArray(rows) &&
    rows.every((r) => typeof r?.no === "string" && typeof r.actual === "string");
  if (!valid) throw new SeedError(`Số liệu có sẵn ${name} không đúng dạng {plan, period, kind, source, rows: [{no, actual}]}.`);
  return {
    plan: d.plan as string,
    period: "year",
    kind: d.kind as SeedActuals["kind"],
    source: (d.source as string).normalize("NFC"),
    rows: (rows as SeedActuals["rows"]).map((r) => ({ no: r.no, actual: r.actual.normalize("NFC").trim() })),
  };
}

// Parsed on first use and kept: the plans are immutable data shared by every caller.
let plans: Plan[] | null = null;
let estimates2023: SeedActuals | null = null;

/** Every built-in plan, the default first. Callers must not mutate the returned objects. */
export function builtInPlans(): Plan[] {
  plans ??= matchNames([load(seedJson.binhSon2024(), "seeds/binh-son-2024.json"), load(seedJson.binhSon2023(), "seeds/binh-son-2023.json")]);
  return [...plans];
}

/** The pane offers the plans by their names before it has them (seed-names.ts): both must say the same. */
function matchNames(list: Plan[]): Plan[] {
  const names = list.map(({ id, unit, year }) => JSON.stringify({ id, unit, year }));
  const listed = BUILT_IN_PLAN_NAMES.map(({ id, unit, year }) => JSON.stringify({ id, unit, year }));
  if (names.join("\n") !== listed.join("\n")) {
    throw new SeedError(`src/seed-names.ts không khớp các kế hoạch có sẵn:\n${names.join("\n")}`);
  }
  return list;
}

/** The built-in plan with this id, or null. */
export function builtInPlan(id: string): Plan | null {
  return builtInPlans().find((p) => p.id === id) ?? null;
}

/** The built-in plan with this id; a missing one is a programming fault (the id came from our own list). */
export function requireBuiltInPlan(id: string): Plan {
  const p = builtInPlan(id);
  if (!p) throw new SeedError(`Thiếu kế hoạch có sẵn ${id}.`);
  return p;
}

/** The Bình Sơn 2024 plan: what the add-in and the CLI use when no plan is chosen. */
export function defaultPlan(): Plan {
  return requireBuiltInPlan(DEFAULT_PLAN_ID);
}

/** 783/BC's "Ước TH năm 2023" column for the built-in 2023 plan, every main and sub-row. */
export function builtInEstimates2023(): SeedActuals {
  estimates2023 ??= loadActuals(seedJson.binhSon2023Estimates(), "seeds/binh-son-2023.estimates.json");
  return estimates2023;
}
