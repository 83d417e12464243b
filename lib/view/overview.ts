/**
 * Figures for the overview page's heatmap: one criterion's month figures per municipality over a
 * month range, with each month judged against the limit by the rules' own clause (isBreach). No
 * aggregation happens here: the figures are the criterion series the evaluation itself reads.
 */
import type { Month } from "../domain/types.ts";
import { addMonths, monthIndex, monthRange } from "../domain/month.ts";
import type { MeasurementIndex } from "../rules/measurement-index.ts";
import { criterionBlock, monthFiguresAt, type MonthFigures } from "../rules/month-values.ts";
import { isBreach, isBelowMinimumPopulation } from "../rules/clauses.ts";
import { criterionDefinition, resolveRequest, type EvaluationRequest } from "../rules/request.ts";

export interface HeatmapCell extends MonthFigures {
  /** Whether the month lies in the evaluated window. */
  readonly inWindow: boolean;
  /** The month's share is above the limit; null when the share is unknown. */
  readonly breach: boolean | null;
  /** A known, exact population below the minimum (the month is not covered). */
  readonly belowMinimum: boolean;
}

export interface HeatmapRow {
  readonly code: string;
  /** False when the input has no row that feeds the criterion for this municipality. */
  readonly fed: boolean;
  readonly cells: readonly HeatmapCell[];
}

/**
 * The months a heatmap shows: `context` months up to the window's end (at least the window),
 * clipped to the data where possible.
 */
export function heatmapMonths(window: readonly Month[], context: number, index: MeasurementIndex): Month[] {
  if (!window.length) return [];
  const last = window[window.length - 1]!;
  const n = Math.max(context, window.length);
  let first = addMonths(last, -(n - 1));
  if (
    index.firstMonth &&
    monthIndex(first) < monthIndex(index.firstMonth) &&
    monthIndex(index.firstMonth) <= monthIndex(window[0]!)
  )
    first = index.firstMonth;
  return monthRange(first, last);
}

/** One criterion's figures for every municipality of the index over `months`. */
export function heatmapRows(
  index: MeasurementIndex,
  req: EvaluationRequest,
  criterionId: string,
  months: readonly Month[],
): HeatmapRow[] {
  const c = criterionDefinition(criterionId);
  if (!c) throw new Error(`unknown criterion "${criterionId}"`);
  const { limit, minPopulation } = resolveRequest(req);
  const inWindow = new Set(req.window);
  const block = criterionBlock(index, c);
  return index.codes.map((code, row) => {
    const fed = block.fed[row] === 1;
    const s = block.series[row]!;
    const cells = months.map((month): HeatmapCell => {
      const f = monthFiguresAt(index, s, month);
      return {
        ...f,
        inWindow: inWindow.has(month),
        breach: f.share === null ? null : isBreach(f.share, limit),
        belowMinimum: isBelowMinimumPopulation(f, minPopulation),
      };
    });
    return { code, fed, cells };
  });
}
