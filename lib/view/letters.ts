/**
 * Draft letters (henvendelser) to flagged municipalities, for the site's /breve page. A letter is
 * built only from the verdict's trace, the evaluation's parameters and the municipality data; the
 * wording is the kit's own, every figure in Danish formatting. Pure: no DOM, no dates of today.
 */
import { addMonths, monthRange } from "../domain/month.ts";
import type { Month } from "../domain/types.ts";
import { benefitGroup } from "../domain/benefit-groups.ts";
import type { Municipality } from "../domain/municipalities.ts";
import type { Evaluation } from "../rules/evaluate.ts";
import { RULE_SETS } from "../rules/parameters.ts";
import type { CriterionTrace, MunicipalityVerdict } from "../rules/trace.ts";
import { explain } from "../explain/sentences.ts";
import { windowLabel } from "../explain/labels.ts";
import {
  formatCount,
  formatCountWord,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatPercent,
  formatPercentParameter,
} from "../explain/format.ts";

export type LetterParagraphKind =
  "opening" | "finding" | "meaning" | "next-steps" | "assistance" | "caveat" | "closing";

export interface LetterParagraph {
  readonly kind: LetterParagraphKind;
  readonly text: string;
  /** The criterion a finding is about (finding paragraphs only). */
  readonly criterion?: string;
}

/** One month of a figures table, formatted. */
export interface LetterFigureRow {
  readonly month: Month;
  /** "sep. 2022" */
  readonly label: string;
  /** "1.234" or "ikke oplyst" */
  readonly population: string;
  readonly without: string;
  /** "45,5 %" or "ikke oplyst" */
  readonly share: string;
  /** "over grænsen" / "ikke over grænsen" / "ukendt" */
  readonly assessment: string;
}

export interface LetterFigures {
  readonly criterion: string;
  /** "Samtaler (alle ydelsesgrupper)", "Sygedagpenge: samtaler" */
  readonly title: string;
  readonly rows: readonly LetterFigureRow[];
}

export interface Letter {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  /** "Ishøj Kommune, jobcentret" */
  readonly recipient: string;
  /** The AMK office that sends it: "AMK Øst". */
  readonly sender: string;
  readonly subject: string;
  /** "sep.–nov. 2022", "1. halvår 2025" */
  readonly periodLabel: string;
  readonly ruleSetName: string;
  readonly paragraphs: readonly LetterParagraph[];
  /** The figures behind each criterion the letter is about. */
  readonly figures: readonly LetterFigures[];
  /** "Venlig hilsen" lines. */
  readonly signature: readonly string[];
}

/** The status a letter is written for: flagged (trigger) or not restored (restoration check). */
export function needsLetter(verdict: Pick<MunicipalityVerdict, "status">): boolean {
  return verdict.status === "flagged" || verdict.status === "not-restored";
}

/** Short Danish name of a criterion, for headings in the letter. */
export function letterCriterionTitle(t: Pick<CriterionTrace, "criterion" | "measure" | "groups">): string {
  const what = t.measure === "samtaler" ? "samtaler" : "tilbud";
  if (t.groups.length === 1) return `${benefitGroup(t.groups[0]!).label}: ${what}`;
  return t.measure === "samtaler" ? "Samtaler (alle ydelsesgrupper)" : "Tilbud (grupper med krav om tilbud)";
}

function figuresOf(t: CriterionTrace): LetterFigures {
  return {
    criterion: t.criterion,
    title: letterCriterionTitle(t),
    rows: t.months.map((m) => ({
      month: m.month,
      label: formatMonthShort(m.month),
      population:
        m.population === null
          ? "ikke oplyst"
          : `${m.populationIsLowerBound ? "mindst " : ""}${formatCount(m.population)}`,
      without: m.without === null ? "ikke oplyst" : formatCount(m.without),
      share: m.shareWithout === null ? "ikke oplyst" : formatPercent(m.shareWithout),
      assessment: m.breach === null ? "ukendt" : m.breach ? "over grænsen" : "ikke over grænsen",
    })),
  };
}

