/**
 * Evaluation of a window under either rule set: criteria → month figures → clauses → trace,
 * then the municipality status (docs/rules.md §3–4).
 */
import type { Month } from "../domain/types.ts";
import { municipalityByCode } from "../domain/municipalities.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import type { Mode, RuleSetId } from "./parameters.ts";
import { resolveRequest, type EvaluationRequest, type Parameters } from "./request.ts";
import { fedCriterionSeries, figuresAtPosition, type CriterionSeries } from "./month-values.ts";
import type { CriterionDefinition } from "./criteria.ts";
import { publishedPositions } from "./outlook.ts";
import { derivedRestoration } from "./fast-verdicts.ts";
import {
  NOTHING_UNDER_RESTORATION,
  PREVIOUS_WINDOW_MISSING,
  caveats,
  decideRestoration,
  impliedPopulationOf,
  decideTrigger,
  isBreach,
  municipalityStatus,
  positiveTrend,
  restorationMunicipalityStatus,
  restoresMonth,
  underEnhancedSupervision,
} from "./clauses.ts";
import type { Caveat, CriterionTrace, ExemptionCandidate, MonthTrace, MunicipalityVerdict } from "./trace.ts";

export type { EvaluationRequest, Parameters } from "./request.ts";
export { limitOf, resolveParameters } from "./request.ts";

export interface Evaluation {
  readonly ruleSet: RuleSetId;
  readonly mode: Mode;
  readonly period: string;
  readonly window: readonly Month[];
  readonly parameters: Parameters;
  /** Caveats of the window itself (`window-length`, `outside-documented-period`). */
  readonly caveats: readonly Caveat[];
  readonly municipalities: readonly MunicipalityVerdict[];
}

/** Evaluates every municipality in the index for one window. */
export function evaluate(index: MeasurementIndex, req: EvaluationRequest): Evaluation {
  const r = resolveRequest(req);
  const { parameters, mode, limit, minPopulation, window } = r;
  const definitions = r.criteria;
  const fed = fedCriterionSeries(index, definitions);
  const positions = publishedPositions(index, window, r.asOf);
  const derived = derivedRestoration(index, r);
  const underAt = (row: number, c: CriterionDefinition) =>
    !derived || derived.under[row * r.allCriteria.length + r.allCriteria.indexOf(c)] === 1;

  const municipalities = index.codes.map((code, row): MunicipalityVerdict => {
    const name = index.name(code) ?? municipalityByCode(code)?.name ?? code;
    if (derived?.missing[row]) {
      const missing: Caveat = { code: "previous-window-missing", previousWindow: r.previousWindow! };
      return { code, name, status: PREVIOUS_WINDOW_MISSING, criteria: [], underRestoration: [], caveats: [missing] };
    }
    const criteria = definitions
      .map((c, col) => [c, fed[row]![col]] as const)
      .filter((x): x is readonly [CriterionDefinition, CriterionSeries] => x[1] !== null && underAt(row, x[0]))
      .map(([c, s]): CriterionTrace => {
        const figures = window.map((month, k) => figuresAtPosition(s, positions[k]!, month));
        const decision =
          mode === "restoration"
            ? decideRestoration(figures, limit, minPopulation)
            : decideTrigger(figures, limit, minPopulation);
        let exemptionCandidates: ExemptionCandidate[] = [];
        if (r.exemptionCandidates && decision.status === "flagged") {
          exemptionCandidates = [underEnhancedSupervision(code, window, r.supervision), positiveTrend(figures)].filter(
            (x): x is ExemptionCandidate => x !== null,
          );
        }
        const exempt = r.applyExemptions && exemptionCandidates.length > 0;
        // Built field by field, not by spreading: traces are made by the thousand per evaluation.
        const months: MonthTrace[] = figures.map((m) => ({
          month: m.month,
          population: m.population,
          without: m.without,
          share: m.share,
          shareWithout: m.shareWithout,
          breach: m.share === null ? null : isBreach(m.share, limit),
          restores: mode === "restoration" ? restoresMonth(m, limit, minPopulation) : null,
          source: m.source,
          populationIsLowerBound: m.populationIsLowerBound,
          groupsWithoutCounts: m.groupsWithoutCounts,
          impliedMinPopulation: impliedPopulationOf(m),
        }));
        return {
          ruleSet: parameters.ruleSet,
          mode,
          criterion: c.id,
          measure: c.measure,
          groups: c.groups,
          aggregation: r.aggregation,
          municipalityCode: code,
          municipalityName: name,
          window,
          limit: r.limitPercent,
          minPopulation,
          months,
          status: exempt ? "exempted" : decision.status,
          clause: exempt ? "exemption-applied" : decision.clause,
          decidingMonths: decision.decidingMonths,
          caveats: [...caveats(figures, minPopulation), ...r.windowCaveats],
          exemptionCandidates,
        };
      });
    const statuses = criteria.map((c) => c.status);
    const status =
      mode === "trigger"
        ? municipalityStatus(statuses)
        : derived && !criteria.length
          ? NOTHING_UNDER_RESTORATION
          : restorationMunicipalityStatus(statuses);
    const underRestoration = mode === "restoration" ? criteria.map((c) => c.criterion) : null;
    return { code, name, status, criteria, underRestoration, caveats: [] };
  });

  return {
    ruleSet: r.ruleSet,
    mode,
    period: r.period,
    window,
    parameters,
    caveats: r.windowCaveats,
    municipalities,
  };
}
