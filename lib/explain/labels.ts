/**
 * Every Danish label a reader sees, in one place (docs/decisions.md, "Language"). The CLI's text
 * output, the letters and every page take their words from here, so a term is changed once.
 * Rule codes (`month-not-in-breach`, `population-unknown`, …) stay in the trace and JSON; each
 * has a Danish phrase here and never appears in Danish text itself.
 */
import type { Period } from "../domain/month.ts";
import type { Month } from "../domain/types.ts";
import { BENEFIT_GROUPS } from "../domain/benefit-groups.ts";
import type { Aggregation, Mode } from "../rules/parameters.ts";
import type { CriterionStatus, Clause, MonthSource } from "../rules/trace.ts";
import { formatCount, formatCountWord, formatHalfYear, formatMonthSpan } from "./format.ts";

/** Every status a criterion or municipality can have, including the restoration mode's neutral one. */
export type StatusCode = CriterionStatus | "not-under-restoration";

/** Short status names for tables, tiles and compact cells. */
export const STATUS_SHORT: Readonly<Record<StatusCode, string>> = {
  flagged: "Udpeget",
  compliant: "Ikke udpeget",
  "not-covered": "Ikke omfattet",
  "insufficient-data": "Kan ikke vurderes",
  exempted: "Undtaget (kandidat)",
  restored: "Genoprettet",
  "not-restored": "Ikke genoprettet",
  "not-under-restoration": "Ikke under genopretning",
};

/** The long status, with the reason in a few words; `minPopulation` is the parameter in force. */
export function statusLong(status: StatusCode, minPopulation = 10): string {
  switch (status) {
    case "flagged":
      return "Udpeget – handlekriteriet er opfyldt";
    case "compliant":
      return "Ikke udpeget – mindst én måned under grænsen";
    case "not-covered":
      return `Ikke omfattet af handlekriteriet – færre end ${formatCount(minPopulation)} borgere i en måned`;
    case "insufficient-data":
      return "Kan ikke vurderes – data mangler for en eller flere måneder";
    case "exempted":
      return "Undtaget efter konkret vurdering (kandidat)";
    case "restored":
      return "Genoprettet – mindst én måned under grænsen";
    case "not-restored":
      return "Ikke genoprettet – ingen måned under grænsen";
    case "not-under-restoration":
      return "Ikke under genopretning";
  }
}

/** Long status labels with the default minimum population (10). */
export const STATUS_LABELS: Readonly<Record<StatusCode, string>> = Object.fromEntries(
  (Object.keys(STATUS_SHORT) as StatusCode[]).map((s) => [s, statusLong(s)]),
) as Record<StatusCode, string>;

/** Short symbols so a verdict is never told by colour alone. */
export const STATUS_SYMBOLS: Readonly<Record<StatusCode, string>> = {
  flagged: "✖",
  compliant: "✔",
  "not-covered": "○",
  "insufficient-data": "?",
  exempted: "◐",
  restored: "✔",
  "not-restored": "✖",
  "not-under-restoration": "–",
};

/** Status names as a plural count says them: "3 udpeget, 83 ikke udpeget". */
export function statusCountPhrase(status: StatusCode, n: number): string {
  return `${formatCount(n)} ${STATUS_SHORT[status].toLowerCase()}`;
}

/** Outlook inside a running window (before every month is published). */
export type OutlookCode = "safe" | "at-risk" | "no-data-yet";
export const OUTLOOK_LABELS: Readonly<Record<OutlookCode, string>> = {
  safe: "Kan ikke blive udpeget",
  "at-risk": "I risiko for udpegning",
  "no-data-yet": "Ingen data endnu",
};

/**
 * The outlook's computed comparison lines (docs/rules.md §3.6): sums over the municipalities, never to be
 * mistaken for figures Jobindsats publishes.
 */
export const BENCHMARK_LABELS = {
  national: "Hele landet (beregnet)",
  region: "Regionen (beregnet)",
  amk: "AMK-området (beregnet)",
  computedNote:
    "Sammenligningstallene er beregnet her som summen over kommunerne med hele tal (borgere uden indsats " +
    "divideret med alle borgere); de er ikke offentliggjort af Jobindsats.",
  partialNote: "Ikke alle kommuner indgår (nogle mangler hele tal).",
} as const;

/** The 2020 model's two modes. */
export const MODE_LABELS: Readonly<Record<Mode, string>> = {
  trigger: "Udpegning",
  restoration: "Opfølgning på genopretningen",
};

export const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  overall: "samlet opgørelse",
  "per-group": "pr. ydelsesgruppe",
};

