/**
 * The one place where a request for an evaluation becomes what the rules need: the parameters in
 * force, the exact limit, the criteria to check, the window and its caveats, the supervision
 * list. evaluate(), the status kernel (verdictStatuses), the heatmap helper, the CLI and the
 * site's controls all read a ResolvedRequest, so a rule change is one edit here.
 */
import type { Month } from "../domain/types.ts";
import { monthIndex } from "../domain/month.ts";
import {
  DOCUMENTED_PERIODS,
  FOLLOW_UP_DEFAULTS,
  RESTORATION_DEFAULTS,
  type Aggregation,
  type FollowUpParameters,
  type Mode,
  type RestorationParameters,
  type RuleSetId,
  type SupervisionEntry,
} from "./parameters.ts";
import { complementOf, shareFromPercent, type Share } from "./share.ts";
import { OVERALL_CRITERIA, PER_GROUP_CRITERIA, type CriterionDefinition } from "./criteria.ts";
import type { Caveat } from "./trace.ts";
import { supervisionOverlaps } from "./clauses.ts";
import { shiftWindow } from "./calendar.ts";

export interface EvaluationRequest {
  readonly ruleSet: RuleSetId;
  /** The window: exactly these months, in order. */
  readonly window: readonly Month[];
  /** How the window was named (`2024H1`, `2022-09..2022-11`). */
  readonly period: string;
  /** genopretning-2020 only; default trigger. */
  readonly mode?: Mode;
  /** Restrict to these criterion ids (restoration: the criteria under restoration). */
  readonly criteria?: readonly string[];
  readonly followUp?: Partial<FollowUpParameters>;
  readonly restoration?: Partial<RestorationParameters>;
  readonly supervision?: readonly SupervisionEntry[];
  /** docs/rules.md §3.6: the last month published; the window's later months are unknown (not yet published). */
  readonly asOf?: Month;
}

export type Parameters =
  | ({ readonly ruleSet: "opfoelgning-2024" } & FollowUpParameters)
  | ({ readonly ruleSet: "genopretning-2020" } & RestorationParameters);

/** A request with every decision taken: the single input of every rules path. */
export interface ResolvedRequest {
  readonly ruleSet: RuleSetId;
  /** Always `trigger` for opfoelgning-2024. */
  readonly mode: Mode;
  readonly period: string;
  readonly window: readonly Month[];
  readonly parameters: Parameters;
  /** `per-group` for genopretning-2020, whatever was asked. */
  readonly aggregation: Aggregation;
  /** Share without effort that a month must exceed to be a breach, exactly. */
  readonly limit: Share;
  /** The same limit in percent, as the trace shows it. */
  readonly limitPercent: number;
  readonly minPopulation: number;
  /** Every criterion of the rule set and aggregation, in order (the status kernel's columns). */
  readonly allCriteria: readonly CriterionDefinition[];
  /** The criteria to check: all of them, or those the request names. */
  readonly criteria: readonly CriterionDefinition[];
  /** Whether the request named its criteria (`--criteria`). */
  readonly criteriaGiven: boolean;
  /**
   * Restoration mode without named criteria (docs/rules.md §4.3 ruling): each municipality's criteria
   * under restoration are those flagged on this window, the assessment before; else null.
   */
  readonly previousWindow: readonly Month[] | null;
  /** Caveats of the window itself, carried by every criterion's trace. */
  readonly windowCaveats: readonly Caveat[];
  /** Supervision entries that overlap the window (docs/rules.md §3.4). */
  readonly supervision: readonly SupervisionEntry[];
  /** opfoelgning-2024 only: exemption candidates are looked for in flagged criteria. */
  readonly exemptionCandidates: boolean;
  /** Candidates turn a flagged criterion into `exempted` (the UI switch). */
  readonly applyExemptions: boolean;
  /** docs/rules.md §3.6: months of the window after this one count as not yet published; null = none. */
  readonly asOf: Month | null;
}

/** The parameters in force: defaults overridden by the request. */
export function resolveParameters(req: EvaluationRequest): Parameters {
  return req.ruleSet === "opfoelgning-2024"
    ? { ruleSet: req.ruleSet, ...FOLLOW_UP_DEFAULTS, ...req.followUp }
    : { ruleSet: req.ruleSet, ...RESTORATION_DEFAULTS, ...req.restoration };
}

