/**
 * Small multiples of the share without effort, one panel per aggregate and per benefit group
 * and measure, over every month of the data: the limit as a dashed line, breach months marked
 * with a cross (as evaluate() marks them), unknown months as gaps with a tick on the axis, and
 * the chosen window shaded. A text summary per panel and a table of all figures are the
 * charts' text alternative.
 */
import * as Plot from "npm:@observablehq/plot";
import { html } from "npm:htl";
import {
  MEASURE_TITLES,
  MONTH_TABLE,
  MULTIPLES_TEXT,
  formatMonthShort,
  formatPercent,
  formatCount,
  type Month,
  type MonthlyPanel,
  criterionLabel,
  groupLabel,
} from "./_gen/tidlig.js";
import { accessibleChart } from "./chart-a11y.js";
import { shareColor } from "./colors.js";

const toDate = (m: Month) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));

interface Point {
  date: Date;
  month: Month;
  share: number | null;
  breach: boolean | null;
}

export function panelTitle(p: MonthlyPanel): string {
  return p.group === "alle" ? MULTIPLES_TEXT.allGroups(criterionLabel(p.id)) : criterionLabel(p.id);
}

/** One sentence: how many months were over the limit, unknown, and the latest share. */
export function panelSummary(p: MonthlyPanel): string {
  const breaches = p.months.filter((m) => m.breach === true).length;
  const unknown = p.months.filter((m) => m.shareWithout === null).length;
  const last = [...p.months].reverse().find((m) => m.shareWithout !== null);
  return MULTIPLES_TEXT.summary(
    p.limit,
    breaches,
    p.months.length,
    unknown,
    last ? { month: last.month, share: last.shareWithout! } : null,
  );
}

export interface SmallMultiplesOptions {
  /** The chosen window, shaded in every panel. */
  readonly window: readonly Month[];
  readonly width?: number;
}

function panel(p: MonthlyPanel, yMax: number, o: SmallMultiplesOptions): HTMLElement {
  const data: Point[] = p.months.map((m) => ({
    date: toDate(m.month),
    month: m.month,
    share: m.shareWithout,
    breach: m.breach,
  }));
  const color = shareColor(p.limit);
  const first = o.window[0];
  const last = o.window[o.window.length - 1];
  const band = first && last ? [{ x1: toDate(first), x2: toDate(last) }] : [];
  const domain = [toDate(p.months[0]!.month), toDate(p.months[p.months.length - 1]!.month)];
  const label = (d: Point) =>
    `${formatMonthShort(d.month)}: ${d.share === null ? MONTH_TABLE.unknown : formatPercent(d.share)}${d.breach ? MULTIPLES_TEXT.overLimitNote : ""}`;
  const summary = panelSummary(p);
  // The chart is named by its title and described by the summary printed under it (hidden from
  // screen readers there, so it is read once).
  const chart = Plot.plot({
    ariaLabel: panelTitle(p),
    ariaDescription: summary,
    width: o.width ?? 280,
    height: 150,
    marginLeft: 38,
    marginRight: 8,
    marginTop: 8,
    marginBottom: 22,
    x: { type: "utc", domain, label: null, ticks: "year", tickFormat: (d: Date) => String(d.getUTCFullYear()) },
    y: { domain: [0, yMax], label: null, ticks: 4, tickFormat: (d: number) => `${formatCount(d)}\u00a0%`, grid: true },
    marks: [
      Plot.rectX(band, { x1: "x1", x2: "x2", y1: 0, y2: yMax, fill: "currentColor", fillOpacity: 0.1, inset: -2 }),
      Plot.ruleY([p.limit], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.8 }),
      Plot.lineY(data, {
        x: "date",
        y: (d: Point) => d.share ?? NaN,
        stroke: "currentColor",
        strokeOpacity: 0.55,
        strokeWidth: 1.2,
      }),
      Plot.dot(
        data.filter((d) => d.share !== null && !d.breach),
        {
          x: "date",
          y: "share",
          r: 2,
          fill: (d: Point) => color(d.share),
          stroke: "currentColor",
          strokeOpacity: 0.3,
          title: label,
        },
      ),
      Plot.dot(
        data.filter((d) => d.breach),
        { x: "date", y: "share", r: 3.5, symbol: "times", stroke: "#b35806", strokeWidth: 2, title: label },
      ),
      Plot.ruleX(
        data.filter((d) => d.share === null),
        { x: "date", y1: 0, y2: yMax * 0.06, stroke: "#8a8a8a", strokeWidth: 2, title: label },
      ),
    ],
  });
  accessibleChart(chart);
  return html`<figure
    class="small-multiple"
    data-criterion=${p.id}
    data-breaches=${p.months.filter((m) => m.breach === true).length}
  >
    <figcaption><strong>${panelTitle(p)}</strong></figcaption>
    ${chart}
    <p class="small-multiple-summary" aria-hidden="true">${summary}</p>
  </figure>`;
}

function figuresTable(panels: readonly MonthlyPanel[]): HTMLElement {
  const months = panels[0]?.months.map((m) => m.month) ?? [];
  return html`<details class="small-multiples-table">
    <summary>${MULTIPLES_TEXT.figuresSummary}</summary>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${MULTIPLES_TEXT.figuresBehind}>
      <table>
        <thead>
          <tr>
            <th>${MONTH_TABLE.month}</th>
            ${panels.map((p) => html`<th class="num">${p.group === "alle" ? MULTIPLES_TEXT.total(p.measure) : criterionLabel(p.id)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (m, i) =>
              html`<tr>
                <th scope="row">${formatMonthShort(m)}</th>
                ${panels.map((p) => {
                  const t = p.months[i]!;
                  return html`<td class="num">
                    ${t.shareWithout === null ? MONTH_TABLE.unknown : `${t.breach ? "✖ " : ""}${formatPercent(t.shareWithout)}`}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

export function smallMultiples(panels: readonly MonthlyPanel[], o: SmallMultiplesOptions): HTMLElement {
  if (!panels.length) return html`<p>${MULTIPLES_TEXT.none}</p>`;
  let max = 0;
  for (const p of panels)
    for (const m of p.months) if (m.shareWithout !== null && m.shareWithout > max) max = m.shareWithout;
  const yMax = Math.min(100, Math.max(Math.ceil((max + 5) / 10) * 10, (panels[0]?.limit ?? 20) + 10));
  const groups = [...new Set(panels.map((p) => p.measure))];
  return html`<div class="small-multiples">
    ${groups.map(
      (measure) =>
        html`<section>
          <h3>${MEASURE_TITLES[measure]}</h3>
          <div class="small-multiples-grid">
            ${panels.filter((p) => p.measure === measure).map((p) => panel(p, yMax, o))}
          </div>
        </section>`,
    )}
    <p class="small-multiples-legend">
      ${MULTIPLES_TEXT.legendBefore}
      <span style="color:#b35806">✖</span> ${MULTIPLES_TEXT.legendAfter(groupLabel("alle"))}
    </p>
    ${figuresTable(panels)}
  </div>`;
}
