// The sections that need a plan in the workbook, one chunk fetched after the first paint (App.tsx):
// they keep Fluent's components, which the first screen does without.
export { AttentionSection } from "./AttentionSection";
export { CheckSection } from "./CheckSection";
export { ReportSection } from "./ReportSection";
