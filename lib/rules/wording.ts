/**
 * Danish sentences for the caveats and process dates of docs/rules.md §3.3, §4.3–4.5 (implied population,
 * documented period, previous window, plan deadline), shared by the explanation, the CLI text
 * output and the site. Every figure comes from the trace or the timeline event.
 */
import type { Month } from "../domain/types.ts";
import {
  formatCount,
  formatMonthListLong,
  formatMonthLong,
  formatMonthSpanLong,
  formatPercent,
} from "../explain/format.ts";
import { RULE_SETS, type RuleSetId } from "./parameters.ts";
import type { Caveat } from "./trace.ts";

/** "mindst 11 borgere, udledt af andelen 45,5 %" (the official phrase for `population-at-least`, docs/decisions.md). */
export function impliedPopulationPhrase(bound: number, shareWithout: number): string {
  return `mindst ${formatCount(bound)} borgere, udledt af andelen ${formatPercent(shareWithout)}`;
}

/** The documented period in words: "januar 2020 til december 2023", "januar 2024 og frem". */
function documentedRange(from: Month | null, to: Month | null): string {
  if (from && to) return `${formatMonthLong(from)} til ${formatMonthLong(to)}`;
  if (from) return `${formatMonthLong(from)} og frem`;
  return to ? `til og med ${formatMonthLong(to)}` : "";
}

/**
 * The plain sentence for a window outside its model's documented period (docs/rules.md §4.5), said in
 * every explanation and at the top of the text output.
 */
export function outsideDocumentedPeriodSentence(ruleSet: RuleSetId, c: Caveat): string {
  if (c.code !== "outside-documented-period") return "";
  const model = RULE_SETS[ruleSet].name.replace(/ \(.*\)$/, "");
  return (
    `Bemærk: ${model} er kun beskrevet for perioder fra ${documentedRange(c.from, c.to)}. ` +
    `Vurderingen omfatter ${formatMonthListLong(c.months)}, som ligger uden for; den viser kun, hvad reglerne ville give.`
  );
}

/** §4.3: the criteria under restoration cannot be derived. */
export function previousWindowMissingSentence(c: Caveat): string {
  if (c.code !== "previous-window-missing") return "";
  return (
    `Data for ${formatMonthSpanLong(c.previousWindow)} mangler, så det kan ikke afgøres, ` +
    "hvilke handlekriterier kommunen er under genopretning for."
  );
}
