/**
 * `ktxh` loads only what a command needs: ExcelJS for workbook commands, docx only for a .docx.
 * Runs the built CLI (bin/ktxh.js, as a user does) with a preload that records every module loaded.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { commands } from "../../src/cli/commands";

const root = path.resolve(__dirname, "..", "..");
const recorder = path.join(__dirname, "record-loads.js");

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "lib", "ktxh.js"))) execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], { cwd: root });
}, 180_000);

function loads(...argv: string[]): { code: number | null; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-loads-"));
  const out = path.join(dir, "loads.txt");
  const r = spawnSync(process.execPath, ["-r", recorder, path.join(root, "bin", "ktxh.js"), ...argv], {
    cwd: dir, env: { ...process.env, KTXH_LOADS_FILE: out }, encoding: "utf8",
  });
  return { code: r.status, files: fs.readFileSync(out, "utf8").split("\n") };
}

const lib = (files: string[], name: string): string[] =>
  files.filter((f) => f.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`) || f === `request:${name}`);

describe("a command loads only what it needs", () => {
  it.each([["plan"], ["--help"], ["target", "khoảng 25.224"], ["plan", "--json"], ["evaluate", "--help"]])(
    "ktxh %s loads neither ExcelJS nor docx",
    (...argv) => {
      const r = loads(...argv);
      expect(r.code).toBe(0);
      expect(r.files.some((f) => f.endsWith(path.join("lib", "ktxh.js")))).toBe(true);
      expect(lib(r.files, "exceljs")).toEqual([]);
      expect(lib(r.files, "docx")).toEqual([]);
    },
    60_000,
  );

  it("ktxh init loads ExcelJS but not docx", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-init-"));
    const r = loads("init", "-o", path.join(dir, "so.xlsx"));
    expect(r.code).toBe(0);
    expect(lib(r.files, "exceljs").length).toBeGreaterThan(0);
    expect(lib(r.files, "docx")).toEqual([]);
  }, 60_000);

  it("`ktxh --help` lists each command with the command's own summary", async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    }
  });
});
