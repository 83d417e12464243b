/**
 * The audit trail at the foot of every page: which data (kind, date, SHA-256 of the very bytes
 * shown), which version of the rules module, which parameters, and the exact CLI command that
 * reproduces the page's verdicts, with a copy button. Printed with the page (the button is not).
 */
import { html } from "npm:htl";
import {
  AGGREGATION_LABELS,
  AUDIT_LABELS,
  MODE_LABELS,
  RULE_SETS,
  evaluateCommand,
  PARAMETER_TEXT,
  periodLabel,
  type Month,
  type ViewState,
} from "./_gen/tidlig.js";
import { calendarOf, formatDay, isLive, type Provenance } from "./data.js";
import { readViewState } from "./url-state.js";

const LABELS = AUDIT_LABELS;

/** The parameters in force, in Danish, one phrase each. */
export function parameterPhrases(s: ViewState): string[] {
  const common = PARAMETER_TEXT.minPopulation(s.min);
  if (s.rules === "opfoelgning-2024") {
    return [
      RULE_SETS[s.rules].name,
      periodLabel(s.period),
      PARAMETER_TEXT.threshold(s.threshold),
      common,
      AGGREGATION_LABELS[s.aggregation],
      s.exemptions ? LABELS.exemptionsOn : LABELS.exemptionsOff,
    ];
  }
  return [
    RULE_SETS[s.rules].name,
    periodLabel(s.period),
    PARAMETER_TEXT.limit(100 - s.threshold),
    common,
    MODE_LABELS[s.mode].toLowerCase(),
  ];
}

/** What the page itself found, so a reader (and the tests) can compare it with the command's output. */
export interface AuditFacts {
  /** Municipalities flagged (or not restored, in restoration mode) on this page. */
  readonly flagged?: number;
  /** The one municipality the page is about, and its status. */
  readonly municipality?: { readonly code: string; readonly status: string };
  /** The reader's own file (Udforsk): its name, instead of the site's data. */
  readonly ownFile?: string;
  /** The as-of month of an outlook page (Varsling): the command gets `--as-of`. */
  readonly asOf?: Month;
}

function copyButton(command: string, target: () => HTMLElement): HTMLElement {
  const status = html`<span class="audit-copy-status" role="status" aria-live="polite"></span>`;
  const button = html<HTMLButtonElement>`<button type="button" class="audit-copy" aria-label=${LABELS.copyAria}>
    ${LABELS.copy}
  </button>`;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(command);
      status.textContent = LABELS.copied;
    } catch {
      // No clipboard (e.g. not a secure context): select the text for the reader instead.
      const range = document.createRange();
      range.selectNodeContents(target());
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      status.textContent = LABELS.notCopied;
    }
  });
  return html`<span class="no-print">${button} ${status}</span>`;
}

/** The audit trail for `state` on the data described by `p`. */
export function auditTrail(p: Provenance, state: ViewState, facts: AuditFacts = {}): HTMLElement {
  const m = p.manifest;
  const live = isLive(p);
  const sha = typeof p.sha256 === "string" && !facts.ownFile ? p.sha256 : "";
  const kind = facts.ownFile
    ? `${LABELS.own} (${facts.ownFile})`
    : live
      ? `${LABELS.live}, ${LABELS.fetched} ${formatDay(m.fetchedAt)}`
      : `${LABELS.synthetic}${typeof m.seed === "number" ? ` (${LABELS.seed} ${m.seed})` : ""}, ${LABELS.built} ${formatDay(
          p.decidedAt,
        )}`;
  const command = evaluateCommand(state, facts.ownFile ?? p.file) + (facts.asOf ? ` --as-of ${facts.asOf}` : "");
  const code = html`<code class="audit-command" data-testid="audit-command">${command}</code>`;
  return html`<footer
    class="audit-trail"
    data-testid="audit-trail"
    data-kind=${live ? "live" : "synthetic"}
    data-sha256=${sha}
    data-flagged=${facts.flagged ?? ""}
    data-municipality=${facts.municipality?.code ?? ""}
    data-status=${facts.municipality?.status ?? ""}
  >
    <p class="audit-title"><strong>${LABELS.title}</strong></p>
    <dl class="audit-facts">
      <dt>${LABELS.data}</dt>
      <dd>
        ${kind}${sha ? html` · SHA-256 <code title=${sha} data-testid="audit-sha">${sha.slice(0, 16)}</code>` : ""}
      </dd>
      <dt>${LABELS.rules}</dt>
      <dd>tidlig-indsats ${String(p.rulesVersion ?? LABELS.unknownVersion)}</dd>
      <dt>${LABELS.parameters}</dt>
      <dd data-testid="audit-parameters">${parameterPhrases(state).join(" · ")}</dd>
      <dt>${LABELS.command}</dt>
      <dd>${code} ${copyButton(command, () => code)}</dd>
    </dl>
  </footer>`;
}

/** For pages without controls: the state in the URL (or the default view) of the data shown. */
export function auditTrailFromUrl(p: Provenance): HTMLElement {
  const months = p.manifest.months as { from?: Month; to?: Month } | undefined;
  const { defaultPeriod } = calendarOf(months?.from ?? "2021-01", months?.to ?? months?.from ?? "2021-01");
  return auditTrail(p, readViewState(defaultPeriod).state);
}