/**
 * The two models name the same line from opposite sides: the 2020 model's limit (percent without
 * effort) for a 2024 threshold (percent who must get it), and back (the same subtraction).
 */
export function limitForThreshold(threshold: number): number {
  return 100 - threshold;
}

/** Percent without effort above which a month is a breach: the two models name it from opposite sides. */
export function limitOf(p: Parameters): number {
  return p.ruleSet === "opfoelgning-2024" ? limitForThreshold(p.threshold) : p.limit;
}

/** The limit as an exact share (100 − 80 is exactly 20, 100 − 80.1 exactly 19.9). */
export function limitShareOf(p: Parameters): Share {
  return p.ruleSet === "opfoelgning-2024" ? complementOf(shareFromPercent(p.threshold)) : shareFromPercent(p.limit);
}

/** §3.2 / §4.1: which criteria a rule set checks (the 2020 model always judges each group on its own). */
export function criteriaFor(ruleSet: RuleSetId, aggregation: Aggregation = "overall"): readonly CriterionDefinition[] {
  return ruleSet === "opfoelgning-2024" && aggregation === "overall" ? OVERALL_CRITERIA : PER_GROUP_CRITERIA;
}

/** The criterion ids of a rule set and aggregation, in order. */
export function criterionIdsFor(ruleSet: RuleSetId, aggregation: Aggregation = "overall"): string[] {
  return criteriaFor(ruleSet, aggregation).map((c) => c.id);
}

/** The definition of a criterion id (`samtaler`, `tilbud`, `GROUP:measure`), or undefined. */
export function criterionDefinition(id: string): CriterionDefinition | undefined {
  return OVERALL_CRITERIA.find((c) => c.id === id) ?? PER_GROUP_CRITERIA.find((c) => c.id === id);
}

/** §4.5: the caveat of a window with months outside the rule set's documented period, or null. */
export function documentedPeriodCaveat(ruleSet: RuleSetId, window: readonly Month[]): Caveat | null {
  const { from, to } = DOCUMENTED_PERIODS[ruleSet];
  const outside = window.filter(
    (m) => (from !== null && monthIndex(m) < monthIndex(from)) || (to !== null && monthIndex(m) > monthIndex(to)),
  );
  return outside.length ? { code: "outside-documented-period", months: outside, from, to } : null;
}

/** Takes every decision a request leaves open. */
export function resolveRequest(req: EvaluationRequest): ResolvedRequest {
  const parameters = resolveParameters(req);
  const mode: Mode = parameters.ruleSet === "genopretning-2020" ? (req.mode ?? "trigger") : "trigger";
  const aggregation: Aggregation = parameters.ruleSet === "opfoelgning-2024" ? parameters.aggregation : "per-group";
  const allCriteria = criteriaFor(parameters.ruleSet, aggregation);
  const selected = req.criteria ? new Set(req.criteria) : null;
  const windowCaveats: Caveat[] =
    req.window.length === parameters.windowMonths
      ? []
      : [{ code: "window-length", expected: parameters.windowMonths, actual: req.window.length }];
  const outside = documentedPeriodCaveat(parameters.ruleSet, req.window);
  if (outside) windowCaveats.push(outside);
  const followUp = parameters.ruleSet === "opfoelgning-2024";
  return {
    ruleSet: parameters.ruleSet,
    mode,
    period: req.period,
    window: req.window,
    parameters,
    aggregation,
    limit: limitShareOf(parameters),
    limitPercent: limitOf(parameters),
    minPopulation: parameters.minPopulation,
    allCriteria,
    criteria: selected ? allCriteria.filter((c) => selected.has(c.id)) : allCriteria,
    criteriaGiven: selected !== null,
    previousWindow: mode === "restoration" && !selected ? shiftWindow(parameters.ruleSet, req.window, -1) : null,
    windowCaveats,
    supervision: (req.supervision ?? []).filter((e) => supervisionOverlaps(e, req.window)),
    exemptionCandidates: followUp,
    applyExemptions: followUp && parameters.applyExemptions,
    asOf: req.asOf ?? null,
  };
}
