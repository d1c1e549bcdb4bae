// Transitional: features not yet moved to contract/ import from here.
export * from "../contract/common.js";
export * from "../routes/openapi.js";
