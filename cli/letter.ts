/** `tidlig-indsats letter`: the draft letter to one municipality, from the same generator as /breve. */
import { basename, resolve } from "node:path";
import { evaluate } from "../lib/rules/evaluate.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { municipalityByCode, municipalityCodeByName } from "../lib/domain/municipalities.ts";
import { formatIssue } from "../lib/domain/issues.ts";
import { formatMonthLong } from "../lib/explain/format.ts";
import { SYNTHETIC_BANNER } from "../lib/explain/labels.ts";
import { isIsoDate } from "../lib/rules/calendar.ts";
import {
  LETTER_KIND_CHOICES,
  chooseLetterKind,
  letterDocument,
  letterFor,
  letterKindFor,
  letterText,
} from "../lib/view/letters.ts";
import { EXIT_OK, UsageError, type CliIo } from "./io.ts";
import { loadInputs, isSyntheticFile } from "./inputs.ts";
import { evaluationRequestFromOptions } from "./evaluate.ts";
import { choiceOption } from "./options.ts";

export const LETTER_HELP = `Usage: tidlig-indsats letter --input FILE … --rules R --period P --municipality CODE [options]

Prints the draft letter to one municipality (the same generator as the site's /breve): the
henvendelse of the 2024 model, or the 2020 model's henvendelse, manglende genopretning or
genoprettet. Fields the data cannot know stay as [placeholders] unless given.

  --input FILE          measurements (repeatable), as for evaluate
  --rules ID            opfoelgning-2024 (default) | genopretning-2020
  --period PERIOD       the window the letter is about: 2025H1 or 2022-09..2022-11
  --mode MODE           genopretning-2020: trigger (default) | restoration
                        (restoration is the default with --kind manglende-genopretning or genoprettet)
  --criteria LIST       restoration: the criteria under restoration, e.g. sygedagpenge:samtaler,dagpenge:tilbud
  --municipality CODE   the municipality's code (183) or name (Ishøj)
  --kind KIND           auto (default: follows the verdict) | henvendelse | manglende-genopretning | genoprettet
  --letter-date DATE    the letter's date, YYYY-MM-DD (sets the plan deadline: letter date + 15 days)
  --contact-date DATE   the date of the earlier henvendelse, YYYY-MM-DD (2020 follow-up letters)
  --salutation NAME     the addressee's first name in "Kære …"
  --signatory NAME      the name under "Med venlig hilsen"
  --title TITLE         the signatory's title
  --jnr J.NR.           STAR's case number
  --format F            text (default) | html (a whole printable document)
  --threshold, --limit, --min-population, --aggregation, --supervision, --apply-exemptions
                        as for evaluate

A municipality whose verdict calls for no letter (of the kind asked for) gives exit 0, a one-line
note on stderr and nothing on stdout. Exit codes: 0 success, 1 invalid input, 2 wrong usage.
`;

/** Options only this command has; the rest are evaluate's and are checked there. */
const OWN = [
  "municipality",
  "kind",
  "letter-date",
  "contact-date",
  "salutation",
  "signatory",
  "title",
  "jnr",
  "format",
] as const;
type Own = (typeof OWN)[number];

function splitArgs(args: string[]): { own: Partial<Record<Own, string>>; rest: string[] } {
  const own: Partial<Record<Own, string>> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = m?.[1] as Own | undefined;
    if (!m || !name || !OWN.includes(name)) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith("--")))
      throw new UsageError(`--${name} needs a value`);
    if (own[name] !== undefined) throw new UsageError(`--${name} is given twice`);
    own[name] = value;
  }
  return { own, rest };
}

function dateOption(name: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!isIsoDate(text)) throw new UsageError(`--${name} must be a date YYYY-MM-DD (got "${text}")`);
  return text;
}

export async function runLetter(args: string[], io: CliIo): Promise<number> {
  const { own, rest } = splitArgs(args);
  const kindChoice = choiceOption("kind", own.kind, LETTER_KIND_CHOICES) ?? "auto";
  const format = choiceOption("format", own.format, ["text", "html"] as const) ?? "text";
  const letterDate = dateOption("letter-date", own["letter-date"]);
  const contactDate = dateOption("contact-date", own["contact-date"]);
  if (!own.municipality) throw new UsageError("--municipality CODE is required");
  const code = municipalityByCode(own.municipality.trim())
    ? own.municipality.trim()
    : municipalityCodeByName(own.municipality);
  const municipality = code ? municipalityByCode(code) : undefined;
  if (!code || !municipality) throw new UsageError(`unknown municipality "${own.municipality}"`);
  const followUpKind = kindChoice === "manglende-genopretning" || kindChoice === "genoprettet";
  const hasMode = rest.some((a) => a === "--mode" || a.startsWith("--mode="));
  const { request, inputs, supervisionFile } = evaluationRequestFromOptions(
    followUpKind && !hasMode ? [...rest, "--mode", "restoration"] : rest,
  );
  if (supervisionFile) throw new UsageError("--supervision is not used by letter (a letter is written per verdict)");

  const { measurements, synthetic } = loadInputs(inputs, io.cwd);
  for (const w of measurements.warnings) io.stderr(`${formatIssue(w)}\n`);
  const index = new MeasurementIndex(measurements);
  const evaluation = evaluate(index, request);
  const verdict = evaluation.municipalities.find((m) => m.code === code);
  if (!verdict) {
    io.stderr(`note: ${municipality.officialName} (${code}) is not in the input; no letter\n`);
    return EXIT_OK;
  }
  const kind = chooseLetterKind(kindChoice, evaluation, verdict);
  if (!kind) {
    const natural = letterKindFor(evaluation, verdict);
    const why =
      natural && kindChoice !== "auto"
        ? `its verdict calls for a ${natural} letter, not ${kindChoice}`
        : `its verdict (${verdict.status}) calls for no letter`;
    io.stderr(`note: no letter for ${municipality.officialName} (${code}) in ${evaluation.period}: ${why}\n`);
    return EXIT_OK;
  }
  const files = inputs.map((f) => basename(resolve(io.cwd, f))).join(", ");
  const anySynthetic = synthetic || inputs.some((f) => isSyntheticFile(resolve(io.cwd, f)));
  const letter = letterFor(
    verdict,
    municipality,
    evaluation,
    {
      letterDate,
      contactDate,
      salutation: own.salutation ?? null,
      signatory: own.signatory ?? null,
      title: own.title ?? null,
      jnr: own.jnr ?? null,
      source: anySynthetic ? `syntetiske data (ikke rigtige tal fra Jobindsats), filen ${files}` : `filen ${files}`,
      dataDate: index.lastMonth ? `tal til og med ${formatMonthLong(index.lastMonth)}` : null,
      synthetic: anySynthetic,
      cells: index,
    },
    kind,
  )!;
  if (anySynthetic) io.stderr(`note: ${SYNTHETIC_BANNER}\n`);
  io.stdout(format === "html" ? letterDocument(letter) : letterText(letter));
  return EXIT_OK;
}
