/**
 * The verdicts of the full evaluation as one DuckDB SQL query over the raw cells.
 *
 * DuckDB runs as duckdb-wasm's blocking Node build (already a dependency: the site's SQL explorer
 * uses the same engine in the browser). The raw cells, the criterion table and the windows are
 * loaded once (not timed); `query()` runs the whole evaluation — aggregation (§3.2), clauses
 * (§3.3), municipality status (§3.5) — from scratch each time.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from "apache-arrow";
import { criterionRows, type RawCells, type RequestRow, type Verdicts } from "./plan.ts";

/**
 * The evaluation. Tables: cells(code, grp, measure, mi, pop, wo, snum, sden) with NULL = unknown;
 * crit(crit_set, crit, measure, grp, role); reqs(req, crit_set, lnum, lden, minpop); wmonths(req, mi).
 * All comparisons are on BIGINT: a month is calm when num·lden ≤ lnum·den (share num/den, limit
 * lnum/lden), i.e. no breach; a breach is strictly above the limit.
 */
export const VERDICT_SQL = `
WITH
rowfig AS (
  SELECT c.code, d.crit_set, d.crit, d.role, c.mi, c.pop, c.wo, c.snum, c.sden,
         (c.pop IS NOT NULL AND c.wo IS NOT NULL) AS counts
  FROM cells c JOIN crit d ON c.measure = d.measure AND c.grp = d.grp
),
fed AS (SELECT DISTINCT code, crit_set, crit FROM rowfig),
-- A criterion's own row, or an alle row that has a share or a population (it takes precedence):
-- the exact share from counts when both are known, else the published share.
direct AS (
  SELECT code, crit_set, crit, mi, pop, FALSE AS lb,
         CASE WHEN counts THEN CASE WHEN pop > 0 THEN 100 * wo END ELSE snum END AS num,
         CASE WHEN counts THEN CASE WHEN pop > 0 THEN pop END ELSE sden END AS den
  FROM rowfig
  WHERE role = 'own' OR (role = 'alle' AND (sden IS NOT NULL OR pop IS NOT NULL))
),
-- Otherwise ΣW/ΣP over the group rows with counts; a present group row without counts makes the
-- sum partial (its population only a lower bound); no group with counts: nothing is known.
summed AS (
  SELECT code, crit_set, crit, mi,
         SUM(pop) FILTER (WHERE counts) AS pop,
         SUM(wo) FILTER (WHERE counts) AS wo,
         bool_or(NOT counts) AS lb
  FROM rowfig WHERE role = 'sum'
  GROUP BY code, crit_set, crit, mi
  HAVING bool_or(counts)
),
fig AS (
  SELECT code, crit_set, crit, mi, pop, lb, num, den FROM direct
  UNION ALL
  SELECT s.code, s.crit_set, s.crit, s.mi, s.pop, s.lb,
         CASE WHEN s.pop > 0 THEN 100 * s.wo END, CASE WHEN s.pop > 0 THEN s.pop END
  FROM summed s ANTI JOIN direct d USING (code, crit_set, crit, mi)
),
grid AS (
  SELECT r.req, r.lnum, r.lden, r.minpop, w.mi, f.code, f.crit_set, f.crit
  FROM reqs r JOIN wmonths w USING (req) JOIN fed f ON f.crit_set = r.crit_set
),
monthly AS (
  SELECT g.req, g.code, g.crit,
         (x.pop IS NOT NULL AND x.pop < g.minpop AND NOT x.lb) AS small,
         (x.den IS NOT NULL AND x.num * g.lden <= g.lnum * x.den) AS calm,
         (x.den IS NULL) AS missing
  FROM grid g LEFT JOIN fig x ON x.code = g.code AND x.crit_set = g.crit_set AND x.crit = g.crit AND x.mi = g.mi
),
crit_status AS (
  SELECT req, code, crit,
         CASE WHEN bool_or(small) THEN 'not-covered'
              WHEN bool_or(calm) THEN 'compliant'
              WHEN bool_or(missing) THEN 'insufficient-data'
              ELSE 'flagged' END AS status
  FROM monthly GROUP BY req, code, crit
),
muni AS (
  SELECT r.req, c.code, '*' AS crit,
         CASE WHEN bool_or(s.status = 'flagged') THEN 'flagged'
              WHEN bool_or(s.status = 'insufficient-data') THEN 'insufficient-data'
              WHEN bool_or(s.status = 'compliant') THEN 'compliant'
              ELSE 'not-covered' END AS status
  FROM reqs r CROSS JOIN (SELECT DISTINCT code FROM cells) c
  LEFT JOIN crit_status s ON s.req = r.req AND s.code = c.code
  GROUP BY r.req, c.code
)
SELECT req, code, crit, status FROM crit_status
UNION ALL
SELECT req, code, crit, status FROM muni
`;

