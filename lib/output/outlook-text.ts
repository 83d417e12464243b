/**
 * Danish wording of the outlook (docs/rules.md §3.6, docs/decisions.md (Language)): labels, the sentence per criterion,
 * and the "Udsigt" section of the text report. Every figure comes from the outlook report.
 */
import type { Measure, Month } from "../domain/types.ts";
import type { CriterionTrace, MunicipalityStatus } from "../rules/trace.ts";
import type { Evaluation } from "../rules/evaluate.ts";
import { atRiskByCloseness, type CriterionOutlookReport, type OutlookReport } from "../rules/outlook-report.ts";
import type { Outlook, OutlookState, WhatItTakes } from "../rules/outlook.ts";
import type { BenchmarkPoint } from "../rules/benchmarks.ts";
import {
  formatCount,
  formatCountWord,
  formatMonthList,
  formatMonthShort,
  formatPercent,
  formatPercentParameter,
} from "../explain/format.ts";
import { BENCHMARK_LABELS, OUTLOOK_LABELS, STATUS_SHORT } from "../explain/labels.ts";

/** Symbols so an outlook is never told by colour alone. */
export const OUTLOOK_SYMBOLS: Readonly<Record<OutlookState, string>> = {
  safe: "✔",
  "at-risk": "▲",
  "no-data-yet": "…",
};

/** Label of an outlook, or of the verdict when the window is complete. */
export function outlookLabel(o: Outlook): string {
  return o in OUTLOOK_LABELS ? OUTLOOK_LABELS[o as OutlookState] : STATUS_SHORT[o as MunicipalityStatus];
}

/** "de krævede samtaler" / "et aktivt tilbud": what a citizen without effort lacks. */
function effortOf(measure: Measure): string {
  return measure === "samtaler" ? "de krævede samtaler" : "et aktivt tilbud";
}

function months(n: number): string {
  return n === 1 ? "1 måned" : `${formatCountWord(n)} måneder`;
}

/**
 * What one coming month must reach: "Højst 11 af 57 borgere uden de krævede samtaler i én måned
 * er nok." (latest known population), or the share when no population is known.
 */
export function whatItTakesSentence(measure: Measure, w: WhatItTakes): string {
  if (w.population !== null && w.maxWithout !== null)
    return (
      `Højst ${formatCount(w.maxWithout)} af ${formatCount(w.population)} borgere uden ${effortOf(measure)} ` +
      `i én måned er nok (med antallet af borgere fra ${formatMonthShort(w.month!)}).`
    );
  return `En andel uden indsats på højst ${formatPercentParameter(w.limit)} i én måned er nok.`;
}

/** The Danish sentence for one criterion's outlook (null in restoration mode). */
export function outlookSentence(c: CriterionTrace, r: CriterionOutlookReport): string | null {
  const o = r.outlook;
  if (!o) return null;
  if (o.complete) return `Perioden er komplet: ${outlookLabel(o.outlook)}.`;
  if (o.outlook === "safe") {
    const small = c.months.filter(
      (m) => o.decidingMonths.includes(m.month) && m.population !== null && m.population < c.minPopulation,
    );
    const why = small.length
      ? `færre end ${formatCount(c.minPopulation)} borgere i ${formatMonthList(small.map((m) => m.month))}`
      : `${formatMonthList(o.decidingMonths)} var ikke over grænsen`;
    return `${OUTLOOK_LABELS.safe}: ${why}, så senere måneder kan ikke ændre det.`;
  }
  if (o.outlook === "at-risk") {
    const n = o.publishedBreaches.length;
    const breaches =
      n === 1
        ? `den ene offentliggjorte måned med en andel (${formatMonthShort(o.publishedBreaches[0]!)}) er over grænsen`
        : `alle ${formatCountWord(n)} offentliggjorte måneder med en andel (${formatMonthList(o.publishedBreaches)}) ` +
          `er over grænsen`;
    const rest = `${months(o.remainingMonths.length)} mangler`;
    const take = r.whatItTakes ? ` ${whatItTakesSentence(c.measure, r.whatItTakes)}` : "";
    return `${OUTLOOK_LABELS["at-risk"]}: ${breaches}, og ${rest}.${take}`;
  }
  return `${OUTLOOK_LABELS["no-data-yet"]}: ingen offentliggjort måned i perioden har en andel endnu.`;
}

function benchmarkText(points: readonly BenchmarkPoint[]): string {
  const last = [...points].reverse().find((p) => p.shareWithout !== null);
  if (!last) return "ingen tal";
  return `${formatPercent(last.shareWithout!)} uden indsats i ${formatMonthShort(last.month)}${last.partial ? " (ikke alle kommuner)" : ""}`;
}

const ORDER: readonly OutlookState[] = ["at-risk", "no-data-yet", "safe"];

/** The "Udsigt" section of the text report, for a window with months still to come. */
export function outlookSection(e: Evaluation, report: OutlookReport, asOf: Month): string[] {
  const out: string[] = [];
  const published = report.publishedMonths.length;
  out.push(
    `Udsigt pr. ${formatMonthShort(asOf)} (${published} af ${e.window.length} måneder offentliggjort; ` +
      `mangler: ${formatMonthList(report.remainingMonths)})`,
  );
  const counts = new Map<string, number>();
  for (const m of report.municipalities) if (m.outlook) counts.set(m.outlook, (counts.get(m.outlook) ?? 0) + 1);
  out.push(
    ORDER.filter((s) => counts.has(s))
      .map((s) => `${counts.get(s)} ${OUTLOOK_LABELS[s].toLowerCase()}`)
      .join(", "),
    "",
  );
  const traces = new Map(e.municipalities.map((m) => [m.code, m]));
  // At risk first, closest to safety first; then those without data yet.
  const sorted = [...atRiskByCloseness(report), ...report.municipalities.filter((m) => m.outlook === "no-data-yet")];
  for (const m of sorted) {
    out.push(`${OUTLOOK_SYMBOLS[m.outlook as OutlookState]} ${m.code} ${m.name} — ${outlookLabel(m.outlook!)}`);
    const verdict = traces.get(m.code)!;
    m.criteria.forEach((r, k) => {
      const sentence = outlookSentence(verdict.criteria[k]!, r);
      if (sentence) out.push(`    ${r.criterion}: ${sentence}`);
    });
  }
  const safe = counts.get("safe") ?? 0;
  if (safe) out.push(`(${safe === 1 ? "1 kommune" : `${safe} kommuner`} kan ikke blive udpeget og er ikke vist.)`);
  out.push("", BENCHMARK_LABELS.computedNote);
  for (const [measure, b] of Object.entries(report.benchmarks))
    out.push(`  ${BENCHMARK_LABELS.national}, ${measure}: ${benchmarkText(b.national)}`);
  return out;
}
