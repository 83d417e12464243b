/**
 * "Own data" on /udforsk: drop or choose files, or paste tables (long CSV or Jobindsats wide
 * tables, several at once), parsed in a Web Worker with lib's importer. Nothing leaves the browser.
 * The panel is an Observable view: `.value` is the loaded data (or null for the site's default
 * data) and it dispatches "input" when that changes. Bad input shows the importer's messages line
 * by line and loads nothing.
 */
import { html } from "npm:htl";
import {
  OWN_DATA_TEXT,
  MeasurementIndex,
  danishIssueMessage,
  issueCode,
  formatCount,
  measurementCount,
  parsePeriod,
  standardPeriods,
  type InputIssue,
  type Measurements,
  type Period,
  type RuleSetId,
} from "./_gen/tidlig.js";
import type { Provenance, SiteData } from "./data.js";
import type { ParseInput, ParseMessage } from "./parse-worker.js";
import { unpackMeasurements } from "./cells-transfer.js";
import { valueView } from "./view.js";

export interface OwnData {
  readonly label: string;
  readonly measurements: Measurements;
  readonly data: SiteData;
}

/** SiteData for any measurements: index, standard periods, and the latest one as default. */
export function datasetOf(measurements: Measurements, provenance: Provenance): SiteData {
  const index = new MeasurementIndex(measurements);
  const first = index.firstMonth ?? "2021-01";
  const last = index.lastMonth ?? "2021-01";
  const whole = parsePeriod(`${first}..${last}`) as Period;
  const periods = {
    "opfoelgning-2024": standardPeriods("opfoelgning-2024", first, last),
    "genopretning-2020": standardPeriods("genopretning-2020", first, last),
  };
  const defaultPeriod = (rules: RuleSetId): Period => periods[rules][periods[rules].length - 1] ?? whole;
  return { index, provenance, periods, defaultPeriod };
}

/**
 * The rule set to show own data under first: the follow-up model when the data hold one of its
 * half-years, else the restoration model when they hold one of its windows (e.g. Sep–Nov).
 */
export function preferredRuleSet(data: SiteData): RuleSetId {
  if (data.periods["opfoelgning-2024"].length) return "opfoelgning-2024";
  if (data.periods["genopretning-2020"].length) return "genopretning-2020";
  return "opfoelgning-2024";
}

function issueWhere(i: InputIssue): string {
  return [i.file, i.line ?? "", i.column ?? ""].filter((x) => x !== "").join(":");
}

/** One importer message as a list item: place, column, value, message. */
export function issueItem(i: InputIssue): HTMLElement {
  return html`<li class=${`issue issue--${i.severity}`} data-line=${i.line ?? ""} data-column=${i.column ?? ""}>
    <code class="issue-where">${issueWhere(i)}</code>
    <span class="issue-severity">${i.severity === "error" ? OWN_DATA_TEXT.error : OWN_DATA_TEXT.warning}</span>
    ${i.columnName !== null ? html`<span class="issue-column">${OWN_DATA_TEXT.column(i.columnName)}</span>` : ""}
    ${
      i.value !== null
        ? html`<span class="issue-value"
            >${OWN_DATA_TEXT.valueBefore}<code>${i.value}</code>${OWN_DATA_TEXT.valueAfter}</span
          >`
        : ""
    }
    <span class="issue-message" data-code=${issueCode(i) ?? ""}>${danishIssueMessage(i)}</span>
  </li>`;
}

export type OwnDataPanel = HTMLElement & { value: OwnData | null };

