/**
 * The clauses of docs/rules.md, one named function each, and the precedence lists that turn criterion
 * statuses into a municipality status. evaluate() composes these. The status kernel
 * (fast-verdicts.ts) fuses the criterion clauses into bit tests for speed, held equal to these by
 * test/fast-verdicts.test.ts, and takes its precedence from the lists here.
 */
import type { Month } from "../domain/types.ts";
import { monthIndex } from "../domain/month.ts";
import type { SupervisionEntry } from "./parameters.ts";
import { compareShares, impliedMinPopulation, shareRounded, type Share } from "./share.ts";
import type { MonthFigures } from "./month-values.ts";
import type { Caveat, Clause, CriterionStatus, ExemptionCandidate, MunicipalityStatus } from "./trace.ts";

/** §3.3 / §4.2: a month is a breach when its share without effort is strictly above the limit. */
export function isBreach(share: Share, limit: Share): boolean {
  return compareShares(share, limit) > 0;
}

/** §4.3: a month restores when its share is strictly below the limit (20,0 does not restore). */
export function isBelowLimit(share: Share, limit: Share): boolean {
  return compareShares(share, limit) < 0;
}

/**
 * §3.3.1 ("mindst 10 borgere … i hver af de måneder"): a population known to be below the
 * minimum. A partial sum's population is only a lower bound, so it proves nothing here.
 */
export function isBelowMinimumPopulation(m: MonthFigures, minPopulation: number): boolean {
  return m.population !== null && !m.populationIsLowerBound && m.population < minPopulation;
}

export interface Decision {
  readonly status: CriterionStatus;
  readonly clause: Clause;
  readonly decidingMonths: readonly Month[];
}

/**
 * §3.3 and §4.2, in order, with three-valued logic: a verdict the known months already decide is
 * given; only an undecidable one is insufficient-data.
 */
export function decideTrigger(months: readonly MonthFigures[], limit: Share, minPopulation: number): Decision {
  const small = months.filter((m) => isBelowMinimumPopulation(m, minPopulation));
  if (small.length)
    return { status: "not-covered", clause: "min-population", decidingMonths: small.map((m) => m.month) };
  const calm = months.filter((m) => m.share !== null && !isBreach(m.share, limit));
  if (calm.length)
    return { status: "compliant", clause: "month-not-in-breach", decidingMonths: calm.map((m) => m.month) };
  const missing = months.filter((m) => m.share === null);
  if (missing.length)
    return { status: "insufficient-data", clause: "missing-months", decidingMonths: missing.map((m) => m.month) };
  return { status: "flagged", clause: "all-months-in-breach", decidingMonths: months.map((m) => m.month) };
}

/** §4.3: whether one month restores the criterion. */
export function restoresMonth(m: MonthFigures, limit: Share, minPopulation: number): boolean {
  return (m.share !== null && isBelowLimit(m.share, limit)) || isBelowMinimumPopulation(m, minPopulation);
}

/** §4.3: restored if any month restores; not-restored if every month is known and none does. */
export function decideRestoration(months: readonly MonthFigures[], limit: Share, minPopulation: number): Decision {
  const restoring = months.filter((m) => restoresMonth(m, limit, minPopulation));
  if (restoring.length)
    return { status: "restored", clause: "restoring-month", decidingMonths: restoring.map((m) => m.month) };
  const missing = months.filter((m) => m.share === null);
  if (missing.length)
    return {
      status: "insufficient-data",
      clause: "restoration-undecided",
      decidingMonths: missing.map((m) => m.month),
    };
  return { status: "not-restored", clause: "no-restoring-month", decidingMonths: months.map((m) => m.month) };
}

/**
 * §3.3: for a month judged on its published share alone (population unknown), the smallest
 * population that share is possible for; null when the population is known or the share is not.
 */
export function impliedPopulationOf(m: MonthFigures): number | null {
  return m.population === null && m.share !== null ? impliedMinPopulation(m.share) : null;
}

/**
 * §3.3: months judged on a share whose population is unknown cannot have their minimum verified,
 * unless the share itself proves at least `minPopulation` citizens (`population-at-least`).
 */
