/**
 * The outlook on the site (docs/rules.md §3.6): the as-of control, count cards, the at-risk list, small
 * multiples against the national line, the calendar, and the municipality page's "Udsigt" box with
 * its drivers and benchmark charts. Every figure comes from lib's outlookView (the same report as
 * `evaluate --as-of`); this file only draws. Every chart has a text alternative.
 */
import * as Plot from "npm:@observablehq/plot";
import { html } from "npm:htl";
import { accessibleChart } from "./chart-a11y.js";
import {
  BENCHMARK_LABELS,
  FOLLOW_UP_DEFAULTS,
  OUTLOOK_LABELS,
  OUTLOOK_SYMBOLS,
  OUTLOOK_TEXT,
  asOfLabel,
  benchmarkLines,
  benefitGroup,
  countOutlooks,
  criterionLabel,
  formatCount,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  halfYearsWithData,
  outlookChartDescription,
  outlookLabel,
  outlookSentence,
  outlookStatuses,
  periodLabel,
  shareOrUnpublished,
  viewRequest,
  windowIncomplete,
  type BenchmarkPoint,
  type MeasurementIndex,
  type Driver,
  type Measure,
  type Month,
  type OutlookCalendar,
  type OutlookState,
  type OutlookView,
  type ViewState,
} from "./_gen/tidlig.js";

/** Fixed outlook colours, always beside a symbol and a word (never colour alone). */
export const OUTLOOK_COLORS: Readonly<Record<OutlookState, string>> = {
  "at-risk": "#a50f75",
  safe: "#1b7837",
  "no-data-yet": "#8a8a8a",
};

const TEST_IDS: Readonly<Record<OutlookState, string>> = {
  "at-risk": "at-risk-count",
  safe: "safe-count",
  "no-data-yet": "no-data-yet-count",
};

