/**
 * The ranges the add-in itself just wrote, so the change events they raise do not start live
 * judgment again (which would write again: a loop). Excel from ExcelApi 1.14 says so itself
 * (`triggerSource`); before that, an event whose sheet and address match a recent write of ours is ours.
 */
import { areaA1, normalAddress } from "../../core/address";
import type { Area } from "../../layout/sheet-model";
import type { KeyedGrid } from "../../layout/computed";

/** Events of a write arrive soon after its sync; older entries are stale and forgotten. */
const KEEP_MS = 30_000;

export class OwnWrites {
  private entries: { sheet: string; address: string; at: number }[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  note(sheetId: string, area: Area): void {
    this.forget();
    this.entries.push({ sheet: sheetId, address: areaA1(area), at: this.clock() });
  }

  /** True (and forgotten) when the event is the echo of one of our writes. */
  consume(sheetId: string, address: string): boolean {
    this.forget();
    const a = normalAddress(address);
    const i = this.entries.findIndex((e) => e.sheet === sheetId && e.address === a);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }

  private forget(): void {
    const now = this.clock();
    this.entries = this.entries.filter((e) => now - e.at < KEEP_MS);
  }
}

/**
 * The targets sheet's inputs as the add-in last saw them (read or wrote), by sheet id: what the
 * history compares an edit with (its old value). Every action that reads or writes the sheet's inputs
 * (load, live judgement, fixes, undo) leaves the sheet as it left it, so one action's write is never
 * logged again as the next edit's change.
 */
export class SeenInputs {
  private grids = new Map<string, KeyedGrid>();
  get(sheetId: string): KeyedGrid | null {
    return this.grids.get(sheetId) ?? null;
  }
  set(sheetId: string, grid: KeyedGrid): void {
    this.grids.set(sheetId, grid);
  }
}
