/** Row identities and column keys: every one built parses back to what built it; anything else is refused. */
import {
  type ColumnKey, MARK, type RowId, TRAFFIC_CRITERIA, columnKeyText, groupId, isUserKey, itemRefOf, keptId, keptOf, layoutOfMark,
  markKey, parseColumnKey, parseRowId, periodKey, periodOfKey, periodsOfKeys, rowIdText, sheetMark, targetId, targetNoOf, taskCodeOf,
  taskId, trafficId, trafficOf, userKey,
} from "../../src/core/row-id";
import { builtInPlans } from "../../src/seeds";
import { rng, type Rng } from "../domain/rng";

const SEED = Number(process.env.SEED ?? 20261201);
const RUNS = 1000;

function forAll(name: string, body: (r: Rng) => void): void {
  test(`${name} (seed ${SEED})`, () => {
    const r = rng(SEED);
    for (let i = 0; i < RUNS; i++) body(r);
  });
}

/** Text such as plans use for numbers and codes, and odd text a user may have typed into the id cell. */
function text(r: Rng): string {
  if (r.bool(0.6)) return Array.from({ length: r.int(1, 4) }, () => String(r.int(1, 40))).join(".");
  return Array.from({ length: r.int(0, 6) }, () => r.pick([..."abcAZ09.:-_ #tnxgpuĐạt"])).join("");
}

function rowId(r: Rng): RowId {
  const kinds = ["target", "task", "group", "traffic", "kept", "sheet", "marker"] as const;
  switch (r.pick(kinds)) {
    case "target":
      return { kind: "target", no: text(r) };
    case "task":
      return { kind: "task", code: text(r) };
    case "group":
      return { kind: "group", code: text(r) };
    case "traffic":
      return { kind: "traffic", criterion: r.pick(TRAFFIC_CRITERIA), side: r.pick(["prev", "cur"] as const) };
    case "kept":
      return { kind: "kept", id: rowIdText(r.bool(0.8) ? rowId(r) : { kind: "target", no: text(r) }) };
    case "sheet":
      return { kind: "sheet", layout: r.pick(["targets", "tasks"] as const) };
    case "marker":
      return { kind: "marker", marker: r.pick([...Object.values(MARK), `#${text(r)}`].filter((m) => !layoutOfMark(m))) };
  }
}

function columnKey(r: Rng): ColumnKey {
  const period = r.bool(0.7) ? r.pick(["year", "6m", "9m", "q1", "3m"]) : text(r);
  switch (r.int(0, 4)) {
    case 0:
      return { kind: "period", period };
    case 1:
      return { kind: "mark", period };
    case 2:
      return { kind: "task-status", period };
    case 3:
      return { kind: "task-result", period };
    default:
      return { kind: "user", name: r.bool() ? String(r.int(1, 99)) : text(r) };
  }
}

describe("row identities", () => {
  forAll("every identity built parses back to itself", (r) => {
    const id = rowId(r);
    expect(parseRowId(rowIdText(id))).toEqual(id);
  });

  test("each builder has its reader", () => {
    expect(targetNoOf(targetId("1.2"))).toBe("1.2");
    expect(taskCodeOf(taskId("2.19"))).toBe("2.19");
    expect(parseRowId(groupId("II"))).toEqual({ kind: "group", code: "II" });
    expect(trafficOf(trafficId("deaths", "cur"))).toEqual({ criterion: "deaths", side: "cur" });
    expect(keptOf(keptId(targetId("9")))).toBe("t:9");
    expect(layoutOfMark(sheetMark("tasks"))).toBe("tasks");
    expect(itemRefOf("targets", targetId("3"))).toBe("3");
    expect(itemRefOf("tasks", targetId("3"))).toBeNull();
    expect(itemRefOf("tasks", taskId("3"))).toBe("3");
  });

  test("the readers tell the kinds apart", () => {
    const t = targetId("1");
    const tn = trafficId("accidents", "prev");
    expect([targetNoOf(t), taskCodeOf(t), trafficOf(t), keptOf(t)]).toEqual(["1", null, null, null]);
    expect([targetNoOf(tn), taskCodeOf(tn), keptOf(tn)]).toEqual([null, null, null]);
    expect(targetNoOf(keptId(t))).toBeNull();
    expect(targetNoOf(null)).toBeNull();
    expect(targetNoOf(MARK.title)).toBeNull();
  });

  test.each(["", "1.2", "T:1", " t:1", "tn:", "tn:deaths", "tn:deaths:now", "tn:fires:cur", "tn:deaths:cur:x", "k:1", "Đạt"])(
    "%j is no identity", (s) => {
      expect(parseRowId(s)).toBeNull();
    });

  forAll("text without a known prefix is refused", (r) => {
    const s = text(r);
    if (!/^(#|t:|n:|g:|x:|tn:)/.test(s)) expect(parseRowId(s)).toBeNull();
  });

  test("every identity a built-in plan's sheets carry parses to its item", () => {
    for (const plan of builtInPlans()) {
      for (const t of plan.targets) expect(parseRowId(targetId(t.no))).toEqual({ kind: "target", no: t.no });
      for (const t of plan.tasks) expect(parseRowId(taskId(t.code))).toEqual({ kind: "task", code: t.code });
    }
  });
});

describe("column keys", () => {
  forAll("every key built parses back to itself", (r) => {
    const k = columnKey(r);
    expect(parseColumnKey(columnKeyText(k))).toEqual(k);
  });

  test("each builder has its reader", () => {
    expect(periodOfKey(periodKey("6m"))).toBe("6m");
    expect(parseColumnKey(markKey("year"))).toEqual({ kind: "mark", period: "year" });
    expect(isUserKey(userKey(3))).toBe(true);
    expect(periodOfKey(markKey("6m"))).toBeNull();
    expect(periodsOfKeys([{ key: "no" }, { key: periodKey("6m") }, { key: markKey("6m") }, { key: userKey(1) }, { key: periodKey("year") }])).toEqual(["6m", "year"]);
  });

  test.each(["", "no", "status", "P:year", "period:year", "markyear", "u1", " p:year"])("%j is no prefixed key", (s) => {
    expect(parseColumnKey(s)).toBeNull();
    expect(periodOfKey(s)).toBeNull();
    expect(isUserKey(s)).toBe(false);
  });
});
