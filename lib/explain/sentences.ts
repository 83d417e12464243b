/**
 * The Danish explanation of a verdict, generated from its trace alone (docs/rules.md §5); months are
 * written out ("september 2022"), as explanations and letters write them. The wording
 * is ours; every figure comes from the trace, in Danish formatting.
 */
import { benefitGroup, conversationMinimum } from "../domain/benefit-groups.ts";
import { municipalityByCode } from "../domain/municipalities.ts";
import { EXEMPTION_LABELS, monthsOfWindow, populationsPhrase } from "./labels.ts";
import type { Month } from "../domain/types.ts";
import type { Caveat, CriterionTrace, ExemptionCandidate, MonthTrace } from "../rules/trace.ts";
import {
  formatCount,
  formatCountWord,
  formatMonthListLong,
  formatMonthLong,
  formatMonthSpanLong,
  formatPercent,
  formatPercentParameter,
} from "./format.ts";
import {
  impliedPopulationPhrase,
  outsideDocumentedPeriodSentence,
  previousWindowMissingSentence,
} from "../rules/wording.ts";

interface Wording {
  /** "samtaler til sygedagpengemodtagerne", "tilbud" */
  readonly topic: string;
  /** "a-dagpengemodtagerne" */
  readonly subject: string;
  /** The share without, as STAR words it: "andelen af a-dagpengemodtagerne, der ikke har fået et aktivt tilbud". */
  readonly share: string;
}

function wording(t: CriterionTrace): Wording {
  const group = t.groups.length === 1 ? benefitGroup(t.groups[0]!) : null;
  const subject = group
    ? group.recipients
    : t.measure === "samtaler"
      ? "borgerne med seks måneders ydelsesanciennitet"
      : "borgerne i ydelsesgrupper med krav om tilbud";
  let lacking = "der ikke har fået et aktivt tilbud";
  if (t.measure === "samtaler") {
    const minima = new Set(group ? t.window.map((m) => conversationMinimum(group.id, m)) : [null]);
    const only = minima.size === 1 ? [...minima][0] : null;
    lacking =
      typeof only === "number"
        ? `der har fået færre end ${formatCountWord(only)} samtaler`
        : "der har fået færre end de krævede samtaler";
  }
  const noun = t.measure === "samtaler" ? "samtaler" : "tilbud";
  const topic = group ? `${noun} til ${group.recipients}` : noun;
  return { topic, subject, share: `andelen af ${subject}, ${lacking}` };
}

