/**
 * "Forklar en sag": the user types up to six months of figures for one criterion, picks a rule
 * set and its parameters, and sees the verdict, its explanation and its trace, computed by lib's
 * evaluate() on a MeasurementIndex built from the typed cells. Nothing is decided here; this
 * file only reads the fields and shows lib's answer.
 */
import { html } from "npm:htl";
import {
  CASE_TEXT,
  FOLLOW_UP_DEFAULTS,
  MODE_LABELS,
  MeasurementIndex,
  OVERALL_CRITERIA,
  RESTORATION_DEFAULTS,
  RULE_SETS,
  RULE_SET_IDS,
  addMonths,
  criteriaFor,
  criterionDefinition,
  evaluate,
  formatMonthLong,
  parseDecimal,
  parseMonth,
  shareFromCounts,
  shareRounded,
  type Cell,
  type Measure,
  type BenefitGroupId,
  type Mode,
  type RuleSetId,
  criterionLabel,
} from "./_gen/tidlig.js";
import { traceView, statusBadge } from "./trace-view.js";

export const CASE_MONTHS = 6;
const CODE = "000";
const NAME = CASE_TEXT.municipality;

/** The example the widget opens with: six months above the 2024 model's limit, with populations. */
const EXAMPLE = {
  start: "2025-01",
  population: ["42", "38", "45", "41", "39", "44"],
  without: ["", "", "", "", "", ""],
  share: ["24,3", "22,0", "25,1", "21,7", "23,0", "26,4"],
};

interface Problem {
  readonly input: HTMLInputElement;
  readonly message: string;
}

function field(
  name: string,
  label: string,
  value: string,
  attrs: Record<string, string> = {},
): { label: HTMLElement; input: HTMLInputElement } {
  const input = html<HTMLInputElement>`<input
    type="text"
    inputmode="decimal"
    name=${name}
    value=${value}
    autocomplete="off"
  />`;
  for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
  input.setAttribute("aria-label", label);
  return { label: html`<span class="sr-only">${label}</span>`, input };
}

function numberInput(name: string, value: number, min: number, max: number, step: string): HTMLInputElement {
  return html<HTMLInputElement>`<input
    type="number"
    name=${name}
    value=${value}
    min=${min}
    max=${max}
    step=${step}
    style="width:6em"
  />`;
}

