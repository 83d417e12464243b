/**
 * The data of one municipality page: the shared measurements file parsed once with lib's
 * importer, then an index of that municipality only (so every evaluation and the timeline touch
 * one municipality's series), with the standard periods of the WHOLE data set, as the CLI and the
 * overview use them.
 */
import {
  municipalityIndex,
  monthRange,
  parseLongCsv,
  type MeasurementIndex,
  type Measurements,
  type Month,
  type Period,
  type RuleSetId,
} from "./_gen/tidlig.js";
import { calendarOf, type Provenance } from "./data.js";

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

export function municipalityData(csv: string, provenance: Provenance, code: string): MunicipalityData {
  const measurements = parseLongCsv(csv, provenance.file);
  let first: Month | null = null;
  let last: Month | null = null;
  for (const c of measurements.cells) {
    if (first === null || c.month < first) first = c.month;
    if (last === null || c.month > last) last = c.month;
  }
  const from = first ?? "2021-01";
  const to = last ?? from;
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
