/** Page layout and charts of a worksheet. */
import { type Rect, localAddress, parseAddress } from "../address";
import { normalizeColor } from "../cells";
import { fail } from "../errors";
import type { ChartModel, PageLayoutModel, SheetModel } from "../sheet-model";
import { ClientObjectBase, type ClientResult, CollectionBase, type ProxyOptions, queueResult } from "./client-object";
import type { StrictRequestContext } from "./context";
import { RangeProxy } from "./range";

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPER = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro"];
const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;

export class PageLayout extends ClientObjectBase<SheetModel> {
  protected readonly props: Record<string, string | null> = Object.fromEntries(
    ["orientation", "paperSize", ...MARGINS, "centerHorizontally", "centerVertically", "printGridlines", "zoom"].map((k) => [k, null]),
  );

  protected read(s: SheetModel, prop: string): unknown {
    const v = s.pageLayout[prop as keyof PageLayoutModel];
    return typeof v === "object" && v !== null ? { ...v } : v;
  }

  private write<K extends keyof PageLayoutModel>(prop: K, v: PageLayoutModel[K], ok: (v: unknown) => boolean): void {
    this.op(prop, v, (s) => {
      if (!ok(v)) throw fail.invalidArgument(`pageLayout.${prop}: ${JSON.stringify(v)}`);
      s.pageLayout[prop] = v;
    });
  }

  get orientation(): string { return this.get("orientation"); }
  set orientation(v: string) { this.write("orientation", v, (x) => ORIENTATIONS.includes(x as string)); }
  get paperSize(): string { return this.get("paperSize"); }
  set paperSize(v: string) { this.write("paperSize", v, (x) => PAPER.includes(x as string)); }
  get leftMargin(): number { return this.get("leftMargin"); }
  set leftMargin(v: number) { this.write("leftMargin", v, margin); }
  get rightMargin(): number { return this.get("rightMargin"); }
  set rightMargin(v: number) { this.write("rightMargin", v, margin); }
  get topMargin(): number { return this.get("topMargin"); }
  set topMargin(v: number) { this.write("topMargin", v, margin); }
  get bottomMargin(): number { return this.get("bottomMargin"); }
  set bottomMargin(v: number) { this.write("bottomMargin", v, margin); }
  get headerMargin(): number { return this.get("headerMargin"); }
  set headerMargin(v: number) { this.write("headerMargin", v, margin); }
  get footerMargin(): number { return this.get("footerMargin"); }
  set footerMargin(v: number) { this.write("footerMargin", v, margin); }
  get centerHorizontally(): boolean { return this.get("centerHorizontally"); }
  set centerHorizontally(v: boolean) { this.write("centerHorizontally", v, (x) => typeof x === "boolean"); }
  get centerVertically(): boolean { return this.get("centerVertically"); }
  set centerVertically(v: boolean) { this.write("centerVertically", v, (x) => typeof x === "boolean"); }
  get printGridlines(): boolean { return this.get("printGridlines"); }
  set printGridlines(v: boolean) { this.write("printGridlines", v, (x) => typeof x === "boolean"); }
  get zoom(): Excel.PageLayoutZoomOptions { return this.get("zoom"); }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.write("zoom", v, (x) => {
      // As documented (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions): a scale
      // "between 10 and 400", or a number of pages to fit; 0 pages is not documented, so refused here.
      const z = x as Excel.PageLayoutZoomOptions;
      const pages = (n: unknown) => n === undefined || n === null || (typeof n === "number" && Number.isInteger(n) && n >= 1);
      return typeof z === "object" && z !== null && (z.scale === undefined || (z.scale >= 10 && z.scale <= 400))
        && pages(z.horizontalFitToPages) && pages(z.verticalFitToPages);
    });
  }

  private rectOf(_s: SheetModel, r: RangeProxy | string): Rect {
    return typeof r === "string" ? parseAddress(r).rect : r.need().rect;
  }

  setPrintTitleRows(range: RangeProxy | string): void {
    this.op("setPrintTitleRows", typeof range === "string" ? range : "range", (s) => {
      const rect = this.rectOf(s, range);
      s.pageLayout.printTitleRows = { row: rect.row, rows: rect.rows, col: 0, cols: 16384 };
    });
  }
  setPrintTitleColumns(range: RangeProxy | string): void {
    this.op("setPrintTitleColumns", typeof range === "string" ? range : "range", (s) => {
      const rect = this.rectOf(s, range);
      s.pageLayout.printTitleColumns = { row: 0, rows: 1048576, col: rect.col, cols: rect.cols };
    });
  }
  setPrintArea(range: RangeProxy | string): void {
    this.op("setPrintArea", typeof range === "string" ? range : "range", (s) => void (s.pageLayout.printArea = this.rectOf(s, range)));
  }
  private rangeOf(name: string, pick: (p: PageLayoutModel) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.need();
      const rect = pick(s.pageLayout);
      return rect ? { sheet: s, rect } : null;
    }, { parent: this, path: `${this.path}.${name}` }).resolveNullness();
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this.rangeOf("getPrintTitleRowsOrNullObject", (p) => p.printTitleRows);
  }
  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this.rangeOf("getPrintTitleColumnsOrNullObject", (p) => p.printTitleColumns);
  }
  getPrintAreaOrNullObject(): RangeProxy {
    return this.rangeOf("getPrintAreaOrNullObject", (p) => p.printArea);
  }
}

