/** Small builders so rule tests read like the cases in docs/rules.md. */
import type { BenefitGroupId, Cell, Measure, Month } from "../../lib/domain/types.ts";
import type { Measurements } from "../../lib/domain/measurements.ts";
import { parseDecimal } from "../../lib/domain/decimal.ts";
import { addMonths } from "../../lib/domain/month.ts";
import { MeasurementIndex } from "../../lib/rules/measurement-index.ts";

/** A month's figures: [population, without], a published share as text ("20.0"), or null (suppressed). */
export type Figure = readonly [number | null, number | null] | string | null;

export function cell(code: string, group: BenefitGroupId, measure: Measure, month: Month, f: Figure): Cell {
  const counts = Array.isArray(f) ? (f as readonly [number | null, number | null]) : null;
  return {
    municipalityCode: code,
    benefitGroup: group,
    measure,
    month,
    population: counts ? counts[0] : null,
    without: counts ? counts[1] : null,
    shareWithout: typeof f === "string" ? parseDecimal(f) : null,
  };
}

/** Consecutive months of one series starting at `from`. */
export function series(
  code: string,
  group: BenefitGroupId,
  measure: Measure,
  from: Month,
  figures: readonly Figure[],
): Cell[] {
  return figures.map((f, i) => cell(code, group, measure, addMonths(from, i), f));
}

export function measurements(cells: readonly Cell[]): Measurements {
  return { cells, names: new Map(), warnings: [] };
}

export function indexOf(...groups: Cell[][]): MeasurementIndex {
  return new MeasurementIndex(measurements(groups.flat()));
}

import { InputError } from "../../lib/domain/issues.ts";

/** The InputError `f` throws; fails the test when it accepts the input or throws anything else. */
export function rejection(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError, but the input was accepted");
}
