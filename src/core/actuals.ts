/**
 * The actuals of a period, from a file: a CSV with the header `no,actual` (optional `status` and
 * `reason` columns for a staff override), or JSON
 * `{"rows":[{"no","actual","override"?}],"traffic":{"accidents":[prev,cur],"deaths":[…],"injuries":[…]},"cells"?:true}`
 * (`cells`: the figures are a workbook's cells as Excel keeps them, so a number stored as text is a slip).
 * Actuals stay as written; they are read as numbers only when evaluated.
 */
import type { ActualRow, Actuals, Override } from "./evaluate";
import { isStatus } from "./evaluate/status";
import { decodeText, readCsv } from "./csv";
import { type Location, type Problem, type Result, fail, ok, problem } from "./problems";
import { foldKey } from "./text";
import type { CountPair, TrafficCounts } from "./traffic";

export type ActualsProblemCode =
  | "actuals.bad-json"
  | "actuals.bad-shape"
  | "actuals.missing-column"
  | "actuals.bad-status";

const NO_COLUMNS = ["no", "tt", "stt"];
const ACTUAL_COLUMNS = ["actual", "thuc hien", "th", "uoc th", "uoc thuc hien", "so lieu"];
const STATUS_WORDS: Record<string, Override["status"]> = {
  vuot: "vuot", "dat vuot": "vuot", dat: "dat", "khong dat": "khong-dat", "thieu so lieu": "thieu-so-lieu", "chua co so lieu": "thieu-so-lieu", "chua danh gia duoc": "chua-danh-gia", "chua danh gia": "chua-danh-gia",
};

/** A status as typed: the code (`khong-dat`) or the printed words (`Không đạt`, `Đạt (vượt)`). */
export function readStatus(text: string): Override["status"] | null {
  const t = text.trim();
  if (isStatus(t)) return t;
  return STATUS_WORDS[foldKey(t)] ?? null;
}

/** Reads an actuals file (CSV or JSON, detected by its first character). */
export function parseActuals(bytes: Uint8Array, file?: string): Result<Actuals> {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  return text.trimStart().startsWith("{") ? parseActualsJson(text, file) : parseActualsCsv(text, file);
}

function parseActualsCsv(text: string, file?: string): Result<Actuals> {
  const table = readCsv(text, file);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const keys = header.map((h) => foldKey(h));
  const find = (names: string[]): number => keys.findIndex((k) => names.includes(k) || names.some((n) => k.startsWith(`${n} `)));
  const noCol = find(NO_COLUMNS);
  const actualCol = find(ACTUAL_COLUMNS);
  const statusCol = keys.findIndex((k) => k === "status" || k === "override" || k === "danh gia");
  const reasonCol = keys.findIndex((k) => k === "reason" || k === "ly do");
  const problems: Problem[] = [];
  if (noCol < 0) problems.push(problem("actuals.missing-column", { file, path: "dòng 1" }, { column: "no" }));
  if (actualCol < 0) problems.push(problem("actuals.missing-column", { file, path: "dòng 1" }, { column: "actual" }));
  if (problems.length) return fail(problems);
  const out: ActualRow[] = [];
  for (const r of rows) {
    const cell = (i: number): string => (i >= 0 ? (r.cells[i] ?? "").trim() : "");
    const row: ActualRow = { no: cell(noCol), actual: cell(actualCol) === "" ? null : cell(actualCol) };
    const statusText = cell(statusCol);
    if (statusText !== "") {
      const status = readStatus(statusText);
      // A word that is no status is not applied, as in the sheet: the rule judges the row (a warning, the code's own).
      if (status === null) {
        problems.push(problem("actuals.bad-status", { file, path: `dòng ${r.line}, cột ${statusCol + 1}`, target: row.no || null }, { value: statusText }));
      } else {
        row.override = { status, reason: cell(reasonCol) };
      }
    }
    out.push(row);
  }
  if (problems.some((p) => p.severity === "error")) return fail(problems);
  return ok({ rows: out }, problems);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseActualsJson(text: string, file?: string): Result<Actuals> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail([problem("actuals.bad-json", { file }, { detail: e instanceof Error ? e.message : String(e) })]);
  }
  const problems: Problem[] = [];
  const bad = (path: string, detail: string): void => {
    const loc: Location = { file, path };
    problems.push(problem("actuals.bad-shape", loc, { detail }));
  };
  if (!isRecord(data) || !Array.isArray(data.rows)) {
    bad("rows", "cần một mảng rows");
    return fail(problems);
  }
  const rows: ActualRow[] = [];
  data.rows.forEach((r: unknown, i: number) => {
    const path = `rows[${i}]`;
    if (!isRecord(r)) return bad(path, "mỗi dòng là một đối tượng {no, actual}");
    if (typeof r.no !== "string" && typeof r.no !== "number") return bad(`${path}.no`, "no là số thứ tự chỉ tiêu, ví dụ \"1\" hoặc \"1.2\"");
    const a = r.actual;
    if (a !== null && a !== undefined && typeof a !== "string" && typeof a !== "number") return bad(`${path}.actual`, "actual là số hoặc chữ như đã ghi");
    const row: ActualRow = { no: String(r.no), actual: a ?? null };
    if (r.override !== undefined && r.override !== null) {
      const o = r.override;
      const status = isRecord(o) && typeof o.status === "string" ? readStatus(o.status) : null;
      if (!isRecord(o) || status === null || typeof o.reason !== "string") return bad(`${path}.override`, "override cần {status, reason}");
      row.override = { status, reason: o.reason };
    }
    rows.push(row);
  });
  let traffic: TrafficCounts | undefined;
  if (data.traffic !== undefined && data.traffic !== null) {
    const t = data.traffic;
    const pair = (key: string): CountPair | null => {
      const v = isRecord(t) ? t[key] : undefined;
      if (v === undefined || v === null) return [null, null];
      if (Array.isArray(v) && v.length === 2 && v.every((x) => x === null || typeof x === "number")) return [v[0] as number | null, v[1] as number | null];
      bad(`traffic.${key}`, "cần [kỳ trước, kỳ này], mỗi số là số nguyên hoặc null");
      return null;
    };
    const [accidents, deaths, injuries] = [pair("accidents"), pair("deaths"), pair("injuries")];
    if (accidents && deaths && injuries) traffic = { accidents, deaths, injuries };
  }
  if (problems.length) return fail(problems);
  // `"cells": true`: the figures were copied from a workbook's cells as Excel keeps them (a number stored as text stays text).
  const cells = data.cells === true ? { cells: true } : {};
  return ok(traffic ? { rows, traffic, ...cells } : { rows, ...cells });
}