/** "samtaler" / "tilbud" / "samtaler og tilbud" for the criteria a letter is about. */
function measuresText(traces: readonly CriterionTrace[]): string {
  const measures = new Set(traces.map((t) => t.measure));
  if (measures.size === 2) return "samtaler og tilbud";
  return measures.has("samtaler") ? "samtaler" : "tilbud";
}

/** The next window the 2020 model checks restoration on, and the month it is assessed in. */
function nextRestorationCheck(e: Evaluation): { months: Month[]; assessed: Month | null } | null {
  if (e.parameters.ruleSet !== "genopretning-2020" || !e.window.length) return null;
  const start = addMonths(e.window[0]!, e.parameters.restorationMonths);
  const months = monthRange(start, addMonths(start, e.window.length - 1));
  const calendar = RULE_SETS["genopretning-2020"].calendar.find((w) => Number(start.slice(5, 7)) === w.startMonth);
  return {
    months,
    assessed:
      calendar && e.window.length === e.parameters.windowMonths
        ? addMonths(months[months.length - 1]!, calendar.assessedAfter)
        : null,
  };
}

/**
 * The draft letter to one municipality about one evaluation, or null when the verdict calls for
 * no letter (only `flagged` and `not-restored` do).
 */
export function letterFor(
  verdict: MunicipalityVerdict,
  municipality: Municipality,
  evaluation: Evaluation,
): Letter | null {
  if (!needsLetter(verdict)) return null;
  const target = verdict.status;
  const traces = verdict.criteria.filter((c) => c.status === target);
  const name = municipality.name;
  const sender = municipality.amk;
  const period = windowLabel(evaluation.window);
  const ruleSet = RULE_SETS[evaluation.ruleSet];
  const limit =
    traces[0]?.limit ??
    (evaluation.parameters.ruleSet === "opfoelgning-2024"
      ? 100 - evaluation.parameters.threshold
      : evaluation.parameters.limit);
  const minPopulation = evaluation.parameters.minPopulation;
  const months = formatCountWord(evaluation.window.length);
  const what = measuresText(traces);
  const paragraphs: LetterParagraph[] = [];

  const restorationCheck = target === "not-restored";
  const subject = restorationCheck
    ? `Opfølgning på genopretning af den tidlige indsats i ${name} Kommune (${period})`
    : `Henvendelse om den tidlige indsats i ${name} Kommune (${period})`;

  if (evaluation.ruleSet === "opfoelgning-2024") {
    paragraphs.push({
      kind: "opening",
      text:
        `${sender} skriver på vegne af Styrelsen for Arbejdsmarked og Rekruttering (STAR), som hvert halve år gør op, ` +
        `om kommunerne når ud til borgere med seks måneders ydelsesanciennitet med de samtaler og tilbud, som reglerne kræver. ` +
        `Denne henvendelse gælder ${period}.`,
    });
  } else if (!restorationCheck) {
    paragraphs.push({
      kind: "opening",
      text:
        `${sender} skriver på vegne af Styrelsen for Arbejdsmarked og Rekruttering (STAR), som følger kommunernes tidlige indsats ` +
        `for hver ydelsesgruppe over perioder på ${months} måneder. Denne henvendelse gælder ${period}.`,
    });
  } else {
    paragraphs.push({
      kind: "opening",
      text:
        `${sender} har tidligere gjort ${name} Kommune opmærksom på, at den tidlige indsats lå under kravet, og bedt kommunen genoprette den. ` +
        `Vi har nu set på tallene for ${period} for de kriterier, der skulle genoprettes.`,
    });
  }

  // Caveats are said once for the whole letter (below), not after every finding.
  for (const t of traces)
    paragraphs.push({ kind: "finding", criterion: t.criterion, text: explain({ ...t, caveats: [] }) });

  if (evaluation.ruleSet === "opfoelgning-2024") {
    paragraphs.push({
      kind: "meaning",
      text:
        `Tallene betyder, at handlekriteriet for ${what} er opfyldt: i hver måned i perioden har mere end ${formatPercentParameter(limit)} ` +
        `af borgerne i målgruppen ikke fået indsatsen. Modellen ser på kommunen som helhed, og henvendelsen er ikke en sanktion.`,
    });
    paragraphs.push({
      kind: "assistance",
      text:
        `${sender} tilbyder kommunen faglig bistand til at styrke indsatsen, fx en fælles gennemgang af tallene og af, hvordan ` +
        `jobcentret tilrettelægger samtaler og tilbud. Kommunen skal ikke sende en skriftlig redegørelse eller en genopretningsplan.`,
    });
  } else if (!restorationCheck) {
    const next = nextRestorationCheck(evaluation);
    const restorationMonths =
      evaluation.parameters.ruleSet === "genopretning-2020" ? evaluation.parameters.restorationMonths : 6;
    paragraphs.push({
      kind: "meaning",
      text:
        `I alle ${months} måneder lå andelen uden indsats over grænsen på ${formatPercentParameter(limit)} for de nævnte kriterier. ` +
        `Kommunen får derfor ${formatCountWord(restorationMonths)} måneder til at genoprette indsatsen.`,
    });
    if (next) {
      const when = next.assessed ? `, som opgøres i ${formatMonthLong(next.assessed)}` : "";
      paragraphs.push({
        kind: "next-steps",
        text:
          `Vi vurderer genopretningen på tallene for ${formatMonthSpan(next.months)}${when}. Indsatsen er genoprettet, når andelen uden indsats ` +
          `i mindst én af månederne er under ${formatPercentParameter(limit)}. Er den ikke det, vil kommunen blive bedt om en skriftlig ` +
          `redegørelse og en genopretningsplan.`,
      });
    }
  } else {
    const next = nextRestorationCheck(evaluation);
    const restorationMonths =
      evaluation.parameters.ruleSet === "genopretning-2020" ? evaluation.parameters.restorationMonths : 6;
    paragraphs.push({
      kind: "meaning",
      text:
        `For de nævnte kriterier lå andelen uden indsats i ingen af månederne under ${formatPercentParameter(limit)}, ` +
        `og indsatsen er derfor ikke genoprettet.`,
    });
    const when = next
      ? ` Vi ser igen på tallene for ${formatMonthSpan(next.months)}${next.assessed ? ` (opgøres i ${formatMonthLong(next.assessed)})` : ""}.`
      : "";
    paragraphs.push({
      kind: "next-steps",
      text:
        `Kommunen bedes sende en skriftlig redegørelse for, hvorfor indsatsen ikke er genoprettet, og en genopretningsplan, der ` +
        `højst strækker sig over ${formatCountWord(restorationMonths)} måneder.${when} Er indsatsen heller ikke genoprettet da, ` +
        `kan sagen blive løftet til beskæftigelsesministeren.`,
    });
  }

  const unknownPopulation = traces.some((t) => t.caveats.some((c) => c.code === "population-unknown"));
  if (unknownPopulation) {
    paragraphs.push({
      kind: "caveat",
      text: `Bemærk: antallet af borgere er ikke oplyst for alle måneder, så det er ikke efterprøvet, at der var mindst ${formatCount(minPopulation)} borgere hver måned.`,
    });
  }
  const partial = traces.some((t) => t.caveats.some((c) => c.code === "partial-aggregate"));
  if (partial) {
    paragraphs.push({
      kind: "caveat",
      text: "Bemærk: for nogle måneder bygger det samlede tal kun på en del af ydelsesgrupperne, fordi optællingerne mangler for resten.",
    });
  }

  paragraphs.push({
    kind: "closing",
    text: `Har kommunen spørgsmål til tallene eller til opgørelsen (${ruleSet.name}), er I velkomne til at kontakte ${sender}.`,
  });

  return {
    municipalityCode: verdict.code,
    municipalityName: name,
    recipient: `${name} Kommune, jobcentret`,
    sender,
    subject,
    periodLabel: period,
    ruleSetName: ruleSet.name,
    paragraphs,
    figures: traces.map(figuresOf),
    signature: ["Venlig hilsen", sender, "Styrelsen for Arbejdsmarked og Rekruttering"],
  };
}
