/** A small plan with every row shape the layouts handle: sub-rows that add up and that do not, a
 * lower-is-better rate, the traffic criterion, tasks with and without a group. */
import { type Plan, type PlanInput, parsePlan } from "../../src/core/plan";

export const fixtureInput: PlanInput = {
  id: "thu-nghiem-2025",
  unit: "UBND xã Thử Nghiệm",
  year: 2025,
  source: { document: "Nghị quyết số 01/NQ-HĐND" },
  targets: [
    { no: "1", name: "Tổng giá trị sản xuất", unit: "tỷ đồng", target: "khoảng 1.250,5", previous: "1.100,25", additive: true },
    { no: "1.1", parent: "1", name: "Ngành Nông, lâm, thủy sản", unit: "tỷ đồng", target: "250,5" },
    { no: "1.2", parent: "1", name: "Ngành Công nghiệp và Xây dựng", unit: "tỷ đồng", target: "1.000" },
    { no: "2", name: "Tốc độ tăng trưởng", unit: "%", target: "7-8", additive: false },
    { no: "2.1", parent: "2", name: "Ngành Nông, lâm, thủy sản", unit: "%", target: "1-2" },
    { no: "3", name: "Tỷ lệ hộ nghèo giảm còn", unit: "%", target: "giảm còn khoảng 2,14%", direction: "lower" },
    { no: "4", name: "Giải quyết việc làm", unit: "người", target: "1.600" },
    { no: "5", name: "Phấn đấu giảm tiêu chí tai nạn giao thông", unit: "", target: "Giảm 3 tiêu chí", criteria: "traffic-accidents" },
  ],
  tasks: [
    { code: "1", text: "Giữ vững sự đoàn kết, thống nhất trong chỉ đạo điều hành.", directs: "UBND xã", lead: "Văn phòng", timing: "Thường xuyên" },
    { code: "2.1", group: "Về phát triển kinh tế", text: "Ban hành kế hoạch thực hiện.", lead: "Ban Tài chính", partners: "Các thôn", timing: "Quý I" },
    { code: "2.2", group: "Về phát triển kinh tế", text: "Đẩy nhanh giải ngân vốn đầu tư công.", lead: "Ban Tài chính", timing: "Năm 2025" },
    { code: "3.1", group: "Về văn hóa - xã hội", text: "Nâng cao chất lượng giáo dục.", lead: "Văn hóa - Xã hội", timing: "Năm 2025" },
  ],
};

export function fixturePlan(change?: (p: PlanInput) => PlanInput): Plan {
  const input = change ? change(structuredClone(fixtureInput)) : fixtureInput;
  const r = parsePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
