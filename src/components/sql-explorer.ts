/**
 * The /udforsk SQL explorer: the measurements and the verdicts as DuckDB tables, example queries,
 * a result table, a quick chart when the result has a numeric column, and CSV download.
 * DuckDB itself comes from the page (Framework's DuckDBClient), so only /udforsk loads it.
 */
import { html } from "npm:htl";
import * as Plot from "npm:@observablehq/plot";
import { accessibleChart } from "./chart-a11y.js";
import {
  SQL_TEXT,
  STATUS_LABELS,
  explain,
  formatCount,
  municipalityByCode,
  type Evaluation,
  type Measurements,
} from "./_gen/tidlig.js";

/** The subset of Framework's DuckDBClient the explorer uses. */
export interface DuckClient {
  query(sql: string): Promise<ArrowResult>;
  readonly _db: { connect(): Promise<DuckConnection> };
}
interface DuckConnection {
  query(sql: string): Promise<unknown>;
  insertArrowTable(table: unknown, options: { name: string; schema?: string; create?: boolean }): Promise<void>;
  close(): Promise<void>;
}
/** An Arrow table as DuckDB returns it. */
export interface ArrowResult {
  readonly numRows: number;
  readonly schema: {
    readonly fields: readonly { readonly name: string; readonly type: { readonly typeId: number } }[];
  };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

export type Row = Record<string, string | number | boolean | null>;

/**
 * The measurements as plain arrays per column of the canonical CSV (docs/data-format.md §1) plus the region,
 * for the SQL table (not lib's typed MeasurementColumns).
 */
export function sqlMeasurementColumns(m: Measurements): Record<string, (string | number | null)[]> {
  const n = m.cells.length;
  const cols = {
    municipality_code: new Array<string>(n),
    municipality_name: new Array<string | null>(n),
    region: new Array<string | null>(n),
    benefit_group: new Array<string>(n),
    measure: new Array<string>(n),
    month: new Array<string>(n),
    population: new Array<number | null>(n),
    without: new Array<number | null>(n),
    share_without: new Array<number | null>(n),
  };
  const known = new Map<string, { name: string | null; region: string | null }>();
  m.cells.forEach((c, i) => {
    let info = known.get(c.municipalityCode);
    if (!info) {
      const mu = municipalityByCode(c.municipalityCode);
      info = { name: m.names.get(c.municipalityCode) ?? mu?.name ?? null, region: mu?.region ?? null };
      known.set(c.municipalityCode, info);
    }
    cols.municipality_code[i] = c.municipalityCode;
    cols.municipality_name[i] = info.name;
    cols.region[i] = info.region;
    cols.benefit_group[i] = c.benefitGroup;
    cols.measure[i] = c.measure;
    cols.month[i] = c.month;
    cols.population[i] = c.population;
    cols.without[i] = c.without;
    cols.share_without[i] = c.shareWithout === null ? null : c.shareWithout.num / c.shareWithout.den;
  });
  return cols;
}

/** One row per municipality and criterion of an evaluation (a municipality without criteria: one row). */
export function verdictRows(e: Evaluation): Row[] {
  const rows: Row[] = [];
  for (const m of e.municipalities) {
    const base = {
      municipality_code: m.code,
      municipality_name: m.name,
      region: municipalityByCode(m.code)?.region ?? null,
      rule_set: e.ruleSet,
      mode: e.mode,
      period: e.period,
      municipality_status: m.status,
    };
    if (!m.criteria.length) {
      rows.push({
        ...base,
        criterion: null,
        criterion_status: null,
        status_label: STATUS_LABELS[m.status],
        months_in_breach: null,
        max_share_without: null,
        min_share_without: null,
        explanation: null,
      });
    }
    for (const c of m.criteria) {
      const shares = c.months.map((x) => x.shareWithout).filter((x): x is number => x !== null);
      rows.push({
        ...base,
        criterion: c.criterion,
        criterion_status: c.status,
        status_label: STATUS_LABELS[c.status],
        months_in_breach: c.months.filter((x) => x.breach === true).length,
        max_share_without: shares.length ? Math.max(...shares) : null,
        min_share_without: shares.length ? Math.min(...shares) : null,
        explanation: explain(c),
      });
    }
  }
  return rows;
}

/** Replaces (or creates) a table from an Arrow table. */
export async function replaceTable(db: DuckClient, name: string, arrowTable: unknown): Promise<void> {
  const c = await db._db.connect();
  try {
    await c.query(`DROP TABLE IF EXISTS "${name}"`);
    await c.insertArrowTable(arrowTable, { name, schema: "main", create: true });
  } finally {
    await c.close();
  }
}

export interface ExampleQuery {
  readonly label: string;
  readonly sql: (ctx: { period: string; municipality: string; firstMonth: string }) => string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    label: SQL_TEXT.exampleFlaggedByRegion,
    sql: () => `SELECT coalesce(region, 'ukendt') AS region, count(DISTINCT municipality_code) AS udpegede
FROM verdicts
WHERE municipality_status IN ('flagged', 'not-restored')
GROUP BY 1
ORDER BY udpegede DESC, region`,
  },
  {
    label: SQL_TEXT.exampleOneMunicipality,
    sql: ({ municipality }) => `SELECT month, measure, share_without
FROM measurements
WHERE municipality_code = '${municipality}' AND benefit_group = 'alle'
ORDER BY month, measure`,
  },
  {
    label: SQL_TEXT.exampleExactlyTwenty,
    sql: () => `SELECT municipality_name, benefit_group, measure, month, share_without
FROM measurements
WHERE share_without = 20.0
ORDER BY month, municipality_name
LIMIT 500`,
  },
  {
    label: SQL_TEXT.exampleAverage,
    sql: () => `SELECT month, round(avg(share_without), 1) AS gennemsnit
FROM measurements
WHERE benefit_group = 'alle' AND measure = 'samtaler'
GROUP BY month
ORDER BY month`,
  },
  {
    label: SQL_TEXT.exampleCriteria,
    sql: () => `SELECT criterion, status_label, count(*) AS antal
FROM verdicts
WHERE criterion IS NOT NULL
GROUP BY ALL
ORDER BY criterion, antal DESC`,
  },
];

