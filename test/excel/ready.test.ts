import type { PaneOperations } from "../../src/contract/operations";
import { lazyOperations } from "../../src/hosts/excel/ready";

test("lazy operations start loading the host after the first paint, load it once, and forward every call and answer", async () => {
  const calls: string[] = [];
  let loads = 0;
  const host = {
    readState: async () => (calls.push("readState"), { planId: null }),
    recheck: async (p: string) => (calls.push(`recheck ${p}`), { period: p }),
  } as unknown as PaneOperations;
  const ops = lazyOperations(async () => (loads++, host));
  // Not in the task that draws the pane (no frames under jest: the next task).
  expect(loads).toBe(0);
  await new Promise((r) => setTimeout(r, 5));
  expect(loads).toBe(1);
  await expect(ops.readState()).resolves.toEqual({ planId: null });
  await expect(ops.recheck("year")).resolves.toEqual({ period: "year" });
  expect(loads).toBe(1);
  expect(calls).toEqual(["readState", "recheck year"]);
});

test("a host chunk that fails to load rejects the operation that needed it", async () => {
  const ops = lazyOperations(() => Promise.reject(new Error("chunk failed")));
  await expect(ops.readState()).rejects.toThrow("chunk failed");
});

test("an operation called before the first paint starts the load itself, and the prefetch does not load again", async () => {
  let loads = 0;
  const ops = lazyOperations(async () => (loads++, { readState: async () => ({ planId: "x" }) } as unknown as PaneOperations));
  await expect(ops.readState()).resolves.toEqual({ planId: "x" });
  await new Promise((r) => setTimeout(r, 5));
  expect(loads).toBe(1);
});
