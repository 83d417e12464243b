/**
 * The official-language check shared by the CLI and page tests: the words the kit must never use
 * where a Danish reader sees text, number agreement, and rule codes leaking into Danish text.
 */
import { RULE_CODE_PHRASES } from "../../lib/explain/labels.ts";

/** Terms from the "never" column of the project's language rules (docs/decisions.md, "Language"). */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/\budløs(ning|t|te)\b/i, "Udløsning/udløst (use Udpegning)"],
  [/\bbrud\b/i, "brud (use over grænsen / overskridelse)"],
  [/lever op til kravet/i, "Lever op til kravet (use Ikke udpeget)"],
  [/ikke omfattet af kravet/i, "ikke omfattet af kravet (use Ikke omfattet af handlekriteriet)"],
  [/utilstrækkelige data/i, "Utilstrækkelige data (use Kan ikke vurderes)"],
  [/stadig forbedring/i, "stadig forbedring (use konstant positiv udvikling)"],
  [/genopretningstjek/i, "genopretningstjek (use Opfølgning på genopretningen)"],
  [/\bsporet\b/i, "Sporet (use Beregningsgrundlag)"],
  [/\bafgørelse(n|r|rne)?\b/i, "Afgørelse (use Vurdering)"],
  [/\beskaler/i, "Eskaleret (the mayor may be called to a meeting with the minister)"],
  [/\bovervågning\b/i, "Overvågning (use Løbende monitorering)"],
  [/uden fire samtaler/i, "uden fire samtaler (use færre end fire samtaler)"],
  [/\b1 kommuner\b/, "1 kommuner (number agreement)"],
  [/\b1 andre kriterier\b/, "1 andre kriterier (number agreement)"],
  [/\b(\p{L}+) af \1 måneder\b/u, "i seks af seks måneder (use i alle seks måneder)"],
  [/\d %/, "a percent sign after an ordinary space (use a no-break space)"],
];

/** Rule codes that must stay out of Danish text (clauses, caveats, statuses, stages, exemptions). */
export const RULE_CODES: readonly string[] = [
  ...Object.keys(RULE_CODE_PHRASES),
  "flagged",
  "compliant",
  "exempted",
  "restored",
  "monitoring",
  "contacted",
  "escalated",
];

/** Every problem in `text`: a forbidden term or a rule code, with a little context. */
export function languageProblems(text: string): string[] {
  const out: string[] = [];
  for (const [re, what] of FORBIDDEN) {
    const m = re.exec(text);
    if (m) out.push(`${what}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  for (const code of RULE_CODES) {
    const re = new RegExp(`(?<![\\w-])${code}(?![\\w-])`);
    const m = re.exec(text);
    if (m) out.push(`rule code ${code}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  return out;
}
