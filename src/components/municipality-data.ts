/**
 * The data of one municipality page: the shared measurements file parsed once with lib's
 * importer, then an index of that municipality only (so every evaluation and the timeline touch
 * one municipality's series), with the standard periods of the WHOLE data set, as the CLI and the
 * overview use them.
 */
import {
  municipalityIndex,
  monthFromIndex,
  monthRange,
  type MeasurementIndex,
  type Measurements,
  type Month,
  type Period,
  type RuleSetId,
} from "./_gen/tidlig.js";
import { calendarOf, readSiteMeasurements, type Provenance } from "./data.js";

export interface MunicipalityData {
  readonly code: string;
  readonly index: MeasurementIndex;
  readonly provenance: Provenance;
  /** Whether the data has any row for this municipality. */
  readonly present: boolean;
  readonly periods: Readonly<Record<RuleSetId, readonly Period[]>>;
  readonly defaultPeriod: (rules: RuleSetId) => Period;
  /** Every month from the first to the last of the whole data set. */
  readonly months: readonly Month[];
  /** Every municipality's measurements, for figures that compare across them (the outlook's benchmarks). */
  readonly measurements: Measurements;
}

export function municipalityData(data: string | ArrayBuffer, provenance: Provenance, code: string): MunicipalityData {
  const measurements = readSiteMeasurements(data, provenance);
  // Both forms are read into columns: the months are scanned there, no Cell is built.
  const columns = measurements.columns!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < columns.length; r++) {
    const i = columns.month[r]!;
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  const from: Month = columns.length ? monthFromIndex(lo) : "2021-01";
  const to: Month = columns.length ? monthFromIndex(hi) : from;
  const index = municipalityIndex(measurements, code);
  return {
    code,
    index,
    provenance,
    present: index.codes.includes(code),
    ...calendarOf(from, to),
    months: monthRange(from, to),
    measurements,
  };
}