/** The municipality as sentences name it: "Ishøj Kommune", "Københavns Kommune". */
export function officialName(code: string, fallback: string): string {
  return municipalityByCode(code)?.officialName ?? fallback;
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

/** "i okt. 2022", "i fire af seks måneder" or "i alle seks måneder" */
function inWhichMonths(t: CriterionTrace, months: readonly Month[]): string {
  return months.length <= 3 && months.length < t.window.length
    ? `i ${formatMonthListLong(months)}`
    : monthsOfWindow(months.length, t.window.length);
}

function mainClause(t: CriterionTrace): string {
  const w = wording(t);
  const name = officialName(t.municipalityCode, t.municipalityName);
  const limit = formatPercentParameter(t.limit);
  const all = monthsOfWindow(t.window.length, t.window.length);
  const span = formatMonthSpanLong(t.window);
  const deciding = monthsOf(t, t.decidingMonths);
  const lowestTail = (months: readonly MonthTrace[], lead: string) => {
    const low = lowest(months);
    return low ? `${lead}laveste andel ${formatPercent(low.shareWithout!)} i ${formatMonthLong(low.month)}` : "";
  };
  switch (t.status) {
    case "flagged":
    case "exempted": {
      const tail = lowestTail(t.months, " (");
      return `Handlekriteriet for ${w.topic} er opfyldt for ${name}: ${all} (${span}) var ${w.share}, over ${limit}${tail ? `${tail})` : ""}.`;
    }
    case "compliant": {
      const tail = lowestTail(deciding, "; ");
      return `Handlekriteriet for ${w.topic} er ikke opfyldt for ${name}: ${inWhichMonths(t, t.decidingMonths)} var ${w.share}, højst ${limit}${tail}.`;
    }
    case "not-covered": {
      const counts = populationsPhrase(deciding.map((m) => m.population!));
      return `${name} er ikke omfattet af handlekriteriet for ${w.topic}: der var færre end ${formatCount(t.minPopulation)} borgere med seks måneders ydelsesanciennitet ${inWhichMonths(t, t.decidingMonths)} ${counts}.`;
    }
    case "insufficient-data": {
      if (t.mode === "restoration") {
        return `Det kan ikke vurderes, om ${name} har genoprettet indsatsen for ${w.topic}: andelen mangler ${inWhichMonths(t, t.decidingMonths)}, og ingen kendt måned ligger under ${limit}.`;
      }
      const known = t.months.length - t.decidingMonths.length;
      const rest = known > 0 ? `, og alle kendte måneder ligger over grænsen på ${limit}` : "";
      return `Handlekriteriet for ${w.topic} kan ikke vurderes for ${name}: andelen mangler ${inWhichMonths(t, t.decidingMonths)}${rest}.`;
    }
    case "restored": {
      const m = deciding[0]!;
      const fewPersons = m.population !== null && !m.populationIsLowerBound && m.population < t.minPopulation;
      const why = fewPersons
        ? `i ${formatMonthLong(m.month)} var der færre end ${formatCount(t.minPopulation)} borgere ${populationsPhrase([m.population!])}`
        : `i ${formatMonthLong(m.month)} var ${w.share}, ${formatPercent(m.shareWithout!)}, under grænsen på ${limit}`;
      return `${name} har genoprettet indsatsen for ${w.topic}: ${why}.`;
    }
    case "not-restored": {
      const tail = lowestTail(t.months, " (");
      return `${name} har ikke genoprettet indsatsen for ${w.topic}: ${all} (${span}) var ${w.share}, mindst ${limit}${tail ? `${tail})` : ""}.`;
    }
    case "not-under-restoration": // a municipality's status only; no criterion carries it
      return `${name} er ikke under genopretning for ${w.topic}.`;
  }
}

function caveatSentence(c: Caveat, t: CriterionTrace): string {
  switch (c.code) {
    case "population-unknown":
      return c.months.length === t.window.length
        ? `Antallet af borgere er ikke oplyst, så kravet om mindst ${formatCount(t.minPopulation)} borgere pr. måned kan ikke efterprøves.`
        : `Antallet af borgere er ikke oplyst for ${formatMonthListLong(c.months)}, så kravet om mindst ${formatCount(t.minPopulation)} borgere kan ikke efterprøves der.`;
    case "partial-aggregate":
      return `Det samlede tal for ${formatMonthListLong(c.months)} er kun delvist: ${c.groups.map((g) => benefitGroup(g).label).join(", ")} mangler optællinger.`;
    case "window-length":
      return `Perioden er på ${formatCountWord(c.actual)} måneder; regelsættet bruger normalt ${formatCountWord(c.expected)}.`;
    case "population-at-least": {
      const implied = c.months.map((m, i) => {
        const share = t.months.find((x) => x.month === m)?.shareWithout ?? 0;
        return `${formatMonthLong(m)} (${impliedPopulationPhrase(c.bounds[i]!, share)})`;
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
      return `${EXEMPTION_LABELS["positive-trend"]} (andelen faldt hver måned, fra ${formatPercent(e.shares[0]!)} til ${formatPercent(e.shares[e.shares.length - 1]!)}).`;
    case "enhanced-supervision":
      return `${EXEMPTION_LABELS["enhanced-supervision"]} (${e.entries.map((x) => `${formatMonthLong(x.from)}–${formatMonthLong(x.to)}`).join(", ")}).`;
  }
}

/** The whole explanation: the deciding clause, then caveats and exemption candidates. */
export function explain(t: CriterionTrace): string {
  const parts = [
    mainClause(t),
    ...t.caveats.map((c) => caveatSentence(c, t)),
    ...t.exemptionCandidates.map(exemptionSentence),
  ];
  if (t.status === "exempted") parts.push("Vist som undtaget (kandidat), fordi undtagelser er slået til.");
  return parts.join(" ");
}
