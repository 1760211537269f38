/**
 * `ktxh check` on 100 varied workbooks (colleagues' sheets with and without defects, the add-in's own
 * workbooks with their tasks sheet, 783/BC-style tables, a few CSV files), generated into a temp folder,
 * and on 1,000 (those copied ten times), against a script that merely opens the same books with
 * ExcelJS: check.vs-open.100files, check.vs-open.1000files (alternate.ts: a warm-up pair, then check,
 * open, check, open …; median of the pair ratios and their range).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { type Ratio, alternate, median, ratioOf, timed } from "./alternate";
import type { Bench } from "./run";
import { main } from "../src/cli/main";
import type { Plan } from "../src/core/plan";
import { builtInPlans } from "../src/seeds";
import { rng } from "../test/domain/rng";
import { zipBomb } from "../test/xlsx/bomb";
import { type ForeignRow, foreignSheet, goodActual, goodRows, ownWorkbook, table783 } from "../test/validate/corpus";

const COUNT = 100;
let corpus: { dir: string; files: string[] } | null = null;

function plans(): { p2024: Plan; p2023: Plan } {
  const all = builtInPlans();
  return { p2024: all.find((p) => p.id === "binh-son-2024") as Plan, p2023: all.find((p) => p.id === "binh-son-2023") as Plan };
}

async function generate(): Promise<{ dir: string; files: string[] }> {
  if (corpus) return corpus;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bench-check-"));
  const { p2024 } = plans();
  const r = rng(2024);
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 10;
    const file = path.join(dir, `xa-${String(i).padStart(3, "0")}.${kind === 9 ? "csv" : "xlsx"}`);
    if (kind === 9) {
      const lines = ["TT;Chỉ tiêu;ĐVT;KH 2024;Ước TH 2024"];
      for (const t of p2024.targets) lines.push([t.no, t.name, t.unit, t.target, String(goodActual(t)).replace(".", ",")].join(";"));
      fs.writeFileSync(file, lines.join("\n"));
    } else if (kind === 3 || kind === 7) {
      const own = ownWorkbook(p2024, {
        actual: (no) => (r.bool(0.1) ? null : goodActual(p2024.targets[Number(no) - 1])),
        traffic: { "tn:accidents:prev": 120, "tn:accidents:cur": r.int(90, 130), "tn:deaths:prev": 30, "tn:deaths:cur": r.int(20, 35), "tn:injuries:prev": 80, "tn:injuries:cur": r.int(60, 95) },
        status: () => r.pick(["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "đã hoàn thành", null]),
      });
      await own.wb.xlsx.writeFile(file);
    } else if (kind === 5) {
      const wb = new ExcelJS.Workbook();
      const rows = table783().map((x) => ({ ...x, actual: typeof x.actual === "string" && /^[\d.,]+$/.test(x.actual) ? Number(x.actual.replace(/\./g, "").replace(",", ".")) : x.actual }));
      foreignSheet(wb, "Biểu 01", 2023, rows, "783");
      await wb.xlsx.writeFile(file);
    } else {
      const rows: ForeignRow[] = goodRows(p2024);
      for (const row of rows) {
        const roll = r.next();
        if (roll < 0.03) row.actual = null;
        else if (roll < 0.06 && typeof row.actual === "number") row.actual = String(row.actual).replace(".", ",");
        else if (roll < 0.08 && typeof row.actual === "number" && row.actual > 1000) row.actual = row.actual / 1000;
        else if (roll < 0.09) row.actual = { error: "#REF!" };
      }
      const wb = new ExcelJS.Workbook();
      foreignSheet(wb, `Xã ${i}`, 2024, rows);
      if (kind % 2 === 0) {
        const ws = wb.addWorksheet("Nhiệm vụ");
        ws.addRow(["Mã", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Trạng thái", "Kết quả"]);
        for (const t of p2024.tasks) ws.addRow([t.code, t.text, t.lead, r.pick(["Hoàn thành", "Đang thực hiện"]), ""]);
      }
      await wb.xlsx.writeFile(file);
    }
    files.push(file);
  }
  corpus = { dir, files };
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return corpus;
}

/**
 * The anchor: a script that merely opens the same books with ExcelJS (a CSV is read as text), no
 * grids, no headers, no checking. Check's own cost is what it adds over this.
 */
