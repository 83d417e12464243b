/**
 * Configuration of the Jobindsats loader. Everything docs/data-format.md §4 marks as unverified — table
 * names, column labels, aggregate area names — is a pattern here with a documented default that
 * a caller can override; the loader fails with what it received when the defaults do not fit.
 */
import type { Measure, Month } from "../domain/types.ts";
import { benefitGroup } from "../domain/benefit-groups.ts";

export const DEFAULT_BASE_URL = "https://api.jobindsats.dk/v2";
/** "Tidlig indsats og skærpet tilsyn". */
export const EARLY_EFFORT_SUBJECT_ID = 1815;

/** The three tables the rules need. */
export const TABLE_ROLES = ["samtaler", "samtaler-dagpenge", "tilbud"] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

export interface TablePattern {
  /** Every pattern must match the table name. */
  readonly include: readonly RegExp[];
  /** No pattern may match the table name. */
  readonly exclude: readonly RegExp[];
  readonly measure: Measure;
  /** For messages. */
  readonly description: string;
}

export const DEFAULT_TABLE_PATTERNS: Readonly<Record<TableRole, TablePattern>> = {
  samtaler: {
    include: [/samtale/i],
    exclude: [/dagpenge|jobcent/i],
    measure: "samtaler",
    description: "conversations, all benefit groups",
  },
  "samtaler-dagpenge": {
    include: [/samtale/i, /dagpenge|jobcent/i],
    exclude: [],
    measure: "samtaler",
    description: "conversations held by the jobcenter for a-dagpenge recipients",
  },
  tilbud: {
    include: [/tilbud/i],
    exclude: [],
    measure: "tilbud",
    description: "offers, all benefit groups",
  },
};

/** How the columns (`Variables[].Label`) of a data reply are recognised. */
export interface VariablePatterns {
  /** The area column; when no label matches, the first column (as documented). */
  readonly area: RegExp;
  /** The period column; when no label matches, the second column (as documented). */
  readonly period: RegExp;
  /** The benefit-group dimension column. */
  readonly group: RegExp;
  /** Measurement columns: persons in the population … */
  readonly population: RegExp;
  /** … persons without the effort (a label matching this and `share` is the share without) … */
  readonly without: RegExp;
  /** … and shares. */
  readonly share: RegExp;
}

export const DEFAULT_VARIABLE_PATTERNS: VariablePatterns = {
  area: /^(area|område|omraade|kommune|areaname)$/i,
  period: /^(periode|period|tid|måned|maaned)$/i,
  group: /ydelse/i,
  population: /antal personer|antal borgere|målgruppe|population/i,
  without: /uden|ikke|færre|faerre|mangler/i,
  share: /andel|procent|pct/i,
};

/**
 * Area names that are aggregates, not municipalities: skipped explicitly. Any other name that is
 * not a municipality (or an alias in lib/domain/municipalities.ts) is an error naming it.
 */
export const DEFAULT_SKIP_AREAS: readonly RegExp[] = [
  /^hele landet$/i,
  /^(i alt|total|danmark)$/i,
  /^region\b/i,
  /^amk\b/i,
  /^rar\b/i,
  /^landsdel\b/i,
  /^uoplyst\b/i,
];

/**
 * (decision) From this month the dagpenge conversation cells come from the table of conversations
 * held by the jobcenter (Table 1: from 2024-01 only the jobcenter's 3 conversations count); before
 * it, from the all-groups table. Either table fills in where the other has no cell.
 */
export const DEFAULT_DAGPENGE_JOBCENTER_FROM: Month = benefitGroup("dagpenge").conversations?.change?.from ?? "2024-01";

/** Months per data request. */
export const DEFAULT_BATCH_MONTHS = 12;