/** The panel; `workerUrl` is the parse worker's URL (import.meta.resolve in the page). */
export function ownDataPanel(workerUrl: string): OwnDataPanel {
  const fileInput = html<HTMLInputElement>`<input
    type="file"
    id="own-files"
    multiple
    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
  />`;
  const paste = html<HTMLTextAreaElement>`<textarea
    id="own-paste"
    rows="8"
    spellcheck="false"
    placeholder=${OWN_DATA_TEXT.pastePlaceholder}
  ></textarea>`;
  const loadPaste = html<HTMLButtonElement>`<button type="button" id="own-load-paste">
    ${OWN_DATA_TEXT.loadPaste}
  </button>`;
  const reset = html<HTMLButtonElement>`<button type="button" id="own-reset" hidden>${OWN_DATA_TEXT.reset}</button>`;
  const bar = html<HTMLProgressElement>`<progress max="1"></progress>`;
  const progressText = html`<span></span>`;
  const progress = html`<div class="own-progress" role="status" aria-live="polite" data-testid="own-progress" hidden>
    ${bar} ${progressText}
  </div>`;
  const messages = html`<div class="own-messages" data-testid="own-messages"></div>`;
  const drop = html`<div class="own-drop" data-testid="own-drop" tabindex="-1">
    <p>
      <strong>${OWN_DATA_TEXT.dropHere}</strong> ${OWN_DATA_TEXT.or}
      <label for="own-files">${OWN_DATA_TEXT.chooseFiles}</label> ${fileInput}
    </p>
    <p class="muted">${OWN_DATA_TEXT.dropHelp}</p>
  </div>`;
  const panel = html`<section class="own-data" aria-labelledby="own-data-heading" data-testid="own-data">
    ${drop}
    <label for="own-paste">${OWN_DATA_TEXT.pasteLabel}</label>
    ${paste}
    <div class="own-buttons">${loadPaste} ${reset}</div>
    ${progress}${messages}
  </section>`;

  let value: OwnData | null = null;
  let worker: Worker | null = null;
  let requestId = 0;

  const setBusy = (busy: boolean) => {
    loadPaste.disabled = busy;
    fileInput.disabled = busy;
    panel.setAttribute("aria-busy", String(busy));
  };

  const showProgress = (text: string, fraction: number | null) => {
    progress.hidden = false;
    progressText.textContent =
      text + (fraction === null ? " …" : ` (${formatCount(Math.round(fraction * 100))}\u00a0%)`);
    if (fraction === null) bar.removeAttribute("value");
    else bar.value = fraction;
  };

  const fail = (label: string, issues: readonly InputIssue[], message: string) => {
    const errors = issues.filter((i) => i.severity === "error");
    const warnings = issues.filter((i) => i.severity === "warning");
    messages.replaceChildren(
      html`<div class="own-error" role="alert" data-testid="own-error">
        <p>
          <strong>${OWN_DATA_TEXT.notLoaded(label)}</strong>:
          ${errors.length ? OWN_DATA_TEXT.errorCount(errors.length) : message}${OWN_DATA_TEXT.nothingLoaded}
        </p>
        ${
          issues.length
            ? html`<ol class="issue-list" data-testid="import-issues">
                ${[...errors, ...warnings].map(issueItem)}
              </ol>`
            : ""
        }
      </div>`,
    );
  };

  const succeed = (label: string, measurements: Measurements) => {
    const data = datasetOf(measurements, { kind: "synthetic", synthetic: false, file: label, manifest: {} });
    performance.mark("own-data:indexed");
    const codes = data.index.codes.length;
    const first = data.index.firstMonth;
    const last = data.index.lastMonth;
    messages.replaceChildren(
      html`<div
        class="own-ok"
        role="status"
        data-testid="own-summary"
        data-cells=${measurementCount(measurements)}
        data-municipalities=${codes}
      >
        <p>
          <strong>${OWN_DATA_TEXT.loaded}</strong>
          ${OWN_DATA_TEXT.loadedSummary(label, measurementCount(measurements), codes, first, last)}
        </p>
        ${
          measurements.warnings.length
            ? html`<details>
                <summary>${OWN_DATA_TEXT.warnings(measurements.warnings.length)}</summary>
                <ol class="issue-list">
                  ${measurements.warnings.map(issueItem)}
                </ol>
              </details>`
            : ""
        }
      </div>`,
    );
    value = { label, measurements, data };
    reset.hidden = false;
    panel.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const load = (label: string, inputs: ParseInput[]) => {
    const id = ++requestId;
    worker ??= new Worker(workerUrl, { type: "module" });
    setBusy(true);
    messages.replaceChildren();
    showProgress(OWN_DATA_TEXT.starting, 0);
    worker.onmessage = (event: MessageEvent<ParseMessage>) => {
      const msg = event.data;
      if (msg.id !== id) return;
      if (msg.type === "progress") return showProgress(msg.text, msg.fraction);
      performance.mark("own-data:received");
      setBusy(false);
      if (msg.type === "done") {
        showProgress(OWN_DATA_TEXT.done, 1);
        succeed(label, unpackMeasurements(msg.packed));
      } else {
        progress.hidden = true;
        fail(label, msg.issues, OWN_DATA_TEXT.stoppedUnexpectedly);
      }
    };
    worker.onerror = () => {
      setBusy(false);
      progress.hidden = true;
      fail(label, [], OWN_DATA_TEXT.stoppedUnexpectedly);
    };
    worker.postMessage({ id, inputs });
  };

  const loadFiles = (files: FileList | File[] | null) => {
    const list: File[] = files ? Array.from(files as ArrayLike<File>) : [];
    if (!list.length) return;
    load(
      list.length === 1 ? list[0]!.name : OWN_DATA_TEXT.files(list.length),
      list.map((file) => ({ kind: "file" as const, file })),
    );
  };

  fileInput.addEventListener("change", (e) => {
    e.stopPropagation();
    loadFiles(fileInput.files);
  });
  loadPaste.addEventListener("click", () => {
    if (paste.value.trim() === "") {
      fail(OWN_DATA_TEXT.pasted, [], OWN_DATA_TEXT.empty);
      return;
    }
    load(OWN_DATA_TEXT.pasted, [{ kind: "text", name: OWN_DATA_TEXT.pastedFile, text: paste.value }]);
  });
  reset.addEventListener("click", () => {
    value = null;
    reset.hidden = true;
    progress.hidden = true;
    messages.replaceChildren();
    panel.dispatchEvent(new Event("input", { bubbles: true }));
  });
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("own-drop--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("own-drop--over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("own-drop--over");
    loadFiles(e.dataTransfer?.files ?? null);
  });
  // Typing in the textarea is not a change of the view's value.
  paste.addEventListener("input", (e) => e.stopPropagation());

  return valueView(panel, { get: () => value, set: (v: OwnData | null) => (value = v) });
}
