/** The list of municipalities with their verdict, linking each to its own page. */
import { html } from "npm:htl";
import {
  DIRECTORY_TEXT,
  MUNICIPALITIES,
  TABLE_LABELS,
  RULE_SETS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  type Evaluation,
  type MunicipalityVerdict,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** A table of `shown` (a subset of the evaluation's municipalities), sorted by name. */
export function municipalityDirectory(
  e: Evaluation,
  periodName: string,
  shown: readonly MunicipalityVerdict[],
  search: string,
): HTMLElement {
  const rows = [...shown].sort((a, b) => a.name.localeCompare(b.name, "da"));
  // A focusable scroll box: on a narrow screen the table scrolls inside it, not the page.
  return html`<div class="scroll-region" tabindex="0" role="region" aria-label=${DIRECTORY_TEXT.region}>
    <table class="municipality-directory" data-testid="municipality-directory">
      <caption>
        ${DIRECTORY_TEXT.caption(RULE_SETS[e.ruleSet].name, periodName, rows.length, e.municipalities.length)}
      </caption>
      <thead>
        <tr>
          <th>${TABLE_LABELS.municipality}</th>
          <th>${TABLE_LABELS.code}</th>
          <th>${TABLE_LABELS.region}</th>
          <th>${TABLE_LABELS.amk}</th>
          <th>${TABLE_LABELS.verdict}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((m) => {
          const info = BY_CODE.get(m.code);
          return html`<tr data-municipality=${m.code}>
            <td><a href=${`./kommune/${m.code}.html${search}`}>${m.name}</a></td>
            <td>${m.code}</td>
            <td>${info?.region ?? ""}</td>
            <td>${info?.amk ?? ""}</td>
            <td>
              <span class="status-symbol" style=${`color: ${STATUS_COLORS[m.status]}`} aria-hidden="true"
                >${STATUS_SYMBOLS[m.status]}</span
              >
              ${STATUS_LABELS[m.status]}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
