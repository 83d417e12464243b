/**
 * The shared control panel: rule set, period, threshold, minimum population, aggregation,
 * exemptions and mode (and, on request, the heatmap's criterion and row order). It is an
 * Observable "view": `.value` is the current ViewState and it dispatches "input" on every change,
 * so a page writes `const state = view(controlPanel(data))`. Every change is written to the URL
 * with replaceState, so the address bar is always a shareable link to the view.
 */
import { html } from "npm:htl";
import {
  AGGREGATION_CHOICES,
  CONTROL_LABELS,
  MODE_LABELS,
  SORT_LABELS,
  periodLabel,
  criterionLabel,
  RULE_SETS,
  RULE_SET_IDS,
  criterionIdsFor,
  documentedPeriodCaveat,
  limitForThreshold,
  outsideDocumentedPeriodSentence,
  type Period,
  type RuleSetId,
  type SortOrder,
  type StateNote,
  type ViewState,
} from "./_gen/tidlig.js";
import type { SiteData } from "./data.js";
import { readViewState, stateNotes, writeViewState } from "./url-state.js";
import { valueView } from "./view.js";

/** The panel element: a form that is also an Observable view of the ViewState. */
export type ControlPanel = HTMLFormElement & {
  value: ViewState;
  /** Writes a pending change to the URL now (with `urlAfterRepaint`, the page calls it once it has repainted). */
  flushUrl(): void;
  /**
   * Registers a listener called synchronously on every change, before the "input" event: a page's
   * hot path can update its in-place views in the same task instead of waiting for the runtime's
   * next frame (see docs/performance.md). One listener per panel; a new one replaces the old.
   */
  onCommit(listener: CommitListener): void;
};

/** A synchronous change hook: the new state and the one it replaces. */
export type CommitListener = (next: ViewState, previous: ViewState) => void;

export type ControlName =
  "rules" | "period" | "threshold" | "min" | "aggregation" | "exemptions" | "mode" | "criterion" | "sort";

export interface ControlPanelOptions {
  /** Controls to leave out (their values stay as in the state). */
  readonly hide?: readonly ControlName[];
  /** Show the heatmap's criterion and row-order controls (default false). */
  readonly heatmap?: boolean;
  /** Write every change to the URL (default true). */
  readonly writeUrl?: boolean;
  /**
   * Leave the URL write (replaceState costs ≈5 ms) until the page calls `flushUrl()` after its
   * repaint, or at the latest 250 ms after the change (default false: right after the change).
   */
  readonly urlAfterRepaint?: boolean;
}

/** The criteria a view evaluates, in the rule set's order. */
export function criteriaOf(s: Pick<ViewState, "rules" | "aggregation">): string[] {
  return criterionIdsFor(s.rules, s.aggregation);
}

/** The criterion the heatmap shows: the state's when it belongs to the view, else the first. */
export function chosenCriterion(s: ViewState): string {
  const ids = criteriaOf(s);
  return s.criterion !== null && ids.includes(s.criterion) ? s.criterion : ids[0]!;
}

/** Danish decimal text → number (accepts "80", "80,5", "80.5"); null when it is not one. */
export function parseDecimalText(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A number with a decimal comma, as many decimals as it has (up to 2). */
function decimalText(n: number): string {
  return new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2, useGrouping: false }).format(n);
}

let panelCount = 0;

/**
 * The control panel for `data`, starting from `initial` (default: the URL, with a visible note
 * for parameters that could not be used).
 */
