/**
 * The restoration model's process for one municipality (lib's timeline()): a strip of the
 * assessments coloured and labelled by stage, then the same as text.
 */
import { html } from "npm:htl";
import {
  STAGES,
  STAGE_LABELS,
  STATUS_SHORT,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatMonthSpanLong,
  formatDateLong,
  type MunicipalityTimeline,
  type Stage,
  type TimelineEvent,
  criterionLabel,
} from "./_gen/tidlig.js";

/** Stage colours (with the label always written next to them); white text on each is ≥ 4.5:1. */
export const STAGE_COLORS: Readonly<Record<Stage, string>> = {
  monitoring: "#6b6b6b",
  contacted: "#9a6200",
  "plan-required": "#b8430f",
  escalated: "#a50f75",
  closed: "#1b7837",
};

const STAGE_SYMBOLS: Readonly<Record<Stage, string>> = {
  monitoring: "○",
  contacted: "!",
  "plan-required": "!!",
  escalated: "▲",
  closed: "✔",
};

function describe(e: TimelineEvent): string {
  const window = formatMonthSpan(e.window);
  const when = formatMonthLong(e.assessment);
  const names = e.underRestoration.map(criterionLabel).join(", ");
  const next = formatMonthLong(e.nextAssessment);
  if (e.check === "trigger") {
    return e.stageAfter === "contacted"
      ? `${when}: udpeget på ${window} (${names}); kommunen får seks måneder til at genoprette indsatsen, næste opfølgning i ${next}.`
      : `${when}: ingen udpegning på ${window} (${STATUS_SHORT[e.outcome].toLowerCase()}).`;
  }
  const checked = e.criteria.map((c) => criterionLabel(c.criterion)).join(", ");
  const followUp = `${when}: opfølgning på genopretningen, ${window} (${checked})`;
  switch (e.stageAfter) {
    case "closed":
      return `${followUp}: genoprettet; forløbet er afsluttet.`;
    case "plan-required": {
      // The plan is due 15 days after the letter; the next assessment is a follow-up, not its deadline.
      const plan = e.plan!;
      const due = plan.planDeadline
        ? `senest ${formatDateLong(plan.planDeadline)}`
        : `senest ${plan.planDueDays} dage efter brevets dato`;
      return `${followUp}: ikke genoprettet; kommunen skal sende en redegørelse og en genopretningsplan for ${plan.planCriteria.map(criterionLabel).join(", ")} ${due}; næste opfølgning i ${next} på ${formatMonthSpanLong(e.nextWindow)}.`;
    }
    case "escalated":
      return e.stageBefore === "escalated"
        ? `${followUp}: fortsat ikke genoprettet; borgmesteren kan indkaldes til et møde med beskæftigelsesministeren.`
        : `${followUp}: fortsat ikke genoprettet efter planen; borgmesteren kan indkaldes til et møde med beskæftigelsesministeren.`;
    default:
      return `${followUp}: kan ikke vurderes (${STATUS_SHORT[e.outcome].toLowerCase()}); stadiet »${STAGE_LABELS[e.stageAfter]}« fortsætter til næste vurdering.`;
  }
}

export function timelineView(t: MunicipalityTimeline | null): HTMLElement {
  if (!t || !t.events.length) {
    return html`<div data-testid="timeline" class="timeline">
      <p>Data dækker ingen vurdering i genopretningsmodellens kalender.</p>
    </div>`;
  }
  const legend = html`<ul class="timeline-legend" aria-label="Stadier">
    ${STAGES.map(
      (s) =>
        html`<li>
          <span class="timeline-swatch" style=${`background:${STAGE_COLORS[s]}`}>${STAGE_SYMBOLS[s]}</span>
          ${STAGE_LABELS[s]}
        </li>`,
    )}
  </ul>`;
  const strip = html`<ol class="timeline-strip" aria-hidden="true">
    ${t.events.map(
      (e) =>
        html`<li
          class="timeline-step"
          data-stage=${e.stageAfter}
          style=${`--stage-color:${STAGE_COLORS[e.stageAfter]}`}
          title=${describe(e)}
        >
          <span class="timeline-date">${formatMonthShort(e.assessment)}</span>
          <span class="timeline-box"
            ><span class="timeline-symbol">${STAGE_SYMBOLS[e.stageAfter]}</span> ${STAGE_LABELS[e.stageAfter]}</span
          >
          <span class="timeline-window">${formatMonthSpan(e.window)}</span>
          ${e.deadline ? html`<span class="timeline-deadline">næste opfølgning ${formatMonthShort(e.deadline)}</span>` : ""}
        </li>`,
    )}
  </ol>`;
  return html`<div data-testid="timeline" class="timeline" data-final-stage=${t.finalStage}>
    ${legend}
    <div class="table-scroll" tabindex="0" role="region" aria-label="Tidslinje (samme forløb som listen nedenfor)">
      ${strip}
    </div>
    <p>Stadie efter sidste vurdering: <strong>${STAGE_LABELS[t.finalStage]}</strong>.</p>
    <ol class="timeline-text">
      ${t.events.map((e) => html`<li data-stage=${e.stageAfter}>${describe(e)}</li>`)}
    </ol>
  </div>`;
}