export function caseWidget(): HTMLElement {
  const rules = html<HTMLSelectElement>`<select name="rules">
    ${RULE_SET_IDS.map((id) => html`<option value=${id}>${RULE_SETS[id].name}</option>`)}
  </select>`;
  const criterion = html<HTMLSelectElement>`<select name="criterion"></select>`;
  const mode = html<HTMLSelectElement>`<select name="mode">
    <option value="trigger">${MODE_LABELS.trigger}</option>
    <option value="restoration">${MODE_LABELS.restoration}</option>
  </select>`;
  const threshold = numberInput("threshold", FOLLOW_UP_DEFAULTS.threshold, 0, 100, "0.1");
  const limit = numberInput("limit", RESTORATION_DEFAULTS.limit, 0, 100, "0.1");
  const minPopulation = numberInput("min", FOLLOW_UP_DEFAULTS.minPopulation, 0, 100000, "1");
  const start = html<HTMLInputElement>`<input type="month" name="start" value=${EXAMPLE.start} />`;
  const modeLabel = html`<label>${CASE_TEXT.check} ${mode}</label>`;
  const thresholdLabel = html`<label>${CASE_TEXT.thresholdPercent} ${threshold}</label>`;
  const limitLabel = html`<label>${CASE_TEXT.limitPercent} ${limit}</label>`;

  const rows = Array.from({ length: CASE_MONTHS }, (_, i) => ({
    month: html`<th scope="row"></th>`,
    population: field(`population-${i + 1}`, CASE_TEXT.populationField(i + 1), EXAMPLE.population[i]!, {
      "data-testid": `case-population-${i + 1}`,
      inputmode: "numeric",
    }),
    without: field(`without-${i + 1}`, CASE_TEXT.withoutField(i + 1), EXAMPLE.without[i]!, {
      "data-testid": `case-without-${i + 1}`,
      inputmode: "numeric",
    }),
    share: field(`share-${i + 1}`, CASE_TEXT.shareField(i + 1), EXAMPLE.share[i]!, {
      "data-testid": `case-share-${i + 1}`,
    }),
    note: html`<td class="case-note"></td>`,
    row: null as HTMLElement | null,
  }));
  for (const r of rows) {
    r.row = html`<tr>
      ${r.month}
      <td>${r.population.label}${r.population.input}</td>
      <td>${r.without.label}${r.without.input}</td>
      <td>${r.share.label}${r.share.input}</td>
      ${r.note}
    </tr>`;
  }
  const result = html`<div class="case-result" data-testid="case-result" aria-live="polite"></div>`;

  function fillCriteria(): void {
    const id = rules.value as RuleSetId;
    const list = criteriaFor(id);
    const keep = criterion.value;
    criterion.replaceChildren(...list.map((c) => html`<option value=${c.id}>${criterionLabel(c.id)}</option>`));
    if (list.some((c) => c.id === keep)) criterion.value = keep;
  }

  function windowMonths(id: RuleSetId): number {
    return id === "opfoelgning-2024" ? FOLLOW_UP_DEFAULTS.windowMonths : RESTORATION_DEFAULTS.windowMonths;
  }

  function update(): void {
    const id = rules.value as RuleSetId;
    const follow = id === "opfoelgning-2024";
    modeLabel.hidden = follow;
    thresholdLabel.hidden = !follow;
    limitLabel.hidden = follow;
    const n = windowMonths(id);
    const problems: Problem[] = [];
    const first = parseMonth(start.value) ?? EXAMPLE.start;
    if (!parseMonth(start.value)) problems.push({ input: start, message: CASE_TEXT.notAMonth(start.value) });
    const months = Array.from({ length: CASE_MONTHS }, (_, i) => addMonths(first, i));

    const def = criterionDefinition(criterion.value) ?? OVERALL_CRITERIA[0]!;
    const group: BenefitGroupId = def.groups.length === 1 ? def.groups[0]! : "alle";
    const measure: Measure = def.measure;
    const cells: Cell[] = [];
    rows.forEach((r, i) => {
      const used = i < n;
      r.month.textContent = formatMonthLong(months[i]!);
      if (used) r.row!.removeAttribute("data-unused");
      else r.row!.setAttribute("data-unused", "");
      for (const f of [r.population, r.without, r.share]) {
        f.input.disabled = !used;
        f.input.removeAttribute("aria-invalid");
      }
      r.note.textContent = used ? "" : CASE_TEXT.unused(RULE_SETS[id].name, n);
      if (!used) return;
      const label = CASE_TEXT.monthOf(i + 1, months[i]!);
      const count = (f: { input: HTMLInputElement }, what: string): number | null => {
        const text = f.input.value.trim();
        if (text === "") return null;
        if (!/^\d+$/.test(text)) {
          problems.push({ input: f.input, message: CASE_TEXT.notACount(label, what, text) });
          return null;
        }
        return Number(text);
      };
      const population = count(r.population, CASE_TEXT.populationWord);
      const without = count(r.without, CASE_TEXT.withoutWord);
      if (population !== null && without !== null && without > population) {
        problems.push({
          input: r.without.input,
          message: CASE_TEXT.moreWithout(label, without, population),
        });
      }
      const shareText = r.share.input.value.trim();
      const share = shareText === "" || shareText === "." ? null : parseDecimal(shareText);
      if (shareText !== "" && shareText !== "." && (share === null || share.num / share.den > 100)) {
        problems.push({
          input: r.share.input,
          message: CASE_TEXT.notAShare(label, shareText),
        });
      }
      if (population !== null && without !== null && share) {
        const fromCounts = shareFromCounts(without, population);
        if (fromCounts && Math.abs(shareRounded(fromCounts) - share.num / share.den) > 0.05 + 1e-9) {
          r.note.textContent = CASE_TEXT.countsGive(shareRounded(fromCounts));
        }
      }
      cells.push({
        municipalityCode: CODE,
        benefitGroup: group,
        measure,
        month: months[i]!,
        population,
        without,
        shareWithout: share,
      });
    });

    for (const p of problems) p.input.setAttribute("aria-invalid", "true");
    if (problems.length) {
      result.replaceChildren(
        html`<div class="case-messages" role="alert" data-testid="case-messages">
          <strong>${CASE_TEXT.fixFirst}</strong>
          <ul>
            ${problems.map((p) => html`<li>${p.message}</li>`)}
          </ul>
        </div>`,
      );
      return;
    }
    const window = months.slice(0, n);
    const index = new MeasurementIndex({ cells, names: new Map([[CODE, NAME]]), warnings: [] });
    const thresholdValue = Number(threshold.value);
    const limitValue = Number(limit.value);
    const minValue = Number(minPopulation.value);
    const checks: (string | null)[] = [
      follow && !(thresholdValue >= 0 && thresholdValue <= 100) ? CASE_TEXT.thresholdRange : null,
      !follow && !(limitValue >= 0 && limitValue <= 100) ? CASE_TEXT.limitRange : null,
      !(Number.isInteger(minValue) && minValue >= 0) ? CASE_TEXT.minPopulationInteger : null,
    ];
    const bad = checks.filter((x): x is string => x !== null);
    if (bad.length) {
      result.replaceChildren(
        html`<div class="case-messages" role="alert" data-testid="case-messages">
          <ul>
            ${bad.map((b) => html`<li>${b}</li>`)}
          </ul>
        </div>`,
      );
      return;
    }
    const evaluation = evaluate(index, {
      ruleSet: id,
      window,
      period: `${window[0]}..${window[window.length - 1]}`,
      criteria: [def.id],
      ...(follow ? {} : { mode: mode.value as Mode }),
      followUp: {
        threshold: thresholdValue,
        minPopulation: minValue,
        aggregation: def.groups.length === 1 ? "per-group" : "overall",
      },
      restoration: { limit: limitValue, minPopulation: minValue },
    });
    const verdict = evaluation.municipalities[0] ?? null;
    const trace = verdict?.criteria[0];
    result.replaceChildren(
      html`<p class="case-verdict" data-testid="case-verdict" data-status=${trace?.status ?? "none"}>
        ${trace ? statusBadge(trace.status) : CASE_TEXT.noVerdict}
      </p>`,
      html`<details class="case-trace">
        <summary>${CASE_TEXT.wholeTrace}</summary>
        ${traceView(evaluation, verdict, { synthetic: false, inputs: [CASE_TEXT.typedIn] })}
      </details>`,
    );
    // The explanation sentence is part of the trace view; show it next to the verdict as well.
    const sentence = result.querySelector(".trace-explanation");
    if (sentence)
      result.insertBefore(html`<p data-testid="case-explanation">${sentence.textContent}</p>`, result.children[1]!);
  }

  rules.addEventListener("change", () => {
    fillCriteria();
    update();
  });
  fillCriteria();
  const form = html`<form class="case-widget" onsubmit=${(e: Event) => e.preventDefault()} data-testid="case-widget">
    <fieldset>
      <label>${CASE_TEXT.rules} ${rules}</label>
      <label>${CASE_TEXT.criterion} ${criterion}</label>
      ${modeLabel} ${thresholdLabel} ${limitLabel}
      <label>${CASE_TEXT.minPopulation} ${minPopulation}</label>
      <label>${CASE_TEXT.firstMonth} ${start}</label>
    </fieldset>
    <p class="muted">${CASE_TEXT.howToFill}</p>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${CASE_TEXT.monthsRegion}>
      <table class="case-table">
        <thead>
          <tr>
            <th>${CASE_TEXT.month}</th>
            <th>${CASE_TEXT.population}</th>
            <th>${CASE_TEXT.without}</th>
            <th>${CASE_TEXT.sharePercent}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => r.row)}
        </tbody>
      </table>
    </div>
    ${result}
  </form>`;
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
  return form;
}
