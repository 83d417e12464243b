/**
 * The threshold sweep of /hvad-hvis: a line per period (flagged count against threshold) with the
 * chosen period highlighted and the current threshold marked, and the chosen period's numbers as
 * a table (the chart's text alternative).
 */
import { html } from "npm:htl";
import * as Plot from "npm:@observablehq/plot";
import { SWEEP_TEXT, formatCount, formatPercentParameter, type SweepPoint } from "./_gen/tidlig.js";
import { accessibleChart } from "./chart-a11y.js";

export interface SweepSeries {
  readonly period: string;
  /** "1. halvår 2025" */
  readonly label: string;
  readonly current: boolean;
  readonly points: readonly SweepPoint[];
}

export function sweepChart(series: readonly SweepSeries[], threshold: number, what: string): SVGElement | HTMLElement {
  const data = series.flatMap((s) => s.points.map((p) => ({ ...p, label: s.label, current: s.current })));
  const current = series.find((s) => s.current);
  const atThreshold = current?.points.find((p) => p.threshold === threshold);
  const chart = Plot.plot({
    ariaLabel: SWEEP_TEXT.chartName(what),
    ariaDescription: SWEEP_TEXT.chartDescription(series.length, current?.label ?? ""),
    height: 340,
    marginLeft: 50,
    x: {
      label: SWEEP_TEXT.thresholdAxis,
      tickFormat: (v: number) => formatPercentParameter(v).replace(/\s%$/, ""),
    },
    y: { label: SWEEP_TEXT.count(what), grid: true, tickFormat: (v: number) => formatCount(v) },
    marks: [
      Plot.lineY(
        data.filter((d) => !d.current),
        {
          x: "threshold",
          y: "flagged",
          z: "label",
          stroke: "var(--theme-foreground-faint)",
          strokeWidth: 1,
          tip: { format: { x: true, y: true, z: true } },
        },
      ),
      Plot.lineY(
        data.filter((d) => d.current),
        { x: "threshold", y: "flagged", stroke: "#a50f75", strokeWidth: 3 },
      ),
      Plot.ruleX([threshold], { stroke: "var(--theme-foreground)", strokeDasharray: "4,3" }),
      atThreshold ? Plot.dot([atThreshold], { x: "threshold", y: "flagged", fill: "#a50f75", r: 5 }) : null,
      atThreshold
        ? Plot.text([atThreshold], {
            x: "threshold",
            y: "flagged",
            text: (d: SweepPoint) => SWEEP_TEXT.atThreshold(d.flagged, d.threshold),
            dx: 8,
            textAnchor: "start",
            dy: -10,
            fontWeight: 700,
          })
        : null,
      Plot.ruleY([0]),
    ],
  });
  return accessibleChart(chart);
}

/** The chosen period's sweep as a table; the row of the current threshold is marked. */
export function sweepTable(s: SweepSeries, threshold: number, what: string): HTMLElement {
  return html`<div
    class="sweep-table table-scroll"
    tabindex="0"
    role="region"
    aria-label=${SWEEP_TEXT.table(s.label, what)}
  >
    <table data-testid="sweep-table" data-period=${s.period}>
      <caption>
        ${SWEEP_TEXT.table(s.label, what)}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="num">${SWEEP_TEXT.threshold}</th>
          <th scope="col" class="num">${SWEEP_TEXT.count(what)}</th>
        </tr>
      </thead>
      <tbody>
        ${s.points.map(
          (p) =>
            html`<tr
              data-threshold=${String(p.threshold)}
              data-flagged=${String(p.flagged)}
              class=${p.threshold === threshold ? "sweep-current" : ""}
              aria-current=${p.threshold === threshold ? "true" : null}
            >
              <td class="num">
                ${formatPercentParameter(p.threshold)}${p.threshold === threshold ? SWEEP_TEXT.chosen : ""}
              </td>
              <td class="num">${formatCount(p.flagged)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
