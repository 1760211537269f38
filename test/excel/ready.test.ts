import type { PaneOperations } from "../../src/contract/operations";
import { lazyOperations, whenOfficeReady } from "../../src/hosts/excel/ready";

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

test("an operation called before the first paint waits for it, and the host is loaded once", async () => {
  let loads = 0;
  const ops = lazyOperations(async () => (loads++, { readState: async () => ({ planId: "x" }) } as unknown as PaneOperations));
  const answer = ops.readState();
  expect(loads).toBe(0);
  await expect(answer).resolves.toEqual({ planId: "x" });
  await new Promise((r) => setTimeout(r, 5));
  expect(loads).toBe(1);
});

test("a document that paints no frame (hidden) still loads the host, after a bound", async () => {
  const g = globalThis as Record<string, unknown>;
  const frames: unknown[] = [];
  g.requestAnimationFrame = (f: unknown) => frames.push(f); // never called back, as in a hidden page
  try {
    let loads = 0;
    const ops = lazyOperations(async () => (loads++, { readState: async () => ({ planId: "y" }) } as unknown as PaneOperations));
    await new Promise((r) => setTimeout(r, 50));
    expect(frames.length).toBe(1);
    expect(loads).toBe(0);
    await expect(ops.readState()).resolves.toEqual({ planId: "y" });
    expect(loads).toBe(1);
  } finally {
    delete g.requestAnimationFrame;
  }
});

describe("the old-host gate", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });
  const office = (sets: Record<string, string> | null) => ({
    HostType: { Excel: "Excel" },
    context: sets === null ? {} : { requirements: { isSetSupported: (n: string, v: string) => n in sets && Number(sets[n]) >= Number(v) } },
    onReady: (f: (i: { host: string }) => void) => Promise.resolve().then(() => f({ host: "Excel" })),
  });

  test.each([
    ["ExcelApi 1.7", { ExcelApi: "1.7" }, "old-excel"],
    ["no requirements API", null, "old-excel"],
    ["ExcelApi 1.8", { ExcelApi: "1.8" }, undefined],
  ] as const)("%s: %s", async (_what, sets, why) => {
    g.Office = office(sets);
    g.Excel = { run: () => undefined };
    const renders: { ops: PaneOperations | null; why: unknown }[] = [];
    whenOfficeReady((ops, w) => renders.push({ ops, why: w }));
    // Drawn at once, before Office answers, with operations that wait for it.
    expect(renders).toHaveLength(1);
    expect(renders[0].ops).not.toBeNull();
    expect(renders[0].why).toBeUndefined();
    // The host is fetched after the first paint (the next task here): let that happen inside the test.
    await new Promise((r) => setTimeout(r, 20));
    // Drawn again, without operations, only when Office says the Excel is too old.
    expect(renders.length).toBe(why === undefined ? 1 : 2);
    expect(renders.at(-1)?.why).toBe(why);
    expect(renders.at(-1)?.ops === null).toBe(why !== undefined);
    if (why) await expect((renders[0].ops as PaneOperations).readState()).rejects.toThrow("older");
  });
});

test("a pane opened in another Office host is drawn first, then again saying it is outside Excel", async () => {
  const g = globalThis as Record<string, unknown>;
  g.Office = { HostType: { Excel: "Excel" }, context: {}, onReady: (f: (i: { host: string }) => void) => Promise.resolve().then(() => f({ host: "Word" })) };
  try {
    const renders: { ops: PaneOperations | null; why: unknown }[] = [];
    whenOfficeReady((ops, w) => renders.push({ ops, why: w }));
    await new Promise((r) => setTimeout(r, 20));
    expect(renders.map((r) => [r.ops === null, r.why])).toEqual([[false, undefined], [true, "outside"]]);
    await expect((renders[0].ops as PaneOperations).readState()).rejects.toThrow("not in Excel");
  } finally {
    delete g.Office;
  }
});
