/**
 * The one reading of a plan file's content, for the CLI (`cli/load-plan.ts`, which reads the file) and
 * the pane (`taskpane/plan-file.ts`, which gets the bytes from the file picker): JSON in the seeds'
 * format or a CSV table (`plan-csv.ts`). Every refusal is a problem naming the file and the place
 * inside it: line and column for broken JSON (found by our own scanner, with a reason in
 * Vietnamese), the path (`targets[3].name`) and the target's number for data that breaks the schema.
 */
import { type Plan, parsePlan } from "./plan";
import { type PlanCsvOptions, parsePlanCsv } from "./plan-csv";
import { type Problem, type Result, fail, problem } from "./problems";

/** Where JSON.parse stopped, found again by our own scanner so the user gets a place and a reason. */
export type JsonSyntaxError = { offset: number; line: number; column: number; detail: string };

/**
 * CSV or JSON: by the name's extension (.json; .csv or .txt), else by content (a JSON plan starts
 * with `{`, after a BOM or white space).
 */
export function isJsonPlan(name: string, bytes: Uint8Array): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return true;
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return false;
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b;
  }
  return false;
}

/** What the user says about a plan beside its file (`--year`, `--issuer`); the file's own say comes second. */
export type PlanFileOptions = Pick<PlanCsvOptions, "year" | "unit" | "defaultYear">;

/**
 * A plan from a file's bytes; `display` is the name used in messages (and tells CSV from JSON).
 * `opts.year` and `opts.unit` win over what the file says, for JSON as for CSV.
 */
export function parsePlanBytes(bytes: Uint8Array, display: string, opts: PlanFileOptions = {}): Result<Plan> {
  if (!isJsonPlan(display, bytes)) return parsePlanCsv(bytes, display, opts);
  const r = parsePlanJson(bytes, display);
  if (!r.ok || (opts.year === undefined && !opts.unit?.trim())) return r;
  const plan: Plan = { ...r.value, ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.unit?.trim() ? { unit: opts.unit.trim() } : {}) };
  return { ok: true, value: plan, problems: r.problems };
}

/** A JSON plan from its bytes (UTF-8, BOM allowed). */
export function parsePlanJson(bytes: Uint8Array, display?: string): Result<Plan> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return fail([problem("plan.unreadable", { file: display }, { reason: "tệp JSON phải lưu bằng bảng mã UTF-8" })]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const e = findJsonSyntaxError(text) ?? { line: 1, column: 1, detail: "nội dung không đọc được như JSON" };
    return fail([
      problem("plan.json-syntax", { file: display, path: `dòng ${e.line}, cột ${e.column}` }, {
        detail: e.detail, line: e.line, column: e.column,
      }),
    ]);
  }
  const r = parsePlan(data, display);
  return r.ok ? r : fail(r.problems.map((p) => withTargetNo(p, data)));
}

/** `targets[3].name` also says which target that is, so the user finds it without counting. */
function withTargetNo(p: Problem, data: unknown): Problem {
  const m = /^targets\[(\d+)\]/.exec(p.location.path ?? "");
  if (!m) return p;
  const targets = (data as { targets?: unknown } | null)?.targets;
  const row: unknown = Array.isArray(targets) ? targets[Number(m[1])] : undefined;
  const no = (row as { no?: unknown } | null)?.no;
  return typeof no === "string" && no.trim() ? { ...p, location: { ...p.location, target: no.trim() } } : p;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {}
}

