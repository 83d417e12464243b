/** `tidlig-indsats timeline`: the restoration model's process over a monthly series (docs/rules.md §4.4). */
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import {
  STAGES,
  timeline,
  type InitialState,
  type MunicipalityTimeline,
  type Stage,
  type TimelineEvent,
} from "../lib/rules/timeline.ts";
import { criterionIdsFor } from "../lib/rules/request.ts";
import { isIsoDate } from "../lib/rules/calendar.ts";
import { parseMonth } from "../lib/domain/month.ts";
import { formatIssue } from "../lib/domain/issues.ts";
import { explain } from "../lib/explain/sentences.ts";
import { formatDateLong, formatMonthLong, formatMonthSpan, formatMonthSpanLong } from "../lib/explain/format.ts";
import { STAGE_LABELS, SYNTHETIC_BANNER, criterionLabel } from "../lib/explain/labels.ts";
import { EXIT_OK, UsageError, type CliIo } from "./io.ts";
import { loadInputs } from "./inputs.ts";
import { choiceOption, countOption, parseOptions, percentOption } from "./options.ts";
import { csvField } from "../lib/io/long-csv-writer.ts";

export const TIMELINE_HELP = `Usage: tidlig-indsats timeline --input FILE [--input FILE2 …] [options]

Simulates each municipality's path through the restoration model (2020–2023) at every
assessment (August on Mar–May, February on Sep–Nov): monitoring → contacted → plan required
→ escalated, or closed when the criteria that triggered the contact are restored.

  --input FILE          measurements (repeatable)
  --from YYYY-MM        first month to use (default: first month of the data)
  --to YYYY-MM          last month to use (default: last month of the data)
  --municipality CODES  only these municipalities, e.g. 183,101
  --initial SPEC        a known starting point, e.g. 183:contacted:sygedagpenge:samtaler+dagpenge:tilbud
                        (repeatable; stages: ${STAGES.join(", ")})
  --letter-date DATE    date of the not-restored letter, YYYY-MM-DD: the plan is due 15 days later
  --limit PCT           percent without effort (default 20)
  --min-population N    default 10
  --format F            text (default) | json | csv
`;

const OPTIONS = {
  input: { type: "string", multiple: true },
  from: { type: "string" },
  to: { type: "string" },
  municipality: { type: "string" },
  initial: { type: "string", multiple: true },
  "letter-date": { type: "string" },
  limit: { type: "string" },
  "min-population": { type: "string" },
  format: { type: "string" },
} as const;

function monthOption(name: string, text: string | undefined) {
  if (text === undefined) return undefined;
  const m = parseMonth(text);
  if (!m) throw new UsageError(`--${name} must be a month like 2022-09 (got "${text}")`);
  return m;
}

function parseInitial(specs: readonly string[]): Map<string, InitialState> {
  const out = new Map<string, InitialState>();
  for (const spec of specs) {
    const [code, stage, ...rest] = spec.split(":");
    if (!code || !stage || !(STAGES as readonly string[]).includes(stage)) {
      throw new UsageError(`--initial "${spec}" must look like 183:contacted:sygedagpenge:samtaler+dagpenge:tilbud`);
    }
    const criteria = rest.join(":").split("+").filter(Boolean);
    const known = criterionIdsFor("genopretning-2020");
    for (const c of criteria) {
      if (!known.includes(c))
        throw new UsageError(`--initial "${spec}": unknown criterion "${c}"; known: ${known.join(", ")}`);
    }
    out.set(code, { stage: stage as Stage, underRestoration: criteria });
  }
  return out;
}

// labels: the Danish lines of the process text output (docs/rules.md §4.4).
/** What follows an event, with its dates: the plan's deadline and the next assessment. */
function eventDates(e: TimelineEvent): string[] {
  const next = `næste opfølgning: ${formatMonthLong(e.nextAssessment)} på ${formatMonthSpanLong(e.nextWindow)}`;
  if (e.stageAfter === "contacted" && e.stageBefore !== "contacted") return [`seks måneder til at genoprette; ${next}`];
  if (e.plan) {
    const due = e.plan.planDeadline
      ? `senest ${formatDateLong(e.plan.planDeadline)} (${e.plan.planDueDays} dage efter brevets dato)`
      : `senest ${e.plan.planDueDays} dage efter brevets dato`;
    return [`redegørelse og genopretningsplan for ${e.plan.planCriteria.map(criterionLabel).join("; ")}: ${due}`, next];
  }
  if (e.stageAfter === "escalated")
    return ["borgmesteren kan indkaldes til et møde med beskæftigelsesministeren", next];
  return e.stageAfter === "monitoring" || e.stageAfter === "closed" ? [] : [next];
}

