/**
 * Verdicts as CSV: the canonical long CSV (docs/data-format.md §1) of the cells each verdict was judged on,
 * one row per criterion and month, followed by verdict columns. Because the leading columns are
 * the canonical ones, the output can be imported again and gives the same verdicts.
 *
 * A municipality that no criterion covers still gets one row, so every municipality of the input
 * appears: it is written as a series the rules ignore (sickness benefit has no offer
 * requirement) with no figures and an empty criterion.
 */
import type { Evaluation } from "../rules/evaluate.ts";
import { csvField, LONG_CSV_COLUMNS } from "../io/long-csv-writer.ts";
import { explain } from "../explain/sentences.ts";
import { formatDecimal } from "../domain/decimal.ts";

export const VERDICT_COLUMNS = [
  "rule_set",
  "mode",
  "period",
  "criterion",
  "source",
  "breach",
  "criterion_status",
  "municipality_status",
  "caveats",
  "exemption_candidates",
  "explanation",
] as const;

/** A series Table 1 does not require, so it feeds no criterion under any rule set. */
const UNCOVERED_PLACEHOLDER = { group: "sygedagpenge", measure: "tilbud" } as const;

export function toCsv(e: Evaluation): string {
  const lines = [[...LONG_CSV_COLUMNS, ...VERDICT_COLUMNS].join(",")];
  for (const m of e.municipalities) {
    if (!m.criteria.length) {
      const placeholder = [
        m.code,
        csvField(m.name),
        UNCOVERED_PLACEHOLDER.group,
        UNCOVERED_PLACEHOLDER.measure,
        e.window[0] ?? "",
        "",
        "",
        "",
      ];
      lines.push(
        [...placeholder, e.ruleSet, e.mode, csvField(e.period), "", "none", "", "", m.status, "", "", ""].join(","),
      );
    }
    for (const c of m.criteria) {
      const explanation = explain(c);
      // An aggregate criterion is written as the `alle` row it amounts to.
      const group = c.groups.length === 1 ? c.groups[0]! : "alle";
      for (const x of c.months) {
        // A partial sum's population is only a lower bound: write it as unknown, with its share.
        const exactCounts = !x.populationIsLowerBound;
        const share =
          x.share === null
            ? ""
            : exactCounts && x.population !== null && x.without !== null
              ? (x.shareWithout ?? 0).toFixed(1)
              : formatDecimal(roundedDecimal(x.share));
        lines.push(
          [
            m.code,
            csvField(m.name),
            group,
            c.measure,
            x.month,
            exactCounts && x.population !== null ? String(x.population) : "",
            exactCounts && x.without !== null ? String(x.without) : "",
            share,
            e.ruleSet,
            e.mode,
            csvField(e.period),
            c.criterion,
            x.source,
            x.breach === null ? "" : String(x.breach),
            c.status,
            m.status,
            c.caveats.map((k) => k.code).join(" "),
            c.exemptionCandidates.map((k) => k.code).join(" "),
            csvField(explanation),
          ].join(","),
        );
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** A published share keeps its own decimals; a computed one is written with one decimal. */
function roundedDecimal(share: { num: number; den: number }): { num: number; den: number } {
  if (share.den > 0 && Number.isInteger(Math.log10(share.den))) return share;
  return { num: Math.round((share.num * 10) / share.den), den: 10 };
}
