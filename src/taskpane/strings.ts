// Every label the task pane shows, in one place, so wording is reviewed (and one day translated) here
// rather than hunted through components. Messages about user data come from src/domain/messages.
// The notice for old Office builds lives in taskpane.html: it must show without this bundle.

export const STRINGS = {
  appTitle: "Kế hoạch KT-XH",
  appSubtitle: "Theo dõi kế hoạch phát triển kinh tế - xã hội",
  planLabel: "Kế hoạch",
  noPlan: "Chưa nạp kế hoạch nào vào sổ tính này.",
  loadPlan: "Nạp kế hoạch",
  loadPlanHint: "Chức năng nạp kế hoạch sẽ có trong bản sau.",
  outsideOffice: "Trang này đang mở ngoài Excel: hãy mở KT-XH từ thẻ Trang đầu của Excel.",
} as const;

export type StringKey = keyof typeof STRINGS;
