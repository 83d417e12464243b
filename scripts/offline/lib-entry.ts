// Browser entry for the rules library until lib/index.ts exists; bundled by
// scripts/offline/bundle-lib.ts into src/components/_gen/tidlig.js. Browser-safe modules only.
export * from "../../lib/domain/types.ts";
export * from "../../lib/domain/month.ts";
export * from "../../lib/domain/decimal.ts";
export * from "../../lib/domain/benefit-groups.ts";
export * from "../../lib/domain/municipalities.ts";
export * from "../../lib/domain/suggest.ts";
export * from "../../lib/domain/issues.ts";
export * from "../../lib/domain/measurements.ts";