/** An Observable view of the as-of month: a select that writes `asof` to the URL on change. */
export function asOfControl(choices: readonly Month[], asOf: Month): HTMLElement & { value: Month } {
  const id = `asof-${Math.random().toString(36).slice(2, 8)}`;
  const select = html<HTMLSelectElement>`<select id=${id} name="asof">
    ${[...choices].reverse().map((m) => html`<option value=${m} selected=${m === asOf}>${formatMonthShort(m)}</option>`)}
  </select>`;
  const form = html<HTMLFormElement & { value: Month }>`<form
    class="control-panel no-print"
    aria-label=${OUTLOOK_TEXT.asOfControl}
    data-testid="asof-control"
  >
    <div class="control">
      <label for=${id}>${OUTLOOK_TEXT.asOfLabel}</label>${select}
      <span class="control-help">${OUTLOOK_TEXT.asOfHelp}</span>
    </div>
  </form>`;
  form.value = asOf;
  select.addEventListener("input", (event) => {
    event.stopPropagation();
    form.value = select.value;
    const q = new URLSearchParams(location.search);
    q.set("asof", select.value);
    history.replaceState(history.state, "", `${location.pathname}?${q}${location.hash}`);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}

/** Count cards: at risk, safe, without data yet (plain digits in the data-testid elements). */
export function outlookCards(counts: Readonly<Record<OutlookState, number>>): HTMLElement {
  const states: OutlookState[] = ["at-risk", "safe", "no-data-yet"];
  return html`<div class="kpis" role="group" aria-label=${OUTLOOK_TEXT.cardsAria}>
    ${states.map(
      (s) =>
        html`<div class="kpi" style=${`--kpi-color:${OUTLOOK_COLORS[s]}`}>
          <div class="kpi-label">
            <span class="status-symbol" aria-hidden="true">${OUTLOOK_SYMBOLS[s]}</span> ${OUTLOOK_LABELS[s]}
          </div>
          <div class="kpi-value" data-testid=${TEST_IDS[s]}>${counts[s]}</div>
        </div>`,
    )}
  </div>`;
}

/** The at-risk municipalities, closest to safety first, each with its sentence and months so far. */
export function atRiskList(v: OutlookView, hrefFor: (code: string) => string): HTMLElement {
  if (!v.atRisk.length)
    return html`<p data-testid="at-risk-list" data-empty="true">${OUTLOOK_TEXT.noneAtRisk(v.asOf)}</p>`;
  return html`<ol class="at-risk-list" data-testid="at-risk-list">
    ${v.atRisk.map(
      (m) =>
        html`<li data-code=${m.code}>
          <h3><a href=${hrefFor(m.code)}>${m.name}</a></h3>
          ${m.criteria.map(
            (c) =>
              html`<div class="at-risk-criterion" data-criterion=${c.criterion}>
                <p>
                  <strong>${criterionLabel(c.criterion)}:</strong>
                  <span data-testid="outlook-sentence">${c.sentence}</span>
                </p>
                <table class="at-risk-months">
                  <caption class="sr-only">
                    ${OUTLOOK_TEXT.monthByMonth(m.name, criterionLabel(c.criterion))}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${OUTLOOK_TEXT.month}</th>
                      <th scope="col" class="num">${OUTLOOK_TEXT.shareWithout}</th>
                      <th scope="col" class="num">${OUTLOOK_TEXT.withoutOfPopulation}</th>
                      <th scope="col" class="num">${OUTLOOK_TEXT.extraNeeded}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${c.months.map(
                      (x) =>
                        html`<tr data-month=${x.month}>
                          <th scope="row">${formatMonthShort(x.month)}</th>
                          <td class="num">${x.breach ? "✖ " : ""}${shareOrUnpublished(x.shareWithout)}</td>
                          <td class="num">
                            ${
                              x.population === null || x.without === null
                                ? "–"
                                : `${formatCount(x.without)} / ${formatCount(x.population)}`
                            }
                          </td>
                          <td class="num" data-testid="extra-needed">
                            ${x.extraNeeded === null ? "–" : formatCount(x.extraNeeded)}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`,
          )}
        </li>`,
    )}
  </ol>`;
}

const toDate = (m: Month) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

interface LinePoint {
  date: Date;
  month: Month;
  share: number | null;
  series: string;
}

function points(series: string, xs: readonly { month: Month; shareWithout: number | null }[]): LinePoint[] {
  return xs.map((x) => ({ date: toDate(x.month), month: x.month, share: x.shareWithout, series }));
}

/** A line chart of shares over the window's months, with the limit dashed; for the small multiples. */
function linesChart(
  lines: readonly { name: string; points: LinePoint[]; dash?: string; opacity?: number }[],
  window: readonly Month[],
  limit: number,
  aria: { label: string; description: string },
  width = 300,
): Element {
  const all = lines.flatMap((l) => l.points);
  const max = Math.max(limit + 10, ...all.map((p) => p.share ?? 0));
  const yMax = Math.min(100, Math.ceil((max + 5) / 10) * 10);
  const chart = Plot.plot({
    width,
    height: 160,
    marginLeft: 38,
    marginRight: 18,
    marginBottom: 22,
    ariaLabel: aria.label,
    ariaDescription: aria.description,
    x: {
      type: "utc",
      domain: [toDate(window[0]!), toDate(window[window.length - 1]!)],
      label: null,
      ticks: window.map(toDate),
      tickFormat: (d: Date) =>
        formatMonthShort(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`).slice(0, 4),
    },
    y: { domain: [0, yMax], label: null, ticks: 4, tickFormat: (d: number) => `${d}\u00a0%`, grid: true },
    marks: [
      Plot.ruleY([limit], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.8 }),
      ...lines.map((l) =>
        Plot.lineY(l.points, {
          x: "date",
          y: (d: LinePoint) => d.share ?? NaN,
          stroke: "currentColor",
          strokeWidth: l.dash ? 1.2 : 2,
          strokeOpacity: l.opacity ?? 1,
          strokeDasharray: l.dash,
        }),
      ),
      ...lines.map((l) =>
        Plot.dot(
          l.points.filter((p) => p.share !== null),
          {
            x: "date",
            y: "share",
            r: l.dash ? 1.5 : 3,
            fill: "currentColor",
            fillOpacity: l.opacity ?? 1,
            title: (d: LinePoint) => `${d.series}, ${formatMonthShort(d.month)}: ${shareOrUnpublished(d.share)}`,
          },
        ),
      ),
    ],
  });
  return accessibleChart(chart);
}

