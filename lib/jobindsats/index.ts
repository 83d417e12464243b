/** Jobindsats API v2 client (browser-safe parts). See docs/data-format.md §4 and cli/fetch.ts. */
export { JobindsatsError, redact, excerpt, tokenProblem, REDACTED, type JobindsatsErrorKind } from "./errors.ts";
export { JobindsatsHttp, HTTP_DEFAULTS, isWrongKeyReply, parseRetryAfter, type HttpOptions } from "./http.ts";
export {
  DEFAULT_BASE_URL,
  EARLY_EFFORT_SUBJECT_ID,
  TABLE_ROLES,
  DEFAULT_TABLE_PATTERNS,
  DEFAULT_VARIABLE_PATTERNS,
  DEFAULT_SKIP_AREAS,
  DEFAULT_DAGPENGE_JOBCENTER_FROM,
  DEFAULT_BATCH_MONTHS,
  type TableRole,
  type TablePattern,
  type VariablePatterns,
} from "./config.ts";
export {
  parseTableList,
  parseTableMetadata,
  parseDataReply,
  type TableInfo,
  type TableMetadata,
  type DataContext,
  type DataResult,
} from "./parse.ts";
export {
  fetchJobindsats,
  matchTables,
  canonicalOrder,
  type FetchOptions,
  type FetchResult,
  type FetchedTable,
} from "./fetch.ts";
export { liveManifest, type LiveManifest } from "./manifest.ts";