function timelineText(t: MunicipalityTimeline): string[] {
  const lines = [`${t.code} ${t.name}: ${STAGE_LABELS[t.finalStage]}`];
  for (const e of t.events) {
    lines.push(
      `  ${formatMonthLong(e.assessment)} på ${formatMonthSpan(e.window)}: ${STAGE_LABELS[e.stageBefore]} → ${STAGE_LABELS[e.stageAfter]}`,
    );
    for (const d of eventDates(e)) lines.push(`    ${d}`);
    for (const c of e.criteria.filter((c) => c.status === "flagged" || e.check === "restoration"))
      lines.push(`    ${explain(c)}`);
  }
  return lines;
}

export async function runTimeline(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, OPTIONS);
  const inputs = values.input ?? [];
  if (!inputs.length) throw new UsageError("--input FILE is required");
  const format = choiceOption("format", values.format, ["text", "json", "csv"] as const) ?? "text";
  const from = monthOption("from", values.from);
  const to = monthOption("to", values.to);
  const limit = percentOption("limit", values.limit);
  const minPopulation = countOption("min-population", values["min-population"]);
  const initial = parseInitial(values.initial ?? []);
  const letterDate = values["letter-date"];
  if (letterDate !== undefined && !isIsoDate(letterDate))
    throw new UsageError(`--letter-date must be a date like 2023-02-20 (got "${letterDate}")`);
  const only = values.municipality
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

  const { measurements, synthetic } = loadInputs(inputs, io.cwd);
  for (const w of measurements.warnings) io.stderr(`${formatIssue(w)}\n`);
  if (synthetic) io.stderr(`note: ${SYNTHETIC_BANNER}\n`);
  const result = timeline(new MeasurementIndex(measurements), {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    initial,
    ...(letterDate ? { letterDate } : {}),
    parameters: {
      ...(limit !== undefined ? { limit } : {}),
      ...(minPopulation !== undefined ? { minPopulation } : {}),
    },
  }).filter((t) => !only || only.includes(t.code));

  if (format === "json") {
    const doc = {
      ruleSet: "genopretning-2020",
      synthetic,
      inputs,
      municipalities: result.map((t) => ({
        code: t.code,
        name: t.name,
        finalStage: t.finalStage,
        events: t.events.map((e) => ({
          assessment: e.assessment,
          window: e.window,
          nextAssessment: e.nextAssessment,
          nextWindow: e.nextWindow,
          check: e.check,
          stageBefore: e.stageBefore,
          stageAfter: e.stageAfter,
          outcome: e.outcome,
          underRestoration: e.underRestoration,
          deadline: e.deadline,
          ...(e.plan ?? {}),
          criteria: e.criteria.map((c) => ({ id: c.criterion, status: c.status, explanation: explain(c) })),
        })),
      })),
    };
    io.stdout(JSON.stringify(doc, null, 2) + "\n");
  } else if (format === "csv") {
    const rows = [
      "municipality_code,municipality_name,assessment,window_from,window_to,check,stage_before,stage_after,outcome,under_restoration,deadline,next_assessment,plan_deadline,plan_criteria",
    ];
    for (const t of result) {
      for (const e of t.events) {
        rows.push(
          [
            t.code,
            csvField(t.name),
            e.assessment,
            e.window[0],
            e.window[e.window.length - 1],
            e.check,
            e.stageBefore,
            e.stageAfter,
            e.outcome,
            e.underRestoration.join(" "),
            e.deadline ?? "",
            e.nextAssessment,
            e.plan?.planDeadline ?? "",
            e.plan?.planCriteria.join(" ") ?? "",
          ].join(","),
        );
      }
    }
    io.stdout(rows.join("\n") + "\n");
  } else {
    const lines = synthetic ? [`*** ${SYNTHETIC_BANNER} ***`, ""] : [];
    for (const t of result) lines.push(...timelineText(t), "");
    io.stdout(lines.join("\n"));
  }
  return EXIT_OK;
}
