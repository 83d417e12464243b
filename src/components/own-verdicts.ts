/**
 * The verdicts of the user's own data on /udforsk: one row per municipality and criterion with
 * the month shares and the status (symbol + label, never colour alone); under the 2020 model
 * both the trigger and the restoration check. The explanation is one click away.
 */
import { html } from "npm:htl";
import {
  TABLE_LABELS,
  MODE_LABELS,
  OWN_DATA_TEXT,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  explain,
  formatMonthShort,
  formatPercent,
  type CriterionStatus,
  type CriterionTrace,
  type Evaluation,
  criterionLabel,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";

function status(s: CriterionStatus) {
  return html`<span class="status" data-status=${s}
    ><span aria-hidden="true" style=${`color:${STATUS_COLORS[s]}`}>${STATUS_SYMBOLS[s]}</span> ${STATUS_LABELS[s]}</span
  >`;
}

/**
 * `trigger` is the evaluation in trigger mode (or the 2024 model); `restoration` the same window
 * in restoration mode (2020 model only), or null.
 */
export function verdictTable(trigger: Evaluation, restoration: Evaluation | null): HTMLElement {
  const months = trigger.window;
  const rows: { t: CriterionTrace; r: CriterionTrace | null }[] = [];
  for (const m of trigger.municipalities) {
    const rm = restoration?.municipalities.find((x) => x.code === m.code);
    for (const t of m.criteria) rows.push({ t, r: rm?.criteria.find((c) => c.criterion === t.criterion) ?? null });
  }
  const municipalities = trigger.municipalities.map((m) => {
    const rm = restoration?.municipalities.find((x) => x.code === m.code);
    return html`<li data-municipality=${m.code}>
      <strong>${m.name}</strong>:
      ${status(m.status)}${rm ? html`; ${OWN_DATA_TEXT.restorationSummary} ${status(rm.status)}` : ""}
    </li>`;
  });
  return html`<div class="own-verdicts" data-testid="own-verdicts">
    <ul class="own-verdict-summary">
      ${municipalities}
    </ul>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${OWN_DATA_TEXT.verdictsRegion}>
      <table>
        <thead>
          <tr>
            <th scope="col">${TABLE_LABELS.municipality}</th>
            <th scope="col">${TABLE_LABELS.criterion}</th>
            ${months.map((mo) => html`<th scope="col" class="num">${formatMonthShort(mo)}</th>`)}
            <th scope="col">${restoration ? MODE_LABELS.trigger : TABLE_LABELS.verdict}</th>
            ${restoration ? html`<th scope="col">${MODE_LABELS.restoration}</th>` : ""}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ t, r }) =>
              html`<tr
                data-municipality=${t.municipalityCode}
                data-criterion=${t.criterion}
                data-status=${t.status}
                data-restoration=${r?.status ?? ""}
              >
                <td>${t.municipalityName}</td>
                <td>${criterionLabel(t.criterion)}</td>
                ${t.months.map((x) => html`<td class="num">${x.shareWithout === null ? "–" : formatPercent(x.shareWithout)}</td>`)}
                <td>
                  ${status(t.status)}
                  <details>
                    <summary>${OWN_DATA_TEXT.explanation}</summary>
                    ${explain(t)}
                  </details>
                </td>
                ${
                  restoration
                    ? html`<td>
                        ${
                          r
                            ? html`${status(r.status)}
                                <details>
                                  <summary>${OWN_DATA_TEXT.explanation}</summary>
                                  ${explain(r)}
                                </details>`
                            : "–"
                        }
                      </td>`
                    : ""
                }
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}
