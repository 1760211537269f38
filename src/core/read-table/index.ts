/** Reading other people's tables: grids, headers, column roles, rows matched to the plan. */
export * from "./grid";
export { classifyHeader, classifyHeaderLines, type ColumnRole, type HeaderReading } from "./columns";
export { findHeader, type FoundHeader, type FoundColumn } from "./headers";
export { bestMatch, nameScore, nameTokens, MATCH } from "./match";
export * from "./table";
