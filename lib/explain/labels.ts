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
import type { TimelineEvent } from "../rules/timeline.ts";
import {
  formatCount,
  formatCountWord,
  formatDateLong,
  formatHalfYear,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatMonthSpanLong,
  formatPercent,
  formatPercentParameter,
} from "./format.ts";

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
  unknownVersion: "ukendt",
} as const;

/** The banner's note when the build tried to fetch live data and failed; `shown` says what is shown instead. */
export function fetchFailedLabel(shown: "synthetic" | { fetchedOn: string }): string {
  const what = shown === "synthetic" ? "de syntetiske data" : `de tidligere hentede data fra ${shown.fetchedOn}`;
  return `Live hentning mislykkedes — viser ${what}.`;
}

/** A window as of a month: "2. halvår 2025, pr. sep. 2025". */
export function asOfLabel(window: string, asOf: Month): string {
  return `${window}, pr. ${formatMonthShort(asOf)}`;
}

/** A share, or that its month is not published yet. */
export function shareOrUnpublished(share: number | null): string {
  return share === null ? OUTLOOK_TEXT.notPublished : formatPercent(share);
}

/** The outlook's words on /varsling, the municipality page's "Udsigt" box and the overview's card. */
export const OUTLOOK_TEXT = {
  asOfControl: "Opgjort pr.",
  asOfLabel: "Senest offentliggjorte måned (opgjort pr.)",
  asOfHelp: "Senere måneder i perioden regnes som endnu ikke offentliggjort.",
  cardsAria: "Antal kommuner pr. udsigt",
  notPublished: "ikke offentliggjort",
  month: "Måned",
  shareWithout: "Andel uden indsats",
  withoutOfPopulation: "Uden indsats / borgere",
  extraNeeded: "Flere med indsats, der havde været nok",
  noMultiples: "Ingen kommuner at vise.",
  multiplesLegend:
    "Fuld linje: kommunen. Prikket linje: hele landet (beregnet som summen over kommunerne, ikke et offentliggjort " +
    "tal). Stiplet vandret linje: grænsen. Måneder uden prik er endnu ikke offentliggjort.",
  noMonthsYet: "ingen måneder endnu",
  missing: "Mangler:",
  allPublished: "Alle periodens måneder er offentliggjort: udsigten er selve vurderingen.",
  publicationCaveat:
    "Tidspunkterne for offentliggørelse er typiske, ikke et løfte: Jobindsats kan offentliggøre en måned senere, og " +
    "tal kan blive rettet.",
  figuresBehind: "Tallene bag grafen",
  benefitGroup: "Ydelsesgruppe",
  aboveLimit: "Borgere over grænsen",
  aboveLimitSummed: "Borgere over grænsen (summeret)",
  noRank: "Ingen placering: kommunen har ikke hele tal i perioden.",
  noPublishedMonths: "Ingen offentliggjorte måneder endnu.",
  runningHalfYear: "Det løbende halvår",
  atRiskNow: "I risiko nu",
  seeVarsling: "se Varsling",
  completeNoneAtRisk: "Perioden er komplet; ingen kommuner er i risiko.",
  complete: "Perioden er komplet.",
  invalidAsOf: (shown: Month) => `ikke en måned i perioden med data; viser ${formatMonthShort(shown)}`,
  noneAtRisk: (asOf: Month) => `Ingen kommuner er i risiko for udpegning pr. ${formatMonthShort(asOf)}.`,
  monthByMonth: (name: string, criterion: string) => `${name}, ${criterion}: måned for måned`,
  againstNational: (name: string, criterion: string) => `${name}, ${criterion}, mod hele landet`,
  assessedIn: (window: string) => `STAR vurderer ${window} i`,
  published: (span: string, published: number, all: number) =>
    `Offentliggjort: ${span} (${published} af ${all} måneder).`,
  typicallyPublished: (month: Month, published: Month) =>
    `${formatMonthLong(month)} — typisk offentliggjort omkring ${formatMonthLong(published)}`,
  driversDescription: (figures: string) =>
    `Borgere over grænsen, summeret over de offentliggjorte måneder: ${figures}.`,
  rank: (position: number, of: number) =>
    `Nr. ${position} af ${of} kommuner (1 = laveste andel uden indsats i de offentliggjorte måneder).`,
  benchmarkTitle: (measure: "samtaler" | "tilbud", name: string) =>
    `${MEASURE_TITLES[measure]}: ${name} mod landet, regionen og AMK-området`,
  benchmarkLegend: (name: string) =>
    `Fuld linje: ${name}. Prikket: hele landet. Stiplet: regionen. Punkteret: AMK-området. Vandret stiplet linje: ` +
    "grænsen.",
  noRows: (window: string) => `Data har ingen rækker for kommunen i ${window}.`,
  assessedInMonth: (month: Month) => `STAR vurderer perioden i ${formatMonthLong(month)}.`,
} as const;

/**
 * The text alternative of a small multiple: "Ishøj, Samtaler …: jul. 2025 34,6 %, …; hele landet
 * 21,0 % i sep. 2025. Grænsen er 20 %." — the published months only.
 */
export function outlookChartDescription(
  name: string,
  criterion: string,
  months: readonly { month: Month; share: number }[],
  national: { month: Month; share: number } | null,
  limit: number,
): string {
  return (
    `${name}, ${criterion}: ` +
    months.map((x) => `${formatMonthShort(x.month)} ${formatPercent(x.share)}`).join(", ") +
    (national ? `; hele landet ${formatPercent(national.share)} i ${formatMonthShort(national.month)}` : "") +
    `. Grænsen er ${formatPercentParameter(limit)}.`
  );
}

/** Names for keyboard and screen-reader users: skip links, the menu toggle (scripts/postbuild-a11y.ts). */
export const A11Y_LABELS = {
  skipToContent: "Spring til indhold",
  sidebarToggle: "Vis eller skjul menuen",
  skipTileMap: "Spring kortet over",
} as const;

