/** Every command reads its options with util.parseArgs: wrong usage is said in Vietnamese, exit code 2. */
import * as os from "node:os";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: "", stderr: "", cwd: os.tmpdir(),
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
  };
  return io;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("unknown options", () => {
  it.each([
    ["plan", "--xml"],
    ["target", "khoảng 5", "--unitt", "%"],
    ["check", "a.xlsx", "--jsn"],
    ["evaluate", "binh-son-2023", "x.csv", "--styl=783"],
    ["init", "-o", "x.xlsx", "--forse"],
    ["report", "so.xlsx", "-o", "bc.xlsx", "--doc", "bc.docx"],
    ["init", "-o", "x.xlsx", "-z"],
  ])("%s … is refused with the option named, exit 2", async (...argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`ktxh ${argv[0]}: không hiểu tùy chọn`);
    expect(r.err).toContain(argv.filter((a) => /^-/.test(a)).pop()!.split("=")[0]);
    expect(r.err).not.toMatch(/Unknown option|positional/);
  });
});

describe("missing values", () => {
  it.each([
    [["check", "a.xlsx", "--plan"], "--plan"],
    [["check", "a.xlsx", "--out", "--json"], "--out"],
    [["target", "5", "--unit"], "--unit"],
    [["evaluate", "a", "b", "--style"], "--style"],
    [["init", "-o"], "-o"],
    [["init", "--plan", "--force", "-o", "x.xlsx"], "--plan"],
    [["report", "so.xlsx", "--output"], "--output"],
    [["report", "so.xlsx", "-o", "bc.xlsx", "--docx"], "--docx"],
  ])("%j says which option lacks its value, exit 2", async (argv, flag) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`thiếu giá trị sau ${flag}`);
    expect(r.err).not.toMatch(/argument missing|ambiguous/);
  });

  it("a value given to a switch is refused", async () => {
    const r = await run("plan", "--json=yes");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--json không nhận giá trị");
  });

  it("extra arguments are refused", async () => {
    expect((await run("init", "thua", "-o", "x.xlsx")).err).toContain('không hiểu tham số "thua"');
    expect((await run("report", "a.xlsx", "b.xlsx", "-o", "x.xlsx")).err).toContain('thừa tham số "b.xlsx"');
    expect((await run("target", "5", "6")).code).toBe(2);
  });
});

describe("values that look like options", () => {
  it("a negative figure is a value, not an option", async () => {
    const r = await run("target", "-5", "--json");
    expect(r.err).not.toContain("tùy chọn");
    expect(JSON.parse(r.out).written).toBe("-5");
    const s = await run("target", "5", "--name", "-2,5", "--json");
    expect(s.code).toBe(0);
  });

  it("--flag=value and -o value both work", async () => {
    const r = await run("target", "khoảng 2,14", "--unit=%", "--direction=lower", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ unit: "%", direction: "lower" });
  });
});
