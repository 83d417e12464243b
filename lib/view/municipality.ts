/**
 * Pure helpers for the municipality page (/kommune/CODE): everything is computed by evaluate()
 * and timeline() on an index of that one municipality, so a page evaluates 98× fewer series
 * than an evaluation of the whole country would. No rule is decided here.
 */
import type { Measurements } from "../domain/measurements.ts";
import { columnarMeasurements } from "../domain/columns.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";
import type { BenefitGroupId, Measure, Month } from "../domain/types.ts";
import type { Period } from "../domain/month.ts";
import { MeasurementIndex } from "../rules/measurement-index.ts";
import { evaluate, type Evaluation, type EvaluationRequest } from "../rules/evaluate.ts";
import { RULE_SET_IDS, type RuleSetId } from "../rules/parameters.ts";
import { timeline, type MunicipalityTimeline } from "../rules/timeline.ts";
import type { MonthTrace, MunicipalityVerdict } from "../rules/trace.ts";
import { viewRequest, type ViewState } from "./state.ts";

/** The measurements of one municipality only (same cells, same names); columnar stays columnar. */
export function municipalityMeasurements(m: Measurements, code: string): Measurements {
  if (m.columns) {
    const index = MUNICIPALITIES.findIndex((x) => x.code === code);
    const columns = m.columns;
    return columnarMeasurements(
      columns.select((row) => columns.code[row] === index),
      m.names,
      [],
    );
  }
  return { cells: m.cells.filter((c) => c.municipalityCode === code), names: m.names, warnings: [] };
}

/** An index of one municipality's cells. */
export function municipalityIndex(m: Measurements, code: string): MeasurementIndex {
  return new MeasurementIndex(municipalityMeasurements(m, code));
}

/** The verdict of one municipality for one request, or null when the data has no rows for it. */
export function municipalityVerdict(
  index: MeasurementIndex,
  code: string,
  req: EvaluationRequest,
): { evaluation: Evaluation; verdict: MunicipalityVerdict | null } {
  const evaluation = evaluate(index, req);
  return { evaluation, verdict: evaluation.municipalities.find((v) => v.code === code) ?? null };
}

/** The request of a view state for another rule set and period (parameters unchanged). */
export function requestFor(state: ViewState, rules: RuleSetId, period: Period): EvaluationRequest {
  return viewRequest({ ...state, rules, period });
}

export interface HistoryRow {
  readonly period: Period;
  readonly verdict: MunicipalityVerdict | null;
}

export interface RuleSetHistory {
  readonly ruleSet: RuleSetId;
  /** Criterion ids in the order evaluate() gives them (the columns of the table). */
  readonly criteria: readonly string[];
  readonly rows: readonly HistoryRow[];
}

/** The verdict in every standard period of both rule sets, with the view's parameters. */
export function verdictHistory(
  index: MeasurementIndex,
  code: string,
  periods: Readonly<Record<RuleSetId, readonly Period[]>>,
  state: ViewState,
): RuleSetHistory[] {
  return RULE_SET_IDS.map((ruleSet) => {
    const rows = periods[ruleSet].map((period) => ({
      period,
      verdict: municipalityVerdict(index, code, requestFor(state, ruleSet, period)).verdict,
    }));
    const criteria: string[] = [];
    for (const r of rows)
      for (const c of r.verdict?.criteria ?? []) if (!criteria.includes(c.criterion)) criteria.push(c.criterion);
    return { ruleSet, criteria, rows };
  });
}

export interface MonthlyPanel {
  /** Criterion id: `samtaler` / `tilbud` (aggregate) or `GROUP:measure`. */
  readonly id: string;
  readonly measure: Measure;
  /** The group, or "alle" for the aggregate of the measure. */
  readonly group: BenefitGroupId;
  /** Percent without effort above which a month is a breach. */
  readonly limit: number;
  readonly months: readonly MonthTrace[];
}

/**
 * Every month of `months` for the aggregates and each group with a requirement, with breach
 * months as evaluate() marks them under the view's threshold: one panel per small multiple.
 */
export function monthlyPanels(
  index: MeasurementIndex,
  code: string,
  state: ViewState,
  months: readonly Month[],
): MonthlyPanel[] {
  if (!months.length) return [];
  const label = `${months[0]}..${months[months.length - 1]}`;
  const base = { ruleSet: "opfoelgning-2024" as const, window: months, period: label };
  const params = { threshold: state.threshold, minPopulation: state.min, applyExemptions: false };
  const overall = municipalityVerdict(index, code, {
    ...base,
    followUp: { ...params, aggregation: "overall" },
  }).verdict;
  const perGroup = municipalityVerdict(index, code, {
    ...base,
    followUp: { ...params, aggregation: "per-group" },
  }).verdict;
  return [...(overall?.criteria ?? []), ...(perGroup?.criteria ?? [])].map((t) => ({
    id: t.criterion,
    measure: t.measure,
    group: t.groups.length === 1 ? t.groups[0]! : "alle",
    limit: t.limit,
    months: t.months,
  }));
}

/** The 2020-model process for this municipality over [from, to], with the view's limit and minimum. */
export function municipalityTimeline(
  index: MeasurementIndex,
  code: string,
  state: ViewState,
  from: Month,
  to: Month,
): MunicipalityTimeline | null {
  const all = timeline(index, { from, to, parameters: { limit: 100 - state.threshold, minPopulation: state.min } });
  return all.find((t) => t.code === code) ?? null;
}
