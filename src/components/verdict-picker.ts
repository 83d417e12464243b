/**
 * Which verdict the municipality page shows: one select of every standard period, grouped by
 * rule set. An Observable view: `.value` is {rules, period} and it emits "input" on change.
 */
import { html } from "npm:htl";
import { valueView } from "./view.js";
import { HISTORY_TEXT, RULE_SETS, RULE_SET_IDS, type Period, type RuleSetId, periodLabel } from "./_gen/tidlig.js";

export interface Selection {
  readonly rules: RuleSetId;
  readonly period: Period;
}

export interface VerdictPicker extends HTMLFormElement {
  value: Selection;
  /** Select a verdict from code (e.g. a click in the history table) and notify the page. */
  select(rules: RuleSetId, period: Period): void;
}

export function verdictPicker(
  periods: Readonly<Record<RuleSetId, readonly Period[]>>,
  initial: Selection,
): VerdictPicker {
  const key = (rules: RuleSetId, label: string) => `${rules}|${label}`;
  const all = new Map<string, Selection>();
  for (const rules of RULE_SET_IDS)
    for (const period of periods[rules]) all.set(key(rules, period.label), { rules, period });
  // A period from the URL that is no standard window (e.g. 2024-02..2024-07) is offered too.
  const initialKey = key(initial.rules, initial.period.label);
  if (!all.has(initialKey)) all.set(initialKey, initial);
  const select = html<HTMLSelectElement>`<select id="verdict-picker" name="vurdering">
    ${RULE_SET_IDS.map(
      (rules) =>
        html`<optgroup label=${RULE_SETS[rules].name}>
          ${[...all.values()]
            .filter((s) => s.rules === rules)
            .map(
              (s) =>
                html`<option value=${key(rules, s.period.label)}>${periodLabel(s.period)} (${s.period.label})</option>`,
            )}
        </optgroup>`,
    )}
  </select>`;
  select.value = initialKey;
  const form = html<HTMLFormElement>`<form class="verdict-picker no-print" onsubmit=${(e: Event) => e.preventDefault()}>
    <label for="verdict-picker">${HISTORY_TEXT.showVerdictFor}</label> ${select}
  </form>`;
  let value = initial;
  const show = (v: Selection) => {
    value = v;
    select.value = key(v.rules, v.period.label);
  };
  select.addEventListener("change", () => {
    value = all.get(select.value) ?? value;
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const pick = (rules: RuleSetId, period: Period) => {
    show({ rules, period });
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return valueView(form, { get: () => value, set: show }, { select: pick });
}
