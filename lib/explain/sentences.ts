/**
 * The Danish explanation of a verdict, generated from its trace alone (RULES.md §5). The wording
 * is ours; every figure comes from the trace, in Danish formatting.
 */
import { benefitGroup, conversationMinimum } from "../domain/benefit-groups.ts";
import type { Month } from "../domain/types.ts";
import type { Caveat, CriterionTrace, ExemptionCandidate, MonthTrace } from "../rules/trace.ts";
import {
  formatCount,
  formatCountWord,
  formatMonthList,
  formatMonthShort,
  formatMonthSpan,
  formatPercent,
  formatPercentParameter,
} from "./format.ts";
import {
  impliedPopulationPhrase,
  outsideDocumentedPeriodSentence,
  previousWindowMissingSentence,
} from "../rules/wording.ts";

interface Wording {
  /** "kravet om samtaler" */
  readonly requirement: string;
  /** "a-dagpengemodtagerne" */
  readonly subject: string;
  /** "fire samtaler", "et aktivt tilbud" */
  readonly effort: string;
}

function wording(t: CriterionTrace): Wording {
  const group = t.groups.length === 1 ? benefitGroup(t.groups[0]!) : null;
  const subject = group
    ? group.recipients
    : t.measure === "samtaler"
      ? "borgerne med seks måneders ydelsesanciennitet"
      : "borgerne i ydelsesgrupper med krav om tilbud";
  let effort = "et aktivt tilbud";
  if (t.measure === "samtaler") {
    const minima = new Set(group ? t.window.map((m) => conversationMinimum(group.id, m)) : [null]);
    const only = minima.size === 1 ? [...minima][0] : null;
    effort = typeof only === "number" ? `${formatCountWord(only)} samtaler` : "de krævede samtaler";
  }
  const noun = t.measure === "samtaler" ? "samtaler" : "tilbud";
  const requirement = group ? `kravet om ${noun} til ${group.recipients}` : `kravet om ${noun}`;
  return { requirement, subject, effort };
}

function lowest(months: readonly MonthTrace[]): MonthTrace | null {
  let best: MonthTrace | null = null;
  for (const m of months)
    if (m.shareWithout !== null && (best === null || m.shareWithout < best.shareWithout!)) best = m;
  return best;
}

function monthsOf(t: CriterionTrace, months: readonly Month[]): MonthTrace[] {
  return t.months.filter((m) => months.includes(m.month));
}

/** "i okt. 2022" or "i 4 af 6 måneder" */
function inWhichMonths(t: CriterionTrace, months: readonly Month[]): string {
  return months.length <= 3
    ? `i ${formatMonthList(months)}`
    : `i ${formatCountWord(months.length)} af ${formatCountWord(t.window.length)} måneder`;
}