const NUMBER = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 4 });

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? formatCount(v) : NUMBER.format(v);
  if (typeof v === "bigint") return formatCount(Number(v));
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Plain rows from a DuckDB result (BigInt → number). */
export function resultRows(t: ArrowResult): Row[] {
  return t.toArray().map((r) => {
    const o = r.toJSON();
    const out: Row = {};
    for (const [k, v] of Object.entries(o)) {
      out[k] =
        typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as Row[string]);
    }
    return out;
  });
}

/** CSV (comma, RFC 4180 quoting, decimal point) of result rows, for download. */
export function rowsToCsv(columns: readonly string[], rows: readonly Row[]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [columns.map(field).join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join("\n") + "\n"
  );
}

/** A quick chart of a result: the first numeric column against the first other column. */
export function quickChart(columns: readonly string[], rows: readonly Row[]): SVGElement | HTMLElement | null {
  const y = columns.find((c) => rows.some((r) => typeof r[c] === "number"));
  const x = columns.find((c) => c !== y && rows.some((r) => typeof r[c] === "string"));
  if (!y || !x || !rows.length) return null;
  const series = columns.find((c) => c !== x && c !== y && rows.some((r) => typeof r[c] === "string"));
  const monthly = rows.every((r) => r[x] === null || /^\d{4}-\d{2}$/.test(String(r[x])));
  const data = rows.filter((r) => typeof r[y] === "number" && r[x] !== null);
  const fmt = (v: number) => NUMBER.format(v);
  const aria = { ariaLabel: SQL_TEXT.chartName(y, x), ariaDescription: SQL_TEXT.chartDescription };
  const chart = monthly
    ? Plot.plot({
        ...aria,
        height: 300,
        marginLeft: 60,
        x: { type: "utc", label: x },
        y: { label: y, grid: true, tickFormat: fmt },
        color: series ? { legend: true } : undefined,
        marks: [
          Plot.lineY(
            data.map((r) => ({ ...r, __x: new Date(`${r[x]}-01T00:00:00Z`) })),
            { x: "__x", y, ...(series ? { stroke: series } : {}), tip: true },
          ),
          Plot.ruleY([0]),
        ],
      })
    : Plot.plot({
        ...aria,
        height: Math.min(24 * Math.min(data.length, 40) + 40, 1000),
        marginLeft: 180,
        x: { label: y, grid: true, tickFormat: fmt },
        y: { label: null },
        marks: [
          Plot.barX(data.slice(0, 40), { x: y, y: (r: Row) => String(r[x]), sort: { y: "-x" }, tip: true }),
          Plot.ruleX([0]),
        ],
      });
  return accessibleChart(chart);
}

