/**
 * The rules page's tables, generated from lib's data (Table 1, parameters, calendars, criteria,
 * stages, labels): no number on /regler is typed by hand.
 */
import { html } from "npm:htl";
import {
  RULES_TEXT,
  BENEFIT_GROUPS,
  EXEMPTION_LABELS,
  FOLLOW_UP_CALENDAR,
  FOLLOW_UP_DEFAULTS,
  OFFER_GROUPS,
  OVERALL_CRITERIA,
  PER_GROUP_CRITERIA,
  RESTORATION_CALENDAR,
  RESTORATION_DEFAULTS,
  RULE_SETS,
  STAGES,
  STAGE_LABELS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  formatCount,
  formatPercentParameter,
  standardPeriods,
  type RuleSetId,
  type StandardWindow,
  criterionLabel,
  groupLabel,
} from "./_gen/tidlig.js";

const T = RULES_TEXT;
const yes = T.yes;
const no = T.no;

/** Table 1: the legal minimum per benefit group, with the 2024 change for a-dagpenge. */
export function table1(): HTMLElement {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${T.table1Region}>
    <table class="rules-table" data-testid="table-1">
      <caption>
        ${T.table1Caption}
      </caption>
      <thead>
        <tr>
          <th>${T.group}</th>
          <th><code>id</code></th>
          <th class="num">${T.conversationsMinimum}</th>
          <th>${T.offerRequired}</th>
          <th>${T.note}</th>
        </tr>
      </thead>
      <tbody>
        ${BENEFIT_GROUPS.map((g) => {
          const c = g.conversations;
          const conversations =
            c === null
              ? "–"
              : c.change
                ? T.conversationsChange(c.minimum, c.change.from, c.change.minimum)
                : formatCount(c.minimum);
          const notes = [c?.change?.note, g.note].filter((x): x is string => !!x);
          return html`<tr data-group=${g.id}>
            <td>${g.label}</td>
            <td><code>${g.id}</code></td>
            <td class="num">${conversations}</td>
            <td>${g.id === "alle" ? "–" : g.offerRequired ? yes : no}</td>
            <td>${notes.join(" ")}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function calendarList(ruleSet: RuleSetId, calendar: readonly StandardWindow[], year: number): HTMLElement {
  const example = standardPeriods(ruleSet, `${year}-01`, `${year + 1}-12`).filter((p) =>
    p.months[0]!.startsWith(String(year)),
  );
  return html`<ul>
    ${calendar.map((w, i) => {
      const p = example[i];
      return html`<li>${w.label}${p ? T.calendarExample(p.months, p.assessed) : ""}</li>`;
    })}
  </ul>`;
}

interface ParameterRow {
  readonly name: string;
  readonly key: string;
  readonly value: string;
}

function parameterTable(rows: readonly ParameterRow[], testid: string): HTMLElement {
  return html`<table class="rules-table" data-testid=${testid}>
    <thead>
      <tr>
        <th>${T.parameter}</th>
        <th>${T.standard}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <td>${r.name} <code>${r.key}</code></td>
            <td>${r.value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Both rule sets: parameters, calendar, criteria. */
export function ruleSetSections(): HTMLElement {
  const f = FOLLOW_UP_DEFAULTS;
  const r = RESTORATION_DEFAULTS;
  const followRows: ParameterRow[] = [
    { name: T.threshold, key: "threshold", value: formatPercentParameter(f.threshold) },
    { name: T.minPopulation, key: "minPopulation", value: formatCount(f.minPopulation) },
    { name: T.windowMonths, key: "windowMonths", value: formatCount(f.windowMonths) },
    {
      name: T.aggregation,
      key: "aggregation",
      value: f.aggregation === "overall" ? T.aggregationOverall : T.aggregationPerGroup,
    },
    { name: T.applyExemptions, key: "applyExemptions", value: f.applyExemptions ? yes : no },
  ];
  const restorationRows: ParameterRow[] = [
    { name: T.limit, key: "limit", value: formatPercentParameter(r.limit) },
    { name: T.minPopulation, key: "minPopulation", value: formatCount(r.minPopulation) },
    { name: T.windowMonths, key: "windowMonths", value: formatCount(r.windowMonths) },
    { name: T.restorationMonths, key: "restorationMonths", value: formatCount(r.restorationMonths) },
  ];
  const groupsOf = (ids: readonly string[]) => ids.map(groupLabel).join(", ");
  return html`<div class="side-by-side">
    <section data-rules="opfoelgning-2024">
      <h3>${RULE_SETS["opfoelgning-2024"].name}</h3>
      <p class="muted">${T.source(RULE_SETS["opfoelgning-2024"].source)}</p>
      ${parameterTable(followRows, "parameters-opfoelgning-2024")}
      <h4>${T.calendar}</h4>
      ${calendarList("opfoelgning-2024", FOLLOW_UP_CALENDAR, 2025)}
      <h4>${T.overallCriteria}</h4>
      <ul>
        ${OVERALL_CRITERIA.map((c) => html`<li><strong>${criterionLabel(c.id)}</strong>${T.overallCriterion(groupsOf(c.groups))}</li>`)}
      </ul>
      <p>${T.perGroupInstead(PER_GROUP_CRITERIA.length)}</p>
    </section>
    <section data-rules="genopretning-2020">
      <h3>${RULE_SETS["genopretning-2020"].name}</h3>
      <p class="muted">${T.source(RULE_SETS["genopretning-2020"].source)}</p>
      ${parameterTable(restorationRows, "parameters-genopretning-2020")}
      <h4>${T.calendar}</h4>
      ${calendarList("genopretning-2020", RESTORATION_CALENDAR, 2022)}
      <h4>${T.perGroupCriteria}</h4>
      <p>
        ${T.perGroupCount(
          PER_GROUP_CRITERIA.length,
          PER_GROUP_CRITERIA.filter((c) => c.measure === "samtaler").length,
          PER_GROUP_CRITERIA.filter((c) => c.measure === "tilbud").length,
          groupsOf(OFFER_GROUPS.map((g) => g.id)),
        )}
      </p>
      <ul>
        ${PER_GROUP_CRITERIA.map((c) => html`<li>${criterionLabel(c.id)} <code>${c.id}</code></li>`)}
      </ul>
    </section>
  </div>`;
}

/** The verdict order of one criterion, with the limit from the defaults. */
export function verdictOrder(): HTMLElement {
  const limit = 100 - FOLLOW_UP_DEFAULTS.threshold;
  const min = FOLLOW_UP_DEFAULTS.minPopulation;
  const step = (s: keyof typeof STATUS_LABELS, text: string) =>
    html`<li data-status=${s}>
      <strong><span aria-hidden="true">${STATUS_SYMBOLS[s]}</span> ${STATUS_LABELS[s]}</strong> — ${text}
    </li>`;
  return html`<ol class="verdict-order" data-testid="verdict-order">
    ${step("not-covered", T.orderNotCovered(min))}
    ${step("compliant", T.orderCompliant(limit, FOLLOW_UP_DEFAULTS.threshold))}
    ${step("insufficient-data", T.orderInsufficient)} ${step("flagged", T.orderFlagged)}
  </ol>`;
}

/** The stages of the 2020 model's process. */
export function stageList(): HTMLElement {
  return html`<ol class="stage-list">
    ${STAGES.map((s) => html`<li><strong>${STAGE_LABELS[s]}</strong></li>`)}
  </ol>`;
}

/** The exemption candidates with what the kit checks. */
export function exemptionList(): HTMLElement {
  return html`<ul>
    <li>
      <strong>${EXEMPTION_LABELS["enhanced-supervision"]}</strong> ${T.exemptionSupervision}
      <code>data/skaerpet-tilsyn.csv</code>).
    </li>
    <li><strong>${EXEMPTION_LABELS["positive-trend"]}</strong> ${T.exemptionTrend}</li>
  </ul>`;
}

/** 2020 ↔ 2024 side by side, from the same constants. */
export function differences(): HTMLElement {
  const f = FOLLOW_UP_DEFAULTS;
  const r = RESTORATION_DEFAULTS;
  const cal = (c: readonly StandardWindow[]) => c.map((w) => w.label).join("; ");
  const rows = T.differences(f, r, OVERALL_CRITERIA.length, PER_GROUP_CRITERIA.length, {
    followUp: cal(FOLLOW_UP_CALENDAR),
    restoration: cal(RESTORATION_CALENDAR),
  });
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${T.differencesRegion}>
    <table class="rules-table" data-testid="differences">
      <thead>
        <tr>
          <th></th>
          <th>${RULE_SETS["opfoelgning-2024"].name}</th>
          <th>${RULE_SETS["genopretning-2020"].name}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([k, a, b]) =>
            html`<tr>
              <th scope="row">${k}</th>
              <td>${a}</td>
              <td>${b}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
