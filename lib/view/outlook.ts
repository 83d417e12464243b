/**
 * What the Varsling page, the municipality page's "Udsigt" box and the overview's "I risiko nu"
 * card show (docs/rules.md §3.6): evaluate() with the request's asOf, then the outlook report — so the
 * pages show exactly what `evaluate --as-of` prints. Pure data; the components draw it.
 */
import type { Measure, Month } from "../domain/types.ts";
import { addMonths, halfYearMonths, monthIndex, parseMonth, type Period } from "../domain/month.ts";
import { formatHalfYear } from "../explain/format.ts";
import { municipalityByCode } from "../domain/municipalities.ts";
import type { MeasurementIndex } from "../rules/measurement-index.ts";
import { evaluate, type Evaluation } from "../rules/evaluate.ts";
import { limitOf } from "../rules/request.ts";
import { FOLLOW_UP_CALENDAR } from "../rules/parameters.ts";
import {
  atRiskByCloseness,
  outlookReport,
  windowIncomplete,
  type MunicipalityOutlookReport,
  type OutlookReport,
} from "../rules/outlook-report.ts";
import type { BenchmarkPoint } from "../rules/benchmarks.ts";
import type { OutlookState } from "../rules/outlook.ts";
import { outlookSentence } from "../output/outlook-text.ts";
import { viewRequest, type ViewState } from "./state.ts";

/**
 * (decision) How many months after a month's end Jobindsats typically has published its figures.
 * An assumption, not a published calendar: pages say "typisk" and never promise a date.
 */
export const TYPICAL_PUBLICATION_LAG_MONTHS = 2;

/** Every half-year with at least one month of data, oldest first (a running one included). */
export function halfYearsWithData(index: MeasurementIndex): Period[] {
  if (!index.firstMonth || !index.lastMonth) return [];
  const out: Period[] = [];
  const [first, last] = [index.firstMonth, index.lastMonth];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const half of [1, 2] as const) {
      const months = halfYearMonths({ year, half });
      if (monthIndex(months[5]!) < monthIndex(first) || monthIndex(months[0]!) > monthIndex(last)) continue;
      out.push({ label: `${year}H${half}`, months, halfYear: { year, half } });
    }
  }
  return out;
}

/** The default as-of month of a window: its last month, or the data's last month if earlier. */
export function defaultAsOfFor(window: readonly Month[], lastDataMonth: Month | null): Month {
  const end = window[window.length - 1]!;
  return lastDataMonth && monthIndex(lastDataMonth) < monthIndex(end) ? lastDataMonth : end;
}

/** The as-of months one can choose for a window: its months up to the data's last month. */
export function asOfChoices(window: readonly Month[], lastDataMonth: Month | null): Month[] {
  const limit = lastDataMonth ? monthIndex(lastDataMonth) : Infinity;
  const months = window.filter((m) => monthIndex(m) <= limit);
  return months.length ? months : [window[0]!];
}

/** `asof` from the URL, if it is one of the choices; otherwise the default (and whether it fell back). */
export function parseAsOf(
  text: string | null,
  window: readonly Month[],
  lastDataMonth: Month | null,
): { asOf: Month; invalid: boolean } {
  const fallback = defaultAsOfFor(window, lastDataMonth);
  if (text === null) return { asOf: fallback, invalid: false };
  const m = parseMonth(text);
  if (m && asOfChoices(window, lastDataMonth).includes(m)) return { asOf: m, invalid: false };
  return { asOf: fallback, invalid: true };
}

/** The as-of month of a municipality page: `asof` from the URL when it is a month with data, else the last. */
export function runningAsOf(text: string | null, lastDataMonth: Month | null): Month | null {
  const m = text === null ? null : parseMonth(text);
  if (!m || !lastDataMonth || monthIndex(m) > monthIndex(lastDataMonth)) return lastDataMonth;
  return m;
}

/** The half-year that contains `month`. */
export function halfYearOf(month: Month): Period {
  const year = Number(month.slice(0, 4));
  const half: 1 | 2 = Number(month.slice(5, 7)) <= 6 ? 1 : 2;
  return { label: `${year}H${half}`, months: halfYearMonths({ year, half }), halfYear: { year, half } };
}

export interface CalendarMonth {
  readonly month: Month;
  /** Typically published around this month (TYPICAL_PUBLICATION_LAG_MONTHS later). */
  readonly typicallyPublished: Month;
}