/** One small multiple per at-risk municipality and criterion, against the computed national line. */
export function atRiskMultiples(v: OutlookView): HTMLElement {
  if (!v.atRisk.length) return html`<p>${OUTLOOK_TEXT.noMultiples}</p>`;
  const limit = v.limit;
  const window = v.evaluation.window;
  const panels = v.atRisk.flatMap((m) =>
    m.criteria.map((c) => {
      const national = v.report.benchmarks[c.measure].national;
      const own = points(m.name, c.months);
      const last = [...c.months].reverse().find((x) => x.shareWithout !== null);
      const nat = national.find((p) => p.month === last?.month);
      const description = outlookChartDescription(
        m.name,
        criterionLabel(c.criterion),
        c.months.flatMap((x) => (x.shareWithout === null ? [] : [{ month: x.month, share: x.shareWithout }])),
        nat?.shareWithout != null ? { month: nat.month, share: nat.shareWithout } : null,
        limit,
      );
      return html`<figure class="small-multiple" data-code=${m.code} data-criterion=${c.criterion}>
        <figcaption><strong>${m.name}</strong> · ${criterionLabel(c.criterion)}</figcaption>
        ${linesChart(
          [
            { name: m.name, points: own },
            {
              name: BENCHMARK_LABELS.national,
              points: points(BENCHMARK_LABELS.national, national),
              dash: "2,2",
              opacity: 0.6,
            },
          ],
          window,
          limit,
          { label: OUTLOOK_TEXT.againstNational(m.name, criterionLabel(c.criterion)), description },
        )}
        <p class="small-multiple-summary">${description}</p>
      </figure>`;
    }),
  );
  return html`<div class="small-multiples">
    <div class="small-multiples-grid" data-testid="at-risk-multiples">${panels}</div>
    <p class="small-multiples-legend">${OUTLOOK_TEXT.multiplesLegend}</p>
  </div>`;
}

/** When the assessment happens and which months are still to come (typical publication, no promise). */
export function outlookCalendarView(c: OutlookCalendar): HTMLElement {
  return html`<div class="outlook-calendar" data-testid="outlook-calendar">
    <ul>
      ${
        c.assessment
          ? html`<li>${OUTLOOK_TEXT.assessedIn(c.label)} <strong>${formatMonthLong(c.assessment)}</strong>.</li>`
          : ""
      }
      <li>
        ${OUTLOOK_TEXT.published(
          c.published.length ? formatMonthSpan(c.published) : OUTLOOK_TEXT.noMonthsYet,
          c.published.length,
          c.published.length + c.remaining.length,
        )}
      </li>
      ${
        c.remaining.length
          ? html`<li>
              ${OUTLOOK_TEXT.missing}
              <ul>
                ${c.remaining.map(
                  (r) =>
                    html`<li data-month=${r.month}>
                      ${OUTLOOK_TEXT.typicallyPublished(r.month, r.typicallyPublished)}
                    </li>`,
                )}
              </ul>
            </li>`
          : html`<li>${OUTLOOK_TEXT.allPublished}</li>`
      }
    </ul>
    <p class="muted">${OUTLOOK_TEXT.publicationCaveat}</p>
  </div>`;
}

