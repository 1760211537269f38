/**
 * Once the hidden key row is deleted, the add-in's own identity column (hidden, its header lines "#header")
 * is still the add-in's: the check must not call it an unknown column, nor name any problem at a hidden cell
 * (issue 11, point 4).
 */
import { defaultPlan } from "../../src/seeds";
import { setup } from "./support";

test("the check after the key row was deleted: no column.unknown for the identity column, no problem at a hidden cell", async () => {
  const { wb, ops } = setup();
  await ops.loadPlan(defaultPlan(), ["year"], async () => true);
  const sheet = "Chỉ tiêu";
  const key = wb.user.grid(sheet).findIndex((row) => row.some((v) => v === "#ktxh:targets"));
  expect(key).toBeGreaterThanOrEqual(0);
  wb.user.deleteRows(sheet, key + 1);
  const c = await ops.checkWorkbook({ mark: false });
  const issues = c.sheets.flatMap((s) => s.issues);
  expect(issues.filter((i) => i.code === "column.unknown" && i.params.header === "#header")).toEqual([]);
  const hidden = issues.filter((i) => {
    if (!i.location.sheet || !i.location.cell) return false;
    const at = wb.user.cell(i.location.sheet, i.location.cell);
    return at.rowHidden || at.columnHidden;
  });
  expect(hidden.map((i) => `${i.code}@${i.location.cell}`)).toEqual([]);
});