/** Stages of the 2020 process (the kit's `Stage` ids). */
export type StageCode = "monitoring" | "contacted" | "plan-required" | "escalated" | "closed";
export const STAGE_LABELS: Readonly<Record<StageCode, string>> = {
  monitoring: "Løbende monitorering",
  contacted: "Henvendelse",
  "plan-required": "Genopretningsplan krævet",
  escalated: "Borgmesteren kan indkaldes til ministermøde",
  closed: "Afsluttet",
};

/** The clause of the rules that decided a verdict, as a reader-facing phrase. */
export const CLAUSE_LABELS: Readonly<Record<Clause, string>> = {
  "min-population": "En måned havde færre borgere end minimum",
  "month-not-in-breach": "En måned med kendt andel lå ikke over grænsen",
  "missing-months": "Måneder uden andel, og alle kendte måneder lå over grænsen",
  "all-months-in-breach": "Alle måneder lå over grænsen",
  "restoring-month": "En måned lå under grænsen eller under minimum (genopretter)",
  "no-restoring-month": "Alle måneder var kendte og lå på eller over grænsen",
  "restoration-undecided": "Måneder uden andel, og ingen kendt måned genopretter",
  "exemption-applied": "Kandidat til undtagelse, og undtagelser er slået til",
};

/** Where a month's figures come from. */
export const SOURCE_LABELS: Readonly<Record<MonthSource, string>> = {
  row: "gruppens egen række",
  "alle-row": "rækken »Ydelsesgrupper i alt«",
  sum: "summen af grupperne",
  "partial-sum": "delvis sum (grupper uden optælling)",
  none: "ingen række",
};

/** Caveat codes, as short labels (the full sentence is in the explanation). */
export type CaveatCode =
  | "population-unknown"
  | "population-at-least"
  | "partial-aggregate"
  | "window-length"
  | "outside-documented-period"
  | "previous-window-missing";
export const CAVEAT_LABELS: Readonly<Record<CaveatCode, string>> = {
  "population-unknown": "Antal borgere ukendt",
  "population-at-least": "Antal borgere udledt af andelen",
  "partial-aggregate": "Samlet tal kun delvist",
  "window-length": "Afvigende periodelængde",
  "outside-documented-period": "Uden for modellens dokumenterede periode",
  "previous-window-missing": "Forrige periode mangler i data",
};

/** Exemption candidates (the kit marks candidates; STAR decides). */
export type ExemptionCode = "enhanced-supervision" | "positive-trend";
export const EXEMPTION_LABELS: Readonly<Record<ExemptionCode, string>> = {
  "enhanced-supervision": "Kandidat til undtagelse: skærpet tilsyn",
  "positive-trend": "Kandidat til undtagelse: konstant positiv udvikling",
};

/** The four kinds of draft letter. */
export type LetterKind = "henvendelse-2024" | "henvendelse-2020" | "manglende-genopretning" | "genoprettet";
export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  "henvendelse-2024": "Henvendelse (opfølgningsmodellen)",
  "henvendelse-2020": "Henvendelse (genopretningsmodellen)",
  "manglende-genopretning": "Manglende genopretning",
  genoprettet: "Genoprettet",
};

/** Every rule code a Danish reader must never see, with its Danish phrase (used by the term test). */
export const RULE_CODE_PHRASES: Readonly<Record<string, string>> = {
  ...CLAUSE_LABELS,
  ...CAVEAT_LABELS,
  ...EXEMPTION_LABELS,
  "at-risk": OUTLOOK_LABELS["at-risk"],
  "no-data-yet": OUTLOOK_LABELS["no-data-yet"],
  "not-under-restoration": STATUS_SHORT["not-under-restoration"],
  "insufficient-data": STATUS_SHORT["insufficient-data"],
  "not-covered": STATUS_SHORT["not-covered"],
  "not-restored": STATUS_SHORT["not-restored"],
  "plan-required": STAGE_LABELS["plan-required"],
};

export const MEASURE_LABELS: Readonly<Record<"samtaler" | "tilbud", string>> = {
  samtaler: "samtaler",
  tilbud: "tilbud",
};

/** The two overall criteria of the 2024 model. */
export const CRITERION_LABELS: Readonly<Record<string, string>> = {
  samtaler: "Samtaler (alle ydelsesgrupper)",
  tilbud: "Tilbud (grupper med krav om tilbud)",
};

const GROUP_LABEL = new Map<string, string>(BENEFIT_GROUPS.map((g) => [g.id, g.label]));

/** A benefit group's Jobindsats label from its id ("alle" → "Ydelsesgrupper i alt"); unknown ids as written. */
export function groupLabel(id: string): string {
  return GROUP_LABEL.get(id) ?? id;
}

