/** A terminal report of an evaluation: the answer first, then each verdict with its reason. */
import type { Evaluation } from "../rules/evaluate.ts";
import { RULE_SETS } from "../rules/parameters.ts";
import { explain } from "../explain/sentences.ts";
import { formatMonthSpan, formatPercentParameter } from "../explain/format.ts";
import {
  AGGREGATION_LABELS,
  MODE_LABELS,
  STATUS_SYMBOLS,
  SYNTHETIC_BANNER,
  criterionLabel,
  municipalitiesCount,
  statusCountPhrase,
  statusLong,
  type StatusCode,
} from "../explain/labels.ts";
import type { DocumentContext } from "./json.ts";
import { windowIncomplete } from "../rules/outlook-report.ts";
import { outlookSection } from "./outlook-text.ts";
import { outsideDocumentedPeriodSentence, previousWindowMissingSentence } from "../rules/wording.ts";

const ORDER: readonly StatusCode[] = [
  "flagged",
  "not-restored",
  "exempted",
  "insufficient-data",
  "compliant",
  "restored",
  "not-covered",
  "not-under-restoration",
];

export function toText(e: Evaluation, ctx: DocumentContext): string {
  const out: string[] = [];
  if (ctx.synthetic) out.push(`*** ${SYNTHETIC_BANNER} ***`, "");
  const p = e.parameters;
  const params =
    p.ruleSet === "opfoelgning-2024"
      ? `tærskel ${formatPercentParameter(p.threshold)} · mindst ${p.minPopulation} borgere pr. måned · ${AGGREGATION_LABELS[p.aggregation]}${p.applyExemptions ? " · undtagelser anvendt" : ""}`
      : `grænse ${formatPercentParameter(p.limit)} · mindst ${p.minPopulation} borgere pr. måned · ${MODE_LABELS[e.mode]}`;
  out.push(`${RULE_SETS[e.ruleSet].name} · ${e.period} (${formatMonthSpan(e.window)})`, params);
  if (ctx.inputs.length) out.push(`Data: ${ctx.inputs.join(", ")}`);
  for (const c of e.caveats)
    if (c.code === "outside-documented-period") out.push(outsideDocumentedPeriodSentence(e.ruleSet, c));
  out.push("");

  const counts = new Map<StatusCode, number>();
  for (const m of e.municipalities) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  out.push(
    `${municipalitiesCount(e.municipalities.length)}: ` +
      ORDER.filter((s) => counts.has(s))
        .map((s) => statusCountPhrase(s, counts.get(s)!))
        .join(", "),
    "",
  );

  const sorted = [...e.municipalities].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.code.localeCompare(b.code),
  );
  for (const m of sorted) {
    out.push(`${STATUS_SYMBOLS[m.status]} ${m.code} ${m.name} — ${statusLong(m.status, p.minPopulation)}`);
    for (const c of m.caveats) out.push(`      ${previousWindowMissingSentence(c)}`);
    for (const c of m.criteria) {
      const shares = c.months
        .map((x) => (x.shareWithout === null ? "  ." : x.shareWithout.toFixed(1).replace(".", ",")))
        .join("  ");
      out.push(`    ${STATUS_SYMBOLS[c.status]} ${criterionLabel(c.criterion).padEnd(40)} ${shares}`);
      out.push(`      ${explain(c)}`);
    }
  }
  if (ctx.outlook?.asOf && windowIncomplete(e.window, ctx.outlook.asOf))
    out.push("", ...outlookSection(e, ctx.outlook, ctx.outlook.asOf));
  return out.join("\n") + "\n";
}