export interface OutlookCalendar {
  /** "2. halvår 2025" */
  readonly label: string;
  /** The month STAR assesses the window in (docs/rules.md §3.1). */
  readonly assessment: Month | null;
  readonly published: readonly Month[];
  readonly remaining: readonly CalendarMonth[];
}

/** The calendar of a half-year as of `asOf`. */
export function outlookCalendar(period: Period, asOf: Month): OutlookCalendar {
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  const standard = FOLLOW_UP_CALENDAR.find((w) => Number(first.slice(5, 7)) === w.startMonth);
  const isPublished = (m: Month) => monthIndex(m) <= monthIndex(asOf);
  return {
    label: period.halfYear ? formatHalfYear(period.halfYear.year, period.halfYear.half) : period.label,
    assessment: standard && period.months.length === 6 ? addMonths(last, standard.assessedAfter) : null,
    published: period.months.filter(isPublished),
    remaining: period.months
      .filter((m) => !isPublished(m))
      .map((month) => ({ month, typicallyPublished: addMonths(month, TYPICAL_PUBLICATION_LAG_MONTHS) })),
  };
}

export interface AtRiskCriterion {
  readonly criterion: string;
  readonly measure: Measure;
  /** The Danish sentence: the months so far, the months to come and what one month must reach. */
  readonly sentence: string;
  readonly months: readonly {
    readonly month: Month;
    readonly shareWithout: number | null;
    readonly population: number | null;
    readonly without: number | null;
    readonly breach: boolean | null;
    readonly extraNeeded: number | null;
  }[];
}

export interface AtRiskMunicipality {
  readonly code: string;
  readonly name: string;
  readonly criteria: readonly AtRiskCriterion[];
}

export interface OutlookView {
  readonly asOf: Month;
  readonly complete: boolean;
  /** Percent without effort above which a month is over the limit. */
  readonly limit: number;
  readonly evaluation: Evaluation;
  readonly report: OutlookReport;
  readonly counts: Readonly<Record<OutlookState, number>>;
  /** Closest to safety first. */
  readonly atRisk: readonly AtRiskMunicipality[];
}

/** The 2024 model's outlook of every municipality for the state's half-year as of `asOf`. */
export function outlookView(index: MeasurementIndex, state: ViewState, asOf: Month): OutlookView {
  const request = { ...viewRequest({ ...state, rules: "opfoelgning-2024" }), asOf };
  const evaluation = evaluate(index, request);
  const report = outlookReport(index, evaluation, asOf);
  const counts: Record<OutlookState, number> = { "at-risk": 0, safe: 0, "no-data-yet": 0 };
  for (const m of report.municipalities) if (m.outlook && m.outlook in counts) counts[m.outlook as OutlookState]++;
  const traces = new Map(evaluation.municipalities.map((m) => [m.code, m]));
  const atRisk = atRiskByCloseness(report).map((m) => atRiskEntry(m, traces.get(m.code)!));
  const complete = !windowIncomplete(evaluation.window, asOf);
  return { asOf, complete, limit: limitOf(evaluation.parameters), evaluation, report, counts, atRisk };
}

function atRiskEntry(m: MunicipalityOutlookReport, verdict: Evaluation["municipalities"][number]): AtRiskMunicipality {
  const criteria = m.criteria.flatMap((r, k): AtRiskCriterion[] => {
    if (r.outlook?.outlook !== "at-risk") return [];
    const c = verdict.criteria[k]!;
    return [
      {
        criterion: r.criterion,
        measure: c.measure,
        sentence: outlookSentence(c, r) ?? "",
        months: c.months.map((x, i) => ({
          month: x.month,
          shareWithout: x.shareWithout,
          population: x.population,
          without: x.without,
          breach: x.breach,
          extraNeeded: r.extraNeeded[i] ?? null,
        })),
      },
    ];
  });
  return { code: m.code, name: municipalityByCode(m.code)?.name ?? m.name, criteria };
}

/** The national, regional and AMK lines for one municipality and measure (empty when unknown). */
export function benchmarkLines(
  report: OutlookReport,
  code: string,
  measure: Measure,
): { national: readonly BenchmarkPoint[]; region: readonly BenchmarkPoint[]; amk: readonly BenchmarkPoint[] } {
  const m = municipalityByCode(code);
  const b = report.benchmarks[measure];
  return {
    national: b.national,
    region: (m && b.regions[m.regionCode]) || [],
    amk: (m && b.amk[m.amk]) || [],
  };
}
