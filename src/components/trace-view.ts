/**
 * The full trace of a verdict as a readable table per criterion (months, population, without,
 * share, breach, source), the clause and deciding months, caveats and exemption evidence, the
 * Danish explanation, and the trace as JSON one click away.
 */
import { html } from "npm:htl";
import {
  EXEMPTION_LABELS,
  MODE_LABELS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  RULE_SETS,
  evaluationDocument,
  explain,
  formatCount,
  formatMonthList,
  formatMonthShort,
  formatPercent,
  formatPercentParameter,
  type CriterionTrace,
  type Evaluation,
  type MonthTrace,
  type MunicipalityVerdict,
  CAVEAT_LABELS,
  CLAUSE_LABELS,
  SOURCE_LABELS,
  criterionLabel,
  groupLabel,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";

/** Symbol and label of a status, coloured but never by colour alone. */
export function statusBadge(status: MunicipalityVerdict["status"], label = STATUS_LABELS[status]): HTMLElement {
  return html`<span class="status-badge" data-status=${status} style=${`--status-color:${STATUS_COLORS[status]}`}
    ><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[status]}</span> ${label}</span
  >`;
}

function yesNo(b: boolean | null, yes: string, no: string): string {
  return b === null ? "ukendt" : b ? yes : no;
}

function monthRow(t: CriterionTrace, m: MonthTrace): HTMLElement {
  const deciding = t.decidingMonths.includes(m.month);
  const population =
    m.population === null ? "ukendt" : `${m.populationIsLowerBound ? "mindst " : ""}${formatCount(m.population)}`;
  return html`<tr class=${deciding ? "trace-deciding" : ""} data-month=${m.month} data-breach=${String(m.breach)}>
    <td>
      ${formatMonthShort(m.month)}${deciding ? html` <span title="afgørende måned" aria-label="afgørende måned">◆</span>` : ""}
    </td>
    <td class="num">${population}</td>
    <td class="num">${m.without === null ? "ukendt" : formatCount(m.without)}</td>
    <td class="num">${m.shareWithout === null ? "ukendt" : formatPercent(m.shareWithout)}</td>
    <td>${yesNo(m.breach, "✖ over grænsen", "✔ ikke over")}</td>
    ${t.mode === "restoration" ? html`<td>${yesNo(m.restores, "✔ genopretter", "✖ genopretter ikke")}</td>` : ""}
    <td>
      ${SOURCE_LABELS[m.source]}${m.groupsWithoutCounts.length ? ` (mangler: ${m.groupsWithoutCounts.map(groupLabel).join(", ")})` : ""}
    </td>
  </tr>`;
}

function criterionTrace(t: CriterionTrace): HTMLElement {
  const caveats = t.caveats.map((c) => {
    const months =
      "months" in c
        ? `: ${formatMonthList(c.months)}`
        : c.code === "window-length"
          ? `: ${c.actual} måneder, normalt ${c.expected}`
          : "";
    return html`<li>${CAVEAT_LABELS[c.code] ?? "Forbehold"}${months}</li>`;
  });
  const exemptions = t.exemptionCandidates.map((e) =>
    e.code === "positive-trend"
      ? html`<li>${EXEMPTION_LABELS[e.code]}: ${e.shares.map((s) => formatPercent(s)).join(" → ")}</li>`
      : html`<li>
          ${EXEMPTION_LABELS[e.code]}:
          ${e.entries.map((x) => `${formatMonthShort(x.from)}–${formatMonthShort(x.to)}`).join(", ")}
        </li>`,
  );
  return html`<section class="trace-criterion" data-criterion=${t.criterion} data-status=${t.status}>
    <h3>${criterionLabel(t.criterion)}: ${statusBadge(t.status)}</h3>
    <p class="trace-explanation">${explain(t)}</p>
    <div
      class="table-scroll"
      tabindex="0"
      role="region"
      aria-label=${`Måned for måned: ${criterionLabel(t.criterion)}`}
    >
      <table class="trace-table">
        <caption>
          Måned for måned (◆ = afgørende måned)
        </caption>
        <thead>
          <tr>
            <th>Måned</th>
            <th class="num">Borgere</th>
            <th class="num">Uden indsats</th>
            <th class="num">Andel uden indsats</th>
            <th>Over grænsen</th>
            ${t.mode === "restoration" ? html`<th>Genopretning</th>` : ""}
            <th>Kilde</th>
          </tr>
        </thead>
        <tbody>
          ${t.months.map((m) => monthRow(t, m))}
        </tbody>
      </table>
    </div>
    <dl class="trace-facts">
      <dt>Afgørende regel</dt>
      <dd>${CLAUSE_LABELS[t.clause]}</dd>
      <dt>Afgørende måneder</dt>
      <dd>${t.decidingMonths.length ? formatMonthList(t.decidingMonths) : "ingen"}</dd>
      <dt>Grænse</dt>
      <dd>
        over ${formatPercentParameter(t.limit)} uden indsats er over grænsen; mindst ${formatCount(t.minPopulation)}
        borgere pr. måned
      </dd>
      <dt>Grupper</dt>
      <dd>${t.groups.map(groupLabel).join(", ")}</dd>
      <dt>Forbehold</dt>
      <dd>
        ${
          caveats.length
            ? html`<ul>
                ${caveats}
              </ul>`
            : "ingen"
        }
      </dd>
      <dt>Undtagelseskandidater</dt>
      <dd>
        ${
          exemptions.length
            ? html`<ul>
                ${exemptions}
              </ul>`
            : t.status === "flagged" || t.status === "exempted"
              ? "ingen"
              : "kun relevant for udpegede kriterier"
        }
      </dd>
    </dl>
  </section>`;
}

export interface TraceContext {
  readonly synthetic: boolean;
  readonly inputs: readonly string[];
}

/** The trace of one municipality's verdict (data-testid="trace"). */
export function traceView(evaluation: Evaluation, verdict: MunicipalityVerdict | null, ctx: TraceContext): HTMLElement {
  if (!verdict) {
    return html`<div data-testid="trace" class="trace">
      <p>Data har ingen rækker for kommunen i denne periode.</p>
    </div>`;
  }
  const doc = evaluationDocument({ ...evaluation, municipalities: [verdict] }, ctx);
  const head = `${RULE_SETS[evaluation.ruleSet].name}, ${MODE_LABELS[evaluation.mode].toLowerCase()}, ${formatMonthShort(evaluation.window[0]!)}–${formatMonthShort(evaluation.window[evaluation.window.length - 1]!)}`;
  return html`<div data-testid="trace" class="trace" data-status=${verdict.status}>
    <p>
      ${head}. Kommunens samlede status:
      ${statusBadge(verdict.status)}${verdict.criteria.length ? "" : " (intet kriterium har data)"}.
    </p>
    ${verdict.criteria.map(criterionTrace)}
    <details class="trace-json">
      <summary>
        Beregningsgrundlaget som JSON (samme format som <code>tidlig-indsats evaluate --format json</code>)
      </summary>
      <pre>${JSON.stringify(doc, null, 2)}</pre>
    </details>
  </div>`;
}