/** The parameters in force, one phrase each (print header, audit trail). */
export const PARAMETER_TEXT = {
  threshold: (threshold: number) => `tærskel ${formatPercentParameter(threshold)}`,
  limit: (limit: number) => `grænse ${formatPercentParameter(limit)} uden indsats`,
  minPopulation: (n: number) => `mindst ${formatCount(n)} borgere pr. måned`,
  period: (label: string) => `periode ${label}`,
  asOf: (month: Month) => `opgjort pr. ${formatMonthShort(month)}`,
} as const;

/** The block a printed page starts with: parameters, data and the date of printing. */
export const PRINT_TEXT = {
  parameters: "Parametre:",
  data: "Data:",
  synthetic: "Syntetiske data (ikke rigtige tal fra Jobindsats)",
  live: "Jobindsats",
  fetched: (day: string) => `, hentet ${day}`,
  printed: (day: string) => `Udskrevet ${day}.`,
} as const;

/** The banner at the top of every page: which data is shown. */
export const BANNER_TEXT = {
  synthetic: "Syntetiske data.",
  syntheticDetail: "Tallene er genereret til demonstration og er ikke rigtige tal fra Jobindsats.",
  aboutData: "Om data",
  live: (day: string) => `Data fra Jobindsats, hentet ${day}.`,
  fetchFailed: (day: string) => `Hentningen fra Jobindsats ved bygningen ${day} gav fejl.`,
} as const;

/** The KPI cards on the overview. */
export const KPI_TEXT = {
  aria: "Antal kommuner pr. vurdering",
  noPrevious: "ingen tidligere periode i data",
  unchanged: (label: string) => `uændret siden ${label}`,
  changed: (delta: number, label: string) => `${delta > 0 ? "+" : "−"}${formatCount(Math.abs(delta))} siden ${label}`,
} as const;

/** The tile map of the 98 municipalities. */
export const TILEMAP_TEXT = {
  caption:
    "Hver kommune er ét felt, placeret efter sin beliggenhed, så også de små kommuner omkring København kan ses. " +
    "Klik på et felt for kommunens side.",
  /** The map's name with its counts: "…: 12 udpeget – handlekriteriet er opfyldt, …". */
  aria: (counts: readonly (readonly [StatusCode, number])[]) =>
    "Kort over Danmarks 98 kommuner som lige store felter, farvet efter vurdering: " +
    `${counts.map(([s, n]) => `${n} ${STATUS_LABELS[s].toLowerCase()}`).join(", ")}.`,
  tile: (name: string, code: string, status: StatusCode) => `${name} (${code}) — ${STATUS_LABELS[status]}`,
} as const;

/** One heatmap cell, as the tooltip and the live region say it. */
export interface HeatmapCellFacts {
  readonly name: string;
  readonly month: Month;
  readonly share: number | null;
  readonly population: number | null;
  readonly populationIsLowerBound: boolean;
  /** Whether the criterion is measured for the municipality at all. */
  readonly fed: boolean;
  readonly breach: boolean | null;
  readonly belowMinimum: boolean;
  readonly limit: number;
  readonly minPopulation: number;
}

/** The heatmap of shares without effort: its names, caption, legend and cell text. */
export const HEATMAP_TEXT = {
  roleDescription: "varmekort",
  windowMark: "periode",
  legendTitle: "Andel uden indsats",
  legendLimit: (limit: number) => `▲ grænse ${formatPercentParameter(limit)}`,
  legendBreach: "over grænsen",
  legendSmall: (minPopulation: number) => `færre end ${formatCount(minPopulation)} borgere`,
  legendUnknown: "ukendt / måles ikke",
  aria: (criterion: string, rows: number, months: number, limit: number) =>
    `Varmekort over andel uden indsats (${criterion}) for ${rows} kommuner og ${months} måneder. ` +
    `Grænsen er ${formatPercentParameter(limit)}. Tabellen over vurderinger nedenfor giver de samme kommuner i tekst.`,
  caption: (criterion: string, minPopulation: number) =>
    `Andel uden indsats pr. måned for ${criterion.toLowerCase()}. Den markerede periode er den, vurderingen bygger ` +
    "på; de foregående måneder er vist som baggrund. Et punkt markerer en måned over grænsen, en ring en måned med " +
    `færre end ${formatCount(minPopulation)} borgere; skraveret er ukendt. Klik på en kommune for detaljer. ` +
    "Med tastaturet: piletasterne flytter mellem kommuner og måneder og viser tallene, Enter åbner kommunens side.",
  /** "Allerød, okt. 2025: 22,0 % uden indsats (1.234 borgere); over grænsen på 20 %". */
  cell(c: HeatmapCellFacts): string {
    const population =
      c.population === null
        ? "borgere ukendt"
        : `${c.populationIsLowerBound ? "mindst " : ""}${formatCount(c.population)} borgere`;
    const verdict = !c.fed
      ? "kriteriet måles ikke for kommunen"
      : c.share === null
        ? "andel ukendt"
        : c.breach
          ? `over grænsen på ${formatPercentParameter(c.limit)}`
          : `ikke over grænsen på ${formatPercentParameter(c.limit)}`;
    const small = c.belowMinimum ? `; færre end ${formatCount(c.minPopulation)} borgere` : "";
    const share = c.share === null ? "andel uden indsats ukendt" : `${formatPercent(c.share)} uden indsats`;
    return `${c.name}, ${formatMonthShort(c.month)}: ${share} (${population}); ${verdict}${small}`;
  },
} as const;

