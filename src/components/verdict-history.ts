/**
 * The verdict in every standard period under one rule set: rows = periods, columns = criteria,
 * each cell a symbol and a short label that links to (and on click selects) its trace.
 */
import { html } from "npm:htl";
import {
  periodLabel,
  CRITERION_LABELS,
  HISTORY_TEXT,
  TABLE_LABELS,
  RULE_SETS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  type Period,
  type RuleSetHistory,
  type RuleSetId,
  GROUP_SHORT,
  STATUS_SHORT,
  criterionLabel,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";

export interface HistoryOptions {
  readonly selected: { readonly rules: RuleSetId; readonly period: string };
  /** The link of a cell (a shareable URL of that view). */
  readonly href: (rules: RuleSetId, period: Period) => string;
  /** Called instead of following the link (the page selects the verdict in place). */
  readonly onSelect: (rules: RuleSetId, period: Period) => void;
}

function cell(status: keyof typeof STATUS_COLORS | null, title: string, href: string, select: () => void): HTMLElement {
  if (status === null) return html`<td class="history-cell history-cell--none" title=${title}>–</td>`;
  const a = html`<a
    href=${href}
    title=${`${title}: ${STATUS_LABELS[status]}`}
    style=${`--status-color:${STATUS_COLORS[status]}`}
    data-status=${status}
    ><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[status]}</span> ${STATUS_SHORT[status]}</a
  >`;
  a.addEventListener("click", (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    select();
  });
  return html`<td class="history-cell">${a}</td>`;
}

function wideHead(criteria: readonly string[]): HTMLElement {
  const measures = [...new Set(criteria.map((c) => c.split(":")[1] ?? c))];
  return html`<thead>
    <tr>
      <th scope="col" rowspan="2">${TABLE_LABELS.period}</th>
      <th scope="col" rowspan="2">${TABLE_LABELS.theMunicipality}</th>
      ${measures.map(
        (m) =>
          html`<th
            scope="colgroup"
            class="history-measure"
            colspan=${criteria.filter((c) => (c.split(":")[1] ?? c) === m).length}
          >
            ${CRITERION_LABELS[m] ?? m}
          </th>`,
      )}
    </tr>
    <tr>
      ${criteria.map((c) => html`<th scope="col" class="history-narrow" title=${criterionLabel(c)}>${GROUP_SHORT[c.split(":")[0] ?? ""] ?? criterionLabel(c)}</th>`)}
    </tr>
  </thead>`;
}

export function historyTable(h: RuleSetHistory, o: HistoryOptions): HTMLElement {
  const name = RULE_SETS[h.ruleSet].name;
  if (!h.rows.length) return html`<p>${HISTORY_TEXT.noPeriod(name)}</p>`;
  // Per-group criteria (the 2020 model): a header row per measure over short group names.
  const wide = h.criteria.some((c) => c.includes(":"));
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${HISTORY_TEXT.region(name)}>
    <table
      class=${`history-table${wide ? " history-table--wide" : ""}`}
      data-testid=${`history-${h.ruleSet}`}
      data-rules=${h.ruleSet}
    >
      <caption>
        ${name}
      </caption>
      ${
        wide
          ? wideHead(h.criteria)
          : html`<thead>
              <tr>
                <th scope="col">${TABLE_LABELS.period}</th>
                <th scope="col">${TABLE_LABELS.theMunicipality}</th>
                ${h.criteria.map((c) => html`<th scope="col">${criterionLabel(c)}</th>`)}
              </tr>
            </thead>`
      }
      <tbody>
        ${h.rows.map(({ period, verdict }) => {
          const selected = o.selected.rules === h.ruleSet && o.selected.period === period.label;
          const select = () => o.onSelect(h.ruleSet, period);
          const href = o.href(h.ruleSet, period);
          const byId = new Map((verdict?.criteria ?? []).map((c) => [c.criterion, c.status]));
          return html`<tr
            class=${selected ? "history-selected" : ""}
            data-period=${period.label}
            aria-current=${selected ? "true" : null}
          >
            <th scope="row">${periodLabel(period)}</th>
            ${cell(verdict?.status ?? null, HISTORY_TEXT.municipalityCell(periodLabel(period)), href, select)}
            ${h.criteria.map((c) => cell(byId.get(c) ?? null, `${periodLabel(period)}, ${criterionLabel(c)}`, href, select))}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
