/**
 * The flagged municipalities (restoration mode: not restored; with exemptions applied also the
 * exempted), each with lib's explanation sentence per deciding criterion, its exemption-candidate
 * labels and, one click away, the month figures of the trace.
 */
import {
  EXEMPTION_LABELS,
  FLAGGED_TEXT,
  MONTH_TABLE,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  explain,
  formatCount,
  formatMonthShort,
  formatPercent,
  type CriterionTrace,
  type Evaluation,
  type ExemptionCode,
  type MunicipalityStatus,
  criterionLabel,
} from "./_gen/tidlig.js";
import type { InPlaceView } from "./view.js";

const LISTED: readonly MunicipalityStatus[] = ["flagged", "not-restored", "exempted"];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function monthsTable(t: CriterionTrace): string {
  const rows = t.months
    .map(
      (m) =>
        `<tr><td>${escapeHtml(formatMonthShort(m.month))}</td>` +
        `<td class="num">${m.population === null ? MONTH_TABLE.unknown : `${m.populationIsLowerBound ? "≥ " : ""}${formatCount(m.population)}`}</td>` +
        `<td class="num">${m.without === null ? MONTH_TABLE.unknown : formatCount(m.without)}</td>` +
        `<td class="num">${m.shareWithout === null ? MONTH_TABLE.unknown : escapeHtml(formatPercent(m.shareWithout))}</td>` +
        `<td>${m.breach === null ? "?" : m.breach ? MONTH_TABLE.breach : MONTH_TABLE.noBreach}</td></tr>`,
    )
    .join("");
  return (
    `<table class="trace-months"><thead><tr><th>${MONTH_TABLE.month}</th><th class="num">${MONTH_TABLE.population}</th>` +
    `<th class="num">${MONTH_TABLE.without}</th><th class="num">${MONTH_TABLE.shareWithout}</th>` +
    `<th>${MONTH_TABLE.limit}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

export function flaggedList(e: Evaluation, href: (code: string) => string = (c) => `./kommune/${c}.html`): HTMLElement {
  const view = flaggedListView(href);
  view.update(e);
  return view.element;
}

/** The flagged list as an element made once; `update` re-renders it only when its content changes (view.ts). */
export type FlaggedListView = InPlaceView<Evaluation>;

/**
 * The list is kept by municipality: on an update, items that left are removed, new ones inserted,
 * and an item whose municipality, status, exemption candidates and deciding criteria are the same
 * only gets its explanation sentences replaced (text, no HTML parsed). The month tables are made
 * when their <details> is opened (evidence one click away, but no table parsed on a repaint
 * nobody looks at); an open one is refreshed when its figures change.
 */
export function flaggedListView(href: (code: string) => string = (c) => `./kommune/${c}.html`): FlaggedListView {
  const el = document.createElement("div");
  el.className = "flagged-list";
  el.dataset.testid = "flagged-list";
  let none = "";
  let ol: HTMLOListElement | null = null;
  interface Item {
    readonly li: HTMLLIElement;
    readonly key: string;
    /** The explanation text node and the <details> of each deciding criterion. */
    readonly criteria: { readonly text: Text; readonly details: HTMLDetailsElement }[];
  }
  let items = new Map<string, Item>();
  /** The trace behind each <details>, and the month table an opened one shows. */
  const traceOf = new WeakMap<HTMLDetailsElement, CriterionTrace>();
  const filled = new WeakMap<HTMLDetailsElement, string>();

  const fill = (details: HTMLDetailsElement) => {
    const trace = traceOf.get(details);
    if (!trace) return;
    const t = monthsTable(trace);
    if (filled.get(details) === t) return;
    filled.set(details, t);
    details.querySelector(".trace-months-slot")!.innerHTML = t;
  };
  el.addEventListener(
    "toggle",
    (event) => {
      const d = event.target as HTMLDetailsElement;
      if (d.open && traceOf.has(d)) fill(d);
    },
    true,
  );

  function itemHtml(
    m: Evaluation["municipalities"][number],
    deciding: readonly CriterionTrace[],
    candidates: readonly string[],
  ): string {
    return (
      `<li data-municipality="${escapeHtml(m.code)}" data-status="${m.status}">` +
      `<div class="flagged-head"><a href="${escapeHtml(href(m.code))}"><strong>${escapeHtml(m.name)}</strong></a> ` +
      `<span class="flagged-status flagged-status--${m.status}"><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[m.status]}</span> ${escapeHtml(STATUS_LABELS[m.status])}</span>` +
      candidates
        .map(
          (c) =>
            ` <span class="exemption-badge">${escapeHtml(EXEMPTION_LABELS[c as ExemptionCode] ?? FLAGGED_TEXT.exemptionCandidate)}</span>`,
        )
        .join("") +
      `</div>` +
      deciding
        .map(
          (c) =>
            `<div class="flagged-criterion"><p><span class="flagged-criterion-name">${escapeHtml(criterionLabel(c.criterion))}:</span> </p>` +
            `<details><summary>${FLAGGED_TEXT.monthFigures}</summary><div class="trace-months-slot"></div></details></div>`,
        )
        .join("") +
      `</li>`
    );
  }

  function update(e: Evaluation): void {
    const listed = e.municipalities.filter((m) => LISTED.includes(m.status));
    if (!listed.length) {
      const h = `<p class="flagged-none">${FLAGGED_TEXT.none(e.mode === "restoration")}</p>`;
      if (h !== none || ol) el.innerHTML = none = h;
      ol = null;
      items = new Map();
      return;
    }
    if (!ol) {
      none = "";
      ol = document.createElement("ol");
      el.replaceChildren(ol);
    }
    const next = new Map<string, Item>();
    const order: HTMLLIElement[] = [];
    const fresh: string[] = [];
    const freshCodes: string[] = [];
    const work: { m: Evaluation["municipalities"][number]; deciding: CriterionTrace[]; key: string }[] = [];
    for (const m of listed) {
      const deciding = m.criteria.filter((c) => LISTED.includes(c.status));
      const candidates = [...new Set(deciding.flatMap((c) => c.exemptionCandidates.map((x) => x.code)))];
      const key = `${m.status}|${candidates.join(",")}|${deciding.map((c) => c.criterion).join(",")}`;
      work.push({ m, deciding, key });
      const old = items.get(m.code);
      if (!old || old.key !== key) {
        fresh.push(itemHtml(m, deciding, candidates));
        freshCodes.push(m.code);
      }
    }
    // New items: parsed in one go.
    const made = new Map<string, HTMLLIElement>();
    if (fresh.length) {
      const t = document.createElement("ol");
      t.innerHTML = fresh.join("");
      Array.from(t.children).forEach((li, i) => made.set(freshCodes[i]!, li as HTMLLIElement));
    }
    for (const { m, deciding, key } of work) {
      const li = made.get(m.code);
      const item: Item = li
        ? {
            li,
            key,
            criteria: Array.from(li.querySelectorAll(".flagged-criterion"), (div) => ({
              text: div.querySelector("p")!.appendChild(document.createTextNode("")),
              details: div.querySelector("details")!,
            })),
          }
        : items.get(m.code)!;
      deciding.forEach((c, i) => {
        const slot = item.criteria[i]!;
        const sentence = explain(c);
        if (slot.text.nodeValue !== sentence) slot.text.nodeValue = sentence;
        traceOf.set(slot.details, c);
        if (filled.has(slot.details)) fill(slot.details);
      });
      next.set(m.code, item);
      order.push(item.li);
    }
    // Remove the items that left (or were remade), then insert the new ones in place.
    for (const [code, item] of items) if (next.get(code) !== item) item.li.remove();
    let cur = ol.firstChild;
    for (const li of order) {
      if (cur === li) cur = cur.nextSibling;
      else ol.insertBefore(li, cur);
    }
    items = next;
  }
  return { element: el, update };
}