/** The A/B comparison on /hvad-hvis. */
export const WHATIF_TEXT = {
  notAssessed: "ikke vurderet",
  notInEvaluation: "Kommunen indgår ikke i opgørelsen.",
  noCriterion: "Intet kriterium omfatter kommunen.",
  noFlips: "Ingen kommuner skifter vurdering mellem A og B.",
  underA: "Under A",
  underB: "Under B",
} as const;

/** The overview page (/): its answer, jump links and download line. */
export const OVERVIEW_TEXT = {
  noMonths: "ingen måneder",
  perGroup: "opgjort pr. ydelsesgruppe",
  flaggedHeading: (restoration: boolean) => (restoration ? "Ikke genoprettet" : "Udpegede kommuner"),
  heatmapHeading: (criterion: string) => `Varmekort: ${criterion}`,
  /** "12 af 98 kommuner er udpeget (handlekriteriet er opfyldt)". */
  answer: (n: number, total: number, restoration: boolean) =>
    restoration
      ? `${n} af ${total} kommuner har ikke genoprettet indsatsen`
      : `${n} af ${total} kommuner er udpeget (handlekriteriet er opfyldt)`,
  /** " efter opfølgningsmodellen, når 80 % skal have fået indsatsen." */
  answerRule: (rule: string, threshold: number) =>
    ` efter ${rule}, når ${formatPercentParameter(threshold)} skal have fået indsatsen.`,
  csvLine: " — én linje pr. kommune, kriterium og måned, med forklaringen.",
} as const;

/** The answer at the top of /varsling: the running window's counts, or the verdict once it is complete. */
export const VARSLING_TEXT = {
  /** "…: alle seks måneder er offentliggjort, så udsigten er selve vurderingen: 12 af 98 kommuner er udpeget. Se" */
  complete: (flagged: number, total: number) =>
    ` alle seks måneder er offentliggjort, så udsigten er selve vurderingen: ${flagged} af ${total} kommuner er ` +
    "udpeget. Se ",
  overview: "Overblik",
  completeTail: ", eller vælg en tidligere måned for at se, hvordan det så ud undervejs.",
  running: (atRisk: number, total: number, safe: number, noData: number) =>
    ` ${atRisk} af ${total} kommuner er i risiko for udpegning; ${safe} kan ikke blive udpeget, og ${noData} har ` +
    "ingen data endnu.",
} as const;

/** The control panel of the overview and the other pages with parameters. */
export const CONTROL_LABELS = {
  form: "Parametre",
  rulesAndPeriod: "Regler og periode",
  rules: "Regelsæt",
  period: "Periode",
  mode: "Opgørelse",
  parameters: "Parametre",
  threshold: "Tærskel: andel der skal have fået indsatsen",
  thresholdSlider: "Tærskel (skyder)",
  minPopulation: "Mindste antal borgere pr. måned",
  aggregation: "Opgørelse af kriterierne",
  exemptions: "Anvend undtagelser (vis kandidater som undtaget)",
  heatmap: "Varmekort",
  criterion: "Kriterium",
  sort: "Sortér kommuner efter",
  notStandardPeriod: (label: string) => `${label} (ikke en standardperiode)`,
  /** What the threshold means as a limit; the 2020 model states its limit, so "Svarer til grænsen: …". */
  thresholdHelp: (limit: number, restorationModel: boolean) =>
    `${restorationModel ? "Svarer til grænsen: en" : "En"} måned er over grænsen, når mere end ` +
    `${formatPercentParameter(limit)} er uden indsats.`,
} as const;

/** The aggregation as the control offers it. */
export const AGGREGATION_CHOICES: Readonly<Record<Aggregation, string>> = {
  overall: "Samlet (på tværs af ydelsesgrupper)",
  "per-group": "Pr. ydelsesgruppe",
};

/** The heatmap's sort orders. */
export const SORT_LABELS: Readonly<Record<"region" | "name" | "severity", string>> = {
  region: "Region",
  name: "Navn",
  severity: "Alvor (højeste andel uden indsats først)",
};

/** "Prøv selv: forklar en sag" on /regler (src/components/case-widget.ts). */
export const CASE_TEXT = {
  municipality: "Eksempelkommunen",
  check: "Tjek",
  thresholdPercent: "Tærskel: andel der skal have fået indsatsen (%)",
  limitPercent: "Grænse for andel uden indsats (%)",
  rules: "Regelsæt",
  criterion: "Kriterium",
  minPopulation: "Mindste antal borgere pr. måned",
  firstMonth: "Første måned",
  howToFill:
    "Skriv enten andelen uden indsats (fx 24,3) eller antallene (borgere og uden indsats) — eller begge; kendes " +
    "antallene, regnes der på dem. Et tomt felt betyder ukendt (i Jobindsats vist som ».«).",
  monthsRegion: "Sagens måneder",
  month: "Måned",
  population: "Borgere",
  without: "Uden indsats",
  sharePercent: "Andel uden indsats (%)",
  populationWord: "borgere",
  withoutWord: "uden indsats",
  fixFirst: "Ret felterne, før sagen kan vurderes:",
  thresholdRange: "Tærsklen skal være mellem 0 og 100.",
  limitRange: "Grænsen skal være mellem 0 og 100.",
  minPopulationInteger: "Mindste antal borgere skal være et helt tal ≥ 0.",
  noVerdict: "Ingen vurdering",
  wholeTrace: "Hele beregningsgrundlaget",
  typedIn: "indtastet i siden",
  populationField: (i: number) => `Borgere, måned ${i}`,
  withoutField: (i: number) => `Uden indsats, måned ${i}`,
  shareField: (i: number) => `Andel uden indsats, måned ${i}`,
  monthOf: (i: number, month: Month) => `Måned ${i} (${formatMonthLong(month)})`,
  notAMonth: (text: string) => `Første måned »${text}« er ikke en måned som 2025-01.`,
  unused: (rules: string, months: number) => `bruges ikke (${rules} vurderer ${months} måneder)`,
  notACount: (field: string, what: string, text: string) => `${field}, ${what}: »${text}« er ikke et helt tal ≥ 0.`,
  moreWithout: (field: string, without: number, population: number) =>
    `${field}: ${without} uden indsats er flere end ${population} borgere.`,
  notAShare: (field: string, text: string) =>
    `${field}, andel: »${text}« er ikke et tal mellem 0 og 100 (brug komma eller punktum).`,
  countsGive: (share: number) => `Antallene giver ${formatPercent(share)}; reglerne bruger antallene.`,
} as const;