/** "Samtaler (alle ydelsesgrupper)" for an overall criterion, "Sygedagpenge: samtaler" for a group's own. */
export function criterionLabel(id: string): string {
  const overall = CRITERION_LABELS[id];
  if (overall) return overall;
  const [group, measure] = id.split(":");
  return `${groupLabel(group ?? id)}: ${MEASURE_LABELS[measure as "samtaler"] ?? measure ?? ""}`;
}

/** Short group names for narrow table headers (soft hyphens let them break); the full label goes in a title. */
export const GROUP_SHORT: Readonly<Record<string, string>> = {
  dagpenge: "A-dagpenge",
  sygedagpenge: "Syge\u00addagpenge",
  kontanthjaelp: "Kontant\u00adhjælp",
  uddannelseshjaelp: "Uddannelses\u00adhjælp",
  revalidering: "Revali\u00addering",
  ressourceforloeb: "Ressource\u00adforløb",
  jobafklaring: "Job\u00adafklaring",
  ledighedsydelse: "Ledigheds\u00adydelse",
  overgangsydelse: "Overgangs\u00adydelse",
  alle: "I alt",
};

/** "1. halvår 2025" for a calendar half-year, "sep.–nov. 2022" for any other window. */
export function windowLabel(window: readonly Month[]): string {
  if (window.length === 6) {
    const first = window[0]!;
    const m = first.slice(5, 7);
    const year = Number(first.slice(0, 4));
    const last = window[5]!;
    if ((m === "01" && last === `${year}-06`) || (m === "07" && last === `${year}-12`))
      return formatHalfYear(year, m === "01" ? 1 : 2);
  }
  return formatMonthSpan(window);
}

/** The label of a parsed period: "1. halvår 2025" or "sep.–nov. 2022". */
export function periodLabel(p: Pick<Period, "halfYear" | "months">): string {
  return p.halfYear ? formatHalfYear(p.halfYear.year, p.halfYear.half) : formatMonthSpan(p.months);
}

/** "1 kommune", "2 kommuner" — a count with the noun in the right number. */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** "1 kommune" / "12 kommuner". */
export function municipalitiesCount(n: number): string {
  return countOf(n, "kommune", "kommuner");
}

/** "1 andet kriterium" / "2 andre kriterier". */
export function otherCriteriaCount(n: number): string {
  return countOf(n, "andet kriterium", "andre kriterier");
}

/** "i alle seks måneder", "i fire af seks måneder", "i ingen af de seks måneder" — never "seks af seks". */
export function monthsOfWindow(k: number, n: number): string {
  if (k === n) return `i alle ${formatCountWord(n)} måneder`;
  if (k === 0) return `i ingen af de ${formatCountWord(n)} måneder`;
  return `i ${formatCountWord(k)} af ${formatCountWord(n)} måneder`;
}

/** "(6 og 6 borgere)", "(8 borgere)", "(6, 7 og 8 borgere)" — populations that say what they are. */
export function populationsPhrase(counts: readonly number[]): string {
  const f = counts.map(formatCount);
  const list = f.length <= 1 ? (f[0] ?? "") : `${f.slice(0, -1).join(", ")} og ${f[f.length - 1]}`;
  return `(${list} ${counts.length === 1 && counts[0] === 1 ? "borger" : "borgere"})`;
}

export const SYNTHETIC_BANNER = "SYNTETISKE DATA — ikke rigtige tal fra Jobindsats";

/** The audit trail at the foot of every page (src/components/audit.ts). */
export const AUDIT_LABELS = {
  title: "Revisionsspor",
  data: "Data",
  rules: "Regelmodul",
  parameters: "Parametre",
  command: "Genberegn med",
  copy: "Kopiér kommandoen",
  copyAria: "Kopiér kommandoen til udklipsholderen",
  copied: "Kopieret.",
  notCopied: "Kunne ikke kopiere; kommandoen er markeret, så den kan kopieres med Ctrl+C.",
  synthetic: "syntetiske data",
  live: "live data fra Jobindsats",
  own: "dine egne data, læst i browseren",
  fetched: "hentet",
  built: "bygget",
  seed: "seed",
  exemptionsOn: "undtagelser anvendt",
  exemptionsOff: "undtagelser ikke anvendt",
} as const;

/** The banner's note when the build tried to fetch live data and failed; `shown` says what is shown instead. */
export function fetchFailedLabel(shown: "synthetic" | { fetchedOn: string }): string {
  const what = shown === "synthetic" ? "de syntetiske data" : `de tidligere hentede data fra ${shown.fetchedOn}`;
  return `Live hentning mislykkedes — viser ${what}.`;
}
