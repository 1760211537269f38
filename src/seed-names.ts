/**
 * The built-in plans' ids and names, without the plans: what the pane's plan picker offers at rest.
 * The plans themselves (src/seeds.ts: about 60 KB of Vietnamese text, parsed and checked against the
 * schema) are a chunk of their own in the pane, fetched only when one is loaded. `builtInPlans()`
 * refuses seeds that do not match this list, so the two cannot drift apart.
 */
export interface BuiltInPlanName {
  id: string;
  unit: string;
  year: number;
}

/** In the order of `builtInPlans()`: the default first. */
export const BUILT_IN_PLAN_NAMES: readonly BuiltInPlanName[] = [
  { id: "binh-son-2024", unit: "UBND huyện Bình Sơn", year: 2024 },
  { id: "binh-son-2023", unit: "UBND huyện Bình Sơn", year: 2023 },
];
