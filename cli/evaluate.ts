/** `tidlig-indsats evaluate`: verdicts for one window, as text, JSON or CSV (docs/cli.md). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { evaluate } from "../lib/rules/evaluate.ts";
import { criterionIdsFor, limitForThreshold, type EvaluationRequest } from "../lib/rules/request.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { RULE_SET_IDS, type RuleSetId, type SupervisionEntry } from "../lib/rules/parameters.ts";
import { isPeriodError, parseMonth, parsePeriod } from "../lib/domain/month.ts";
import { defaultAsOf, outlookReport } from "../lib/rules/outlook-report.ts";
import { parseSupervision } from "../lib/io/supervision.ts";
import { formatIssue } from "../lib/domain/issues.ts";
import { toJson } from "../lib/output/json.ts";
import { toCsv } from "../lib/output/csv.ts";
import { toText } from "../lib/output/text.ts";
import { SYNTHETIC_BANNER } from "../lib/explain/labels.ts";
import { EXIT_OK, UsageError, type CliIo } from "./io.ts";
import { loadInputs, windowOutsideDataNote } from "./inputs.ts";
import { choiceOption, countOption, parseOptions, percentOption } from "./options.ts";
import { guard } from "./read-file.ts";

export const EVALUATE_HELP = `Usage: tidlig-indsats evaluate --input FILE [--input FILE2 …] --period PERIOD [options]

Decides, for every municipality in the input, whether it meets the early-effort requirements
in the window PERIOD, and explains each verdict.

  --input FILE          measurements: canonical long CSV or a Jobindsats wide table (repeatable;
                        - reads standard input)
  --rules ID            opfoelgning-2024 (default) | genopretning-2020
  --period PERIOD       2024H1, 2024H2 or an inclusive range 2022-09..2022-11
  --mode MODE           genopretning-2020 only: trigger (default) | restoration
  --criteria LIST       restrict to these criteria, e.g. sygedagpenge:samtaler,dagpenge:tilbud
                        (restoration: the criteria under restoration)
  --threshold PCT       opfoelgning-2024: percent who must get the effort (default 80)
  --limit PCT           genopretning-2020: percent without effort that breaches (default 20)
  --min-population N    persons needed in every month to be covered (default 10)
  --aggregation A       opfoelgning-2024: overall (default) | per-group
  --supervision FILE    skærpet tilsyn list: municipality_code,from,to
  --apply-exemptions    show exemption candidates as exempted instead of flagged
  --as-of YYYY-MM       the last month published: later months of the window count as not yet
                        published, and the outlook says who can still be flagged (default: the
                        last month in the data)
  --format F            text (default) | json | csv

Exit codes: 0 success (whatever the verdicts), 1 invalid input, 2 wrong usage, 70 internal error.
`;

const OPTIONS = {
  input: { type: "string", multiple: true },
  rules: { type: "string" },
  period: { type: "string" },
  mode: { type: "string" },
  criteria: { type: "string" },
  threshold: { type: "string" },
  limit: { type: "string" },
  "min-population": { type: "string" },
  aggregation: { type: "string" },
  supervision: { type: "string" },
  "apply-exemptions": { type: "boolean" },
  format: { type: "string" },
  "as-of": { type: "string" },
} as const;

/** Checks the options and turns them into an evaluation request (no file is read here). */
export function evaluationRequestFromOptions(args: string[]): {
  request: Omit<EvaluationRequest, "supervision">;
  inputs: string[];
  format: "text" | "json" | "csv";
  supervisionFile: string | undefined;
} {
  const { values } = parseOptions(args, OPTIONS);
  const inputs = values.input ?? [];
  if (!inputs.length) throw new UsageError("--input FILE is required");
  if (!values.period) throw new UsageError("--period is required (e.g. 2024H1 or 2022-09..2022-11)");
  const period = parsePeriod(values.period);
  if (isPeriodError(period)) throw new UsageError(period.error);
  const ruleSet: RuleSetId = choiceOption("rules", values.rules, RULE_SET_IDS) ?? "opfoelgning-2024";
  const format = choiceOption("format", values.format, ["text", "json", "csv"] as const) ?? "text";
  const asOf = values["as-of"] === undefined ? undefined : parseMonth(values["as-of"]);
  if (asOf === null) throw new UsageError(`--as-of "${values["as-of"]}" is not a month like 2025-09`);
  const minPopulation = countOption("min-population", values["min-population"]);
  let threshold = percentOption("threshold", values.threshold);
  let limit = percentOption("limit", values.limit);
  // The two models name the same line from opposite sides: limit = 100 − threshold.
  if (threshold !== undefined && limit !== undefined && Math.abs(limitForThreshold(threshold) - limit) > 1e-9) {
    throw new UsageError(
      `--threshold ${threshold} and --limit ${limit} contradict each other (limit = 100 − threshold)`,
    );
  }
  if (ruleSet === "opfoelgning-2024" && threshold === undefined && limit !== undefined)
    threshold = limitForThreshold(limit);
  if (ruleSet === "genopretning-2020" && limit === undefined && threshold !== undefined)
    limit = limitForThreshold(threshold);

  let mode = choiceOption("mode", values.mode, ["trigger", "restoration"] as const);
  if (ruleSet === "opfoelgning-2024" && mode === "restoration")
    throw new UsageError("--mode restoration belongs to --rules genopretning-2020");
  const aggregation = choiceOption("aggregation", values.aggregation, ["overall", "per-group"] as const);
  if (ruleSet === "genopretning-2020" && aggregation === "overall")
    throw new UsageError(
      "genopretning-2020 judges each benefit group on its own: --aggregation overall does not apply",
    );
  const known = criterionIdsFor(ruleSet, aggregation);
  const criteria = values.criteria
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of criteria ?? []) {
    if (!known.includes(c)) throw new UsageError(`unknown criterion "${c}" for ${ruleSet}; known: ${known.join(", ")}`);
  }
  if (ruleSet === "genopretning-2020") mode ??= "trigger";
  const request: Omit<EvaluationRequest, "supervision"> = {
    ruleSet,
    window: period.months,
    period: period.label,
    ...(mode ? { mode } : {}),
    ...(criteria ? { criteria } : {}),
    ...(asOf ? { asOf } : {}),
    followUp: {
      ...(threshold !== undefined ? { threshold } : {}),
      ...(minPopulation !== undefined ? { minPopulation } : {}),
      ...(aggregation ? { aggregation } : {}),
      ...(values["apply-exemptions"] ? { applyExemptions: true } : {}),
    },
    restoration: {
      ...(limit !== undefined ? { limit } : {}),
      ...(minPopulation !== undefined ? { minPopulation } : {}),
    },
  };
  return { request, inputs, format, supervisionFile: values.supervision };
}

