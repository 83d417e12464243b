/**
 * docs/rules.md §3.6: the outlook inside a running window. Not a second rule set: it is decideTrigger
 * (§3.3, clauses.ts) applied to the window with the months after `asOf` made unknown, so the
 * outlook can never disagree with the verdict the complete window will get.
 */
import type { Month } from "../domain/types.ts";
import { decideTrigger, municipalityStatus } from "./clauses.ts";
import { unknownFigures, type MonthFigures } from "./month-values.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import type { Share } from "./share.ts";
import type { CriterionStatus, MunicipalityStatus } from "./trace.ts";

export type OutlookState = "safe" | "at-risk" | "no-data-yet";
/** With a complete window the outlook is the verdict itself (§3.6, first clause). */
export type Outlook = OutlookState | CriterionStatus;

export interface CriterionOutlook {
  readonly outlook: Outlook;
  /** True when every month of the window is published (the outlook is then the verdict). */
  readonly complete: boolean;
  /** safe: the months that decided it (a month under the minimum, or a month not over the limit). */
  readonly decidingMonths: readonly Month[];
  /** The published months of the window with a share, all over the limit for at-risk. */
  readonly publishedBreaches: readonly Month[];
  /** Months of the window after asOf: still to come. */
  readonly remainingMonths: readonly Month[];
}

/**
 * Whether `month` is published as of `asOf` (null asOf: everything is). Canonical `YYYY-MM` text
 * sorts as the calendar does, so a string comparison suffices (this runs per month and criterion).
 */
export function isPublished(month: Month, asOf: Month | null): boolean {
  return asOf === null || month <= asOf;
}

/**
 * The index positions of the window's months (MeasurementIndex.positionsOf), with the months after
 * asOf set to -1 ("no data"): the one place where "not yet published" enters every rules path.
 */
export function publishedPositions(index: MeasurementIndex, window: readonly Month[], asOf: Month | null): Int32Array {
  const positions = index.positionsOf(window);
  if (asOf !== null) window.forEach((m, k) => !isPublished(m, asOf) && (positions[k] = -1));
  return positions;
}

/** A month after asOf: unknown like a suppressed month, but expected (§3.6). */
export const notYetPublished = unknownFigures;

/** The window as known at asOf: later months replaced by unknown ones. */
export function windowAsOf<T extends MonthFigures>(months: readonly T[], asOf: Month | null): (T | MonthFigures)[] {
  return months.map((m) => (isPublished(m.month, asOf) ? m : notYetPublished(m.month)));
}

/**
 * The outlook of one criterion as of `asOf`. `finalStatus` is the verdict of the complete window
 * (exemptions included), used when nothing is left to come.
 */
export function criterionOutlook(
  months: readonly MonthFigures[],
  asOf: Month | null,
  limit: Share,
  minPopulation: number,
  finalStatus?: CriterionStatus,
): CriterionOutlook {
  // Runs for every municipality and criterion on each change of the Varsling page: plain loops.
  const remainingMonths: Month[] = [];
  let masked = false;
  for (const m of months) {
    if (isPublished(m.month, asOf)) continue;
    remainingMonths.push(m.month);
    if (m.share !== null || m.population !== null) masked = true;
  }
  const known = masked ? windowAsOf(months, asOf) : months;
  const decision = decideTrigger(known, limit, minPopulation);
  const none: readonly Month[] = [];
  // §3.6 first clause: a complete window gives the verdict itself.
  if (!remainingMonths.length) {
    const outlook = finalStatus ?? decision.status;
    return {
      outlook,
      complete: true,
      decidingMonths: decision.decidingMonths,
      publishedBreaches: none,
      remainingMonths,
    };
  }
  // §3.6 second clause: §3.3 clauses 1 or 2 already decide; no later month can make it flagged.
  if (decision.clause === "min-population" || decision.clause === "month-not-in-breach")
    return {
      outlook: "safe",
      complete: false,
      decidingMonths: decision.decidingMonths,
      publishedBreaches: none,
      remainingMonths,
    };
  // §3.6 third clause: every known month is a breach (clause 2 did not decide), and there is one.
  const publishedBreaches: Month[] = [];
  for (const m of known) if (m.share !== null) publishedBreaches.push(m.month);
  if (publishedBreaches.length)
    return { outlook: "at-risk", complete: false, decidingMonths: none, publishedBreaches, remainingMonths };
  // §3.6 fourth clause.
  return { outlook: "no-data-yet", complete: false, decidingMonths: none, publishedBreaches, remainingMonths };
}

/**
 * §3.6: the municipality is at-risk if a criterion is, else no-data-yet if one is, else safe; with
 * a complete window, the municipality status of §3.5.
 */
export function municipalityOutlook(outlooks: readonly CriterionOutlook[]): Outlook {
  if (outlooks.every((o) => o.complete)) return municipalityStatus(outlooks.map((o) => o.outlook as CriterionStatus));
  const states = outlooks.map((o) => o.outlook);
  if (states.includes("at-risk")) return "at-risk";
  if (states.includes("no-data-yet")) return "no-data-yet";
  return "safe";
}

/**
 * The most citizens without effort a month of population P may have and not be over the limit:
 * ⌊P · limit / 100⌋, in exact integer arithmetic (limit = num/den percent).
 */
export function maxWithoutAllowed(population: number, limit: Share): number {
  const num = population * limit.num;
  const den = 100 * limit.den;
  return (num - (num % den)) / den;
}

/**
 * §3.6 "what it would have taken": for a breach month with exact counts, the fewest extra
 * citizens who should have had the effort, W − ⌊P · limit / 100⌋; null for a month that is no
 * breach, lacks counts, or is a partial sum (its population is only a lower bound).
 */
export function extraNeeded(m: MonthFigures, limit: Share): number | null {
  if (m.population === null || m.without === null || m.populationIsLowerBound || m.population <= 0) return null;
  const extra = m.without - maxWithoutAllowed(m.population, limit);
  return extra >= 1 ? extra : null;
}

/** What one coming month must reach for an at-risk criterion (latest known exact population). */
export interface WhatItTakes {
  /** The latest published month with an exact population, or null when none has one. */
  readonly month: Month | null;
  readonly population: number | null;
  /** At most this many without effort in one month is enough (null without a population). */
  readonly maxWithout: number | null;
  /** The limit in percent: a share at or under it is enough. */
  readonly limit: number;
}

export function whatItTakes(
  months: readonly MonthFigures[],
  asOf: Month | null,
  limit: Share,
  limitPercent: number,
): WhatItTakes {
  const latest = [...months]
    .reverse()
    .find((m) => isPublished(m.month, asOf) && m.population !== null && !m.populationIsLowerBound);
  if (!latest) return { month: null, population: null, maxWithout: null, limit: limitPercent };
  const population = latest.population!;
  return {
    month: latest.month,
    population,
    maxWithout: maxWithoutAllowed(population, limit),
    limit: limitPercent,
  };
}

/** Orders at-risk criteria by how close they are: fewest extra citizens needed in the latest breach. */
export function closeness(months: readonly MonthFigures[], asOf: Month | null, limit: Share): number {
  const published = months.filter((m) => isPublished(m.month, asOf) && m.share !== null);
  const last = published[published.length - 1];
  if (!last) return Number.POSITIVE_INFINITY;
  const extra = extraNeeded(last, limit);
  if (extra !== null && last.population) return extra / last.population;
  // No counts: how far the share is over the limit, in percentage points.
  return (last.share!.num / last.share!.den - limit.num / limit.den) / 100;
}

export type { MunicipalityStatus };
