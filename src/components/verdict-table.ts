/**
 * The verdict table (all municipalities: code, name, region, status with symbol, and the status
 * of each criterion) and the CSV download of the verdicts, made in the browser from lib's toCsv
 * (a Blob link; nothing is uploaded anywhere).
 */
import {
  STATUS_LABELS,
  TABLE_LABELS,
  VERDICT_TABLE_TEXT,
  STATUS_SYMBOLS,
  municipalityByCode,
  toCsv,
  type Evaluation,
  type MunicipalityStatus,
  criterionLabel,
} from "./_gen/tidlig.js";
import type { InPlaceView } from "./view.js";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function statusCell(status: MunicipalityStatus, withLabel: boolean): string {
  const label = STATUS_LABELS[status];
  return withLabel
    ? `<td class="vt-status vt-status--${status}" data-status="${status}"><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[status]}</span> ${escapeHtml(label)}</td>`
    : `<td class="vt-crit vt-status--${status}" data-status="${status}" title="${escapeHtml(label)}"><span class="status-symbol" aria-hidden="true">${STATUS_SYMBOLS[status]}</span><span class="sr-only">${escapeHtml(label)}</span></td>`;
}

/** The criteria in the evaluation, in first-seen order. */
function criteriaOf(e: Evaluation): string[] {
  const seen = new Set<string>();
  for (const m of e.municipalities) for (const c of m.criteria) seen.add(c.criterion);
  return [...seen];
}

export function verdictTable(
  e: Evaluation,
  href: (code: string) => string = (c) => `./kommune/${c}.html`,
): HTMLElement {
  const view = verdictTableView(href);
  view.update(e);
  return view.element;
}

/** A verdict table built once per set of rows and columns, whose status cells are patched in place (view.ts). */
export type VerdictTableView = InPlaceView<Evaluation>;

/** Puts a status into an existing status cell (as statusCell writes it), without parsing HTML. */
function patchStatusCell(td: HTMLTableCellElement, status: MunicipalityStatus, withLabel: boolean): void {
  if (td.getAttribute("data-status") === status) return;
  const label = STATUS_LABELS[status];
  td.className = `${withLabel ? "vt-status" : "vt-crit"} vt-status--${status}`;
  td.setAttribute("data-status", status);
  const symbol = td.firstChild as HTMLElement;
  symbol.textContent = STATUS_SYMBOLS[status];
  if (withLabel) (symbol.nextSibling as Text).nodeValue = ` ${label}`;
  else {
    td.title = label;
    (symbol.nextSibling as HTMLElement).textContent = label;
  }
}

export function verdictTableView(href: (code: string) => string = (c) => `./kommune/${c}.html`): VerdictTableView {
  const wrap = document.createElement("div");
  wrap.className = "verdict-table-wrap";
  // A scroll box for the wide table: focusable and named, so it can be scrolled from the keyboard.
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", VERDICT_TABLE_TEXT.region);
  wrap.dataset.testid = "verdict-table-scroll";
  let key = "";
  /** Per row: the status cell and each criterion's cell (null where the criterion is not measured). */
  let cells: { status: HTMLTableCellElement; criteria: (HTMLTableCellElement | null)[] }[] = [];

  function update(e: Evaluation): void {
    const criteria = criteriaOf(e);
    const shape = e.municipalities.map(
      (m) => `${m.code}:${criteria.map((c) => (m.criteria.some((x) => x.criterion === c) ? 1 : 0)).join("")}`,
    );
    const k = `${criteria.join(",")}|${shape.join(",")}`;
    if (k !== key) {
      key = k;
      wrap.replaceChildren(verdictTableHtml(e, criteria, href));
      const rows = wrap.querySelectorAll("tbody tr");
      cells = Array.from(rows, (tr) => {
        const tds = (tr as HTMLTableRowElement).cells;
        return {
          status: tds[3]!,
          criteria: criteria.map((_, j) => (tds[4 + j]!.hasAttribute("data-status") ? tds[4 + j]! : null)),
        };
      });
      return;
    }
    e.municipalities.forEach((m, r) => {
      const row = cells[r]!;
      patchStatusCell(row.status, m.status, true);
      for (const c of m.criteria) {
        const td = row.criteria[criteria.indexOf(c.criterion)];
        if (td) patchStatusCell(td, c.status, false);
      }
    });
  }
  return { element: wrap, update };
}

function verdictTableHtml(
  e: Evaluation,
  criteria: readonly string[],
  href: (code: string) => string,
): HTMLTableElement {
  const head =
    `<tr><th scope="col">${TABLE_LABELS.code}</th><th scope="col">${TABLE_LABELS.municipality}</th>` +
    `<th scope="col">${TABLE_LABELS.region}</th><th scope="col">${TABLE_LABELS.verdict}</th>` +
    criteria
      .map((c) => `<th scope="col" class="vt-crit-head">${escapeHtml(criterionLabel(c)).replace(": ", ":<br>")}</th>`)
      .join("") +
    `</tr>`;
  const body = e.municipalities
    .map((m) => {
      const byId = new Map(m.criteria.map((c) => [c.criterion, c.status]));
      const region = municipalityByCode(m.code)?.region ?? "";
      return (
        `<tr data-municipality="${escapeHtml(m.code)}"><td>${escapeHtml(m.code)}</td>` +
        `<th scope="row"><a href="${escapeHtml(href(m.code))}">${escapeHtml(m.name)}</a></th><td>${escapeHtml(region.replace(/^Region /, ""))}</td>` +
        statusCell(m.status, true) +
        criteria
          .map((c) =>
            byId.has(c)
              ? statusCell(byId.get(c)!, false)
              : `<td class="vt-crit" title="${TABLE_LABELS.notMeasured}">–</td>`,
          )
          .join("") +
        `</tr>`
      );
    })
    .join("");
  const holder = document.createElement("div");
  holder.innerHTML = `<table class="verdict-table" data-testid="verdict-table"><thead>${head}</thead><tbody>${body}</tbody></table>`;
  return holder.firstChild as HTMLTableElement;
}

/**
 * A download link for the verdicts as CSV. The CSV is made when the link is clicked, so a
 * repaint never pays for it.
 */
export function csvDownload(e: Evaluation, filename: string, text = VERDICT_TABLE_TEXT.download): HTMLElement {
  const a = document.createElement("a");
  a.className = "csv-download";
  a.dataset.testid = "csv-download";
  a.href = "#";
  a.download = filename;
  a.textContent = text;
  a.addEventListener("click", (event) => {
    event.preventDefault();
    const url = URL.createObjectURL(new Blob([toCsv(e)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}
