/** The .xlsx and .docx read back: numbers as numbers with the written decimals, text as text, page setup. */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { type PlanInput, parsePlan } from "../../src/core/plan";
import { buildReport } from "../../src/core/report/build";
import { reportDocx } from "../../src/hosts/docx/report-docx";
import { builtInEstimates2023, builtInPlan } from "../../src/seeds";
import { reportXlsx } from "../../src/hosts/xlsx/report-xlsx";

/** A plan whose tasks have no deadline: the tasks table has the four bare counts. */
function parsePlanOrThrow() {
  const r = parsePlan({
    id: "xa", unit: "UBND xã Thử", year: 2025, source: { document: "x" },
    targets: [{ no: "1", name: "Tổng thu ngân sách", unit: "Tỷ đồng", target: "10" }],
    tasks: [
      { code: "1", text: "Rà soát quy hoạch", lead: "Phòng Kinh tế" },
      { code: "2", text: "Cải cách hành chính", lead: "Văn phòng HĐND và UBND" },
    ],
  } as PlanInput);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

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

  /**
   * An upper bound of a word's printed width in twips at `halfPoints`, bold Times New Roman: every
   * letter as wide as the widest of its case (m, w, M and W wider still), anything else a full em.
   */
  function atMost(word: string, halfPoints: number): number {
    let w = 0;
    for (const ch of word.normalize("NFD").replace(/[\u0300-\u036f]/g, (m) => (m === "\u031b" ? "\u031b" : ""))) {
      if (ch === "\u031b") w += 100;
      else if (ch === "m") w += 833;
      else if (ch === "w") w += 722;
      else if (ch === "M" || ch === "W") w += 1000;
      else if (/[a-zđ]/.test(ch)) w += 556;
      else if (/[A-ZĐ]/.test(ch)) w += 778;
      else if (/[0-9]/.test(ch)) w += 500;
      else w += 1000;
    }
    return (w * halfPoints * 10) / 1000;
  }

  interface TableCellXml { texts: string[]; size: number; margins: number; col: number }

  /** The tasks table (the one headed "Cơ quan chủ trì"): its grid and each cell with its column's width. */
  function tasksTableXml(xml: string): { grid: number[]; rows: TableCellXml[][]; at: number } {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    const t = tables.find((m) => m[0].includes(">Cơ quan chủ trì<"));
    if (!t || t.index === undefined) throw new Error("no tasks table");
    const grid = [...t[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const rows = (t[0].match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
      (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc, col) => {
        const mar = (side: string) => Number(new RegExp(`<w:${side} w:type="dxa" w:w="(\\d+)"/>`).exec(/<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(tc)?.[0] ?? "")?.[1] ?? 0);
        return {
          texts: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]),
          size: Number(/<w:sz w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 26),
          margins: mar("left") + mar("right"),
          col,
        };
      }),
    );
    return { grid, rows, at: t.index };
  }

  /** The page the text at `at` is on: the first section properties after it. */
  function sectionAt(xml: string, at: number): { orient: string; textWidth: number } {
    const s = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml.slice(at))?.[0] ?? "";
    const w = Number(/<w:pgSz w:w="(\d+)"/.exec(s)?.[1]);
    const m = /<w:pgMar ([^>]*)\/>/.exec(s)?.[1] ?? "";
    const side = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(m)?.[1]);
    return { orient: /w:orient="(\w+)"/.exec(s)?.[1] ?? "portrait", textWidth: w - side("left") - side("right") };
  }

  function tasksReport(statuses: (i: number) => string | null, plan = builtInPlan("binh-son-2024")) {
    if (!plan) throw new Error("plan");
    const tasks = plan.tasks.flatMap((t, i) => (statuses(i) === null ? [] : [{ code: t.code, status: statuses(i) ?? "" }]));
    return buildReport({ plan, actuals: { rows: [] }, tasks, date: { year: 2024, month: 12, day: 5 } });
  }

  // Nine count columns (deadlines and unreported tasks): in portrait their headers broke letter by letter.
  const wide = () => tasksReport((i) => (i > 27 ? null : ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"][i % 3]));

  test.each([
    ["nine count columns", wide, 9],
    ["four count columns", () => tasksReport(() => "Hoàn thành", parsePlanOrThrow()), 4],
  ] as const)("tasks table, %s: every word of every cell fits its column, and the table its page", async (_, make, n) => {
    const model = make();
    expect(model.tasks?.columns.length).toBe(n);
    const xml = await documentXml(await reportDocx(model));
    const { grid, rows, at } = tasksTableXml(xml);
    expect(rows[0].map((c) => c.texts.join(""))).toEqual(["TT", "Cơ quan chủ trì", ...(model.tasks?.columns.map((c) => c.header) ?? [])]);
    const broken: string[] = [];
    for (const row of rows) {
      for (const c of row) {
        for (const word of c.texts.join("").split(/\s+/).filter(Boolean)) {
          if (atMost(word, c.size) > grid[c.col] - c.margins) broken.push(`${word} (${grid[c.col]} twips)`);
        }
      }
    }
    expect(broken).toEqual([]);
    const page = sectionAt(xml, at);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(page.textWidth);
    // The office's name keeps at least 45 mm, so names run to few lines.
    expect(grid[1]).toBeGreaterThanOrEqual(Math.round((45 * 1440) / 25.4));
    expect(page.orient).toBe(n > 5 ? "landscape" : "portrait");
  });

  test("a wide tasks table: section II and the signature on landscape pages, numbered; the targets stay portrait", async () => {
    const xml = await documentXml(await reportDocx(wide()));
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => ({ at: m.index ?? 0, s: m[0] }));
    expect(sections.map((x) => /w:orient="(\w+)"/.exec(x.s)?.[1])).toEqual(["portrait", "landscape"]);
    const at = (s: string) => xml.indexOf(s);
    expect(at("Chỉ tiêu chủ yếu")).toBeLessThan(sections[0].at);
    expect(at("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ")).toBeGreaterThan(sections[0].at);
    expect(at("TM. ỦY BAN NHÂN DÂN")).toBeGreaterThan(sections[0].at);
    // The landscape pages carry the page number too.
    expect(sections[1].s).toContain('<w:headerReference w:type="default"');
    // Counts right-aligned, so their digits line up.
    const { rows } = tasksTableXml(xml);
    expect(rows[1].slice(2).every((c) => c.texts.length === 1)).toBe(true);
    const countCell = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*?>Văn phòng HĐND[\s\S]*?<\/w:tc>(<w:tc>[\s\S]*?<\/w:tc>)/.exec(xml.slice(xml.indexOf(">Cơ quan chủ trì<")))?.[1] ?? "";
    expect(countCell).toContain('<w:jc w:val="right"/>');
  });
});
