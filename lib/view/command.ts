/**
 * The CLI command that reproduces a view's verdicts: shown on every page (the audit trail) so a
 * reader can re-run exactly what the page shows. Kept beside ViewState so that a new parameter
 * has to be added to both (test/audit-command.test.ts parses the command with the CLI's parser).
 */
import type { ViewState } from "./state.ts";

/** Quotes a shell word when it needs it (POSIX sh: single quotes, ' written as '\''). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The arguments after `tidlig-indsats` for the view `s` on the data file `input`. */
export function evaluateArgs(s: ViewState, input: string): string[] {
  const args = ["evaluate", "--input", input, "--rules", s.rules, "--period", s.period.label];
  args.push("--threshold", String(s.threshold), "--min-population", String(s.min));
  if (s.rules === "opfoelgning-2024") {
    args.push("--aggregation", s.aggregation);
    if (s.exemptions) args.push("--apply-exemptions");
  } else {
    args.push("--mode", s.mode);
  }
  return args;
}

/** e.g. `npx tidlig-indsats evaluate --input data/synthetic/measurements.csv --rules … --period 2025H1 …` */
export function evaluateCommand(s: ViewState, input: string): string {
  return ["npx", "tidlig-indsats", ...evaluateArgs(s, input)].map(shellWord).join(" ");
}
