/**
 * The restoration model as a process over time (docs/rules.md §4.4): at each assessment a
 * municipality moves monitoring → contacted → plan-required → escalated, or closed when the
 * criteria that triggered the process are restored.
 */
import type { Month } from "../domain/types.ts";
import { addMonths } from "../domain/month.ts";
import { addDays, calendarStep, shiftWindow, standardPeriods } from "./calendar.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { PLAN_DUE_DAYS, RESTORATION_DEFAULTS, type RestorationParameters } from "./parameters.ts";
import { evaluate, type Evaluation } from "./evaluate.ts";
import { criterionIdsFor } from "./request.ts";
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
  /** The month of this assessment (August or February) and the window it judged. */
  readonly assessment: Month;
  readonly window: readonly Month[];
  /** The next assessment, six months later, and the window it will use (docs/rules.md §4.4). */
  readonly nextAssessment: Month;
  readonly nextWindow: readonly Month[];
  readonly check: "trigger" | "restoration";
  readonly stageBefore: Stage;
  readonly stageAfter: Stage;
  /** The criteria under restoration after this event (those that triggered the contact). */
  readonly underRestoration: readonly string[];
  /** Outcome of the check: the municipality status under trigger or restoration. */
  readonly outcome: MunicipalityStatus;
  /** The traces of the criteria checked at this assessment. */
  readonly criteria: readonly CriterionTrace[];
  /** Contacted: the end of the six months to restore, counted from the contact; else null. */
  readonly deadline: Month | null;
  /** Plan-required only: what the plan must cover and when it is due (never the next assessment). */
  readonly plan?: PlanRequirement;
}

/** docs/rules.md §4.4: the written explanation and restoration plan demanded when restoration failed. */
export interface PlanRequirement {
  /** Days after the letter's date (15, from the letter of 20 Feb 2023). */
  readonly planDueDays: number;
  /** `YYYY-MM-DD`: the letter's date + planDueDays, when the letter's date is known; else null. */
  readonly planDeadline: string | null;
  /** The criteria not restored: a restored criterion leaves the restoration. */
  readonly planCriteria: readonly string[];
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
  /** `YYYY-MM-DD`: the date of the not-restored letter, for the plan's deadline (`--letter-date`). */
  readonly letterDate?: string;
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
  letterDate: string | null,
): Omit<TimelineEvent, "assessment" | "window" | "nextAssessment" | "nextWindow" | "stageBefore"> {
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
          deadline: addMonths(assessment.month, p.restorationMonths),
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
  // A restored criterion leaves the restoration; the rest stay under it.
  const remaining = state.underRestoration.filter(
    (id) => checked.find((c) => c.criterion === id)?.status !== "restored",
  );
  if (state.stage !== "contacted")
    return { ...keep, stageAfter: "escalated", underRestoration: remaining, deadline: null };
  const plan: PlanRequirement = {
    planDueDays: PLAN_DUE_DAYS,
    planDeadline: letterDate ? addDays(letterDate, PLAN_DUE_DAYS) : null,
    planCriteria: remaining,
  };
  return { ...keep, stageAfter: "plan-required", underRestoration: remaining, deadline: null, plan };
}

/** Simulates every municipality of the index through the assessments of [from, to]. */
export function timeline(index: MeasurementIndex, req: TimelineRequest = {}): MunicipalityTimeline[] {
  const p: RestorationParameters = { ...RESTORATION_DEFAULTS, ...req.parameters };
  const from = req.from ?? index.firstMonth;
  const to = req.to ?? index.lastMonth;
  if (!from || !to) return [];
  const assessments = assessmentsBetween(from, to, p);
  // Restoration is checked on every criterion here and filtered per municipality by its own state.
  const every = criterionIdsFor("genopretning-2020");
  const evaluations = assessments.map((a) => {
    const base = {
      ruleSet: "genopretning-2020" as const,
      window: a.window,
      period: `${a.window[0]}..${a.window[a.window.length - 1]}`,
      restoration: p,
    };
    return {
      trigger: evaluate(index, { ...base, mode: "trigger" }),
      restoration: evaluate(index, { ...base, mode: "restoration", criteria: every }),
    };
  });
  const interval = calendarStep("genopretning-2020");
  const criteriaOf = (e: Evaluation, i: number) => e.municipalities[i]!.criteria as CriterionTrace[];

  return index.codes.map((code, i) => {
    const initial = req.initial?.get(code);
    const state: State = { stage: initial?.stage ?? "monitoring", underRestoration: initial?.underRestoration ?? [] };
    const events: TimelineEvent[] = assessments.map((a, k) => {
      const e = evaluations[k]!;
      const out = step(state, criteriaOf(e.trigger, i), criteriaOf(e.restoration, i), p, a, req.letterDate ?? null);
      const event: TimelineEvent = {
        assessment: a.month,
        window: a.window,
        nextAssessment: addMonths(a.month, interval),
        nextWindow: shiftWindow("genopretning-2020", a.window, 1),
        stageBefore: state.stage,
        ...out,
      };
      state.stage = out.stageAfter;
      state.underRestoration = out.underRestoration;
      return event;
    });
    const name = evaluations[0]?.trigger.municipalities[i]!.name ?? index.name(code) ?? code;
    return { code, name, events, finalStage: state.stage };
  });
}
