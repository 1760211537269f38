// What "Sửa tất cả" says of each cell (issue 15 fixes, point 1): the old value as the cell shows it (a
// date as dd/mm/yyyy, not Excel's serial), and what changes where old and new read the same.
import { defaultPlan } from "../../src/seeds";
import type { CheckedIssue, WorkbookCheck } from "../../src/contract/operations";
import { cellOf, setup } from "./support";

const SHEET = "Chỉ tiêu";
const issuesOf = (c: WorkbookCheck): CheckedIssue[] => c.sheets.flatMap((s) => s.issues);

test("a date's old value is its day, month and year; a number stored as text says it becomes a number", async () => {
  const s = setup({ culture: "vi-VN", year: 2024 });
  await s.ops.loadPlan(defaultPlan(), ["6m", "9m", "year"], async () => true);
  const date = cellOf(s.wb, SHEET, "t:13", "p:year");
  const text = cellOf(s.wb, SHEET, "t:1", "p:year");
  const fraction = cellOf(s.wb, SHEET, "t:7", "p:year");
  s.wb.user.type(SHEET, date, "7-8");
  s.wb.user.type(SHEET, text, "'25.300");
  s.wb.user.type(SHEET, fraction, "0,3558");
  const found = issuesOf(await s.ops.checkWorkbook({ mark: false }));
  const at = (cell: string) => found.find((i) => i.location.cell === cell && i.apply);
  expect(typeof s.wb.user.cell(SHEET, date).value).toBe("number");
  // vi-VN reads 7-8 as 7 August.
  expect([at(date)?.wasText, at(date)?.fixText, at(date)?.hiddenChange]).toEqual(["07/08/2024", "7-8", null]);
  expect([at(text)?.wasText, at(text)?.fixText, at(text)?.hiddenChange]).toEqual(["25.300", "25.300", "text-to-number"]);
  expect([at(fraction)?.wasText, at(fraction)?.fixText, at(fraction)?.hiddenChange]).toEqual(["0,3558", "35,58", null]);
});