function readSupervision(file: string, cwd: string): SupervisionEntry[] {
  return parseSupervision(
    guard(file, () => readFileSync(resolve(cwd, file), "utf8")),
    file,
  );
}

export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const { request, inputs, format, supervisionFile } = evaluationRequestFromOptions(args);
  const supervision = supervisionFile ? readSupervision(supervisionFile, io.cwd) : [];
  const { measurements, synthetic } = loadInputs(inputs, io.cwd);
  for (const w of measurements.warnings) io.stderr(`${formatIssue(w)}\n`);
  if (synthetic) io.stderr(`note: ${SYNTHETIC_BANNER}\n`);
  const outside = windowOutsideDataNote(measurements, request.window, request.period ?? request.window.join(","));
  if (outside) io.stderr(outside);
  const index = new MeasurementIndex(measurements);
  const evaluation = evaluate(index, { ...request, supervision });
  const outlook = format === "csv" ? undefined : outlookReport(index, evaluation, request.asOf ?? defaultAsOf(index));
  const ctx = { synthetic, inputs, ...(outlook ? { outlook } : {}) };
  io.stdout(
    format === "json" ? toJson(evaluation, ctx) : format === "csv" ? toCsv(evaluation) : toText(evaluation, ctx),
  );
  return EXIT_OK;
}
