/**
 * `ktxh check` on 100 varied workbooks (colleagues' sheets with and without defects, the add-in's own
 * workbooks with their tasks sheet, 783/BC-style tables, a few CSV files), generated into a temp folder.
 * `open.100files.ms` only reads them (bytes → grids); `check.100files.ms` runs the whole command on the
 * folder. The difference is what checking adds to opening. Best of three runs, after a warm-up.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Bench } from "./run";
import { main } from "../src/cli/main";
import type { Plan } from "../src/core/plan";
import { builtInPlans } from "../src/seeds";
import { readWorkbook } from "../src/hosts/xlsx/read-workbook";
import { rng } from "../test/domain/rng";
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

async function openAll(files: string[]): Promise<void> {
  for (const f of files) {
    const r = await readWorkbook(fs.readFileSync(f), f);
    if (!r.ok) throw new Error(`bench file unreadable: ${f}`);
  }
}

async function checkAll(dir: string): Promise<void> {
  const io = { cwd: dir, out: () => undefined, err: () => undefined };
  const code = await main(["check", dir, "--json"], io);
  if (code === 2) throw new Error("bench corpus has unreadable files");
}

async function best(times: number, f: () => Promise<void>): Promise<number> {
  let min = Infinity;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export const benches: Bench[] = [
  {
    name: "open.100files.ms",
    run: async () => {
      const { files } = await generate();
      await openAll(files.slice(0, 10));
      return best(3, () => openAll(files));
    },
  },
  {
    name: "check.100files.ms",
    run: async () => {
      const { dir } = await generate();
      await checkAll(dir);
      return best(3, () => checkAll(dir));
    },
  },
];
