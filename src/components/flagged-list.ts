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
  const view = flaggedListView(href);
  view.update(e);
  return view.element;
}

/** The flagged list as an element made once; `update` re-renders it only when its content changes. */
export interface FlaggedListView {
  readonly element: HTMLElement;
  update(e: Evaluation): void;
}

/**
 * The list's month tables are made when their <details> is opened (evidence one click away, but
 * no table parsed on a repaint nobody looks at); an open one is filled at once.
 */
export function flaggedListView(href: (code: string) => string = (c) => `./kommune/${c}`): FlaggedListView {
  const el = document.createElement("div");
  el.className = "flagged-list";
  el.dataset.testid = "flagged-list";
  let shown = "";
  /** The traces behind the <details data-trace=i> of the current list. */
  let traces: CriterionTrace[] = [];
  /** The month table each opened <details> shows. */
  const filled = new WeakMap<HTMLDetailsElement, string>();

  const fill = (details: HTMLDetailsElement) => {
    const i = Number(details.dataset.trace);
    if (details.dataset.filled === String(i) || !traces[i]) return;
    details.dataset.filled = String(i);
    const t = monthsTable(traces[i]!);
    filled.set(details, t);
    details.querySelector(".trace-months-slot")!.innerHTML = t;
  };
  el.addEventListener("toggle", (event) => {
    const d = event.target as HTMLDetailsElement;
    if (d.open && d.dataset.trace !== undefined) fill(d);
  }, true);

  function update(e: Evaluation): void {
    const listed = e.municipalities.filter((m) => LISTED.includes(m.status));
    if (!listed.length) {
      const h = `<p class="flagged-none">Ingen kommuner er ${e.mode === "restoration" ? "uden genopretning" : "udpeget"} med disse parametre.</p>`;
      if (h !== shown) el.innerHTML = shown = h;
      traces = [];
      return;
    }
    const nextTraces: CriterionTrace[] = [];
    const h =
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
              .map((c) => {
                nextTraces.push(c);
                return (
                  `<div class="flagged-criterion"><p><span class="flagged-criterion-name">${escapeHtml(criterionLabel(c.criterion))}:</span> ${escapeHtml(explain(c))}</p>` +
                  `<details data-trace="${nextTraces.length - 1}"><summary>Månedstal</summary><div class="trace-months-slot"></div></details></div>`
                );
              })
              .join("") +
            `</li>`
          );
        })
        .join("") +
      `</ol>`;
    traces = nextTraces;
    if (h !== shown) {
      el.innerHTML = shown = h;
      return;
    }
    // Same list and sentences: only month tables already opened may need new figures.
    for (const d of Array.from(el.querySelectorAll<HTMLDetailsElement>("details[data-filled]"))) {
      const t = monthsTable(traces[Number(d.dataset.trace)]!);
      if (filled.get(d) !== t) d.querySelector(".trace-months-slot")!.innerHTML = t;
      filled.set(d, t);
    }
  }
  return { element: el, update };
}