/** The drivers of one criterion: which groups carry the excess over the limit (bar chart + table). */
export function driversChart(drivers: readonly Driver[], title: string, criterion: string): HTMLElement {
  const rows = drivers.map((d) => ({ group: benefitGroup(d.group).label, excess: d.excess }));
  const description = rows.map((r) => `${r.group}: ${r.excess.toLocaleString("da-DK")}`).join("; ");
  const chart = Plot.plot({
    width: 520,
    height: 28 * rows.length + 40,
    marginLeft: 220,
    ariaLabel: title,
    ariaDescription: OUTLOOK_TEXT.driversDescription(description),
    x: { label: OUTLOOK_TEXT.aboveLimitSummed, grid: true },
    y: { domain: rows.map((r) => r.group), label: null },
    marks: [
      Plot.barX(rows, {
        x: "excess",
        y: "group",
        fill: (r: { excess: number }) => (r.excess > 0 ? "#b35806" : "#2166ac"),
        title: (r: { group: string; excess: number }) => `${r.group}: ${r.excess.toLocaleString("da-DK")}`,
      }),
      Plot.ruleX([0]),
    ],
  });
  accessibleChart(chart);
  return html`<figure class="drivers-chart" data-testid="drivers-chart" data-criterion=${criterion}>
    <figcaption><strong>${title}</strong></figcaption>
    ${chart}
    <details>
      <summary>${OUTLOOK_TEXT.figuresBehind}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${OUTLOOK_TEXT.benefitGroup}</th>
            <th scope="col" class="num">${OUTLOOK_TEXT.aboveLimit}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.group}</th>
                <td class="num">${r.excess.toLocaleString("da-DK")}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}

/** The municipality against the national, regional and AMK lines (computed sums), with its rank. */
export function benchmarkChart(v: OutlookView, code: string, measure: Measure, name: string): HTMLElement {
  const mine = v.evaluation.municipalities.find((m) => m.code === code)?.criteria.find((c) => c.criterion === measure);
  const lines = benchmarkLines(v.report, code, measure);
  const rank = v.report.municipalities.find((m) => m.code === code)?.rank[measure];
  const limit = v.limit;
  const published = v.report.publishedMonths;
  const cut = (ps: readonly BenchmarkPoint[]) => ps.filter((p) => published.includes(p.month));
  const series = [
    { name, points: points(name, mine?.months.filter((m) => published.includes(m.month)) ?? []) },
    {
      name: BENCHMARK_LABELS.national,
      points: points(BENCHMARK_LABELS.national, cut(lines.national)),
      dash: "2,2",
      opacity: 0.7,
    },
    {
      name: BENCHMARK_LABELS.region,
      points: points(BENCHMARK_LABELS.region, cut(lines.region)),
      dash: "6,3",
      opacity: 0.5,
    },
    { name: BENCHMARK_LABELS.amk, points: points(BENCHMARK_LABELS.amk, cut(lines.amk)), dash: "1,4", opacity: 0.5 },
  ];
  const rankText = rank ? OUTLOOK_TEXT.rank(rank.position, rank.of) : OUTLOOK_TEXT.noRank;
  const partial = [lines.national, lines.region, lines.amk].some((l) => l.some((p) => p.partial));
  const title = OUTLOOK_TEXT.benchmarkTitle(measure, name);
  return html`<figure class="benchmark-chart" data-testid="benchmark-chart" data-measure=${measure}>
    <figcaption><strong>${title}</strong></figcaption>
    ${
      published.length
        ? linesChart(series, v.evaluation.window, limit, { label: title, description: rankText }, 360)
        : html`<p>${OUTLOOK_TEXT.noPublishedMonths}</p>`
    }
    <p class="small-multiples-legend">${OUTLOOK_TEXT.benchmarkLegend(name)}</p>
    <p data-testid="rank">${rankText}</p>
    <details>
      <summary>${OUTLOOK_TEXT.figuresBehind}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${OUTLOOK_TEXT.month}</th>
            ${series.map((s) => html`<th scope="col" class="num">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${published.map(
            (month) =>
              html`<tr>
                <th scope="row">${formatMonthShort(month)}</th>
                ${series.map((s) => html`<td class="num">${shareOrUnpublished(s.points.find((p) => p.month === month)?.share ?? null)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
    <p class="muted">${BENCHMARK_LABELS.computedNote}${partial ? ` ${BENCHMARK_LABELS.partialNote}` : ""}</p>
  </figure>`;
}

/** The municipality page's "Udsigt" box: the outlook of each criterion for the running half-year. */
export function outlookBox(v: OutlookView, code: string, name: string, calendar: OutlookCalendar): HTMLElement {
  const report = v.report.municipalities.find((m) => m.code === code);
  const verdict = v.evaluation.municipalities.find((m) => m.code === code);
  if (!report || !verdict)
    return html`<section class="verdict-card outlook-box" data-testid="outlook-box" data-outlook="none">
      <p>${OUTLOOK_TEXT.noRows(calendar.label)}</p>
    </section>`;
  const o = report.outlook;
  const state = o && o in OUTLOOK_LABELS ? (o as OutlookState) : null;
  const color = state ? OUTLOOK_COLORS[state] : "#8a8a8a";
  return html`<section
    class="verdict-card outlook-box"
    data-testid="outlook-box"
    data-outlook=${o ?? "none"}
    style=${`--status-color:${color}`}
  >
    <p class="verdict-head">
      ${state ? html`<span aria-hidden="true">${OUTLOOK_SYMBOLS[state]}</span> ` : ""}<strong
        >${o ? outlookLabel(o) : "–"}</strong
      >
      <span class="muted">· ${asOfLabel(calendar.label, v.asOf)}</span>
    </p>
    <ul>
      ${report.criteria.map(
        (r, k) =>
          html`<li data-criterion=${r.criterion} data-outlook=${r.outlook?.outlook ?? "none"}>
            <strong>${criterionLabel(r.criterion)}:</strong> ${outlookSentence(verdict.criteria[k]!, r) ?? ""}
          </li>`,
      )}
    </ul>
    ${calendar.assessment ? html`<p class="muted">${OUTLOOK_TEXT.assessedInMonth(calendar.assessment)}</p>` : ""}
  </section>`;
}

/** The overview's "I risiko nu" card: how many municipalities are at risk in the running half-year. */
export function atRiskNowCard(n: number, href: string, when: string): HTMLElement {
  return html`<div class="kpis" role="group" aria-label=${OUTLOOK_TEXT.runningHalfYear}>
    <a class="kpi" href="${href}" style=${`--kpi-color:${OUTLOOK_COLORS["at-risk"]}`} data-testid="at-risk-now">
      <div class="kpi-label">
        <span class="status-symbol" aria-hidden="true">${OUTLOOK_SYMBOLS["at-risk"]}</span> ${OUTLOOK_TEXT.atRiskNow}
      </div>
      <div class="kpi-value" data-testid="at-risk-now-count">${n}</div>
      <div class="kpi-change">${when} · ${OUTLOOK_TEXT.seeVarsling}</div>
    </a>
  </div>`;
}

/**
 * The overview's card for a state, or null while the newest half-year with data is complete
 * (docs/rules.md §3.6): the count comes from the status kernel (outlookStatuses) as of the data's
 * last month, under the 2024 model with the state's threshold, minimum and aggregation.
 */
export function atRiskNow(index: MeasurementIndex, state: ViewState): HTMLElement | null {
  const running = halfYearsWithData(index).at(-1);
  const asOf = index.lastMonth;
  if (!running || !asOf || !windowIncomplete(running.months, asOf)) return null;
  const now = countOutlooks(
    outlookStatuses(index, viewRequest({ ...state, rules: "opfoelgning-2024", period: running }), asOf),
  );
  const q = new URLSearchParams({ period: running.label, asof: asOf });
  if (state.threshold !== FOLLOW_UP_DEFAULTS.threshold) q.set("threshold", String(state.threshold));
  return atRiskNowCard(now["at-risk"] ?? 0, `./varsling.html?${q}`, asOfLabel(periodLabel(running), asOf));
}
