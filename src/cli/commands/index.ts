import type { Command } from "../io";

/**
 * Every `ktxh` sub-command, each in a file of its own beside this one, loaded only when it runs: a
 * command pays for the libraries it uses (ExcelJS for workbooks, docx for .docx) and no other's, so
 * `ktxh --help`, `ktxh plan` and `ktxh target` start without ExcelJS. The name and the summary line
 * are here for `ktxh --help`; a test holds them equal to the command's own.
 */
export type CommandEntry = { name: string; summary: string; load(): Promise<Command> };

export const commands: CommandEntry[] = [
  { name: "check", summary: "kiểm tra số liệu trong các sổ tính (cả thư mục), chỉ ra ô có lỗi", load: async () => (await import("./check")).checkCommand },
  { name: "target", summary: "đọc một cách ghi chỉ tiêu và in cách hiểu, cách ghi chuẩn", load: async () => (await import("./target")).targetCommand },
  { name: "evaluate", summary: "đánh giá kết quả thực hiện các chỉ tiêu so với kế hoạch", load: async () => (await import("./evaluate")).evaluateCommand },
  { name: "plan", summary: "in kế hoạch: chỉ tiêu chủ yếu và nhiệm vụ, giải pháp", load: async () => (await import("./plan")).planCommand },
  { name: "init", summary: "tạo sổ Excel theo dõi chỉ tiêu và nhiệm vụ của một kế hoạch", load: async () => (await import("./init")).initCommand },
  { name: "report", summary: "lập bảng báo cáo chỉ tiêu theo mẫu 783/BC (.xlsx, .docx)", load: async () => (await import("./report")).reportCommand },
  { name: "submissions", summary: "tạo phiếu thu thập số liệu gửi từng phòng, ban và từng xã", load: async () => (await import("./submissions")).submissionsCommand },
  { name: "previous", summary: "ghi số liệu cùng kỳ năm trước vào sổ (cột Cùng kỳ năm trước), ghép chỉ tiêu theo số và tên", load: async () => (await import("./previous")).previousCommand },
  { name: "collect", summary: "tổng hợp các phiếu thu thập đã nhận vào sổ kế hoạch, chỉ ra xung đột", load: async () => (await import("./collect")).collectCommand },
];
