import { setup } from "../excel/support";
import { generateBook } from "./generate";
import { runBook } from "./paths";
import { STATUS_LABELS } from "../../src/core/evaluate";
test("b0", async () => {
  const spec = generateBook(20241205, 0);
  const a = await runBook(spec, { docx: false });
  console.log(JSON.stringify({ fixedSheet: [...(a["excel.fixed.sheet"]?.rows ?? [])], rep: a["excel.fixed.report"], labels: STATUS_LABELS }));
  void setup;
});