export function caveats(months: readonly MonthFigures[], minPopulation: number): Caveat[] {
  const out: Caveat[] = [];
  const unknownPopulation: Month[] = [];
  const atLeast: Month[] = [];
  const bounds: number[] = [];
  for (const m of months) {
    if (m.share === null || m.population !== null) continue;
    const bound = impliedPopulationOf(m);
    if (bound !== null && bound >= minPopulation) {
      atLeast.push(m.month);
      bounds.push(bound);
    } else unknownPopulation.push(m.month);
  }
  if (unknownPopulation.length) out.push({ code: "population-unknown", months: unknownPopulation });
  if (atLeast.length) out.push({ code: "population-at-least", months: atLeast, bounds });
  const partial = months.filter((m) => m.source === "partial-sum");
  if (partial.length) {
    const groups = [...new Set(partial.flatMap((m) => m.groupsWithoutCounts))];
    out.push({ code: "partial-aggregate", months: partial.map((m) => m.month), groups });
  }
  return out;
}

/** §3.4 positive trend: the share without falls strictly from each month to the next. */
export function positiveTrend(months: readonly MonthFigures[]): ExemptionCandidate | null {
  if (months.length < 2 || months.some((m) => m.share === null)) return null;
  for (let i = 1; i < months.length; i++) {
    if (compareShares(months[i]!.share!, months[i - 1]!.share!) >= 0) return null;
  }
  return { code: "positive-trend", shares: months.map((m) => shareRounded(m.share!)) };
}

/** §3.4: whether a supervision entry overlaps any month of the window. */
export function supervisionOverlaps(e: SupervisionEntry, window: readonly Month[]): boolean {
  if (!window.length) return false;
  return monthIndex(e.from) <= monthIndex(window[window.length - 1]!) && monthIndex(e.to) >= monthIndex(window[0]!);
}

/** §3.4 enhanced supervision: an entry for the municipality overlapping any month of the window. */
export function underEnhancedSupervision(
  code: string,
  window: readonly Month[],
  supervision: readonly SupervisionEntry[],
): ExemptionCandidate | null {
  const entries = supervision.filter((e) => e.municipalityCode === code && supervisionOverlaps(e, window));
  return entries.length ? { code: "enhanced-supervision", entries } : null;
}

/**
 * The order in which criterion statuses decide a municipality's status (§3.5), and the status
 * when none of them is present.
 */
export const TRIGGER_PRECEDENCE: readonly MunicipalityStatus[] = [
  "flagged",
  "exempted",
  "insufficient-data",
  "compliant",
];
export const TRIGGER_FALLBACK: MunicipalityStatus = "not-covered";
/** §4.1 restoration mode; with no criterion checked at all the status is insufficient-data. */
export const RESTORATION_PRECEDENCE: readonly MunicipalityStatus[] = ["not-restored", "insufficient-data", "restored"];
export const RESTORATION_FALLBACK: MunicipalityStatus = "insufficient-data";
/** §4.3 (ruling): criteria derived from the previous window, and none was flagged there. */
export const NOTHING_UNDER_RESTORATION: MunicipalityStatus = "not-under-restoration";
/** §4.3 (ruling): the previous window is not in the data, so what is under restoration is unknown. */
export const PREVIOUS_WINDOW_MISSING: MunicipalityStatus = "insufficient-data";

/**
 * §3.5: flagged if a criterion is; else insufficient-data if one is; else compliant if one is;
 * else not-covered. (decision) With exemptions applied, `exempted` ranks just below `flagged`.
 */
export function municipalityStatus(statuses: readonly CriterionStatus[]): MunicipalityStatus {
  return TRIGGER_PRECEDENCE.find((s) => statuses.includes(s)) ?? TRIGGER_FALLBACK;
}

/** §4.1 restoration mode: not-restored, else insufficient-data (also with no criterion), else restored. */
export function restorationMunicipalityStatus(statuses: readonly CriterionStatus[]): MunicipalityStatus {
  return RESTORATION_PRECEDENCE.find((s) => statuses.includes(s)) ?? RESTORATION_FALLBACK;
}