const LITERALS = ["true", "false", "null"];
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The first place where `text` is not JSON, with a reason in Vietnamese; null when it is JSON.
 * A plain recursive descent: plan files are shallow, and a pathological nesting depth is
 * reported as such instead of overflowing.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stop = (detail: string, at = i): never => {
    throw new Stop(at, detail);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const show = (c: string): string =>
    c === "\n" || c === "\r" ? "chỗ xuống dòng" : c === '"' ? "dấu ngoặc kép" : `ký tự "${c}"`;
  const atEnd = (what: string): void => {
    if (i >= text.length) stop(`tệp kết thúc khi ${what}`);
  };

  const string = (): void => {
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const n = text[i + 1];
        if (n === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop("mã \\u trong chuỗi phải có đúng 4 chữ số hệ 16");
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else stop(`dấu \\ trong chuỗi phải đi với " \\ / b f n r t hoặc u (muốn viết dấu \\ thì gõ \\\\)`);
        continue;
      }
      if (c < " ") stop("chuỗi chưa đóng ngoặc kép trước khi xuống dòng", start);
      i++;
    }
    stop("chuỗi chưa đóng ngoặc kép", start);
  };

  const number = (): void => {
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (!m) return stop(`số viết sai ở ${show(text[i])}`);
    if (/^-?0\d/.test(text.slice(i, i + 3))) stop('số JSON không có chữ số 0 ở đầu; chỉ tiêu như "01" phải đặt trong ngoặc kép');
    i += m[0].length;
    if (/[\d.]/.test(text[i] ?? "")) {
      stop('số JSON viết dấu chấm thập phân, không có dấu phân cách hàng nghìn; số kiểu "1.284.679" phải đặt trong ngoặc kép');
    }
  };

  const object = (depth: number): void => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      ws();
      atEnd("đối tượng { chưa đóng");
      if (text[i] !== '"') stop(`tên trường phải đặt trong ngoặc kép, gặp ${show(text[i])}`);
      string();
      ws();
      atEnd("tên trường chưa có dấu : theo sau");
      if (text[i] !== ":") stop(`thiếu dấu : sau tên trường, gặp ${show(text[i])}`);
      i++;
      ws();
      const valueStart = i;
      value(depth);
      const afterValue = i;
      ws();
      atEnd("đối tượng { chưa đóng");
      if (text[i] === "}") {
        i++;
        return;
      }
      if (text[i] !== ",") stop(`thiếu dấu phẩy hoặc dấu } sau giá trị, gặp ${show(text[i])}`);
      i++;
      // "1.284,679" reads as the number 1.284 and a stray 679: say what the user meant.
      if (afterValue === i - 1 && /\d/.test(text[i] ?? "") && /\d/.test(text[valueStart] ?? "")) {
        stop('số JSON viết dấu chấm thập phân, không có dấu phân cách hàng nghìn; số kiểu "1.284,679" phải đặt trong ngoặc kép', valueStart);
      }
      ws();
      if (text[i] === "}") stop("dấu phẩy thừa trước }", i - 1);
    }
  };

  const array = (depth: number): void => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      value(depth);
      ws();
      atEnd("mảng [ chưa đóng");
      if (text[i] === "]") {
        i++;
        return;
      }
      if (text[i] !== ",") stop(`thiếu dấu phẩy hoặc dấu ] sau giá trị, gặp ${show(text[i])}`);
      i++;
      ws();
      if (text[i] === "]") stop("dấu phẩy thừa trước ]", i - 1);
    }
  };

  const value = (depth: number): void => {
    ws();
    atEnd("còn thiếu một giá trị");
    if (depth > 200) stop("dữ liệu lồng nhau quá sâu");
    const c = text[i];
    if (c === "{") return object(depth + 1);
    if (c === "[") return array(depth + 1);
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    const literal = LITERALS.find((l) => text.startsWith(l, i));
    if (literal) {
      i += literal.length;
      return;
    }
    const word = /^[\p{L}\p{N}_]+/u.exec(text.slice(i, i + 40))?.[0];
    if (c === "'") stop("chuỗi phải đặt trong ngoặc kép \" \", không dùng ngoặc đơn");
    if (c === "“" || c === "”") stop("chuỗi phải đặt trong ngoặc kép thẳng \" \", không dùng ngoặc kép cong “ ”");
    if (word) stop(`"${word}" không phải giá trị JSON (chữ phải đặt trong ngoặc kép; chỉ true, false, null được viết trần)`);
    stop(`${show(c)} không mở đầu một giá trị JSON`);
  };

  try {
    value(0);
    ws();
    if (i < text.length) stop(`thừa nội dung sau khi dữ liệu JSON đã kết thúc (gặp ${show(text[i])})`);
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { offset: e.offset, ...lineColumn(text, e.offset), detail: e.detail };
  }
}

/** 1-based line and column (in characters) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split("\n");
  return { line: lines.length, column: [...lines[lines.length - 1].replace(/\r$/, "")].length + 1 };
}
