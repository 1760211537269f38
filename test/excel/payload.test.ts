import { bigPlan } from "./big-plan";
import { cellOf, setup, syncsOf } from "./support";

const yes = async (): Promise<boolean> => true;

describe("requests over Excel on the web's payload limit", () => {
  test("a load too big for one request is written in row blocks, every request under the limit, nothing lost", async () => {
    const plan = bigPlan(200, 150);
    const limit = 200_000;
    const { wb, ops } = setup({ maxRequestBytes: limit }, { requestLimitBytes: 150_000 });
    const syncs = await syncsOf(wb, () => ops.loadPlan(plan, ["6m", "9m", "year"], yes));
    expect(syncs).toBeGreaterThan(4);
    expect(wb.counters.maxBytes).toBeLessThanOrEqual(limit);
    expect(wb.counters.requests.every((r) => r.ok)).toBe(true);
    expect(wb.user.cell("Chỉ tiêu", cellOf(wb, "Chỉ tiêu", "t:200", "name")).value).toBe(plan.targets[199].name);
    expect(wb.user.cell("Nhiệm vụ", cellOf(wb, "Nhiệm vụ", "n:2.50", "text")).value).toBe(plan.tasks[149].text);
    // The same load under the default limit is one write request: chunks only when needed.
    const plain = setup({ maxRequestBytes: 5 * 1024 * 1024 });
    expect(await syncsOf(plain.wb, () => plain.ops.loadPlan(plan, ["6m", "9m", "year"], yes))).toBe(4);
  });
});
