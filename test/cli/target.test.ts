import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", cwd: process.cwd(), out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

describe("ktxh target", () => {
  it.each([
    ["khoảng 25.224", { kind: "point", min: 25224, max: 25224, canonical: "khoảng 25.224", direction: "higher" }],
    [">80%", { kind: "more-than", min: 80, max: null, unit: "%", canonical: "> 80" }],
    ["7-8", { kind: "range", min: 7, max: 8, canonical: "từ 7 đến 8" }],
    ["giảm còn khoảng 2,14%", { kind: "point", min: 2.14, direction: "lower", canonical: "giảm còn khoảng 2,14" }],
    ["Giảm 3 tiêu chí", { kind: "reduce-criteria", min: 3, max: null, canonical: "giảm 3 tiêu chí" }],
    ["dưới 5%", { kind: "less-than", min: null, max: 5, direction: "lower" }],
  ])("prints %j as JSON", async (text, expected) => {
    const io = capture();
    expect(await main(["target", text, "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out).toMatchObject(expected);
    for (const key of ["kind", "min", "max", "unit", "direction", "canonical"]) expect(out).toHaveProperty(key);
  });

  it("reads a tone mark placed on the other vowel (khỏang)", async () => {
    const io = capture();
    expect(await main(["target", "khỏang 25.224", "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ kind: "point", min: 25224, approx: true, canonical: "khoảng 25.224" });
  });

  it.each([
    ["Giảm 3 tiêu chí", "càng nhiều tiêu chí giảm càng tốt"],
    ["giảm 1-1,5%", "giảm càng nhiều càng tốt"],
    ["tăng 5%", "tăng càng nhiều càng tốt"],
    ["giảm còn khoảng 2,14", "càng thấp càng tốt"],
    ["khoảng 25.224", "càng cao càng tốt"],
  ])("says which way is better for %j (a fall's figure is the fall: more is better)", async (text, words) => {
    const io = capture();
    expect(await main(["target", text], io)).toBe(0);
    expect(io.stdout).toMatch(new RegExp(`^Chiều: +${words}$`, "m"));
  });

  it("takes the row's direction and unit", async () => {
    const io = capture();
    expect(await main(["target", "6,1", "--json", "--direction", "lower", "--unit", "%"], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ direction: "lower", unit: "%", min: 6.1 });
  });

  it("exits 2 quoting an unreadable text", async () => {
    const io = capture();
    expect(await main(["target", "hoàn thành tốt", "--json"], io)).toBe(2);
    expect(io.stderr).toContain('"hoàn thành tốt"');
    expect(io.stdout).toBe("");
  });

  it("prints a readable summary without --json", async () => {
    const io = capture();
    expect(await main(["target", "khoảng 1.284,679 tỷ đồng"], io)).toBe(0);
    expect(io.stdout).toContain("khoảng 1.284,679");
    expect(io.stdout).toContain("tỷ đồng");
  });

  it("exits 2 without a text", async () => {
    expect(await main(["target"], capture())).toBe(2);
  });
});
