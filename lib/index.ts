/**
 * The public, framework-free API of the rules module: the same code runs in the CLI (Node) and
 * in the site (browser). Nothing here imports Node built-ins, Framework or the DOM.
 */
export * from "./domain/types.ts";
export * from "./domain/month.ts";
export * from "./domain/decimal.ts";
export * from "./domain/benefit-groups.ts";
export * from "./domain/municipalities.ts";
export * from "./domain/issues.ts";
export * from "./domain/measurements.ts";
export {
  MeasurementColumns,
  ColumnarMeasurements,
  columnarMeasurements,
  measurementCount,
  type ColumnArrays,
} from "./domain/columns.ts";
export * from "./domain/suggest.ts";
export * from "./import/index.ts";
export * from "./io/long-csv-writer.ts";
export * from "./io/supervision.ts";
export * from "./rules/parameters.ts";
export * from "./rules/share.ts";
export * from "./rules/trace.ts";
export * from "./rules/criteria.ts";
export * from "./rules/clauses.ts";
export * from "./rules/measurement-index.ts";
export * from "./rules/month-values.ts";
export * from "./rules/request.ts";
export * from "./rules/evaluate.ts";
export * from "./rules/timeline.ts";
export * from "./rules/wording.ts";
export * from "./explain/format.ts";
export * from "./explain/sentences.ts";
export * from "./explain/labels.ts";
export * from "./explain/issue-messages.ts";
export * from "./output/json.ts";
export * from "./output/csv.ts";
export * from "./output/text.ts";
export * from "./rules/calendar.ts";
export * from "./view/state.ts";
export * from "./view/command.ts";
export * from "./io/measurements-binary.ts";
export * from "./rules/fast-verdicts.ts";
export * from "./view/municipality.ts";
export * from "./view/whatif.ts";
export * from "./view/letters.ts";
export * from "./view/overview.ts";
export * from "./rules/outlook.ts";
export * from "./rules/outlook-report.ts";
export * from "./rules/drivers.ts";
export * from "./rules/benchmarks.ts";
export * from "./output/outlook-text.ts";
export * from "./view/outlook.ts";
export * from "./rules/outlook-statuses.ts";
