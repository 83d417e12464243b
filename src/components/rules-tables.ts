/**
 * The rules page's tables, generated from lib's data (Table 1, parameters, calendars, criteria,
 * stages, labels): no number on /regler is typed by hand.
 */
import { html } from "npm:htl";
import {
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
  formatCountWord,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatPercentParameter,
  standardPeriods,
  type RuleSetId,
  type StandardWindow,
  criterionLabel,
  groupLabel,
} from "./_gen/tidlig.js";

const yes = "ja";
const no = "nej";

/** Table 1: the legal minimum per benefit group, with the 2024 change for a-dagpenge. */
export function table1(): HTMLElement {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="Lovkrav pr. ydelsesgruppe">
    <table class="rules-table" data-testid="table-1">
      <caption>
        Lovkrav i de første seks måneder pr. ydelsesgruppe
      </caption>
      <thead>
        <tr>
          <th>Ydelsesgruppe (Jobindsats)</th>
          <th><code>id</code></th>
          <th class="num">Samtaler, mindst</th>
          <th>Mindst ét aktivt tilbud</th>
          <th>Bemærkning</th>
        </tr>
      </thead>
      <tbody>
        ${BENEFIT_GROUPS.map((g) => {
          const c = g.conversations;
          const conversations =
            c === null
              ? "–"
              : c.change
                ? `${formatCount(c.minimum)}; fra ${formatMonthLong(c.change.from)}: ${formatCount(c.change.minimum)}`
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
      return html`<li>
        ${w.label}${p ? html` — fx ${formatMonthSpan(p.months)}, vurderet i ${formatMonthShort(p.assessed)}` : ""}
      </li>`;
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
        <th>Parameter</th>
        <th>Standard</th>
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
    {
      name: "Tærskel: andel der skal have fået indsatsen",
      key: "threshold",
      value: formatPercentParameter(f.threshold),
    },
    { name: "Mindste antal borgere pr. måned", key: "minPopulation", value: formatCount(f.minPopulation) },
    { name: "Måneder i en periode", key: "windowMonths", value: formatCount(f.windowMonths) },
    {
      name: "Opgørelse",
      key: "aggregation",
      value: f.aggregation === "overall" ? "samlet for kommunen (overall)" : "pr. ydelsesgruppe (per-group)",
    },
    { name: "Vis undtagelseskandidater som undtaget", key: "applyExemptions", value: f.applyExemptions ? yes : no },
  ];
  const restorationRows: ParameterRow[] = [
    { name: "Grænse: andel uden indsats", key: "limit", value: formatPercentParameter(r.limit) },
    { name: "Mindste antal borgere pr. måned", key: "minPopulation", value: formatCount(r.minPopulation) },
    { name: "Måneder i en periode", key: "windowMonths", value: formatCount(r.windowMonths) },
    {
      name: "Måneder til at genoprette (og højst til en plan)",
      key: "restorationMonths",
      value: formatCount(r.restorationMonths),
    },
  ];
  const groupsOf = (ids: readonly string[]) => ids.map(groupLabel).join(", ");
  return html`<div class="side-by-side">
    <section data-rules="opfoelgning-2024">
      <h3>${RULE_SETS["opfoelgning-2024"].name}</h3>
      <p class="muted">Kilde: ${RULE_SETS["opfoelgning-2024"].source}.</p>
      ${parameterTable(followRows, "parameters-opfoelgning-2024")}
      <h4>Kalender</h4>
      ${calendarList("opfoelgning-2024", FOLLOW_UP_CALENDAR, 2025)}
      <h4>Handlekriterier (samlet opgørelse)</h4>
      <ul>
        ${OVERALL_CRITERIA.map((c) => html`<li><strong>${criterionLabel(c.id)}</strong>: alle borgere i ${groupsOf(c.groups)} lagt sammen.</li>`)}
      </ul>
      <p>
        Med opgørelsen pr. ydelsesgruppe bruges i stedet de ${formatCountWord(PER_GROUP_CRITERIA.length)}
        gruppekriterier fra genopretningsmodellen.
      </p>
    </section>
    <section data-rules="genopretning-2020">
      <h3>${RULE_SETS["genopretning-2020"].name}</h3>
      <p class="muted">Kilde: ${RULE_SETS["genopretning-2020"].source}.</p>
      ${parameterTable(restorationRows, "parameters-genopretning-2020")}
      <h4>Kalender</h4>
      ${calendarList("genopretning-2020", RESTORATION_CALENDAR, 2022)}
      <h4>Handlekriterier (pr. gruppe)</h4>
      <p>
        ${formatCount(PER_GROUP_CRITERIA.length)} kriterier:
        ${PER_GROUP_CRITERIA.filter((c) => c.measure === "samtaler").length} for samtaler og
        ${PER_GROUP_CRITERIA.filter((c) => c.measure === "tilbud").length} for tilbud
        (${groupsOf(OFFER_GROUPS.map((g) => g.id))}).
      </p>
      <ul>
        ${PER_GROUP_CRITERIA.map((c) => html`<li>${criterionLabel(c.id)} <code>${c.id}</code></li>`)}
      </ul>
    </section>
  </div>`;
}

/** The verdict order of one criterion, with the limit from the defaults. */
export function verdictOrder(): HTMLElement {
  const limit = formatPercentParameter(100 - FOLLOW_UP_DEFAULTS.threshold);
  const min = formatCount(FOLLOW_UP_DEFAULTS.minPopulation);
  const step = (s: keyof typeof STATUS_LABELS, text: string) =>
    html`<li data-status=${s}>
      <strong><span aria-hidden="true">${STATUS_SYMBOLS[s]}</span> ${STATUS_LABELS[s]}</strong> — ${text}
    </li>`;
  return html`<ol class="verdict-order" data-testid="verdict-order">
    ${step("not-covered", `hvis en måned har et kendt antal borgere under ${min}. Kravet gælder kun, når der er mindst ${min} borgere i hver måned.`)}
    ${step("compliant", `ellers: hvis bare én måned med kendt andel ikke ligger over grænsen (${limit} uden indsats ved en tærskel på ${formatPercentParameter(FOLLOW_UP_DEFAULTS.threshold)}). Præcis på grænsen er ikke over.`)}
    ${step("insufficient-data", "ellers: hvis en eller flere måneder mangler en andel. De kendte måneder ligger da alle over grænsen, så de manglende kunne have afgjort sagen begge veje.")}
    ${step("flagged", "ellers: alle måneder i perioden ligger over grænsen.")}
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
      <strong>${EXEMPTION_LABELS["enhanced-supervision"]}</strong> — kommunen står på listen over kommuner under skærpet
      tilsyn i mindst én måned af perioden (listen redigeres af brugeren: <code>data/skaerpet-tilsyn.csv</code>).
    </li>
    <li>
      <strong>${EXEMPTION_LABELS["positive-trend"]}</strong> — andelen uden indsats falder fra hver måned til den næste
      gennem hele perioden (sammenlignet præcist på antallene, hvor de kendes).
    </li>
  </ul>`;
}

/** 2020 ↔ 2024 side by side, from the same constants. */
export function differences(): HTMLElement {
  const f = FOLLOW_UP_DEFAULTS;
  const r = RESTORATION_DEFAULTS;
  const cal = (c: readonly StandardWindow[]) => c.map((w) => w.label).join("; ");
  const rows: [string, string, string][] = [
    [
      "Kriterier",
      `${formatCountWord(OVERALL_CRITERIA.length)}: samtaler og tilbud for kommunen som helhed`,
      `${formatCount(PER_GROUP_CRITERIA.length)}: hver ydelsesgruppe og indsats for sig`,
    ],
    ["Periode", `${formatCountWord(f.windowMonths)} måneder (halvår)`, `${formatCountWord(r.windowMonths)} måneder`],
    ["Kalender", cal(FOLLOW_UP_CALENDAR), cal(RESTORATION_CALENDAR)],
    [
      "En måned over grænsen",
      `mere end ${formatPercentParameter(100 - f.threshold)} uden indsats (under ${formatPercentParameter(f.threshold)} fik den)`,
      `mere end ${formatPercentParameter(r.limit)} uden indsats`,
    ],
    [
      "Mindste antal borgere",
      `${formatCount(f.minPopulation)} i hver måned`,
      `${formatCount(r.minPopulation)} i hver måned`,
    ],
    ["Udpeget når", "alle måneder i perioden er over grænsen", "alle måneder i perioden er over grænsen"],
    ["Undtagelser", "kandidater: skærpet tilsyn, konstant positiv udvikling", "ingen"],
    [
      "Hvad sker der",
      "AMK kontakter kommunen og tilbyder faglig bistand; ingen skriftlig redegørelse",
      `henvendelse og ${formatCountWord(r.restorationMonths)} måneder til at genoprette; derefter redegørelse og genopretningsplan; lykkes genopretningen ikke, kan borgmesteren indkaldes til ministermøde`,
    ],
    [
      "Genoprettet",
      "–",
      `mindst én måned under ${formatPercentParameter(r.limit)} (præcis ${formatPercentParameter(r.limit)} genopretter ikke) eller under ${formatCount(r.minPopulation)} borgere`,
    ],
  ];
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="2020 og 2024 side om side">
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