/** The month-by-month tables of a verdict (trace view, flagged list, outlook). */
export const MONTH_TABLE = {
  month: "Måned",
  population: "Borgere",
  without: "Uden indsats",
  shareWithout: "Andel uden indsats",
  limit: "Grænse",
  overLimit: "Over grænsen",
  restoration: "Genopretning",
  source: "Kilde",
  unknown: "ukendt",
  breach: "● over grænsen",
  noBreach: "under grænsen",
  breachMark: "✖ over grænsen",
  noBreachMark: "✔ ikke over",
  restores: "✔ genopretter",
  notRestores: "✖ genopretter ikke",
  decidingMonth: "afgørende måned",
  atLeast: "mindst ",
  monthByMonth: "Måned for måned (◆ = afgørende måned)",
  monthByMonthOf: (criterion: string) => `Måned for måned: ${criterion}`,
  missingGroups: (groups: readonly string[]) => ` (mangler: ${groups.join(", ")})`,
} as const;

/** The trace view: the facts of a verdict beside its month table. */
export const TRACE_TEXT = {
  clause: "Afgørende regel",
  decidingMonths: "Afgørende måneder",
  limit: "Grænse",
  groups: "Grupper",
  caveats: "Forbehold",
  exemptionCandidates: "Undtagelseskandidater",
  none: "ingen",
  onlyFlagged: "kun relevant for udpegede kriterier",
  noRows: "Data har ingen rækker for kommunen i denne periode.",
  overallStatus: "Kommunens samlede status:",
  noCriterionData: " (intet kriterium har data)",
  json: "Beregningsgrundlaget som JSON (samme format som",
  jsonCommand: "tidlig-indsats evaluate --format json",
  windowLength: (actual: number, expected: number) => `: ${actual} måneder, normalt ${expected}`,
  limitFact: (limit: number, minPopulation: number) =>
    `over ${formatPercentParameter(limit)} uden indsats er over grænsen; mindst ${formatCount(minPopulation)} ` +
    "borgere pr. måned",
} as const;

/** The list of flagged municipalities on the overview. */
export const FLAGGED_TEXT = {
  exemptionCandidate: "Kandidat til undtagelse",
  monthFigures: "Månedstal",
  none: (restoration: boolean) =>
    `Ingen kommuner er ${restoration ? "uden genopretning" : "udpeget"} med disse parametre.`,
} as const;

/** The 2020 process on a municipality's page (src/components/timeline-view.ts). */
export const TIMELINE_TEXT = {
  noAssessment: "Data dækker ingen vurdering i genopretningsmodellens kalender.",
  stages: "Stadier",
  stripRegion: "Tidslinje (samme forløb som listen nedenfor)",
  finalStage: "Stadie efter sidste vurdering:",
  nextFollowUp: (month: Month) => `næste opfølgning ${formatMonthShort(month)}`,
} as const;

/** One assessment of the 2020 process as a sentence: what was judged, and what follows with its dates. */
export function timelineEventSentence(e: TimelineEvent): string {
  const window = formatMonthSpan(e.window);
  const when = formatMonthLong(e.assessment);
  const names = e.underRestoration.map(criterionLabel).join(", ");
  const next = formatMonthLong(e.nextAssessment);
  if (e.check === "trigger") {
    return e.stageAfter === "contacted"
      ? `${when}: udpeget på ${window} (${names}); kommunen får seks måneder til at genoprette indsatsen, ` +
          `næste opfølgning i ${next}.`
      : `${when}: ingen udpegning på ${window} (${STATUS_SHORT[e.outcome].toLowerCase()}).`;
  }
  const checked = e.criteria.map((c) => criterionLabel(c.criterion)).join(", ");
  const followUp = `${when}: opfølgning på genopretningen, ${window} (${checked})`;
  const mayor = "borgmesteren kan indkaldes til et møde med beskæftigelsesministeren.";
  switch (e.stageAfter) {
    case "closed":
      return `${followUp}: genoprettet; forløbet er afsluttet.`;
    case "plan-required": {
      // The plan is due 15 days after the letter; the next assessment is a follow-up, not its deadline.
      const plan = e.plan!;
      const due = plan.planDeadline
        ? `senest ${formatDateLong(plan.planDeadline)}`
        : `senest ${plan.planDueDays} dage efter brevets dato`;
      return (
        `${followUp}: ikke genoprettet; kommunen skal sende en redegørelse og en genopretningsplan for ` +
        `${plan.planCriteria.map(criterionLabel).join(", ")} ${due}; næste opfølgning i ${next} på ` +
        `${formatMonthSpanLong(e.nextWindow)}.`
      );
    }
    case "escalated":
      return e.stageBefore === "escalated"
        ? `${followUp}: fortsat ikke genoprettet; ${mayor}`
        : `${followUp}: fortsat ikke genoprettet efter planen; ${mayor}`;
    default:
      return (
        `${followUp}: kan ikke vurderes (${STATUS_SHORT[e.outcome].toLowerCase()}); stadiet ` +
        `»${STAGE_LABELS[e.stageAfter]}« fortsætter til næste vurdering.`
      );
  }
}

