/**
 * Danish wording for the parts of a trace that lib keeps as codes (clauses, month sources,
 * caveats), and short names for criteria and statuses in compact tables. Words only: every
 * decision comes from lib's trace.
 */
import {
  BENEFIT_GROUPS,
  CAVEAT_PHRASES,
  CRITERION_LABELS,
  STATUS_LABELS,
  type Clause,
  type CriterionStatus,
  type MonthSource,
} from "./_gen/tidlig.js";

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

export const SOURCE_LABELS: Readonly<Record<MonthSource, string>> = {
  row: "gruppens egen række",
  "alle-row": "rækken »Ydelsesgrupper i alt«",
  sum: "summen af grupperne",
  "partial-sum": "delvis sum (grupper uden optælling)",
  none: "ingen række",
};

export const CAVEAT_LABELS: Readonly<Record<string, string>> = {
  "population-unknown": "Antal borgere ukendt",
  "partial-aggregate": "Samlet tal kun delvist",
  "window-length": "Afvigende periodelængde",
  ...CAVEAT_PHRASES,
};

/** Short status words for compact table cells (the full label goes in the title). */
export const STATUS_SHORT: Readonly<Record<CriterionStatus, string>> = {
  flagged: "Udpeget",
  compliant: "Lever op",
  "not-covered": "Ikke omfattet",
  "insufficient-data": "Utilstr. data",
  exempted: "Undtaget",
  restored: "Genoprettet",
  "not-restored": "Ikke genoprettet",
  "not-under-restoration": "Ikke under genopr.",
};

export { STATUS_LABELS };

const GROUP_LABEL = new Map(BENEFIT_GROUPS.map((g) => [g.id as string, g.label]));
const MEASURE_WORD: Readonly<Record<string, string>> = { samtaler: "samtaler", tilbud: "tilbud" };

/** "Samtaler (mindst 4)" for an overall criterion, "Sygedagpenge · samtaler" for a group's own. */
export function criterionName(id: string): string {
  const overall = CRITERION_LABELS[id];
  if (overall) return overall;
  const [group, measure] = id.split(":");
  return `${GROUP_LABEL.get(group ?? "") ?? group} · ${MEASURE_WORD[measure ?? ""] ?? measure}`;
}

/** A group's label from its id ("alle" → "Alle ydelsesgrupper"). */
export function groupName(id: string): string {
  return id === "alle" ? "Alle ydelsesgrupper" : (GROUP_LABEL.get(id) ?? id);
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