export interface DuckFormulation {
  /** Runs the evaluation; returns the result table (req, code, crit, status). */
  run(): Table;
  /** The result as a verdict map. */
  verdicts(t: Table): Verdicts;
  close(): void;
}

let shared: Promise<duckdb.DuckDBBindings> | null = null;

/** One DuckDB instance per process (instantiating the wasm module takes ~1–2 s). */
export function duckdbInstance(): Promise<duckdb.DuckDBBindings> {
  shared ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
    const db = await duckdb.createDuckDB(
      {
        mvp: { mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs") },
        eh: { mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs") },
      },
      new duckdb.VoidLogger(),
      duckdb.NODE_RUNTIME,
    );
    await db.instantiate();
    return db;
  })();
  return shared;
}

/**
 * Arrow IPC bytes of a table. (insertArrowTable would serialize with duckdb-wasm's own copy of
 * apache-arrow — its CommonJS build — which silently inserts nothing for a table made by the ESM
 * build; bytes are the same in both.)
 */
function insert(conn: duckdb.DuckDBConnection, name: string, columns: Record<string, Vector>): void {
  conn.insertArrowFromIPCStream(tableToIPC(new Table(columns), "stream"), { name, schema: "main", create: true });
}

function nullableFloat(values: readonly (number | null)[]) {
  return vectorFromArray(values as (number | null)[], new Float64());
}

/** Loads the inputs into fresh tables of a new connection (replacing any earlier ones). */
export async function duckdbFormulation(cells: RawCells, requests: readonly RequestRow[]): Promise<DuckFormulation> {
  const db = await duckdbInstance();
  const conn = db.connect();
  for (const t of ["cells_in", "cells", "crit", "reqs", "wmonths"]) conn.query(`DROP TABLE IF EXISTS ${t}`);
  insert(conn, "cells_in", {
    code: vectorFromArray(cells.code, new Utf8()),
    grp: vectorFromArray(cells.group, new Utf8()),
    measure: vectorFromArray(cells.measure, new Utf8()),
    mi: vectorFromArray(Array.from(cells.month), new Int32()),
    pop: nullableFloat(cells.population),
    wo: nullableFloat(cells.without),
    snum: nullableFloat(cells.shareNum),
    sden: nullableFloat(cells.shareDen),
  });
  // Counts and shares as exact 64-bit integers.
  conn.query(
    `CREATE TABLE cells AS SELECT code, grp, measure, mi, pop::BIGINT AS pop, wo::BIGINT AS wo, snum::BIGINT AS snum, sden::BIGINT AS sden FROM cells_in`,
  );
  conn.query("DROP TABLE cells_in");
  const crit = criterionRows();
  insert(conn, "crit", {
    crit_set: vectorFromArray(crit.critSet, new Utf8()),
    crit: vectorFromArray(crit.crit, new Utf8()),
    measure: vectorFromArray(crit.measure, new Utf8()),
    grp: vectorFromArray(crit.group, new Utf8()),
    role: vectorFromArray(crit.role, new Utf8()),
  });
  conn.query("CREATE TABLE reqs (req INTEGER, crit_set VARCHAR, lnum BIGINT, lden BIGINT, minpop BIGINT)");
  conn.query("CREATE TABLE wmonths (req INTEGER, mi INTEGER)");
  for (const r of requests) {
    conn.query(`INSERT INTO reqs VALUES (${r.req}, '${r.critSet}', ${r.limitNum}, ${r.limitDen}, ${r.minPopulation})`);
    if (r.months.length) conn.query(`INSERT INTO wmonths VALUES ${r.months.map((m) => `(${r.req}, ${m})`).join(", ")}`);
  }
  return {
    run: () => conn.query(VERDICT_SQL),
    verdicts: (t) => {
      const out: Verdicts = new Map();
      const [req, code, crit, status] = ["req", "code", "crit", "status"].map(
        (c) => t.getChild(c)!.toArray() as ArrayLike<unknown>,
      );
      for (let i = 0; i < t.numRows; i++) out.set(`${req![i]}|${code![i]}|${crit![i]}`, String(status![i]));
      return out;
    },
    close: () => conn.close(),
  };
}
