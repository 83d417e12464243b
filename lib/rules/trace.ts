/**
 * The machine-readable trace every verdict carries (docs/rules.md §5): enough to re-derive the
 * verdict by hand, and the only input of the Danish explanation sentence.
 */
import type { BenefitGroupId, Measure, Month } from "../domain/types.ts";
import type { Aggregation, Mode, RuleSetId, SupervisionEntry } from "./parameters.ts";
import type { Share } from "./share.ts";

/**
 * `not-under-restoration` is a municipality's status only (restoration mode, criteria derived
 * from the previous window, none flagged there: docs/rules.md §4.3); it shares the type so that every
 * table of labels and colours covers it.
 */
export type CriterionStatus =
  | "flagged"
  | "compliant"
  | "not-covered"
  | "insufficient-data"
  | "exempted"
  | "restored"
  | "not-restored"
  | "not-under-restoration";

export type MunicipalityStatus = CriterionStatus;

/** Where a month's figures come from. */
export type MonthSource =
  | "row" // the group's own row (per-group criteria)
  | "alle-row" // the `alle` aggregate row of the input
  | "sum" // summed from every group row of the month (ΣW / ΣP)
  | "partial-sum" // summed from the groups with counts; others lacked them
  | "none"; // no usable row

export interface MonthTrace {
  readonly month: Month;
  /** Population; for a partial sum a lower bound (see `populationIsLowerBound`). */
  readonly population: number | null;
  readonly without: number | null;
  /** Exact share in percent, or null when unknown. */
  readonly share: Share | null;
  /** The share rounded to one decimal, for display and JSON. */
  readonly shareWithout: number | null;
  /** Whether the month is a breach of the limit; null when the share is unknown. */
  readonly breach: boolean | null;
  /** Restoration mode: whether the month restores (share below the limit or too few persons). */
  readonly restores: boolean | null;
  readonly source: MonthSource;
  readonly populationIsLowerBound: boolean;
  /** Groups whose row this month had no counts (partial sums only). */
  readonly groupsWithoutCounts: readonly BenefitGroupId[];
  /**
   * Population unknown, share known: the smallest population the published share is possible
   * for (docs/rules.md §3.3); null otherwise.
   */
  readonly impliedMinPopulation: number | null;
}

/** The clause of docs/rules.md that decided a verdict. */
export type Clause =
  | "min-population" // §3.3.1 / §4.2: a month with a known population below the minimum
  | "month-not-in-breach" // §3.3.2: a month with a known share at or below the limit
  | "missing-months" // §3.3.3: months without a share, and the known ones all breaches
  | "all-months-in-breach" // §3.3.4: every month of the window is a breach
  | "restoring-month" // §4.3: a month below the limit or under the minimum
  | "no-restoring-month" // §4.3: every month known and at or above the limit
  | "restoration-undecided" // §4.3: unknown months, no known month restores
  | "exemption-applied"; // §3.4 with the UI switch on

export type Caveat =
  | { readonly code: "population-unknown"; readonly months: readonly Month[] }
  /** §3.3: the population is unknown, but the share proves at least `bounds[i]` in `months[i]` (≥ the minimum). */
  | { readonly code: "population-at-least"; readonly months: readonly Month[]; readonly bounds: readonly number[] }
  | {
      readonly code: "partial-aggregate";
      readonly months: readonly Month[];
      readonly groups: readonly BenefitGroupId[];
    }
  | { readonly code: "window-length"; readonly expected: number; readonly actual: number }
  /** §4.5: months of the window outside the period the rule set is documented for. */
  | {
      readonly code: "outside-documented-period";
      readonly months: readonly Month[];
      readonly from: Month | null;
      readonly to: Month | null;
    }
  /** §4.3: the window before this one is not in the data, so the criteria under restoration are unknown. */
  | { readonly code: "previous-window-missing"; readonly previousWindow: readonly Month[] };

export type ExemptionCandidate =
  | { readonly code: "enhanced-supervision"; readonly entries: readonly SupervisionEntry[] }
  | { readonly code: "positive-trend"; readonly shares: readonly number[] };

export interface CriterionTrace {
  readonly ruleSet: RuleSetId;
  readonly mode: Mode;
  /** `samtaler`, `tilbud` (overall) or `GROUP:measure` (per group). */
  readonly criterion: string;
  readonly measure: Measure;
  /** The groups the criterion covers (one for a per-group criterion). */
  readonly groups: readonly BenefitGroupId[];
  readonly aggregation: Aggregation;
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly window: readonly Month[];
  /** Share without effort that a month must exceed to be a breach (percent). */
  readonly limit: number;
  readonly minPopulation: number;
  readonly months: readonly MonthTrace[];
  readonly status: CriterionStatus;
  readonly clause: Clause;
  /** The months that decided (for missing-months: the missing ones). */
  readonly decidingMonths: readonly Month[];
  readonly caveats: readonly Caveat[];
  readonly exemptionCandidates: readonly ExemptionCandidate[];
}

export interface MunicipalityVerdict {
  readonly code: string;
  readonly name: string;
  readonly status: MunicipalityStatus;
  readonly criteria: readonly CriterionTrace[];
  /** Restoration mode: the criteria under restoration (checked here); null in trigger mode. */
  readonly underRestoration: readonly string[] | null;
  /** Caveats of the municipality as a whole (`previous-window-missing`). */
  readonly caveats: readonly Caveat[];
}
