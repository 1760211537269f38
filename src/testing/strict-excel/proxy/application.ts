/**
 * `context.application` and its `cultureInfo` (ExcelApi 1.11): the culture typing is read in.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.cultureinfo and
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.numberformatinfo
 */
import { ClientObjectBase } from "./client-object";
import type { StrictRequestContext } from "./context";

export class ApplicationProxy extends ClientObjectBase<true> {
  protected readonly props: Record<string, string | null> = { calculationMode: null };
  private cultureProxy?: CultureInfoProxy;

  constructor(context: StrictRequestContext) {
    super(context, () => true, { path: "Application" });
  }

  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "cultureInfo" ? this.cultureInfo : null;
  }

  protected read(): unknown {
    return "Automatic";
  }
  get calculationMode(): string { return this.get("calculationMode"); }

  get cultureInfo(): CultureInfoProxy {
    return (this.cultureProxy ??= new CultureInfoProxy(this.context, () => true, { parent: this, api: "1.11", path: "Application.cultureInfo" }));
  }
}

export class CultureInfoProxy extends ClientObjectBase<true> {
  protected readonly props: Record<string, string | null> = { name: "1.11" };
  private numberProxy?: NumberFormatInfoProxy;

  protected override child(name: string): ClientObjectBase<unknown> | null {
    return name === "numberFormat" ? this.numberFormat : null;
  }

  protected read(): unknown {
    return this.model.culture.name;
  }
  get name(): string { return this.get("name"); }

  get numberFormat(): NumberFormatInfoProxy {
    return (this.numberProxy ??= new NumberFormatInfoProxy(this.context, () => true, { parent: this, api: "1.11", path: "Application.cultureInfo.numberFormat" }));
  }
}

export class NumberFormatInfoProxy extends ClientObjectBase<true> {
  protected readonly props: Record<string, string | null> = { numberDecimalSeparator: "1.11", numberGroupSeparator: "1.11" };

  protected read(_t: true, prop: string): unknown {
    return prop === "numberDecimalSeparator" ? this.model.culture.decimal : this.model.culture.group;
  }
  get numberDecimalSeparator(): string { return this.get("numberDecimalSeparator"); }
  get numberGroupSeparator(): string { return this.get("numberGroupSeparator"); }
}
