/**
 * The A/B comparison of /hvad-hvis: the municipalities whose verdict differs between two
 * parameter sets, each with its explanations under A and under B (from lib's explain()).
 */
import { html } from "npm:htl";
import {
  STATUS_LABELS,
  STATUS_SYMBOLS,
  WHATIF_TEXT,
  explain,
  otherCriteriaCount,
  type CriterionStatus,
  type MunicipalityVerdict,
  type VerdictFlip,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";

function status(s: CriterionStatus | null) {
  if (s === null) return html`<span class="status">${WHATIF_TEXT.notAssessed}</span>`;
  return html`<span class="status" data-status=${s}
    ><span aria-hidden="true" style=${`color:${STATUS_COLORS[s]}`}>${STATUS_SYMBOLS[s]}</span> ${STATUS_LABELS[s]}</span
  >`;
}

/** The explanations of a verdict: the criteria with the municipality's status first, the rest folded. */
function explanations(v: MunicipalityVerdict | null): HTMLElement {
  if (!v) return html`<p>${WHATIF_TEXT.notInEvaluation}</p>`;
  if (!v.criteria.length) return html`<p>${WHATIF_TEXT.noCriterion}</p>`;
  const main = v.criteria.filter((c) => c.status === v.status);
  const rest = v.criteria.filter((c) => c.status !== v.status);
  return html`<div>
    ${main.map((c) => html`<p>${explain(c)}</p>`)}${
      rest.length
        ? html`<details>
            <summary>${otherCriteriaCount(rest.length)}</summary>
            ${rest.map((c) => html`<p>${explain(c)}</p>`)}
          </details>`
        : ""
    }
  </div>`;
}

export function flipList(flips: readonly VerdictFlip[]): HTMLElement {
  if (!flips.length) return html`<p data-testid="flips" data-count="0">${WHATIF_TEXT.noFlips}</p>`;
  return html`<ol class="flip-list" data-testid="flips" data-count=${flips.length}>
    ${flips.map(
      (f) =>
        html`<li data-testid="flip" data-municipality=${f.code} data-a=${f.a?.status ?? ""} data-b=${f.b?.status ?? ""}>
          <strong>${f.name}</strong>: A ${status(f.a?.status ?? null)} → B ${status(f.b?.status ?? null)}
          <div class="whatif-sides">
            <section>
              <h4>${WHATIF_TEXT.underA}</h4>
              ${explanations(f.a)}
            </section>
            <section>
              <h4>${WHATIF_TEXT.underB}</h4>
              ${explanations(f.b)}
            </section>
          </div>
        </li>`,
    )}
  </ol>`;
}
