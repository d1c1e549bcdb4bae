/** The console's entry: every element defined, and the classes, API client and strings for embedders. */
export { tags } from "./define.js";
export { createApi, ApiProblem, type Api } from "./api.js";
export { en, resolveStrings, type ConsoleStrings, type StringsOverride } from "./strings.js";
export type * from "./contract.js";