/** Table headings shared by the lists of municipalities and verdicts. */
export const TABLE_LABELS = {
  code: "Kode",
  municipality: "Kommune",
  region: "Region",
  amk: "AMK",
  verdict: "Vurdering",
  period: "Periode",
  theMunicipality: "Kommunen",
  criterion: "Kriterium",
  notMeasured: "Måles ikke",
} as const;

/** The table of every verdict on the overview, and its CSV link. */
export const VERDICT_TABLE_TEXT = {
  region: "Vurderinger pr. kommune",
  download: "Hent vurderingerne som CSV",
} as const;

/** Verdicts over time on a municipality's page, and the choice of the verdict shown. */
export const HISTORY_TEXT = {
  showVerdictFor: "Vis vurdering for",
  noPeriod: (rules: string) => `Data dækker ingen standardperiode i ${rules}.`,
  region: (rules: string) => `Vurderinger over tid, ${rules}`,
  municipalityCell: (period: string) => `${period}, kommunen`,
} as const;

/** Where a letter's figures come from, as the letter names them (src/components/letter.ts). */
export const LETTER_SOURCE_TEXT = {
  synthetic: "syntetiske data (ikke rigtige tal fra Jobindsats)",
  live: "Jobindsats.dk",
  upTo: (month: Month) => `tal til og med ${formatMonthLong(month)}`,
  fetched: (isoDate: string) => `hentet ${formatDateLong(isoDate)}`,
  table: "Tabel",
} as const;

/** The list of municipalities on /kommuner, and its search field. */
export const DIRECTORY_TEXT = {
  region: "Kommuner",
  searchPlaceholder: "Søg efter kommune eller kode …",
  search: "Søg",
  caption: (rules: string, period: string, shown: number, all: number) =>
    `${rules}, ${period}: ${shown} af ${all} kommuner`,
} as const;

/** The two measures as headings. */
export const MEASURE_TITLES: Readonly<Record<"samtaler" | "tilbud", string>> = {
  samtaler: "Samtaler",
  tilbud: "Tilbud",
};

/** The small multiples of a municipality's monthly shares (its own page). */
export const MULTIPLES_TEXT = {
  figuresBehind: "Tallene bag graferne",
  figuresSummary: "Tallene bag graferne (andel uden indsats; ✖ = over grænsen)",
  none: "Ingen måneder at vise for kommunen.",
  overLimitNote: " (over grænsen)",
  legendBefore: "Stiplet linje: grænsen.",
  legendAfter: (all: string) =>
    "= måned over grænsen. Grå streg ved aksen = ukendt andel (hul i kurven). Skygge = den valgte periode. " +
    `Fælles akse for alle grafer (${all.toLowerCase()} og de enkelte grupper).`,
  allGroups: (criterion: string) => `Alle ydelsesgrupper · ${criterion}`,
  total: (measure: string) => `I alt · ${measure}`,
  /** "Over grænsen på 20 % i to af seks måneder, ukendt i ingen; seneste kendte andel 22,0 % (dec. 2025)." */
  summary: (
    limit: number,
    breaches: number,
    months: number,
    unknown: number,
    last: { month: Month; share: number } | null,
  ) =>
    `Over grænsen på ${formatPercentParameter(limit)} ${monthsOfWindow(breaches, months)}, ukendt i ` +
    `${unknown === 0 ? "ingen" : formatCountWord(unknown)}` +
    (last ? `; seneste kendte andel ${formatPercent(last.share)} (${formatMonthShort(last.month)})` : "") +
    ".",
} as const;

/** The threshold sweep on /hvad-hvis; `what` is the counted noun ("udpegede kommuner"). */
export const SWEEP_TEXT = {
  threshold: "Tærskel",
  thresholdAxis: "Tærskel: andel der skal have fået indsatsen (%)",
  chosen: " (valgt)",
  count: (what: string) => `Antal ${what}`,
  chartName: (what: string) => `Antal ${what} efter tærskel`,
  chartDescription: (periods: number, current: string) =>
    `En kurve for hver af ${periods} perioder; ${current} er fremhævet. Tallene står i tabellen under diagrammet.`,
  atThreshold: (count: number, threshold: number) => `${formatCount(count)} ved ${formatPercentParameter(threshold)}`,
  table: (period: string, what: string) => `${period}: antal ${what} ved hver tærskel`,
} as const;

/** The reader's own data on /udforsk: reading it, and its verdicts. */
export const OWN_DATA_TEXT = {
  reading: (file: string, k: number, n: number) => `Læser ${file} (${k} af ${n})`,
  parsing: (file: string, k: number, n: number) => `Fortolker ${file} (${k} af ${n})`,
  merging: "Samler data",
  verdictsRegion: "Vurderinger af de indlæste data",
  restorationSummary: "genopretning:",
  verdictsFor: (label: string, rules: string, period: string) => `Vurderinger for ${label}: ${rules}, ${period}`,
  siteData: (synthetic: boolean, rules: string, period: string) =>
    `Forespørgslerne nedenfor bruger sidens data (${synthetic ? "syntetiske" : "fra Jobindsats"}) og vurderingerne ` +
    `for ${rules}, ${period}.`,
  loadingDuckDb: "Indlæser DuckDB …",
  duckDbReady: "DuckDB er klar.",
  explanation: "Forklaring",
  error: "fejl",
  warning: "advarsel",
  column: (name: string) => `kolonne «${name}»`,
  valueBefore: "værdi «",
  valueAfter: "»",
  pastePlaceholder:
    "Indsæt en eller flere tabeller fra Jobindsats (kopieret fra Excel) eller en lang CSV med kolonnerne " +
    "municipality_code, benefit_group, measure, month, …",
  loadPaste: "Indlæs indsat tekst",
  reset: "Brug sidens data igen",
  dropHere: "Slip filer her",
  or: "eller",
  chooseFiles: "vælg filer",
  dropHelp:
    "CSV/TSV i det kanoniske lange format eller tabeller eksporteret fra Jobindsats. Filerne læses kun i din " +
    "browser og sendes ingen steder hen.",
  pasteLabel: "Eller indsæt tabeller her:",
  notLoaded: (label: string) => `${label} blev ikke indlæst`,
  errorCount: (n: number) => `${formatCount(n)} fejl i input`,
  nothingLoaded: ". Intet er indlæst; siden viser stadig de tidligere data.",
  loaded: "Indlæst:",
  /** " — 1.234 celler, 2 kommuner, jan. 2025–jun. 2025. Data findes kun i denne fane." */
  loadedSummary: (label: string, cells: number, municipalities: number, first: Month | null, last: Month | null) =>
    `${label} — ${formatCount(cells)} celler, ${municipalitiesCount(municipalities)}` +
    (first && last ? `, ${formatMonthShort(first)}–${formatMonthShort(last)}` : "") +
    ". Data findes kun i denne fane.",
  warnings: (n: number) => `${formatCount(n)} advarsler`,
  starting: "Starter",
  done: "Færdig",
  stoppedUnexpectedly: "indlæsningen stoppede uventet",
  files: (n: number) => `${formatCount(n)} filer`,
  pasted: "Den indsatte tekst",
  pastedFile: "indsat",
  empty: "feltet er tomt",
} as const;

