/** A validated set of measurement cells, as importers produce it and the rules consume it. */
import type { Cell } from "./types.ts";
import type { InputIssue } from "./issues.ts";
import type { MeasurementColumns } from "./columns.ts";

export interface Measurements {
  /**
   * The same cells as typed columns, when the importer made them (the long CSV, the parse
   * worker's result): read these where they will do, since `cells` of a columnar Measurements
   * builds one object per row on first use (columns.ts).
   */
  readonly columns?: MeasurementColumns;
  /** Unique per (municipality, group, measure, month). */
  readonly cells: readonly Cell[];
  /** Names as written in the input, by code (informative only). */
  readonly names: ReadonlyMap<string, string>;
  /** Warnings found while reading (errors reject the whole input instead). */
  readonly warnings: readonly InputIssue[];
}

export function cellKey(c: Pick<Cell, "municipalityCode" | "benefitGroup" | "measure" | "month">): string {
  return `${c.municipalityCode}|${c.benefitGroup}|${c.measure}|${c.month}`;
}
