/** Core vocabulary of docs/rules.md §1, as types shared by importers, rules and output. */

/** A calendar month in canonical `YYYY-MM` form. */
export type Month = string;

/** The two measures STAR follows up on. */
export const MEASURES = ["samtaler", "tilbud"] as const;
export type Measure = (typeof MEASURES)[number];

/** Benefit-group ids of docs/rules.md §2 (`alle` is the aggregate row). */
export const BENEFIT_GROUP_IDS = [
  "dagpenge",
  "sygedagpenge",
  "kontanthjaelp",
  "uddannelseshjaelp",
  "revalidering",
  "ressourceforloeb",
  "jobafklaring",
  "ledighedsydelse",
  "overgangsydelse",
  "alle",
] as const;
export type BenefitGroupId = (typeof BENEFIT_GROUP_IDS)[number];

/**
 * A published share, kept as the exact decimal it was published as (e.g. "45.5" → 455/10),
 * so comparisons never depend on binary floating point.
 */
export interface Decimal {
  /** Integer numerator. */
  readonly num: number;
  /** Power of ten ≥ 1. */
  readonly den: number;
}

/**
 * One cell: (municipality, benefit group, measure, month). Any of population, without and
 * shareWithout may be unknown (null), e.g. suppressed in the source.
 */
export interface Cell {
  readonly municipalityCode: string;
  readonly benefitGroup: BenefitGroupId;
  readonly measure: Measure;
  readonly month: Month;
  readonly population: number | null;
  readonly without: number | null;
  /** The share as published (0–100), or null when unknown. */
  readonly shareWithout: Decimal | null;
}