/** Parameters of the address that could not be used. */
export const STATE_NOTES_TEXT = {
  heading: "Nogle parametre i adressen kunne ikke bruges:",
} as const;

/** A date that is missing or unreadable. */
export const UNKNOWN_DATE = "ukendt dato";

/** The canonical columns of the long CSV, described for /data (docs/data-format.md §1). */
export const COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  municipality_code:
    "Officiel kommunekode med tre cifre, skrevet som tekst (101, 183, 860). En ukendt kode er en fejl.",
  municipality_name: "Kommunens navn, kun til orientering. Passer navnet ikke til koden, gives en advarsel.",
  benefit_group: "Ydelsesgruppens id (fx sygedagpenge, alle) eller Jobindsats' betegnelse (fx »Sygedagpenge«).",
  measure: "samtaler eller tilbud.",
  month: "Måned som ÅÅÅÅ-MM; Jobindsats' form 2022M09 accepteres også.",
  population: "Antal borgere med seks måneders ydelsesanciennitet i måneden: helt tal ≥ 0, tomt når ukendt.",
  without: "Antal af dem uden den krævede indsats: helt tal mellem 0 og population, tomt når ukendt.",
  share_without: "Andel uden indsats i procent, 0–100, med decimalpunktum eller -komma; tomt eller ».« når ukendt.",
};

/** The /data page: the file format table and the provenance of the data shown. */
export const PROVENANCE_TEXT = {
  formatRegion: "Filformatet",
  column: "Kolonne",
  required: "Skal udfyldes",
  content: "Indhold",
  yes: "ja",
  no: "nej",
  unknown: "ukendt",
  source: "Kilde",
  sourceSynthetic: "Syntetiske data (opfundne tal til demonstration)",
  sourceLive: "Jobindsats (STAR), hentet med API'et",
  file: "Fil",
  generator: "Generator",
  seed: "Seed",
  fetched: "Hentet",
  api: "API",
  months: "Måneder",
  monthSpan: (from: string, to: string) => `${from} til ${to}`,
  municipalities: "Kommuner",
  rows: "Rækker",
  rowsFact: (manifest: string, shown: string, ok: boolean) =>
    `${manifest} ifølge manifestet; ${shown} i den viste fil ${ok ? "✔" : "✖ stemmer ikke"}`,
  sha: "SHA-256",
  cannotVerify: "kan ikke efterprøves i denne browser",
  shaOk: "✔ stemmer med den viste fil",
  shaDiffers: "✖ den viste fil har",
  choice: "Datavalg",
  manifestJson: "Manifestet som JSON",
  liveChosen: "Øjebliksbilledet fra Jobindsats i data/jobindsats er gyldigt og bruges.",
  chosenSynthetic: "de syntetiske data er valgt udtrykkeligt ved bygningen",
  snapshotUnusable: "øjebliksbilledet fra Jobindsats i data/jobindsats kan ikke bruges (se byggeloggen)",
  noSnapshot: "der er intet øjebliksbillede fra Jobindsats i data/jobindsats",
  syntheticBecause: (why: string) => `Syntetiske data fra data/synthetic, fordi ${why}.`,
} as const;

