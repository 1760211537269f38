/**
 * test/fixtures/pledge-2024.json against the pledge (seeds/sources/004_…txt), and against the
 * decision's plan: the two documents disagree on target 1 only (25.242 vs 25.224).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Plan, parsePlan } from "../../src/core/plan";
import { parseTarget } from "../../src/core/target";
import { targetValue } from "../../src/cli/commands/plan";
import { defaultPlan } from "../../src/seeds";
import { compositions, lastNumber, sourceLines } from "./source";

const FIXTURE = path.join(__dirname, "..", "fixtures", "pledge-2024.json");
const parsed = parsePlan(JSON.parse(fs.readFileSync(FIXTURE, "utf8")), "pledge-2024.json");
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const pledge: Plan = parsed.value;

/** "- (N) text;" lines of section II.2. */
const source = new Map(
  sourceLines("004_89e1df001228f3ec.txt")
    .map((l) => /^- \((\d+)\)\s+(.*?)\s*[;.]?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]] as const),
);

function value(plan: Plan, no: string): number | null {
  const t = plan.targets.find((x) => x.no === no);
  if (!t) throw new Error(`no target ${no} in ${plan.id}`);
  const r = parseTarget(t.target, { direction: t.direction, unit: t.unit, name: t.name });
  if (!r.ok) throw new Error(`unreadable target ${no} in ${plan.id}: ${t.target}`);
  return targetValue(r.value);
}

const NOS = Array.from({ length: 20 }, (_, i) => String(i + 1));

describe("test/fixtures/pledge-2024.json against the pledge", () => {
  it("has the pledge's 20 targets", () => {
    expect([...source.keys()]).toEqual(NOS);
    expect(pledge.targets.map((t) => t.no)).toEqual(NOS);
    expect([pledge.id, pledge.year, pledge.source.file]).toEqual(["binh-son-2024-pledge", 2024, "004_89e1df001228f3ec.txt"]);
  });

  it.each(NOS)("target %s recomposes the pledge's line and holds its number", (no) => {
    const row = pledge.targets.find((t) => t.no === no);
    if (!row) throw new Error(no);
    const line = source.get(no) ?? "";
    expect(compositions(line, row)).toHaveLength(1);
    const written = parseTarget(lastNumber(line));
    expect(written.ok && value(pledge, no) === written.value.min).toBe(true);
  });
});

describe("the pledge against the decision", () => {
  const plan = defaultPlan();

  it("differs in value on target 1 only: 25.242 in the pledge, 25.224 in the decision", () => {
    const differing = NOS.filter((no) => value(pledge, no) !== value(plan, no));
    expect(differing).toEqual(["1"]);
    expect([value(pledge, "1"), value(plan, "1")]).toEqual([25242, 25224]);
  });

  it("has the same units and directions as the decision", () => {
    expect(pledge.targets.map((t) => [t.unit, t.direction ?? null, t.criteria ?? null])).toEqual(
      plan.targets.map((t) => [t.unit, t.direction ?? null, t.criteria ?? null]),
    );
  });
});
