/**
 * The flagged municipalities (restoration mode: not restored; with exemptions applied also the
 * exempted), each with lib's explanation sentence per deciding criterion, its exemption-candidate
 * labels and, one click away, the month figures of the trace.
 */
import {
  EXEMPTION_LABELS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  explain,
  formatCount,
  formatMonthShort,
  formatPercent,
  type CriterionTrace,
  type Evaluation,
  type MunicipalityStatus,
} from "./_gen/tidlig.js";
import { criterionLabel } from "./controls.js";

const LISTED: readonly MunicipalityStatus[] = ["flagged", "not-restored", "exempted"];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function monthsTable(t: CriterionTrace): string {
  const rows = t.months
    .map(
      (m) =>
        `<tr><td>${escapeHtml(formatMonthShort(m.month))}</td>` +
        `<td class="num">${m.population === null ? "ukendt" : `${m.populationIsLowerBound ? "≥ " : ""}${formatCount(m.population)}`}</td>` +
        `<td class="num">${m.without === null ? "ukendt" : formatCount(m.without)}</td>` +
        `<td class="num">${m.shareWithout === null ? "ukendt" : escapeHtml(formatPercent(m.shareWithout))}</td>` +
        `<td>${m.breach === null ? "?" : m.breach ? "● over grænsen" : "under grænsen"}</td></tr>`,
    )
    .join("");
  return (
    `<table class="trace-months"><thead><tr><th>Måned</th><th class="num">Borgere</th><th class="num">Uden indsats</th>` +
    `<th class="num">Andel uden indsats</th><th>Grænse</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

export function flaggedList(e: Evaluation, href: (code: string) => string = (c) => `./kommune/${c}`): HTMLElement {
  const listed = e.municipalities.filter((m) => LISTED.includes(m.status));
  const el = document.createElement("div");
  el.className = "flagged-list";
  el.dataset.testid = "flagged-list";
  if (!listed.length) {
    el.innerHTML = `<p class="flagged-none">Ingen kommuner er ${e.mode === "restoration" ? "uden genopretning" : "udpeget"} med disse parametre.</p>`;
    return el;
  }
  el.innerHTML =
    `<ol>` +
    listed
      .map((m) => {
        const deciding = m.criteria.filter((c) => LISTED.includes(c.status));
        const candidates = [...new Set(deciding.flatMap((c) => c.exemptionCandidates.map((x) => x.code)))];
        return (
          `<li data-municipality="${escapeHtml(m.code)}" data-status="${m.status}">` +
          `<div class="flagged-head"><a href="${escapeHtml(href(m.code))}"><strong>${escapeHtml(m.name)}</strong></a> ` +
          `<span class="flagged-status flagged-status--${m.status}"><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[m.status]}</span> ${escapeHtml(STATUS_LABELS[m.status])}</span>` +
          candidates.map((c) => ` <span class="exemption-badge">${escapeHtml(EXEMPTION_LABELS[c] ?? c)}</span>`).join("") +
          `</div>` +
          deciding
            .map(
              (c) =>
                `<div class="flagged-criterion"><p><span class="flagged-criterion-name">${escapeHtml(criterionLabel(c.criterion))}:</span> ${escapeHtml(explain(c))}</p>` +
                `<details><summary>Månedstal</summary>${monthsTable(c)}</details></div>`,
            )
            .join("") +
          `</li>`
        );
      })
      .join("") +
    `</ol>`;
  return el;
}
