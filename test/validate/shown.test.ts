// A fix's old value as the officer sees it in Excel, and fixes that would change nothing (issue 15 fixes, point 1).
import { hiddenChange, isNoopFix, shownCell } from "../../src/core/validate/shown";

test("a date cell shows dd/mm/yyyy, from Office.js's serial or a file reader's ISO text, never the serial", () => {
  expect(shownCell(45474, "d-mmm")).toBe("01/07/2024");
  expect(shownCell(45481, "m/d/yyyy")).toBe("08/07/2024");
  expect(shownCell("2024-07-08", "d-mmm")).toBe("08/07/2024");
  // The same number without a date format is a number.
  expect(shownCell(45474, "General")).toBe("45.474");
  expect(shownCell(45474, null)).toBe("45.474");
});

test("numbers in vi-VN form, a percent cell as its percent, text as typed, empty as empty", () => {
  expect(shownCell(1284.679, "#,##0.000")).toBe("1.284,679");
  expect(shownCell(0.3558, "0.00%")).toBe("35,58%");
  expect(shownCell("'7-8 ", "@")).toBe("'7-8 ");
  expect(shownCell(true, null)).toBe("TRUE");
  expect(shownCell(null, null)).toBe("");
});

test("a fix is a no-op only when the cell already holds it", () => {
  expect(isNoopFix(1600, 1600)).toBe(true);
  expect(isNoopFix(0.1 + 0.2, 0.3)).toBe(true);
  expect(isNoopFix(" >80 ", ">80")).toBe(true);
  // A number stored as text becomes a number: a change.
  expect(isNoopFix("1600", 1600)).toBe(false);
  // Decomposed letters become composed ones: a change.
  expect(isNoopFix("Khoảng 94".normalize("NFD"), "Khoảng 94")).toBe(false);
  expect(isNoopFix(45511, "7-8")).toBe(false);
});

test("what a fix changes when old and new read the same", () => {
  expect(hiddenChange("25.300", 25300)).toBe("text-to-number");
  expect(hiddenChange("Khoảng 94".normalize("NFD"), "Khoảng 94")).toBe("composed");
  expect(hiddenChange(0.107, 10.7)).toBeNull();
});
