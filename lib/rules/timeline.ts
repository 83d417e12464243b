/**
 * The restoration model as a process over time (RULES.md §4.4): at each assessment a
 * municipality moves monitoring → contacted → plan-required → escalated, or closed when the
 * criteria that triggered the process are restored.
 */
import type { Month } from "../domain/types.ts";
import { addMonths } from "../domain/month.ts";
import { standardPeriods } from "./calendar.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { RESTORATION_DEFAULTS, type RestorationParameters } from "./parameters.ts";
import { evaluate, type Evaluation } from "./evaluate.ts";
import { municipalityStatus, restorationMunicipalityStatus } from "./clauses.ts";
import type { CriterionTrace, MunicipalityStatus } from "./trace.ts";

export const STAGES = ["monitoring", "contacted", "plan-required", "escalated", "closed"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * (decision) When a restoration check cannot be decided (insufficient data and nothing
 * not-restored), the municipality stays where it is and is checked again at the next assessment.
 */
export const UNDECIDED_RESTORATION_KEEPS_STAGE = true;

export interface Assessment {
  /** The month STAR assesses in (August or February). */
  readonly month: Month;
  readonly window: readonly Month[];
}

/** The standard windows of the 2020 calendar whose months lie within [from, to]. */
export function assessmentsBetween(
  from: Month,
  to: Month,
  p: RestorationParameters = RESTORATION_DEFAULTS,
): Assessment[] {
  return standardPeriods("genopretning-2020", from, to, p.windowMonths).map((w) => ({
    month: w.assessed,
    window: w.months,
  }));
}

export interface TimelineEvent {
  readonly assessment: Month;
  readonly window: readonly Month[];
  readonly check: "trigger" | "restoration";
  readonly stageBefore: Stage;
  readonly stageAfter: Stage;
  /** The criteria under restoration after this event (those that triggered the contact). */
  readonly underRestoration: readonly string[];
  /** Outcome of the check: the municipality status under trigger or restoration. */
  readonly outcome: MunicipalityStatus;
  /** The traces of the criteria checked at this assessment. */
  readonly criteria: readonly CriterionTrace[];
  /** Restoration deadline (contacted) or end of the plan period (plan-required), else null. */
  readonly deadline: Month | null;
}

export interface MunicipalityTimeline {
  readonly code: string;
  readonly name: string;
  readonly events: readonly TimelineEvent[];
  readonly finalStage: Stage;
}

/** Where a municipality stood before the first assessment of the series (e.g. from a real letter). */
export interface InitialState {
  readonly stage: Stage;
  readonly underRestoration: readonly string[];
}

export interface TimelineRequest {
  readonly from?: Month;
  readonly to?: Month;
  readonly parameters?: Partial<RestorationParameters>;
  readonly initial?: ReadonlyMap<string, InitialState>;
}

interface State {
  stage: Stage;
  underRestoration: readonly string[];
}

function step(
  state: State,
  trigger: CriterionTrace[],
  restoration: CriterionTrace[],
  p: RestorationParameters,
  assessment: Assessment,
): Omit<TimelineEvent, "assessment" | "window" | "stageBefore"> {
  const inMonths = (n: number) => addMonths(assessment.month, n);
  if (state.stage === "monitoring" || state.stage === "closed") {
    const flagged = trigger.filter((c) => c.status === "flagged");
    const outcome = municipalityStatus(trigger.map((c) => c.status));
    return flagged.length
      ? {
          check: "trigger",
          stageAfter: "contacted",
          underRestoration: flagged.map((c) => c.criterion),
          outcome,
          criteria: trigger,
          deadline: inMonths(p.restorationMonths),
        }
      : {
          check: "trigger",
          stageAfter: "monitoring",
          underRestoration: [],
          outcome,
          criteria: trigger,
          deadline: null,
        };
  }
  const checked = restoration.filter((c) => state.underRestoration.includes(c.criterion));
  const outcome = restorationMunicipalityStatus(checked.map((c) => c.status));
  const keep = { check: "restoration" as const, underRestoration: state.underRestoration, outcome, criteria: checked };
  if (outcome === "restored") return { ...keep, stageAfter: "closed", underRestoration: [], deadline: null };
  if (outcome === "insufficient-data" && UNDECIDED_RESTORATION_KEEPS_STAGE)
    return { ...keep, stageAfter: state.stage, deadline: null };
  const next: Stage = state.stage === "contacted" ? "plan-required" : "escalated";
  return { ...keep, stageAfter: next, deadline: next === "plan-required" ? inMonths(p.restorationMonths) : null };
}

/** Simulates every municipality of the index through the assessments of [from, to]. */
export function timeline(index: MeasurementIndex, req: TimelineRequest = {}): MunicipalityTimeline[] {
  const p: RestorationParameters = { ...RESTORATION_DEFAULTS, ...req.parameters };
  const from = req.from ?? index.firstMonth;
  const to = req.to ?? index.lastMonth;
  if (!from || !to) return [];
  const assessments = assessmentsBetween(from, to, p);
  const evaluations = assessments.map((a) => {
    const base = {
      ruleSet: "genopretning-2020" as const,
      window: a.window,
      period: `${a.window[0]}..${a.window[a.window.length - 1]}`,
      restoration: p,
    };
    return {
      trigger: evaluate(index, { ...base, mode: "trigger" }),
      restoration: evaluate(index, { ...base, mode: "restoration" }),
    };
  });
  const criteriaOf = (e: Evaluation, i: number) => e.municipalities[i]!.criteria as CriterionTrace[];

  return index.codes.map((code, i) => {
    const initial = req.initial?.get(code);
    const state: State = { stage: initial?.stage ?? "monitoring", underRestoration: initial?.underRestoration ?? [] };
    const events: TimelineEvent[] = assessments.map((a, k) => {
      const e = evaluations[k]!;
      const out = step(state, criteriaOf(e.trigger, i), criteriaOf(e.restoration, i), p, a);
      const event: TimelineEvent = { assessment: a.month, window: a.window, stageBefore: state.stage, ...out };
      state.stage = out.stageAfter;
      state.underRestoration = out.underRestoration;
      return event;
    });
    const name = evaluations[0]?.trigger.municipalities[i]!.name ?? index.name(code) ?? code;
    return { code, name, events, finalStage: state.stage };
  });
}
