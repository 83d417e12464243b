/**
 * KPI cards: how many municipalities are flagged / compliant / not covered / insufficient data
 * (restoration mode: not restored / restored / insufficient data / not under restoration), each with the change against
 * the previous standard period of the same rule set. `data-testid="flagged-count"` holds the
 * number of flagged (restoration: not restored) municipalities as plain digits.
 */
import { STATUS_COLORS } from "./colors.js";
import { KPI_TEXT, STATUS_LABELS, STATUS_SYMBOLS, type CriterionStatus, type Mode } from "./_gen/tidlig.js";
import type { InPlaceView } from "./view.js";

export interface KpiOptions {
  readonly counts: Readonly<Record<CriterionStatus, number>>;
  /** Counts of the previous standard period, or null when there is none in the data. */
  readonly previous: Readonly<Record<CriterionStatus, number>> | null;
  /** "2. halvår 2024" */
  readonly previousLabel: string | null;
  readonly mode: Mode;
  /** Show an "exempted" card (when exemptions are applied). */
  readonly exemptions: boolean;
}

const TEST_IDS: Partial<Record<CriterionStatus, string>> = {
  flagged: "flagged-count",
  "not-restored": "flagged-count",
  compliant: "compliant-count",
  restored: "restored-count",
  "not-covered": "not-covered-count",
  "insufficient-data": "insufficient-count",
  exempted: "exempted-count",
  "not-under-restoration": "not-under-restoration-count",
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "+2 siden 2. halvår 2024", "−1 …", "uændret siden …". */
export function changeText(now: number, before: number, label: string): string {
  const d = now - before;
  return d === 0 ? KPI_TEXT.unchanged(label) : KPI_TEXT.changed(d, label);
}

function cardsHtml(o: KpiOptions): string {
  const statuses: CriterionStatus[] =
    o.mode === "restoration"
      ? ["not-restored", "restored", "insufficient-data", "not-under-restoration"]
      : ["flagged", ...(o.exemptions ? (["exempted"] as const) : []), "compliant", "not-covered", "insufficient-data"];
  const cards = statuses.map((s) => {
    const n = o.counts[s] ?? 0;
    const change =
      o.previous && o.previousLabel ? changeText(n, o.previous[s] ?? 0, o.previousLabel) : KPI_TEXT.noPrevious;
    return (
      `<div class="kpi kpi--${s}" style="--kpi-color:${STATUS_COLORS[s]}">` +
      `<div class="kpi-label"><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[s]}</span> ${escapeHtml(STATUS_LABELS[s])}</div>` +
      `<div class="kpi-value" data-testid="${TEST_IDS[s]}">${n}</div>` +
      `<div class="kpi-change">${escapeHtml(change)}</div>` +
      `</div>`
    );
  });
  return cards.join("");
}

export function kpiCards(o: KpiOptions): HTMLElement {
  const view = kpiView();
  view.update(o);
  return view.element;
}

/** KPI cards made once; `update` replaces their content only when it changes (view.ts). */
export type KpiView = InPlaceView<KpiOptions>;

export function kpiView(): KpiView {
  const el = document.createElement("div");
  el.className = "kpis";
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", KPI_TEXT.aria);
  let shown = "";
  return {
    element: el,
    update(o) {
      const h = cardsHtml(o);
      if (h !== shown) el.innerHTML = shown = h;
    },
  };
}
