/**
 * Which criteria a rule set checks (docs/rules.md §3.2, §4.1), and whether the input feeds them.
 */
import { OFFER_GROUPS, REQUIRING_GROUPS, isRequired } from "../domain/benefit-groups.ts";
import type { BenefitGroupId, Measure } from "../domain/types.ts";
import type { MeasurementIndex } from "./measurement-index.ts";

export interface CriterionDefinition {
  /** `samtaler` / `tilbud` for an overall criterion, `GROUP:measure` for a group's own. */
  readonly id: string;
  readonly measure: Measure;
  readonly groups: readonly BenefitGroupId[];
  /** True when judged on the aggregate of `groups`, false for one group's own row. */
  readonly aggregate: boolean;
}

/** §3.2 overall: conversations across all groups, offers across the groups with an offer requirement. */
export const OVERALL_CRITERIA: readonly CriterionDefinition[] = [
  { id: "samtaler", measure: "samtaler", groups: REQUIRING_GROUPS.map((g) => g.id), aggregate: true },
  { id: "tilbud", measure: "tilbud", groups: OFFER_GROUPS.map((g) => g.id), aggregate: true },
];

/** §4.1: one criterion per group and measure that Table 1 requires (nine + four). */
export const PER_GROUP_CRITERIA: readonly CriterionDefinition[] = (["samtaler", "tilbud"] as const).flatMap((measure) =>
  REQUIRING_GROUPS.filter((g) => isRequired(g.id, measure)).map((g) => ({
    id: `${g.id}:${measure}`,
    measure,
    groups: [g.id],
    aggregate: false,
  })),
);

export const ALL_CRITERION_IDS: readonly string[] = [...OVERALL_CRITERIA, ...PER_GROUP_CRITERIA].map((c) => c.id);

/**
 * §3.2 (decision): a criterion is evaluated for a municipality only when the input has at least
 * one row that feeds it, in any month.
 */
export function isFed(index: MeasurementIndex, code: string, c: CriterionDefinition): boolean {
  if (c.aggregate && index.hasSeries(code, "alle", c.measure)) return true;
  return c.groups.some((g) => index.hasSeries(code, g, c.measure));
}
