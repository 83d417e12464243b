/**
 * The /data page's pieces: where the shown data comes from (with the SHA-256 and row count
 * re-checked in the browser against the manifest), and the file format, from lib's column list.
 */
import { html } from "npm:htl";
import { LONG_COLUMNS, REQUIRED_LONG_COLUMNS, formatCount } from "./_gen/tidlig.js";
import type { Provenance } from "./data.js";

/** Danish descriptions of the canonical columns (docs/data-format.md §1). */
const COLUMN_TEXT: Readonly<Record<string, string>> = {
  municipality_code:
    "Officiel kommunekode med tre cifre, skrevet som tekst (101, 183, 860). En ukendt kode er en fejl.",
  municipality_name: "Kommunens navn, kun til orientering. Passer navnet ikke til koden, gives en advarsel.",
  benefit_group: "Ydelsesgruppens id (fx sygedagpenge, alle) eller Jobindsats' betegnelse (fx »Sygedagpenge«).",
  measure: "samtaler eller tilbud.",
  month: "Måned som ÅÅÅÅ-MM; Jobindsats' form 2022M09 accepteres også.",
  population: "Antal borgere med seks måneders ydelsesanciennitet i måneden: helt tal ≥ 0, tomt når ukendt.",
  without: "Antal af dem uden den krævede indsats: helt tal mellem 0 og population, tomt når ukendt.",
  share_without: "Andel uden indsats i procent, 0–100, med decimalpunktum eller -komma; tomt eller ».« når ukendt.",
};

export function formatTable(): HTMLElement {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="Filformatet">
    <table class="rules-table" data-testid="format-table">
      <thead>
        <tr>
          <th>Kolonne</th>
          <th>Skal udfyldes</th>
          <th>Indhold</th>
        </tr>
      </thead>
      <tbody>
        ${LONG_COLUMNS.map(
          (c) =>
            html`<tr>
              <td><code>${c}</code></td>
              <td>${(REQUIRED_LONG_COLUMNS as readonly string[]).includes(c) ? "ja" : "nej"}</td>
              <td>${COLUMN_TEXT[c] ?? ""}</td>
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
    : "ukendt";

/** Provenance of the data shown, with the checksum and row count verified on the bytes served. */
/**
 * Why the build chose this data, in Danish: the build log's reason is English (it is meant for the
 * terminal), so the page says the same thing in its own words.
 */
function dataChoice(kind: Provenance["kind"], reason: string): string {
  if (kind === "live") return "Øjebliksbilledet fra Jobindsats i data/jobindsats er gyldigt og bruges.";
  const why = /=synthetic/.test(reason)
    ? "de syntetiske data er valgt udtrykkeligt ved bygningen"
    : /not usable/.test(reason)
      ? "øjebliksbilledet fra Jobindsats i data/jobindsats kan ikke bruges (se byggeloggen)"
      : "der er intet øjebliksbillede fra Jobindsats i data/jobindsats";
  return `Syntetiske data fra data/synthetic, fordi ${why}.`;
}

export async function provenanceView(p: Provenance & { reason?: string }, bytes: ArrayBuffer): Promise<HTMLElement> {
  const m = p.manifest as Record<string, unknown>;
  const actualHash = await sha256(bytes);
  const rows = countRows(bytes);
  const months = m.months as { from?: string; to?: string } | undefined;
  const hashOk = actualHash !== null && actualHash === m.sha256;
  const rowsOk = rows === m.rows;
  const facts: [string, unknown][] = [
    [
      "Kilde",
      p.synthetic ? "Syntetiske data (opfundne tal til demonstration)" : "Jobindsats (STAR), hentet med API'et",
    ],
    ["Fil", p.file],
    ...(p.synthetic
      ? ([
          ["Generator", `${String(m.generator ?? "ukendt")} ${String(m.generatorVersion ?? "")}`.trim()],
          ["Seed", String(m.seed ?? "ukendt")],
        ] as [string, unknown][])
      : ([
          ["Hentet", fmtDate(m.fetchedAt)],
          ["API", String(m.baseUrl ?? "ukendt")],
        ] as [string, unknown][])),
    ["Måneder", months?.from && months.to ? `${months.from} til ${months.to}` : "ukendt"],
    ["Kommuner", typeof m.municipalities === "number" ? formatCount(m.municipalities) : "ukendt"],
    [
      "Rækker",
      html`${typeof m.rows === "number" ? formatCount(m.rows) : "ukendt"} ifølge manifestet; ${formatCount(rows)} i den
      viste fil ${rowsOk ? "✔" : "✖ stemmer ikke"}`,
    ],
    [
      "SHA-256",
      html`<code>${String(m.sha256 ?? "ukendt")}</code><br />${
          actualHash === null
            ? "kan ikke efterprøves i denne browser"
            : hashOk
              ? "✔ stemmer med den viste fil"
              : html`✖ den viste fil har <code>${actualHash}</code>`
        }`,
    ],
  ];
  if (p.reason) facts.push(["Datavalg", dataChoice(p.kind, p.reason)]);
  return html`<div
    data-testid="provenance"
    data-synthetic=${String(p.synthetic)}
    data-hash-ok=${String(hashOk)}
    data-rows=${rows}
  >
    <dl class="data-facts">${facts.flatMap(([k, v]) => [html`<dt>${k}</dt>`, html`<dd>${v}</dd>`])}</dl>
    <details>
      <summary>Manifestet som JSON</summary>
      <pre>${JSON.stringify(p.manifest, null, 2)}</pre>
    </details>
  </div>`;
}