export function controlPanel(
  data: SiteData,
  initial: { state: ViewState; notes: readonly StateNote[] } = readViewState(data.defaultPeriod),
  options: ControlPanelOptions = {},
): ControlPanel {
  const id = `cp${++panelCount}`;
  const hidden = new Set<ControlName>(options.hide ?? []);
  if (!options.heatmap) {
    hidden.add("criterion");
    hidden.add("sort");
  }
  const writeUrl = options.writeUrl ?? true;
  let state: ViewState = initial.state;
  let urlPending = false;
  let commitListener: CommitListener | null = null;

  const field = (name: ControlName, label: string, control: Node, extra?: Node | string) =>
    html`<div class="control" data-control=${name} hidden=${hidden.has(name)}>
      <label for=${`${id}-${name}`}>${label}</label>${control}${extra ?? ""}
    </div>`;

  const rules = html<HTMLSelectElement>`<select id=${`${id}-rules`} name="rules">
    ${RULE_SET_IDS.map((r) => html`<option value=${r}>${RULE_SETS[r].name}</option>`)}
  </select>`;
  const period = html<HTMLSelectElement>`<select id=${`${id}-period`} name="period"></select>`;
  const range = html<HTMLInputElement>`<input
    type="range"
    min="0"
    max="100"
    step="0.1"
    name="threshold-range"
    aria-label=${CONTROL_LABELS.thresholdSlider}
    aria-controls=${`${id}-threshold`}
  />`;
  const threshold = html<HTMLInputElement>`<input
    id=${`${id}-threshold`}
    name="threshold"
    type="text"
    inputmode="decimal"
    size="5"
    autocomplete="off"
    aria-describedby=${`${id}-threshold-help`}
  />`;
  const thresholdHelp = html`<span id=${`${id}-threshold-help`} class="control-help"></span>`;
  // docs/rules.md §4.5: a window outside the model's documented period is a what-if, and the page says so.
  const periodNote = html`<p class="state-notes" role="status" data-testid="period-note" hidden></p>`;
  const min = html<HTMLInputElement>`<input
    id=${`${id}-min`}
    name="min"
    type="number"
    min="0"
    step="1"
    inputmode="numeric"
  />`;
  const aggregation = html<HTMLSelectElement>`<select id=${`${id}-aggregation`} name="aggregation">
    <option value="overall">${AGGREGATION_CHOICES.overall}</option>
    <option value="per-group">${AGGREGATION_CHOICES["per-group"]}</option>
  </select>`;
  const exemptions = html<HTMLInputElement>`<input
    id=${`${id}-exemptions`}
    name="exemptions"
    type="checkbox"
    role="switch"
  />`;
  const mode = html<HTMLSelectElement>`<select id=${`${id}-mode`} name="mode">
    <option value="trigger">${MODE_LABELS.trigger}</option>
    <option value="restoration">${MODE_LABELS.restoration}</option>
  </select>`;
  const criterion = html<HTMLSelectElement>`<select id=${`${id}-criterion`} name="criterion"></select>`;
  const sort = html<HTMLSelectElement>`<select id=${`${id}-sort`} name="sort">
    ${(Object.keys(SORT_LABELS) as SortOrder[]).map((s) => html`<option value=${s}>${SORT_LABELS[s]}</option>`)}
  </select>`;

  const form = html<HTMLFormElement>`<form
    class="control-panel no-print"
    data-testid="controls"
    aria-label=${CONTROL_LABELS.form}
    novalidate
  >
    ${stateNotes(initial.notes)} ${periodNote}
    <fieldset>
      <legend>${CONTROL_LABELS.rulesAndPeriod}</legend>
      ${field("rules", CONTROL_LABELS.rules, rules)} ${field("period", CONTROL_LABELS.period, period)}
      ${field("mode", CONTROL_LABELS.mode, mode)}
    </fieldset>
    <fieldset>
      <legend>${CONTROL_LABELS.parameters}</legend>
      ${field("threshold", CONTROL_LABELS.threshold, html`<span class="control-threshold">${range}${threshold}<span aria-hidden="true">%</span></span>`, thresholdHelp)}
      ${field("min", CONTROL_LABELS.minPopulation, min)}
      ${field("aggregation", CONTROL_LABELS.aggregation, aggregation)}
      <div class="control control--switch" data-control="exemptions" hidden=${hidden.has("exemptions")}>
        ${exemptions}<label for=${`${id}-exemptions`}>${CONTROL_LABELS.exemptions}</label>
      </div>
    </fieldset>
    <fieldset hidden=${hidden.has("criterion") && hidden.has("sort")}>
      <legend>${CONTROL_LABELS.heatmap}</legend>
      ${field("criterion", CONTROL_LABELS.criterion, criterion)} ${field("sort", CONTROL_LABELS.sort, sort)}
    </fieldset>
  </form>`;

  const show = (name: ControlName, visible: boolean) => {
    const el = form.querySelector<HTMLElement>(`[data-control="${name}"]`);
    if (el) el.hidden = hidden.has(name) || !visible;
  };

  /** Puts the state into the controls (options depend on the rule set and aggregation). */
  const render = () => {
    rules.value = state.rules;
    const periods: readonly Period[] = data.periods[state.rules];
    const options = periods.some((p) => p.label === state.period.label) ? periods : [...periods, state.period];
    period.replaceChildren(
      ...options
        .slice()
        .reverse()
        .map((p) => {
          const o = document.createElement("option");
          o.value = p.label;
          o.textContent = periods.includes(p) ? periodLabel(p) : CONTROL_LABELS.notStandardPeriod(periodLabel(p));
          return o;
        }),
    );
    period.value = state.period.label;
    const outside = documentedPeriodCaveat(state.rules, state.period.months);
    const note = outside ? outsideDocumentedPeriodSentence(state.rules, outside) : "";
    if (periodNote.textContent !== note) periodNote.textContent = note; // no layout work on a threshold change
    periodNote.hidden = outside === null;
    range.value = String(state.threshold);
    if (document.activeElement !== threshold || parseDecimalText(threshold.value) !== state.threshold)
      threshold.value = decimalText(state.threshold);
    threshold.removeAttribute("aria-invalid");
    thresholdHelp.textContent = CONTROL_LABELS.thresholdHelp(
      limitForThreshold(state.threshold),
      state.rules === "genopretning-2020",
    );
    min.value = String(state.min);
    aggregation.value = state.aggregation;
    exemptions.checked = state.exemptions;
    mode.value = state.mode;
    const ids = criteriaOf(state);
    criterion.replaceChildren(
      ...ids.map((c) => {
        const o = document.createElement("option");
        o.value = c;
        o.textContent = criterionLabel(c);
        return o;
      }),
    );
    criterion.value = chosenCriterion(state);
    sort.value = state.sort;
    show("aggregation", state.rules === "opfoelgning-2024");
    show("exemptions", state.rules === "opfoelgning-2024");
    show("mode", state.rules === "genopretning-2020");
  };

  const flushUrl = () => {
    if (!urlPending) return;
    urlPending = false;
    writeViewState(state, data.defaultPeriod);
  };

  const commit = (next: ViewState) => {
    if (next.threshold !== state.threshold) performance.mark("threshold-change");
    const previous = state;
    state = next;
    render();
    commitListener?.(next, previous);
    // The address bar follows after the repaint (replaceState costs several ms).
    if (writeUrl && !urlPending) {
      urlPending = true;
      setTimeout(flushUrl, options.urlAfterRepaint ? 250 : 0);
    }
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };

  /** Reads the controls into a new state; null when a typed value is not usable yet. */
  const read = (source: EventTarget | null): ViewState | null => {
    const nextRules = rules.value as RuleSetId;
    let nextPeriod = state.period;
    if (nextRules !== state.rules) {
      // A new rule set has its own calendar: keep the period only if it is one of its windows.
      nextPeriod = data.periods[nextRules].find((p) => p.label === state.period.label) ?? data.defaultPeriod(nextRules);
    } else {
      nextPeriod = [...data.periods[nextRules], state.period].find((p) => p.label === period.value) ?? state.period;
    }
    let nextThreshold = state.threshold;
    if (source === range) nextThreshold = Number(range.value);
    else if (source === threshold) {
      const n = parseDecimalText(threshold.value);
      if (n === null || n > 100) {
        threshold.setAttribute("aria-invalid", "true");
        return null;
      }
      nextThreshold = Math.round(n * 100) / 100;
    }
    let nextMin = state.min;
    if (source === min) {
      const n = Number(min.value);
      if (min.value.trim() === "" || !Number.isInteger(n) || n < 0) return null;
      nextMin = n;
    }
    return {
      ...state,
      rules: nextRules,
      period: nextPeriod,
      threshold: nextThreshold,
      min: nextMin,
      aggregation: aggregation.value as ViewState["aggregation"],
      exemptions: exemptions.checked,
      mode: mode.value as ViewState["mode"],
      criterion: source === criterion ? criterion.value : state.criterion,
      sort: sort.value as SortOrder,
    };
  };

  const onChange = (event: Event) => {
    if (event.target === form) return; // our own event: let Observable see it
    event.stopImmediatePropagation();
    const next = read(event.target);
    if (next) commit(next);
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", (event) => {
    event.stopImmediatePropagation();
    // Leaving the text field reformats it (or restores the last valid value).
    if (event.target === threshold || event.target === min) render();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  const panel = valueView(
    form,
    {
      get: () => state,
      set: (v: ViewState) => {
        state = v;
        render();
      },
    },
    {
      flushUrl,
      onCommit: (listener: CommitListener) => {
        commitListener = listener;
      },
    },
  );
  render();
  return panel;
}
