/** A terminal report of an evaluation: the answer first, then each verdict with its reason. */
import type { Evaluation } from "../rules/evaluate.ts";
import { RULE_SETS } from "../rules/parameters.ts";
import { explain } from "../explain/sentences.ts";
import { formatMonthSpan, formatPercentParameter } from "../explain/format.ts";
import { STATUS_LABELS, STATUS_SYMBOLS, SYNTHETIC_BANNER } from "./labels.ts";
import type { DocumentContext } from "./json.ts";
import type { MunicipalityStatus } from "../rules/trace.ts";
import { windowIncomplete } from "../rules/outlook-report.ts";
import { outlookSection } from "./outlook-text.ts";

const ORDER: readonly MunicipalityStatus[] = [
  "flagged",
  "not-restored",
  "exempted",
  "insufficient-data",
  "compliant",
  "restored",
  "not-covered",
];

export function toText(e: Evaluation, ctx: DocumentContext): string {
  const out: string[] = [];
  if (ctx.synthetic) out.push(`*** ${SYNTHETIC_BANNER} ***`, "");
  const p = e.parameters;
  const params =
    p.ruleSet === "opfoelgning-2024"
      ? `tærskel ${formatPercentParameter(p.threshold)} · mindst ${p.minPopulation} borgere pr. måned · ${p.aggregation === "overall" ? "samlet opgørelse" : "pr. ydelsesgruppe"}${p.applyExemptions ? " · undtagelser anvendt" : ""}`
      : `grænse ${formatPercentParameter(p.limit)} · mindst ${p.minPopulation} borgere pr. måned · ${e.mode === "restoration" ? "genopretningstjek" : "udløsning"}`;
  out.push(`${RULE_SETS[e.ruleSet].name} · ${e.period} (${formatMonthSpan(e.window)})`, params);
  if (ctx.inputs.length) out.push(`Data: ${ctx.inputs.join(", ")}`);
  out.push("");

  const counts = new Map<MunicipalityStatus, number>();
  for (const m of e.municipalities) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  out.push(
    `${e.municipalities.length} kommuner: ` +
      ORDER.filter((s) => counts.has(s))
        .map((s) => `${counts.get(s)} ${STATUS_LABELS[s].toLowerCase()}`)
        .join(", "),
    "",
  );

  const sorted = [...e.municipalities].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.code.localeCompare(b.code),
  );
  for (const m of sorted) {
    out.push(`${STATUS_SYMBOLS[m.status]} ${m.code} ${m.name} — ${STATUS_LABELS[m.status]}`);
    for (const c of m.criteria) {
      const shares = c.months
        .map((x) => (x.shareWithout === null ? "  ." : x.shareWithout.toFixed(1).replace(".", ",")))
        .join("  ");
      out.push(`    ${STATUS_SYMBOLS[c.status]} ${c.criterion.padEnd(26)} ${shares}`);
      out.push(`      ${explain(c)}`);
    }
  }
  if (ctx.outlook?.asOf && windowIncomplete(e.window, ctx.outlook.asOf))
    out.push("", ...outlookSection(e, ctx.outlook, ctx.outlook.asOf));
  return out.join("\n") + "\n";
}
