/**
 * The full trace of a verdict as a readable table per criterion (months, population, without,
 * share, breach, source), the clause and deciding months, caveats and exemption evidence, the
 * Danish explanation, and the trace as JSON one click away.
 */
import { html } from "npm:htl";
import {
  EXEMPTION_LABELS,
  MONTH_TABLE,
  TRACE_TEXT,
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
  return b === null ? MONTH_TABLE.unknown : b ? yes : no;
}

function monthRow(t: CriterionTrace, m: MonthTrace): HTMLElement {
  const deciding = t.decidingMonths.includes(m.month);
  const population =
    m.population === null
      ? MONTH_TABLE.unknown
      : `${m.populationIsLowerBound ? MONTH_TABLE.atLeast : ""}${formatCount(m.population)}`;
  return html`<tr class=${deciding ? "trace-deciding" : ""} data-month=${m.month} data-breach=${String(m.breach)}>
    <td>
      ${formatMonthShort(m.month)}${deciding ? html` <span title=${MONTH_TABLE.decidingMonth} aria-label=${MONTH_TABLE.decidingMonth}>◆</span>` : ""}
    </td>
    <td class="num">${population}</td>
    <td class="num">${m.without === null ? MONTH_TABLE.unknown : formatCount(m.without)}</td>
    <td class="num">${m.shareWithout === null ? MONTH_TABLE.unknown : formatPercent(m.shareWithout)}</td>
    <td>${yesNo(m.breach, MONTH_TABLE.breachMark, MONTH_TABLE.noBreachMark)}</td>
    ${t.mode === "restoration" ? html`<td>${yesNo(m.restores, MONTH_TABLE.restores, MONTH_TABLE.notRestores)}</td>` : ""}
    <td>
      ${SOURCE_LABELS[m.source]}${m.groupsWithoutCounts.length ? MONTH_TABLE.missingGroups(m.groupsWithoutCounts.map(groupLabel)) : ""}
    </td>
  </tr>`;
}

function criterionTrace(t: CriterionTrace): HTMLElement {
  const caveats = t.caveats.map((c) => {
    const months =
      "months" in c
        ? `: ${formatMonthList(c.months)}`
        : c.code === "window-length"
          ? TRACE_TEXT.windowLength(c.actual, c.expected)
          : "";
    return html`<li>${CAVEAT_LABELS[c.code] ?? TRACE_TEXT.caveats}${months}</li>`;
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
      aria-label=${MONTH_TABLE.monthByMonthOf(criterionLabel(t.criterion))}
    >
      <table class="trace-table">
        <caption>
          ${MONTH_TABLE.monthByMonth}
        </caption>
        <thead>
          <tr>
            <th>${MONTH_TABLE.month}</th>
            <th class="num">${MONTH_TABLE.population}</th>
            <th class="num">${MONTH_TABLE.without}</th>
            <th class="num">${MONTH_TABLE.shareWithout}</th>
            <th>${MONTH_TABLE.overLimit}</th>
            ${t.mode === "restoration" ? html`<th>${MONTH_TABLE.restoration}</th>` : ""}
            <th>${MONTH_TABLE.source}</th>
          </tr>
        </thead>
        <tbody>
          ${t.months.map((m) => monthRow(t, m))}
        </tbody>
      </table>
    </div>
    <dl class="trace-facts">
      <dt>${TRACE_TEXT.clause}</dt>
      <dd>${CLAUSE_LABELS[t.clause]}</dd>
      <dt>${TRACE_TEXT.decidingMonths}</dt>
      <dd>${t.decidingMonths.length ? formatMonthList(t.decidingMonths) : TRACE_TEXT.none}</dd>
      <dt>${TRACE_TEXT.limit}</dt>
      <dd>${TRACE_TEXT.limitFact(t.limit, t.minPopulation)}</dd>
      <dt>${TRACE_TEXT.groups}</dt>
      <dd>${t.groups.map(groupLabel).join(", ")}</dd>
      <dt>${TRACE_TEXT.caveats}</dt>
      <dd>
        ${
          caveats.length
            ? html`<ul>
                ${caveats}
              </ul>`
            : TRACE_TEXT.none
        }
      </dd>
      <dt>${TRACE_TEXT.exemptionCandidates}</dt>
      <dd>
        ${
          exemptions.length
            ? html`<ul>
                ${exemptions}
              </ul>`
            : t.status === "flagged" || t.status === "exempted"
              ? TRACE_TEXT.none
              : TRACE_TEXT.onlyFlagged
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
      <p>${TRACE_TEXT.noRows}</p>
    </div>`;
  }
  const doc = evaluationDocument({ ...evaluation, municipalities: [verdict] }, ctx);
  const head = `${RULE_SETS[evaluation.ruleSet].name}, ${MODE_LABELS[evaluation.mode].toLowerCase()}, ${formatMonthShort(evaluation.window[0]!)}–${formatMonthShort(evaluation.window[evaluation.window.length - 1]!)}`;
  return html`<div data-testid="trace" class="trace" data-status=${verdict.status}>
    <p>
      ${head}. ${TRACE_TEXT.overallStatus}
      ${statusBadge(verdict.status)}${verdict.criteria.length ? "" : TRACE_TEXT.noCriterionData}.
    </p>
    ${verdict.criteria.map(criterionTrace)}
    <details class="trace-json">
      <summary>${TRACE_TEXT.json} <code>${TRACE_TEXT.jsonCommand}</code>)</summary>
      <pre>${JSON.stringify(doc, null, 2)}</pre>
    </details>
  </div>`;
}
