import { askedOf, leadRecipients, officeKey, planAssignments, planOffices, recipientId, recipientsOf, splitLead } from "../../src/core/recipients";
import { parsePlan, type Plan } from "../../src/core/plan";
import { defaultPlan } from "../../src/seeds";

function withCommunes(): Plan {
  const p = defaultPlan();
  const r = parsePlan({ ...p, communes: ["Xã Bình Hải", "Xã Bình Trị", "Thị trấn Châu Ổ"] });
  if (!r.ok) throw new Error("plan");
  return r.value;
}

describe("recipients", () => {
  it("splits a list of offices at commas before a capital", () => {
    const s = splitLead("Công an huyện, Viện Kiểm sát nhân dân huyện, Tòa án nhân dân huyện, Chi cục thi hành án dân sự huyện, Phòng Tư pháp huyện");
    expect(s.offices).toHaveLength(5);
    expect(s.allOffices).toBe(false);
  });
  it("reads the collective phrases and the offices in brackets", () => {
    expect(splitLead("Các phòng, ban ngành, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn")).toEqual({ offices: [], allOffices: true, allCommunes: true });
    expect(splitLead("Các cơ quan chủ trì của 03 chương trình (Phòng Nông nghiệp và PTNT huyện, Phòng Lao động - Thương binh và xã hội huyện, Văn phòng HĐND & UBND huyện)").offices).toHaveLength(3);
  });
  it("one office under two spellings", () => {
    expect(officeKey("Phòng Văn hoá và Thông tin huyện")).toBe(officeKey("Phòng Văn hóa và Thông tin"));
    expect(officeKey("Văn phòng HĐND & UBND huyện")).toBe(officeKey("Văn phòng HĐND và UBND huyện"));
    expect(officeKey("Phòng Nông nghiệp và PTNT huyện")).toBe(officeKey("Phòng Nông nghiệp và Phát triển nông thôn"));
    expect(recipientId("Phòng Y tế huyện")).toBe("phong-y-te-huyen");
  });
  it("the collective phrase means every office named in the plan and every commune", () => {
    const plan = withCommunes();
    const offices = planOffices(plan);
    const all = leadRecipients("Các phòng, ban ngành, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn", plan);
    expect(all).toHaveLength(offices.length + 3);
    expect(offices.filter((o) => officeKey(o) === officeKey("Phòng Nông nghiệp và PTNT huyện"))).toHaveLength(1);
  });
  it("a plan without communes has no commune recipients", () => {
    const rs = recipientsOf(defaultPlan(), planAssignments(defaultPlan()));
    expect(rs.every((r) => r.kind === "office")).toBe(true);
    const withC = recipientsOf(withCommunes(), planAssignments(withCommunes()));
    expect(withC.filter((r) => r.kind === "commune").map((r) => r.id)).toEqual(["xa-binh-hai", "xa-binh-tri", "thi-tran-chau-o"]);
  });
  it("targets go to reportedBy and to the communes, with their sub-rows", () => {
    const base = withCommunes();
    const plan = { ...base, targets: base.targets.map((t) => (t.no === "1" ? { ...t, reportedBy: "Phòng Tài chính – Kế hoạch huyện" } : t.no === "5" ? { ...t, fromCommunes: true, rollup: "sum" as const } : t)) };
    const a = planAssignments(plan);
    const fin = askedOf(plan, a, "Phòng Tài chính - Kế hoạch");
    expect(fin.targets.map((t) => t.no)).toEqual(plan.targets.filter((t) => t.no === "1" || t.parent === "1").map((t) => t.no));
    expect(fin.tasks.map((t) => t.code)).toContain("2.1");
    expect(askedOf(plan, a, "Xã Bình Hải").targets.map((t) => t.no)).toEqual(["5"]);
  });
});