function mainClause(t: CriterionTrace): string {
  const w = wording(t);
  const name = t.municipalityName;
  const limit = formatPercentParameter(t.limit);
  const n = formatCountWord(t.window.length);
  const span = formatMonthSpan(t.window);
  const deciding = monthsOf(t, t.decidingMonths);
  switch (t.status) {
    case "flagged":
    case "exempted": {
      const low = lowest(t.months);
      const tail = low ? ` (laveste andel ${formatPercent(low.shareWithout!)} i ${formatMonthShort(low.month)})` : "";
      return `${name} når ikke ${w.requirement}: i hver af de ${n} måneder (${span}) var over ${limit} af ${w.subject} uden ${w.effort}${tail}.`;
    }
    case "compliant": {
      const low = lowest(deciding);
      const example = low ? `; laveste andel ${formatPercent(low.shareWithout!)} i ${formatMonthShort(low.month)}` : "";
      return `${name} lever op til ${w.requirement}: ${inWhichMonths(t, t.decidingMonths)} var højst ${limit} af ${w.subject} uden ${w.effort}${example}.`;
    }
    case "not-covered": {
      const counts = deciding.map((m) => formatCount(m.population!)).join(", ");
      return `${name} er ikke omfattet af ${w.requirement}: der var færre end ${formatCount(t.minPopulation)} borgere med seks måneders ydelsesanciennitet ${inWhichMonths(t, t.decidingMonths)} (${counts}).`;
    }
    case "insufficient-data": {
      if (t.mode === "restoration") {
        return `Det kan ikke afgøres, om ${name} har genoprettet indsatsen på ${w.requirement}: andelen mangler ${inWhichMonths(t, t.decidingMonths)}, og ingen kendt måned ligger under ${limit}.`;
      }
      const known = t.months.length - t.decidingMonths.length;
      const rest = known > 0 ? `, og alle kendte måneder ligger over grænsen på ${limit}` : "";
      return `${w.requirement[0]!.toUpperCase()}${w.requirement.slice(1)} kan ikke afgøres for ${name}: andelen mangler ${inWhichMonths(t, t.decidingMonths)}${rest}.`;
    }
    case "restored": {
      const m = deciding[0]!;
      const fewPersons = m.population !== null && !m.populationIsLowerBound && m.population < t.minPopulation;
      const why = fewPersons
        ? `i ${formatMonthShort(m.month)} var der færre end ${formatCount(t.minPopulation)} borgere (${formatCount(m.population!)})`
        : `i ${formatMonthShort(m.month)} var ${formatPercent(m.shareWithout!)} af ${w.subject} uden ${w.effort}, under grænsen på ${limit}`;
      return `${name} har genoprettet indsatsen på ${w.requirement}: ${why}.`;
    }
    case "not-restored": {
      const low = lowest(t.months);
      const tail = low ? ` (laveste andel ${formatPercent(low.shareWithout!)} i ${formatMonthShort(low.month)})` : "";
      return `${name} har ikke genoprettet indsatsen på ${w.requirement}: i alle ${n} måneder (${span}) var mindst ${limit} af ${w.subject} uden ${w.effort}${tail}.`;
    }
    case "not-under-restoration": // a municipality's status only; no criterion carries it
      return `${name} er ikke under genopretning for ${w.requirement}.`;
  }
}

function caveatSentence(c: Caveat, t: CriterionTrace): string {
  switch (c.code) {
    case "population-unknown":
      return c.months.length === t.window.length
        ? `Antallet af borgere er ikke oplyst, så kravet om mindst ${formatCount(t.minPopulation)} borgere pr. måned kan ikke efterprøves.`
        : `Antallet af borgere er ikke oplyst for ${formatMonthList(c.months)}, så kravet om mindst ${formatCount(t.minPopulation)} borgere kan ikke efterprøves der.`;
    case "partial-aggregate":
      return `Det samlede tal for ${formatMonthList(c.months)} er kun delvist: ${c.groups.map((g) => benefitGroup(g).label).join(", ")} mangler optællinger.`;
    case "window-length":
      return `Perioden er på ${formatCountWord(c.actual)} måneder; regelsættet bruger normalt ${formatCountWord(c.expected)}.`;
    case "population-at-least": {
      const implied = c.months.map((m, i) => {
        const share = t.months.find((x) => x.month === m)?.shareWithout ?? 0;
        return `${formatMonthShort(m)} (${impliedPopulationPhrase(c.bounds[i]!, share)})`;
      });
      const list = implied.length === 1 ? implied[0]! : `${implied.slice(0, -1).join(", ")} og ${implied.at(-1)!}`;
      return `Antallet af borgere er ikke oplyst, men andelen viser, at kravet om mindst ${formatCount(t.minPopulation)} borgere er opfyldt i ${list}.`;
    }
    case "outside-documented-period":
      return outsideDocumentedPeriodSentence(t.ruleSet, c);
    case "previous-window-missing":
      return previousWindowMissingSentence(c);
  }
}

function exemptionSentence(e: ExemptionCandidate): string {
  switch (e.code) {
    case "positive-trend":
      return `Kan undtages: stadig forbedring (andelen faldt hver måned, fra ${formatPercent(e.shares[0]!)} til ${formatPercent(e.shares[e.shares.length - 1]!)}).`;
    case "enhanced-supervision":
      return `Kan undtages: skærpet tilsyn (${e.entries.map((x) => `${formatMonthShort(x.from)}–${formatMonthShort(x.to)}`).join(", ")}).`;
  }
}

/** The whole explanation: the deciding clause, then caveats and exemption candidates. */
export function explain(t: CriterionTrace): string {
  const parts = [
    mainClause(t),
    ...t.caveats.map((c) => caveatSentence(c, t)),
    ...t.exemptionCandidates.map(exemptionSentence),
  ];
  if (t.status === "exempted") parts.push("Vist som undtaget, fordi undtagelser er slået til.");
  return parts.join(" ");
}
