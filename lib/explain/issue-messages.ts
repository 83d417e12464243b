/**
 * Danish texts for the importer's messages, for the browser (the CLI keeps its English). Every
 * issue gets its code where it is created (InputIssue.code); here each code has the pattern of its
 * English wording, from which the figures are taken, and a Danish text with the same figures. The
 * importer keeps one source of messages; this module is the only place that knows how each one
 * reads in Danish. A message whose wording does not fit its code falls back to a Danish generic
 * text — never to English (a test feeds every importer message through this and requires a fit).
 */
import type { InputIssue, IssueCode } from "../domain/issues.ts";
import { formatCount } from "./format.ts";

export type { IssueCode } from "../domain/issues.ts";

/** "must not be negative" and its siblings (count and share problems), in Danish. */
const PROBLEMS: readonly [RegExp, string][] = [
  [/^must not be negative$/, "må ikke være negativt"],
  [
    /^must be a whole number \(no decimals or thousands separators\)$/,
    "skal være et helt tal (uden decimaler og tusindtalspunktum)",
  ],
  [/^is too large$/, "er for stort"],
  [/^is not a whole number$/, "er ikke et helt tal"],
  [/^must be a share from 0 to 100, not negative$/, "skal være en andel fra 0 til 100, ikke negativ"],
  [/^is not a share from 0 to 100 \(thousands separators\?\)$/, "er ikke en andel fra 0 til 100 (tusindtalspunktum?)"],
  [
    /^has too many digits to be kept exactly \(at most 15\)$/,
    "har for mange cifre til at blive gemt nøjagtigt (højst 15)",
  ],
  [/^is not a number/, "er ikke et tal (forventet en andel fra 0 til 100, fx 45,5; tom eller . når den er ukendt)"],
  [/^is above 100/, "er over 100 (en andel er en procentdel fra 0 til 100)"],
];

function problem(text: string): string {
  for (const [re, da] of PROBLEMS) if (re.test(text.trim())) return da;
  return "har en ugyldig værdi";
}

/** "; did you mean "X"?" → " Mente du »X«?" */
function hint(rest: string): string {
  const m = /did you mean "([^"]+)"/.exec(rest);
  return m ? ` Mente du »${m[1]}«?` : "";
}

const n = (s: string | undefined) => formatCount(Number(s));

type Rule = readonly [IssueCode, RegExp, (m: RegExpExecArray, issue: DanishIssueInput) => string];

/** What the Danish text of an issue is made from. */
export type DanishIssueInput = Pick<InputIssue, "code" | "message" | "severity"> & Partial<Pick<InputIssue, "value">>;

