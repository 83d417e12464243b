/**
 * The restoration model's process for one municipality (lib's timeline()): a strip of the
 * assessments coloured and labelled by stage, then the same as text.
 */
import { html } from "npm:htl";
import {
  STAGES,
  STAGE_LABELS,
  TIMELINE_TEXT,
  formatMonthShort,
  formatMonthSpan,
  timelineEventSentence,
  type MunicipalityTimeline,
  type Stage,
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

export function timelineView(t: MunicipalityTimeline | null): HTMLElement {
  if (!t || !t.events.length) {
    return html`<div data-testid="timeline" class="timeline">
      <p>${TIMELINE_TEXT.noAssessment}</p>
    </div>`;
  }
  const legend = html`<ul class="timeline-legend" aria-label=${TIMELINE_TEXT.stages}>
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
          title=${timelineEventSentence(e)}
        >
          <span class="timeline-date">${formatMonthShort(e.assessment)}</span>
          <span class="timeline-box"
            ><span class="timeline-symbol">${STAGE_SYMBOLS[e.stageAfter]}</span> ${STAGE_LABELS[e.stageAfter]}</span
          >
          <span class="timeline-window">${formatMonthSpan(e.window)}</span>
          ${e.deadline ? html`<span class="timeline-deadline">${TIMELINE_TEXT.nextFollowUp(e.deadline)}</span>` : ""}
        </li>`,
    )}
  </ol>`;
  return html`<div data-testid="timeline" class="timeline" data-final-stage=${t.finalStage}>
    ${legend}
    <div class="table-scroll" tabindex="0" role="region" aria-label=${TIMELINE_TEXT.stripRegion}>${strip}</div>
    <p>${TIMELINE_TEXT.finalStage} <strong>${STAGE_LABELS[t.finalStage]}</strong>.</p>
    <ol class="timeline-text">
      ${t.events.map((e) => html`<li data-stage=${e.stageAfter}>${timelineEventSentence(e)}</li>`)}
    </ol>
  </div>`;
}
