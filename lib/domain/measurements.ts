/** A validated set of measurement cells, as importers produce it and the rules consume it. */
import type { Cell } from "./types.ts";
import type { InputIssue } from "./issues.ts";

export interface Measurements {
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
