/**
 * Measurements handed from the parse worker to the page as the typed arrays of their columns
 * (lib/domain/columns.ts), moved by transfer instead of structured-cloning 200,000 small objects
 * (which would block the page while it deserialises them). A long CSV is already columnar, so
 * its buffers move as they are; other inputs (wide tables, merged files) are put into columns
 * first.
 */
import {
  MeasurementColumns,
  columnarMeasurements,
  type ColumnArrays,
  type InputIssue,
  type Measurements,
} from "./_gen/tidlig.js";

export interface PackedMeasurements {
  readonly columns: ColumnArrays;
  readonly names: [string, string][];
  readonly warnings: InputIssue[];
}

/** The columns of `m` (its own when it has them) with its names and warnings, ready to post. */
export function packMeasurements(m: Measurements): PackedMeasurements {
  const columns = m.columns ?? MeasurementColumns.fromCells(m.cells);
  return { columns: columns.arrays(), names: [...m.names], warnings: [...m.warnings] };
}

/** The typed arrays of a packed set, for postMessage's transfer list (each buffer once). */
export function transferables(p: PackedMeasurements): ArrayBuffer[] {
  const c = p.columns;
  const arrays = [c.code, c.group, c.measure, c.month, c.population, c.without, c.shareNum, c.shareExp, c.line];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The received set as a columnar Measurements (its cells are built only if someone asks). */
export function unpackMeasurements(p: PackedMeasurements): Measurements {
  return columnarMeasurements(MeasurementColumns.wrap(p.columns), new Map(p.names), p.warnings);
}
