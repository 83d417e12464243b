/** The JSON document of docs/cli.md, with the full trace added under each criterion. */
import type { Evaluation } from "../rules/evaluate.ts";
import type { CriterionTrace } from "../rules/trace.ts";
import { explain } from "../explain/sentences.ts";
import type { OutlookReport } from "../rules/outlook-report.ts";
import { withOutlook } from "./outlook-json.ts";

export interface DocumentContext {
  /** True when any input is the synthetic default: said in every output. */
  readonly synthetic: boolean;
  readonly inputs: readonly string[];
  /** docs/rules.md §3.6 additions (docs/cli.md), when computed. */
  readonly outlook?: OutlookReport;
}

function criterionJson(c: CriterionTrace) {
  return {
    id: c.criterion,
    status: c.status,
    caveats: c.caveats.map((x) => x.code),
    exemptionCandidates: c.exemptionCandidates.map((x) => x.code),
    months: c.months.map((m) => ({
      month: m.month,
      population: m.population,
      without: m.without,
      shareWithout: m.shareWithout,
      breach: m.breach,
      ...(c.mode === "restoration" ? { restores: m.restores } : {}),
      ...(m.source !== "row" ? { source: m.source } : {}),
      ...(m.populationIsLowerBound ? { populationIsLowerBound: true, groupsWithoutCounts: m.groupsWithoutCounts } : {}),
      ...(m.impliedMinPopulation !== null ? { impliedMinPopulation: m.impliedMinPopulation } : {}),
    })),
    explanation: explain(c),
    trace: {
      measure: c.measure,
      groups: c.groups,
      limit: c.limit,
      minPopulation: c.minPopulation,
      clause: c.clause,
      decidingMonths: c.decidingMonths,
      caveats: c.caveats,
      exemptionCandidates: c.exemptionCandidates,
    },
  };
}

export function evaluationDocument(e: Evaluation, ctx: DocumentContext) {
  const { ruleSet: _ruleSet, ...parameters } = e.parameters;
  return {
    ruleSet: e.ruleSet,
    mode: e.mode,
    period: e.period,
    window: e.window,
    parameters,
    caveats: e.caveats.map((x) => x.code),
    synthetic: ctx.synthetic,
    inputs: ctx.inputs,
    municipalities: e.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      status: m.status,
      ...(m.underRestoration ? { underRestoration: m.underRestoration } : {}),
      caveats: m.caveats.map((x) => x.code),
      ...(m.caveats.length ? { caveatDetails: m.caveats } : {}),
      criteria: m.criteria.map(criterionJson),
    })),
  };
}

export function toJson(e: Evaluation, ctx: DocumentContext): string {
  const doc = evaluationDocument(e, ctx);
  return JSON.stringify(ctx.outlook ? withOutlook(doc, ctx.outlook) : doc, null, 2) + "\n";
}