async function openAll(files: string[]): Promise<void> {
  for (const f of files) {
    const buf = fs.readFileSync(f);
    if (f.endsWith(".csv")) {
      if (!buf.toString("utf8").length) throw new Error(`bench file empty: ${f}`);
      continue;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    if (!wb.worksheets.length) throw new Error(`bench file unreadable: ${f}`);
  }
}

/** The 100 books copied ten times over into a folder of their own: 1,000 small books. */
async function thousand(): Promise<{ dir: string; files: string[] }> {
  const { dir, files } = await generate();
  const big = path.join(dir, "1000");
  if (!fs.existsSync(big)) {
    fs.mkdirSync(big);
    for (let k = 0; k < 10; k++) for (const f of files) fs.copyFileSync(f, path.join(big, `${k}-${path.basename(f)}`));
  }
  return { dir: big, files: fs.readdirSync(big).sort().map((f) => path.join(big, f)) };
}

// In-process, alternated: `ktxh check` (its command function, as the CLI runs it, JSON output
// dropped) against the opening script, one after the other in the same warmed-up Node. In-process
// because the figure is about check's work per file: starting Node and loading modules is the same
// for both, would only dilute the ratio towards 1, and is measured apart as the CLI's start.
const medians = new Map<string, { check: number; open: number }>();

async function checkVsOpen(corpus: { dir: string; files: string[] }, key: string, pairs: number): Promise<Ratio> {
  const m = await alternate(timed(() => checkFiles(corpus)), timed(() => openAll(corpus.files)), { pairs });
  medians.set(key, { check: median(m.a), open: median(m.b) });
  return ratioOf(m.a, m.b, `${median(m.a).toFixed(0)} vs ${median(m.b).toFixed(0)} ms`);
}

// The files are named (not the folder): the 1,000 copies sit in a subfolder of the 100.
async function checkFiles(corpus: { dir: string; files: string[] }): Promise<void> {
  const io = { cwd: corpus.dir, out: () => undefined, err: () => undefined };
  const code = await main(["check", ...corpus.files, "--json"], io);
  if (code === 2) throw new Error("bench corpus has unreadable files");
}

export const benches: Bench[] = [
  { name: "check.vs-open.100files", run: async () => checkVsOpen(await generate(), "100", 9) },
  { name: "check.vs-open.1000files", run: async () => checkVsOpen(await thousand(), "1000", 7) },
  // The medians of the alternated runs above, for history; per extra file = (1000 − 100) / 900.
  { name: "check.100files.ms", run: () => medians.get("100")?.check ?? NaN },
  { name: "open.100files.ms", run: () => medians.get("100")?.open ?? NaN },
  {
    name: "check.per-extra-file.ms",
    run: () => {
      const a = medians.get("100");
      const b = medians.get("1000");
      return a && b ? (b.check - a.check) / 900 : NaN;
    },
  },
  {
    name: "open.per-extra-file.ms",
    run: () => {
      const a = medians.get("100");
      const b = medians.get("1000");
      return a && b ? (b.open - a.open) / 900 : NaN;
    },
  },
];

benches.push({
  // A bound, not a comparison: how long refusing a ~500 MB zip bomb takes (median of 5).
  name: "check.bomb.ms",
  run: async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ktxh-bench-bomb-")), "bom.xlsx");
    fs.writeFileSync(file, await zipBomb(500));
    const io = { cwd: path.dirname(file), out: () => undefined, err: () => undefined };
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      if ((await main(["check", file, "--json"], io)) !== 2) throw new Error("the bomb was not refused");
      times.push(performance.now() - t0);
    }
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return times.sort((a, b) => a - b)[2];
  },
});
