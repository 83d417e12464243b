/**
 * Everything docs/rules.md §3.6 adds to an evaluation, assembled from its traces (so from the same
 * clauses as the verdicts): per criterion the outlook, extraNeeded, drivers and what one coming
 * month must reach; per municipality its outlook and rank; the benchmarks.
 */
import type { Measure, Month } from "../domain/types.ts";
import { MEASURES } from "../domain/types.ts";
import { monthIndex } from "../domain/month.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { OVERALL_CRITERIA } from "./criteria.ts";
import type { Evaluation } from "./evaluate.ts";
import { limitShareOf } from "./request.ts";
import type { Share } from "./share.ts";
import type { CriterionTrace } from "./trace.ts";
import { benchmarks, ranks, type Benchmarks, type Rank } from "./benchmarks.ts";
import { drivers, type Driver } from "./drivers.ts";
import {
  closeness,
  criterionOutlook,
  extraNeeded,
  isPublished,
  municipalityOutlook,
  whatItTakes,
  type CriterionOutlook,
  type Outlook,
  type WhatItTakes,
} from "./outlook.ts";

export interface CriterionOutlookReport {
  readonly criterion: string;
  /** Absent in restoration mode (§3.6 applies to the trigger). */
  readonly outlook: CriterionOutlook | null;
  /** One entry per window month (docs/rules.md §3.6); null after asOf. */
  readonly extraNeeded: readonly (number | null)[];
  /** Overall criteria with group counts only. */
  readonly drivers: readonly Driver[] | null;
  /** For an at-risk criterion: what one coming month must reach. */
  readonly whatItTakes: WhatItTakes | null;
  /** Smaller is closer to safety (at-risk ordering); Infinity unless at-risk. */
  readonly closeness: number;
}

export interface MunicipalityOutlookReport {
  readonly code: string;
  readonly name: string;
  readonly outlook: Outlook | null;
  readonly criteria: readonly CriterionOutlookReport[];
  /** Place among the municipalities by measure over the published window months. */
  readonly rank: Readonly<Partial<Record<Measure, Rank>>>;
}

export interface OutlookReport {
  readonly asOf: Month | null;
  /** The window months published as of asOf. */
  readonly publishedMonths: readonly Month[];
  /** The window months still to come. */
  readonly remainingMonths: readonly Month[];
  readonly municipalities: readonly MunicipalityOutlookReport[];
  readonly benchmarks: Benchmarks;
}

/** The as-of month by default: the last month in the data (§3.6). */
export function defaultAsOf(index: MeasurementIndex): Month | null {
  return index.lastMonth;
}

function criterionReport(
  index: MeasurementIndex,
  c: CriterionTrace,
  asOf: Month | null,
  limit: Share,
  published: readonly Month[],
): CriterionOutlookReport {
  const outlook = c.mode === "trigger" ? criterionOutlook(c.months, asOf, limit, c.minPopulation, c.status) : null;
  const definition = c.aggregation === "overall" ? OVERALL_CRITERIA.find((d) => d.id === c.criterion) : undefined;
  return {
    criterion: c.criterion,
    outlook,
    extraNeeded: c.months.map((m) => (isPublished(m.month, asOf) && m.breach ? extraNeeded(m, limit) : null)),
    drivers: definition ? drivers(index, c.municipalityCode, definition, published, limit) : null,
    whatItTakes: outlook?.outlook === "at-risk" ? whatItTakes(c.months, asOf, limit, c.limit) : null,
    closeness: outlook?.outlook === "at-risk" ? closeness(c.months, asOf, limit) : Number.POSITIVE_INFINITY,
  };
}

/** The §3.6 additions for an evaluation as of `asOf` (null: everything in the data is published). */
export function outlookReport(index: MeasurementIndex, e: Evaluation, asOf: Month | null): OutlookReport {
  const publishedMonths = e.window.filter((m) => isPublished(m, asOf));
  const limit = limitShareOf(e.parameters);
  const rankings = new Map(MEASURES.map((measure) => [measure, ranks(index, measure, publishedMonths)]));
  const municipalities = e.municipalities.map((m): MunicipalityOutlookReport => {
    const criteria = m.criteria.map((c) => criterionReport(index, c, asOf, limit, publishedMonths));
    const outlooks = criteria.map((c) => c.outlook).filter((o): o is CriterionOutlook => o !== null);
    const rank: Partial<Record<Measure, Rank>> = {};
    for (const measure of MEASURES) {
      const r = rankings.get(measure)!.get(m.code);
      if (r) rank[measure] = r;
    }
    return {
      code: m.code,
      name: m.name,
      outlook: e.mode === "trigger" && outlooks.length ? municipalityOutlook(outlooks) : null,
      criteria,
      rank,
    };
  });
  return {
    asOf,
    publishedMonths,
    remainingMonths: e.window.filter((m) => !isPublished(m, asOf)),
    municipalities,
    benchmarks: benchmarks(index, publishedMonths),
  };
}

/** Whether the window still has months to come as of asOf. */
export function windowIncomplete(window: readonly Month[], asOf: Month | null): boolean {
  return asOf !== null && window.length > 0 && monthIndex(window[window.length - 1]!) > monthIndex(asOf);
}

/**
 * The at-risk municipalities, closest to safety first: by the smallest closeness of their at-risk
 * criteria (fewest extra citizens, relative to the population, in the latest breach month).
 */
export function atRiskByCloseness(report: OutlookReport): MunicipalityOutlookReport[] {
  const key = (m: MunicipalityOutlookReport) =>
    Math.min(...m.criteria.filter((c) => c.outlook?.outlook === "at-risk").map((c) => c.closeness));
  return report.municipalities
    .filter((m) => m.outlook === "at-risk")
    .map((m) => ({ m, k: key(m) }))
    .sort((a, b) => a.k - b.k || a.m.code.localeCompare(b.m.code))
    .map((x) => x.m);
}
