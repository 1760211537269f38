export type { Code, MessageMap, NoParams, Params, ParamsFor, ParamsOf, ProblemParams, Value } from "./params";