/** The tables of /regler (src/components/rules-tables.ts): every figure in them comes from lib's constants. */
export const RULES_TEXT = {
  yes: "ja",
  no: "nej",
  table1Region: "Lovkrav pr. ydelsesgruppe",
  table1Caption: "Lovkrav i de første seks måneder pr. ydelsesgruppe",
  group: "Ydelsesgruppe (Jobindsats)",
  conversationsMinimum: "Samtaler, mindst",
  offerRequired: "Mindst ét aktivt tilbud",
  note: "Bemærkning",
  conversationsChange: (minimum: number, from: Month, changed: number) =>
    `${formatCount(minimum)}; fra ${formatMonthLong(from)}: ${formatCount(changed)}`,
  calendarExample: (months: readonly Month[], assessed: Month) =>
    ` — fx ${formatMonthSpan(months)}, vurderet i ${formatMonthShort(assessed)}`,
  parameter: "Parameter",
  standard: "Standard",
  threshold: "Tærskel: andel der skal have fået indsatsen",
  limit: "Grænse: andel uden indsats",
  minPopulation: "Mindste antal borgere pr. måned",
  windowMonths: "Måneder i en periode",
  aggregation: "Opgørelse",
  aggregationOverall: "samlet for kommunen (overall)",
  aggregationPerGroup: "pr. ydelsesgruppe (per-group)",
  applyExemptions: "Vis undtagelseskandidater som undtaget",
  restorationMonths: "Måneder til at genoprette (og højst til en plan)",
  source: (source: string) => `Kilde: ${source}.`,
  calendar: "Kalender",
  overallCriteria: "Handlekriterier (samlet opgørelse)",
  overallCriterion: (groups: string) => `: alle borgere i ${groups} lagt sammen.`,
  perGroupInstead: (n: number) =>
    `Med opgørelsen pr. ydelsesgruppe bruges i stedet de ${formatCountWord(n)} gruppekriterier fra ` +
    "genopretningsmodellen.",
  perGroupCriteria: "Handlekriterier (pr. gruppe)",
  perGroupCount: (all: number, conversations: number, offers: number, offerGroups: string) =>
    `${formatCount(all)} kriterier: ${conversations} for samtaler og ${offers} for tilbud (${offerGroups}).`,
  orderNotCovered: (min: number) =>
    `hvis en måned har et kendt antal borgere under ${formatCount(min)}. Kravet gælder kun, når der er mindst ` +
    `${formatCount(min)} borgere i hver måned.`,
  orderCompliant: (limit: number, threshold: number) =>
    `ellers: hvis bare én måned med kendt andel ikke ligger over grænsen (${formatPercentParameter(limit)} uden ` +
    `indsats ved en tærskel på ${formatPercentParameter(threshold)}). Præcis på grænsen er ikke over.`,
  orderInsufficient:
    "ellers: hvis en eller flere måneder mangler en andel. De kendte måneder ligger da alle over grænsen, så de " +
    "manglende kunne have afgjort sagen begge veje.",
  orderFlagged: "ellers: alle måneder i perioden ligger over grænsen.",
  exemptionSupervision:
    "— kommunen står på listen over kommuner under skærpet tilsyn i mindst én måned af perioden (listen " +
    "redigeres af brugeren:",
  exemptionTrend:
    "— andelen uden indsats falder fra hver måned til den næste gennem hele perioden (sammenlignet præcist på " +
    "antallene, hvor de kendes).",
  differencesRegion: "2020 og 2024 side om side",
  /** The rows of the 2020 ↔ 2024 table: [what, 2024 model, 2020 model]. */
  differences(
    f: { windowMonths: number; threshold: number; minPopulation: number },
    r: { windowMonths: number; limit: number; minPopulation: number; restorationMonths: number },
    overallCriteria: number,
    perGroupCriteria: number,
    calendars: { followUp: string; restoration: string },
  ): [string, string, string][] {
    return [
      [
        "Kriterier",
        `${formatCountWord(overallCriteria)}: samtaler og tilbud for kommunen som helhed`,
        `${formatCount(perGroupCriteria)}: hver ydelsesgruppe og indsats for sig`,
      ],
      ["Periode", `${formatCountWord(f.windowMonths)} måneder (halvår)`, `${formatCountWord(r.windowMonths)} måneder`],
      ["Kalender", calendars.followUp, calendars.restoration],
      [
        "En måned over grænsen",
        `mere end ${formatPercentParameter(100 - f.threshold)} uden indsats (under ` +
          `${formatPercentParameter(f.threshold)} fik den)`,
        `mere end ${formatPercentParameter(r.limit)} uden indsats`,
      ],
      [
        "Mindste antal borgere",
        `${formatCount(f.minPopulation)} i hver måned`,
        `${formatCount(r.minPopulation)} i hver måned`,
      ],
      ["Udpeget når", "alle måneder i perioden er over grænsen", "alle måneder i perioden er over grænsen"],
      ["Undtagelser", "kandidater: skærpet tilsyn, konstant positiv udvikling", "ingen"],
      [
        "Hvad sker der",
        "AMK kontakter kommunen og tilbyder faglig bistand; ingen skriftlig redegørelse",
        `henvendelse og ${formatCountWord(r.restorationMonths)} måneder til at genoprette; derefter redegørelse og ` +
          "genopretningsplan; lykkes genopretningen ikke, kan borgmesteren indkaldes til ministermøde",
      ],
      [
        "Genoprettet",
        "–",
        `mindst én måned under ${formatPercentParameter(r.limit)} (præcis ${formatPercentParameter(r.limit)} ` +
          `genopretter ikke) eller under ${formatCount(r.minPopulation)} borgere`,
      ],
    ];
  },
} as const;

/** The SQL explorer on /udforsk (the example queries' SQL stays with them: it is code). */
export const SQL_TEXT = {
  exampleFlaggedByRegion: "Udpegede kommuner pr. region",
  exampleOneMunicipality: "Andel uden indsats over tid for én kommune",
  exampleExactlyTwenty: `Måneder med præcis ${formatPercent(20)} uden indsats`,
  exampleAverage: "Gennemsnitlig andel uden indsats pr. måned",
  exampleCriteria: "Kriterier og vurderinger i perioden",
  chartName: (y: string, x: string) => `Diagram af ${y} efter ${x}`,
  chartDescription: "Tallene står i tabellen ovenfor.",
  resultRegion: "Resultatet af forespørgslen",
  example: "Eksempel",
  examples: "Eksempler",
  chooseExample: "Vælg et eksempel …",
  query: "SQL-forespørgsel",
  run: "Kør forespørgsel",
  running: "Kører …",
  /** "12 rækker på 4 ms (viser de første 500)." */
  done: (rows: number, ms: number, shown: number) =>
    `${countOf(rows, "række", "rækker")} på ${formatCount(ms)} ms` +
    (rows > shown ? ` (viser de første ${formatCount(shown)})` : "") +
    ".",
  download: "Hent resultatet som CSV",
  downloadFile: "forespoergsel.csv",
  quickChart: "Hurtigt diagram: første talkolonne mod første tekstkolonne.",
  failed: "DuckDB kunne ikke køre forespørgslen:",
} as const;

