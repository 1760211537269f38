/** The .xlsx and .docx read back: numbers as numbers with the written decimals, text as text, page setup. */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { type PlanInput, parsePlan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { reportDocx } from "../../src/hosts/docx/report-docx";
import { builtInEstimates2023, builtInPlan } from "../../src/seeds";
import { reportXlsx } from "../../src/hosts/xlsx/report-xlsx";

function report2023(extra: Partial<Parameters<typeof buildReport>[0]> = {}) {
  const plan = builtInPlan("binh-son-2023");
  if (!plan) throw new Error("binh-son-2023 missing");
  return buildReport({ plan, actuals: { rows: builtInEstimates2023().rows }, number: "783", date: { year: 2023, month: 12, day: 5 }, ...extra });
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The worksheet row holding a target's TT and name. */
function findRow(ws: import("exceljs").Worksheet, name: string): import("exceljs").Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === name) return ws.getRow(r);
  throw new Error(`no row ${name}`);
}

describe("report .xlsx", () => {
  test("pure numbers are numbers with the written decimals; printed text stays text", async () => {
    const ws = (await load(await reportXlsx(report2023()))).worksheets[0];
    const total = findRow(ws, "Tổng giá trị sản xuất");
    expect(total.getCell(4).value).toBe(22293.49);
    expect(total.getCell(4).numFmt).toBe("#,##0.00");
    const services = findRow(ws, "Ngành Thương mại - Dịch vụ");
    expect(services.getCell(4).value).toBe(11402);
    expect(services.getCell(4).numFmt).toBe("#,##0.00");
    const revenue = findRow(ws, "Tổng thu ngân sách trên địa bàn");
    expect(revenue.getCell(5).value).toBe(1284.679);
    expect(revenue.getCell(5).numFmt).toBe("#,##0.000");
    expect(findRow(ws, "Giải quyết việc làm trong năm").getCell(4).value).toBe(1600);
    expect(findRow(ws, "Tốc độ tăng trưởng giá trị sản xuất").getCell(4).value).toBe("7-8");
    expect(findRow(ws, "Tỷ lệ lao động qua đào tạo").getCell(4).value).toBe(">48");
    const traffic = findRow(ws, "Phân đầu giảm tiêu chí tai nạn giao thông so với năm 2022");
    expect([traffic.getCell(4).value, traffic.getCell(5).value, traffic.getCell(6).value]).toEqual(["giảm 3 tiêu chí", "giảm 01 tiêu chí", "Không đạt"]);
  });

  test("A4 landscape, Decree 30 margins, repeated header row, Times New Roman 13, borders", async () => {
    const ws = (await load(await reportXlsx(report2023()))).worksheets[0];
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe("landscape");
    const mm = (inch: number | undefined) => Math.round((inch ?? 0) * 25.4);
    expect([mm(ps.margins?.top), mm(ps.margins?.bottom), mm(ps.margins?.left), mm(ps.margins?.right)]).toEqual([20, 20, 30, 15]);
    const header = findRow(ws, "Chỉ tiêu chủ yếu");
    expect(ps.printTitlesRow).toBe(`${header.number}:${header.number}`);
    const cell = findRow(ws, "Tổng giá trị sản xuất").getCell(2);
    expect(cell.font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(cell.border?.left?.style).toBe("thin");
  });

  test("no cell holds a formula or a string starting with =", async () => {
    const input: PlanInput = {
      id: "thu", unit: "UBND xã Thử", year: 2025, source: { document: "x" },
      targets: [{ no: "1", name: "=HYPERLINK(\"http://x\")", unit: "=1+1", target: "100" }],
    };
    const r = parsePlan(input);
    if (!r.ok) throw new Error("plan");
    const model = buildReport({ plan: r.value, actuals: { rows: [{ no: "1", actual: "=2*3" }] } });
    const wb = await load(await reportXlsx(model));
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.formula).toBeUndefined();
          if (typeof c.value === "string") expect(c.value.startsWith("=")).toBe(false);
        }),
      ),
    );
    expect(findRow(wb.worksheets[0], " =HYPERLINK(\"http://x\")").getCell(5).value).toBe(" =2*3");
  });

  test("the tasks sheet by lead office sums to the total", async () => {
    const plan = builtInPlan("binh-son-2024");
    if (!plan) throw new Error("plan");
    const tasks = plan.tasks.map((t, i) => ({ code: t.code, status: i % 3 === 0 ? "Đang thực hiện" : "Hoàn thành" }));
    const wb = await load(await reportXlsx(buildReport({ plan, actuals: { rows: [] }, tasks })));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo chỉ tiêu", "Nhiệm vụ"]);
    const ws = wb.worksheets[1];
    const total = findRow(ws, "Tổng cộng");
    expect([3, 4, 5, 6].map((c) => total.getCell(c).value)).toEqual([33, 22, 11, 0]);
    let sum = 0;
    for (let r = 1; r < total.number; r++) {
      const v = ws.getRow(r).getCell(3).value;
      if (typeof v === "number" && typeof ws.getRow(r).getCell(1).value === "number") sum += v;
    }
    expect(sum).toBe(33);
  });
});

