/**
 * The plan template: an empty CSV plan in the form officers type (`plan-csv.ts` reads it), with the
 * lines above the header for the unit, the year and the signer, and two example rows (a growth rate
 * and a fall target). `ktxh plan --template` writes it and the pane's "Tải mẫu kế hoạch" gives the
 * same file: UTF-8 with a BOM (so Excel shows the tone marks) and `;` between cells (a Vietnamese
 * Excel's list separator, where `,` is the decimal mark).
 */

/**
 * The header of the template, in the order officers meet it. *Lũy kế* (có/không) says whether the
 * figure adds up over the year (judged mid-year on its projected year figure); empty, the unit and the
 * name decide. *Đánh giá cuối năm* (có) marks a target known only at year end (the poverty rate):
 * *Chưa đánh giá được* before.
 */
export const TEMPLATE_HEADER = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Hướng", "Thuộc chỉ tiêu", "TH năm trước", "Lũy kế", "Đánh giá cuối năm"];

const EXAMPLES = [
  ["1", "Tốc độ tăng trưởng kinh tế", "%", "tăng 7,5%", "", "", "", "không", ""],
  ["2", "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", "giảm 1-1,5%", "giảm", "", "3,51", "không", "có"],
];

const cell = (s: string): string => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The template's text, BOM first; `year` fills the "Năm:" line (empty: the officer types it). */
export function planTemplateCsv(opts: { year?: number; unit?: string } = {}): string {
  const width = TEMPLATE_HEADER.length;
  const line = (cells: string[]): string => [...cells, ...new Array(Math.max(0, width - cells.length)).fill("")].map(cell).join(";");
  const lines = [
    line(["KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI"]),
    line(["Đơn vị:", opts.unit ?? ""]),
    line(["Năm:", opts.year ? String(opts.year) : ""]),
    line(["Người ký:", ""]),
    line(["Chức vụ:", ""]),
    line([]),
    line(TEMPLATE_HEADER),
    ...EXAMPLES.map(line),
  ];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