const margin = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0 && x < 1000;

export const CHART_TYPES = [
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers",
  "LineStacked", "Pie", "Doughnut", "Area", "AreaStacked", "XYScatter", "XYScatterLines", "Radar", "Combo",
];

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

export class ChartCollection extends CollectionBase<Chart, ChartTarget> {
  constructor(context: StrictRequestContext, private readonly sheet: () => SheetModel | null, opts: ProxyOptions) {
    super(context, () => {
      const s = sheet();
      return s ? s.charts.map((chart) => ({ sheet: s, chart })) : null;
    }, opts);
  }

  protected makeItem(t: ChartTarget): Chart {
    return new Chart(this.context, () => t, { parent: this, path: `Chart(${t.chart.name})` });
  }

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): Chart {
    let made: ChartTarget | null = null;
    this.op("add", { type, seriesBy }, () => {
      const s = this.sheet() as SheetModel;
      if (!CHART_TYPES.includes(type)) throw fail.invalidArgument(`chart type ${type}`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw fail.invalidArgument(`seriesBy ${seriesBy}`);
      if (!(sourceData instanceof RangeProxy)) throw fail.invalidArgument("chart source must be a Range");
      this.model.guard(s, { row: 0, col: 0, rows: 1, cols: 1 }, "objects");
      const src = sourceData.need();
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = {
        id: this.model.nextId("chart"), name: `Chart ${n}`, type, sourceSheetId: src.sheet.id, source: src.rect, seriesBy,
        title: "", titleVisible: false, position: null, seriesFill: {}, pointFill: {},
      };
      s.charts.push(chart);
      made = { sheet: s, chart };
    });
    return new Chart(this.context, () => {
      if (!made) throw fail.notFound("the chart was not added");
      return made;
    }, { parent: this, path: `Chart(new ${type})` });
  }

  getItem(name: string): Chart {
    return new Chart(this.context, () => {
      const found = this.need().find((t) => t.chart.name === name);
      if (!found) throw fail.notFound(`chart "${name}"`);
      return found;
    }, { parent: this, path: `Chart(${name})` });
  }

  getItemAt(index: number): Chart {
    return new Chart(this.context, () => {
      const found = this.need()[index];
      if (!found) throw fail.notFound(`chart #${index}`);
      return found;
    }, { parent: this, path: `Chart[${index}]` });
  }

  getCount(): ClientResult<number> {
    return queueResult(this.context, `${this.path}.getCount`, () => this.need().length);
  }
}

export class Chart extends ClientObjectBase<ChartTarget> {
  protected readonly props: Record<string, string | null> = { name: null, id: "1.7", chartType: "1.7" };
  readonly title: ChartTitle;
  readonly series: ChartSeriesCollection;

