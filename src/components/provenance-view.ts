/**
 * The /data page's pieces: where the shown data comes from (with the SHA-256 and row count
 * re-checked in the browser against the manifest), and the file format, from lib's column list.
 */
import { html } from "npm:htl";
import {
  COLUMN_DESCRIPTIONS,
  LONG_COLUMNS,
  PROVENANCE_TEXT as T,
  REQUIRED_LONG_COLUMNS,
  formatCount,
} from "./_gen/tidlig.js";
import type { Provenance } from "./data.js";

export function formatTable(): HTMLElement {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${T.formatRegion}>
    <table class="rules-table" data-testid="format-table">
      <thead>
        <tr>
          <th>${T.column}</th>
          <th>${T.required}</th>
          <th>${T.content}</th>
        </tr>
      </thead>
      <tbody>
        ${LONG_COLUMNS.map(
          (c) =>
            html`<tr>
              <td><code>${c}</code></td>
              <td>${(REQUIRED_LONG_COLUMNS as readonly string[]).includes(c) ? T.yes : T.no}</td>
              <td>${COLUMN_DESCRIPTIONS[c] ?? ""}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

async function sha256(bytes: ArrayBuffer): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function countRows(bytes: ArrayBuffer): number {
  const view = new Uint8Array(bytes);
  let lines = 0;
  for (let i = 0; i < view.length; i++) if (view[i] === 10) lines++;
  if (view.length && view[view.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

const fmtDate = (iso: unknown) =>
  typeof iso === "string" && Number.isFinite(Date.parse(iso))
    ? new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(
        new Date(iso),
      )
    : T.unknown;

/** Provenance of the data shown, with the checksum and row count verified on the bytes served. */
/**
 * Why the build chose this data, in Danish: the build log's reason is English (it is meant for the
 * terminal), so the page says the same thing in its own words.
 */
function dataChoice(kind: Provenance["kind"], reason: string): string {
  if (kind === "live") return T.liveChosen;
  const why = /=synthetic/.test(reason)
    ? T.chosenSynthetic
    : /not usable/.test(reason)
      ? T.snapshotUnusable
      : T.noSnapshot;
  return T.syntheticBecause(why);
}

export async function provenanceView(p: Provenance & { reason?: string }, bytes: ArrayBuffer): Promise<HTMLElement> {
  const m = p.manifest as Record<string, unknown>;
  const actualHash = await sha256(bytes);
  const rows = countRows(bytes);
  const months = m.months as { from?: string; to?: string } | undefined;
  const hashOk = actualHash !== null && actualHash === m.sha256;
  const rowsOk = rows === m.rows;
  const facts: [string, unknown][] = [
    [T.source, p.synthetic ? T.sourceSynthetic : T.sourceLive],
    [T.file, p.file],
    ...(p.synthetic
      ? ([
          [T.generator, `${String(m.generator ?? T.unknown)} ${String(m.generatorVersion ?? "")}`.trim()],
          [T.seed, String(m.seed ?? T.unknown)],
        ] as [string, unknown][])
      : ([
          [T.fetched, fmtDate(m.fetchedAt)],
          [T.api, String(m.baseUrl ?? T.unknown)],
        ] as [string, unknown][])),
    [T.months, months?.from && months.to ? T.monthSpan(months.from, months.to) : T.unknown],
    [T.municipalities, typeof m.municipalities === "number" ? formatCount(m.municipalities) : T.unknown],
    [T.rows, T.rowsFact(typeof m.rows === "number" ? formatCount(m.rows) : T.unknown, formatCount(rows), rowsOk)],
    [
      T.sha,
      html`<code>${String(m.sha256 ?? T.unknown)}</code><br />${
          actualHash === null ? T.cannotVerify : hashOk ? T.shaOk : html`${T.shaDiffers} <code>${actualHash}</code>`
        }`,
    ],
  ];
  if (p.reason) facts.push([T.choice, dataChoice(p.kind, p.reason)]);
  return html`<div
    data-testid="provenance"
    data-synthetic=${String(p.synthetic)}
    data-hash-ok=${String(hashOk)}
    data-rows=${rows}
  >
    <dl class="data-facts">${facts.flatMap(([k, v]) => [html`<dt>${k}</dt>`, html`<dd>${v}</dd>`])}</dl>
    <details>
      <summary>${T.manifestJson}</summary>
      <pre>${JSON.stringify(p.manifest, null, 2)}</pre>
    </details>
  </div>`;
}
