// Every label the task pane shows, in one place, so wording is reviewed (and one day translated) here
// rather than hunted through components. Messages about user data come from src/core/messages.
// The notice for old Office builds lives in taskpane.html: it must show without this bundle.

export const STRINGS = {
  appTitle: "Kế hoạch KT-XH",
  appSubtitle: "Theo dõi kế hoạch phát triển kinh tế - xã hội",
  outsideOffice: "Trang này đang mở ngoài Excel: hãy mở KT-XH từ thẻ Trang đầu của Excel.",
  oldExcelTitle: "Phiên bản Excel này chưa chạy được KT-XH",
  oldExcelBody:
    "KT-XH cần Excel 2019 trở lên, Microsoft 365, Excel cho Mac bản mới hoặc Excel trên web. Hãy cập nhật Office (Tệp › Tài khoản › Tùy chọn cập nhật) hoặc mở sổ tính bằng Excel trên web; sổ tính không bị thay đổi gì.",
  crashTitle: "KT-XH gặp lỗi khi hiển thị",
  crashBody: "Khung KT-XH không vẽ tiếp được. Số liệu trong sổ tính không bị thay đổi. Bấm “Tải lại” để mở lại khung; nếu lỗi còn, hãy cập nhật Office hoặc mở bằng Excel trên web.",
  crashReload: "Tải lại",

  planLabel: "Kế hoạch",
  planInWorkbook: "Trong sổ tính:",
  noPlan: "Chưa nạp kế hoạch nào vào sổ tính này.",
  planPicker: "Kế hoạch để nạp",
  planFromFile: (name: string) => `Từ tệp: ${name}`,
  pickFile: "Chọn tệp kế hoạch…",
  planTemplate: "Tải mẫu kế hoạch",
  planNone: "(chưa chọn kế hoạch)",
  pickFileHint: "Tệp JSON hoặc CSV (cột no, name, unit, target).",
  readingFile: "Đang đọc tệp…",
  fileProblems: (name: string) => `Không dùng được tệp ${name}`,
  fileWarnings: (name: string) => `Lưu ý về tệp ${name}`,
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
  staleTitle: "Chưa cập nhật",
  staleBody: (targets: readonly string[]) =>
    `${targets.length ? `Chỉ tiêu ${targets.join(", ")}` : "Các chỉ tiêu vừa sửa"} chưa cập nhật: Excel chưa cho ghi kết quả (có thể do đang sửa một ô). Nhấn Enter để rời ô rồi bấm “Kiểm tra lại”.`,
  noResults: "Nạp kế hoạch để xem kết quả.",
  attentionLabel: "Chỉ tiêu cần chú ý",
  listFilter: "Hiện",
  listAll: (n: number) => `Tất cả (${n})`,
  listSearch: "Tìm chỉ tiêu",
  listSearchHint: "Số hoặc tên, ví dụ 4 hoặc lúa",
  listNoMatch: "Không có chỉ tiêu nào khớp với lựa chọn này.",
  groupTitle: (label: string, n: number) => `${label} (${n})`,
  listMore: (n: number, rest: number) => (n === rest ? `Hiện nốt ${n} chỉ tiêu` : `Hiện thêm ${n} (còn ${rest})`),
  listFold: "Thu gọn",
  goTo: "Đi tới",
  goToResults: "Kết quả",
  goToList: "Chỉ tiêu",
  goToCheck: "Kiểm tra số liệu",
  goToReport: "Báo cáo",
  goToPlan: "Kế hoạch",
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

  checkLabel: "Kiểm tra số liệu",
  checkHint: "Đọc mọi trang của sổ tính và chỉ ra ô cần xem lại. Số liệu chỉ thay đổi khi bạn bấm “Sửa”.",
  checkRun: "Kiểm tra số liệu",
  checkRunning: "Đang kiểm tra số liệu…",
  checkMark: "Tô màu các ô có vấn đề",
  checkIssuesSheet: "Ghi danh sách vào trang “Kiểm tra”",
  checkClear: "Bỏ đánh dấu",
  checkClearing: "Đang bỏ đánh dấu…",
  checkCleared: (n: number) => (n ? `Đã bỏ đánh dấu ${n} ô.` : "Không còn ô nào được đánh dấu."),
  checkNone: (sheets: number) => `Không thấy vấn đề nào trong ${sheets} trang đã đọc.`,
  checkSheetsRead: (sheets: number, marked: number) => `Đã đọc ${sheets} trang${marked ? `, tô màu ${marked} ô` : ""}.`,
  checkUnmarked: (names: string) => `Không tô màu được ở trang đang khóa: ${names}.`,
  checkIssuesSheetWritten: (name: string) => `Danh sách được ghi ở trang “${name}”.`,
  checkWholeBook: "Cả sổ tính",
  checkIssueHint: "Bấm vào một vấn đề để đến ô của nó.",
  checkFixProposed: (text: string) => `Đề xuất: ${text}`,
  checkFix: "Sửa",
  checkFixLabel: (where: string) => `Sửa: ${where}`,
  checkFixAll: (n: number) => `Sửa tất cả (${n})`,
  checkFixing: "Đang sửa…",
  checkFixAllTitle: "Sửa tất cả các ô được đề xuất?",
  checkFixAllBody: (n: number) => `KT-XH sẽ ghi giá trị đề xuất vào ${n} ô sau. Ô nào đã đổi từ lúc kiểm tra thì được để nguyên.`,
  checkFixAllConfirm: "Sửa tất cả",
  checkFixChange: (where: string, was: string, value: string) => `${where}: ${was} → ${value}`,
  emptyCell: "(ô trống)",
  checkFixAllCancel: "Không sửa",
  checkFixed: (applied: number, skipped: number) =>
    `Đã sửa ${applied} ô.${skipped ? ` ${skipped} ô đã đổi từ lúc kiểm tra nên được để nguyên.` : ""} Đã kiểm tra lại.`,
  undo: "Hoàn tác",
  undoing: "Đang hoàn tác…",
  undoHint: (what: "fix" | "reload", cells: number, when: string) =>
    `Hoàn tác ${what === "fix" ? "lần sửa theo kiểm tra" : "lần nạp lại kế hoạch"} lúc ${when} (${cells} ô): trả lại giá trị cũ, trừ ô đã đổi từ lúc đó.`,
  undoDone: (restored: number) => (restored ? `Đã hoàn tác: trả lại giá trị cũ cho ${restored} ô.` : "Không ô nào được trả lại giá trị cũ."),
  undoNothing: "Không còn thao tác sửa hay nạp lại nào để hoàn tác.",
  undoSkipped: (n: number) => `${n} ô được để nguyên:`,
  undoSkip: (where: string, reason: "changed" | "missing" | "plan" | "locked", now: string) =>
    `${where}: ${
      reason === "changed" ? `đã đổi từ lúc đó (nay là ${now}), không ghi đè`
      : reason === "missing" ? "không còn tìm thấy ô này"
      : reason === "plan" ? "giá trị kế hoạch theo kế hoạch đã nạp; muốn trả lại thì nạp lại kế hoạch cũ"
      : "trang đang khóa hoặc ô có công thức"
    }`,
  undoWhere: (sheet: string, cell: string, target: string | null) => `Trang “${sheet}”, ô ${cell}${target ? `, chỉ tiêu ${target}` : ""}`,

  reportLabel: "Báo cáo",
  reportHint: (period: string) => `Lập báo cáo kỳ “${period}” (mẫu 783/BC) ở một trang riêng, kèm biểu đồ.`,
  reportKeep: "Giữ bản báo cáo trước",
  reportBuild: "Tạo báo cáo",
  reportBuilding: "Đang lập báo cáo…",
  reportCopy: "Sao chép bảng",
  reportOpen: "Mở báo cáo",
  reportCopying: "Đang sao chép…",
  reportCopied: (rows: number) => `Đã chép bảng báo cáo (${rows} dòng): dán vào Word hoặc thư điện tử.`,
  reportCopiedText: (rows: number) => `Đã chép bảng báo cáo (${rows} dòng) dạng chữ; trình duyệt không cho chép kèm định dạng.`,
  clipboardRefused: "Trình duyệt không cho KT-XH ghi vào bộ nhớ tạm (clipboard). Hãy cho phép rồi bấm lại, hoặc chép bảng từ trang báo cáo.",
  reportWarnings: "Cần xem lại trong báo cáo",
} as const;

/** Severity and status words come from the core catalog, the same words the sheets and the CLI print. */
export { SEVERITY_LABELS, STATUS_COUNT_LABELS } from "../core/messages/labels";

