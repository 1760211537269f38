/** One reading of a plan file's content: `ktxh` and the pane say the same thing about the same file. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPlanFile } from "../../src/cli/load-plan";
import { planFileLine } from "../../src/core/messages";
import { readPlanFile } from "../../src/taskpane/plan-file";

const broken: [string, string, string][] = [
  ["ke-hoach.json", '{\n  "id": "x",\n  "targets": [1, 2,]\n}', "dòng 3, cột 19"],
  ["ke-hoach.json", '{\n  "id": \'x\'\n}', "dòng 2, cột 9"],
  ["ke-hoach.json", '{"targets": [{"no": 01}]}', "dòng 1, cột 21"],
];

describe("a broken JSON plan gets the same Vietnamese problem, with line and column, in the CLI and the pane", () => {
  it.each(broken)("%s %j", async (name, text, where) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ktxh-plan-"));
    await fs.writeFile(path.join(dir, name), text);
    const cli = await loadPlanFile(path.join(dir, name), name);
    expect(cli.ok).toBe(false);
    expect(cli.problems.map((p) => [p.code, p.location.path])).toEqual([["plan.json-syntax", where]]);
    const pane = readPlanFile(name, new TextEncoder().encode(text));
    // The same problems, said as the pane says them under the file's name (planFileLine).
    expect(pane).toEqual({ ok: false, problems: cli.problems.map(planFileLine) });
    // Vietnamese, with the place: not the engine's English message.
    expect(pane.ok || pane.problems[0].toLowerCase()).toContain(where);
    expect(pane.ok || pane.problems[0]).not.toMatch(/Unexpected|Expected|JSON at position/);
  });

  it("a file without a telling extension is told by its content, the same way on both paths", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ktxh-plan-"));
    const text = "\uFEFF  {\"targets\": [1,]}";
    await fs.writeFile(path.join(dir, "ke-hoach"), text);
    const cli = await loadPlanFile(path.join(dir, "ke-hoach"), "ke-hoach");
    const pane = readPlanFile("ke-hoach", new TextEncoder().encode(text));
    expect(cli.problems.map((p) => p.code)).toEqual(["plan.json-syntax"]);
    expect(pane).toEqual({ ok: false, problems: cli.problems.map(planFileLine) });
  });
});
