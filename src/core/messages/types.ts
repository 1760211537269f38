import type { Problem } from "../problems";

export type Params = Problem["params"];
/** One Vietnamese sentence per problem code, built from the problem's params. */
export type MessageMap<C extends string> = { [K in C]: (params: Params) => string };
