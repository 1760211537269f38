/**
 * The pane's way in: hands the pane at once its operations over the live workbook, which wait for
 * office.js, or null outside Excel (office.js could not load from its CDN, or another Office host). The host's
 * code (host.ts and all it imports, the plan schema among them) is a chunk of its own, fetched once the
 * pane's first frame is painted, so the first paint does not wait for it; each operation awaits the chunk.
 */
import type { PaneOperations } from "../../contract/operations";
import type { CycleFiles } from "../../layout/cycle";

type Method = keyof PaneOperations;

const METHODS: { [K in Method]: true } = {
  readState: true, loadPlan: true, recheck: true, catchUp: true, watch: true, select: true, checkWorkbook: true,
  applyFixes: true, lastUndo: true, undoLast: true, rowChanges: true, clearMarks: true, buildReport: true, copyReportTable: true,
  makeSubmissions: true, collectReturned: true, openBook: true, previewPreviousYear: true, writePreviousYear: true,
};

/** Operations that load the host on first use (and start loading it now), then call it. */
export function lazyOperations(load: () => Promise<PaneOperations>): PaneOperations {
  let host: Promise<PaneOperations> | null = null;
  // Fetched once the first frame is painted, not in the task that draws it: the chunk's download and
  // compile (and the script tags it adds) then never delay the pane's first enabled button. An
  // operation called before then (the first read, asked as the pane mounts) waits for the same moment.
  // A failed load is reported by the first operation that needs it.
  const painted = new Promise<void>((resolve) => afterFirstPaint(resolve));
  const ready = () => (host ??= painted.then(load));
  void painted.then(() => ready().catch(() => undefined));
  const ops = {} as Record<Method, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(METHODS) as Method[]) {
    ops[name] = async (...args: unknown[]) => {
      const h = (await ready()) as unknown as Record<Method, (...a: unknown[]) => Promise<unknown>>;
      return h[name](...args);
    };
  }
  return ops as unknown as PaneOperations;
}

/** How long a pane that paints no frame (a hidden document has none) waits before going on. */
const NO_FRAME_MS = 250;

/**
 * `f` once, after the next frame is painted (a frame, then a task), or at once where there are no
 * frames; a hidden document paints none, so it goes on after NO_FRAME_MS whatever happens.
 */
function afterFirstPaint(f: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    f();
  };
  if (typeof requestAnimationFrame !== "function") {
    setTimeout(go, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, NO_FRAME_MS);
}

/** The manifest's minimum (manifest.xml `<Set Name="ExcelApi" MinVersion="1.8"/>`): below it the pane says so. */
export const MINIMUM_EXCEL_API = "1.8";

/** Why the pane has no operations: opened outside Excel, or in an Excel older than the minimum. */
export type NoHost = "outside" | "old-excel";

/** What the pane's entry hands the host: the file host's cycle functions, loaded on first use. */
export interface EntryOptions {
  cycleFiles?: () => Promise<CycleFiles>;
}

/**
 * Draws the pane at once, with operations that wait for Office: its buttons are usable while
 * office.js still talks to Excel (Office's own guidance: code that needs no Office API need not wait
 * for Office.onReady), and an action clicked before then waits with the rest. If Office then answers
 * that this is not Excel, or an Excel below the minimum, the pane is drawn again with that message.
 */
export function whenOfficeReady(render: (ops: PaneOperations | null, why?: NoHost) => void, entry: EntryOptions = {}): void {
  if (typeof Office === "undefined") {
    render(null, "outside");
    return;
  }
  const ready = new Promise<NoHost | null>((resolve) => {
    void Office.onReady((info) => resolve(gate(info.host)));
  });
  render(
    lazyOperations(async () => {
      const why = await ready;
      if (why) throw new Error(why === "old-excel" ? "Excel older than the add-in's minimum" : "not in Excel");
      // Bound once Office is ready: office.js defines Excel's namespace when it knows the host.
      const run = Excel.run.bind(Excel) as typeof Excel.run;
      return (await import(/* webpackChunkName: "host" */ "./host")).createExcelOperations(run, { cycleFiles: entry.cycleFiles });
    }),
  );
  void ready.then((why) => {
    if (why) render(null, why);
  });
}

/** Why Office's answer leaves the pane without a host, or null when it is an Excel the pane can use. */
function gate(host: Office.HostType | null): NoHost | null {
  if (host !== Office.HostType.Excel) return "outside";
  // An Excel that lets the pane open below the manifest's requirement (an old build, a catalog that
  // ignores it) gets a clear message instead of a pane whose first request fails.
  const requirements = Office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function" || !requirements.isSetSupported("ExcelApi", MINIMUM_EXCEL_API)) return "old-excel";
  return null;
}
