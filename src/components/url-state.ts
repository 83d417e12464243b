/**
 * Binding between the URL and the page's controls: read once at load, written back with
 * replaceState on every change, so the address bar is always a shareable link to this view.
 */
import { html } from "npm:htl";
import {
  STATE_NOTES_TEXT,
  parseViewState,
  viewStateSearch,
  type Period,
  type RuleSetId,
  type StateNote,
  type ViewState,
} from "./_gen/tidlig.js";

export function readViewState(defaultPeriod: (rules: RuleSetId) => Period): { state: ViewState; notes: StateNote[] } {
  return parseViewState(location.search, defaultPeriod);
}

export function writeViewState(state: ViewState, defaultPeriod: (rules: RuleSetId) => Period): void {
  const search = viewStateSearch(state, defaultPeriod, location.search);
  if (search !== location.search)
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
}

/** The visible note for parameters that fell back to defaults (nothing when all were valid). */
export function stateNotes(notes: readonly StateNote[]): HTMLElement | string {
  if (!notes.length) return "";
  return html`<div class="state-notes" role="status" data-testid="state-notes">
    <strong>${STATE_NOTES_TEXT.heading}</strong>
    <ul>
      ${notes.map((n) => html`<li><code>${n.parameter}=${n.value}</code>: ${n.message}</li>`)}
    </ul>
  </div>`;
}
