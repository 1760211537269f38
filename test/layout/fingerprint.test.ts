import { judgedAfter, rowFingerprint, rowFingerprints, rowsChangedSince } from "../../src/layout/fingerprint";

test("a fingerprint follows the inputs' values, not their columns' places or empty columns", () => {
  const a = rowFingerprint({ "p:year": 1720, "p:6m": 800 });
  expect(a).toMatch(/^[0-9a-z]{7,8}$/);
  expect(rowFingerprint({ "p:6m": 800, "p:year": 1720 })).toBe(a);
  expect(rowFingerprint({ "p:6m": 800, "p:year": 1720, "p:9m": null, override: "" })).toBe(a);
  expect(rowFingerprint({ "p:6m": 800, "p:year": 1721 })).not.toBe(a);
  expect(rowFingerprint({ "p:6m": 800, "p:year": "1720" })).not.toBe(a);
  // Decomposed Vietnamese text is the same text.
  expect(rowFingerprint({ override: "Đạt" })).toBe(rowFingerprint({ override: "Đạt".normalize("NFD") }));
});

test("a sheet's fingerprints read only the input columns, by row identity", () => {
  const grid = {
    columns: [{ key: "name" }, { key: "p:year" }, { key: "status" }, { key: "override" }],
    rows: [
      { id: null, values: ["Chỉ tiêu", "Năm", "Trạng thái", ""] },
      { id: "t:1", values: ["A", 5, "Đạt", null] },
      { id: "t:2", values: ["B", 5, "Không đạt", null] },
    ],
  };
  const f = rowFingerprints(grid);
  expect([...f.keys()]).toEqual(["t:1", "t:2"]);
  // Names and statuses are not inputs: equal figures, equal fingerprints.
  expect(f.get("t:1")).toBe(f.get("t:2"));
  expect(f.get("t:1")).toBe(rowFingerprint({ "p:year": 5 }));
});

test("rows changed since last judged: by fingerprint, unknown without a record of them; the title and key rows of a model are not rows", () => {
  const grid = (year: number) => ({
    columns: [{ key: "name" }, { key: "p:year" }],
    rows: [
      { id: "#header", values: ["Chỉ tiêu", "Năm"] },
      { id: "t:1", values: ["A", year] },
      { id: "tn:deaths:cur", values: ["Số người chết", 3] },
    ],
  });
  const before = rowFingerprints(grid(5));
  expect([...before.keys()]).toEqual(["t:1", "tn:deaths:cur"]);
  const judged = Object.fromEntries(before);
  expect(rowsChangedSince(judged, grid(5)).changed).toEqual([]);
  expect(rowsChangedSince(judged, grid(6))).toMatchObject({ known: true, changed: ["t:1"] });
  expect(rowsChangedSince(null, grid(6))).toMatchObject({ known: false, changed: ["t:1", "tn:deaths:cur"] });
  // Recording a partial judgement keeps what the other rows had.
  const now = rowsChangedSince(judged, grid(6)).current;
  expect(judgedAfter(judged, now, new Set(["tn:deaths:cur"]))).toEqual(judged);
  expect(judgedAfter(judged, now, new Set(["t:1"]))).toEqual(Object.fromEntries(now));
});