/** The page of draft letters, /breve. */
export const LETTERS_PAGE_TEXT = {
  showing: "Viser brevet til",
  showAll: (n: number) => `Vis alle ${countOf(n, "brev", "breve")}`,
  notInData: "ikke i data",
  noLetter: (name: string, period: string, status: string) =>
    `Vurderingen af ${name} i ${period} (${status}) lægger ikke op til et brev.`,
  /** After the count in bold: " breve for 2. halvår 2025." */
  count: (n: number, period: string) => ` ${n === 1 ? "brev" : "breve"} for ${period}.`,
  print: "Udskriv (ét brev pr. side)",
  /** "Grundlag: Opfølgningsmodellen (2024), 2. halvår 2025, tærskel 80 %, mindst 10 borgere pr. måned. Data: …." */
  basis: (rules: string, period: string, threshold: number, min: number, synthetic: boolean) =>
    `Grundlag: ${rules}, ${period}, ${PARAMETER_TEXT.threshold(threshold)}, ${PARAMETER_TEXT.minPopulation(min)}. ` +
    `Data: ${synthetic ? "syntetiske" : "Jobindsats"}.`,
} as const;

/** /hvad-hvis: the threshold sweep's range and answer, and the A/B comparison. */
export const WHATIF_PAGE_TEXT = {
  from: "Fra (%)",
  to: "Til (%)",
  step: "Trin (procentpoint)",
  flagged: "udpegede kommuner",
  notRestored: "kommuner, der ikke har genoprettet",
  rangeUnusable:
    `Intervallet kunne ikke bruges (skriv tal mellem 0 og 100, trin over 0 og højst 1.000 tærskler); viser ` +
    `50–100\u00a0% i trin på 0,5.`,
  atThreshold: (threshold: number) => `Ved tærsklen ${formatPercentParameter(threshold)} er der`,
  /** " udpegede kommuner i 2. halvår 2025 (Opfølgningsmodellen). Fra 50 % til 100 % spænder tallet fra 3 til 60." */
  sweepAnswer: (what: string, period: string, rules: string, from: number, to: number, min: number, max: number) =>
    ` ${what} i ${period} (${rules}). Fra ${formatPercentParameter(from)} til ${formatPercentParameter(to)} spænder ` +
    `tallet fra ${formatCount(min)} til ${formatCount(max)}.`,
  sweepLegend: (period: string) =>
    `Den tykke linje er ${period}; de tynde linjer er de øvrige perioder i data. Den stiplede lodrette linje er den ` +
    "valgte tærskel.",
  /** "A: Opfølgningsmodellen (2024), 2. halvår 2025, tærskel 80 %, mindst 10 borgere, samlet". */
  describe: (rules: string, period: string, threshold: number, min: number, variant: string) =>
    `${rules}, ${period}, ${PARAMETER_TEXT.threshold(threshold)}, mindst ${formatCount(min)} borgere${variant}`,
  overall: ", samlet",
  perGroup: ", pr. ydelsesgruppe",
  restoration: ", genopretning",
  /** After the count in bold: " kommuner skifter vurdering. A udpeger 12, B udpeger 9." */
  flips: (n: number, a: number, b: number) =>
    ` ${n === 1 ? "kommune skifter" : "kommuner skifter"} vurdering. A udpeger ${formatCount(a)}, B udpeger ` +
    `${formatCount(b)}.`,
} as const;

/** The site's name, as page titles end. */
export const SITE_NAME = "Tidlig indsats";

/** A municipality's page, /kommune/CODE. */
export const MUNICIPALITY_PAGE_TEXT = {
  title: (name: string) => `${name} – ${SITE_NAME}`,
  fallbackName: (code: string) => `Kommune ${code}`,
  exemptionsApplied: ", undtagelser anvendt",
  noData: "Ingen data",
  noCriterionRows: "Data har ingen rækker, der indgår i et kriterium for kommunen.",
  parameters: "Parametre:",
  seeTrace: "Se hele beregningsgrundlaget",
  printData: (synthetic: boolean) => `Data: ${synthetic ? "syntetiske" : "Jobindsats"}; parametre som ovenfor.`,
  letter: (officialName: string) => `Udkast til brev til ${officialName}`,
  backToOverview: "Tilbage til overblikket med samme indstillinger",
  noOutlook: "Ingen data.",
  allOnVarsling: (window: string, asOf: Month) => `Alle kommuner i ${window} pr. ${formatMonthShort(asOf)} på Varsling`,
  driversHeading: "Hvilke ydelsesgrupper bærer overskridelsen?",
  driversHelp:
    "For hver ydelsesgruppe: borgere uden indsats ud over grænsen, lagt sammen over de offentliggjorte måneder " +
    "(negativ = under grænsen).",
  driversTitle: (criterion: string) => `${criterion}: ydelsesgrupper over og under grænsen`,
  noDrivers: "Ingen ydelsesgruppe har hele tal i perioden.",
  benchmarksHeading: "Sammenlignet med landet, regionen og AMK-området",
} as const;

/** The downloads on /data. */
export const DATA_PAGE_TEXT = {
  measurements: "Målinger (measurements.csv)",
  measurementsNote: (synthetic: boolean) =>
    ` — ${synthetic ? "de syntetiske data" : "de hentede Jobindsats-data"}, der vises på siderne, i formatet nedenfor.`,
  ishoej: "Ishøj, september–november 2022 (ishoej-2022-09-11.csv)",
  ishoejNote:
    " — de rigtige tal fra STAR's brev til Ishøj Kommune af 20. februar 2023; kun andele, ingen antal. Kan lægges " +
    "ind på Udforsk eller gives til CLI'en.",
  municipalities: "Kommuner (municipalities.csv)",
  municipalitiesNote: " — kode, navn, region, AMK og omtrentligt midtpunkt for de 98 kommuner.",
  unknown: "ukendt",
} as const;
