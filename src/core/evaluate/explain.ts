/**
 * "Vì sao?": the rule that gives a target its status, in one or two sentences of the catalog
 * (src/core/messages/rules.ts), chosen from the target as read and the row's rule settings exactly
 * as `judge` and `judgeCriteria` (rule.ts) apply them. The row's reason says how its figure fell.
 */
import { formatNumber } from "../numbers";
import type { RuleSettings } from "../plan";
import type { TargetSpec } from "../target";
import { RULE_NOTES, RULE_TEXT } from "../messages/rules";
import { MIRROR } from "./rule";

export function explainRule(spec: TargetSpec, settings: RuleSettings = {}): string {
  const lower = spec.direction === "lower";
  const words = { plan: spec.written, better: lower ? "thấp hơn" : "cao hơn", worse: lower ? "cao hơn" : "thấp hơn" };
  const parts: string[] = [];
  if (spec.change) parts.push(RULE_NOTES.change(spec.written));
  else {
    parts.push(RULE_TEXT[lower ? MIRROR[spec.kind] : spec.kind](words));
    if (spec.rate) parts.push(RULE_NOTES.rate(spec.written));
  }
  if (lower && spec.kind !== "reduce-criteria" && !spec.change) parts.push(RULE_NOTES.lower);
  if (settings.tolerance) parts.push(RULE_NOTES.tolerance(formatNumber(settings.tolerance)));
  if (settings.exceed === "dat") parts.push(RULE_NOTES.exceed);
  if (settings.strictBound === "exclusive" && (spec.kind === "more-than" || spec.kind === "less-than")) parts.push(RULE_NOTES.exclusive);
  return parts.join(" ");
}