const RULES: readonly Rule[] = [
  [
    "empty-file",
    /^the file is empty; expected a header line: (.+)$/,
    (m) => `Filen er tom. Første linje skal være overskrifterne: ${m[1]}.`,
  ],
  [
    "duplicate-column",
    /^column "(.+)" appears twice in the header \(also column (\d+)\)/,
    (m) => `Kolonnen »${m[1]}« står to gange i overskriften (også i kolonne ${m[2]}).`,
  ],
  [
    "missing-column",
    /^required column "(.+?)" is missing from the header/,
    (m) => `Den påkrævede kolonne »${m[1]}« mangler i overskriften.`,
  ],
  [
    "ignored-columns",
    /^ignoring columns? not in the canonical format: (.+)$/,
    (m) => `Kolonner, som ikke hører til standardformatet, springes over: ${m[1]}.`,
  ],
  [
    "field-count",
    /^expected (\d+) fields as in the header, found (\d+)(.*)$/,
    (m) =>
      `Linjen har ${n(m[2])} felter, men overskriften har ${n(m[1])}.` +
      (/decimal comma/.test(m[3] ?? "")
        ? ' Et decimalkomma i en kommasepareret fil skal stå i anførselstegn, fx "45,5".'
        : "") +
      (/seems to use ","/.test(m[3] ?? "")
        ? " Overskriften har et andet skilletegn end denne linje, som bruger komma."
        : ""),
  ],
  [
    "unknown-municipality",
    /^unknown municipality(?: code)? "([^"]*)"(.*)$/,
    (m) =>
      `Ukendt kommune »${m[1]}«.${hint(m[2] ?? "")}` +
      (/line above the table/.test(m[2] ?? "") ? " Linjen over tabellen skal nævne kommunen." : ""),
  ],
  [
    "unknown-group",
    /^unknown benefit group "([^"]*)"(.*)$/,
    (m) => `Ukendt ydelsesgruppe »${m[1]}«.${hint(m[2] ?? "")}`,
  ],
  [
    "unknown-measure",
    /^unknown measure "([^"]*)"(.*)$/,
    (m) => `Ukendt indsats »${m[1]}«; den skal være samtaler eller tilbud.${hint(m[2] ?? "")}`,
  ],
  [
    "bad-month",
    /^"(.*)" is not a month/,
    (m) => `»${m[1]}« er ikke en måned; skriv ÅÅÅÅ-MM (2022-09) eller ÅÅÅÅMmm (2022M09).`,
  ],
  [
    "bad-population",
    /^population (.+); expected a whole number/,
    (m) => `Antal borgere ${problem(m[1]!)}; det skal være et helt tal på mindst 0 eller tomt, når det er ukendt.`,
  ],
  [
    "bad-without",
    /^without (.+); expected a whole number/,
    (m) => `Antal uden indsats ${problem(m[1]!)}; det skal være et helt tal på mindst 0 eller tomt, når det er ukendt.`,
  ],
  [
    "without-above-population",
    /^without \((\d+)\) is larger than population \((\d+)\)/,
    (m) => `Antal uden indsats (${n(m[1])}) er større end antal borgere (${n(m[2])}); det tæller borgere blandt dem.`,
  ],
  [
    "share-without-population",
    /^share_without is given but population is 0/,
    () => "Der er angivet en andel, men antal borgere er 0, så der er ingen andel. Lad andelen stå tom.",
  ],
  [
    "share-disagrees",
    /^share_without (\S+) does not agree with without\/population = (\d+)\/(\d+) = (\S+) % \(a share published with (\d+) decimals? may differ by at most ±(\S+)\)/,
    (m) =>
      `Andelen ${m[1]!.replace(".", ",")} passer ikke med antal uden indsats / antal borgere = ${n(m[2])}/${n(m[3])} = ` +
      `${m[4]!.replace(".", ",")}\u00a0% (en andel med ${m[5]} decimal${m[5] === "1" ? "" : "er"} må højst afvige ±${m[6]!.replace(".", ",")}).`,
  ],
  ["bad-share", /^share(?:_without)? "([^"]*)" (.+)$/, (m) => `Andelen »${m[1]}« ${problem(m[2]!)}.`],
  ["too-many-rows", /^too many rows: at most (\d+)/, (m) => `For mange rækker: højst ${n(m[1])} rækker kan læses.`],
  [
    "name-mismatch",
    /^municipality_name "(.*?)" (?:is the name of (.*?), not of|does not match code) (\d+) \((.*?)\); the code is used/,
    (m) =>
      `Kommunenavnet »${m[1]}« passer ikke til koden ${m[3]} (${m[4]})` +
      (m[2] ? `; det er navnet på ${m[2]}` : "") +
      ". Koden bruges.",
  ],
  [
    "duplicate-row",
    /^duplicate(?: row)?: municipality (\d+), (\S+), (\S+), (\S+) is already given on line (\d+)/,
    (m) => `Dobbelt række: kommune ${m[1]}, ${m[2]}, ${m[3]}, ${m[4]} står allerede på linje ${m[5]}.`,
  ],
  [
    "duplicate-across-inputs",
    /^duplicate cell across inputs: municipality (\d+), (\S+), (\S+), (\S+) is given both in (.+) and in (.+)$/,
    (m) => `Samme tal to steder: kommune ${m[1]}, ${m[2]}, ${m[3]}, ${m[4]} står både i ${m[5]} og i ${m[6]}.`,
  ],
  [
    "no-data-rows",
    /^the file has a header but no data rows/,
    () => "Filen har en overskrift, men ingen rækker med tal.",
  ],
  [
    "unclosed-quote",
    /^a quoted field is never closed/,
    () => "Et felt i anførselstegn bliver aldrig lukket (det afsluttende anførselstegn mangler).",
  ],
  [
    "not-utf8",
    /^the file is not valid UTF-8/,
    () =>
      "Filen er ikke gyldig UTF-8 og er læst som Windows-1252 (sådan gemmer dansk Excel). Kontrollér, at æ, ø og å ser rigtige ud.",
  ],
  [
    "not-required",
    /does not require "(.+?)" for benefit group "(.+?)"; (\d+) such rows? (?:is|are) kept/,
    (m) =>
      `Reglerne kræver ikke ${m[1]} for ydelsesgruppen ${m[2]}; ` +
      `${m[3] === "1" ? "rækken beholdes" : `de ${n(m[3])} rækker beholdes`}, men indgår ikke i vurderingen.`,
  ],
  [
    "more-of-kind",
    /^… and ([\d,]+) more of the same kind$/,
    (m) => `… og ${n(m[1]!.replace(/,/g, ""))} mere af samme slags.`,
  ],
  [
    "cannot-read",
    /^cannot read the file: (.+)$/,
    (m) => (m[1] === "no such file" ? "Filen findes ikke." : "Filen kan ikke læses."),
  ],
  [
    "too-many-errors",
    /^stopped after (\d+) errors/,
    (m) => `Stoppede efter ${n(m[1])} fejl; resten af filen er ikke kontrolleret.`,
  ],
  [
    "wide-no-measure-line",
    /^no line naming the measure above the months/,
    () =>
      "Der mangler en linje over månederne, som siger, hvad tabellen viser (fx »… færre end 4 samtaler« eller »… ikke har fået 1 tilbud«).",
  ],
  [
    "wide-ambiguous-measure",
    /^the line "(.*)" names (both conversations|neither samtaler)/,
    (m) => `Linjen »${m[1]}« siger ikke entydigt, om tabellen viser samtaler eller tilbud.`,
  ],
  [
    "wide-share-who-got",
    /^the line "(.*)" does not say "ikke", "færre end" or "uden"/,
    (m) => `Linjen »${m[1]}« ser ud til at vise andelen, der fik indsatsen; værktøjet læser andelen uden indsats.`,
  ],
  [
    "wide-no-municipality-line",
    /^no line naming the municipality above the table/,
    () => "Der mangler en linje over tabellen med kommunens navn (fx »Ishøj«).",
  ],
  [
    "wide-duplicate-month",
    /^month (\S+) appears twice in the header \(also column (\d+)\)/,
    (m) => `Måneden ${m[1]} står to gange i overskriften (også i kolonne ${m[2]}).`,
  ],
  [
    "wide-too-many-values",
    /^more values than months in the header/,
    () => "Rækken har flere tal, end der er måneder i overskriften.",
  ],
  ["wide-no-rows", /^the table has no rows below its months/, () => "Tabellen har ingen rækker under månederne."],
  [
    "no-table",
    /^no table found/,
    () =>
      "Der blev ikke fundet nogen tabel. Forventet er enten den lange CSV (overskrift " +
      "»municipality_code,benefit_group,measure,month,…«) eller en tabel fra Jobindsats med en linje af måneder som »September 2022«.",
  ],
  [
    "supervision-field-count",
    /^expected 3 fields, found (\d+)/,
    (m) => `Linjen skal have 3 felter, men har ${n(m[1])}.`,
  ],
  ["supervision-header", /^the header must be (.+)$/, (m) => `Overskriften skal være ${m[1]}.`],
  [
    "supervision-unknown-municipality",
    /^unknown municipality code$/,
    (_m, issue) => `Ukendt kommunekode${issue.value ? ` »${issue.value}«` : ""}.`,
  ],
  ["supervision-bad-month", /^not a month \(YYYY-MM\)/, () => "Ikke en måned (ÅÅÅÅ-MM)."],
  ["supervision-ends-before-start", /^ends before it starts \((.+)\)/, (m) => `Slutter, før den begynder (${m[1]}).`],
];

const RULE_OF = new Map(RULES.map((r) => [r[0], r]));

/** The codes that have a Danish text (a test holds them equal to ISSUE_CODES). */
export const DANISH_ISSUE_CODES: readonly IssueCode[] = RULES.map((r) => r[0]);

/** The code of an issue (given where it was created). */
export function issueCode(issue: Pick<InputIssue, "code">): IssueCode {
  return issue.code;
}

/** Whether the issue's wording fits its code, so that its Danish text has the message's figures. */
export function hasDanishText(issue: Pick<InputIssue, "code" | "message">): boolean {
  return RULE_OF.get(issue.code)?.[1].test(issue.message) ?? false;
}

/** The importer message in Danish, with the same figures. */
export function danishIssueMessage(issue: DanishIssueInput): string {
  const rule = RULE_OF.get(issue.code);
  const m = rule?.[1].exec(issue.message);
  if (rule && m) return rule[2](m, issue);
  return issue.severity === "error" ? "Værdien kan ikke læses." : "Bemærk værdien.";
}
