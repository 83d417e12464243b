/**
 * The rule sets' parameters as named data (docs/rules.md §3–4). Nothing in the rules uses a bare
 * number: every constant a user might question is here, with its source.
 */
import type { Month } from "../domain/types.ts";

export type RuleSetId = "opfoelgning-2024" | "genopretning-2020";
export const RULE_SET_IDS: readonly RuleSetId[] = ["opfoelgning-2024", "genopretning-2020"];

export type Aggregation = "overall" | "per-group";
export type Mode = "trigger" | "restoration";

export interface FollowUpParameters {
  /** Percent of the population who must have received the effort (note of 4 Oct 2024: 80). */
  readonly threshold: number;
  /** Persons required in every month of the window to be covered ("mindst 10 borgere"). */
  readonly minPopulation: number;
  /** Length of a standard window: a half-year. */
  readonly windowMonths: number;
  /** (decision) overall = one criterion per measure across groups; per-group = as in 2020. */
  readonly aggregation: Aggregation;
  /** (decision) Show exemption candidates as exempted instead of flagged (UI switch). */
  readonly applyExemptions: boolean;
}

export interface RestorationParameters {
  /** Percent without effort above which a month is a breach, below which it restores. */
  readonly limit: number;
  /** Length of a standard window: three months. */
  readonly windowMonths: number;
  readonly minPopulation: number;
  /** Months the municipality gets to restore after contact, and the maximum plan length. */
  readonly restorationMonths: number;
}

export const FOLLOW_UP_DEFAULTS: FollowUpParameters = {
  threshold: 80,
  minPopulation: 10,
  windowMonths: 6,
  aggregation: "overall",
  applyExemptions: false,
};

export const RESTORATION_DEFAULTS: RestorationParameters = {
  limit: 20,
  windowMonths: 3,
  minPopulation: 10,
  restorationMonths: 6,
};

/** The months a model is documented for (docs/rules.md §4.5 decision); null = no bound on that side. */
export interface DocumentedPeriod {
  readonly from: Month | null;
  readonly to: Month | null;
}

/**
 * The restoration model (STAR's letter of 20 Feb 2023) is documented for 2020–2023, the follow-up
 * model (STAR's note of 4 Oct 2024) from January 2024 on. A window outside is still evaluated (a
 * what-if), with the caveat `outside-documented-period`.
 */
export const DOCUMENTED_PERIODS: Readonly<Record<RuleSetId, DocumentedPeriod>> = {
  "genopretning-2020": { from: "2020-01", to: "2023-12" },
  "opfoelgning-2024": { from: "2024-01", to: null },
};

/**
 * Days from the date of the not-restored letter to the deadline of the written explanation and
 * restoration plan (docs/rules.md §4.4: the letter of 20 Feb 2023 set 7 Mar 2023).
 */
export const PLAN_DUE_DAYS = 15;

/** A standard window of a rule set's calendar: which months, and when STAR assesses them. */
export interface StandardWindow {
  /** Calendar month (1–12) the window starts in. */
  readonly startMonth: number;
  /** Months after the window's last month that the assessment takes place. */
  readonly assessedAfter: number;
  readonly label: string;
}

/** Follow-up model: H1 (Jan–Jun) assessed in September, H2 (Jul–Dec) in March of the next year. */
export const FOLLOW_UP_CALENDAR: readonly StandardWindow[] = [
  { startMonth: 1, assessedAfter: 3, label: "1. halvår, opgjort i september" },
  { startMonth: 7, assessedAfter: 3, label: "2. halvår, opgjort i marts året efter" },
];

/** Restoration model: Mar–May assessed in August, Sep–Nov assessed in February of the next year. */
export const RESTORATION_CALENDAR: readonly StandardWindow[] = [
  { startMonth: 3, assessedAfter: 3, label: "marts–maj, opgjort i august" },
  { startMonth: 9, assessedAfter: 3, label: "september–november, opgjort i februar året efter" },
];

export interface RuleSetInfo {
  readonly id: RuleSetId;
  /** Danish name as shown in the UI. */
  readonly name: string;
  readonly source: string;
  readonly calendar: readonly StandardWindow[];
}

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSetInfo>> = {
  "opfoelgning-2024": {
    id: "opfoelgning-2024",
    name: "Opfølgningsmodellen (2024)",
    source: "STAR: Opfølgningsmodel for den tidlige indsats i kommunerne, notat af 4. oktober 2024",
    calendar: FOLLOW_UP_CALENDAR,
  },
  "genopretning-2020": {
    id: "genopretning-2020",
    name: "Genopretningsmodellen (2020–2023)",
    source: "STAR: brev til Ishøj Kommune om manglende genopretning, 20. februar 2023",
    calendar: RESTORATION_CALENDAR,
  },
};

/** A period of enhanced supervision (skærpet tilsyn), from the user-editable list. */
export interface SupervisionEntry {
  readonly municipalityCode: string;
  readonly from: Month;
  readonly to: Month;
}