describe("report .docx", () => {
  async function documentXml(bytes: Uint8Array): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")?.async("string");
    if (!xml) throw new Error("no document.xml");
    return xml;
  }
  const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");

  test("heading block, title, table cells and sentence, in order", async () => {
    const t = text(await documentXml(await reportDocx(report2023({ to: "Hội đồng nhân dân huyện." }))));
    const order = [
      "ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN", "Số: 783/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Bình Sơn, ngày 05 tháng 12 năm 2023", "BÁO CÁO", "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm 2023",
      "Kính gửi: Hội đồng nhân dân huyện.", "So với chỉ tiêu giao (%)", "22.293,49", "22.801,39", "giảm 01 tiêu chí", "Không đạt",
      "có 13 chỉ tiêu vượt kế hoạch, 06 chỉ tiêu đạt kế hoạch và 01 chỉ tiêu không đạt", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    ];
    let at = 0;
    for (const s of order) {
      const i = t.indexOf(s, at);
      expect({ s, found: i >= 0 }).toEqual({ s, found: true });
      at = i;
    }
  });

  test("tagged Vietnamese, so Word proofs it as Vietnamese (issue 13)", async () => {
    const bytes = await reportDocx(report2023());
    const xml = await documentXml(bytes);
    const textRuns = (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).filter((r) => /<w:t[^>]*>[^<]+<\/w:t>/.test(r));
    expect(textRuns.length).toBeGreaterThan(50);
    expect(textRuns.filter((r) => !r.includes('<w:lang w:val="vi-VN"/>'))).toEqual([]);
    const styles = await (await JSZip.loadAsync(bytes)).file("word/styles.xml")?.async("string");
    expect(styles).toContain('<w:lang w:val="vi-VN"/>');
  });

  test("section headings keep with the paragraph after them (none alone at a page's foot)", async () => {
    const xml = await documentXml(await reportDocx(report2023()));
    const paragraphs = xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const heading = (start: string) => paragraphs.find((p) => text(p).startsWith(start));
    for (const h of ["BÁO CÁO", "I. "]) {
      const p = heading(h);
      expect({ h, found: !!p }).toEqual({ h, found: true });
      expect({ h, keepNext: p!.includes("<w:keepNext/>") }).toEqual({ h, keepNext: true });
    }
  });

  test("A4 portrait, margins of Decree 30, Times New Roman 13, header row repeated", async () => {
    const xml = await documentXml(await reportDocx(report2023()));
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${twips(210)}" w:h="${twips(297)}"`));
    const m = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? "";
    expect(m).toContain(`w:top="${twips(20)}"`);
    expect(m).toContain(`w:bottom="${twips(20)}"`);
    expect(m).toContain(`w:left="${twips(30)}"`);
    expect(m).toContain(`w:right="${twips(15)}"`);
    expect(xml).toContain("<w:tblHeader/>");
    const styles = await (await JSZip.loadAsync(await reportDocx(report2023()))).file("word/styles.xml")?.async("string");
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
  });
});
