/**
 * The site's controls as URL parameters, so every view is a shareable link:
 *   ?rules=opfoelgning-2024&period=2025H1&threshold=80&min=10&aggregation=overall&exemptions=1
 * An invalid parameter falls back to its default and leaves a note for the page to show.
 */
import { isPeriodError, parsePeriod, type Period } from "../domain/month.ts";
import {
  RULE_SET_IDS,
  FOLLOW_UP_DEFAULTS,
  RESTORATION_DEFAULTS,
  type Aggregation,
  type Mode,
  type RuleSetId,
} from "../rules/parameters.ts";
import { limitForThreshold, type EvaluationRequest } from "../rules/request.ts";

export type SortOrder = "region" | "name" | "severity";

export interface ViewState {
  readonly rules: RuleSetId;
  readonly period: Period;
  /** Percent who must get the effort; for the 2020 model the limit is 100 − threshold. */
  readonly threshold: number;
  readonly min: number;
  readonly aggregation: Aggregation;
  readonly exemptions: boolean;
  /** genopretning-2020 only. */
  readonly mode: Mode;
  /** The criterion the heatmap shows; null = the first one of the rule set. */
  readonly criterion: string | null;
  readonly sort: SortOrder;
}

/** A parameter that could not be used, in Danish, for the page to show. */
export interface StateNote {
  readonly parameter: string;
  readonly value: string;
  readonly message: string;
}

export const DEFAULT_THRESHOLD = FOLLOW_UP_DEFAULTS.threshold;
export const DEFAULT_MIN_POPULATION = FOLLOW_UP_DEFAULTS.minPopulation;
const SORTS: readonly SortOrder[] = ["region", "name", "severity"];

export function parseViewState(
  search: string,
  defaultPeriod: (rules: RuleSetId) => Period,
): { state: ViewState; notes: StateNote[] } {
  const q = new URLSearchParams(search);
  const notes: StateNote[] = [];
  const note = (parameter: string, value: string, message: string) => notes.push({ parameter, value, message });

  const rulesText = q.get("rules");
  let rules: RuleSetId = "opfoelgning-2024";
  if (rulesText !== null) {
    if ((RULE_SET_IDS as readonly string[]).includes(rulesText)) rules = rulesText as RuleSetId;
    else note("rules", rulesText, `ukendt regelsæt; viser ${rules}`);
  }

  let period = defaultPeriod(rules);
  const periodText = q.get("period");
  if (periodText !== null) {
    const p = parsePeriod(periodText);
    if (isPeriodError(p)) note("period", periodText, `ugyldig periode; viser ${period.label}`);
    else period = p;
  }

  const number = (name: string, fallback: number, ok: (n: number) => boolean, what: string): number => {
    const text = q.get(name);
    if (text === null) return fallback;
    const n = Number(text.replace(",", "."));
    if (text.trim() !== "" && Number.isFinite(n) && ok(n)) return n;
    note(name, text, `${what}; bruger ${String(fallback).replace(".", ",")}`);
    return fallback;
  };
  const threshold = number(
    "threshold",
    DEFAULT_THRESHOLD,
    (n) => n >= 0 && n <= 100,
    "tærsklen skal være mellem 0 og 100",
  );
  const min = number(
    "min",
    DEFAULT_MIN_POPULATION,
    (n) => Number.isInteger(n) && n >= 0,
    "mindste antal borgere skal være et helt tal ≥ 0",
  );

  const choice = <C extends string>(name: string, choices: readonly C[], fallback: C): C => {
    const text = q.get(name);
    if (text === null) return fallback;
    if ((choices as readonly string[]).includes(text)) return text as C;
    note(name, text, `ukendt værdi; bruger ${fallback}`);
    return fallback;
  };
  const aggregation = choice("aggregation", ["overall", "per-group"] as const, FOLLOW_UP_DEFAULTS.aggregation);
  const exemptions = choice("exemptions", ["0", "1"] as const, "0") === "1";
  const mode = choice("mode", ["trigger", "restoration"] as const, "trigger");
  const sort = choice("sort", SORTS, "region");
  const criterion = q.get("criterion");

  return { state: { rules, period, threshold, min, aggregation, exemptions, mode, criterion, sort }, notes };
}

/** The URL parameters a ViewState owns; any other parameter (e.g. `municipality`) belongs to the page. */
export const VIEW_PARAMETERS = [
  "rules",
  "period",
  "threshold",
  "min",
  "aggregation",
  "exemptions",
  "mode",
  "criterion",
  "sort",
] as const;

/**
 * The URL search string of a state; parameters at their default are left out. Parameters of
 * `current` that the state does not own are kept, so a page's own parameters survive a change.
 */
export function viewStateSearch(s: ViewState, defaultPeriod: (rules: RuleSetId) => Period, current = ""): string {
  const q = new URLSearchParams(current);
  for (const key of VIEW_PARAMETERS) q.delete(key);
  if (s.rules !== "opfoelgning-2024") q.set("rules", s.rules);
  if (s.period.label !== defaultPeriod(s.rules).label) q.set("period", s.period.label);
  if (s.threshold !== DEFAULT_THRESHOLD) q.set("threshold", String(s.threshold));
  if (s.min !== DEFAULT_MIN_POPULATION) q.set("min", String(s.min));
  if (s.aggregation !== FOLLOW_UP_DEFAULTS.aggregation) q.set("aggregation", s.aggregation);
  if (s.exemptions) q.set("exemptions", "1");
  if (s.mode !== "trigger") q.set("mode", s.mode);
  if (s.criterion) q.set("criterion", s.criterion);
  if (s.sort !== "region") q.set("sort", s.sort);
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** The evaluation a view asks for. */
export function viewRequest(s: ViewState): EvaluationRequest {
  return {
    ruleSet: s.rules,
    window: s.period.months,
    period: s.period.label,
    ...(s.rules === "genopretning-2020" ? { mode: s.mode } : {}),
    followUp: {
      threshold: s.threshold,
      minPopulation: s.min,
      aggregation: s.aggregation,
      applyExemptions: s.exemptions,
    },
    restoration: {
      limit: limitForThreshold(s.threshold),
      minPopulation: s.min,
      windowMonths: RESTORATION_DEFAULTS.windowMonths,
    },
  };
}