const MAX_SHOWN = 500;

function resultTable(columns: readonly string[], rows: readonly Row[]): HTMLElement {
  const numeric = new Set(columns.filter((c) => rows.some((r) => typeof r[c] === "number")));
  return html`<div class="sql-result-table" tabindex="0" role="region" aria-label=${SQL_TEXT.resultRegion}>
    <table data-testid="sql-result" data-rows=${rows.length}>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col" class=${numeric.has(c) ? "num" : ""}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.slice(0, MAX_SHOWN).map(
          (r) =>
            html`<tr>
              ${columns.map((c) => html`<td class=${numeric.has(c) ? "num" : ""}>${cellText(r[c])}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

let lastQuery: string | null = null;

export interface ExplorerContext {
  readonly period: string;
  readonly municipality: string;
  readonly firstMonth: string;
}

/** The explorer element: example picker, query editor, run button, error, result, chart, download. */
export function sqlExplorer(db: DuckClient, ctx: ExplorerContext): HTMLElement {
  const examples = html<HTMLSelectElement>`<select id="sql-example" aria-label=${SQL_TEXT.example}>
    <option value="">${SQL_TEXT.chooseExample}</option>
    ${EXAMPLE_QUERIES.map((q, i) => html`<option value=${String(i)}>${q.label}</option>`)}
  </select>`;
  const editor = html<HTMLTextAreaElement>`<textarea
    id="sql-query"
    class="sql-query"
    rows="7"
    spellcheck="false"
    aria-label=${SQL_TEXT.query}
  ></textarea>`;
  editor.value = lastQuery ?? EXAMPLE_QUERIES[0]!.sql(ctx);
  const run = html<HTMLButtonElement>`<button type="submit" id="sql-run">${SQL_TEXT.run}</button>`;
  const error = html`<div class="sql-error" role="alert" data-testid="sql-error" hidden></div>`;
  const status = html`<p class="sql-status" role="status" aria-live="polite"></p>`;
  const output = html`<div class="sql-output"></div>`;

  let runId = 0;
  const execute = async () => {
    const id = ++runId;
    const query = editor.value;
    lastQuery = query;
    error.hidden = true;
    error.textContent = "";
    status.textContent = SQL_TEXT.running;
    run.disabled = true;
    try {
      const started = performance.now();
      const t = await db.query(query);
      if (id !== runId) return;
      const columns = t.schema.fields.map((f) => f.name);
      const rows = resultRows(t);
      const ms = performance.now() - started;
      status.textContent = SQL_TEXT.done(rows.length, Math.max(1, Math.round(ms)), MAX_SHOWN);
      const csv = rowsToCsv(columns, rows);
      const href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const chart = quickChart(columns, rows);
      output.replaceChildren(
        html`<p>
          <a href=${href} download=${SQL_TEXT.downloadFile} data-testid="sql-download">${SQL_TEXT.download}</a>
        </p>`,
        resultTable(columns, rows),
        chart
          ? html`<figure class="sql-chart">
              ${chart}
              <figcaption>${SQL_TEXT.quickChart}</figcaption>
            </figure>`
          : "",
      );
    } catch (e) {
      if (id !== runId) return;
      status.textContent = "";
      error.hidden = false;
      error.replaceChildren(
        html`<strong>${SQL_TEXT.failed}</strong> <code>${(e as Error).message ?? String(e)}</code>`,
      );
      output.replaceChildren();
    } finally {
      if (id === runId) run.disabled = false;
    }
  };

  examples.addEventListener("change", () => {
    const q = EXAMPLE_QUERIES[Number(examples.value)];
    if (examples.value === "" || !q) return;
    editor.value = q.sql(ctx);
    void execute();
  });
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });
  const form = html`<form class="sql-explorer" data-testid="sql-explorer">
    <div class="sql-controls"><label for="sql-example">${SQL_TEXT.examples}</label> ${examples}</div>
    ${editor}
    <div class="sql-controls">${run} <span class="muted">(Ctrl+Enter)</span></div>
    ${error}${status}${output}
  </form>`;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void execute();
  });
  form.addEventListener("input", (e) => e.stopPropagation());
  void execute();
  return form;
}