  constructor(context: StrictRequestContext, locate: () => ChartTarget | null, opts: ProxyOptions) {
    super(context, locate, opts);
    this.title = new ChartTitle(context, () => this.need().chart, { parent: this, path: `${this.path}.title` });
    this.series = new ChartSeriesCollection(context, () => this.need().chart, { parent: this, path: `${this.path}.series` });
  }
  protected override alive(t: ChartTarget): boolean {
    return t.sheet.charts.includes(t.chart);
  }
  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "title" ? this.title : null;
  }
  protected read({ chart }: ChartTarget, prop: string): unknown {
    return prop === "chartType" ? chart.type : prop === "id" ? chart.id : chart.name;
  }
  get name(): string { return this.get("name"); }
  set name(v: string) {
    this.op("name", v, ({ sheet, chart }) => {
      if (typeof v !== "string" || v === "") throw fail.invalidArgument("chart name");
      if (sheet.charts.some((c) => c !== chart && c.name === v)) throw fail.exists(`chart "${v}"`);
      chart.name = v;
    });
  }
  get id(): string { return this.get("id"); }
  get chartType(): string { return this.get("chartType"); }
  set chartType(v: string) {
    this.op("chartType", v, ({ chart }) => {
      if (!CHART_TYPES.includes(v)) throw fail.invalidArgument(`chart type ${v}`);
      chart.type = v;
    }, "1.7");
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const text = (c: RangeProxy | string) => (typeof c === "string" ? localAddress(parseAddress(c).rect) : localAddress(c.need().rect));
    this.op("setPosition", { startCell: typeof startCell === "string" ? startCell : "range" }, ({ chart }) => {
      chart.position = { start: text(startCell), end: endCell === undefined ? null : text(endCell) };
    });
  }
  delete(): void {
    this.op("delete", null, ({ sheet, chart }) => void (sheet.charts = sheet.charts.filter((c) => c !== chart)));
  }
}

export class ChartTitle extends ClientObjectBase<ChartModel> {
  protected readonly props = { text: null, visible: null };
  protected read(c: ChartModel, prop: string): unknown {
    return prop === "text" ? c.title : c.titleVisible;
  }
  get text(): string { return this.get("text"); }
  set text(v: string) {
    this.op("text", v, (c) => {
      if (typeof v !== "string") throw fail.invalidArgument("chart title");
      c.title = v;
      c.titleVisible = true;
    });
  }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.op("visible", v, (c) => void (c.titleVisible = v)); }
}

/** Series and points only record fill colours: enough to assert what the host asked for. */
export class ChartSeriesCollection extends ClientObjectBase<ChartModel> {
  protected readonly props = {};
  protected read(): unknown {
    return undefined;
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, () => ({ chart: this.need(), index }), { parent: this, path: `${this.path}[${index}]` });
  }
  getCount(): ClientResult<number> {
    return queueResult(this.context, `${this.path}.getCount`, () => {
      const c = this.need();
      return c.seriesBy === "Rows" ? c.source.rows - 1 : c.source.cols - 1;
    });
  }
}

interface SeriesTarget {
  chart: ChartModel;
  index: number;
}

export class ChartSeries extends ClientObjectBase<SeriesTarget> {
  protected readonly props = { name: null };
  readonly format: { fill: ChartFill };
  readonly points: { getItemAt(i: number): { format: { fill: ChartFill } } };
  constructor(context: StrictRequestContext, locate: () => SeriesTarget | null, opts: ProxyOptions) {
    super(context, locate, opts);
    const fill = (key: (t: SeriesTarget) => string, path: string) =>
      new ChartFill(context, () => {
        const t = this.need();
        return { chart: t.chart, key: key(t) };
      }, { parent: this, path });
    this.format = { fill: fill((t) => `s${t.index}`, `${this.path}.format.fill`) };
    this.points = { getItemAt: (i) => ({ format: { fill: fill((t) => `${t.index}:${i}`, `${this.path}.points[${i}].format.fill`) } }) };
  }
  protected read({ index }: SeriesTarget): unknown {
    return `Series${index + 1}`;
  }
  get name(): string { return this.get("name"); }
}

export class ChartFill extends ClientObjectBase<{ chart: ChartModel; key: string }> {
  protected readonly props = {};
  protected read(): unknown {
    return undefined;
  }
  setSolidColor(color: string): void {
    this.op("setSolidColor", color, ({ chart, key }) => {
      const c = normalizeColor(color, "chart fill");
      if (key.startsWith("s")) chart.seriesFill[Number(key.slice(1))] = c;
      else chart.pointFill[key] = c;
    });
  }
  clear(): void {
    this.op("clear", null, ({ chart, key }) => {
      if (key.startsWith("s")) delete chart.seriesFill[Number(key.slice(1))];
      else delete chart.pointFill[key];
    });
  }
}
