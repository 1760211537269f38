/** A plan file's faults as the pane says them: one plain sentence each, at the row and column the officer sees, said once. */
import { planFileLine } from "../../src/core/messages";
import { parsePlanBytes } from "../../src/core/plan-json";
import { readPlanFile } from "../../src/taskpane/plan-file";

const enc = (s: string) => new TextEncoder().encode(s);

test("a CSV row with an empty name is one sentence at its row and column heading, not a second one at targets[i]", () => {
  const r = parsePlanBytes(enc("no,name,unit,Chỉ tiêu kế hoạch\n1,Tổng giá trị,tỷ đồng,100\n2,,%,5\n"), "xa-2025.csv");
  expect(r.ok).toBe(false);
  const lines = [...new Set(r.problems.map(planFileLine))];
  expect(lines.length).toBe(1);
  expect(lines[0]).toMatch(/^Dòng 3, cột name: /);
  expect(lines.join(" ")).not.toMatch(/targets\[|mong đợi|undefined/);
});

test("a JSON field left out is said to be blank, by the target's number and the field, without parser words", () => {
  const plan = { id: "a", unit: "X", year: 2025, source: { document: "d", file: null }, targets: [{ no: "1", name: "A", unit: "%", target: "5" }, { no: "2", name: "B", unit: "%" }] };
  const r = readPlanFile("kh.json", enc(JSON.stringify(plan)));
  expect(r).toEqual({ ok: false, problems: ['Chỉ tiêu 2, mục "target": còn trống.'] });
});
