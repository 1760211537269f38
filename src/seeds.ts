/**
 * The built-in plans, bundled with the code (webpack for the pane, tsc for the CLI): the Bình Sơn
 * 2024 decision (the default), the 2023 plan as report 783/BC prints it, and 783/BC's 2023
 * estimates. They go through `parsePlan` like any user file, so a bad edit to a seed fails loudly
 * here instead of surfacing as an odd report. No file system: this runs in the browser too.
 */
import { type Plan, parsePlan } from "./core/plan";
import { formatProblem } from "./core/messages";
import binhSon2024 from "../seeds/binh-son-2024.json";
import binhSon2023 from "../seeds/binh-son-2023.json";
import binhSon2023Estimates from "../seeds/binh-son-2023.estimates.json";

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
  plans ??= [load(binhSon2024, "seeds/binh-son-2024.json"), load(binhSon2023, "seeds/binh-son-2023.json")];
  return [...plans];
}

/** The built-in plan with this id, or null. */
export function builtInPlan(id: string): Plan | null {
  return builtInPlans().find((p) => p.id === id) ?? null;
}

/** The Bình Sơn 2024 plan: what the add-in and the CLI use when no plan is chosen. */
export function defaultPlan(): Plan {
  const p = builtInPlan(DEFAULT_PLAN_ID);
  if (!p) throw new SeedError(`Thiếu kế hoạch có sẵn ${DEFAULT_PLAN_ID}.`);
  return p;
}

/** 783/BC's "Ước TH năm 2023" column for the built-in 2023 plan, every main and sub-row. */
export function builtInEstimates2023(): SeedActuals {
  estimates2023 ??= loadActuals(binhSon2023Estimates, "seeds/binh-son-2023.estimates.json");
  return estimates2023;
}
