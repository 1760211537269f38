// Every label the task pane shows, in one place, so wording is reviewed (and one day translated) here
// rather than hunted through components. Messages about user data come from src/domain/messages.
// The notice for old Office builds lives in taskpane.html: it must show without this bundle.
import type { StatusCode } from "./operations";

export const STRINGS = {
  appTitle: "Kế hoạch KT-XH",
  appSubtitle: "Theo dõi kế hoạch phát triển kinh tế - xã hội",
  outsideOffice: "Trang này đang mở ngoài Excel: hãy mở KT-XH từ thẻ Trang đầu của Excel.",

  planLabel: "Kế hoạch",
  planInWorkbook: "Trong sổ tính:",
  noPlan: "Chưa nạp kế hoạch nào vào sổ tính này.",
  planPicker: "Kế hoạch để nạp",
  planFromFile: (name: string) => `Từ tệp: ${name}`,
  pickFile: "Chọn tệp kế hoạch…",
  pickFileHint: "Tệp JSON hoặc CSV (cột no, name, unit, target).",
  readingFile: "Đang đọc tệp…",
  fileProblems: (name: string) => `Không dùng được tệp ${name}`,
  fileWarnings: (name: string) => `Lưu ý về tệp ${name}`,
  fileNotJson: (detail: string) => `Tệp không phải JSON hợp lệ (${detail}).`,
  seedsBroken: "Không đọc được các kế hoạch có sẵn",
  fileUnreadable: "Không đọc được tệp đã chọn.",
  moreProblems: (n: number) => `… và ${n} lỗi khác.`,
  loadPlan: "Nạp kế hoạch",
  loadingPlan: "Đang nạp kế hoạch…",

  periodLabel: "Kỳ báo cáo",
  periodNotLaidOut: "Sổ tính chưa có cột cho kỳ này: bấm “Nạp kế hoạch” để thêm.",
  recheck: "Kiểm tra lại",
  checking: "Đang kiểm tra…",
  starting: "Đang đọc sổ tính…",

  resultsLabel: "Kết quả",
  resultsLive: "Tự cập nhật khi nhập số liệu.",
  noResults: "Nạp kế hoạch để xem kết quả.",
  attentionLabel: "Cần xem lại",
  attentionHint: "Bấm vào một chỉ tiêu để đến ô số liệu của nó.",
  allGood: "Mọi chỉ tiêu đều đã có số liệu và đạt kế hoạch.",
  itemTitle: (no: string) => `Chỉ tiêu ${no}`,
  itemGoTo: (sheet: string, cell: string) => `Đến ô ${cell}, trang ${sheet}`,

  keptTitle: "Các dòng đã có số liệu được giữ lại",
  dropTitle: "Kế hoạch mới không còn các dòng này",
  dropBody: "Các dòng sau đã có số liệu nhưng không có trong kế hoạch mới. Nếu nạp tiếp, chúng được giữ ở cuối trang, dưới mục riêng.",
  dropConfirm: "Vẫn nạp",
  dropCancel: "Không nạp",
  cancelled: "Đã thôi nạp kế hoạch; sổ tính không thay đổi.",

  errorTitle: "Có lỗi",
  unexpected: "Có lỗi không lường trước. Hãy thử lại; nếu vẫn lỗi, báo bộ phận công nghệ thông tin.",
  dismiss: "Đóng",
  noticesTitle: (n: number) => `Lưu ý: Excel này thiếu ${n} chức năng, KT-XH làm cách khác`,
} as const;

/** Counter words: colour is never the only signal, each count says what it counts. */
export const STATUS_COUNT_LABELS: Record<StatusCode, string> = {
  vuot: "Vượt",
  dat: "Đạt",
  "khong-dat": "Không đạt",
  "thieu-so-lieu": "Chưa có số liệu",
};

