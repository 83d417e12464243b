/**
 * Evaluation of a window under either rule set: criteria → month figures → clauses → trace,
 * then the municipality status (RULES.md §3–4).
 */
import type { Month } from "../domain/types.ts";
import { municipalityByCode } from "../domain/municipalities.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import {
  FOLLOW_UP_DEFAULTS,
  RESTORATION_DEFAULTS,
  type FollowUpParameters,
  type Mode,
  type RestorationParameters,
  type RuleSetId,
  type SupervisionEntry,
} from "./parameters.ts";
import { complementOf, shareFromPercent, type Share } from "./share.ts";
import { OVERALL_CRITERIA, PER_GROUP_CRITERIA, type CriterionDefinition } from "./criteria.ts";
import { fedCriterionSeries, figuresAtPosition, type CriterionSeries } from "./month-values.ts";
import {
  caveats,
  decideRestoration,
  decideTrigger,
  isBreach,
  municipalityStatus,
  positiveTrend,
  restorationMunicipalityStatus,
  restoresMonth,
  underEnhancedSupervision,
} from "./clauses.ts";
import type { Caveat, CriterionTrace, ExemptionCandidate, MonthTrace, MunicipalityVerdict } from "./trace.ts";

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
}

export type Parameters =
  | ({ readonly ruleSet: "opfoelgning-2024" } & FollowUpParameters)
  | ({ readonly ruleSet: "genopretning-2020" } & RestorationParameters);

export interface Evaluation {
  readonly ruleSet: RuleSetId;
  readonly mode: Mode;
  readonly period: string;
  readonly window: readonly Month[];
  readonly parameters: Parameters;
  readonly municipalities: readonly MunicipalityVerdict[];
}

/** The parameters in force: defaults overridden by the request. */
export function resolveParameters(req: EvaluationRequest): Parameters {
  return req.ruleSet === "opfoelgning-2024"
    ? { ruleSet: req.ruleSet, ...FOLLOW_UP_DEFAULTS, ...req.followUp }
    : { ruleSet: req.ruleSet, ...RESTORATION_DEFAULTS, ...req.restoration };
}

/** Percent without effort above which a month is a breach. */
export function limitOf(p: Parameters): number {
  return p.ruleSet === "opfoelgning-2024" ? 100 - p.threshold : p.limit;
}

function limitShareOf(p: Parameters): Share {
  return p.ruleSet === "opfoelgning-2024" ? complementOf(shareFromPercent(p.threshold)) : shareFromPercent(p.limit);
}

function criteriaFor(p: Parameters): readonly CriterionDefinition[] {
  return p.ruleSet === "opfoelgning-2024" && p.aggregation === "overall" ? OVERALL_CRITERIA : PER_GROUP_CRITERIA;
}

/** Evaluates every municipality in the index for one window. */
export function evaluate(index: MeasurementIndex, req: EvaluationRequest): Evaluation {
  const parameters = resolveParameters(req);
  const mode: Mode = parameters.ruleSet === "genopretning-2020" ? (req.mode ?? "trigger") : "trigger";
  const limit = limitShareOf(parameters);
  const limitPercent = limitOf(parameters);
  const selected = req.criteria ? new Set(req.criteria) : null;
  const definitions = criteriaFor(parameters).filter((c) => !selected || selected.has(c.id));
  const windowCaveat: Caveat[] =
    req.window.length === parameters.windowMonths
      ? []
      : [{ code: "window-length", expected: parameters.windowMonths, actual: req.window.length }];
  const supervision = req.supervision ?? [];
  const aggregation = parameters.ruleSet === "opfoelgning-2024" ? parameters.aggregation : "per-group";

  const fed = fedCriterionSeries(index, definitions);
  const positions = index.positionsOf(req.window);

  const municipalities = index.codes.map((code, row): MunicipalityVerdict => {
    const name = index.name(code) ?? municipalityByCode(code)?.name ?? code;
    const criteria = definitions
      .map((c, col) => [c, fed[row]![col]] as const)
      .filter((x): x is readonly [CriterionDefinition, CriterionSeries] => x[1] !== null)
      .map(([c, s]): CriterionTrace => {
        const figures = req.window.map((month, k) => figuresAtPosition(s, positions[k]!, month));
        const decision =
          mode === "restoration"
            ? decideRestoration(figures, limit, parameters.minPopulation)
            : decideTrigger(figures, limit, parameters.minPopulation);
        let exemptionCandidates: ExemptionCandidate[] = [];
        if (parameters.ruleSet === "opfoelgning-2024" && decision.status === "flagged") {
          exemptionCandidates = [
            underEnhancedSupervision(code, req.window, supervision),
            positiveTrend(figures),
          ].filter((x): x is ExemptionCandidate => x !== null);
        }
        const exempt =
          parameters.ruleSet === "opfoelgning-2024" && parameters.applyExemptions && exemptionCandidates.length > 0;
        // Built field by field, not by spreading: traces are made by the thousand per evaluation.
        const months: MonthTrace[] = figures.map((m) => ({
          month: m.month,
          population: m.population,
          without: m.without,
          share: m.share,
          shareWithout: m.shareWithout,
          breach: m.share === null ? null : isBreach(m.share, limit),
          restores: mode === "restoration" ? restoresMonth(m, limit, parameters.minPopulation) : null,
          source: m.source,
          populationIsLowerBound: m.populationIsLowerBound,
          groupsWithoutCounts: m.groupsWithoutCounts,
        }));
        return {
          ruleSet: parameters.ruleSet,
          mode,
          criterion: c.id,
          measure: c.measure,
          groups: c.groups,
          aggregation,
          municipalityCode: code,
          municipalityName: name,
          window: req.window,
          limit: limitPercent,
          minPopulation: parameters.minPopulation,
          months,
          status: exempt ? "exempted" : decision.status,
          clause: exempt ? "exemption-applied" : decision.clause,
          decidingMonths: decision.decidingMonths,
          caveats: [...caveats(figures), ...windowCaveat],
          exemptionCandidates,
        };
      });
    const statuses = criteria.map((c) => c.status);
    const status = mode === "restoration" ? restorationMunicipalityStatus(statuses) : municipalityStatus(statuses);
    return { code, name, status, criteria };
  });

  return { ruleSet: parameters.ruleSet, mode, period: req.period, window: req.window, parameters, municipalities };
}
